import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic, filePlace } from '../diagnostics/diagnostic.js';
import type {
  AssessmentData, Asset, LoadedModule, LoadedSession, LoadedYaml, ModuleData, RubricData, SessionData,
} from '../model/types.js';
import { parseMarkdown } from './markdown.js';
import { controlCharacters, decodeSource, MAX_SOURCE_BYTES, tooLarge } from './read-text.js';
import { SourceText } from './source-text.js';
import { parseYaml } from './yaml-source.js';

/** Limits that keep a hostile or mistaken folder from exhausting memory or time. */
const MAX_FILES = 5000;
const MAX_DEPTH = 12;
const MAX_ASSET_BYTES = 50 * 1024 * 1024;

interface Entry {
  rel: string;
  abs: string;
}

/**
 * Reads one module folder into the model. Never throws for anything a user can cause: each
 * unreadable or malformed file becomes a diagnostic and the other files still load.
 */
export async function load(dir: string): Promise<LoadedModule> {
  const name = path.basename(path.resolve(dir));
  const mod: LoadedModule = {
    dir, name, sessions: [], assessments: [], rubrics: [], assets: [], files: new Set(), broken: [], diagnostics: [],
  };
  const shown = (rel: string) => joinShown(dir, rel);

  let root: string;
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      mod.diagnostics.push(diagnostic(filePlace(dir), 'error', 'module-not-folder',
        'This path is a file, but a module is a folder.', 'Pass the module folder (the one holding module.yaml).'));
      return mod;
    }
    root = await realpath(dir);
  } catch {
    mod.diagnostics.push(diagnostic(filePlace(dir), 'error', 'module-not-found',
      'There is no module folder at this path.', 'Check the path, or create a module with `upstream new <id>`.'));
    return mod;
  }

  const entries = await walk(root, mod.diagnostics, shown);
  for (const e of entries) mod.files.add(e.rel);
  // Start every read at once: waiting on the disk one file at a time left the CPU idle a fifth of
  // the time. The files are still parsed, and reported, in order.
  const reads = new Map(entries.map((e) => [e.rel, readEntry(e)]));

  const byRel = new Map(entries.map((e) => [e.rel, e]));
  const moduleEntry = byRel.get('module.yaml') ?? byRel.get('module.yml');
  if (!moduleEntry) {
    mod.diagnostics.push(diagnostic(filePlace(shown('module.yaml')), 'error', 'module-file-missing',
      'This module folder has no module.yaml.', 'Create module.yaml (see `upstream new --help`), or point at the folder that has one.'));
  } else {
    const loaded = await loadYaml<ModuleData>(moduleEntry, reads, 'module', shown, mod.diagnostics);
    if (loaded) mod.module = loaded;
    else mod.broken.push({ kind: 'module', file: shown(moduleEntry.rel) });
  }

  for (const e of entries) {
    const [folder, ...rest] = e.rel.split('/');
    const ext = path.extname(e.rel).toLowerCase();
    if (folder === 'sessions' && rest.length === 1) {
      if (ext === '.md') {
        const s = await loadSession(e, reads, shown, mod.diagnostics);
        if (s) mod.sessions.push(s);
        else mod.broken.push({ kind: 'session', file: shown(e.rel) });
      } else {
        mod.diagnostics.push(diagnostic(filePlace(shown(e.rel)), 'warning', 'unexpected-file',
          'This file in sessions/ is not a Markdown (.md) session and is ignored.', 'Rename it to .md, or move it to assets/.'));
      }
    } else if ((folder === 'assessments' || folder === 'rubrics') && rest.length === 1) {
      if (ext === '.yaml' || ext === '.yml') {
        const kind = folder === 'assessments' ? 'assessment' : 'rubric';
        const y = await loadYaml<AssessmentData | RubricData>(e, reads, kind, shown, mod.diagnostics);
        if (y && kind === 'assessment') mod.assessments.push(y as LoadedYaml<AssessmentData>);
        if (y && kind === 'rubric') mod.rubrics.push(y as LoadedYaml<RubricData>);
        if (!y) mod.broken.push({ kind, file: shown(e.rel) });
      } else {
        mod.diagnostics.push(diagnostic(filePlace(shown(e.rel)), 'warning', 'unexpected-file',
          `This file in ${folder}/ is not YAML (.yaml) and is ignored.`, 'Rename it to .yaml, or move it to assets/.'));
      }
    } else if (folder === 'assets' && rest.length >= 1) {
      const read = await reads.get(e.rel)!;
      if (read.size > MAX_ASSET_BYTES) {
        mod.diagnostics.push(diagnostic(filePlace(shown(e.rel)), 'error', 'file-too-large',
          `This asset is ${(read.size / 1048576).toFixed(0)} MB; assets may be at most ${MAX_ASSET_BYTES / 1048576} MB.`,
          'Compress it, or link to it from an external host instead of packaging it.'));
        continue;
      }
      if (read.bytes) mod.assets.push({ path: e.rel, bytes: read.bytes } satisfies Asset);
    }
  }
  return mod;
}

function joinShown(dir: string, rel: string): string {
  return path.join(dir, rel).split(path.sep).join('/');
}

interface Read {
  size: number;
  /** Absent when the file is over its size limit or could not be read. */
  bytes?: Uint8Array;
  error?: string;
}

/** Reads a file unless it is over the limit for its folder (refused without reading it). */
async function readEntry(e: Entry): Promise<Read> {
  try {
    const info = await stat(e.abs);
    const limit = e.rel.startsWith('assets/') ? MAX_ASSET_BYTES : MAX_SOURCE_BYTES;
    if (info.size > limit) return { size: info.size };
    return { size: info.size, bytes: new Uint8Array(await readFile(e.abs)) };
  } catch (error) {
    return { size: 0, error: (error as NodeJS.ErrnoException).code ?? 'unknown error' };
  }
}

type Reads = ReadonlyMap<string, Promise<Read>>;

async function readText(e: Entry, reads: Reads, expected: string, shown: (rel: string) => string, out: Diagnostic[]): Promise<string | undefined> {
  const file = shown(e.rel);
  const read = await reads.get(e.rel)!;
  if (read.error !== undefined) {
    out.push(diagnostic(filePlace(file), 'error', 'file-unreadable',
      `This file could not be read (${read.error}).`, 'Check the file\'s permissions.'));
    return undefined;
  }
  // A huge file was refused without being read into memory.
  if (!read.bytes) {
    out.push(tooLarge(file, read.size, expected));
    return undefined;
  }
  const bytes = read.bytes;
  const decoded = decodeSource(file, bytes, expected);
  if (!decoded.ok) {
    out.push(decoded.diagnostic);
    return undefined;
  }
  out.push(...controlCharacters(file, decoded.text));
  if (decoded.text.trim() === '') {
    out.push(diagnostic(filePlace(file), 'error', 'empty-file',
      `This ${expected} is empty.`, expected === 'session file'
        ? 'Write the session\'s front matter and content, or delete the file.'
        : expected === 'module.yaml'
          ? 'Fill it in: `upstream new <id>` writes a complete example to copy from.'
          : 'Fill it in (`upstream new` writes a complete example), or delete the file.'));
    return undefined;
  }
  return decoded.text;
}

async function loadYaml<T>(
  e: Entry, reads: Reads, kind: 'module' | 'assessment' | 'rubric', shown: (rel: string) => string, out: Diagnostic[],
): Promise<LoadedYaml<T> | undefined> {
  const text = await readText(e, reads, kind === 'module' ? 'module.yaml' : `${kind} file`, shown, out);
  if (text === undefined) return undefined;
  const source = new SourceText(shown(e.rel), text);
  const parsed = parseYaml(source);
  out.push(...parsed.diagnostics);
  if (!parsed.ok) return undefined;
  if (parsed.empty) {
    out.push(diagnostic(filePlace(source.file), 'error', 'empty-file',
      `This ${kind === 'module' ? 'module.yaml' : `${kind} file`} holds only comments, no keys.`,
      'Write its keys (`upstream new` writes a complete example to copy from).'));
    return undefined;
  }
  return { kind, file: source.file, source: parsed.source, data: parsed.data as T };
}

async function loadSession(e: Entry, reads: Reads, shown: (rel: string) => string, out: Diagnostic[]): Promise<LoadedSession | undefined> {
  const text = await readText(e, reads, 'session file', shown, out);
  if (text === undefined) return undefined;
  const file = shown(e.rel);
  const parsed = parseMarkdown(file, text);
  out.push(...parsed.diagnostics);
  if (parsed.data === undefined) return undefined;
  return { kind: 'session', file, source: parsed.frontMatter, data: parsed.data as SessionData, body: parsed.body, tree: parsed.tree };
}

/**
 * Lists the module's files, sorted. Symbolic links are followed only when they stay inside the
 * module folder; one pointing out is reported and left alone, so a module cannot smuggle in
 * files from elsewhere on the author's machine.
 */
async function walk(root: string, out: Diagnostic[], shown: (rel: string) => string): Promise<Entry[]> {
  const found: Entry[] = [];
  const queue: Array<{ abs: string; rel: string; depth: number }> = [{ abs: root, rel: '', depth: 0 }];
  while (queue.length > 0) {
    const { abs, rel, depth } = queue.shift()!;
    let names: string[];
    try {
      names = (await readdir(abs)).sort();
    } catch {
      continue;
    }
    const visible = names.filter((n) => !n.startsWith('.') && n !== 'node_modules');
    // One folder's entries are examined together; they are still handled in sorted order.
    const infos = await Promise.all(visible.map((n) => lstat(path.join(abs, n)).catch(() => undefined)));
    for (const [i, n] of visible.entries()) {
      const childAbs = path.join(abs, n);
      const childRel = rel ? `${rel}/${n}` : n;
      let info = infos[i];
      if (!info) continue; // vanished between readdir and lstat
      if (info.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(childAbs);
        } catch {
          out.push(diagnostic(filePlace(shown(childRel)), 'error', 'broken-symlink',
            'This symbolic link points at nothing.', 'Remove the link or restore its target.'));
          continue;
        }
        if (target !== root && !target.startsWith(root + path.sep)) {
          out.push(diagnostic(filePlace(shown(childRel)), 'error', 'path-outside-module',
            'This symbolic link points outside the module folder.',
            'Copy the file into the module (e.g. into assets/) instead of linking to it; packages carry only what is inside the module.'));
          continue;
        }
        info = await stat(childAbs);
      }
      if (info.isDirectory()) {
        if (depth + 1 > MAX_DEPTH) {
          out.push(diagnostic(filePlace(shown(childRel)), 'error', 'folder-too-deep',
            `Folders nest more than ${MAX_DEPTH} levels deep here.`, 'Flatten the folder structure under assets/.'));
          continue;
        }
        queue.push({ abs: childAbs, rel: childRel, depth: depth + 1 });
      } else if (info.isFile()) {
        if (found.length >= MAX_FILES) {
          out.push(diagnostic(filePlace(shown(childRel)), 'error', 'too-many-files',
            `The module holds more than ${MAX_FILES} files; the rest are ignored.`, 'Remove files the module does not use.'));
          return found.sort((a, b) => (a.rel < b.rel ? -1 : 1));
        }
        found.push({ abs: childAbs, rel: childRel });
      }
    }
  }
  return found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/**
 * Finds the module folders named by CLI paths: a module folder (holding module.yaml), a file
 * inside one, or a folder of modules (such as `modules/`).
 */
export async function findModules(paths: readonly string[]): Promise<{ dirs: string[]; diagnostics: Diagnostic[] }> {
  const dirs: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      diagnostics.push(diagnostic(filePlace(p), 'error', 'path-not-found', 'Nothing exists at this path.',
        'Check the spelling; pass a module folder or a folder of modules such as `modules`.'));
      continue;
    }
    if (info.isFile()) {
      const up = await moduleRootOf(path.dirname(p));
      if (up) dirs.push(up);
      else diagnostics.push(diagnostic(filePlace(p), 'error', 'not-in-module', 'This file is not inside a module folder.',
        'Pass a module folder (the one holding module.yaml).'));
      continue;
    }
    if (await exists(path.join(p, 'module.yaml')) || await exists(path.join(p, 'module.yml'))) {
      dirs.push(p);
      continue;
    }
    const listing = await readdir(p, { withFileTypes: true });
    if (listing.some((d) => MODULE_PARTS.has(d.name))) {
      // A module folder whose module.yaml is missing: report it once, not each part as a module.
      dirs.push(p);
      continue;
    }
    const children = listing.filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name).sort();
    const mods = children.map((c) => path.join(p, c));
    if (mods.length === 0) {
      diagnostics.push(diagnostic(filePlace(p), 'error', 'no-modules', 'This folder holds no module.',
        'A module is a folder with a module.yaml; create one with `upstream new <id>`.'));
    }
    dirs.push(...mods);
  }
  const unique = [...new Set(dirs.map((d) => path.normalize(d)))];
  return { dirs: unique, diagnostics };
}

/** Folders only a module has: a folder holding one is a module even without its module.yaml. */
const MODULE_PARTS = new Set(['sessions', 'assessments', 'rubrics']);

async function moduleRootOf(dir: string): Promise<string | undefined> {
  let d = dir;
  for (let i = 0; i < 4; i++) {
    if (await exists(path.join(d, 'module.yaml'))) return d;
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
  return undefined;
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
