import type { ModuleModel } from '../../model/normalize.js';
import type { OutputFiles } from '../../model/target.js';
import { commonHead, html } from '../html.js';
import { formatDuration } from '../text.js';
import { SITE_CSP } from './layout.js';
import { CSS_FILE, SITE_DIR } from './paths.js';
import { SITE_CSS } from './style.js';

/** What the index needs of a module (a whole model will do). */
export type SiteIndexEntry = Pick<ModuleModel, 'id' | 'title' | 'summary' | 'language' | 'duration' | 'audience'> & { sessions: readonly unknown[] };

/** The index entry of a model, small enough to keep for every module of a large build. */
export function siteIndexEntry(m: SiteIndexEntry): SiteIndexEntry {
  return { id: m.id, title: m.title, summary: m.summary, language: m.language, duration: m.duration, audience: m.audience, sessions: m.sessions.map(() => null) };
}

/**
 * The page above all modules: `index.html` and its style sheet, keyed relative to the build's
 * output folder (`<out>/`), linking to each module's `<id>/site/index.html`. Modules are listed
 * in the order given; pass them sorted for a stable page.
 */
export function renderSiteIndex(models: readonly SiteIndexEntry[]): OutputFiles {
  const languages = [...new Set(models.map((m) => m.language))];
  const lang = languages.length === 1 ? languages[0]! : 'en';
  const page = `<!DOCTYPE html>
${html`<html lang="${lang}">
<head>
${commonHead(SITE_CSP)}
<title>Teaching modules</title>
<link rel="stylesheet" href="${CSS_FILE}">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><p class="module-title">Teaching modules</p></header>
<main id="main" tabindex="-1">
<h1>Teaching modules</h1>
${models.length === 0 ? html`<p>No modules have been built yet.</p>` : ''}
<ul class="session-list">
${models.map((m) => html`<li${m.language !== lang ? html` lang="${m.language}"` : ''}><h2><a href="${encodeURIComponent(m.id)}/${SITE_DIR}/index.html">${m.title}</a></h2>
<p>${m.summary}</p>
<p class="assessment-meta">${formatDuration(m.duration)}, ${m.sessions.length} session${m.sessions.length === 1 ? '' : 's'}. For: ${m.audience}</p></li>\n`)}
</ul>
</main>
</body>
</html>
`}`;
  const utf8 = (t: string) => new TextEncoder().encode(t);
  return new Map([[CSS_FILE, utf8(SITE_CSS)], ['index.html', utf8(page)]]);
}
