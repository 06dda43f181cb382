import type { AssessmentModel, ModuleModel } from '../../model/normalize.js';
import { html, type Html } from '../html.js';

/** Objectives an assessment serves: its own, its items', and its rubric's criteria's. */
export function assessmentObjectives(a: AssessmentModel, model: ModuleModel): Set<string> {
  const out = new Set(a.objectives ?? []);
  for (const item of a.items ?? []) for (const o of item.objectives ?? []) out.add(o);
  const rubric = a.rubric ? model.rubrics.find((r) => r.id === a.rubric) : undefined;
  for (const c of rubric?.criteria ?? []) for (const o of c.objectives) out.add(o);
  return out;
}

/**
 * The alignment matrix: one row per objective, one column per session and per assessment, a mark
 * where the session teaches or the assessment measures it. An empty row is a gap to fix.
 */
export function alignmentMatrix(model: ModuleModel): Html {
  const byAssessment = model.assessments.map((a) => assessmentObjectives(a, model));
  const hit = (yes: boolean) => yes ? html`<td class="hit"><span aria-hidden="true">✓</span><span class="visually-hidden">yes</span></td>` : html`<td></td>`;
  return html`<div class="table-wrap" role="region" aria-labelledby="alignment-caption" tabindex="0"><table class="matrix">
<caption id="alignment-caption">Objectives (rows) by sessions and assessments (columns)</caption>
<thead>
<tr><td></td><th scope="colgroup" colspan="${model.sessions.length}">Sessions</th>${model.assessments.length > 0 ? html`<th scope="colgroup" colspan="${model.assessments.length}">Assessments</th>` : ''}</tr>
<tr><th scope="col">Objective</th>${model.sessions.map((s, i) => html`<th scope="col">${i + 1}. ${s.title}</th>`)}${model.assessments.map((a) => html`<th scope="col">${a.title}</th>`)}</tr>
</thead>
<tbody>
${model.objectives.map((o) => html`<tr><th scope="row">${o.id}<span class="objectives">${o.text}</span></th>${model.sessions.map((s) => hit(s.objectives.includes(o.id)))}${byAssessment.map((set) => hit(set.has(o.id)))}</tr>\n`)}
</tbody>
</table></div>`;
}
