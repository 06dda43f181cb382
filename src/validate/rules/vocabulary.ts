import type { Place } from '../../diagnostics/diagnostic.js';
import { walkTree } from '../../model/session-tree.js';
import {
  ASSESSMENT_METHODS, BUILT_IN_FRAMEWORKS, INACTIVE_CODES, INSTRUCTIONAL_METHODS, RESOURCE_TYPES,
} from '../vocabularies.js';
import { at, atNode, type Rule, type RuleContext } from '../rule.js';

export const vocabulary: Rule = {
  id: 'vocabulary',
  severity: 'error',
  docs: 'Instructional-method (IM…), assessment-method (AM…) and resource-type (RE…) codes come from the MedBiquitous Curriculum Inventory lists, and competency codes from a known framework: `pcrs:` (AAMC PCRS, e.g. `pcrs:c0604`), `acgme:`, `epa:` (Core EPAs), `canmeds:`, or a framework the module declares under `frameworks`. The Curriculum Inventory export accepts only standard codes, so an unknown one would be rejected by the AAMC. Each objective should map to a PCRS code (warning).',
  examples: [
    {
      title: 'An instructional method that does not exist',
      edit: { 'sessions/01-river.md': (t) => t.replace('primary: IM008', 'primary: IM099') },
      expect: ['sessions/01-river.md:7:12 vocabulary'],
    },
    {
      title: 'A competency from an undeclared framework',
      edit: { 'module.yaml': (t) => t.replace('competencies: [pcrs:c0604, epa:EPA13]', 'competencies: [pcrs:c0604, school:ADV-1]') },
      expect: ['module.yaml:31:32 vocabulary'],
    },
  ],
  check(ctx) {
    const { mod } = ctx;
    const m = mod.module;
    const declared = new Map((m?.data.frameworks ?? []).map((f) => [f.id, new Set(f.codes.map((c) => c.code))]));
    const competency = (code: string, place: Place) => {
      const [fw = '', c = ''] = code.split(':');
      const builtIn = BUILT_IN_FRAMEWORKS[fw];
      const own = declared.get(fw);
      if (!builtIn && !own) {
        ctx.report(place, `\`${fw}\` is not a known competency framework.`,
          `Use pcrs, acgme, epa or canmeds, or declare \`${fw}\` under \`frameworks\` in module.yaml.`);
      } else if (builtIn && !builtIn.has(c)) {
        ctx.report(place, `\`${c}\` is not a code of ${builtIn.title}.`, `Codes look like \`${builtIn.example}\`.`);
      } else if (own && !own.has(c)) {
        ctx.report(place, `\`${c}\` is not one of the codes declared for the \`${fw}\` framework.`, `Add it to that framework's \`codes\` in module.yaml.`);
      }
    };
    if (m) {
      m.data.competencies.forEach((c, i) => competency(c, at(m, ['competencies', i])));
      m.data.objectives.forEach((o, i) => {
        o.competencies.forEach((c, j) => competency(c, at(m, ['objectives', i, 'competencies', j])));
        if (!o.competencies.some((c) => c.startsWith('pcrs:'))) {
          ctx.report(at(m, ['objectives', i, 'competencies']), `The objective \`${o.id}\` maps to no PCRS competency.`,
            'Add a `pcrs:` code (e.g. `pcrs:c0604`); the AAMC Curriculum Inventory relates objectives to the PCRS.', undefined, 'warning');
        }
      });
    }
    for (const s of mod.sessions) {
      code(ctx, s.data.methods.primary, INSTRUCTIONAL_METHODS, 'instructional method', at(s, ['methods', 'primary']));
      (s.data.methods.other ?? []).forEach((c, i) => code(ctx, c, INSTRUCTIONAL_METHODS, 'instructional method', at(s, ['methods', 'other', i])));
      (s.data.resources ?? []).forEach((c, i) => code(ctx, c, RESOURCE_TYPES, 'resource type', at(s, ['resources', i])));
      for (const { node } of walkTree(s.tree)) {
        if (node.type === 'containerDirective' && node.name === 'segment' && node.attributes?.method) {
          code(ctx, node.attributes.method, INSTRUCTIONAL_METHODS, 'instructional method', atNode(s, node));
        }
      }
    }
    for (const a of mod.assessments) code(ctx, a.data.method, ASSESSMENT_METHODS, 'assessment method', at(a, ['method']));
  },
};

function code(ctx: RuleContext, value: string, list: Record<string, string>, what: string, place: Place) {
  if (!(value in list)) {
    const keys = Object.keys(list);
    ctx.report(place, `\`${value}\` is not a MedBiquitous ${what} code.`, `Use ${keys[0]} to ${keys[keys.length - 1]}; the list is in docs/format.md.`);
  } else if (INACTIVE_CODES.has(value)) {
    ctx.report(place, `\`${value}\` (${list[value]}) is inactive in the Curriculum Inventory.`, 'Choose an active code.', undefined, 'warning');
  }
}
