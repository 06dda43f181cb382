/**
 * Upstream's public API: load a module folder, validate it, and work with its diagnostics.
 * Every stage returns data; only `writeFiles` touches the disk.
 */
import { findModules, load } from './load/load-module.js';
import { validate } from './validate/index.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { LoadedModule } from './model/types.js';
import type { ValidateOptions } from './validate/rule.js';

export { load, findModules, validate };
export { formatPretty, formatJson, formatGithub, codeFrame } from './diagnostics/format.js';
export { hasErrors, compareDiagnostics } from './diagnostics/diagnostic.js';
export type { Diagnostic, Place, Point, Severity } from './diagnostics/diagnostic.js';
export type { ValidateOptions } from './validate/rule.js';
export type * from './model/types.js';
export { rules } from './validate/rules/index.js';
export type { Rule, RuleExample } from './validate/rule.js';
export { scaffold } from './scaffold/new-module.js';
export { writeFiles } from './write/write-files.js';
export { build, targets } from './build.js';
export type { BuildOptions, ModuleBuild } from './build.js';
export { write, checkOutDir, OutDirRefused } from './write/write-build.js';
export { inspect, formatInspect } from './package/inspect.js';
export type { InspectReport, InspectOptions } from './package/inspect.js';
export { checkPackage, detectFormat } from './package/check/conformance.js';
export type { Problem, PackageFormat, PackageStructure } from './package/check/conformance.js';
export { validateXsd } from './package/check/xsd.js';
export { readZip, ZipRefused, DEFAULT_LIMITS } from './package/check/zip-read.js';

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
