/**
 * The validators `npm run compile` precompiles (ajv standalone code, scripts/compile-schemas.mjs)
 * report exactly what the run-time compiled ones do, verbose fields (schema, parentSchema, data)
 * included, for every fixture and every shipped module: diagnostics are built from those fields.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { load } from '../src/load/load-module.js';
import { compileValidators, type SchemaKind } from '../src/validate/schema.js';
// @ts-expect-error: a plain .mjs build script, no type declarations
import { generate, schemasHash } from '../scripts/compile-schemas.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
// Inside the repository, so the generated file's require('ajv/...') resolves to node_modules.
const dir = path.join(ROOT, 'dist', 'test-schemas', String(process.pid));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('precompiled validators give the same errors as run-time compiled ones', async () => {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'schemas.generated.cjs');
  writeFileSync(file, (generate as () => string)());
  const gen = createRequire(import.meta.url)(file) as Record<SchemaKind, (d: unknown) => boolean> & Record<SchemaKind, { errors?: unknown }> & { schemasHash: string };
  expect(gen.schemasHash).toBe((schemasHash as () => string)());
  const runtime = compileValidators();
  const folders = [
    ...readdirSync(path.join(ROOT, 'test', 'fixtures'), { withFileTypes: true }).filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(path.join(ROOT, 'test', 'fixtures', d.name), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(ROOT, 'test', 'fixtures', d.name, e.name))),
    ...readdirSync(path.join(ROOT, 'modules')).map((m) => path.join(ROOT, 'modules', m)),
  ];
  let compared = 0, failing = 0;
  for (const folder of folders) {
    const mod = await load(folder);
    const docs: Array<[SchemaKind, unknown]> = [
      ...(mod.module ? [['module', mod.module.data] as [SchemaKind, unknown]] : []),
      ...mod.sessions.map((s) => ['session', s.data] as [SchemaKind, unknown]),
      ...mod.assessments.map((s) => ['assessment', s.data] as [SchemaKind, unknown]),
      ...mod.rubrics.map((s) => ['rubric', s.data] as [SchemaKind, unknown]),
    ];
    for (const [kind, data] of docs) {
      let a: unknown, b: unknown;
      try { a = [runtime[kind](data), runtime[kind].errors]; } catch (e) { a = String(e); }
      try { b = [gen[kind](data), gen[kind].errors]; } catch (e) { b = String(e); }
      expect(b, `${folder} ${kind}`).toEqual(a);
      compared += 1;
      if (Array.isArray(a) && a[0] === false) failing += 1;
    }
  }
  expect(compared).toBeGreaterThan(100);
  expect(failing).toBeGreaterThan(10);
}, 60_000);
