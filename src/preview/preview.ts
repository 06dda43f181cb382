import { formatPretty } from '../diagnostics/format.js';
import { createSiteState, type PreviewState } from './site-state.js';
import { servePreview } from './server.js';
import { watchDebounced } from './watch.js';

/**
 * How long the watcher waits for an editor's burst of writes for one save (temp file, rename,
 * touch) before rebuilding: long enough to gather them, short enough not to make the author wait.
 */
export const DEFAULT_DEBOUNCE_MS = 40;

export interface PreviewOptions {
  /** Module folders or folders of modules, as for `build`. */
  paths: readonly string[];
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Quiet time after the last file change before rebuilding. */
  debounceMs?: number;
  /** Where progress and diagnostics go (the terminal). */
  log?: (text: string) => void;
  color?: boolean;
}

export interface Preview {
  url: string;
  state(): PreviewState;
  /** Rebuilds now and tells open pages; resolves when done. */
  rebuild(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `upstream preview`: builds the learner site and guide in memory, serves them on 127.0.0.1,
 * rebuilds the modules whose source files changed (never the LMS packages) and reloads open pages. A save with errors shows them over
 * the page and keeps the last good build; nothing is written to disk.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const log = options.log ?? (() => undefined);
  const site = createSiteState(options.paths);
  const report = (s: PreviewState, first = false) => {
    const errors = s.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = s.diagnostics.filter((d) => d.severity === 'warning').length;
    if (errors > 0) log(formatPretty(s.diagnostics.filter((d) => d.severity === 'error'), { color: options.color ?? false }));
    const what = first ? 'Built' : s.rebuilt.length > 0 ? `Rebuilt ${s.rebuilt.join(', ')}` : 'Nothing changed; checked';
    log(`${what} in ${s.took} ms: ${s.modules.length} module${s.modules.length === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${errors > 0 ? ' (showing the last good pages)' : ''}`);
  };
  report(await site.rebuild(), true);
  const http = await servePreview(() => site.state, options.port);
  const rebuild = async () => {
    report(await site.rebuild());
    http.broadcast();
  };
  const watcher = watchDebounced(options.paths, options.debounceMs ?? DEFAULT_DEBOUNCE_MS, rebuild);
  return {
    url: http.url,
    state: () => site.state,
    rebuild,
    async close() {
      watcher.close();
      await http.close();
    },
  };
}
