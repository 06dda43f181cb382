import type { AssessmentModel, ModuleModel } from '../../model/normalize.js';
import { itemPoints } from '../../model/normalize.js';
import type { Item } from '../../model/types.js';
import { ASSESSMENT_METHODS } from '../../validate/vocabularies.js';
import { html, idPart, raw, type Html } from '../html.js';
import { renderInline, type MarkdownOptions } from '../markdown.js';
import { ITEM_TYPE_LABEL } from '../text.js';

/** Everything a facilitator needs about one assessment: set-up, every item, the correct answers and all feedback. */
export function answerKey(a: AssessmentModel, model: ModuleModel, markdown: MarkdownOptions): Html {
  const md = (text: string) => raw(renderInline(text, markdown));
  const session = model.sessions.findIndex((s) => s.assessments.includes(a.id));
  const reported = a.report === false ? 'never reported to the LMS' : 'reported to the LMS';
  const items = a.items ?? [];
  const max = items.reduce((s, i) => s + itemPoints(i), 0);
  return html`<section class="answer-key" id="assessment-${idPart(a.id)}" aria-labelledby="assessment-${idPart(a.id)}-title">
<h3 id="assessment-${idPart(a.id)}-title">${a.title}</h3>
<dl class="facts">
<dt>Kind</dt><dd>${a.kind}, ${a.purpose}, ${reported}</dd>
<dt>Method</dt><dd>${ASSESSMENT_METHODS[a.method] ?? a.method} (${a.method})</dd>
${session >= 0 ? html`<dt>When</dt><dd>Session ${session + 1}: ${model.sessions[session]!.title}</dd>` : ''}
${(a.objectives ?? []).length > 0 ? html`<dt>Objectives</dt><dd>${a.objectives!.join(', ')}</dd>` : ''}
${max > 0 ? html`<dt>Points</dt><dd>${max} (scored automatically)</dd>` : ''}
${a.rubric ? html`<dt>Rubric</dt><dd><a href="#rubric-${idPart(a.rubric)}">${model.rubrics.find((r) => r.id === a.rubric)?.title ?? a.rubric}</a></dd>` : ''}
</dl>
${a.instructions ? html`<h4>Instructions to learners</h4>${md(a.instructions)}` : ''}
${items.length > 0 ? html`<h4>Items and answer key</h4><ol>${items.map((item) => html`<li>${itemKey(item, md)}</li>\n`)}</ol>` : ''}
</section>`;
}

function itemKey(item: Item, md: (t: string) => Html): Html {
  const points = itemPoints(item);
  const meta = [ITEM_TYPE_LABEL[item.type] ?? item.type, points > 0 ? `${points} point${points === 1 ? '' : 's'}` : 'not scored',
    (item.objectives ?? []).length > 0 ? `objectives: ${item.objectives!.join(', ')}` : '', item.report === false ? 'never reported' : ''].filter(Boolean).join('; ');
  let answers: Html | string = '';
  if (item.type === 'single-choice' || item.type === 'multiple-response') {
    answers = html`<ul class="choices">${(item.choices ?? []).map((c) => html`<li><span class="mark" aria-hidden="true">${c.correct ? '✓' : '–'}</span>${c.correct ? html`<span class="correct-label">Correct: </span>` : html`<span class="visually-hidden">Incorrect: </span>`}${c.text}${c.feedback ? html`<span class="choice-feedback">Feedback: ${c.feedback}</span>` : ''}</li>`)}</ul>`;
  } else if (item.type === 'true-false') {
    answers = html`<p><span class="correct-label">Answer:</span> ${item.answer === true ? 'True' : item.answer === false ? 'False' : 'not set'}</p>`;
  } else if (item.type === 'short-answer') {
    answers = html`<p><span class="correct-label">Accepted answers</span> (case and spacing ignored): ${(item.accept ?? []).join('; ')}</p>`;
  }
  const feedback = item.feedback === undefined ? ''
    : typeof item.feedback === 'string' ? html`<p><strong>Feedback:</strong></p>${md(item.feedback)}`
      : html`<p><strong>Feedback when correct:</strong></p>${md(item.feedback.correct)}<p><strong>Feedback when incorrect:</strong></p>${md(item.feedback.incorrect)}`;
  return html`<div class="item-key" id="item-${idPart(item.id)}"><p class="objectives">${meta}</p>${md(item.prompt)}${answers}${feedback}</div>`;
}
