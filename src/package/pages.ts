import type { Root, RootContent } from 'mdast';
import type { AssessmentModel, ModuleModel, SessionModel } from '../model/normalize.js';
import { itemPoints } from '../model/normalize.js';
import type { Item } from '../model/types.js';
import { renderInline, renderMarkdown } from '../render/markdown.js';
import { esc } from './xml.js';

/**
 * Learner pages for packages (SCORM SCOs, cmi5 AUs, Common Cartridge pages): a session's learner
 * view from `renderMarkdown`, split into pages at its top-level segments, with its assessments
 * rendered where `::assessment{id}` placed them.
 */

/** Where an assessment goes when the page cannot run it itself (Common Cartridge: the LMS runs it). */
export type AssessmentMode = 'interactive' | 'pointer';

export interface SessionPages {
  /** HTML fragments, one per page, in order. */
  pages: Array<{ title: string; html: string }>;
  /** The quizzes this session scores (interactive mode). */
  quizzes: AssessmentModel[];
  /** Points the session's quizzes are worth. */
  maxScore: number;
}

/** Answer key the SCO runtime scores with; it ships inside the page (client-side scoring). */
export interface KeyItem {
  id: string;
  type: Item['type'];
  points: number;
  correct?: string[];
  answer?: boolean;
  accept?: string[];
}

export function mdOptions(model: ModuleModel, referencesHref: string, rewriteUrl?: (url: string) => string) {
  return {
    audience: 'learner' as const,
    trusted: model.trustedHtml === true,
    references: model.references.map((r) => r.id),
    referencesHref,
    ...(rewriteUrl ? { rewriteUrl } : {}),
  };
}

/** Splits the root's children into pages: each top-level segment starts a page; text before the first joins it. */
export function splitTree(tree: Root): Array<{ title?: string; tree: Root }> {
  const groups: Array<{ title?: string; nodes: RootContent[]; hasSegment: boolean }> = [];
  let current: { title?: string; nodes: RootContent[]; hasSegment: boolean } = { nodes: [], hasSegment: false };
  for (const node of tree.children) {
    const isSegment = node.type === 'containerDirective' && node.name === 'segment';
    if (isSegment && current.hasSegment) {
      groups.push(current);
      current = { nodes: [], hasSegment: false };
    }
    if (isSegment) {
      current.hasSegment = true;
      const title = (node as { attributes?: Record<string, string | null | undefined> }).attributes?.title;
      if (title && current.title === undefined) current.title = title;
    }
    current.nodes.push(node);
  }
  if (current.nodes.length > 0 || groups.length === 0) groups.push(current);
  return groups.map((g) => ({ ...(g.title ? { title: g.title } : {}), tree: { type: 'root', children: g.nodes } }));
}

export function renderSessionPages(model: ModuleModel, session: SessionModel, mode: AssessmentMode, opts: { referencesHref: string; rewriteUrl?: (url: string) => string; pointerHref?: (a: AssessmentModel) => string | undefined }): SessionPages {
  const md = mdOptions(model, opts.referencesHref, opts.rewriteUrl);
  const pages = splitTree(session.tree).map((p, i) => ({ title: p.title ?? (i === 0 ? session.title : `${session.title} (${i + 1})`), html: renderMarkdown(p.tree, md) }));
  const byId = new Map(model.assessments.map((a) => [a.id, a]));
  const quizzes: AssessmentModel[] = [];
  for (const id of session.assessments) {
    const a = byId.get(id);
    if (!a) continue;
    if (a.kind === 'quiz' && mode === 'interactive') quizzes.push(a);
    const html = mode === 'interactive' ? assessmentHtml(model, a) : pointerHtml(model, a, opts.pointerHref?.(a));
    const placeholder = `<div data-assessment="${esc(id)}"></div>`;
    const page = pages.find((p) => p.html.includes(placeholder));
    if (page) page.html = page.html.replace(placeholder, () => html);
    else pages[pages.length - 1]!.html += `\n${html}`;
  }
  // Placeholders for assessments the page does not know (none after validation) are removed.
  for (const p of pages) p.html = p.html.replace(/<div data-assessment="[^"]*"><\/div>/g, '');
  const maxScore = quizzes.flatMap((q) => q.items ?? []).reduce((s, i) => s + itemPoints(i), 0);
  return { pages, quizzes, maxScore };
}

function inline(model: ModuleModel, text: string): string {
  return renderInline(text, mdOptions(model, 'references.html'));
}

function feedbackText(f: Item['feedback'], which: 'correct' | 'incorrect'): string | undefined {
  if (f === undefined) return undefined;
  return typeof f === 'string' ? f : f[which];
}

/** An assessment the page runs itself: a scored quiz, a private reflection, an assignment brief. */
export function assessmentHtml(model: ModuleModel, a: AssessmentModel): string {
  const head = `<h2>${esc(a.title)}</h2>${a.instructions ? inline(model, a.instructions) : ''}`;
  if (a.kind === 'quiz') {
    const items = (a.items ?? []).map((item, n) => quizItemHtml(model, a, item, n)).join('\n');
    return `<form class="upstream-quiz" data-quiz="${esc(a.id)}" novalidate>\n${head}\n${items}\n<p><button type="submit">Check answers</button></p>\n<p class="upstream-result" role="status" aria-live="polite"></p>\n</form>`;
  }
  if (a.kind === 'reflection') {
    const reported = a.report !== false;
    const items = (a.items ?? []).map((item) => {
      const fid = `r-${a.id}-${item.id}`;
      const fb = feedbackText(item.feedback, 'correct');
      return `<div class="upstream-reflection-item"><label for="${esc(fid)}">${inline(model, item.prompt)}</label>\n<textarea id="${esc(fid)}" rows="5" data-report="${reported && item.report !== false ? 'true' : 'false'}"></textarea>${fb ? `\n<div class="upstream-note">${inline(model, fb)}</div>` : ''}</div>`;
    }).join('\n');
    const note = '<p class="upstream-private"><strong>Private:</strong> what you write here stays in this page. It is not saved, graded or sent to the learning system.</p>';
    return `<section class="upstream-reflection" data-reflection="${esc(a.id)}">\n${head}\n${note}\n${items}\n</section>`;
  }
  return `<section class="upstream-assignment" data-assignment="${esc(a.id)}">\n${head}\n<p class="upstream-note">Submit this assignment in your course's learning system.</p>\n</section>`;
}

/** In a Common Cartridge page the LMS runs the assessment: point to it by name. */
function pointerHtml(model: ModuleModel, a: AssessmentModel, href: string | undefined): string {
  const what = a.kind === 'quiz' ? 'quiz' : a.kind === 'reflection' ? 'reflection' : 'assignment';
  const name = href ? `<a href="${esc(href)}">${esc(a.title)}</a>` : `<strong>${esc(a.title)}</strong>`;
  return `<aside class="upstream-pointer" aria-label="${esc(what)}"><p>This session's ${what}: ${name}. You will find it in this module of the course.</p></aside>`;
}

function quizItemHtml(model: ModuleModel, a: AssessmentModel, item: Item, n: number): string {
  const name = `q-${a.id}-${item.id}`;
  const legend = `<legend><span class="upstream-qn">Question ${n + 1}.</span> ${inline(model, item.prompt).replace(/^<p>|<\/p>\s*$/g, '')}</legend>`;
  const fbCorrect = feedbackText(item.feedback, 'correct');
  const fbIncorrect = feedbackText(item.feedback, 'incorrect');
  const general = [
    fbCorrect ? `<div class="upstream-fb" data-when="correct" hidden>${inline(model, fbCorrect)}</div>` : '',
    fbIncorrect ? `<div class="upstream-fb" data-when="incorrect" hidden>${inline(model, fbIncorrect)}</div>` : '',
  ].join('');
  let body = '';
  if (item.type === 'single-choice' || item.type === 'multiple-response') {
    const type = item.type === 'single-choice' ? 'radio' : 'checkbox';
    body = (item.choices ?? []).map((c) => {
      const id = `${name}-${c.id}`;
      const fb = c.feedback ? `<div class="upstream-fb" data-choice="${esc(c.id)}" hidden>${inline(model, c.feedback)}</div>` : '';
      return `<div class="upstream-choice"><input type="${type}" name="${esc(name)}" id="${esc(id)}" value="${esc(c.id)}"> <label for="${esc(id)}">${inline(model, c.text).replace(/^<p>|<\/p>\s*$/g, '')}</label>${fb}</div>`;
    }).join('\n');
  } else if (item.type === 'true-false') {
    body = ['true', 'false'].map((v) => `<div class="upstream-choice"><input type="radio" name="${esc(name)}" id="${esc(`${name}-${v}`)}" value="${v}"> <label for="${esc(`${name}-${v}`)}">${v === 'true' ? 'True' : 'False'}</label></div>`).join('\n');
  } else if (item.type === 'short-answer') {
    body = `<input type="text" name="${esc(name)}" aria-label="Your answer" autocomplete="off">`;
  } else {
    body = `<textarea name="${esc(name)}" rows="6" aria-label="Your answer"></textarea><p class="upstream-note">Not scored here; your instructor reads it.</p>`;
  }
  return `<fieldset class="upstream-item" data-item="${esc(item.id)}">${legend}\n${body}\n${general}<p class="upstream-mark" aria-live="polite"></p></fieldset>`;
}

/** The answer key of a session's quizzes, for the page's runtime. */
export function answerKey(quizzes: AssessmentModel[]): Record<string, KeyItem[]> {
  const out: Record<string, KeyItem[]> = {};
  for (const q of quizzes) {
    out[q.id] = (q.items ?? []).map((i) => {
      const k: KeyItem = { id: i.id, type: i.type, points: itemPoints(i) };
      if (i.choices) k.correct = i.choices.filter((c) => c.correct).map((c) => c.id);
      if (i.type === 'true-false') k.answer = i.answer === true;
      if (i.accept) k.accept = i.accept;
      return k;
    });
  }
  return out;
}
