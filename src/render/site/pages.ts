import type { ModuleModel, SessionModel } from '../../model/normalize.js';
import { fitHeadings } from '../headings.js';
import { html, join, raw, type Html } from '../html.js';
import { renderMarkdown, type MarkdownOptions } from '../markdown.js';
import { CONFIDENTIALITY, formatDuration } from '../text.js';
import { learnerAssessment } from './assessment.js';
import { sitePage } from './layout.js';
import { REFERENCES_PAGE, sessionPage, siteUrlRewriter } from './paths.js';

/** Markdown options for learner pages of a module: facilitator blocks dropped, links fitted to the site. */
export function learnerMarkdown(model: ModuleModel, from: string): MarkdownOptions {
  return {
    audience: 'learner',
    trusted: model.trustedHtml === true,
    rewriteUrl: siteUrlRewriter(model, from),
    references: model.references.map((r) => r.id),
    referencesHref: REFERENCES_PAGE,
  };
}

/** The module's front page: what it is, what learners will do, what to know before starting. */
export function indexPage(model: ModuleModel): string {
  const objectives = model.objectives;
  const first = model.sessions[0];
  const main = html`<h1>${model.title}</h1>
<p class="summary">${model.summary}</p>
<dl class="facts">
<dt>Who it is for</dt><dd>${model.audience}</dd>
<dt>Time</dt><dd>${formatDuration(model.duration)} in ${model.sessions.length} session${model.sessions.length === 1 ? '' : 's'}</dd>
${model.authors.length > 0 ? html`<dt>Authors</dt><dd>${model.authors.map((a) => a.name).join(', ')}</dd>` : ''}
</dl>
<h2>What you will be able to do</h2>
<ol>${objectives.map((o) => html`<li>${o.text}</li>`)}</ol>
${contentNotes(model)}
<h2>Sessions</h2>
<ol class="session-list">${model.sessions.map((s) => html`<li><a href="${sessionPage(s)}">${s.title}</a> (${formatDuration(s.duration)})</li>`)}</ol>
${first ? html`<p><a href="${sessionPage(first)}">Start with session 1: ${first.title}</a></p>` : ''}
${model.references.length > 0 ? html`<p>Sources are listed on the <a href="${REFERENCES_PAGE}">references page</a>.</p>` : ''}`;
  return sitePage(model, { title: model.title, current: 'index', main });
}

/** Content notes, the confidentiality rule and where to get help: what a learner should read first. */
function contentNotes(model: ModuleModel): Html {
  const parts: Html[] = [];
  if ((model.contentNotes ?? []).length > 0) {
    parts.push(html`<h2>Content notes</h2><ul>${model.contentNotes!.map((n) => html`<li>${n}</li>`)}</ul>`);
  }
  if (model.confidentiality !== 'none') {
    const c = CONFIDENTIALITY[model.confidentiality];
    parts.push(html`<h2>Confidentiality</h2><p>These sessions follow the <strong>${c.name}</strong>: ${c.rule}</p>`);
  }
  if ((model.support ?? []).length > 0) {
    parts.push(html`<h2>Where to get help</h2>
<p>If anything in this module weighs on you, these services are there for you.</p>
<ul>${model.support!.map((s) => html`<li><strong>${s.name}</strong>: ${s.contact.trim() || 'ask your course lead how to reach this service'}.${s.description ? html` ${s.description}` : ''}</li>`)}</ul>`);
  }
  return join(parts);
}

/** One session page: its objectives, handouts, content (no facilitator blocks) and assessments. */
export function sessionPageHtml(model: ModuleModel, index: number): string {
  const session = model.sessions[index]!;
  const options = learnerMarkdown(model, session.source);
  const body = renderMarkdown(fitHeadings(session.tree, 2), options);
  const placed = new Set<string>();
  const withAssessments = body.replace(/<div data-assessment="([^"]*)"><\/div>/g, (_, id: string) => {
    const a = model.assessments.find((x) => x.id === id);
    if (!a || placed.has(id)) return '';
    placed.add(id);
    return learnerAssessment(a, { model, markdown: learnerMarkdown(model, a.source), level: 2 }).value;
  });
  const rest = session.assessments.filter((id) => !placed.has(id))
    .map((id) => model.assessments.find((a) => a.id === id)).filter((a) => a !== undefined)
    .map((a) => learnerAssessment(a, { model, markdown: learnerMarkdown(model, a.source), level: 2 }));
  const objectives = session.objectives.map((id) => model.objectives.find((o) => o.id === id)).filter((o) => o !== undefined);
  const handouts = (session.materials ?? []).filter((m) => typeof m !== 'string');
  const main = html`<p class="eyebrow">Session ${index + 1} of ${model.sessions.length} · ${formatDuration(session.duration)}</p>
<h1>${session.title}</h1>
${objectives.length > 0 ? html`<h2>In this session you will</h2><ul>${objectives.map((o) => html`<li>${o.text}</li>`)}</ul>` : ''}
${handouts.length > 0 ? html`<h2>Handouts</h2><ul>${handouts.map((m) => html`<li><a href="${siteUrlRewriter(model, 'module.yaml')(m.file)}">${m.title}</a></li>`)}</ul>` : ''}
${raw(withAssessments)}
${rest}`;
  return sitePage(model, { title: session.title, current: session.id, main, pager: pager(model, index) });
}

function pager(model: ModuleModel, index: number): Html {
  const prev: SessionModel | undefined = model.sessions[index - 1];
  const next: SessionModel | undefined = model.sessions[index + 1];
  return html`<nav class="pager" aria-label="Previous and next session">
<span>${prev ? html`<a href="${sessionPage(prev)}" rel="prev">← Previous: ${prev.title}</a>` : html`<a href="index.html">← Overview</a>`}</span>
<span>${next ? html`<a href="${sessionPage(next)}" rel="next">Next: ${next.title} →</a>` : model.references.length > 0 ? html`<a href="${REFERENCES_PAGE}">References →</a>` : ''}</span>
</nav>`;
}

/** The module's references, numbered as citations in the sessions number them, with `ref-<id>` anchors. */
export function referencesPage(model: ModuleModel): string {
  const main = html`<h1>References</h1>
<ol class="references">
${model.references.map((r) => html`<li id="ref-${r.id}">${r.citation}${r.url ? html` <a href="${safeHttpUrl(r.url)}">${r.url}</a>` : ''}${r.note ? html`<br><span class="ref-note">${r.note}</span>` : ''}</li>\n`)}
</ol>`;
  return sitePage(model, { title: 'References', current: 'references', main });
}

/** Only http(s) URLs become links; anything else (a `javascript:` URL in YAML) is neutralised. */
export function safeHttpUrl(url: string): string {
  return /^https?:\/\//i.test(url.trim()) ? url.trim() : '#';
}
