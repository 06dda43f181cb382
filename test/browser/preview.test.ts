import { request } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startPreview, type Preview } from '../../src/preview/preview.js';
import { servedPath } from '../../src/preview/request-path.js';
import { scaffoldModule } from '../helpers.js';
import { launchChromium } from './chromium.js';

let browser: Browser;
let page: Page;
let preview: Preview;
let dir: string;
let cleanup: () => Promise<void>;
const log: string[] = [];

beforeAll(async () => {
  ({ dir, cleanup } = await scaffoldModule({}, 'demo'));
  preview = await startPreview({ paths: [dir], port: 0, debounceMs: 50, log: (t) => log.push(t) });
  browser = await launchChromium();
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await cleanup?.();
});

/** A raw request, path sent exactly as written (no URL normalisation on our side). */
function get(rawPath: string, host = new URL(preview.url).host): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(preview.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function edit(rel: string, fn: (t: string) => string) {
  const file = path.join(dir, rel);
  await writeFile(file, fn(await readFile(file, 'utf8')));
}

describe('upstream preview', () => {
  it('serves the site, the guide and the index, with connect-src allowed only here', async () => {
    for (const p of ['/', '/demo/site/index.html', '/demo/site/session-river.html', '/demo/guide.html']) expect((await get(p)).status, p).toBe(200);
    const page = (await get('/demo/site/index.html')).body;
    expect(page).toContain("connect-src 'self'");
    expect(page).toContain('<script src="/__upstream/live.js" defer></script>');
    expect(log.join('\n')).toMatch(/Built in \d+ ms: 1 module, 0 errors/);
  });

  it('updates the open page within a second of a save', async () => {
    await page.goto(`${preview.url}demo/site/session-river.html`);
    await page.waitForFunction(() => document.querySelector('meta[name="upstream-preview-version"]'));
    await page.waitForTimeout(200); // the event stream is open
    const saved = Date.now();
    await edit('sessions/01-river.md', (t) => t.replace('Read the case with a partner.', 'Read the case with a partner, slowly.'));
    await page.waitForFunction(() => document.body.textContent!.includes('with a partner, slowly.'), undefined, { timeout: 1000 });
    const took = Date.now() - saved;
    expect(took).toBeLessThan(1000);
    if (process.env.UPSTREAM_TIMINGS) console.info(`preview: save → page updated in ${took} ms; ${log.at(-1)}`);
    expect(log.at(-1)).toMatch(/^Rebuilt demo in \d+ ms/);
  });

  it('shows a broken save as an overlay with file:line:col and hint, keeps serving, and clears it on the fix', async () => {
    await page.goto(`${preview.url}demo/site/session-river.html`);
    await page.waitForTimeout(200);
    await edit('module.yaml', (t) => t.replace('duration: 60', 'duration: [60'));
    await page.waitForSelector('#upstream-overlay', { timeout: 2000 });
    const where = await page.locator('#upstream-overlay .where').first().textContent();
    expect(where).toMatch(/module\.yaml:\d+:\d+/);
    expect(await page.locator('#upstream-overlay').textContent()).toContain('fix:');
    expect((await get('/demo/site/session-river.html')).status).toBe(200);
    expect(await page.locator('main h1').textContent()).toBe('The river parable');
    await edit('module.yaml', (t) => t.replace('duration: [60', 'duration: 60'));
    await page.waitForSelector('#upstream-overlay', { state: 'detached', timeout: 2000 });
    expect(preview.state().diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('refuses paths outside the output, however encoded', async () => {
    const attempts = [
      '/../../../../etc/passwd', '/demo/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/demo/site/..%2f..%2f..%2fetc/passwd', '/%252e%252e/%252e%252e/etc/passwd', '/demo/site/%255c..%255cpackage.json',
      '/..\\..\\etc\\passwd', '/demo\\..\\..\\package.json', '/%5c..%5cpackage.json', '//etc/passwd', '/C:/Windows/win.ini',
      '/demo/site/%00index.html', '/.%2e/package.json', '/%c0%ae%c0%ae/etc/passwd', '/demo/./site/index.html', 'http://evil.example/etc/passwd',
      '/package.json', '/../package.json', '/modules/../package.json',
    ];
    for (const a of attempts) {
      const r = await get(a);
      expect([400, 404], `${a} → ${r.status}`).toContain(r.status);
      expect(r.body).not.toMatch(/root:|"name": "upstream/);
    }
    expect((await get('/demo/site/index.html', 'evil.example:80')).status).toBe(400);
    expect(servedPath('/demo/site/')).toEqual({ ok: true, path: 'demo/site/index.html' });
  });

  it('has a CLI command with --help and usage errors (exit 2)', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), color: false, cwd: process.cwd() };
    expect(await main(['preview', '--help'], io)).toBe(0);
    expect(out.join('')).toContain('Usage: upstream preview');
    expect(await main(['preview', '--port', 'abc'], io)).toBe(2);
    expect(await main(['preview', 'no/such/folder'], io)).toBe(2);
    const busy = Number(new URL(preview.url).port);
    expect(await main(['preview', dir, '--port', String(busy)], io)).toBe(2);
    expect(out.join('\n')).toContain('is in use');
  }, 30_000);
});
