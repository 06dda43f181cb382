import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { ModuleBuild } from '../build.js';
import { writeFiles } from './write-files.js';

export class OutDirRefused extends Error {}

/** The real path of p, or of its nearest existing ancestor joined with the rest. */
function real(p: string): string {
  const abs = path.resolve(p);
  let head = abs;
  const tail: string[] = [];
  while (!existsSync(head)) {
    const parent = path.dirname(head);
    if (parent === head) break;
    tail.unshift(path.basename(head));
    head = parent;
  }
  try { return path.join(realpathSync(head), ...tail); } catch { return abs; }
}

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

/** The nearest folder at or above `from` with a package.json or .git: the project root. */
function projectRoot(from: string): string | undefined {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) || existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Refuses an output folder that a build must never write into: the filesystem root, the current
 * folder, the project root, a `modules/` folder or anything inside one, or any module folder being
 * built (or one whose `<out>/<id>/` would be a module folder).
 */
export function checkOutDir(outDir: string, moduleDirs: readonly string[], cwd = process.cwd()): string {
  const out = real(outDir);
  if (path.parse(out).root === out) throw new OutDirRefused(`refusing to write packages to the filesystem root (${out}); pass --out with a folder of its own, e.g. dist/packages`);
  if (out === real(cwd)) throw new OutDirRefused(`refusing to write packages into the current folder (${out}); pass --out with a folder of its own, e.g. dist/packages`);
  const root = projectRoot(cwd);
  if (root && out === real(root)) throw new OutDirRefused(`refusing to write packages into the project root (${out}); use dist/packages`);
  const modulesFolders = new Set<string>(root ? [real(path.join(root, 'modules'))] : []);
  for (const dir of moduleDirs) if (path.basename(path.dirname(real(dir))) === 'modules') modulesFolders.add(path.dirname(real(dir)));
  for (const folder of modulesFolders) {
    if (inside(out, folder)) throw new OutDirRefused(`refusing to write packages inside ${folder}: built files would mix with the module sources`);
  }
  for (const dir of moduleDirs) {
    const mod = real(dir);
    if (inside(out, mod)) throw new OutDirRefused(`refusing to write packages inside the module folder ${dir}`);
    if (inside(mod, out) && path.relative(out, mod).split(path.sep).length <= 1) throw new OutDirRefused(`refusing --out ${outDir}: a module's output folder would be the module folder ${dir}`);
  }
  return out;
}

/**
 * Writes a build's files under `<outDir>/<module id>/`: the single place build output reaches the
 * disk. Each file (each package) goes to a temporary sibling and is renamed over its target, so a
 * build killed midway leaves the previous packages whole. Nothing is deleted, and nothing is written
 * outside `outDir`.
 */
export async function write(result: { modules: readonly ModuleBuild[] }, outDir: string, extra?: ReadonlyMap<string, Uint8Array | string>): Promise<string[]> {
  const out = checkOutDir(outDir, result.modules.map((m) => m.dir));
  const written: string[] = [];
  for (const m of result.modules) written.push(...(await writeModuleFiles(out, m)));
  if (extra && extra.size > 0) written.push(...(await writeFiles(out, extra)));
  return written;
}

/**
 * Writes one module's files under `<outDir>/<id>/` as `write()` does, for a build that writes each
 * module as soon as it is built (`buildEach`). The same checks apply, to this module's folder.
 */
export async function writeModule(m: ModuleBuild, outDir: string): Promise<string[]> {
  return writeModuleFiles(checkOutDir(outDir, [m.dir]), m);
}

/** Writes files under `<outDir>/` itself rather than a module's folder: the site index, the build cache manifest. */
export async function writeTopLevel(outDir: string, files: ReadonlyMap<string, Uint8Array | string>): Promise<string[]> {
  return writeFiles(checkOutDir(outDir, []), files);
}

async function writeModuleFiles(out: string, m: ModuleBuild): Promise<string[]> {
  if (!m.id || m.files.size === 0) return [];
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(m.id)) throw new OutDirRefused(`module id "${m.id}" is not a safe folder name`);
  return writeFiles(path.join(out, m.id), m.files);
}
