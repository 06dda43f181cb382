import type { ModuleModel } from '../../model/normalize.js';
import { contentSecurityPolicy } from '../csp.js';
import { commonHead, html, type Html } from '../html.js';
import { CSS_FILE, JS_FILE, REFERENCES_PAGE, sessionPage } from './paths.js';

export interface SitePage {
  /** The page's own title; the module title is appended in `<title>`. */
  title: string;
  /** Which navigation entry is the current page: `index`, `references`, or a session id. */
  current: string;
  main: Html;
  /** Links under the content, e.g. previous and next session. */
  pager?: Html;
}

/** The policy of every learner page: local files only, no inline script or style. */
export const SITE_CSP = contentSecurityPolicy({ scripts: true, styleFiles: true });

/** Wraps a page's content in the site's shell: CSP, skip link, header navigation, landmarks. */
export function sitePage(model: ModuleModel, page: SitePage): string {
  const link = (href: string, key: string, label: string) =>
    html`<li><a href="${href}"${page.current === key ? html` aria-current="page"` : ''}>${label}</a></li>`;
  const title = page.current === 'index' ? model.title : `${page.title} · ${model.title}`;
  return `<!DOCTYPE html>
${html`<html lang="${model.language}">
<head>
${commonHead(SITE_CSP)}
<title>${title}</title>
<link rel="stylesheet" href="${CSS_FILE}">
<script src="${JS_FILE}" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<p class="module-title"><a href="index.html">${model.title}</a></p>
<nav aria-label="Module contents">
<ol>
${link('index.html', 'index', 'Overview')}
${model.sessions.map((s, i) => link(sessionPage(s), s.id, `${i + 1}. ${s.title}`))}
${model.references.length > 0 ? link(REFERENCES_PAGE, 'references', 'References') : ''}
</ol>
</nav>
</header>
<main id="main" tabindex="-1">
${page.main}
</main>
${page.pager ?? ''}
<footer class="site-footer">
<p>${model.title}, version ${model.version}. ${model.authors.length > 0 ? `By ${model.authors.map((a) => a.name + (a.affiliation ? ` (${a.affiliation})` : '')).join(', ')}. ` : ''}Licence: ${model.license}.</p>
</footer>
</body>
</html>
`}`;
}
