/** The benchmark's synthetic corpus (bench/corpus.ts) is deterministic and validates clean. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { moduleFiles, writeCorpus } from '../bench/corpus.js';
import { check } from '../src/index.js';

const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, abs), (await readFile(abs)).toString('base64'));
  }
  return out;
}

test('the same seed writes the same bytes, and module i does not depend on N', async () => {
  const a = await mkdtemp(path.join(tmpdir(), 'bench-corpus-a-'));
  const b = await mkdtemp(path.join(tmpdir(), 'bench-corpus-b-'));
  temps.push(a, b);
  await writeCorpus(a, 3);
  await writeCorpus(b, 3);
  const sa = await snapshot(a);
  expect(sa.size).toBe(3 * 10);
  expect(await snapshot(b)).toEqual(sa);
  expect(moduleFiles(1)).toEqual(moduleFiles(1));
  expect(moduleFiles(1, 7)).not.toEqual(moduleFiles(1));
  expect(moduleFiles(0).get('module.yaml')).not.toBe(moduleFiles(1).get('module.yaml'));
});

test('every generated module validates with no errors or warnings, at the promised size', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-corpus-'));
  temps.push(dir);
  await writeCorpus(dir, 3);
  const { reports, diagnostics } = await check([dir]);
  expect(reports).toHaveLength(3);
  expect(diagnostics).toEqual([]);
  for (const r of reports) {
    expect(r.module.sessions).toHaveLength(5);
    for (const s of r.module.sessions) expect(s.body.text.length).toBeGreaterThan(2500);
  }
});
