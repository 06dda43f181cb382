import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatPretty, type Diagnostic } from '../src/index.js';

const CLI = path.resolve('dist/lib/cli.js');
const run = async (args: string[], cwd: string, env: Record<string, string> = {}) => {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [CLI, ...args], { cwd, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), 'upstream-cli-'));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('upstream new + validate', () => {
  test('a new module validates clean, exit 0', async () => {
    const made = await run(['new', 'demo'], cwd);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('modules/demo');
    const checked = await run(['validate', 'modules/demo'], cwd);
    expect(checked.stdout).toContain('No problems found.');
    expect(checked.code).toBe(0);
  });

  test('every YAML file points the editor at the schemas, and the schemas are there', async () => {
    for (const [file, schema] of [['module.yaml', 'module'], ['rubrics/action-plan.yaml', 'rubric'], ['assessments/check.yaml', 'assessment']]) {
      const text = await readFile(path.join(cwd, 'modules/demo', file!), 'utf8');
      const ref = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1];
      expect(ref).toBeDefined();
      const target = path.resolve(path.dirname(path.join(cwd, 'modules/demo', file!)), ref!);
      expect(target).toBe(path.resolve(`schemas/${schema}.schema.json`));
    }
  });

  test('a broken module: exit 1, every problem, json output parses', async () => {
    await run(['new', 'broken'], cwd);
    const yaml = path.join(cwd, 'modules/broken/module.yaml');
    const text = await readFile(yaml, 'utf8');
    await writeFile(yaml, text.replace('text: Explain how', 'text: Understand how').replace('duration: 60', 'duration: 61'));
    const pretty = await run(['validate', 'modules/broken'], cwd);
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toMatch(/modules\/broken\/module\.yaml:21:11 {2}error {2}"understand" is not measurable/);
    expect(pretty.stdout).toContain('fix:');
    expect(pretty.stdout).toContain('> 21 |');
    expect(pretty.stdout).toContain('2 errors in 1 file.');
    const json = await run(['validate', 'modules/broken', '--format', 'json'], cwd);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(parsed.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual(['11:11 timing', '21:11 objective-verb']);
    for (const d of parsed) {
      expect(Object.keys(d)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message', 'hint']);
    }
    const sarif = JSON.parse((await run(['validate', 'modules/broken', '--format', 'sarif'], cwd)).stdout);
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results as Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }>;
    expect(results.map((r) => `${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine} ${r.level} ${r.ruleId}`))
      .toEqual(['modules/broken/module.yaml:11 error timing', 'modules/broken/module.yaml:21 error objective-verb']);
    for (const r of results) expect(sarif.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    const github = await run(['validate', 'modules/broken', '--format', 'github'], cwd);
    expect(github.stdout.split('\n')[0]).toMatch(/^::error file=modules\/broken\/module\.yaml,line=11,col=11,endLine=11,endColumn=\d+,title=timing::The module lasts 61 minutes/);
  });

  test('warnings pass unless --strict', async () => {
    await run(['new', 'warned'], cwd);
    const yaml = path.join(cwd, 'modules/warned/module.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace('id: warned', 'id: warned-x'));
    expect((await run(['validate', 'modules/warned'], cwd)).code).toBe(0);
    expect((await run(['validate', 'modules/warned', '--strict'], cwd)).code).toBe(1);
  });

  test('--release refuses empty support contacts', async () => {
    const r = await run(['validate', 'modules/demo', '--release'], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('has no contact, and this build is for learners');
  });
});

describe('usage', () => {
  test.each([['validate'], ['new'], ['build'], ['inspect'], ['preview'], []])('%s --help and --version', async (...cmd) => {
    const help = await run([...cmd, '--help'], cwd);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: upstream/);
    const version = await run([...cmd, '--version'], cwd);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  test.each([
    [['frobnicate'], 'unknown command'],
    [['validate', '--colour'], 'Unknown option'],
    [['validate', '--format', 'xml'], 'unknown format'],
    [['new'], 'give one module id'],
    [['new', 'Bad_Id'], 'is not a valid module id'],
    [['new', 'demo'], 'already exists'],
  ])('%j is a usage error: exit 2 with a message and no stack', async (args, message) => {
    const r = await run(args, cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  test('a path that does not exist is reported, exit 1', async () => {
    const r = await run(['validate', 'modules/nope'], cwd);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Nothing exists at this path.');
  });
});

describe('the pretty formatter', () => {
  const d: Diagnostic = { file: 'm.yaml', line: 2, column: 3, endLine: 2, endColumn: 6, severity: 'error', ruleId: 'x', message: 'Bad.', hint: 'Fix it.' };
  test('colours only when asked (the CLI asks only on a TTY without NO_COLOR)', () => {
    expect(formatPretty([d], { color: true })).toContain('\u001b[31merror');
    expect(formatPretty([d], { color: false })).not.toContain('\u001b[');
  });
  test('code frame marks the span', () => {
    const out = formatPretty([d], { getText: () => 'a: 1\nb: foo\nc: 3\n' });
    expect(out).toContain('> 2 | b: foo\n        |   ^^^');
  });
});
