/**
 * Fits a built page for the preview: its CSP also allows the same-origin reload channel and
 * local scripts (the guide has none of its own), and the live script is added. Built files are
 * never changed; only what the preview server sends.
 */
export function injectPreview(page: string, version: number): string {
  const withCsp = page.replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/, (_m, a: string, policy: string, b: string) =>
    a + policy.replace("connect-src 'none'", "connect-src 'self'").replace("script-src 'none'", "script-src 'self'") + b);
  const tags = `<meta name="upstream-preview-version" content="${version}">\n<script src="/__upstream/live.js" defer></script>\n`;
  return withCsp.includes('</head>') ? withCsp.replace('</head>', `${tags}</head>`) : tags + withCsp;
}
