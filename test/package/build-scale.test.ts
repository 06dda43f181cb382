/**
 * Speed at scale, checked for correctness only (speed belongs to the bench): worker threads give
 * the same bytes as one thread; modules are streamed to disk; the build cache skips only what is
 * really current; `build --watch` and the preview rebuild only the module a save touched.
 */
import { cp, mkdtemp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaffold } from '../../src/index.js';
import { startPreview } from '../../src/preview/preview.js';
import { builtModules, cliPath, runCli, spawnCli } from './helpers.js';

const temps: string[] = [];
const temp = async (prefix: string) => {
  const d = await mkdtemp(path.join(os.tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

/** Every file under dir, relative, with its bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)), await readFile(path.join(e.parentPath, e.name)));
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function expectSameFiles(a: Map<string, Buffer>, b: Map<string, Buffer>) {
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [f, bytes] of a) expect(Buffer.compare(bytes, b.get(f)!), f).toBe(0);
}

/** `n` scaffolded modules, each a little different, in one folder. */
async function generateModules(root: string, n: number, prefix = 'gen'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}-${String(i).padStart(2, '0')}`;
    const dir = path.join(root, id);
    for (const [rel, text] of scaffold(id, dir)) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), rel === 'sessions/01-river.md' ? text.replace('Read the case with a partner.', `Read case ${i} with a partner.`) : text);
    }
    ids.push(id);
  }
  return ids;
}

const stdoutLines = (s: string) => s.replace(/ in \d+\.\d s/, ' in # s').trim();
const editSession = async (dir: string, word: string) => {
  const file = path.join(dir, 'sessions', '01-river.md');
  await writeFile(file, (await readFile(file, 'utf8')).replace('with a partner', `with a partner, ${word}`));
};

beforeAll(() => {
  cliPath();
}, 120_000);

describe('upstream build --jobs', () => {
  it('gives byte-identical output and the same report with --jobs 1 and --jobs 2 (every target)', async () => {
    const built = await builtModules();
    const src = path.join(await temp('upstream-jobs-src-'), 'modules');
    for (const m of built) await cp(m.dir, path.join(src, m.id!), { recursive: true });
    const a = await temp('upstream-jobs1-');
    const b = await temp('upstream-jobs2-');
    const r1 = await runCli(['build', src, '--out', a, '--no-pdf', '--jobs', '1']);
    const r2 = await runCli(['build', src, '--out', b, '--no-pdf', '--jobs', '2']);
    expect([r1.code, r2.code]).toEqual([0, 0]);
    expect(stdoutLines(r2.stdout).replaceAll(path.relative(process.cwd(), b), 'OUT')).toBe(stdoutLines(r1.stdout).replaceAll(path.relative(process.cwd(), a), 'OUT'));
    expect(r2.stderr).toBe(r1.stderr);
    const sa = await snapshot(a);
    sa.delete('.upstream-cache.json'); // it records absolute paths of each build's own output
    const sb = await snapshot(b);
    sb.delete('.upstream-cache.json');
    expect(sa.size).toBeGreaterThan(built.length * 10);
    expectSameFiles(sa, sb);
  }, 120_000);

  it('streams a folder of 30 modules to disk with --jobs 2, identical to --jobs 1', async () => {
    const root = await temp('upstream-stream-');
    const mods = path.join(root, 'mods');
    const ids = await generateModules(mods, 30);
    const a = path.join(root, 'out1');
    const b = path.join(root, 'out2');
    const args = ['--target', 'html,guide,scorm12,json', '--no-pdf', '--quiet'];
    const r1 = await runCli(['build', mods, '--out', a, '--jobs', '1', ...args]);
    const r2 = await runCli(['build', mods, '--out', b, '--jobs', '2', ...args]);
    expect([r1.code, r1.stderr, r2.code, r2.stderr]).toEqual([0, '', 0, '']);
    const sa = await snapshot(a);
    for (const id of ids) {
      for (const f of [`${id}.scorm12.zip`, `${id}.json`, 'guide.html', 'site/index.html']) expect(sa.has(path.join(id, f)), `${id}/${f}`).toBe(true);
    }
    expect(sa.has('index.html')).toBe(true);
    const sb = await snapshot(b);
    for (const s of [sa, sb]) s.delete('.upstream-cache.json');
    expectSameFiles(sa, sb);
  }, 120_000);

  it('prints guide PDFs from workers through one Chromium, the same as in one thread', async () => {
    const root = await temp('upstream-jobs-pdf-');
    const mods = path.join(root, 'mods');
    const ids = await generateModules(mods, 3, 'pdf');
    const a = path.join(root, 'out1');
    const b = path.join(root, 'out2');
    const r1 = await runCli(['build', mods, '--out', a, '--target', 'guide', '--jobs', '1', '--quiet']);
    const r2 = await runCli(['build', mods, '--out', b, '--target', 'guide', '--jobs', '2', '--quiet']);
    expect([r1.code, r1.stderr, r2.code, r2.stderr]).toEqual([0, '', 0, '']);
    const sa = await snapshot(a);
    for (const id of ids) expect(sa.get(path.join(id, 'guide.pdf'))?.subarray(0, 5).toString(), id).toBe('%PDF-');
    const sb = await snapshot(b);
    for (const s of [sa, sb]) s.delete('.upstream-cache.json');
    expectSameFiles(sa, sb);
  }, 120_000);

  it('rejects a --jobs that is not a whole number from 1', async () => {
    for (const bad of ['0', 'two', '1.5']) {
      const run = await runCli(['build', '--jobs', bad, '--target', 'json']);
      expect(run.code, bad).toBe(2);
      expect(run.stderr).toMatch(/--jobs must be a whole number/);
    }
  });
});

describe('the build cache', () => {
  let mods = '';
  let out = '';
  let ids: string[] = [];
  const args = () => ['build', mods, '--out', out, '--target', 'html,scorm12,json', '--no-pdf', '--jobs', '1'];
  const builtIds = (stdout: string) => [...stdout.matchAll(/^built ([a-z0-9-]+):/gm)].map((m) => m[1]);

  beforeAll(async () => {
    const root = await temp('upstream-cache-');
    mods = path.join(root, 'mods');
    out = path.join(root, 'out');
    ids = await generateModules(mods, 3, 'cached');
  });

  it('skips unchanged modules, rebuilds the one that changed, and --force rebuilds all', async () => {
    const first = await runCli(args());
    expect(first.code).toBe(0);
    expect(builtIds(first.stdout)).toEqual(ids);
    const before = await snapshot(out);
    const zip = path.join(out, ids[0]!, `${ids[0]}.scorm12.zip`);
    const written = (await stat(zip)).mtimeMs;

    const again = await runCli(args());
    expect(again.code).toBe(0);
    expect(builtIds(again.stdout)).toEqual([]);
    expect(again.stdout).toMatch(/0 modules built .*; 3 unchanged \(up to date/);
    expect((await stat(zip)).mtimeMs).toBe(written); // not rewritten
    expectSameFiles(before, await snapshot(out));

    await editSession(path.join(mods, ids[1]!), 'again');
    const edited = await runCli(args());
    expect(builtIds(edited.stdout)).toEqual([ids[1]]);
    expect(edited.stdout).toMatch(/1 module built .*; 2 unchanged/);

    // The same build from scratch, elsewhere, gives the same bytes as the incremental one.
    const fresh = await temp('upstream-cache-fresh-');
    expect((await runCli(['build', mods, '--out', fresh, '--target', 'html,scorm12,json', '--no-pdf', '--quiet'])).code).toBe(0);
    const inc = await snapshot(out);
    const full = await snapshot(fresh);
    for (const s of [inc, full]) s.delete('.upstream-cache.json');
    expectSameFiles(full, inc);

    const forced = await runCli([...args(), '--force']);
    expect(builtIds(forced.stdout)).toEqual(ids);

    // Other targets or options are another build: nothing is reused.
    const other = await runCli(['build', mods, '--out', out, '--target', 'json', '--no-pdf', '--jobs', '1']);
    expect(builtIds(other.stdout)).toEqual(ids);
  }, 120_000);

  it('ignores a corrupt manifest and rebuilds a module whose output was changed or removed', async () => {
    expect((await runCli(args())).code).toBe(0);
    const manifest = path.join(out, '.upstream-cache.json');
    const good = await readFile(manifest, 'utf8');
    for (const bad of ['{"format":1,"sett', '[]', 'null', good.replace(/"source":"[0-9a-f]+"/, '"source":7'), '\u0000\u0001garbage']) {
      await writeFile(manifest, bad);
      const run = await runCli(args());
      expect(run.code, bad.slice(0, 30)).toBe(0);
      expect(builtIds(run.stdout), bad.slice(0, 30)).toEqual(ids);
      expect(JSON.parse(await readFile(manifest, 'utf8')).format).toBe(1);
    }
    // A stale manifest: the output no longer is what it records.
    const zip = path.join(out, ids[2]!, `${ids[2]}.scorm12.zip`);
    const bytes = await readFile(zip);
    bytes[bytes.length - 1] ^= 0xff;
    await writeFile(zip, bytes);
    await rm(path.join(out, ids[0]!, 'site', 'index.html'));
    const run = await runCli(args());
    expect(builtIds(run.stdout)).toEqual([ids[0], ids[2]]);
    const fresh = await temp('upstream-cache-fresh2-');
    await runCli(['build', mods, '--out', fresh, '--target', 'html,scorm12,json', '--no-pdf', '--quiet']);
    const a = await snapshot(fresh);
    const b = await snapshot(out);
    for (const s of [a, b]) s.delete('.upstream-cache.json');
    expectSameFiles(a, b);
  }, 120_000);
});

describe('incremental rebuilds', () => {
  it('build --watch rebuilds only the module whose session was edited', async () => {
    const root = await temp('upstream-watch-');
    const mods = path.join(root, 'mods');
    const ids = await generateModules(mods, 3, 'watch');
    // A module with an error: reported once, and not rebuilt by saves elsewhere.
    const [broken] = await generateModules(mods, 1, 'zbroken');
    const yaml = path.join(mods, broken!, 'module.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace(/^duration: .*$/m, 'duration: [60'));
    const out = path.join(root, 'out');
    const child = spawnCli(['build', mods, '--out', out, '--target', 'html,guide,json', '--no-pdf', '--watch']);
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stdout += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const waitFor = async (re: RegExp) => {
      for (let i = 0; i < 600 && !re.test(stdout); i++) await new Promise((r) => setTimeout(r, 50));
      expect(stdout).toMatch(re);
    };
    try {
      await waitFor(/Watching for changes/);
      const guideBefore = await readFile(path.join(out, ids[1]!, 'guide.html'));
      const other = (await stat(path.join(out, ids[0]!, `${ids[0]}.json`))).mtimeMs;
      await editSession(path.join(mods, ids[1]!), 'watched');
      await waitFor(/Rebuilt [a-z0-9, -]+ in \d+ ms/);
      expect(stdout.match(/Rebuilt ([a-z0-9, -]+) in \d+ ms/)![1], stdout).toBe(ids[1]);
      expect(Buffer.compare(await readFile(path.join(out, ids[1]!, 'guide.html')), guideBefore), stdout).not.toBe(0);
      expect(await readFile(path.join(out, ids[1]!, 'site', 'session-river.html'), 'utf8')).toContain('with a partner, watched');
      expect((await stat(path.join(out, ids[0]!, `${ids[0]}.json`))).mtimeMs).toBe(other);
      expect(stdout.match(/zbroken-00[\\/]module\.yaml:\d+:\d+/g), stdout).toHaveLength(1);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await closed).toBe(1); // the first build had a module with errors
  }, 60_000);

  it('the preview rebuilds only the edited module, and nothing when nothing changed', async () => {
    const root = await temp('upstream-preview-inc-');
    const ids = await generateModules(root, 3, 'pv');
    const log: string[] = [];
    // A long debounce: the test calls rebuild() itself.
    const preview = await startPreview({ paths: [root], port: 0, debounceMs: 60_000, log: (t) => log.push(t) });
    try {
      expect(preview.state().builds).toBe(3);
      expect(preview.state().modules).toEqual(ids);
      await editSession(path.join(root, ids[2]!), 'previewed');
      await preview.rebuild();
      expect(preview.state().rebuilt).toEqual([ids[2]]);
      expect(preview.state().builds).toBe(4);
      expect(log.at(-1)).toMatch(new RegExp(`^Rebuilt ${ids[2]} in \\d+ ms: 3 modules, 0 errors`));
      const page = Buffer.from(preview.state().files.get(`${ids[2]}/site/session-river.html`)!).toString('utf8');
      expect(page).toContain('with a partner, previewed');
      const version = preview.state().version;
      await preview.rebuild();
      expect(preview.state().rebuilt).toEqual([]);
      expect(preview.state().builds).toBe(4);
      expect(preview.state().version).toBe(version);
      expect(log.at(-1)).toMatch(/^Nothing changed; checked in \d+ ms/);
      // No package is built for the preview.
      expect([...preview.state().files.keys()].some((f) => /\.(zip|imscc|json)$/.test(f))).toBe(false);
    } finally {
      await preview.close();
    }
  }, 60_000);
});
