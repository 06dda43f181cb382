import type { ModuleModel, SessionModel } from '../model/normalize.js';
import { answerKey, renderSessionPages, type AssessmentMode } from './pages.js';
import { PAGE_CSS } from './runtime/style.css.js';
import { SCO_RUNTIME } from './runtime/sco.js.js';
import { esc, utf8 } from './xml.js';

export type Standard = 'scorm12' | 'scorm2004' | 'cmi5' | 'none';

export const RUNTIME_JS = 'runtime/upstream.js';
export const RUNTIME_CSS = 'runtime/upstream.css';
export const REFERENCES_PAGE = 'sessions/references.html';

export const sessionPath = (s: SessionModel): string => `sessions/${s.id}.html`;

export interface SessionContent {
  session: SessionModel;
  path: string;
  /** Points this session's quizzes are worth (0: no quiz, the SCO reports completion only). */
  maxScore: number;
  pageCount: number;
}

export interface PackageContent {
  files: Map<string, Uint8Array>;
  sessions: SessionContent[];
  /** Files every session page needs (runtime, style, references, assets). */
  shared: string[];
}

/** A complete HTML document for a package page, relative to `sessions/`. */
export function htmlDocument(model: ModuleModel, title: string, body: string, opts: { depth?: number; head?: string; scripts?: string } = {}): string {
  const up = '../'.repeat(opts.depth ?? 1);
  return `<!DOCTYPE html>
<html lang="${esc(model.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="${up}${RUNTIME_CSS}">${opts.head ?? ''}
</head>
<body>
<a class="upstream-skip" href="#main">Skip to content</a>
<main id="main">
${body}
</main>${opts.scripts ?? ''}
</body>
</html>
`;
}

/** The module's references as a page, the target of `[@key]` citations. */
export function referencesHtml(model: ModuleModel): string {
  const items = model.references.map((r) => `<li id="ref-${esc(r.id)}">${esc(r.citation)}${r.url ? ` <a href="${esc(r.url)}">${esc(r.url)}</a>` : ''}${r.note ? `<br><span class="upstream-note">${esc(r.note)}</span>` : ''}</li>`).join('\n');
  return `<h1>References</h1>\n<ol>\n${items}\n</ol>`;
}

function materialsHtml(session: SessionModel): string {
  const files = (session.materials ?? []).filter((m): m is { title: string; file: string } => typeof m === 'object' && m !== null && 'file' in m);
  if (files.length === 0) return '';
  return `<aside class="note" aria-label="Handouts"><p><strong>Handouts</strong></p><ul>${files.map((m) => `<li><a href="../${esc(m.file)}">${esc(m.title)}</a></li>`).join('')}</ul></aside>\n`;
}

// SCORM 1.2, SCORM 2004 and cmi5 show the same pages: render each session once per model.
const rendered = new WeakMap<SessionModel, Map<AssessmentMode, ReturnType<typeof renderSessionPages>>>();

function sessionPages(model: ModuleModel, session: SessionModel, mode: AssessmentMode): ReturnType<typeof renderSessionPages> {
  let byMode = rendered.get(session);
  if (!byMode) rendered.set(session, (byMode = new Map()));
  let pages = byMode.get(mode);
  if (!pages) byMode.set(mode, (pages = renderSessionPages(model, session, mode, { referencesHref: 'references.html' })));
  return pages;
}

/**
 * The pages of every session as SCO / AU documents for one standard, with the shared runtime,
 * style, references page and the module's assets, keyed by path inside the package.
 */
export function packageContent(model: ModuleModel, standard: Standard, mode: AssessmentMode = 'interactive'): PackageContent {
  const files = new Map<string, Uint8Array>();
  const sessions: SessionContent[] = [];
  const shared = [RUNTIME_JS, RUNTIME_CSS, REFERENCES_PAGE];
  files.set(RUNTIME_JS, utf8(SCO_RUNTIME));
  files.set(RUNTIME_CSS, utf8(PAGE_CSS));
  files.set(REFERENCES_PAGE, utf8(htmlDocument(model, `References: ${model.title}`, referencesHtml(model))));
  for (const asset of [...model.assets].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    files.set(asset.path, asset.bytes);
    shared.push(asset.path);
  }
  for (const [n, session] of model.sessions.entries()) {
    const { pages, quizzes, maxScore } = sessionPages(model, session, mode);
    const config = {
      standard,
      module: model.id,
      session: session.id,
      mastery: maxScore > 0 ? (model.masteryScore ?? null) : null,
      max: maxScore,
      key: answerKey(quizzes),
    };
    const body = `<p class="upstream-note">${esc(model.title)} · Session ${n + 1} of ${model.sessions.length}</p>\n`
      + pages.map((p, i) => `<section class="upstream-page" data-page="${i}" aria-label="${esc(p.title)}"${i === 0 ? '' : ' hidden'}>\n${i === 0 ? materialsHtml(session) : ''}${p.html}\n</section>`).join('\n')
      + `\n<nav id="upstream-nav" aria-label="Pages"><button type="button" id="upstream-prev">Previous</button><span id="upstream-counter" aria-live="polite"></span><button type="button" id="upstream-next">Next</button></nav>`;
    const scripts = `\n<script type="application/json" id="upstream-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>\n<script src="../${RUNTIME_JS}"></script>`;
    const path = sessionPath(session);
    files.set(path, utf8(htmlDocument(model, `${session.title}: ${model.title}`, body, { scripts })));
    sessions.push({ session, path, maxScore, pageCount: pages.length });
  }
  return { files, sessions, shared };
}
