import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { scaffoldModule } from '../helpers.js';
import { buildShippedModules } from '../render/helpers.js';
import { launchChromium } from './chromium.js';
import { axe, serveStatic, writeBuilt } from './pages.js';

let browser: Browser;
let page: Page;
let out: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let pages: string[] = [];
let moduleCount = 0;
const failed: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  // The shipped modules that validate today, plus the one `upstream new` writes (always valid).
  const modules = await buildShippedModules();
  const made = await scaffoldModule({}, 'new-module-example');
  const scaffolded = (await build([made.dir], { targets: ['html', 'guide'], pdf: false })).modules[0]!;
  await made.cleanup();
  modules.push({ ...scaffolded, id: 'new-module-example', model: scaffolded.model! });
  moduleCount = modules.length;
  out = await writeBuilt(modules);
  pages = ['index.html'];
  for (const m of modules) {
    for (const f of (await readdir(path.join(out, m.id, 'site'))).sort()) if (f.endsWith('.html')) pages.push(`${m.id}/site/${f}`);
    pages.push(`${m.id}/guide.html`);
  }
  server = await serveStatic(out);
  browser = await launchChromium();
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('every generated page in Chromium', () => {
  // Over http, where axe can read the style sheets (from file:// they count as cross-origin).
  it('passes axe-core WCAG 2.1 A and AA with zero violations', async () => {
    const report: Record<string, unknown> = {};
    await page.setViewportSize({ width: 1024, height: 800 });
    for (const p of pages) {
      await page.goto(server.url + p);
      const violations = await axe(page);
      if (violations.length > 0) report[p] = violations;
    }
    // Modules being written may not validate today; every one that does is checked, and at least one must.
    expect(moduleCount).toBeGreaterThan(0);
    expect(pages.length).toBeGreaterThanOrEqual(1 + moduleCount * 3);
    expect(report).toEqual({});
  }, 180_000);

  it('works offline from file://: loads only local files, all of which exist, with style and script applied', async () => {
    const requests: string[] = [];
    const failed: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
    for (const p of pages) {
      await page.goto(pathToFileURL(path.join(out, p)).href);
      const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')!).position === 'absolute');
      expect(styled, p).toBe(true);
    }
    page.removeAllListeners('request');
    page.removeAllListeners('requestfailed');
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(failed).toEqual([]);
    expect(requests.some((u) => u.endsWith('/site/upstream.js'))).toBe(true);
  }, 120_000);

  it('fits a phone screen without sideways scrolling, and prints without navigation or buttons', async () => {
    const overflow: string[] = [];
    await page.setViewportSize({ width: 360, height: 740 });
    for (const p of pages) {
      await page.goto(pathToFileURL(path.join(out, p)).href);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (wide > 1) overflow.push(`${p}: ${wide}px`);
    }
    expect(overflow).toEqual([]);
    const session = pages.find((p) => p.includes('/site/session-'))!;
    await page.goto(pathToFileURL(path.join(out, session)).href);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() => [...document.querySelectorAll('.site-header nav, .pager, button, .skip-link')].every((e) => getComputedStyle(e).display === 'none'));
    expect(hidden).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  }, 120_000);

  it('has one h1, headings that never skip a level, a main landmark and a working skip link', async () => {
    const problems: string[] = [];
    await page.setViewportSize({ width: 1024, height: 800 });
    for (const p of pages) {
      await page.goto(pathToFileURL(path.join(out, p)).href);
      const r = await page.evaluate(() => {
        const levels = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1]));
        const skips = levels.filter((l, i) => i > 0 && l > levels[i - 1]! + 1);
        return { h1: levels.filter((l) => l === 1).length, first: levels[0], skips: skips.length, main: document.querySelectorAll('main#main').length, skip: document.querySelector('a.skip-link')?.getAttribute('href'), lang: document.documentElement.lang };
      });
      if (r.h1 !== 1 || r.first !== 1 || r.skips !== 0 || r.main !== 1 || r.skip !== '#main' || !r.lang) problems.push(`${p}: ${JSON.stringify(r)}`);
    }
    expect(problems).toEqual([]);
    await page.goto(pathToFileURL(path.join(out, pages[1]!)).href);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  }, 120_000);
});
