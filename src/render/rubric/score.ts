import type { RubricData } from '../../model/types.js';

/** The score range of an analytic rubric: every criterion at its lowest level, and at its highest. */
export function rubricRange(rubric: RubricData): { min: number; max: number } {
  const points = rubric.levels.map((l) => l.points);
  const n = rubric.criteria.length;
  return { min: n * Math.min(...points), max: n * Math.max(...points) };
}

/** How to enter a rubric's score in an LMS gradebook, in one or two sentences. */
export function gradebookInstruction(rubric: RubricData): string {
  const { min, max } = rubricRange(rubric);
  const passing = rubric.gradebook.passing;
  switch (rubric.gradebook.method) {
    case 'points':
      return `Enter the total as points out of ${max} (possible totals ${min} to ${max}).${passing !== undefined ? ` ${passing} or more passes.` : ''}`;
    case 'percent':
      return `Enter the total as a percentage of the maximum: total ÷ ${max} × 100 (possible totals ${min} to ${max}).${passing !== undefined ? ` ${passing} points (${Math.round((passing / max) * 100)}%) or more passes.` : ''}`;
    case 'complete-incomplete':
      return `Enter Complete when the total is ${passing ?? max} or more (out of ${max}), otherwise Incomplete.`;
  }
}
