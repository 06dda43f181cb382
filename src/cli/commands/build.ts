import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { buildEach, targets, type ModuleBuild } from '../../build.js';
import { BuildCache, CACHE_FILE } from '../../build-cache.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatPretty } from '../../diagnostics/format.js';
import { TARGET_NAMES, type TargetName } from '../../model/target.js';
import { canPrintPdf } from '../../render/guide/pdf.js';
import { renderSiteIndex, siteIndexEntry, type SiteIndexEntry } from '../../render/site/site-index.js';
import { watchDebounced } from '../../preview/watch.js';
import { OutDirRefused, checkOutDir, writeModule, writeTopLevel } from '../../write/write-build.js';
import { EXIT, UsageError, type Io } from '../io.js';

export const DEFAULT_OUT = 'dist/packages';

/** Worker threads by default: one per CPU, at most 8 (past that, writing and Chromium are the limit). */
export const DEFAULT_JOBS = Math.max(1, Math.min(availableParallelism(), 8));

/**
 * `--jobs n` for the commands that spread modules over worker threads. Without it, one worker per
 * CPU, but only one for every few modules left: starting a worker costs about as much as building four.
 */
export function parseJobs(value: string | undefined): { jobs: number; modulesPerWorker: number } {
  if (value === undefined) return { jobs: DEFAULT_JOBS, modulesPerWorker: AUTO_MODULES_PER_WORKER };
  const jobs = Number(value);
  if (!/^\d+$/.test(value) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs must be a whole number from 1 to 256, not "${value}"`);
  return { jobs, modulesPerWorker: 1 };
}
const AUTO_MODULES_PER_WORKER = 6;

export const buildHelp = `Usage: upstream build [paths…] [options]

Builds every valid module into <out>/<id>/: SCORM 1.2 and 2004 zips, a Common Cartridge (.imscc)
for Moodle and Canvas, a cmi5 package, the learner site, the facilitator guide and <id>.json.
A module with errors is reported (as \`upstream validate\` does) and skipped; the others still build.
A path is a module folder or a folder of modules (default: modules).

Options:
  --target <list>  comma-separated targets (default: all): ${TARGET_NAMES.join(', ')}
  --out <dir>      output folder (default: ${DEFAULT_OUT})
  --no-pdf         skip the guide's PDF even where Chromium is installed
  --jobs <n>       build up to n modules at once in worker threads; 1 builds in this thread. The
                   output is the same. Default: one worker per CPU (at most 8, here ${DEFAULT_JOBS}) and
                   per ${AUTO_MODULES_PER_WORKER} modules to build, since starting one costs a few modules' time
  --force          rebuild every module, even those the build cache says are up to date
  --watch          after building, rebuild each module whose files change, until Ctrl+C
  --quiet          no progress output
  -h, --help       show this help

Each module's files are written as soon as it is built, each to a temporary name renamed into
place, so an interrupted build leaves the previous packages whole.

Build cache: <out>/${CACHE_FILE} records a hash of each module's source files with the hash
of what was written. A module is skipped when its sources, this Upstream (version and code), the
targets and the options are unchanged and its files in <out> are still what was written; anything
else rebuilds it. --force rebuilds everything.

Exit status: 0 all built, 1 a module had errors (the others were built), 2 usage error.`;

/** `until` resolves when `--watch` should stop (tests); by default, on Ctrl+C or SIGTERM. */
export async function buildCommand(argv: string[], io: Io, until?: Promise<void>): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      target: { type: 'string' },
      out: { type: 'string', default: DEFAULT_OUT },
      'no-pdf': { type: 'boolean', default: false },
      jobs: { type: 'string', short: 'j' },
      force: { type: 'boolean', default: false },
      watch: { type: 'boolean', short: 'w', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(buildHelp);
    return EXIT.ok;
  }
  let wanted: TargetName[] | undefined;
  if (values.target !== undefined) {
    const names = values.target.split(',').map((t) => t.trim()).filter(Boolean);
    if (names.length === 0) throw new UsageError('--target needs at least one target name');
    for (const n of names) {
      if (!(TARGET_NAMES as readonly string[]).includes(n) || !targets[n as TargetName]) {
        throw new UsageError(`unknown target "${n}"; available: ${TARGET_NAMES.filter((t) => targets[t]).join(', ')}`);
      }
    }
    wanted = names as TargetName[];
  }
  const { jobs, modulesPerWorker } = parseJobs(values.jobs);
  const paths = (positionals.length > 0 ? positionals : ['modules']).map((p) => path.resolve(io.cwd, p));
  const outDir = path.resolve(io.cwd, values.out!);
  const progress = !values.quiet && (io.errTty ?? false);
  const started = Date.now();
  // Refuse a bad --out before spending time on the build.
  try {
    checkOutDir(outDir, paths.filter((p) => !p.endsWith('.md') && !p.endsWith('.yaml')), io.cwd);
  } catch (error) {
    if (error instanceof OutDirRefused) throw new UsageError(error.message);
    throw error;
  }
  const targetList = wanted ?? TARGET_NAMES.filter((t) => targets[t]);
  const pdf = !values['no-pdf'];
  const cache = await BuildCache.open(outDir, { targets: targetList, pdf: pdf && targetList.includes('guide') && (await canPrintPdf()), release: false }, values.force);
  const rel = (p: string) => path.relative(io.cwd, p) || p;

  /** One pass: builds what the cache does not have, writes it module by module, then the index and the manifest. */
  const pass = async () => {
    const built: Array<{ id: string; sizes: string }> = [];
    const failed: ModuleBuild[] = [];
    const reused: string[] = [];
    const index: SiteIndexEntry[] = [];
    const diagnostics: Diagnostic[] = [];
    const fresh: Diagnostic[] = [];
    let files = 0;
    const result = await buildEach(paths, {
      targets: targetList,
      pdf,
      jobs,
      modulesPerWorker,
      reuse: (dir) => cache.reuse(dir),
      onProgress: (e) => {
        if (progress && e.phase === 'start') io.err(`[${e.index + 1}/${e.total}] building ${rel(e.dir)}…`);
      },
    }, async (m) => {
      diagnostics.push(...m.diagnostics);
      if (m.reused && !m.model && m.diagnostics.some((d) => d.severity === 'error')) {
        failed.push(m); // unchanged since it failed earlier in this process (--watch)
        return;
      }
      if (m.reused) {
        reused.push(m.id!);
        const entry = cache.indexEntry(m.dir);
        if (entry) index.push(entry);
        return;
      }
      fresh.push(...m.diagnostics);
      if (m.model && m.files.size > 0) {
        try {
          files += (await writeModule(m, outDir)).length;
        } catch (error) {
          if (error instanceof OutDirRefused) throw new UsageError(error.message);
          throw error;
        }
        cache.record(m);
        built.push({ id: m.id!, sizes: [...m.files].filter(([p]) => !p.includes('/')).map(([p, b]) => `${p} (${Math.round(b.length / 1024)} KiB)`).join(', ') });
        index.push(siteIndexEntry(m.model));
      } else {
        cache.record(m);
        failed.push(m);
      }
      // m (and its files) is not kept past this point.
    });
    const top = new Map<string, Uint8Array>();
    if (targetList.includes('html') && index.length > 0) {
      const sorted = index.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const [p, bytes] of renderSiteIndex(sorted)) top.set(p, bytes);
      files += top.size;
    }
    top.set(CACHE_FILE, cache.manifest());
    await writeTopLevel(outDir, top);
    return { built, failed, reused, diagnostics: [...result.diagnostics, ...diagnostics], pathDiagnostics: result.diagnostics, fresh, files };
  };

  const first = await pass();
  const problems = first.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  if (problems.length > 0) io.err(formatPretty(first.diagnostics, { color: io.color }));
  if (!values.quiet) {
    for (const m of first.built) io.out(`built ${m.id}: ${m.sizes}`);
    for (const m of first.failed) io.out(`skipped ${rel(m.dir)}: it has errors (see above)`);
    const n = first.built.length;
    const unchanged = first.reused.length > 0 ? `; ${first.reused.length} unchanged (up to date, not rebuilt: --force rebuilds them)` : '';
    io.out(`${n} module${n === 1 ? '' : 's'} built into ${rel(outDir)} (${first.files} files) in ${((Date.now() - started) / 1000).toFixed(1)} s${first.failed.length ? `; ${first.failed.length} skipped` : ''}${unchanged}.`);
  }
  const code = first.failed.length > 0 || first.diagnostics.some((d) => d.severity === 'error') ? EXIT.problems : EXIT.ok;
  if (!values.watch) return code;

  io.out('Watching for changes. Press Ctrl+C to stop.');
  const watcher = watchDebounced(paths, 80, async () => {
    const t0 = performance.now();
    let r;
    try {
      r = await pass();
    } catch (error) {
      io.err(`The rebuild failed: ${(error as Error).message}`);
      return;
    }
    const ms = Math.round(performance.now() - t0);
    const errors = [...r.pathDiagnostics, ...r.fresh].filter((d) => d.severity === 'error' || d.severity === 'warning');
    if (errors.length > 0) io.err(formatPretty([...r.pathDiagnostics, ...r.fresh], { color: io.color }));
    const newlyFailed = r.failed.filter((m) => !m.reused);
    const names = [...r.built.map((m) => m.id), ...newlyFailed.map((m) => m.id ?? rel(m.dir))];
    const failedNote = newlyFailed.length > 0 ? ` (${newlyFailed.map((m) => m.id ?? rel(m.dir)).join(', ')}: errors, previous packages kept)` : '';
    io.out(names.length > 0 ? `Rebuilt ${names.join(', ')} in ${ms} ms${failedNote}` : `No module changed (checked in ${ms} ms)`);
  }, (file) => file === outDir || file.startsWith(outDir + path.sep));
  await (until ?? new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  }));
  watcher.close();
  return code;
}
