import { build } from '../build.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ModuleModel } from '../model/normalize.js';
import type { OutputFiles } from '../model/target.js';
import { renderSiteIndex } from '../render/site/site-index.js';

export interface PreviewState {
  /** Increases with every rebuild; pages reload when it changes and the build is clean. */
  version: number;
  /** Every served file, relative to the preview root: `index.html`, `<id>/site/…`, `<id>/guide.html`. */
  files: OutputFiles;
  /** All diagnostics of the last rebuild. */
  diagnostics: Diagnostic[];
  /** Module ids with a site, in build order. */
  modules: string[];
  /** How long the last rebuild took, in milliseconds. */
  took: number;
}

/**
 * Rebuilds the site and guide of every module under `paths`, in memory. A module that now has
 * errors keeps its last good files, so the page stays readable under the error overlay.
 */
export function createSiteState(paths: readonly string[]) {
  const lastGood = new Map<string, { id: string; files: OutputFiles; model: ModuleModel }>();
  const state: PreviewState = { version: 0, files: new Map(), diagnostics: [], modules: [], took: 0 };
  async function rebuild(): Promise<PreviewState> {
    const started = performance.now();
    let diagnostics: Diagnostic[];
    const seen = new Set<string>();
    try {
      const result = await build(paths, { targets: ['html', 'guide'], pdf: false });
      diagnostics = result.diagnostics;
      for (const m of result.modules) {
        seen.add(m.dir);
        if (m.model && m.id) lastGood.set(m.dir, { id: m.id, files: m.files, model: m.model });
      }
      for (const dir of [...lastGood.keys()]) if (!seen.has(dir)) lastGood.delete(dir);
    } catch (error) {
      // A renderer bug must not stop the server: report it like a diagnostic and keep the last pages.
      diagnostics = [{ file: paths.join(', '), line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', ruleId: 'preview',
        message: `The build failed: ${(error as Error).message}`, hint: 'This is a bug in Upstream; the pages shown are from the last good build.' }];
    }
    const files: OutputFiles = new Map();
    const good = [...lastGood.values()];
    for (const [rel, bytes] of renderSiteIndex(good.map((g) => g.model))) files.set(rel, bytes);
    for (const g of good) for (const [rel, bytes] of g.files) files.set(`${g.id}/${rel}`, bytes);
    state.version += 1;
    state.files = files;
    state.diagnostics = diagnostics;
    state.modules = good.map((g) => g.id);
    state.took = Math.round(performance.now() - started);
    return state;
  }
  return { state, rebuild };
}
