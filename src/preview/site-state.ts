import { buildModule, type ModuleBuild } from '../build.js';
import { hashModuleSources } from '../build-cache.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findModules } from '../load/load-module.js';
import type { OutputFiles } from '../model/target.js';
import { renderSiteIndex, siteIndexEntry, type SiteIndexEntry } from '../render/site/site-index.js';

export interface PreviewState {
  /** Increases with every rebuild that changed something; pages reload when it changes and the build is clean. */
  version: number;
  /** Every served file, relative to the preview root: `index.html`, `<id>/site/…`, `<id>/guide.html`. */
  files: OutputFiles;
  /** All diagnostics of the last rebuild. */
  diagnostics: Diagnostic[];
  /** Module ids with a site, in build order. */
  modules: string[];
  /** How long the last rebuild took, in milliseconds. */
  took: number;
  /** The modules (ids, or folders without one) the last rebuild built again; the rest were unchanged. */
  rebuilt: string[];
  /** How many times a module has been built since the preview started (for tests). */
  builds: number;
}

/**
 * Keeps the site and guide of every module under `paths` in memory, rebuilding only the modules
 * whose source files changed (by content hash). A module that now has errors keeps its last good
 * files, so the page stays readable under the error overlay.
 */
export function createSiteState(paths: readonly string[]) {
  /** The last build of each module folder, with the hash of the sources it was built from. */
  const known = new Map<string, { hash: string | undefined; result: ModuleBuild }>();
  const lastGood = new Map<string, { id: string; files: OutputFiles; index: SiteIndexEntry }>();
  const state: PreviewState = { version: 0, files: new Map(), diagnostics: [], modules: [], took: 0, rebuilt: [], builds: 0 };
  let failure: Diagnostic | undefined;
  async function rebuild(): Promise<PreviewState> {
    const started = performance.now();
    const rebuilt: string[] = [];
    let changed = state.version === 0;
    let diagnostics: Diagnostic[];
    try {
      const found = await findModules(paths);
      const results: ModuleBuild[] = [];
      for (const dir of found.dirs) {
        const hash = await hashModuleSources(dir);
        let k = known.get(dir);
        // No hash (a symbolic link in the folder, say): always rebuild.
        if (!k || !hash || k.hash !== hash) {
          k = { hash, result: await buildModule(dir, ['html', 'guide'], { pdf: false }) };
          known.set(dir, k);
          state.builds += 1;
          rebuilt.push(k.result.id ?? dir);
          changed = true;
          const r = k.result;
          if (r.model && r.id) lastGood.set(dir, { id: r.id, files: r.files, index: siteIndexEntry(r.model) });
        }
        results.push(k.result);
      }
      const seen = new Set(found.dirs);
      for (const dir of [...known.keys()]) if (!seen.has(dir)) { known.delete(dir); changed = true; }
      for (const dir of [...lastGood.keys()]) if (!seen.has(dir)) lastGood.delete(dir);
      diagnostics = [...found.diagnostics, ...results.flatMap((m) => m.diagnostics)];
      if (failure) changed = true;
      failure = undefined;
    } catch (error) {
      // A renderer bug must not stop the server: report it like a diagnostic and keep the last pages.
      failure = { file: paths.join(', '), line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', ruleId: 'preview',
        message: `The build failed: ${(error as Error).message}`, hint: 'This is a bug in Upstream; the pages shown are from the last good build.' };
      diagnostics = [failure];
      known.clear(); // build everything again next time
      changed = true;
    }
    if (changed) {
      const files: OutputFiles = new Map();
      const good = [...lastGood.values()];
      for (const [rel, bytes] of renderSiteIndex(good.map((g) => g.index))) files.set(rel, bytes);
      for (const g of good) for (const [rel, bytes] of g.files) files.set(`${g.id}/${rel}`, bytes);
      state.version += 1;
      state.files = files;
      state.modules = good.map((g) => g.id);
    }
    state.diagnostics = diagnostics;
    state.rebuilt = rebuilt;
    state.took = Math.round(performance.now() - started);
    return state;
  }
  return { state, rebuild };
}
