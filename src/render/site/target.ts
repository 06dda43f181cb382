import type { Target } from '../../model/target.js';
import { CSS_FILE, JS_FILE, REFERENCES_PAGE, SITE_DIR, sessionPage } from './paths.js';
import { indexPage, referencesPage, sessionPageHtml } from './pages.js';
import { SITE_JS } from './script.js';
import { SITE_CSS } from './style.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The learner site: `site/index.html`, one page per session, references, assets, CSS and JS. */
export const htmlTarget: Target = {
  name: 'html',
  summary: 'static learner site (offline, no CDN): sessions, quizzes, reflections, references',
  build(model) {
    const files = new Map<string, Uint8Array>();
    const put = (rel: string, content: string | Uint8Array) => files.set(`${SITE_DIR}/${rel}`, typeof content === 'string' ? utf8(content) : content);
    put('index.html', indexPage(model));
    model.sessions.forEach((s, i) => put(sessionPage(s), sessionPageHtml(model, i)));
    if (model.references.length > 0) put(REFERENCES_PAGE, referencesPage(model));
    put(CSS_FILE, SITE_CSS);
    put(JS_FILE, SITE_JS);
    for (const asset of [...model.assets].sort((a, b) => (a.path < b.path ? -1 : 1))) {
      if (asset.path.startsWith('assets/')) put(asset.path, asset.bytes);
    }
    return files;
  },
};
