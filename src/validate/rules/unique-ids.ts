import type { Place } from '../../diagnostics/diagnostic.js';
import type { DataPath } from '../../load/yaml-source.js';
import type { LoadedSession, LoadedYaml } from '../../model/types.js';
import { at, type Rule } from '../rule.js';

type Owner = LoadedYaml<unknown> | LoadedSession;

export const uniqueIds: Rule = {
  id: 'unique-ids',
  severity: 'error',
  docs: 'Every objective, session, assessment, rubric, item, criterion and reference has an id that no other thing of the same kind in the module uses; choices are unique within their item and levels within their rubric. Other files point at things by these ids and packages derive LMS identifiers from them, so a repeated id would silently point at the wrong thing.',
  examples: [
    {
      title: 'Two items share an id',
      edit: { 'assessments/check.yaml': (t) => t.replace('id: upstream-cause', 'id: parable-point') },
      expect: ['assessments/check.yaml:21:9 unique-ids'],
    },
  ],
  check(ctx) {
    const { mod } = ctx;
    const seen = new Map<string, Place>();
    const claim = (kind: string, id: unknown, owner: Owner, path: DataPath) => {
      if (typeof id !== 'string') return;
      const key = `${kind}\u0000${id}`;
      const place = at(owner, path);
      const first = seen.get(key);
      if (first) {
        ctx.report(place, `The ${kind} id \`${id}\` is already used.`,
          `Give this ${kind} a different id; the first one is at ${first.file}:${first.line}:${first.column}.`, first);
      } else {
        seen.set(key, place);
      }
    };
    const m = mod.module;
    if (m) {
      m.data.objectives.forEach((o, i) => claim('objective', o.id, m, ['objectives', i, 'id']));
      m.data.references.forEach((r, i) => claim('reference', r.id, m, ['references', i, 'id']));
      (m.data.frameworks ?? []).forEach((f, i) => claim('framework', f.id, m, ['frameworks', i, 'id']));
    }
    for (const s of mod.sessions) claim('session', s.data.id, s, ['id']);
    for (const a of mod.assessments) {
      claim('assessment', a.data.id, a, ['id']);
      (a.data.items ?? []).forEach((item, i) => {
        claim('item', item.id, a, ['items', i, 'id']);
        const choices = new Map<string, Place>();
        (item.choices ?? []).forEach((c, j) => {
          const place = at(a, ['items', i, 'choices', j, 'id']);
          const first = choices.get(c.id);
          if (first) ctx.report(place, `The choice id \`${c.id}\` repeats within item \`${item.id}\`.`, 'Give each choice its own id (a, b, c …).', first);
          else choices.set(c.id, place);
        });
      });
    }
    for (const r of mod.rubrics) {
      claim('rubric', r.data.id, r, ['id']);
      r.data.criteria.forEach((c, i) => claim('criterion', c.id, r, ['criteria', i, 'id']));
      const levels = new Map<string, Place>();
      r.data.levels.forEach((l, i) => {
        const place = at(r, ['levels', i, 'id']);
        const first = levels.get(l.id);
        if (first) ctx.report(place, `The level id \`${l.id}\` repeats in this rubric.`, 'Give each level its own id.', first);
        else levels.set(l.id, place);
      });
    }
  },
};
