import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ModuleModel } from '../../src/model/normalize.js';
import { renderSiteIndex } from '../../src/render/site/site-index.js';
import { writeFiles } from '../../src/write/write-files.js';

/** Writes built modules (and the index above them) to a fresh temp folder, as `upstream build` would. */
export async function writeBuilt(modules: Array<{ id: string; files: Map<string, Uint8Array>; model: ModuleModel }>): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'upstream-site-'));
  for (const m of modules) await writeFiles(path.join(out, m.id), m.files);
  await writeFiles(out, renderSiteIndex(modules.map((m) => m.model)));
  return out;
}

let axeSource: string | undefined;

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: string[] }

/**
 * Runs axe-core's WCAG 2.1 A and AA rules in the page. The source goes in through the
 * DevTools protocol, which the page's CSP does not govern, so the page is tested as shipped.
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/** A plain static file server over `root` on 127.0.0.1, as a school's web server would host the site. */
export async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const types: Record<string, string> = { html: 'text/html; charset=utf-8', css: 'text/css', js: 'text/javascript', pdf: 'application/pdf' };
  const server = createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.join(root, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
    if (!file.startsWith(root)) return res.writeHead(400).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[path.extname(file).slice(1)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
