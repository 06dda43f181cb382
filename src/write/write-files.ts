import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The only code that writes to disk. Each file is written to a temporary sibling and renamed
 * over its target, so a reader (or a build killed midway) sees the old file or the new one,
 * never half of one. Paths are checked to stay inside `root`.
 */
export async function writeFiles(root: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<string[]> {
  const base = path.resolve(root);
  const written: string[] = [];
  for (const [rel, content] of files) {
    const target = path.resolve(base, rel);
    if (target !== base && !target.startsWith(base + path.sep)) {
      throw new Error(`refusing to write outside ${root}: ${rel}`);
    }
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, content);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    written.push(target);
  }
  return written;
}
