import { zipSync, type Zippable } from 'fflate';

/** 2000-01-01 12:00:00, the mtime of every entry (DOS time has no zone, so this is what unzip shows). */
const FIXED = { year: 2000, month: 0, day: 1, hour: 12 };

/** Regular file, rw-r--r--, in the Unix external attributes (high 16 bits). */
const FILE_MODE = (0o100644 << 16) >>> 0;

/**
 * A reproducible zip: entries sorted by path with `/` separators, one fixed mode, one fixed mtime,
 * deflate level 6. fflate writes DOS times from the Date's *local* fields, so the date is built
 * from local fields here too: the bytes are the same whatever `TZ` is.
 */
export function zip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const mtime = new Date(FIXED.year, FIXED.month, FIXED.day, FIXED.hour, 0, 0, 0);
  const paths = [...files.keys()].sort(comparePaths);
  const entries: Zippable = {};
  for (const p of paths) {
    if (p.includes('\\') || p.startsWith('/') || p.split('/').some((s) => s === '..' || s === '.' || s === '')) {
      throw new Error(`zip: unsafe entry path "${p}"`);
    }
    // Integer-like keys would be reordered by the JS object that fflate takes.
    if (/^\d+$/.test(p)) throw new Error(`zip: entry path "${p}" cannot be all digits`);
    const bytes = files.get(p)!;
    entries[p] = [bytes, { mtime, os: 3, attrs: FILE_MODE, level: 6 }];
  }
  return zipSync(entries);
}

/** Byte order of the UTF-8 paths, which is the same on every platform and locale. */
export function comparePaths(a: string, b: string): number {
  const x = Buffer.from(a), y = Buffer.from(b);
  return Buffer.compare(x, y);
}
