import type { RubricData } from '../../model/types.js';
import { html, raw, type Html } from '../html.js';
import { gradebookInstruction, rubricRange } from './score.js';

export interface RubricTableOptions {
  /** Heading level of the rubric's title (2 to 5). */
  level: number;
  /** Prefix for ids, so that two rubrics on one page do not clash. */
  idPrefix: string;
  /** Objective ids are shown to facilitators; learners see criteria only. */
  showObjectives?: boolean;
}

/**
 * An analytic rubric as a table: one row per criterion, one column per level (points in the
 * header), then the score range and how to enter it in the gradebook.
 */
export function rubricTable(rubric: RubricData, options: RubricTableOptions): Html {
  const { min, max } = rubricRange(rubric);
  const h = `h${options.level}`;
  const titleId = `${options.idPrefix}rubric-${rubric.id}`;
  return html`<section class="rubric" aria-labelledby="${titleId}">
<${raw(h)} id="${titleId}">${rubric.title}</${raw(h)}>
${rubric.description ? html`<p>${rubric.description}</p>` : ''}
<div class="table-wrap" role="region" aria-labelledby="${titleId}" tabindex="0">
<table class="rubric-table">
<caption>${rubric.title}: ${rubric.criteria.length} criteria, ${rubric.levels.length} levels, ${min} to ${max} points</caption>
<thead><tr><th scope="col">Criterion</th>${rubric.levels.map((l) => html`<th scope="col">${l.label} <span class="points">(${pts(l.points)})</span></th>`)}</tr></thead>
<tbody>
${rubric.criteria.map((c) => html`<tr><th scope="row">${c.title}${options.showObjectives && c.objectives.length > 0 ? html`<span class="objectives">Objectives: ${c.objectives.join(', ')}</span>` : ''}</th>${rubric.levels.map((l) => html`<td>${c.descriptors[l.id] ?? ''}</td>`)}</tr>\n`)}
</tbody>
<tfoot><tr><th scope="row">Total</th><td colspan="${rubric.levels.length}">${min} to ${max} points${rubric.gradebook.passing !== undefined ? `; passing: ${rubric.gradebook.passing}` : ''}</td></tr></tfoot>
</table>
</div>
<p class="gradebook"><strong>Gradebook:</strong> ${gradebookInstruction(rubric)}</p>
${rubric.gradebook.note ? html`<p class="gradebook-note">${rubric.gradebook.note}</p>` : ''}
</section>`;
}

const pts = (n: number) => `${n} point${n === 1 ? '' : 's'}`;
