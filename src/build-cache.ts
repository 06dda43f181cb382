import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleBuild } from './build.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { TargetName } from './model/target.js';
import { siteIndexEntry, type SiteIndexEntry } from './render/site/site-index.js';
import { CHROMIUM_PATH } from './render/guide/pdf.js';
import { SCHEMA_DIR } from './validate/schema.js';

/** The build cache manifest, in the output folder. */
export const CACHE_FILE = '.upstream-cache.json';
const FORMAT = 1;

/** A module folder whose sources cannot be hashed reliably (a symbolic link, a read error) is never cached. */
const LIMIT_FILES = 5000;

/**
 * A hash of everything in a module folder: each file's path and bytes, in sorted order. Undefined
 * when the folder holds a symbolic link (what it points to may change unseen) or cannot be read.
 */
export async function hashModuleSources(dir: string): Promise<string | undefined> {
  const h = createHash('sha256');
  let count = 0;
  const walk = async (abs: string, rel: string): Promise<boolean> => {
    const entries = (await readdir(abs, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const childAbs = path.join(abs, e.name);
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isSymbolicLink()) return false;
      if (e.isDirectory()) {
        h.update(`d\0${childRel}\0`);
        if (!(await walk(childAbs, childRel))) return false;
      } else if (e.isFile()) {
        if (++count > LIMIT_FILES) return false;
        const bytes = await readFile(childAbs);
        h.update(`f\0${childRel}\0${bytes.length}\0`).update(bytes);
      } else return false;
    }
    return true;
  };
  try {
    if (!(await lstat(dir)).isDirectory()) return undefined;
    return (await walk(dir, '')) ? h.digest('hex') : undefined;
  } catch {
    return undefined;
  }
}

let codeHash: string | undefined;
/**
 * A hash of Upstream's own code (the folder this file is in) and version: a rebuilt or upgraded
 * Upstream never trusts packages an older one made.
 */
function upstreamFingerprint(): string {
  if (codeHash) return codeHash;
  const h = createHash('sha256');
  try {
    h.update(readFileSync(`${SCHEMA_DIR}../package.json`));
  } catch {
    h.update('no package.json');
  }
  const root = path.dirname(fileURLToPath(import.meta.url));
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (/\.(js|cjs|mjs|ts)$/.test(e.name) && !e.name.endsWith('.d.ts')) h.update(`${path.relative(root, abs)}\0`).update(readFileSync(abs));
    }
  };
  walk(root);
  codeHash = h.digest('hex');
  return codeHash;
}

export interface CacheSettings {
  targets: readonly TargetName[];
  /** Whether guides get a PDF in this build (wanted and Chromium present). */
  pdf: boolean;
  release: boolean;
}

/** Everything besides a module's own sources that its output depends on. */
function settingsKey(s: CacheSettings): string {
  let chromium = 'none';
  if (s.pdf) {
    try {
      const info = statSync(CHROMIUM_PATH);
      chromium = `${info.size}:${info.mtimeMs}`;
    } catch {
      chromium = 'missing';
    }
  }
  return createHash('sha256').update(JSON.stringify({ format: FORMAT, upstream: upstreamFingerprint(), targets: s.targets, pdf: s.pdf, chromium, release: s.release })).digest('hex');
}

interface Entry {
  /** Hash of the module folder's sources. */
  source: string;
  id: string;
  diagnostics: Diagnostic[];
  index: Omit<SiteIndexEntry, 'sessions'> & { sessions: number };
  /** Each output file under `<out>/<id>/`: [size, sha-256]. */
  files: Record<string, [number, string]>;
}

interface Manifest {
  format: number;
  settings: string;
  /** Keyed by the module folder's absolute path. */
  modules: Record<string, Entry>;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function validEntry(e: unknown): e is Entry {
  if (!isObject(e) || !isString(e.source) || !isString(e.id) || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(e.id)) return false;
  if (!Array.isArray(e.diagnostics) || !e.diagnostics.every((d) => isObject(d) && isString(d.file) && isString(d.message) && isString(d.severity))) return false;
  const i = e.index;
  if (!isObject(i) || ![i.id, i.title, i.summary, i.language, i.audience].every(isString) || typeof i.duration !== 'number' || typeof i.sessions !== 'number') return false;
  if (!isObject(e.files) || Object.keys(e.files).length === 0) return false;
  return Object.entries(e.files).every(([rel, f]) => !rel.split('/').includes('..') && !path.isAbsolute(rel) && Array.isArray(f) && f.length === 2 && Number.isInteger(f[0]) && isString(f[1]));
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Skips modules whose packages in the output folder are already current. A module is reused only
 * when its sources hash as recorded, Upstream (code and version), the targets and the options are
 * the same, and every recorded output file is there with the recorded size and hash; anything
 * else, including an unreadable, corrupt or foreign manifest, means building it again.
 */
export class BuildCache {
  private entries: Record<string, Entry> = {};
  /** Entries whose output files were written or checked by this process: a size check will do. */
  private readonly checked = new Set<string>();
  private readonly sources = new Map<string, string | undefined>();
  /** Modules that had errors in this process, by the sources they had (never saved: a new run reports them again). */
  private readonly failed = new Map<string, { source: string; result: ModuleBuild }>();
  private readonly settings: string;

  private constructor(private readonly outDir: string, settings: CacheSettings) {
    this.settings = settingsKey(settings);
  }

  /** Reads `<out>/.upstream-cache.json`; `force` starts empty (everything is built, the manifest rewritten). */
  static async open(outDir: string, settings: CacheSettings, force = false): Promise<BuildCache> {
    const cache = new BuildCache(outDir, settings);
    if (force) return cache;
    try {
      const m = JSON.parse(await readFile(path.join(outDir, CACHE_FILE), 'utf8')) as Partial<Manifest>;
      if (m.format === FORMAT && m.settings === cache.settings && isObject(m.modules) && Object.values(m.modules).every(validEntry)) {
        cache.entries = m.modules as Record<string, Entry>;
      }
    } catch {
      // Missing or unreadable: nothing is reused.
    }
    return cache;
  }

  /** For `buildEach({ reuse })`: the recorded result of an unchanged module, else undefined. */
  async reuse(dir: string): Promise<ModuleBuild | undefined> {
    const key = path.resolve(dir);
    const source = await hashModuleSources(dir);
    this.sources.set(key, source);
    const f = this.failed.get(key);
    if (source && f?.source === source) return { ...f.result };
    const e = this.entries[key];
    if (!source || !e || e.source !== source) return undefined;
    if (!(await this.outputsMatch(e, this.checked.has(key)))) return undefined;
    this.checked.add(key);
    return { dir, id: e.id, diagnostics: e.diagnostics, files: new Map() };
  }

  /** The site index entry of a reused module. */
  indexEntry(dir: string): SiteIndexEntry | undefined {
    const e = this.entries[path.resolve(dir)];
    return e ? { ...e.index, sessions: Array.from({ length: e.index.sessions }, () => null) } : undefined;
  }

  /** Notes a module built (and just written) in this run; one with errors is left out of the manifest. */
  record(m: ModuleBuild): void {
    const key = path.resolve(m.dir);
    const source = this.sources.get(key);
    delete this.entries[key];
    this.checked.delete(key);
    this.failed.delete(key);
    if (source && !m.model) this.failed.set(key, { source, result: { dir: m.dir, ...(m.id ? { id: m.id } : {}), diagnostics: m.diagnostics, files: new Map() } });
    if (!source || !m.id || !m.model || m.files.size === 0) return;
    const files: Entry['files'] = {};
    for (const [rel, bytes] of m.files) files[rel] = [bytes.length, sha256(bytes)];
    const { sessions, ...index } = siteIndexEntry(m.model);
    this.entries[key] = { source, id: m.id, diagnostics: m.diagnostics, index: { ...index, sessions: sessions.length }, files };
    this.checked.add(key);
  }

  /** The manifest's bytes, for the writer. */
  manifest(): Uint8Array {
    const sorted = Object.fromEntries(Object.entries(this.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const m: Manifest = { format: FORMAT, settings: this.settings, modules: sorted };
    return new TextEncoder().encode(`${JSON.stringify(m)}\n`);
  }

  private async outputsMatch(e: Entry, sizeOnly: boolean): Promise<boolean> {
    const base = path.join(this.outDir, e.id);
    try {
      for (const [rel, [size, hash]] of Object.entries(e.files)) {
        const file = path.join(base, rel);
        if (sizeOnly) {
          if ((await stat(file)).size !== size) return false;
          continue;
        }
        const bytes = await readFile(file);
        if (bytes.length !== size || sha256(bytes) !== hash) return false;
      }
      return true;
    } catch {
      return false;
    }
  }
}
