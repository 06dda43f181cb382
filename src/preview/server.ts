import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PreviewState } from './site-state.js';
import { LIVE_JS } from './client.js';
import { injectPreview } from './inject.js';
import { servedPath } from './request-path.js';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8',
  json: 'application/json', csv: 'text/csv; charset=utf-8', md: 'text/plain; charset=utf-8', txt: 'text/plain; charset=utf-8',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml',
  pdf: 'application/pdf', mp3: 'audio/mpeg', mp4: 'video/mp4',
};

/** Files other than pages (an author's SVG opened directly, say) get a policy that runs nothing. */
const ASSET_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; media-src 'self'";

export interface PreviewHttp {
  url: string;
  port: number;
  /** Tells every open page about the current state (after a rebuild). */
  broadcast(): void;
  close(): Promise<void>;
}

/**
 * Serves the preview state from memory on 127.0.0.1: pages with the live script injected, the
 * live script, and `/__upstream/events` (Server-Sent Events) announcing each rebuild.
 */
export async function servePreview(state: () => PreviewState, port: number, host = '127.0.0.1'): Promise<PreviewHttp> {
  const clients = new Set<ServerResponse>();
  let actualPort = port;
  const message = () => {
    const s = state();
    const errors = s.diagnostics.filter((d) => d.severity === 'error')
      .map((d) => ({ file: d.file, line: d.line, column: d.column, ruleId: d.ruleId, message: d.message, hint: d.hint }));
    return `data: ${JSON.stringify({ version: s.version, errors })}\n\n`;
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: string | Uint8Array, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed\n', undefined, { Allow: 'GET, HEAD' });
    // Only our own host names: a page on another site cannot reach the preview by DNS rebinding.
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    if (hostHeader !== `127.0.0.1:${actualPort}` && hostHeader !== `localhost:${actualPort}`) return send(400, 'Bad host\n');
    const target = req.url ?? '/';
    if (target === '/__upstream/live.js') return send(200, LIVE_JS, TYPES.js);
    if (target === '/__upstream/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write('retry: 500\n\n');
      res.write(message());
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const resolved = servedPath(target);
    if (!resolved.ok) return send(resolved.status, 'Bad request\n');
    const s = state();
    const bytes = s.files.get(resolved.path);
    if (!bytes) {
      const hint = s.modules.length > 0 ? `Try /${s.modules[0]}/site/index.html or /${s.modules[0]}/guide.html\n` : '';
      return send(404, `Not found: /${resolved.path}\n${hint}`);
    }
    const ext = /\.([a-z0-9]+)$/i.exec(resolved.path)?.[1]?.toLowerCase() ?? '';
    if (ext === 'html') return send(200, injectPreview(Buffer.from(bytes).toString('utf8'), s.version), TYPES.html);
    return send(200, bytes, TYPES[ext] ?? 'application/octet-stream', { 'Content-Security-Policy': ASSET_CSP });
  };
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actualPort}/`,
    port: actualPort,
    broadcast() {
      const m = message();
      for (const c of clients) c.write(m);
    },
    close() {
      for (const c of clients) c.end();
      clients.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
