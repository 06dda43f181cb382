import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect, test } from 'vitest';
import { build } from '../../src/index.js';

const schema = (name: string) => JSON.parse(readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8')) as object;

test('every shipped module\'s <id>.json matches the published schemas/module-model.schema.json', async () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
  for (const name of ['common', 'module', 'session', 'assessment', 'rubric']) ajv.addSchema(schema(name));
  const validate = ajv.compile(schema('module-model'));
  const { modules } = await build(['modules'], { targets: ['json'] });
  expect(modules.length).toBe(7);
  for (const m of modules) {
    const doc = JSON.parse(new TextDecoder().decode(m.files.get(`${m.id}.json`)!));
    const ok = validate(doc);
    expect(validate.errors ?? [], m.id).toEqual([]);
    expect(ok).toBe(true);
  }
});
