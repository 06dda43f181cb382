/**
 * `npm run bench`: Upstream beside its baselines, in one run.
 *
 *   npm run bench                 N = 200 and 1,000 (about 12 minutes on 2 cores)
 *   npm run bench -- --quick      N = 10 and 50 (a fast check that everything works)
 *   npm run bench -- --profile    one CPU profile of every target at N = 200, summarised
 *   npm run bench -- --sizes 100,500 --budget 30 --jobs 2
 *
 * Each case runs in a child process of its own (bench/case.js), so its peak RSS is its own. A
 * case is repeated up to --runs times (5 below N = 1,000, else 3) while its runs so far took less
 * than --budget seconds, and at least once; the table gives the median and how many runs it is of.
 * Results go to bench/results/latest.json.
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.js';
import { summariseProfile } from './profile.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CASE = path.join(HERE, 'case.js');
const CASES = ['validate', 'html', 'all', 'floor', 'eleventy'] as const;
type CaseName = (typeof CASES)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    budget: { type: 'string' },
    keep: { type: 'boolean', default: false },
    jobs: { type: 'string' },
  },
});

const sizes = values.sizes ? values.sizes.split(',').map(Number) : values.quick ? [10, 50] : [200, 1000];
const budgetMs = Number(values.budget ?? (values.quick ? 8 : 60)) * 1000;
const log = (s: string) => process.stderr.write(`${s}\n`);

interface CaseRun { ms: number; totalMs: number; maxRssMiB: number; cpuMs: number; [k: string]: unknown }

function child(args: string[], cwd: string, nodeFlags: string[] = []): Promise<CaseRun> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, BENCH_JOBS: values.jobs ?? '1' };
    const p = spawn(process.execPath, [...nodeFlags, CASE, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    p.stdout.on('data', (d: Buffer) => (out += d));
    p.stderr.on('data', (d: Buffer) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => {
      const last = out.trim().split('\n').filter((l) => l.startsWith('{')).pop();
      if (code !== 0 || !last) return reject(new Error(`case ${args[0]} exited ${code}\n${err.slice(-3000)}\n${out.slice(-1000)}`));
      resolve(JSON.parse(last) as CaseRun);
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface CaseSummary { runs: number; medianS: number; minS: number; maxS: number; workMedianS: number; peakRssMiB: number; detail: CaseRun[] }

async function measure(name: CaseName, corpus: string, n: number, scratch: string): Promise<CaseSummary> {
  const maxRuns = Number(values.runs ?? (values.quick || n >= 1000 ? 3 : 5));
  const detail: CaseRun[] = [];
  let spent = 0;
  while (detail.length < maxRuns && (detail.length === 0 || spent < budgetMs)) {
    const out = path.join(scratch, `${name}-${n}-${detail.length}`);
    const cwd = await mkdtemp(path.join(scratch, 'cwd-')); // Eleventy looks for a config file in its cwd: give it none
    const r = await child([name, corpus, out], cwd);
    await rm(out, { recursive: true, force: true });
    await rm(cwd, { recursive: true, force: true });
    if (typeof r.errors === 'number' && r.errors > 0) throw new Error(`${name} at N=${n} reported ${r.errors} errors`);
    detail.push(r);
    spent += r.totalMs;
    log(`  ${name.padEnd(9)} N=${n} run ${detail.length}: ${(r.totalMs / 1000).toFixed(2)} s, peak RSS ${r.maxRssMiB.toFixed(0)} MiB`);
  }
  const totals = detail.map((r) => r.totalMs / 1000);
  return {
    runs: detail.length, medianS: median(totals), minS: Math.min(...totals), maxS: Math.max(...totals),
    workMedianS: median(detail.map((r) => r.ms / 1000)), peakRssMiB: Math.max(...detail.map((r) => r.maxRssMiB)), detail,
  };
}

async function makeCorpus(scratch: string, n: number): Promise<string> {
  const dir = path.join(scratch, `corpus-${n}`);
  const t0 = performance.now();
  await writeCorpus(dir, n);
  log(`corpus N=${n}: ${n} modules written in ${((performance.now() - t0) / 1000).toFixed(1)} s (${dir})`);
  return dir;
}

async function profile(scratch: string) {
  const n = Number(values.sizes ?? 200);
  const corpus = await makeCorpus(scratch, n);
  const profDir = path.join(HERE, 'results', 'profile');
  await rm(profDir, { recursive: true, force: true });
  await mkdir(profDir, { recursive: true });
  const r = await child(['all', corpus, path.join(scratch, 'prof-out')], scratch, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
  const file = (await readdir(profDir)).find((f) => f.endsWith('.cpuprofile'))!;
  log(`profiled every target at N=${n}: ${(r.totalMs / 1000).toFixed(1)} s; profile in ${path.relative(process.cwd(), path.join(profDir, file))}`);
  console.log(await summariseProfile(path.join(profDir, file)));
}

const fmtS = (s: number) => (s < 10 ? s.toFixed(2) : s.toFixed(1));
const verdict = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'met' : 'NOT MET');

async function main() {
  const scratch = await mkdtemp(path.join(tmpdir(), 'upstream-bench-'));
  const loadBefore = loadavg()[0]!;
  try {
    if (values.profile) return await profile(scratch);
    const results: Record<number, Record<CaseName, CaseSummary>> = {};
    for (const n of sizes) {
      const corpus = await makeCorpus(scratch, n);
      results[n] = {} as Record<CaseName, CaseSummary>;
      for (const c of CASES) {
        const s = await measure(c, corpus, n, scratch);
        results[n]![c] = s;
        if (c === 'validate') {
          const d = s.detail[0]!;
          if (d.modules !== n || d.errors !== 0) throw new Error(`the corpus does not validate clean: ${JSON.stringify(d)}`);
          log(`  corpus N=${n} validates: ${d.modules} modules, ${d.errors} errors, ${d.warnings} warnings`);
        }
      }
      if (n === sizes[sizes.length - 1]) await rm(corpus, { recursive: true, force: true });
    }

    // The preview: one module of the corpus, copied; one session saved per edit.
    log('preview: editing one session of one module…');
    const one = await makeCorpus(scratch, 1);
    const pv = await child(['preview', path.join(one, 'bench-0001'), path.join(scratch, 'preview')], scratch);

    const small = sizes[0]!, big = sizes[sizes.length - 1]!;
    const at = results[big]!, lo = results[small]!;
    const targetsBuilt = (at.all.detail[0]!.targets as string[]).join(', ');
    const ratio = (a: number, b: number) => a / b;
    const growth = Object.fromEntries(CASES.map((c) => [c, ratio(at[c].medianS, lo[c].medianS)])) as Record<CaseName, number>;
    const fullScale = big === 1000 && small === 200;
    const scaleNote = fullScale ? '' : ` (at N=${big}; the targets are set for N=1,000)`;

    const lines: string[] = [];
    const p = (s = '') => lines.push(s);
    p(`Upstream benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
    p(`1-minute load average ${loadBefore.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end (other work on the machine skews the figures).`);
    p(`Corpus: N modules × (5 sessions of ~3 KB Markdown, 10-item quiz, 4×4 rubric + assignment, 1 PNG); seeded, validates with 0 errors, 0 warnings.`);
    p(`Wall time = median of the runs shown, each in a fresh Node process, from process start to done (imports included; output written to a temp dir).`);
    p(`"every target" = ${targetsBuilt}, with pdf: false: the guide's PDF needs Chromium and is not measured.`);
    p(`html / every target: build() then write() as \`upstream build\` does, jobs: ${values.jobs ?? 1} (--jobs N to use worker threads where Upstream has them).`);
    p();
    const head = ['case', ...sizes.flatMap((n) => [`N=${n} wall s`, 'runs', 'peak RSS MiB']), `${big}/${small}`];
    const rows = CASES.map((c) => [
      { validate: 'validate only', html: 'html target', all: 'every target', floor: 'floor (read+deflate)', eleventy: 'Eleventy 3 (md→html)' }[c],
      ...sizes.flatMap((n) => [fmtS(results[n]![c].medianS), String(results[n]![c].runs), results[n]![c].peakRssMiB.toFixed(0)]),
      `${growth[c].toFixed(2)}×`,
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const fmtRow = (r: string[]) => r.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
    p(fmtRow(head));
    p(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) p(fmtRow(r));
    p();
    p(`Preview (one module): save one session file → SSE rebuild event, median of ${(pv.endToEnd as number[]).length} edits after one warm-up: ${(pv.ms as number).toFixed(0)} ms`);
    p(`  (includes the watcher's ${pv.debounceMs} ms debounce; the rebuild itself, state().took: ${pv.rebuildMedianMs} ms; preview.rebuild() with nothing changed: ${(pv.directMedianMs as number).toFixed(0)} ms)`);
    p();

    const allS = at.all.medianS, floorS = at.floor.medianS, htmlS = at.html.medianS, elevS = at.eleventy.medianS;
    const checks: Array<{ target: string; figure: string; ok: boolean | undefined }> = [
      { target: `every target, N=${big}: ≤ 60 s`, figure: `${fmtS(allS)} s`, ok: allS <= 60 },
      { target: `every target, N=${big}: peak RSS ≤ 1.5 GB`, figure: `${at.all.peakRssMiB.toFixed(0)} MiB`, ok: at.all.peakRssMiB <= 1536 },
      { target: `every target ≤ 4× the floor`, figure: `${ratio(allS, floorS).toFixed(1)}× (${fmtS(allS)} s / ${fmtS(floorS)} s)`, ok: ratio(allS, floorS) <= 4 },
      { target: `html ≤ 2× Eleventy on the same Markdown`, figure: `${ratio(htmlS, elevS).toFixed(1)}× (${fmtS(htmlS)} s / ${fmtS(elevS)} s)`, ok: ratio(htmlS, elevS) <= 2 },
      { target: `validate only, N=${big}: ≤ 8 s`, figure: `${fmtS(at.validate.medianS)} s`, ok: at.validate.medianS <= 8 },
      { target: `cost of N=${big} ≤ 5.5× N=${small} (every target)`, figure: `${growth.all.toFixed(2)}× (validate ${growth.validate.toFixed(2)}×, html ${growth.html.toFixed(2)}×)`, ok: big / small === 5 ? growth.all <= 5.5 : undefined },
      { target: `preview rebuild after one session edit ≤ 150 ms`, figure: `${(pv.ms as number).toFixed(0)} ms`, ok: (pv.ms as number) <= 150 },
    ];
    const tw = Math.max(...checks.map((c) => c.target.length)), fw = Math.max(...checks.map((c) => c.figure.length));
    p(`Targets${scaleNote}:`);
    for (const c of checks) p(`  ${c.target.padEnd(tw)}  ${c.figure.padEnd(fw)}  ${verdict(c.ok)}`);
    p();
    const perModule = (s: CaseSummary, n: number) => `${((s.workMedianS * 1000) / n).toFixed(0)} ms`;
    p(`Work per module at N=${big} (imports excluded): validate ${perModule(at.validate, big)}, html ${perModule(at.html, big)}, every target ${perModule(at.all, big)}, Eleventy ${perModule(at.eleventy, big)}, floor ${perModule(at.floor, big)}.`);
    console.log(lines.join('\n'));

    const json = {
      date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memGiB: totalmem() / 2 ** 30,
      mode: values.quick ? 'quick' : 'full', jobs: Number(values.jobs ?? 1), sizes, loadAverage: { start: loadBefore, end: loadavg()[0] }, budgetS: budgetMs / 1000, targetsBuilt: at.all.detail[0]!.targets, pdf: false,
      results: Object.fromEntries(Object.entries(results).map(([n, cs]) => [n, Object.fromEntries(Object.entries(cs).map(([c, s]) => [c, s]))])),
      growth, preview: pv, checks, table: lines.join('\n'),
    };
    await mkdir(path.join(HERE, 'results'), { recursive: true });
    await writeFile(path.join(HERE, 'results', 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
    log(`results written to bench/results/latest.json`);
  } finally {
    if (!values.keep) await rm(scratch, { recursive: true, force: true });
    else log(`kept ${scratch}`);
  }
}

await main();
