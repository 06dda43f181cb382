/**
 * Turns a request target into a path in the served tree, or refuses it. Refused outright (400):
 * `..` or `.` segments, backslashes, encoded slashes or backslashes (`%2f`, `%5c`), anything
 * still percent-encoded after one decoding (double encoding such as `%252e`), NUL, empty
 * segments (`//x`, which some stacks read as absolute) and drive letters. The caller looks the
 * result up in memory, so a path that passes can only name a built file or nothing (404).
 */
export type ServedPath = { ok: true; path: string } | { ok: false; status: 400 };

export function servedPath(target: string): ServedPath {
  const bad: ServedPath = { ok: false, status: 400 };
  const pathname = target.split(/[?#]/)[0]!;
  if (!pathname.startsWith('/') || pathname.includes('\\')) return bad;
  if (/%(2f|5c|00)/i.test(pathname)) return bad;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return bad;
  }
  if (/%[0-9a-f]{2}/i.test(decoded) || decoded.includes('\\') || decoded.includes('\0')) return bad;
  const segments = decoded.slice(1).split('/');
  const last = segments.length - 1;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s === '..' || s === '.') return bad;
    if (s === '' && i !== last) return bad;
    if (s.includes(':')) return bad;
  }
  const rel = segments.join('/');
  return { ok: true, path: rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel };
}
