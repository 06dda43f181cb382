import { at, type Rule } from '../rule.js';

export const alignment: Rule = {
  id: 'alignment',
  severity: 'error',
  docs: 'Every objective is taught by at least one session (listed in the session\'s `objectives`) and assessed by at least one quiz item or rubric criterion. An objective nobody teaches or nobody assesses is a promise the module does not keep, and the guide\'s alignment matrix would show an empty row. (References to unknown objectives are reported by `references`.)',
  examples: [
    {
      title: 'An objective no session teaches',
      edit: { 'sessions/02-what-can-we-do.md': (t) => t.replace('objectives: [propose-action]', 'objectives: [identify-causes]') },
      expect: ['module.yaml:28:9 alignment'],
    },
  ],
  check(ctx) {
    const { mod } = ctx;
    const m = mod.module;
    if (!m) return;
    // A broken session or assessment may be the one that teaches or assesses: do not guess.
    const taughtKnown = !m.data.sessions.some((id) => mod.unverified.has(id));
    const assessedKnown = ![...(m.data.assessments ?? []), ...(m.data.rubrics ?? [])].some((id) => mod.unverified.has(id));
    const taught = new Set(mod.sessions.filter((s) => m.data.sessions.includes(s.data.id)).flatMap((s) => s.data.objectives));
    const assessed = new Set<string>();
    const listedAssessments = new Set(m.data.assessments ?? []);
    const listedRubrics = new Set(m.data.rubrics ?? []);
    for (const a of mod.assessments) {
      if (!listedAssessments.has(a.data.id)) continue;
      for (const item of a.data.items ?? []) {
        if (item.type === 'reflection') continue; // reflections are not assessed against objectives
        for (const o of item.objectives ?? []) assessed.add(o);
      }
    }
    for (const r of mod.rubrics) {
      if (!listedRubrics.has(r.data.id)) continue;
      for (const c of r.data.criteria) for (const o of c.objectives) assessed.add(o);
    }
    m.data.objectives.forEach((o, i) => {
      const place = at(m, ['objectives', i, 'id']);
      if (taughtKnown && !taught.has(o.id)) {
        ctx.report(place, `No session teaches the objective \`${o.id}\`.`,
          `Add \`${o.id}\` to the \`objectives\` of the session that teaches it, or remove the objective.`);
      }
      if (assessedKnown && !assessed.has(o.id)) {
        ctx.report(place, `No quiz item or rubric criterion assesses the objective \`${o.id}\`.`,
          `Add \`${o.id}\` to the \`objectives\` of an item in assessments/ or a criterion in rubrics/.`);
      }
    });
  },
};
