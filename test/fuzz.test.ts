/**
 * Property-based fuzzing of load + validate: the files of `upstream new demo`, mutated at random
 * (bytes flipped, truncated, lines deleted or repeated, random YAML values under real keys, random
 * Unicode, deep nesting, random directives and links, whole files replaced or removed), must never
 * make the loader or validator throw, and every diagnostic must be well formed and point inside
 * the module. Seeded, so a failure reproduces; fast-check prints the seed and path to replay it.
 *
 * Runs: 5 properties of NUM_RUNS = 300 runs each (the hostile one a third of that): 1,300 module
 * loads from about 2,000 mutated files, 20–60 s. UPSTREAM_FUZZ_RUNS=5000 makes a long soak;
 * FUZZ_SLOW=1 logs every run slower than 300 ms (how the Markdown nesting limits were found).
 */
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse as parseYamlText, stringify as stringifyYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { load, scaffold, validate, type Diagnostic } from '../src/index.js';

const SEED = 20240611;
const NUM_RUNS = Number(process.env.UPSTREAM_FUZZ_RUNS ?? 300);
const TIMEOUT = 120_000;

let root: string;
let dir: string;
let base: Map<string, Buffer>;
/** The scaffold's files (their names do not depend on where it is written). */
const FILES = [...scaffold('demo', path.join(tmpdir(), 'demo')).keys()];
const MD_FILES = FILES.filter((f) => f.endsWith('.md'));

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'upstream-fuzz-'));
  dir = path.join(root, 'demo');
  base = new Map([...scaffold('demo', dir)].map(([rel, text]) => [rel, Buffer.from(text)]));
  await writeAll(base);
  // The unmutated scaffold is clean: every diagnostic below comes from a mutation.
  expect(validate(await load(dir))).toEqual([]);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeAll(files: Map<string, Buffer>): Promise<void> {
  for (const [rel, bytes] of files) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), bytes);
  }
}

/** A change to one file's bytes; `null` deletes the file. */
type Mutation = { file: string; apply: (bytes: Buffer) => Buffer | null; label: string };

/** Shows a mutation as `label in file` in fast-check's failure report, not as its source code. */
function shown(m: Mutation): Mutation {
  return Object.assign(m, { [fc.toStringMethod]: () => `${m.label} in ${m.file}` });
}

/**
 * Writes the mutated files, runs load + validate, checks every diagnostic, and puts the scaffold
 * back (only the files that changed, to keep runs fast).
 */
async function check(mutations: Mutation[]): Promise<void> {
  const changed = new Map<string, Buffer | null>();
  for (const m of mutations) {
    const before = changed.has(m.file) ? changed.get(m.file)! : base.get(m.file)!;
    changed.set(m.file, before === null ? null : m.apply(before));
  }
  try {
    for (const [rel, bytes] of changed) {
      if (bytes === null) await unlink(path.join(dir, rel));
      else await writeFile(path.join(dir, rel), bytes);
    }
    let diagnostics: Diagnostic[];
    const t0 = performance.now();
    try {
      diagnostics = validate(await load(dir));
      const ms = performance.now() - t0;
      if (process.env.FUZZ_SLOW && ms > 300) console.log(`SLOW ${ms.toFixed(0)}ms: ${mutations.map((m) => `${m.label} in ${m.file}`).join(' | ')}`);
    } catch (error) {
      throw new Error(`load + validate threw after ${mutations.map((m) => `${m.label} ${m.file}`).join(', ')}: ${(error as Error).stack}`);
    }
    for (const d of diagnostics) wellFormed(d, changed);
  } finally {
    for (const rel of changed.keys()) await writeFile(path.join(dir, rel), base.get(rel)!);
  }
}

const SEVERITIES = new Set(['error', 'warning', 'info']);

function wellFormed(d: Diagnostic, changed: Map<string, Buffer | null>): void {
  const where = JSON.stringify(d);
  expect(typeof d.file, where).toBe('string');
  expect(d.file.startsWith(`${dir}/`), `${where} is inside the module`).toBe(true);
  for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) {
    expect(Number.isInteger(d[k]) && d[k] >= 1, `${where}: ${k} is an integer ≥ 1`).toBe(true);
  }
  expect(d.endLine, `${where}: endLine ≥ line`).toBeGreaterThanOrEqual(d.line);
  if (d.endLine === d.line) expect(d.endColumn, `${where}: endColumn ≥ column`).toBeGreaterThanOrEqual(d.column);
  expect(SEVERITIES.has(d.severity), where).toBe(true);
  expect(typeof d.ruleId === 'string' && d.ruleId.length > 0, where).toBe(true);
  expect(typeof d.message === 'string' && d.message.trim().length > 0, where).toBe(true);
  if (d.hint !== undefined) expect(typeof d.hint === 'string' && d.hint.trim().length > 0, where).toBe(true);
  // A rule that throws is caught and reported as `internal`: for the fuzzer that is a crash.
  expect(d.ruleId, `${where}: a check crashed`).not.toBe('internal');
  // The place is inside the file's text (a line past the end would show no code frame).
  const rel = d.file.slice(dir.length + 1);
  const bytes = changed.has(rel) ? changed.get(rel) : base.get(rel);
  if (bytes) {
    const lines = bytes.toString('utf8').split('\n').length;
    expect(d.line, `${where}: line within the file's ${lines} lines`).toBeLessThanOrEqual(lines);
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const anyFile = () => fc.constantFrom(...FILES);
const mdFile = () => fc.constantFrom(...MD_FILES);

/** A position in a file, as a fraction of its length (files differ in size). */
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const at = (bytes: Buffer, f: number) => Math.floor(f * (bytes.length + 1));

const lines = (b: Buffer) => b.toString('utf8').split('\n');
const joinLines = (ls: string[]) => Buffer.from(ls.join('\n'));

/** Random Unicode: any code point (lone surrogates included), or characters that mean something in YAML or Markdown. */
const unicode = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('\u0000', '\ufeff', '\u202e', '\r', '\r\n', '\t', '\u2028', '\u0085', '\ud800', '\udfff', '💥', 'é', 'e\u0301', ':', ': ', '#', '&', '*', '!', '|', '>', '-', '- ', '---', '...', '"', "'", '`', '[', ']', '{', '}', '%', '@', '\\', ':::', '::', '[@', '](', '<script>'),
);

/** YAML values worth putting under a real key: odd scalars, wrong types, anchors, tags, nesting. */
const yamlValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('', '~', 'null', 'true', 'no', 'yes', '0x1F', '1e400', '-.inf', '.nan', '2024-01-01', '[]', '{}', '[[]]', '{a: }',
    '&a x', '*a', '*undefined', '&a [*a]', '!!binary aGVsbG8=', '!!str', '!custom x', '!!map {}', '|', '>-', '"', "'", '"\\u0000"', '"\\x"',
    '? complex', '- item', '[a, b', '{a: 1', 'a: b: c', '@x', '`x`', '%YAML 1.2', '<<: *a', '-1', '0', '6001', '99999999999999999999'),
  fc.integer({ min: 1, max: 3000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 1, max: 3000 }).map((n) => '{a: '.repeat(n) + '1' + '}'.repeat(n)),
);

const byteFlips: fc.Arbitrary<Mutation> = fc.record({
  file: anyFile(),
  flips: fc.array(fc.tuple(fraction, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
}).map(({ file, flips }): Mutation => ({
  file, label: 'flip bytes',
  apply: (b) => {
    const out = Buffer.from(b);
    for (const [f, v] of flips) if (out.length > 0) out[Math.min(out.length - 1, at(out, f))] = v;
    return out;
  },
})).map(shown);

const truncation: fc.Arbitrary<Mutation> = fc.record({ file: anyFile(), f: fraction })
  .map(({ file, f }): Mutation => ({ file, label: 'truncate', apply: (b) => b.subarray(0, at(b, f)) })).map(shown);

const lineEdit: fc.Arbitrary<Mutation> = fc.record({
  file: anyFile(),
  op: fc.constantFrom('delete', 'duplicate', 'swap', 'indent', 'dedent'),
  f: fraction,
  g: fraction,
  count: fc.integer({ min: 1, max: 5 }),
}).map(({ file, op, f, g, count }): Mutation => ({
  file, label: `${op} lines`,
  apply: (b) => {
    const ls = lines(b);
    const i = Math.floor(f * ls.length);
    const j = Math.floor(g * ls.length);
    if (op === 'delete') ls.splice(i, count);
    else if (op === 'duplicate') ls.splice(i, 0, ...ls.slice(i, i + count));
    else if (op === 'swap') [ls[i], ls[j]] = [ls[j]!, ls[i]!];
    else if (op === 'indent') for (let k = i; k < Math.min(ls.length, i + count); k++) ls[k] = ` ${ls[k]}`;
    else for (let k = i; k < Math.min(ls.length, i + count); k++) ls[k] = ls[k]!.replace(/^ /, '');
    return joinLines(ls);
  },
})).map(shown);

/** Replaces the value of a random `key:` line (in YAML files and session front matter). */
const valueEdit: fc.Arbitrary<Mutation> = fc.record({ file: anyFile(), f: fraction, value: yamlValue })
  .map(({ file, f, value }): Mutation => ({
    file, label: `set a key to ${JSON.stringify(value).slice(0, 40)}`,
    apply: (b) => {
      const ls = lines(b);
      const keyed = ls.flatMap((l, i) => (/^\s*(- )?[A-Za-z][\w-]*:/.test(l) ? [i] : []));
      if (keyed.length === 0) return b;
      const i = keyed[Math.floor(f * keyed.length)]!;
      ls[i] = ls[i]!.replace(/^(\s*(?:- )?[A-Za-z][\w-]*:).*$/, (_m, k: string) => `${k} ${value}`);
      return joinLines(ls);
    },
  })).map(shown);

const insertText: fc.Arbitrary<Mutation> = fc.record({ file: anyFile(), f: fraction, text: unicode })
  .map(({ file, f, text }): Mutation => ({
    file, label: `insert ${JSON.stringify(text).slice(0, 30)}`,
    apply: (b) => {
      const i = at(b, f);
      return Buffer.concat([b.subarray(0, i), Buffer.from(text), b.subarray(i)]);
    },
  })).map(shown);

/** Deep nesting of every kind, 100 to 10,000 levels, at a random place. */
const deepNesting: fc.Arbitrary<Mutation> = fc.record({
  file: anyFile(),
  f: fraction,
  depth: fc.oneof(fc.integer({ min: 100, max: 1000 }), fc.constant(10_000)),
  kind: fc.constantFrom('[', '{', '- ', '> ', '  ', ':::', '* ', '[a](', '![x](', '&a [*a, '),
}).map(({ file, f, depth, kind }): Mutation => ({
  file, label: `nest ${JSON.stringify(kind)} ×${depth}`,
  apply: (b) => {
    const i = at(b, f);
    const text = kind === ':::' ? Array.from({ length: Math.min(depth, 2000) }, (_, k) => `${':'.repeat(3 + (depth - k) % 50)}note\n`).join('')
      : kind === '  ' ? Array.from({ length: Math.min(depth, 1000) }, (_, k) => `${'  '.repeat(k)}k${k}:\n`).join('')
        : `${kind.repeat(depth)}x\n`;
    return Buffer.concat([b.subarray(0, i), Buffer.from(text), b.subarray(i)]);
  },
})).map(shown);

/** Markdown and directive snippets that reach the rules (links, images, citations, segments). */
const markdownSnippet: fc.Arbitrary<Mutation> = fc.record({
  file: mdFile(),
  f: fraction,
  snippet: fc.oneof(
    fc.tuple(fc.constantFrom('[a](', '![alt](', '![](', '[x]: '), fc.oneof(unicode, fc.constantFrom('../../x.md', '/etc/passwd', 'C:\\x', 'javascript:alert(1)', 'data:image/png;base64,AA', '%E0%A4%A', '#top', 'assets/../../x', '\\\\server\\share', 'https://example.org/x.png', '')), fc.constant(')'))
      .map(([a, b, c]) => `\n${a}${b}${c}\n`),
    fc.tuple(fc.constantFrom(':::segment', '::::segment', ':::facilitator', ':::note', '::assessment', ':::bogus', ':x', '::'),
      fc.oneof(fc.constant(''), fc.string({ maxLength: 30 }).map((s) => `{${s}}`), fc.constantFrom('{minutes=}', '{minutes=-1}', '{minutes=1e9}', '{minutes=99999999999999999999}', '{id=}', '{id=check}', '{method=IM999}', '{minutes=5 minutes=6}', '{#x .y}')))
      .map(([d, a]) => `\n${d}${a}\n`),
    fc.string({ maxLength: 30 }).map((s) => `[@${s}]`),
    fc.constantFrom('\n:::\n', '\n::::\n', '\n<div>x</div>\n', '\n<!-- x -->\n', '\n```\n', '\n---\n', '\n---\nid: x\n---\n', '| a | b |\n|---|---|\n| 1 | 2 |\n'),
  ),
}).map(({ file, f, snippet }): Mutation => ({
  file, label: `insert ${JSON.stringify(snippet).slice(0, 40)}`,
  apply: (b) => {
    const i = at(b, f);
    return Buffer.concat([b.subarray(0, i), Buffer.from(snippet), b.subarray(i)]);
  },
})).map(shown);

const replaceOrDelete: fc.Arbitrary<Mutation> = fc.record({
  file: anyFile(),
  what: fc.oneof(
    fc.constant(null),
    fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
    fc.string({ unit: 'binary', maxLength: 200 }).map((s) => Buffer.from(s)),
    fc.constantFrom('', '\n', '\ufeff', '---', '---\n---\n', '~', '[]', '"x"', '42', '- a\n- b', '{}', '\u0000'),
  ),
}).map(({ file, what }): Mutation => ({
  file, label: what === null ? 'delete' : 'replace with random content',
  apply: () => (what === null ? null : typeof what === 'string' ? Buffer.from(what) : what),
})).map(shown);

/**
 * Structured mutation: parse a YAML file (or a session's front matter), set a random path to a
 * random JSON value, write it back. Keeps the YAML valid so the schema and rules see odd data.
 */
const structuredEdit: fc.Arbitrary<Mutation> = fc.record({
  file: anyFile(),
  steps: fc.array(fraction, { minLength: 1, maxLength: 4 }),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('', 'understand the river', 'Know', 'IM999', 'AM015', 'pcrs:c9999', 'epa:EPA0', 'x:y', 'river', 'check', 'action-plan',
      '../x', '/abs', 0, -1, 1e9, 6001, true, null, [], {}, ['river', 'river'], { min: 12, max: 4 }),
  ),
  remove: fc.boolean(),
}).map(({ file, steps, value, remove }): Mutation => ({
  file, label: `${remove ? 'remove' : 'set'} a value (${JSON.stringify(value)?.slice(0, 30)})`,
  apply: (b) => {
    const text = b.toString('utf8');
    const md = file.endsWith('.md');
    const m = md ? /^---\n([\s\S]*?)\n---\n/.exec(text) : null;
    const yamlText = md ? m?.[1] : text;
    if (yamlText === undefined) return b;
    let data: unknown;
    try {
      data = parseYamlText(yamlText);
    } catch {
      return b; // an earlier mutation broke the YAML: nothing structured to edit
    }
    if (data === null || typeof data !== 'object') return b;
    let node = data as Record<string, unknown> | unknown[];
    for (let k = 0; k < steps.length; k++) {
      const keys: Array<string | number> = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[Math.floor(steps[k]! * keys.length)]!;
      const child = (node as Record<string | number, unknown>)[key];
      if (k === steps.length - 1 || child === null || typeof child !== 'object') {
        if (remove && !Array.isArray(node)) delete (node as Record<string, unknown>)[key as string];
        else if (remove) (node as unknown[]).splice(key as number, 1);
        else (node as Record<string | number, unknown>)[key] = value;
        break;
      }
      node = child as Record<string, unknown> | unknown[];
    }
    const out = stringifyYaml(data);
    return Buffer.from(md ? `---\n${out}---\n${text.slice(m![0].length)}` : out);
  },
})).map(shown);

const anyMutation = fc.oneof(byteFlips, truncation, lineEdit, valueEdit, insertText, deepNesting, markdownSnippet, replaceOrDelete, structuredEdit);

// ---------------------------------------------------------------------------------------------

describe('fuzzing load + validate (fast-check, seed ' + SEED + ')', () => {
  const params = (offset: number, runs = NUM_RUNS) => ({ seed: SEED + offset, numRuns: runs, endOnFailure: true });

  test('text mutations: byte flips, truncation, line edits, random Unicode', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(byteFlips, truncation, lineEdit, insertText), (m) => check([m])), params(1));
  }, TIMEOUT);

  test('YAML mutations: random values under real keys, and structured edits that keep the YAML valid', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(valueEdit, structuredEdit), (m) => check([m])), params(2));
  }, TIMEOUT);

  test('hostile input: deep nesting of every kind, whole files replaced by random bytes or deleted', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(deepNesting, replaceOrDelete), (m) => check([m])), params(3, Math.ceil(NUM_RUNS / 3)));
  }, TIMEOUT);

  test('Markdown mutations: links, images, citations, directives, raw HTML', async () => {
    await fc.assert(fc.asyncProperty(markdownSnippet, (m) => check([m])), params(4));
  }, TIMEOUT);

  test('several mutations at once, across files', async () => {
    await fc.assert(fc.asyncProperty(fc.array(anyMutation, { minLength: 2, maxLength: 5 }), (ms) => check(ms)), params(5));
  }, TIMEOUT);
});
