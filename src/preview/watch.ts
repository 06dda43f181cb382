import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/**
 * Calls `onChange` once after a burst of file changes under `paths` has been quiet for
 * `delayMs` (editors write a file in several steps), except changes to files `ignore` accepts. Never runs two callbacks at once: a change
 * during a run schedules one more run after it.
 */
export function watchDebounced(paths: readonly string[], delayMs: number, onChange: () => Promise<void>, ignore?: (file: string) => boolean): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const fire = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await onChange();
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void fire(), delayMs);
  };
  const watchers: FSWatcher[] = [];
  for (const p of paths) {
    try {
      const w = watch(p, { recursive: true }, (_event, name) => {
        // Changes the build itself makes (an output folder under a watched one) start nothing.
        if (ignore && name && ignore(path.resolve(p, name.toString()))) return;
        schedule();
      });
      w.on('error', () => undefined);
      watchers.push(w);
    } catch {
      // A path that does not exist yet is reported by the build; nothing to watch there.
    }
  }
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
