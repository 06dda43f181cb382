/**
 * Upstream's public API. The pipeline, one call per stage:
 *   load(dir) → validate(module) → build(paths) → write(result, out)
 * and inspect(file) for any LMS package. Every stage but `write` returns data.
 */
import { findModules, load } from './load/load-module.js';
import { validate } from './validate/index.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { LoadedModule } from './model/types.js';
import type { ValidateOptions } from './validate/rule.js';

export { load, validate };
export { build, buildEach, targets } from './build.js';
export { write, OutDirRefused } from './write/write-build.js';
export { inspect, formatInspect } from './package/inspect.js';
export { scaffold } from './scaffold/new-module.js';
export { rules } from './validate/rules/index.js';
export { formatPretty, formatJson, formatGithub, formatSarif } from './diagnostics/format.js';
export { hasErrors } from './diagnostics/diagnostic.js';

export type { Diagnostic, Place, Point, Severity } from './diagnostics/diagnostic.js';
export type { ValidateOptions } from './validate/rule.js';
export type { Rule, RuleExample } from './validate/rule.js';
export type { BuildOptions, BuildEachOptions, ModuleBuild } from './build.js';
export type { InspectReport, InspectOptions } from './package/inspect.js';
export type { Problem, PackageFormat } from './package/check/conformance.js';
export type { ModuleModel, SessionModel, AssessmentModel, RubricModel } from './model/normalize.js';
export type { TargetName, OutputFiles } from './model/target.js';
export type * from './model/types.js';

export interface ModuleReport {
  module: LoadedModule;
  diagnostics: Diagnostic[];
}

/** Loads and validates every module under the given paths (module folders or folders of modules). */
export async function check(paths: readonly string[], options: ValidateOptions = {}): Promise<{ reports: ModuleReport[]; diagnostics: Diagnostic[] }> {
  const found = await findModules(paths);
  const reports: ModuleReport[] = [];
  for (const dir of found.dirs) {
    const module = await load(dir);
    reports.push({ module, diagnostics: validate(module, options) });
  }
  return { reports, diagnostics: [...found.diagnostics, ...reports.flatMap((r) => r.diagnostics)] };
}
