import type { AssessmentModel, ModuleModel } from '../../model/normalize.js';
import { itemPoints } from '../../model/normalize.js';
import type { Item } from '../../model/types.js';
import { html, idPart, join, raw, type Html } from '../html.js';
import { renderInline, type MarkdownOptions } from '../markdown.js';
import { feedbackFor } from '../text.js';
import { rubricTable } from '../rubric/table.js';

export interface LearnerAssessmentContext {
  model: ModuleModel;
  markdown: MarkdownOptions;
  /** Heading level of the assessment's title. */
  level: number;
}

const KIND: Record<AssessmentModel['kind'], string> = { quiz: 'Quiz', reflection: 'Reflection', assignment: 'Assignment' };

/**
 * An assessment as a learner meets it: a quiz to try (checked in the browser, feedback only
 * after answering), private reflection boxes, or an assignment brief with its rubric.
 * Answer keys appear only as the data the quiz script compares against and as hidden feedback.
 */
export function learnerAssessment(a: AssessmentModel, ctx: LearnerAssessmentContext): Html {
  const md = (text: string) => raw(renderInline(text, ctx.markdown));
  const aid = `a-${idPart(a.id)}`;
  const h = raw(`h${ctx.level}`);
  const purpose = a.purpose === 'summative' ? 'counts toward your grade' : 'for practice and feedback; not graded';
  const items = a.items ?? [];
  const body: Html[] = [];
  if (a.instructions) body.push(html`<div class="instructions">${md(a.instructions)}</div>`);
  if (a.kind === 'quiz' && items.some(checkable)) {
    body.push(quizForm(a, items, ctx, md));
  } else if (items.length > 0) {
    body.push(html`<p class="privacy"><strong>Private:</strong> what you write here is kept only in this browser, on this device. It is not sent to your school, the gradebook or anyone else, and clearing your browser's data deletes it.</p>`);
    body.push(join(items.map((item) => item.type === 'reflection' || item.type === 'essay' ? writingBox(a, item, ctx, md) : html`<div class="prompt">${md(item.prompt)}</div>`)));
  }
  if (a.kind === 'assignment') {
    body.push(html`<p>Hand in your work where your course tells you to, usually your school's learning management system.</p>`);
  }
  const rubric = a.rubric ? ctx.model.rubrics.find((r) => r.id === a.rubric) : undefined;
  if (rubric) body.push(rubricTable(rubric, { level: Math.min(6, ctx.level + 1), idPrefix: `${aid}-` }));
  return html`<section class="assessment assessment-${a.kind}" aria-labelledby="${aid}">
<${h} id="${aid}">${a.title}</${h}>
<p class="assessment-meta">${KIND[a.kind]}, ${a.purpose}: ${purpose}.</p>
${body}
</section>`;
}

const checkable = (item: Item) => item.type === 'single-choice' || item.type === 'multiple-response' || item.type === 'true-false' || item.type === 'short-answer';

function quizForm(a: AssessmentModel, items: Item[], ctx: LearnerAssessmentContext, md: (t: string) => Html): Html {
  let n = 0;
  const questions = items.map((item) => {
    if (!checkable(item)) return html`<li>${writingBox(a, item, ctx, md)}</li>`;
    n += 1;
    return html`<li>${question(a, item, n, md)}</li>`;
  });
  return html`<form class="quiz" data-quiz="${a.id}" novalidate aria-label="${a.title}">
<ol class="items">
${questions}
</ol>
<div class="actions"><button type="submit">Check answers</button><button type="reset" class="secondary">Start again</button></div>
<p class="score" role="status"></p>
</form>
<p class="privacy">Your answers are checked in this browser. Nothing is sent or stored.</p>`;
}

function question(a: AssessmentModel, item: Item, n: number, md: (t: string) => Html): Html {
  const qid = `q-${idPart(a.id)}-${idPart(item.id)}`;
  const prompt = unwrapParagraph(md(item.prompt));
  const hint = item.type === 'multiple-response' ? html`<span class="visually-hidden"> (select all that apply)</span>` : '';
  const legend = html`<legend><span class="qnum">Question ${n}</span>${prompt.inline ? prompt.html : ''}${hint}</legend>${prompt.inline ? '' : html`<div class="prompt">${prompt.html}</div>`}`;
  let answers: Html;
  if (item.type === 'short-answer') {
    answers = html`<p><label for="${qid}-answer">Your answer</label></p><p><input type="text" id="${qid}-answer" name="${qid}" autocomplete="off" spellcheck="false" data-accept="${JSON.stringify(item.accept ?? [])}"></p>`;
  } else {
    const choices = item.type === 'true-false'
      ? [{ id: 'true', text: 'True', correct: item.answer === true, feedback: undefined }, { id: 'false', text: 'False', correct: item.answer === false, feedback: undefined }]
      : item.choices ?? [];
    const type = item.type === 'multiple-response' ? 'checkbox' : 'radio';
    answers = html`<div class="choices">${choices.map((c) => {
      const cid = `${qid}-${idPart(c.id)}`;
      const label = unwrapParagraph(md(c.text));
      return html`<div class="choice"><input type="${type}" id="${cid}" name="${qid}" value="${c.id}"${c.correct ? html` data-correct="true"` : ''}><label for="${cid}">${label.inline ? label.html : c.text}</label>${c.feedback ? html`<div class="choice-feedback" id="${cid}-feedback" hidden>${md(c.feedback)}</div>` : ''}</div>`;
    })}</div>`;
  }
  const right = feedbackFor(item.feedback, true);
  const wrong = feedbackFor(item.feedback, false);
  const feedback = typeof item.feedback === 'string'
    ? html`<div class="feedback" data-when="answered" hidden>${md(item.feedback)}</div>`
    : html`${right ? html`<div class="feedback" data-when="correct" hidden>${md(right)}</div>` : ''}${wrong ? html`<div class="feedback" data-when="incorrect" hidden>${md(wrong)}</div>` : ''}`;
  return html`<fieldset class="item" id="${qid}" data-checked data-type="${item.type}" data-points="${itemPoints(item)}">
${legend}
${answers}
<p class="result" hidden></p>
${feedback}
</fieldset>`;
}

/** A text box for a reflection or essay, kept in the browser's localStorage only. */
function writingBox(a: AssessmentModel, item: Item, ctx: LearnerAssessmentContext, md: (t: string) => Html): Html {
  const qid = `q-${idPart(a.id)}-${idPart(item.id)}`;
  const note = typeof item.feedback === 'string' ? item.feedback : undefined;
  return html`<div class="reflection" data-store="upstream:${ctx.model.id}:${a.id}:${item.id}">
<div class="prompt" id="${qid}-prompt">${md(item.prompt)}</div>
<textarea id="${qid}" aria-labelledby="${qid}-prompt" aria-describedby="${qid}-status" rows="6"></textarea>
<div class="actions"><button type="button" class="secondary" data-clear>Clear my text</button><span class="save-status" id="${qid}-status" role="status"></span></div>
${note ? html`<div class="feedback">${md(note)}</div>` : ''}
</div>`;
}

/** A rendered Markdown string that is one paragraph, as phrasing content (for a legend or label). */
export function unwrapParagraph(rendered: Html): { inline: boolean; html: Html } {
  const m = /^<p>([\s\S]*)<\/p>\s*$/.exec(rendered.value);
  if (m && !/<\/?(p|div|ul|ol|blockquote|pre|h[1-6]|table|hr)\b/i.test(m[1]!)) return { inline: true, html: raw(m[1]!) };
  return { inline: false, html: rendered };
}
