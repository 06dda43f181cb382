import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy every generated page carries: nothing loads or runs unless it is
 * a local file beside the page ('self') or an inline block whose hash is listed. `connect` is
 * only for the live preview, whose reload channel is a same-origin EventSource.
 */
export interface CspOptions {
  /** Inline `<style>` blocks to allow, by content. */
  inlineStyles?: readonly string[];
  /** Whether local script files may run (the site's quiz script). */
  scripts?: boolean;
  /** Whether local style sheets may load. */
  styleFiles?: boolean;
  connect?: boolean;
}

export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export function contentSecurityPolicy(options: CspOptions): string {
  const styles = [options.styleFiles ? "'self'" : '', ...(options.inlineStyles ?? []).map(sha256Source)].filter(Boolean);
  return [
    "default-src 'none'",
    `script-src ${options.scripts ? "'self'" : "'none'"}`,
    `style-src ${styles.length > 0 ? styles.join(' ') : "'none'"}`,
    "img-src 'self'",
    "font-src 'self'",
    "media-src 'self'",
    `connect-src ${options.connect ? "'self'" : "'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
