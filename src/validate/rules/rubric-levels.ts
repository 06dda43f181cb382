import { at, type Rule } from '../rule.js';

export const rubricLevels: Rule = {
  id: 'rubric-levels',
  severity: 'error',
  docs: 'An analytic rubric describes every level of every criterion, and only its own levels, so raters never have to guess what a cell means; its level points rise strictly from the first level to the last (a 0-point level may come first), so a higher level never scores less. A passing score can be reached.',
  examples: [
    {
      title: 'A criterion that skips a level',
      edit: { 'rubrics/action-plan.yaml': (t) => t.replace(/\n      developing: Names a cause in general terms\./, '') },
      expect: ['rubrics/action-plan.yaml:13:5 rubric-levels'],
    },
    {
      title: 'Points that fall',
      edit: { 'rubrics/action-plan.yaml': (t) => t.replace('label: Exemplary, points: 4', 'label: Exemplary, points: 3') },
      expect: ['rubrics/action-plan.yaml:8:48 rubric-levels'],
    },
  ],
  check(ctx) {
    for (const r of ctx.mod.rubrics) {
      const levels = r.data.levels;
      levels.forEach((l, i) => {
        if (i > 0 && l.points <= levels[i - 1]!.points) {
          ctx.report(at(r, ['levels', i, 'points']), `Level \`${l.id}\` has ${l.points} points, not more than \`${levels[i - 1]!.id}\` (${levels[i - 1]!.points}).`,
            'List levels from lowest to highest, with points rising at each level.');
        }
      });
      const ids = new Set(levels.map((l) => l.id));
      r.data.criteria.forEach((c, i) => {
        const missing = levels.filter((l) => !(l.id in c.descriptors)).map((l) => l.id);
        if (missing.length > 0) {
          ctx.report(at(r, ['criteria', i, 'descriptors'], 'key'), `The criterion \`${c.id}\` does not describe the level${missing.length > 1 ? 's' : ''} ${missing.map((m) => `\`${m}\``).join(', ')}.`,
            'Write a descriptor for every level: what performance at that level looks like.');
        }
        for (const key of Object.keys(c.descriptors)) {
          if (!ids.has(key)) {
            ctx.report(at(r, ['criteria', i, 'descriptors', key], 'key'), `\`${key}\` is not a level of this rubric.`,
              `Use the level ids: ${[...ids].join(', ')}.`);
          }
        }
      });
      const max = r.data.criteria.length * Math.max(...levels.map((l) => l.points));
      const passing = r.data.gradebook.passing;
      if (passing !== undefined && passing > max) {
        ctx.report(at(r, ['gradebook', 'passing']), `The passing score ${passing} is more than the rubric's maximum of ${max}.`, `Set \`passing\` to at most ${max}.`);
      }
    }
  },
};
