import { existsSync } from 'node:fs';
import type { OutputFiles } from '../../model/target.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Whether this machine can print the guide to PDF (Chromium present, playwright-core installed). */
export async function canPrintPdf(): Promise<boolean> {
  if (!existsSync(CHROMIUM_PATH)) return false;
  try {
    await import('playwright-core');
    return true;
  } catch {
    return false;
  }
}

/**
 * Prints `guide.html` to PDF with Chromium. The page is served from memory under a made-up
 * origin, so its images load without touching the disk or the network. Chromium stamps the
 * print time and a random document id into the file; `fixPdfMetadata` replaces both so the same
 * guide gives the same bytes (for the same Chromium version, whose name is in /Producer).
 */
export async function printGuidePdf(page: string, files: OutputFiles, title: string): Promise<Uint8Array> {
  const browser = await acquireBrowser();
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, timezoneId: 'UTC', locale: 'en-US' });
    const tab = await context.newPage();
    const origin = 'http://guide.upstream.invalid/';
    await tab.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const rel = decodeURIComponent(url.pathname.slice(1));
      if (url.origin + '/' !== origin) return route.abort();
      if (rel === 'guide.html') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page });
      const bytes = files.get(rel);
      return bytes ? route.fulfill({ status: 200, body: Buffer.from(bytes) }) : route.fulfill({ status: 404, body: '' });
    });
    await tab.goto(`${origin}guide.html`, { waitUntil: 'load' });
    const pdf = await tab.pdf({
      format: 'Letter',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;width:100%;padding:0 14mm;display:flex;justify-content:space-between;font-family:sans-serif"><span>${escapeForTemplate(title)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
      tagged: true,
      outline: true,
    });
    await context.close();
    return fixPdfMetadata(new Uint8Array(pdf));
  } finally {
    releaseBrowser();
  }
}

type Browser = Awaited<ReturnType<typeof import('playwright-core')['chromium']['launch']>>;
let shared: Promise<Browser> | undefined;
let users = 0;
let idle: NodeJS.Timeout | undefined;

/** One Chromium for a whole build: launching costs more than printing, so consecutive guides share it. */
async function acquireBrowser(): Promise<Browser> {
  users += 1;
  clearTimeout(idle);
  shared ??= import('playwright-core').then(({ chromium }) => chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  }));
  try {
    return await shared;
  } catch (error) {
    shared = undefined;
    users -= 1;
    throw error;
  }
}

/** Closes the shared browser shortly after its last use, so a finished build lets the process exit. */
function releaseBrowser(): void {
  users -= 1;
  if (users > 0) return;
  idle = setTimeout(() => {
    const closing = shared;
    shared = undefined;
    void closing?.then((b) => b.close()).catch(() => undefined);
  }, 500);
}

function escapeForTemplate(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Replaces the creation and modification dates with 2000-01-01 and the document id with one
 * derived from the content, keeping every byte offset (the cross-reference table depends on them).
 */
export function fixPdfMetadata(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const fixed = text
    .replace(/\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g, (_m, key: string, digits: string, zone: string) =>
      `/${key} (D:${'20000101000000'.slice(0, digits.length)}${zone.length === 7 ? "+00'00'" : 'Z'.padEnd(zone.length, ' ').slice(0, zone.length)})`)
    .replace(/<xmp:(CreateDate|ModifyDate|MetadataDate)>([^<]*)<\/xmp:\1>/g, (_m, key: string, v: string) =>
      `<xmp:${key}>${'2000-01-01T00:00:00Z'.padEnd(v.length, ' ').slice(0, v.length)}</xmp:${key}>`);
  // Tagged PDFs name structure elements after Chromium's DOM node ids, which shift between runs;
  // renumbering them densely in their own order keeps the ID tree sorted and the lengths equal.
  const ids = [...new Set([...fixed.matchAll(/\(node(\d+)\)/g)].map((m) => m[1]!))].sort((a, b) => Number(a) - Number(b));
  const renumber = new Map(ids.map((id, i) => [id, String(i).padStart(id.length, '0')]));
  const stable = fixed.replace(/\(node(\d+)\)/g, (_m, id: string) => `(node${renumber.get(id)!.slice(-id.length)})`);
  return Uint8Array.from(Buffer.from(stable, 'latin1'));
}
