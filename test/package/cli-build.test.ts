import { cp, mkdtemp, readFile, readdir, utimes, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOutDir, OutDirRefused, write } from '../../src/write/write-build.js';
import { readZip } from '../../src/package/check/zip-read.js';
import { checkPackage } from '../../src/package/check/conformance.js';
import { builtModules, cliPath, ROOT, runCli, spawnCli } from './helpers.js';

const TARGETS = 'scorm12,scorm2004,cc,cmi5,json';

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(path.relative(dir, path.join(e.parentPath, e.name)));
  return out.sort();
}

let modulesDir = '';
let moduleIds: string[] = [];

beforeAll(async () => {
  cliPath();
  const built = await builtModules();
  moduleIds = built.map((m) => m.id!);
  // A copy of the valid modules, so the test can touch their dates without changing the repo.
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'upstream-cli-'));
  modulesDir = path.join(tmp, 'modules');
  for (const m of built) await cp(m.dir, path.join(modulesDir, m.id!), { recursive: true });
}, 120_000);

describe('upstream build', () => {
  it('writes every package of every valid module into <out>/<id>/', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'upstream-out-'));
    const run = await runCli(['build', modulesDir, '--target', TARGETS, '--out', out, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const id of moduleIds) {
      expect(await listFiles(path.join(out, id))).toEqual([`${id}.cmi5.zip`, `${id}.imscc`, `${id}.json`, `${id}.scorm12.zip`, `${id}.scorm2004.zip`]);
    }
  }, 120_000);

  it('is byte-reproducible across time zones and source file dates', async () => {
    const a = await mkdtemp(path.join(os.tmpdir(), 'upstream-repro-a-'));
    const b = await mkdtemp(path.join(os.tmpdir(), 'upstream-repro-b-'));
    const one = moduleIds[0]!;
    const r1 = await runCli(['build', path.join(modulesDir, one), '--target', TARGETS, '--out', a, '--quiet'], { env: { TZ: 'UTC' } });
    for (const f of await listFiles(path.join(modulesDir, one))) await utimes(path.join(modulesDir, one, f), new Date('2031-07-04T03:00:00Z'), new Date('2031-07-04T03:00:00Z'));
    const r2 = await runCli(['build', path.join(modulesDir, one), '--target', TARGETS, '--out', b, '--quiet'], { env: { TZ: 'Pacific/Kiritimati' } });
    expect([r1.code, r2.code]).toEqual([0, 0]);
    const files = await listFiles(path.join(a, one));
    expect(files.length).toBe(5);
    for (const f of files) expect(Buffer.compare(await readFile(path.join(a, one, f)), await readFile(path.join(b, one, f))), f).toBe(0);
  }, 120_000);

  it('a build killed midway leaves the previous packages whole', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'upstream-kill-'));
    const first = await runCli(['build', modulesDir, '--target', TARGETS, '--out', out, '--quiet']);
    expect(first.code).toBe(0);
    const before = new Map<string, Buffer>();
    for (const f of await listFiles(out)) before.set(f, await readFile(path.join(out, f)));
    // Change every module so a new build writes different bytes, then kill builds at several moments.
    for (const id of moduleIds) {
      const yaml = path.join(modulesDir, id, 'module.yaml');
      await writeFile(yaml, (await readFile(yaml, 'utf8')).replace(/^version: .*$/m, 'version: 9.9.9'));
    }
    for (const delay of [150, 600, 1200, 2500]) {
      const child = spawnCli(['build', modulesDir, '--target', TARGETS, '--out', out, '--quiet']);
      const closed = new Promise((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await closed;
      for (const [f, old] of before) {
        const now = await readFile(path.join(out, f));
        if (Buffer.compare(now, old) === 0) continue;
        // Replaced: then it must be a whole new package, never half of one.
        if (f.endsWith('.json')) expect(() => JSON.parse(now.toString('utf8')), f).not.toThrow();
        else {
          const { files } = readZip(new Uint8Array(now));
          expect((await checkPackage(files)).problems, f).toEqual([]);
        }
      }
    }
  }, 180_000);

  it('reports a module with errors as validate does, skips it, builds the rest and exits 1', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'upstream-bad-'));
    const mods = path.join(tmp, 'modules');
    await cp(path.join(modulesDir, moduleIds[0]!), path.join(mods, moduleIds[0]!), { recursive: true });
    await cp(path.join(modulesDir, moduleIds[0]!), path.join(mods, 'broken-one'), { recursive: true });
    const yaml = path.join(mods, 'broken-one', 'module.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace(/^id: .*$/m, 'id: broken-one').replace(/^duration: .*$/m, 'duration: 7'));
    const out = path.join(tmp, 'out');
    const run = await runCli(['build', mods, '--target', 'scorm12', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken-one[\\/]module\.yaml:\d+:\d+/);
    expect(await listFiles(out)).toEqual(['.upstream-cache.json', `${moduleIds[0]}/${moduleIds[0]}.scorm12.zip`]);
  }, 120_000);

  it('refuses an --out that is the project root, the cwd, /, or inside modules/ or a module folder', async () => {
    const id = moduleIds[0]!;
    const dirs = [path.join(modulesDir, id)];
    for (const bad of ['/', ROOT, path.join(ROOT, 'modules'), path.join(ROOT, 'modules', 'x', 'out'), path.join(modulesDir, id, 'dist'), path.join(modulesDir)]) {
      expect(() => checkOutDir(bad, dirs, ROOT), bad).toThrow(OutDirRefused);
    }
    expect(checkOutDir(path.join(ROOT, 'dist', 'packages'), dirs, ROOT)).toBe(path.join(ROOT, 'dist', 'packages'));
    await expect(write({ modules: [] }, ROOT)).rejects.toThrow(OutDirRefused);
    for (const args of [['--out', '.'], ['--out', 'modules'], ['--out', '/'], ['--out', `modules/${id}`]]) {
      const run = await runCli(['build', `modules`, '--target', 'json', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/refusing/);
    }
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'upstream-cwd-'));
    await mkdir(path.join(scratch, 'sub'));
    const run = await runCli(['build', path.join(modulesDir, id), '--target', 'json', '--out', '.'], { cwd: path.join(scratch, 'sub') });
    expect(run.code).toBe(2);
  }, 120_000);

  it('rejects unknown targets as a usage error', async () => {
    const run = await runCli(['build', '--target', 'scorm3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown target "scorm3"/);
  });
});
