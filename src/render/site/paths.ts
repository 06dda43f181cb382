import path from 'node:path/posix';
import type { ModuleModel, SessionModel } from '../../model/normalize.js';

/** Where each learner page lives inside `site/`. All pages sit side by side, so links stay one level deep. */
export const SITE_DIR = 'site';
export const CSS_FILE = 'upstream.css';
export const JS_FILE = 'upstream.js';
export const REFERENCES_PAGE = 'references.html';

export function sessionPage(session: Pick<SessionModel, 'id'>): string {
  return `session-${session.id}.html`;
}

/**
 * Rewrites a link or image URL written in a session file (relative to `sessions/`) for a page
 * at the site root: `../assets/x.png` → `assets/x.png`, `02-next.md` → `session-next.html`.
 * External and fragment links are left alone; anything else that would leave the site becomes `#`.
 */
export function siteUrlRewriter(model: ModuleModel, from: string): (url: string) => string {
  const bySource = new Map(model.sessions.map((s) => [s.source, s]));
  const base = path.dirname(from);
  return (url) => {
    const trimmed = url.trim();
    if (trimmed === '' || trimmed.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
    const [file, ...rest] = trimmed.split(/(?=[?#])/);
    const suffix = rest.join('');
    let target: string;
    try {
      target = path.normalize(path.join(base, decodeURIComponent(file!)));
    } catch {
      return '#';
    }
    if (target.startsWith('assets/')) return encodePath(target) + suffix;
    const session = bySource.get(target);
    if (session) return sessionPage(session) + (suffix.startsWith('#') ? suffix : '');
    return '#';
  };
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}
