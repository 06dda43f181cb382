/**
 * The broken-module corpus (test/fixtures/, see its README): every fixture's diagnostics match its
 * expected.txt exactly, through the library and through the compiled CLI (`npm test` compiles
 * first), and the CLI never shows a stack trace.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { appendFile, cp, lstat, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { check, load, validate, type Diagnostic } from '../src/index.js';

const FIXTURES = path.resolve('test/fixtures');
const CLI = path.resolve('dist/lib/cli.js');
const STACK = /\n\s+at .+:\d+:\d+/;

/**
 * Fixtures too big to commit: the committed folder is a valid module, and this turns a temp copy
 * of it into the broken one that expected.txt describes.
 */
const GENERATED: Record<string, (moduleDir: string) => Promise<void>> = {
  '36-huge-file': async (dir) => {
    // A session file padded to 20 MB, ten times the limit for source files.
    const line = 'The river keeps rising, and the friends keep pulling people out of it.\n';
    await appendFile(path.join(dir, 'sessions/01-river.md'), line.repeat(Math.ceil((20 * 1024 * 1024) / line.length)));
  },
};

interface Fixture {
  name: string;
  /** The fixture folder (expected.txt's paths are relative to it): in test/fixtures or a temp copy. */
  root: string;
  /** The module folder inside it. */
  module: string;
  expected: string[];
}

let fixtures: Fixture[] = [];
let tempRoot: string;

beforeAll(async () => {
  tempRoot = await mkdtemp(path.join(tmpdir(), 'upstream-fixtures-'));
  const names = (await readdir(FIXTURES, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  fixtures = await Promise.all(names.map(async (name) => {
    let root = path.join(FIXTURES, name);
    const modules = (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    if (modules.length !== 1) throw new Error(`${name}: a fixture holds exactly one module folder, found ${modules.join(', ') || 'none'}`);
    const expected = (await readFile(path.join(root, 'expected.txt'), 'utf8')).split('\n').filter((l) => l.trim() !== '');
    const make = GENERATED[name];
    if (make) {
      const copy = path.join(tempRoot, name);
      await cp(root, copy, { recursive: true, verbatimSymlinks: true });
      root = copy;
      await make(path.join(root, modules[0]!));
    }
    return { name, root, module: path.join(root, modules[0]!), expected };
  }));
}, 60_000);

afterAll(async () => {
  await rm(tempRoot, { recursive: true, force: true });
});

/** `demo/module.yaml:3:5 error schema`: the expected.txt form of a diagnostic. */
function line(d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'severity' | 'ruleId'>, root: string): string {
  const rel = path.relative(root, path.resolve(d.file)).split(path.sep).join('/');
  return `${rel}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`;
}

const hasError = (f: Fixture) => f.expected.some((l) => / error /.test(l));

describe('the corpus', () => {
  test('has at least 40 fixtures, every one with an expected.txt, and only the BOM/CRLF ones clean', async () => {
    const names = (await readdir(FIXTURES, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(names.length).toBeGreaterThanOrEqual(40);
    expect(fixtures.length).toBe(names.length);
    expect(fixtures.filter((f) => f.expected.length === 0).map((f) => f.name)).toEqual(['34-bom-clean', '35-crlf-clean']);
  });

  test('the symlink fixture is a real symbolic link (git keeps it one)', async () => {
    expect((await lstat(path.join(FIXTURES, '32-symlink-outside/demo/assets/handout.md'))).isSymbolicLink()).toBe(true);
  });

  test('generated fixtures are as big as they claim', async () => {
    const huge = fixtures.find((f) => f.name === '36-huge-file')!;
    expect((await stat(path.join(huge.module, 'sessions/01-river.md'))).size).toBeGreaterThanOrEqual(20 * 1024 * 1024);
  });
});

describe('library: load + validate gives exactly expected.txt', () => {
  // test.each needs the names before beforeAll runs; read them synchronously from the folder.
  test.each(fixtureNames())('%s', async (name) => {
    const f = fixtures.find((x) => x.name === name)!;
    const diagnostics = validate(await load(f.module));
    expect(diagnostics.map((d) => line(d, f.root))).toEqual(f.expected);
    for (const d of diagnostics) {
      expect(d.message.length, line(d, f.root)).toBeGreaterThan(10);
      expect(d.hint?.length ?? 0, `${line(d, f.root)} has a hint`).toBeGreaterThan(10);
      expect(d.message, 'no internal errors').not.toMatch(/internal error|failed unexpectedly/i);
    }
    // check() (what the CLI runs) agrees with load + validate.
    const checked = await check([f.module]);
    expect(checked.diagnostics.map((d) => line(d, f.root))).toEqual(f.expected);
  });
});

/**
 * Spawning the CLI costs most of a second (ajv compiles the schemas in each process), so the
 * corpus goes through it in two batched calls, pretty and JSON, whose output is checked fixture
 * by fixture. The exit code is 1 when any module has an error, so one call over all the fixtures
 * that should pass proves each of them exits 0; fixtures that should fail are run alone where a
 * crash is likeliest: files broken below the YAML level (missing, binary, huge, hostile, outside
 * the module) and the module with every file broken.
 */
const ALONE = ['18-missing-module-yaml', '32-symlink-outside', '36-huge-file', '37-alias-bomb', '38-deep-brackets', '40-binary-session', '58-many-broken-files'];

describe('CLI: exit code, no stack traces, JSON shape', () => {
  const KEYS = ['column', 'endColumn', 'endLine', 'file', 'hint', 'line', 'message', 'ruleId', 'severity'];
  const clean = (r: { stdout: string; stderr: string }, what: string) => {
    const all = `${r.stdout}\n${r.stderr}`;
    expect(all, `${what}: no stack trace`).not.toMatch(STACK);
    expect(all, `${what}: no internal error`).not.toMatch(/internal error/i);
  };

  test('exit 0 for the clean and warning-only fixtures (1 with --strict), 1 for broken ones run alone', async () => {
    const passing = fixtures.filter((f) => !hasError(f));
    const warnOnly = passing.filter((f) => f.expected.length > 0);
    const alone = ALONE.map((name) => fixtures.find((f) => f.name === name)!);
    expect(passing.map((f) => f.name)).toEqual(expect.arrayContaining(['34-bom-clean', '35-crlf-clean']));
    const runs = [
      { what: 'clean and warning-only fixtures', args: ['validate', ...passing.map((f) => f.module)], code: 0 },
      ...warnOnly.map((f) => ({ what: `${f.name} --strict`, args: ['validate', '--strict', f.module], code: 1 })),
      ...alone.map((f) => ({ what: f.name, args: ['validate', f.module], code: 1 })),
    ];
    const results = await pool(runs, (r) => runCli(r.args));
    runs.forEach(({ what, code }, i) => {
      const r = results[i]!;
      clean(r, what);
      expect(r.code, `${what}\n${r.stdout}${r.stderr}`).toBe(code);
    });
    const clean2 = await runCli(['validate', ...passing.filter((f) => f.expected.length === 0).map((f) => f.module)]);
    expect(clean2.stdout).toContain('No problems found.');
    expect(clean2.code).toBe(0);
  }, 60_000);

  test('pretty output for the whole corpus in one call shows every expected place, with no stack trace', async () => {
    const r = await runCli(['validate', ...fixtures.map((f) => f.module)]);
    clean(r, 'corpus');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    for (const f of fixtures) {
      for (const e of f.expected) {
        const [place, severity] = e.split(' ');
        const shown = `${path.join(f.root, place!).split(path.sep).join('/')}  ${severity}  `;
        expect(r.stdout, `${f.name}: ${e}`).toContain(shown);
      }
    }
    const total = fixtures.reduce((n, f) => n + f.expected.length, 0);
    const summary = /(\d+) errors?(?:, (\d+) warnings?)? in \d+ files?\.\s*$/.exec(r.stdout);
    expect(Number(summary?.[1] ?? 0) + Number(summary?.[2] ?? 0)).toBe(total);
  }, 60_000);

  test('--format json for the whole corpus in one call: objects with exactly the documented keys, and expected.txt again', async () => {
    const r = await runCli(['validate', '--format', 'json', ...fixtures.map((f) => f.module)]);
    clean(r, 'corpus');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const parsed: unknown = JSON.parse(r.stdout);
    expect(Array.isArray(parsed)).toBe(true);
    const list = parsed as Array<Record<string, unknown>>;
    for (const d of list) {
      expect(d !== null && typeof d === 'object' && !Array.isArray(d)).toBe(true);
      expect(Object.keys(d).sort()).toEqual(KEYS);
      expect(typeof d.file).toBe('string');
      expect(typeof d.message).toBe('string');
      expect(['error', 'warning', 'info']).toContain(d.severity);
      expect(d.hint === null || typeof d.hint === 'string').toBe(true);
      for (const k of ['line', 'column', 'endLine', 'endColumn']) expect(Number.isInteger(d[k])).toBe(true);
    }
    for (const f of fixtures) {
      const mine = list.filter((d) => path.resolve(d.file as string).startsWith(f.module + path.sep));
      expect(mine.map((d) => line(d as unknown as Diagnostic, f.root)), f.name).toEqual(f.expected);
    }
    expect(list.length).toBe(fixtures.reduce((n, f) => n + f.expected.length, 0));
  }, 60_000);
});

function fixtureNames(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [CLI, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Runs `fn` over `items` with as many at once as there are CPUs, keeping the order of results. */
async function pool<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, Math.min(8, availableParallelism())) }, worker));
  return out;
}
