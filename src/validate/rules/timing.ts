import { segmentsOf, walkTree } from '../../model/session-tree.js';
import { at, atNode, type Rule } from '../rule.js';

export const timing: Rule = {
  id: 'timing',
  severity: 'error',
  docs: 'A session\'s `:::segment{minutes=…}` blocks add up to its `duration`, and the sessions listed in module.yaml add up to the module\'s `duration`. The facilitator guide computes its run-of-show clock times from these minutes, so a mismatch would print a schedule that does not fit the slot. Each segment needs `minutes` as a whole number.',
  examples: [
    {
      title: 'Segments add up to less than the session',
      edit: { 'sessions/01-river.md': (t) => t.replace('minutes=20', 'minutes=15') },
      expect: ['sessions/01-river.md:5:11 timing'],
    },
    {
      title: 'Sessions add up to more than the module',
      edit: { 'module.yaml': (t) => t.replace('duration: 60', 'duration: 50') },
      expect: ['module.yaml:11:11 timing'],
    },
  ],
  check(ctx) {
    const { mod } = ctx;
    for (const s of mod.sessions) {
      let total = 0;
      let count = 0;
      let unreadable = false;
      for (const { node } of walkTree(s.tree)) {
        if (node.type !== 'containerDirective' || node.name !== 'segment') continue;
        count++;
        const raw = node.attributes?.minutes;
        if (raw === undefined || raw === null || !/^\d+$/.test(raw) || Number(raw) === 0) {
          unreadable = true;
          ctx.report(atNode(s, node), raw ? `Segment minutes \`${raw}\` is not a whole number of minutes.` : 'This segment has no `minutes`.',
            'Write the length as `:::segment{minutes=10}`.');
        }
      }
      total = segmentsOf(s.tree).reduce((sum, seg) => sum + (Number.isNaN(seg.minutes) ? 0 : seg.minutes), 0);
      if (count === 0) {
        ctx.report(at(s, ['duration']), 'This session has no timed segments, so the guide cannot print a run of show.',
          'Wrap each part of the session in `:::segment{minutes=…}` … `:::` blocks that add up to the duration.');
      } else if (!unreadable && total !== s.data.duration) {
        // (A segment without readable minutes is reported above; a sum without it would mislead.)
        ctx.report(at(s, ['duration']), `The session lasts ${s.data.duration} minutes but its segments add up to ${total}.`,
          total > s.data.duration ? `Shorten segments by ${total - s.data.duration} minutes or set \`duration: ${total}\`.`
            : `Lengthen segments by ${s.data.duration - total} minutes or set \`duration: ${total}\`.`);
      }
    }
    const m = mod.module;
    if (!m) return;
    const byId = new Map(mod.sessions.map((s) => [s.data.id, s]));
    let sum = 0;
    for (const id of m.data.sessions) {
      const s = byId.get(id);
      if (!s) return; // an unknown or broken session is reported elsewhere; a sum would mislead
      sum += s.data.duration;
    }
    if (sum !== m.data.duration) {
      ctx.report(at(m, ['duration']), `The module lasts ${m.data.duration} minutes but its sessions add up to ${sum}.`,
        `Set \`duration: ${sum}\`, or change the sessions' durations.`);
    }
  },
};
