import type { ModuleModel, SessionModel } from '../../model/normalize.js';
import { INSTRUCTIONAL_METHODS, RESOURCE_TYPES } from '../../validate/vocabularies.js';
import { contentSecurityPolicy } from '../csp.js';
import { fitHeadings } from '../headings.js';
import { commonHead, html, type Html, idPart, join, raw } from '../html.js';
import { renderMarkdown, type MarkdownOptions } from '../markdown.js';
import { rubricTable } from '../rubric/table.js';
import { safeHttpUrl } from '../site/pages.js';
import { BLOOM_LABEL, clock, competencyLabel, formatDuration, frameworkTitle } from '../text.js';
import { alignmentMatrix } from './alignment.js';
import { answerKey } from './answer-key.js';
import { runOfShow, timeline } from './run-of-show.js';
import { safetySection } from './safety.js';
import { GUIDE_CSS } from './style.js';

export interface GuideOptions {
  /** Time of day the sessions start ("09:30"), for a clock column beside the elapsed time. */
  startTime?: { h: number; m: number };
}

/** The policy of the guide: its one inline style block by hash, no script, local images only. */
export const GUIDE_CSP = contentSecurityPolicy({ inlineStyles: [GUIDE_CSS] });

/** Where an asset written as `../assets/x` in a session is, relative to `guide.html`. */
export const GUIDE_ASSET_DIR = 'guide-assets';

/**
 * The facilitator guide as one HTML document: cover, safety, preparation, each session with its
 * run of show and every facilitator note in place, answer keys, rubrics, alignment, references.
 */
export function renderGuide(model: ModuleModel, options: GuideOptions = {}): string {
  const markdown = (from: string): MarkdownOptions => ({
    audience: 'facilitator',
    trusted: model.trustedHtml === true,
    rewriteUrl: (url) => guideUrl(url, from),
    references: model.references.map((r) => r.id),
  });
  const main = join([
    cover(model),
    contents(model),
    safetySection(model),
    preparation(model),
    ...model.sessions.map((s, i) => sessionSection(model, s, i, markdown(s.source), options)),
    model.assessments.length > 0 ? html`<section class="part" id="assessments" aria-labelledby="assessments-title"><h2 id="assessments-title">Assessments and answer keys</h2>
<p>Answer keys are for facilitators only. Learners see the feedback after they answer.</p>
${model.assessments.map((a) => answerKey(a, model, markdown(a.source)))}</section>` : '',
    model.rubrics.length > 0 ? html`<section class="part" id="rubrics" aria-labelledby="rubrics-title"><h2 id="rubrics-title">Rubrics</h2>
${model.rubrics.map((r) => rubricTable(r, { level: 3, idPrefix: '', showObjectives: true }))}</section>` : '',
    html`<section class="part" id="alignment" aria-labelledby="alignment-title"><h2 id="alignment-title">Alignment</h2>
<p>Which session teaches and which assessment measures each objective.</p>
${alignmentMatrix(model)}</section>`,
    model.references.length > 0 ? html`<section class="part" id="references" aria-labelledby="references-title"><h2 id="references-title">References</h2>
<ol>${model.references.map((r) => html`<li id="ref-${r.id}">${r.citation}${r.url ? html` <a href="${safeHttpUrl(r.url)}">${r.url}</a>` : ''}${r.note ? html` ${r.note}` : ''}</li>\n`)}</ol></section>` : '',
  ]);
  return `<!DOCTYPE html>
${html`<html lang="${model.language}">
<head>
${commonHead(GUIDE_CSP)}
<meta name="robots" content="noindex">
<title>Facilitator guide: ${model.title}</title>
<style>${raw(GUIDE_CSS)}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<main id="main" tabindex="-1">
${main}
</main>
</body>
</html>
`}`;
}

function cover(model: ModuleModel): Html {
  const competencies = [...model.competencies];
  return html`<section class="cover" aria-labelledby="guide-title">
<p class="eyebrow">Facilitator guide · not for learners</p>
<h1 id="guide-title">${model.title}</h1>
<p class="summary">${model.summary}</p>
<dl class="facts">
<dt>Audience</dt><dd>${model.audience}</dd>
<dt>Duration</dt><dd>${formatDuration(model.duration)} (${model.duration} minutes): ${model.sessions.map((s, i) => `session ${i + 1}, ${s.duration} min`).join('; ')}</dd>
<dt>Version</dt><dd>${model.version}</dd>
${model.authors.length > 0 ? html`<dt>Authors</dt><dd>${model.authors.map((a) => [a.name, a.role, a.affiliation].filter(Boolean).join(', ')).join('; ')}</dd>` : ''}
<dt>Licence</dt><dd>${model.license}</dd>
<dt>Language</dt><dd>${model.language}</dd>
</dl>
<h2>Objectives</h2>
<div class="table-wrap" role="region" aria-labelledby="objectives-caption" tabindex="0"><table>
<caption id="objectives-caption">Learning objectives, with Bloom level and competencies</caption>
<thead><tr><th scope="col">Objective</th><th scope="col">Bloom level</th><th scope="col">Competencies</th></tr></thead>
<tbody>${model.objectives.map((o) => html`<tr><th scope="row">${o.text}<span class="objectives">${o.id}</span></th><td>${BLOOM_LABEL[o.bloom] ?? o.bloom}</td><td>${o.competencies.map((c) => html`${c}<span class="objectives">${competencyLabel(model, c)}</span>`)}</td></tr>\n`)}</tbody>
</table></div>
<h2>Competencies</h2>
<div class="table-wrap" role="region" aria-labelledby="competencies-caption" tabindex="0"><table>
<caption id="competencies-caption">Competencies this module addresses</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Competency</th><th scope="col">Framework</th></tr></thead>
<tbody>${competencies.map((c) => html`<tr><th scope="row">${c}</th><td>${competencyLabel(model, c)}</td><td>${frameworkTitle(model, c)}</td></tr>\n`)}</tbody>
</table></div>
</section>`;
}

function contents(model: ModuleModel): Html {
  const entry = (href: string, label: string) => html`<li><a href="${href}">${label}</a></li>`;
  return html`<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Contents</h2><ol>
${entry('#safety', 'Safety and ground rules')}
${entry('#preparation', 'Preparation and materials')}
${model.sessions.map((s, i) => entry(`#session-${idPart(s.id)}`, `Session ${i + 1}: ${s.title}`))}
${model.assessments.length > 0 ? entry('#assessments', 'Assessments and answer keys') : ''}
${model.rubrics.length > 0 ? entry('#rubrics', 'Rubrics') : ''}
${entry('#alignment', 'Alignment')}
${model.references.length > 0 ? entry('#references', 'References') : ''}
</ol></nav>`;
}

function preparation(model: ModuleModel): Html {
  return html`<section class="part" id="preparation" aria-labelledby="preparation-title">
<h2 id="preparation-title">Preparation and materials</h2>
${model.sessions.map((s, i) => html`<h3>Session ${i + 1}: ${s.title}</h3>
${s.preparation ? html`<h4>Preparation</h4><p>${s.preparation}</p>` : html`<p>No preparation beyond reading this guide.</p>`}
${(s.materials ?? []).length > 0 ? html`<h4>Materials</h4><ul>${s.materials!.map((m) => typeof m === 'string' ? html`<li>${m}</li>` : html`<li><a href="${guideUrl(m.file, 'module.yaml')}">${m.title}</a> (${m.file})</li>`)}</ul>` : ''}`)}
</section>`;
}

function sessionSection(model: ModuleModel, s: SessionModel, index: number, markdown: MarkdownOptions, options: GuideOptions): Html {
  const times = timeline(s);
  const body = renderMarkdown(fitHeadings(s.tree, 4), {
    ...markdown,
    segmentLabel: (i, a) => {
      const t = times[i];
      const when = t ? `${clock(t.start)}–${clock(t.end)}${options.startTime ? ` (${clock(t.start, options.startTime)})` : ''}` : '';
      return [when, a.title, a.minutes ? `${a.minutes} min` : '', a.method ? (INSTRUCTIONAL_METHODS[a.method] ?? a.method) : '', a.group ?? ''].filter(Boolean).join(' · ');
    },
  });
  const placed = new Set<string>();
  const here = (id: string) => {
    const a = model.assessments.find((x) => x.id === id);
    if (!a) return '';
    placed.add(id);
    return html`<div class="assessment-here"><p><strong>Assessment: ${a.title}</strong> (${a.kind}, ${a.purpose}). Learners see it on the session page; the answer key is under <a href="#assessment-${idPart(a.id)}">Assessments and answer keys</a>.</p></div>`.value;
  };
  const withAssessments = body.replace(/<div data-assessment="([^"]*)"><\/div>/g, (_, id: string) => here(id));
  const rest = s.assessments.filter((id) => !placed.has(id)).map((id) => raw(here(id)));
  const objectives = s.objectives.map((id) => model.objectives.find((o) => o.id === id)).filter((o) => o !== undefined);
  const methods = [s.methods.primary, ...(s.methods.other ?? [])].map((m) => `${INSTRUCTIONAL_METHODS[m] ?? m} (${m})`);
  return html`<section class="session" id="session-${idPart(s.id)}" aria-labelledby="session-${idPart(s.id)}-title">
<p class="eyebrow">Session ${index + 1} of ${model.sessions.length}</p>
<h2 id="session-${idPart(s.id)}-title">${s.title}</h2>
<dl class="facts">
<dt>Duration</dt><dd>${s.duration} minutes</dd>
<dt>Group size</dt><dd>${s.groupSize.min} to ${s.groupSize.max}</dd>
<dt>Methods</dt><dd>${methods.join('; ')} (primary first)</dd>
${(s.resources ?? []).length > 0 ? html`<dt>Resources</dt><dd>${s.resources!.map((r) => `${RESOURCE_TYPES[r] ?? r} (${r})`).join('; ')}</dd>` : ''}
</dl>
${objectives.length > 0 ? html`<h3>Objectives</h3><ul>${objectives.map((o) => html`<li>${o.text} <span class="objectives">${o.id}, ${BLOOM_LABEL[o.bloom] ?? o.bloom}</span></li>`)}</ul>` : ''}
<h3>Run of show</h3>
${runOfShow(s, index + 1, options.startTime)}
<h3>Session plan</h3>
${raw(withAssessments)}
${rest}
</section>`;
}

/** `../assets/x.png` written in `sessions/…` → `guide-assets/x.png`; external and fragment links as written. */
function guideUrl(url: string, from: string): string {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  const base = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '.';
  const parts: string[] = [];
  for (const p of `${base}/${trimmed.split(/[?#]/)[0]}`.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  const path = parts.join('/');
  return path.startsWith('assets/') ? `${GUIDE_ASSET_DIR}/${path.slice('assets/'.length)}` : '#';
}
