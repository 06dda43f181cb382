import { watch, type FSWatcher } from 'node:fs';

/**
 * Calls `onChange` once after a burst of file changes under `paths` has been quiet for
 * `delayMs` (editors write a file in several steps). Never runs two callbacks at once: a change
 * during a run schedules one more run after it.
 */
export function watchDebounced(paths: readonly string[], delayMs: number, onChange: () => Promise<void>): { close(): void } {
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
      const w = watch(p, { recursive: true }, schedule);
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
