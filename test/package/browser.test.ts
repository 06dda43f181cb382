import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../browser/chromium.js';
import { builtModules, ROOT } from './helpers.js';

/**
 * Every SCO of every shipped module, in real Chromium, against scorm-again's SCORM 1.2 and 2004
 * APIs (the test LMS): initialize, progress, completion, quiz right → passed with the right score,
 * quiz wrong → failed, relaunch resumes where the learner was, terminate.
 */

const served = new Map<string, Uint8Array>();
/** A minimal LRS for cmi5 AUs: token, LaunchData and state, statements recorded. */
const lrs = { statements: [] as Array<Record<string, any>>, state: new Map<string, string>() };
interface Au { module: string; url: string; id: string; masteryScore?: number }
const aus: Au[] = [];
let server: Server;
let base = '';
let browser: Browser;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.xml': 'application/xml', '.xsd': 'application/xml', '.md': 'text/plain; charset=utf-8' };

const LAUNCHER = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>LMS</title>
<script src="/sa/scorm12.min.js"></script><script src="/sa/scorm2004.min.js"></script></head>
<body><div id="frame"></div></body></html>`;

interface Sco { module: string; version: '1.2' | '2004'; href: string; title: string }
const scos: Sco[] = [];

beforeAll(async () => {
  const mods = await builtModules(['scorm12', 'scorm2004', 'cmi5']);
  for (const m of mods) {
    for (const [file, bytes] of m.files) {
      if (file.endsWith('.cmi5.zip')) {
        const entries = unzipSync(bytes);
        for (const [name, data] of Object.entries(entries)) served.set(`/cmi5/${m.id}/${name}`, data);
        const xml = new TextDecoder().decode(entries['cmi5.xml']);
        for (const au of xml.matchAll(/<au id="([^"]+)"[^>]*?(?:masteryScore="([^"]+)")?[^>]*>[\s\S]*?<url>([^<]+)<\/url>/g)) {
          aus.push({ module: m.id!, id: au[1]!, url: au[3]!, ...(au[2] ? { masteryScore: Number(au[2]) } : {}) });
        }
        continue;
      }
      const version = file.endsWith('.scorm12.zip') ? '1.2' : file.endsWith('.scorm2004.zip') ? '2004' : undefined;
      if (!version) continue;
      const entries = unzipSync(bytes);
      for (const [name, data] of Object.entries(entries)) served.set(`/pkg/${m.id}/${version}/${name}`, data);
      const manifest = new TextDecoder().decode(entries['imsmanifest.xml']);
      for (const r of manifest.matchAll(/<resource identifier="[^"]+" type="webcontent" adlcp:scorm[tT]ype="sco" href="([^"]+)"/g)) {
        scos.push({ module: m.id!, version, href: r[1]!, title: r[1]! });
      }
    }
  }
  served.set('/launcher.html', new TextEncoder().encode(LAUNCHER));
  for (const f of ['scorm12.min.js', 'scorm2004.min.js']) served.set(`/sa/${f}`, readFileSync(path.join(ROOT, 'node_modules/scorm-again/dist', f)));
  server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (url.startsWith('/lrs/')) {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const q = new URL(req.url!, 'http://x').searchParams;
        const json = (v: unknown) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(v)); };
        if (url === '/lrs/fetch') return json({ 'auth-token': 'dGVzdDp0ZXN0' });
        if (req.headers.authorization !== 'Basic dGVzdDp0ZXN0') { res.writeHead(401); res.end(); return; }
        if (url === '/lrs/statements' && req.method === 'POST') { lrs.statements.push(JSON.parse(body)); return json([JSON.parse(body).id]); }
        if (url === '/lrs/activities/state') {
          const key = `${q.get('activityId')}|${q.get('registration')}|${q.get('stateId')}`;
          if (q.get('stateId') === 'LMS.LaunchData') {
            const au = aus.find((a) => a.id === q.get('activityId'));
            return json({ contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' } }, launchMode: 'Normal', moveOn: au?.masteryScore ? 'CompletedAndPassed' : 'Completed', ...(au?.masteryScore ? { masteryScore: au.masteryScore } : {}) });
          }
          if (req.method === 'PUT') { lrs.state.set(key, body); res.writeHead(204); res.end(); return; }
          const v = lrs.state.get(key);
          if (v === undefined) { res.writeHead(404); res.end(); return; }
          res.writeHead(200, { 'content-type': 'application/json' }); res.end(v); return;
        }
        res.writeHead(404); res.end();
      });
      return;
    }
    const body = served.get(url);
    if (!body) { res.writeHead(404); res.end('not found'); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(url)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** Installs a fresh LMS API (optionally with saved data) and opens the SCO in an iframe. */
async function launch(page: Page, sco: Sco, saved?: Record<string, unknown>): Promise<Frame> {
  await page.evaluate(({ version, src, saved }) => {
    const w = window as unknown as Record<string, any>;
    delete w.API; delete w.API_1484_11;
    const settings = { logLevel: 5, autocommit: false };
    if (version === '1.2') {
      w.API = new w.Scorm12API(settings);
      if (saved) w.API.loadFromJSON(saved, '');
    } else {
      w.API_1484_11 = new w.Scorm2004API(settings);
      if (saved) w.API_1484_11.loadFromJSON(saved, '');
    }
    const f = document.createElement('iframe');
    f.src = src; f.title = 'SCO'; f.style.width = '900px'; f.style.height = '700px';
    document.getElementById('frame')!.replaceChildren(f);
  }, { version: sco.version, src: `/pkg/${sco.module}/${sco.version}/${sco.href}`, saved });
  const handle = await page.waitForSelector('iframe');
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector('html[data-upstream="connected"]', { timeout: 10_000 });
  return frame;
}

/** Reads what the LMS holds. */
function lms(page: Page, version: '1.2' | '2004') {
  return page.evaluate((version) => {
    const w = window as unknown as Record<string, any>;
    const api = version === '1.2' ? w.API : w.API_1484_11;
    // JSON rendering reads write-only elements such as cmi.core.exit, as an LMS stores them.
    const c = JSON.parse(JSON.stringify(api.cmi));
    return version === '1.2'
      ? { status: c.core.lesson_status, success: '', raw: c.core.score.raw, max: c.core.score.max, min: c.core.score.min, scaled: '', location: c.core.lesson_location, suspend: c.suspend_data, exit: c.core.exit, initialized: api.isInitialized(), terminated: api.isTerminated() }
      : { status: c.completion_status, success: c.success_status, raw: c.score.raw, max: c.score.max, min: c.score.min, scaled: c.score.scaled, location: c.location, suspend: c.suspend_data, exit: c.exit, initialized: api.isInitialized(), terminated: api.isTerminated() };
  }, version);
}

async function closeSco(page: Page, version: '1.2' | '2004'): Promise<void> {
  await page.evaluate(() => { (document.querySelector('iframe') as HTMLIFrameElement).src = 'about:blank'; });
  await expect.poll(async () => (await lms(page, version)).terminated, { timeout: 5000 }).toBe(true);
}

type Key = Record<string, Array<{ id: string; type: string; points: number; correct?: string[]; answer?: boolean; accept?: string[] }>>;

/** Answers every quiz item right or wrong and submits. */
async function answer(frame: Frame, right: boolean): Promise<void> {
  await frame.evaluate((right) => {
    const cfg = JSON.parse(document.getElementById('upstream-config')!.textContent!) as { key: Key };
    for (const form of Array.from(document.querySelectorAll<HTMLFormElement>('form.upstream-quiz'))) {
      const quiz = form.dataset.quiz!;
      for (const item of cfg.key[quiz] ?? []) {
        const inputs = Array.from(form.querySelectorAll<HTMLInputElement>(`[name="q-${quiz}-${item.id}"]`));
        if (item.type === 'true-false') inputs.forEach((i) => { i.checked = i.value === String(right ? item.answer : !item.answer); });
        else if (item.type === 'single-choice' || item.type === 'multiple-response') {
          const correct = item.correct ?? [];
          const wrong = inputs.find((i) => !correct.includes(i.value))?.value;
          inputs.forEach((i) => { i.checked = right ? correct.includes(i.value) : i.value === wrong; });
        } else if (item.type === 'short-answer') inputs.forEach((i) => { i.value = right ? (item.accept?.[0] ?? '') : 'zzz'; });
      }
      form.requestSubmit();
    }
  }, right);
}

describe('SCOs in Chromium with scorm-again', () => {
  it('finds SCOs to run', () => {
    expect(scos.length).toBeGreaterThan(0);
  });

  it('every SCO initializes, reports progress and completion, scores its quiz, resumes and terminates', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
    await page.goto(`${base}/launcher.html`);
    for (const sco of scos) {
      const where = `${sco.module} ${sco.version} ${sco.href}`;
      let frame = await launch(page, sco);
      const cfg = await frame.evaluate(() => JSON.parse(document.getElementById('upstream-config')!.textContent!) as { max: number; mastery: number | null });
      const pageCount = await frame.evaluate(() => document.querySelectorAll('.upstream-page').length);
      let s = await lms(page, sco.version);
      expect(s.initialized, where).toBe(true);
      expect(s.status, where).toBe(pageCount === 1 ? 'completed' : 'incomplete');
      expect(s.location, where).toBe('0');

      if (pageCount > 1) {
        // Progress, then leave and come back: the SCO resumes on the page the learner was on.
        await frame.click('#upstream-next');
        s = await lms(page, sco.version);
        expect(s.location, where).toBe('1');
        await closeSco(page, sco.version);
        s = await lms(page, sco.version);
        expect(s.exit, where).toBe('suspend');
        const saved = sco.version === '1.2'
          ? { suspend_data: s.suspend, core: { lesson_location: s.location, lesson_status: s.status, entry: 'resume' } }
          : { suspend_data: s.suspend, location: s.location, completion_status: s.status, entry: 'resume' };
        frame = await launch(page, sco, saved);
        expect(await frame.evaluate(() => document.body.getAttribute('data-page')), `${where}: resumed page`).toBe('1');
        expect(await frame.isVisible('.upstream-page[data-page="1"]'), where).toBe(true);
        for (let i = 2; i < pageCount; i++) await frame.click('#upstream-next');
        s = await lms(page, sco.version);
        expect(s.location, where).toBe(String(pageCount - 1));
      }
      if (cfg.max > 0) {
        await answer(frame, false);
        s = await lms(page, sco.version);
        expect(sco.version === '1.2' ? s.status : s.success, `${where}: wrong answers`).toBe('failed');
        expect(Number(s.raw), where).toBeLessThan(cfg.max);
        await answer(frame, true);
        s = await lms(page, sco.version);
        expect(sco.version === '1.2' ? s.status : s.success, `${where}: right answers`).toBe('passed');
        expect(Number(s.raw), where).toBe(cfg.max);
        expect(Number(s.max), where).toBe(cfg.max);
        expect(Number(s.min), where).toBe(0);
        if (sco.version === '2004') expect(Number(s.scaled), where).toBe(1);
      }
      s = await lms(page, sco.version);
      if (sco.version === '2004' || cfg.max === 0) expect(s.status, `${where}: completion`).toBe('completed');
      await closeSco(page, sco.version);
      s = await lms(page, sco.version);
      expect(s.terminated, where).toBe(true);
      expect(s.exit, where).toBe(sco.version === '1.2' ? '' : 'normal');
    }
    await page.close();
    expect(failures).toEqual([]);
  }, 240_000);
});

describe('cmi5 AUs in Chromium against a minimal LRS', () => {
  it('every AU fetches its token, sends initialized, completed, passed with the score, terminated, and resumes', async () => {
    expect(aus.length).toBeGreaterThan(0);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const au of aus) {
      const where = `${au.module} ${au.url}`;
      const actor = JSON.stringify({ objectType: 'Agent', name: 'Learner', account: { homePage: 'http://127.0.0.1', name: 'learner-1' } });
      const reg = '11111111-2222-4333-8444-555555555555';
      const launchUrl = `${base}/cmi5/${au.module}/${au.url}?endpoint=${encodeURIComponent(`${base}/lrs/`)}&fetch=${encodeURIComponent(`${base}/lrs/fetch`)}&actor=${encodeURIComponent(actor)}&registration=${reg}&activityId=${encodeURIComponent(au.id)}`;
      const mine = () => lrs.statements.filter((s) => s.object?.id === au.id);
      await page.goto(launchUrl);
      await page.waitForSelector('html[data-upstream="connected"]');
      const pages = await page.evaluate(() => document.querySelectorAll('.upstream-page').length);
      if (pages > 1) {
        await page.click('#upstream-next');
        // Leave and relaunch: the AU resumes on the same page from the xAPI State API.
        await page.goto('about:blank');
        await page.goto(launchUrl);
        await page.waitForSelector('html[data-upstream="connected"]');
        expect(await page.evaluate(() => document.body.getAttribute('data-page')), where).toBe('1');
        for (let i = 2; i < pages; i++) await page.click('#upstream-next');
      }
      const cfg = await page.evaluate(() => JSON.parse(document.getElementById('upstream-config')!.textContent!) as { max: number });
      if (cfg.max > 0) await answer(page.mainFrame(), true);
      await expect.poll(() => mine().map((s) => s.verb.display['en-US']), { timeout: 5000 }).toContain(cfg.max > 0 ? 'passed' : 'completed');
      await page.goto('about:blank');
      await expect.poll(() => mine().map((s) => s.verb.display['en-US']).at(-1), { timeout: 5000 }).toBe('terminated');
      const verbs = mine().map((s) => s.verb.display['en-US']);
      expect(verbs[0], where).toBe('initialized');
      expect(verbs, where).toContain('completed');
      for (const s of mine()) {
        expect(s.context.registration).toBe(reg);
        expect(s.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe('session-1');
      }
      if (cfg.max > 0) {
        const passed = mine().find((s) => s.verb.display['en-US'] === 'passed')!;
        expect(passed.result.score).toEqual({ scaled: 1, raw: cfg.max, min: 0, max: cfg.max });
        expect(passed.result.success).toBe(true);
      }
    }
    await page.close();
    expect(errors).toEqual([]);
  }, 120_000);
});
