import fc from 'fast-check';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { expect, test } from 'vitest';
import { build } from '../../src/index.js';
import { renderInline, renderMarkdown } from '../../src/render/markdown.js';

// The oracle: plain remark, parse + compile, as renderInline's full path does.
const oracle = (s: string) => String(unified().use(remarkParse).use(remarkHtml).processSync(s));
const opts = { audience: 'learner' as const };

test('the plain-text fast path of renderInline gives what Markdown would (random text)', () => {
  const alphabet = fc.constantFrom(...'aZ09 ,.;:?!\'’‘“”"()/%–—-*_[]<>&`#\n\\~|'.split(''));
  fc.assert(fc.property(fc.string({ unit: alphabet, minLength: 1, maxLength: 40 }), (s) => {
    expect(renderInline(s, opts)).toBe(oracle(s));
  }), { numRuns: 3000, seed: 7 });
});

test('the fast path agrees with Markdown on every prompt, choice and feedback of the shipped modules', async () => {
  const { modules } = await build(['modules'], { targets: ['json'] });
  let count = 0;
  for (const m of modules) {
    for (const a of m.model!.assessments) {
      const texts = [a.instructions, ...(a.items ?? []).flatMap((i) => [i.prompt, ...(i.choices ?? []).flatMap((c) => [c.text, c.feedback]),
        ...(typeof i.feedback === 'string' ? [i.feedback] : i.feedback ? [i.feedback.correct, i.feedback.incorrect] : [])])];
      for (const t of texts) {
        if (t === undefined) continue;
        count++;
        expect(renderInline(t, opts), t).toBe(oracle(t));
      }
    }
  }
  expect(count).toBeGreaterThan(300);
});

test('renderMarkdown leaves the loaded tree as it was', async () => {
  const { modules } = await build(['modules/burnout-origins'], { targets: ['json'] });
  const tree = modules[0]!.model!.sessions[0]!.tree;
  const before = JSON.stringify(tree);
  renderMarkdown(tree, { audience: 'learner', rewriteUrl: (u) => `x/${u}`, references: ['freudenberger-1974'] });
  renderMarkdown(tree, { audience: 'facilitator' });
  expect(JSON.stringify(tree)).toBe(before);
});
