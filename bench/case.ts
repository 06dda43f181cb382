/**
 * One benchmark case, run in a process of its own so that peak memory (maxRSS) belongs to that
 * case alone: `node bench/case.js <case> <corpus> [out]`. Prints one JSON line on stdout:
 * `{ case, ms, totalMs, maxRssMiB, ... }` where `ms` is the work itself and `totalMs` also
 * counts starting Node and importing the code (what a person running the CLI waits for).
 *
 * Cases: validate (load + validate), html, all (every target, pdf: false, written to out like
 * `upstream build`), floor (read every source byte, deflate each module into one zip with fflate
 * at level 6 as src/package/zip.ts does, write it), eleventy (@11ty/eleventy 3 rendering the same
 * session Markdown), preview (save one session file, time until the preview announces the rebuild).
 */
import { readdir, readFile, writeFile, mkdir, cp } from 'node:fs/promises';
import { request, type IncomingMessage } from 'node:http';
import path from 'node:path';

type Result = Record<string, unknown> & { case: string; ms: number };

const [kind, corpus, out] = process.argv.slice(2);
if (!kind || !corpus) {
  console.error('usage: node bench/case.js <validate|html|all|floor|eleventy|preview> <corpus> [out]');
  process.exit(2);
}

const now = () => performance.now();

async function walk(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(p)));
    else if (e.isFile()) files.push(p);
  }
  return files.sort();
}

async function validateCase(): Promise<Result> {
  // As `upstream validate` does: a build with no targets, over BENCH_JOBS worker threads.
  const { buildEach } = await import('../dist/lib/index.js');
  const jobs = Number(process.env.BENCH_JOBS ?? 1);
  const t0 = now();
  const diagnostics: Array<{ severity: string }> = [];
  let modules = 0;
  const found = await buildEach([corpus!], { targets: [], jobs, modulesPerWorker: 6 }, (m) => {
    modules++;
    diagnostics.push(...m.diagnostics);
  });
  diagnostics.push(...found.diagnostics);
  const ms = now() - t0;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  return { case: 'validate', jobs, ms, modules, errors: errors.length, warnings: warnings.length, firstError: errors[0] ?? warnings[0] ?? null };
}

async function buildCase(which: 'html' | 'all'): Promise<Result> {
  const { build, write, targets } = await import('../dist/lib/index.js');
  const { renderSiteIndex } = await import('../dist/lib/render/site/site-index.js');
  const t0 = now();
  // BENCH_JOBS > 1 asks for worker threads, where this build of Upstream has them (BuildOptions.jobs).
  const jobs = Number(process.env.BENCH_JOBS ?? 1);
  const options = { pdf: false, ...(which === 'html' ? { targets: ['html'] } : {}), ...(jobs > 1 ? { jobs } : {}) } as Parameters<typeof build>[1];
  const result = await build([corpus!], options);
  const built = now();
  const models = result.modules.filter((m) => m.model && m.files.size > 0).map((m) => m.model!).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const written = await write(result, out!, renderSiteIndex(models));
  const ms = now() - t0;
  const bytes = result.modules.reduce((sum, m) => sum + [...m.files.values()].reduce((s, b) => s + b.length, 0), 0);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  return {
    case: which, jobs, ms, buildMs: built - t0, writeMs: now() - built, modules: models.length, files: written.length, outputMiB: bytes / 2 ** 20, errors,
    targets: which === 'html' ? ['html'] : Object.keys(targets),
  };
}

async function floorCase(): Promise<Result> {
  const { zipSync } = await import('fflate');
  const t0 = now();
  let inBytes = 0, outBytes = 0;
  await mkdir(out!, { recursive: true });
  for (const dir of (await readdir(corpus!)).sort()) {
    const entries: Record<string, [Uint8Array, { level: 6 }]> = {};
    const root = path.join(corpus!, dir);
    for (const f of await walk(root)) {
      const bytes = await readFile(f);
      inBytes += bytes.length;
      entries[path.relative(root, f).split(path.sep).join('/')] = [bytes, { level: 6 }];
    }
    const zipped = zipSync(entries);
    outBytes += zipped.length;
    await writeFile(path.join(out!, `${dir}.zip`), zipped);
  }
  return { case: 'floor', ms: now() - t0, inputMiB: inBytes / 2 ** 20, outputMiB: outBytes / 2 ** 20 };
}

async function eleventyCase(): Promise<Result> {
  // Eleventy 3 as it comes: markdown-it, front matter as data, Liquid preprocessing of Markdown.
  // Only Markdown is a template format here, so module.yaml and the rest are left alone.
  const spec = '@11ty/eleventy'; // untyped package: imported by a variable name
  const { default: Eleventy } = (await import(spec)) as unknown as { default: new (...args: unknown[]) => { write(): Promise<unknown> } };
  const t0 = now();
  const elev = new Eleventy(corpus, out, {
    quietMode: true,
    config(cfg: { setTemplateFormats(f: string[]): void }) {
      cfg.setTemplateFormats(['md']);
    },
  });
  await elev.write();
  const ms = now() - t0;
  const pages = (await walk(out!)).filter((f) => f.endsWith('.html')).length;
  return { case: 'eleventy', ms, pages };
}

/** Reads the preview's Server-Sent Events; `next(v)` resolves at the first state with version > v. */
function events(url: string) {
  const seen: Array<{ version: number; errors: unknown[]; at: number }> = [];
  let wake: (() => void) | undefined;
  let res: IncomingMessage | undefined;
  const req = request(new URL('__upstream/events', url), (r) => {
    res = r;
    r.setEncoding('utf8');
    let buf = '';
    r.on('data', (chunk: string) => {
      const at = now();
      buf += chunk;
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
        if (data) seen.push({ ...(JSON.parse(data) as { version: number; errors: unknown[] }), at });
      }
      wake?.();
    });
  });
  req.end();
  return {
    async next(after: number, timeoutMs = 10_000) {
      const deadline = now() + timeoutMs;
      for (;;) {
        const hit = seen.find((e) => e.version > after);
        if (hit) return hit;
        if (now() > deadline) throw new Error(`no rebuild event after version ${after} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
    },
    close() {
      res?.destroy();
      req.destroy();
    },
  };
}

async function previewCase(): Promise<Result> {
  const { startPreview, DEFAULT_DEBOUNCE_MS } = await import('../dist/lib/preview/preview.js');
  // `corpus` is one module folder; edit a copy, never the corpus itself.
  const dir = path.join(out!, path.basename(corpus!));
  await cp(corpus!, dir, { recursive: true });
  const session = path.join(dir, 'sessions', (await readdir(path.join(dir, 'sessions'))).sort()[1]!);
  const original = await readFile(session, 'utf8');
  const debounceMs = DEFAULT_DEBOUNCE_MS;
  const preview = await startPreview({ paths: [dir], port: 0 });
  const sse = events(preview.url);
  let version = (await sse.next(0)).version;
  const edits = Number(process.env.BENCH_PREVIEW_EDITS ?? 9);
  const endToEnd: number[] = [], rebuild: number[] = [], direct: number[] = [];
  for (let k = 0; k <= edits; k++) {
    // One word changed in a paragraph, as an author would; the module stays valid.
    const text = original.replace(/^(# .*\n\n)(\w+)/m, (_m, head: string, word: string) => `${head}${word} edit${k}`);
    if (text === original) throw new Error('the edit changed nothing');
    const t0 = now();
    await writeFile(session, text);
    const e = await sse.next(version);
    version = e.version;
    const s = preview.state();
    if (e.errors.length > 0) throw new Error(`edit ${k} made the module invalid: ${JSON.stringify(e.errors[0])}`);
    if (k > 0) { // the first edit warms up the code paths
      endToEnd.push(e.at - t0);
      rebuild.push(s.took);
    }
    await new Promise((r) => setTimeout(r, 250)); // let any trailing watch event settle
    version = preview.state().version;
  }
  // preview.rebuild() with nothing changed: what a spurious watch event costs.
  for (let k = 0; k < 5; k++) {
    const t0 = now();
    await preview.rebuild();
    direct.push(now() - t0);
  }
  sse.close();
  await preview.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { case: 'preview', ms: median(endToEnd), endToEnd, rebuildTook: rebuild, rebuildMedianMs: median(rebuild), directRebuild: direct, directMedianMs: median(direct), debounceMs, edits };
}

const cases: Record<string, () => Promise<Result>> = {
  validate: validateCase,
  html: () => buildCase('html'),
  all: () => buildCase('all'),
  floor: floorCase,
  eleventy: eleventyCase,
  preview: previewCase,
};

const run = cases[kind];
if (!run) {
  console.error(`unknown case ${kind}`);
  process.exit(2);
}
const result = await run();
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ ...result, totalMs: now(), maxRssMiB: usage.maxRSS / 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`);
// Eleventy and the preview may leave handles open; the measurement is done.
process.exit(0);
