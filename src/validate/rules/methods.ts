import { segmentsOf } from '../../model/session-tree.js';
import { INSTRUCTIONAL_METHODS } from '../vocabularies.js';
import { at, type Rule } from '../rule.js';

export const methods: Rule = {
  id: 'methods',
  severity: 'warning',
  docs: 'A session\'s declared methods agree with its segments: every `method` a segment uses is listed under the session\'s `methods`, and the `primary` method is the one with the most segment minutes. The Curriculum Inventory reports one primary method per event, and a school\'s curriculum map is only as true as these codes.',
  examples: [
    {
      title: 'A segment uses a method the session does not declare',
      edit: { 'sessions/01-river.md': (t) => t.replace('minutes=10 method=IM013', 'minutes=10 method=IM022') },
      expect: ['sessions/01-river.md:7:3 methods'],
    },
  ],
  check(ctx) {
    for (const s of ctx.mod.sessions) {
      const { primary, other = [] } = s.data.methods;
      const declared = new Set([primary, ...other]);
      const minutes = new Map<string, number>();
      for (const seg of segmentsOf(s.tree)) {
        // Unknown codes are `vocabulary`'s to report.
        if (!seg.method || !(seg.method in INSTRUCTIONAL_METHODS) || Number.isNaN(seg.minutes)) continue;
        minutes.set(seg.method, (minutes.get(seg.method) ?? 0) + seg.minutes);
      }
      const undeclared = [...minutes.keys()].filter((m) => !declared.has(m));
      // With a mistyped declared code, the author's intent is unclear: `vocabulary` reports it first.
      const allKnown = [...declared].every((m) => m in INSTRUCTIONAL_METHODS);
      if (undeclared.length > 0 && allKnown) {
        ctx.report(at(s, ['methods']), `Segments use ${undeclared.map((m) => `\`${m}\``).join(', ')}, which the session's \`methods\` do not list.`,
          `Add ${undeclared.join(', ')} to \`methods.other\`, or correct the segment's \`method\`.`);
      }
      const [topMethod, topMinutes] = [...minutes].sort((a, b) => b[1] - a[1])[0] ?? [];
      // A segment whose minutes cannot be read (reported by `timing`) would skew the count.
      const countable = segmentsOf(s.tree).every((seg) => !Number.isNaN(seg.minutes));
      if (countable && topMethod && primary in INSTRUCTIONAL_METHODS && topMethod !== primary && topMinutes! > (minutes.get(primary) ?? 0)) {
        ctx.report(at(s, ['methods', 'primary']),
          `\`${primary}\` is the primary method, but \`${topMethod}\` takes the most segment time (${topMinutes} of ${s.data.duration} minutes).`,
          `Make \`${topMethod}\` the primary method, or check the segments' \`method\`s.`);
      }
    }
  },
};
