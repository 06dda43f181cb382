import type { Diagnostic } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { findModules, load } from './load/load-module.js';
import { normalize, type ModuleModel } from './model/normalize.js';
import { TARGET_NAMES, type OutputFiles, type Target, type TargetContext, type TargetName } from './model/target.js';
import { packageTargets } from './package/targets.js';
import { renderTargets } from './render/targets.js';
import { validate, type ValidateOptions } from './validate/index.js';

/** Every target this build of Upstream knows, by name. */
export const targets: Partial<Record<TargetName, Target>> = { ...renderTargets, ...packageTargets };

export interface BuildOptions extends ValidateOptions, TargetContext {
  /** Which targets to build (default: all). */
  targets?: readonly TargetName[];
  /** Called as each module starts and finishes, for progress output. */
  onProgress?: (event: { phase: 'start' | 'done'; index: number; total: number; dir: string; id?: string }) => void;
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
}

/**
 * load → validate → render/package, in memory. A module with errors is reported and skipped;
 * the others still build. Nothing is written: pass the result to `write()`.
 */
export async function build(paths: readonly string[], options: BuildOptions = {}): Promise<{ modules: ModuleBuild[]; diagnostics: Diagnostic[] }> {
  const wanted = options.targets ?? TARGET_NAMES.filter((t) => targets[t]);
  for (const t of wanted) if (!targets[t]) throw new RangeError(`unknown target "${t}"; known: ${Object.keys(targets).join(', ')}`);
  const found = await findModules(paths);
  const modules: ModuleBuild[] = [];
  for (const [index, dir] of found.dirs.entries()) {
    options.onProgress?.({ phase: 'start', index, total: found.dirs.length, dir });
    const m = await buildModule(dir, wanted, options);
    modules.push(m);
    options.onProgress?.({ phase: 'done', index, total: found.dirs.length, dir, ...(m.id ? { id: m.id } : {}) });
  }
  return { modules, diagnostics: [...found.diagnostics, ...modules.flatMap((m) => m.diagnostics)] };
}

async function buildModule(dir: string, wanted: readonly TargetName[], options: BuildOptions): Promise<ModuleBuild> {
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
