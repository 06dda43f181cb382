import { at, type Rule } from '../rule.js';

export const moduleId: Rule = {
  id: 'module-id',
  severity: 'warning',
  docs: 'A module\'s `id` is the same as its folder name, so that a person finds `modules/<id>/` from a package named `<id>.scorm12.zip` and two folders cannot build packages with the same name.',
  examples: [
    {
      title: 'A module whose id differs from its folder',
      edit: { 'module.yaml': (t) => t.replace('id: demo', 'id: demo-module') },
      expect: ['module.yaml:3:5 module-id'],
    },
  ],
  check(ctx) {
    const m = ctx.mod.module;
    if (m && m.data.id !== ctx.mod.name) {
      ctx.report(at(m, ['id']), `The module id \`${m.data.id}\` differs from its folder name \`${ctx.mod.name}\`.`,
        `Rename the folder to \`${m.data.id}\`, or set \`id: ${ctx.mod.name}\`.`);
    }
  },
};
