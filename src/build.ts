import type { Diagnostic } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { findModules, load } from './load/load-module.js';
import { normalize, type ModuleModel } from './model/normalize.js';
import { TARGET_NAMES, type OutputFiles, type Target, type TargetContext, type TargetName } from './model/target.js';
import { packageTargets } from './package/targets.js';
import { renderTargets } from './render/targets.js';
import { validate, type ValidateOptions } from './validate/index.js';
import { createPool, workersAvailable, type BuildPool } from './build-pool.js';

/** Every target this build of Upstream knows, by name. */
export const targets: Partial<Record<TargetName, Target>> = { ...renderTargets, ...packageTargets };

export interface BuildOptions extends ValidateOptions, TargetContext {
  /** Which targets to build (default: all). */
  targets?: readonly TargetName[];
  /** Called as each module starts and finishes, for progress output. */
  onProgress?: (event: { phase: 'start' | 'done'; index: number; total: number; dir: string; id?: string }) => void;
  /**
   * Worker threads to spread the modules over (default 1: everything in this thread). The result
   * is the same, in the same order, for any number; the guide's PDFs are still printed by one
   * Chromium, in this thread.
   */
  jobs?: number;
}

export interface BuildEachOptions extends BuildOptions {
  /**
   * A build cache: return a module's result to use it instead of building the module (its files
   * are then usually empty: they are already on disk). Asked for every module before any is built.
   */
  reuse?: (dir: string) => Promise<ModuleBuild | undefined> | ModuleBuild | undefined;
  /**
   * Start a worker only for every this many modules left to build (default 1). Starting a worker
   * costs about as much as building a few modules, so a small build is quicker in one thread.
   */
  modulesPerWorker?: number;
}

export interface ModuleBuild {
  /** The module folder. */
  dir: string;
  /** The module id, which names its output folder; undefined when module.yaml could not be read. */
  id?: string;
  diagnostics: Diagnostic[];
  /** Built files relative to `<out>/<id>/`; empty when the module has errors. */
  files: OutputFiles;
  model?: ModuleModel;
  /** Set when the result came from `reuse` rather than a build. */
  reused?: boolean;
}

/**
 * load → validate → render/package, in memory. A module with errors is reported and skipped;
 * the others still build. Nothing is written: pass the result to `write()`. Collects `buildEach`.
 */
export async function build(paths: readonly string[], options: BuildOptions = {}): Promise<{ modules: ModuleBuild[]; diagnostics: Diagnostic[] }> {
  const modules: ModuleBuild[] = [];
  const { diagnostics } = await buildEach(paths, options, (m) => {
    modules.push(m);
  });
  return { modules, diagnostics: [...diagnostics, ...modules.flatMap((m) => m.diagnostics)] };
}

/**
 * Builds module by module and hands each result to `onModule` as soon as it and every module before
 * it are done, in the order `build()` returns them; `onModule` is awaited before the next, and
 * nothing is kept once it returns, so memory does not grow with the number of modules. Returns
 * how many modules there were and the problems with the paths themselves (each module's own
 * diagnostics are in its result).
 */
export async function buildEach(
  paths: readonly string[],
  options: BuildEachOptions,
  onModule: (m: ModuleBuild, index: number, total: number) => void | Promise<void>,
): Promise<{ total: number; diagnostics: Diagnostic[] }> {
  const wanted = options.targets ?? TARGET_NAMES.filter((t) => targets[t]);
  for (const t of wanted) if (!targets[t]) throw new RangeError(`unknown target "${t}"; known: ${Object.keys(targets).join(', ')}`);
  const found = await findModules(paths);
  const dirs = found.dirs;
  const total = dirs.length;
  // Results a cache already has, asked for all modules first: how many are left decides the workers.
  const reused: Array<ModuleBuild | undefined> = [];
  if (options.reuse) for (const dir of dirs) reused.push(await options.reuse(dir));
  const toBuild = dirs.filter((_, i) => !reused[i]).length;
  const jobs = Math.max(1, Math.floor(options.jobs ?? 1));
  const workers = Math.min(jobs, Math.floor(toBuild / Math.max(1, options.modulesPerWorker ?? 1)));
  const pool: BuildPool | undefined = workers > 1 && workersAvailable() ? createPool(workers, wanted, options) : undefined;
  // At most this many modules are in flight or waiting for an earlier one to finish.
  const window = pool ? workers * 2 : 1;
  const tasks: Array<Promise<ModuleBuild> | undefined> = [];
  let started = 0;
  const start = (i: number) => {
    const dir = dirs[i]!;
    const hit = reused[i];
    reused[i] = undefined;
    if (!hit) options.onProgress?.({ phase: 'start', index: i, total, dir });
    const task = hit ? Promise.resolve({ ...hit, reused: true }) : pool ? pool.build(dir) : buildModule(dir, wanted, options);
    task.catch(() => undefined); // awaited in order below; an earlier failure must not leave this one unhandled
    tasks[i] = task;
  };
  const fill = (done: number) => {
    while (started < total && started < done + window) start(started++);
  };
  try {
    fill(0);
    for (let i = 0; i < total; i++) {
      const m = await tasks[i]!;
      tasks[i] = undefined;
      fill(i + 1);
      if (!m.reused) options.onProgress?.({ phase: 'done', index: i, total, dir: m.dir, ...(m.id ? { id: m.id } : {}) });
      await onModule(m, i, total);
    }
  } finally {
    await pool?.close();
  }
  return { total, diagnostics: found.diagnostics };
}

/** Loads, validates and builds one module folder, in this thread. */
export async function buildModule(dir: string, wanted: readonly TargetName[], options: ValidateOptions & TargetContext): Promise<ModuleBuild> {
  const loaded = await load(dir);
  const diagnostics = validate(loaded, options);
  const id = loaded.module?.data?.id;
  const result: ModuleBuild = { dir, id: typeof id === 'string' ? id : undefined, diagnostics, files: new Map() };
  if (hasErrors(diagnostics)) return result;
  const model = normalize(loaded);
  result.model = model;
  for (const name of wanted) {
    const files = await targets[name]!.build(model, options);
    for (const [path, bytes] of files) result.files.set(path, bytes);
  }
  return result;
}
