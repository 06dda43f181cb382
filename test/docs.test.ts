import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
// Generated from the compiled library; `npm test` compiles first.
import { formatDoc, rulesDoc } from '../scripts/docs.mjs';

test('docs/rules.md is generated from the rules as they are (run `npm run docs`)', () => {
  expect(readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8')).toBe(rulesDoc());
});

test('the complete example in docs/format.md is what `upstream new` writes (run `npm run docs`)', () => {
  expect(readFileSync(new URL('../docs/format.md', import.meta.url), 'utf8')).toBe(formatDoc());
});
