import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { scaffoldModule } from '../helpers.js';
import { launchChromium } from './chromium.js';
import { axe, writeBuilt } from './pages.js';

const extraItems = `  - id: pick-upstream
    type: multiple-response
    objectives: [identify-causes]
    prompt: Which of these are upstream causes? Select all that apply.
    choices:
      - { id: a, text: Unsafe housing, correct: true, feedback: Yes - housing shapes health. }
      - { id: b, text: Low wages, correct: true, feedback: Yes - income shapes health. }
      - { id: c, text: A sprained ankle, feedback: No - that is the downstream injury. }
    feedback: { correct: All upstream causes found., incorrect: Look for conditions that come before illness. }
  - id: name-parable
    type: short-answer
    objectives: [explain-parable]
    prompt: What is the name of the parable (one word)?
    accept: [river, "the river"]
    feedback: It is the river parable.
`;

let browser: Browser;
let page: Page;
let out: string;
let cleanup: () => Promise<void>;
let session: string;

beforeAll(async () => {
  const made = await scaffoldModule({ 'assessments/check.yaml': (t) => t + extraItems });
  cleanup = made.cleanup;
  const { modules } = await build([made.dir], { targets: ['html'] });
  expect(modules[0]!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  out = await writeBuilt([{ id: 'demo', files: modules[0]!.files, model: modules[0]!.model! }]);
  session = pathToFileURL(path.join(out, 'demo/site/session-river.html')).href;
  browser = await launchChromium();
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await cleanup?.();
  if (out) await rm(out, { recursive: true, force: true });
});

/** Elements matching `sel` that are rendered (not hidden, not inside something hidden). */
const shown = (sel: string) => page.evaluate((q) => [...document.querySelectorAll(q)].filter((e) => e.getClientRects().length > 0).map((e) => e.textContent ?? ''), sel);

describe('quiz on the learner site', () => {
  it('can be answered and checked with the keyboard alone, with visible focus and feedback after answering', async () => {
    await page.goto(session);
    expect(await shown('.choice-feedback, .feedback[data-when], .result')).toEqual([]);
    // Tab to the first answer of question 1.
    await page.locator('#q-check-parable-point-a').focus();
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#q-check-parable-point-a')).toBe(true);
    // Tab into the true/false group and pick False (wrong) with the arrow keys.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked('#q-check-upstream-cause-false')).toBe(true);
    // Multiple response: tick a and c (c is wrong).
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#q-check-pick-upstream-c')).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('  The River ');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check answers');
    await page.keyboard.press('Enter');
    const results = await page.locator('fieldset.item .result').allTextContents();
    expect(results).toEqual(['Correct.', 'Not quite.', 'Not quite.', 'Correct.']);
    expect(await page.textContent('form.quiz .score')).toContain('You answered 2 of 4 questions correctly (2 of 4 points).');
    expect(await page.getAttribute('form.quiz .score', 'role')).toBe('status');
    expect((await shown('#q-check-parable-point-a-feedback'))[0]).toContain('Upstream is where the causes are');
    expect((await shown('#q-check-pick-upstream-c-feedback'))[0]).toContain('downstream injury');
    expect(await shown('#q-check-pick-upstream-b-feedback')).toEqual([]);
    expect(await shown('#q-check-pick-upstream .feedback')).toEqual([expect.stringContaining('Look for conditions')]);
    expect(await axe(page), 'axe with feedback showing').toEqual([]);
    // Start again clears answers and feedback.
    await page.click('button[type=reset]');
    expect(await shown('.choice-feedback, .feedback[data-when], .result')).toEqual([]);
    expect(await page.textContent('form.quiz .score')).toBe('');
  });

  it('keeps reflections in this browser only, says so, and clears them on request', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(session);
    expect(await page.textContent('.assessment-reflection')).toContain('kept only in this browser');
    const box = page.locator('.reflection textarea').first();
    await box.fill('Pulled people out all week.');
    await page.waitForFunction(() => document.querySelector('.reflection .save-status')?.textContent?.includes('Saved'));
    await page.reload();
    expect(await box.inputValue()).toBe('Pulled people out all week.');
    await page.click('.reflection button[data-clear]');
    await page.reload();
    expect(await box.inputValue()).toBe('');
    page.removeAllListeners('request');
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  });
});
