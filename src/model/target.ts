import type { ModuleModel } from './normalize.js';

/** The build targets, in the order a full build produces them. */
export const TARGET_NAMES = ['html', 'guide', 'scorm12', 'scorm2004', 'cc', 'cmi5', 'ci', 'json'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

/** Files a target produces, keyed by path relative to `<out>/<module id>/`, with `/` separators. */
export type OutputFiles = Map<string, Uint8Array>;

export interface TargetContext {
  /** Options a target may need from the caller, e.g. whether Chromium may be used for the PDF. */
  pdf?: boolean;
  /**
   * Prints a guide page to PDF. Unset, the guide target prints in this thread with the shared
   * Chromium; a build worker sets it to ask the main thread, so one browser serves every worker.
   */
  printPdf?: (page: string, files: OutputFiles, title: string) => Promise<Uint8Array>;
}

/**
 * One output format. `build` is pure: from the model to bytes in memory, the same bytes for the
 * same model whatever the time zone, clock or file dates.
 */
export interface Target {
  name: TargetName;
  summary: string;
  build(model: ModuleModel, ctx: TargetContext): Promise<OutputFiles> | OutputFiles;
}
