import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build, scaffold } from '../../src/index.js';
import type { ModuleBuild } from '../../src/build.js';
import type { TargetName } from '../../src/model/target.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const PACKAGE_TARGETS: TargetName[] = ['scorm12', 'scorm2004', 'cc', 'cmi5', 'json'];

/** A scaffolded module in a temp folder, for when no shipped module validates. */
export async function scaffoldModule(id = 'scaffold-demo'): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'upstream-scaffold-')), id);
  for (const [rel, text] of scaffold(id, dir)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return dir;
}

const cache = new Map<string, Promise<ModuleBuild[]>>();

/** Every shipped module that validates, built in memory (plus a scaffold if none does). */
export function builtModules(targets: TargetName[] = PACKAGE_TARGETS): Promise<ModuleBuild[]> {
  const key = targets.join(',');
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      const result = await build([path.join(ROOT, 'modules')], { targets, pdf: false });
      const ok = result.modules.filter((m) => m.model && m.files.size > 0);
      if (ok.length > 0) return ok;
      const again = await build([await scaffoldModule()], { targets, pdf: false });
      return again.modules.filter((m) => m.model);
    })();
    cache.set(key, p);
  }
  return p;
}

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';

let compiledTo: string | undefined;
/**
 * The CLI as users run it, compiled from the current source once per test process into a folder of
 * its own under dist/ (test files run in parallel and must not rewrite each other's dist/lib).
 */
export function cliPath(): string {
  if (!compiledTo) {
    const parent = path.join(ROOT, 'dist', 'test-cli');
    // Folders of test processes that have ended (workers may stop without an exit event).
    for (const name of existsSync(parent) ? readdirSync(parent) : []) {
      try { process.kill(Number(name), 0); } catch { rmSync(path.join(parent, name), { recursive: true, force: true }); }
    }
    const out = path.join(parent, String(process.pid));
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT, '--outDir', out, '--declaration', 'false', '--sourceMap', 'false'], { stdio: 'pipe' });
    process.on('exit', () => rmSync(out, { recursive: true, force: true }));
    compiledTo = out;
  }
  return path.join(compiledTo, 'cli.js');
}

export interface CliRun { code: number | null; stdout: string; stderr: string }

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, opts);
    let stdout = '', stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function spawnCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  return spawn(process.execPath, [cliPath(), ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
}
