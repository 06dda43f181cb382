import { describe, expect, test } from 'vitest';
import { rules } from '../src/index.js';
import { runExample, scaffoldModule } from './helpers.js';
import { load, validate } from '../src/index.js';

describe('every rule', () => {
  test.each(rules.map((r) => [r.id, r] as const))('%s has docs and at least one example', (_id, rule) => {
    expect(rule.docs.length).toBeGreaterThan(80);
    expect(rule.examples.length).toBeGreaterThan(0);
  });
});

describe('rule examples (the same ones docs/rules.md shows)', () => {
  const cases = rules.flatMap((r) => r.examples.map((ex) => [`${r.id}: ${ex.title}`, r.id, ex] as const));
  test.each(cases)('%s', async (_name, ruleId, example) => {
    const { got } = await runExample(example);
    expect(got).toEqual(example.expect);
    expect(got.some((g) => g.endsWith(` ${ruleId}`))).toBe(true);
  });
});

test('the scaffold validates with no diagnostics at all', async () => {
  const { dir, cleanup } = await scaffoldModule();
  try {
    expect(validate(await load(dir))).toEqual([]);
  } finally {
    await cleanup();
  }
});
