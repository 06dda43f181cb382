import { readdir, rm, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../../src/load/load-module.js';
import { normalize } from '../../src/model/normalize.js';
import { guideTarget } from '../../src/render/guide/target.js';
import { htmlTarget } from '../../src/render/site/target.js';
import { scaffoldModule } from '../helpers.js';
import { launchChromium } from './chromium.js';
import { writeBuilt } from './pages.js';

/** Payloads written into session Markdown. Each would run `alert` or log XSS if it got through. */
const MARKDOWN = [
  '<script>alert("xss-1")</script>',
  '<img src=x onerror=alert("xss-2")>',
  '<svg onload=alert("xss-3")>',
  '<svg><script>alert("xss-4")</script></svg>',
  '[click 5](javascript:alert("xss-5"))',
  '[click 6](JaVaScRiPt:alert("xss-6"))',
  '[click 7](&#106;avascript:alert("xss-7"))',
  '[click 8](java&#x09;script:alert("xss-8"))',
  '![alt 9](javascript:alert("xss-9"))',
  '![alt 10](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMTApIi8+)',
  '[click 11](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMSk8L3NjcmlwdD4=)',
  '<iframe src="javascript:alert(\'xss-12\')"></iframe>',
  '<a href="javascript:alert(\'xss-13\')">click 13</a>',
  '<details open ontoggle=alert("xss-14")><summary>x</summary></details>',
  '<body onload=alert("xss-15")>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("xss-16")></style></mglyph></table></mtext></math>',
  '<object data="javascript:alert(\'xss-17\')"></object>',
  '<embed src="data:text/html,<script>alert(18)</script>">',
  '<form action="javascript:alert(\'xss-19\')"><button>go 19</button></form>',
  '<input autofocus onfocus=alert("xss-20")>',
  '<style>@import "javascript:alert(21)"; body{background:url("javascript:alert(21)")}</style>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(22)">',
  '<base href="javascript:alert(23)//">',
  '[click 24][evil24]\n\n[evil24]: javascript:alert("xss-24")',
  '<javascript:alert("xss-25")>',
  '<noscript><p title="</noscript><img src=x onerror=alert(26)>"></noscript>',
  '<a href="#" onclick="alert(27)">click 27</a>',
  '<svg><animate onbegin=alert(28) attributeName=x dur=1s></svg>',
  '<template><script>alert(29)</script></template><x onpointerenter=alert(29)>hover</x>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(30)">click 30</a>',
  '[click 31](vbscript:msgbox(31))',
  '<div id="upstream" name="quizzes"><img name="getElementById" src=x></div>',
  '<img src="x" onerror="console.log(\'XSS-33\')">',
  '<svg><a xlink:href="javascript:alert(34)"><text x="0" y="20">click 34</text></a></svg>',
  '<iframe srcdoc="<script>parent.alert(35)</script>"></iframe>',
  '[click 36](  javascript:alert(36))',
  '<link rel="import" href="data:text/html,<script>alert(37)</script>">',
];

/** Payloads in directive attributes, front matter and YAML: every text a renderer escapes. */
const ATTR = '"><img src=x onerror=alert("xss-attr")>';
const edits = {
  'sessions/01-river.md': (t: string) => t
    .replace('title: The river parable', `title: "</title><script>alert('xss-fm-title')</script>"`)
    .replace('preparation: Read', `preparation: "<script>alert('xss-prep')</script> Read`).replace('in a circle.', 'in a circle."')
    .replace('  - Printed copies of the case, one per learner', `  - "<img src=x onerror=alert('xss-material')>"`)
    .replace('::::segment{minutes=10 method=IM013 title="Telling the parable"}', `::::segment{minutes=10 method=IM013 title="<img src=x onerror=alert('xss-seg')>" group='${ATTR}'}`)
    .replace('# The river parable\n', `# The river parable\n\n${MARKDOWN.join('\n\n')}\n\n:::note\n<script>alert('xss-note')</script>\n:::\n`)
    .replace('Tell the story in your own words.', `Tell the story. <img src=x onerror=alert('xss-fac')> [x](javascript:alert('xss-fac-link'))`),
  'module.yaml': (t: string) => t
    .replace('title: Upstream and Downstream in Ten Minutes', `title: "</title><script>alert('xss-title')</script>"`)
    .replace('audience: Third- and fourth-year medical students', `audience: '${ATTR}'`)
    .replace('language: en', 'language: \'en" onmouseover="alert(1)\'')
    .replace('  - This module discusses', `  - <iframe srcdoc="<script>alert('xss-note2')</script>"></iframe> This module discusses`)
    .replace('    text: Explain how the river parable', `    text: "<svg onload=alert('xss-obj')> Explain how the river parable`).replace('upstream prevention.', 'upstream prevention."')
    .replace('  - name: Your Name', `  - name: "<script>alert('xss-author')</script>"`)
    .replace('  - name: Student counselling service\n    contact: ""', `  - name: "<b onmouseover=alert('xss-support')>Counselling</b>"\n    contact: "javascript:alert('xss-contact')"`)
    .replace('    url: https://doi.org/10.1056/NEJMp1803771', `    url: "javascript:alert('xss-ref-url')"\n    note: "<img src=x onerror=alert('xss-ref-note')>"`)
    .replace('  learningSpace: This session', `  learningSpace: <script>alert('xss-safety')</script> This session`)
    .replace('    - Pause the activity calmly', `    - <img src=x onerror=alert('xss-protocol')> Pause the activity calmly`),
  'assessments/check.yaml': (t: string) => t
    .replace('title: Knowledge check', `title: "<script>alert('xss-quiz-title')</script>"`)
    .replace('    prompt: In the river parable, why does one friend walk upstream?', `    prompt: "<img src=x onerror=alert('xss-prompt')> [x](javascript:alert('xss-prompt-link')) Why upstream?"`)
    .replace('        text: To find out what is putting people in the river.', `        text: "<script>alert('xss-choice')</script>To find out"`)
    .replace('        feedback: Right. Upstream is where the causes are.', `        feedback: "<svg onload=alert('xss-choice-fb')>Right."`)
    .replace('    feedback: Housing is one', `    feedback: <details open ontoggle=alert('xss-item-fb')>Housing is one`)
    + `  - id: typed\n    type: short-answer\n    prompt: Type it\n    accept: ["\\"]</script><script>alert('xss-accept')</script>", "'><img src=x onerror=alert(1)>"]\n`,
  'rubrics/action-plan.yaml': (t: string) => t
    .replace('title: Action plan rubric', `title: "<script>alert('xss-rubric')</script>"`)
    .replace('  - { id: beginning, label: Beginning, points: 1 }', `  - { id: beginning, label: "<img src=x onerror=alert('xss-level')>", points: 1 }`)
    .replace('      beginning: Names a problem but not its cause.', `      beginning: "<svg onload=alert('xss-descriptor')>"`)
    .replace('  note: Enter the total', `  note: <script>alert('xss-gradebook')</script> Enter the total`),
  'assessments/action-plan.yaml': (t: string) => t.replace('instructions: >-', `instructions: >-\n  <img src=x onerror=alert('xss-instructions')> [x](javascript:alert(1))`),
};

let browser: Browser;
let page: Page;
let out: string;
let plain: string;
let pages: string[] = [];
let cleanup: () => Promise<void>;
const dialogs: string[] = [];
const markers: string[] = [];

beforeAll(async () => {
  const made = await scaffoldModule(edits, 'xss');
  cleanup = made.cleanup;
  // Rendered without validation: the renderers must be safe on their own, whatever the validator lets through.
  const model = normalize(await load(made.dir));
  const files = new Map([...(await htmlTarget.build(model, {})), ...(await guideTarget.build(model, { pdf: false }))]);
  out = await writeBuilt([{ id: 'xss', files, model }]);
  pages = ['index.html', 'xss/guide.html', ...(await readdir(path.join(out, 'xss/site'))).filter((f) => f.endsWith('.html')).map((f) => `xss/site/${f}`)];
  // The same pages without their CSP meta, to show that sanitizing alone stops every payload.
  plain = `${out}-nocsp`;
  const { cp } = await import('node:fs/promises');
  await cp(out, plain, { recursive: true });
  for (const p of pages) {
    const file = path.join(plain, p);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
  }
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/xss/i.test(m.text()) && !/Content Security Policy/i.test(m.text())) markers.push(m.text());
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await cleanup?.();
  if (out) await rm(out, { recursive: true, force: true });
  if (plain) await rm(plain, { recursive: true, force: true });
});

/** Everything on the page that could run script: handlers, script URLs, script-bearing elements. */
async function dangers(): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`${el.tagName} ${a.name}`);
        if (/^(href|src|action|formaction|xlink:href|data|srcdoc|poster|background)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value.replace(/[\u0000-\u001f]/g, ''))) found.push(`${el.tagName} ${a.name}=${a.value}`);
        if (a.name === 'srcdoc') found.push(`${el.tagName} srcdoc`);
      }
      if (/^(IFRAME|OBJECT|EMBED|BASE|FRAME|TEMPLATE|SVG|MATH|FORM)$/i.test(el.tagName) && !el.matches('form.quiz')) found.push(el.tagName);
      if (el.tagName === 'SCRIPT' && !/upstream\.js$/.test((el as HTMLScriptElement).src)) found.push('SCRIPT inline');
      if (el.tagName === 'META' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) found.push('META refresh');
      if (el.tagName === 'STYLE' && el.closest('body')) found.push('STYLE in body');
    }
    return found;
  });
}

async function exercise(root: string) {
  const report: Record<string, string[]> = {};
  for (const p of pages) {
    await page.goto(pathToFileURL(path.join(root, p)).href);
    // Give handlers their chance: hover and focus everything, click every link that stays on the page.
    for (const el of await page.locator('main a, main x, main b, main details, main input').all()) {
      await el.hover({ timeout: 200 }).catch(() => undefined);
      await el.focus().catch(() => undefined);
    }
    await page.waitForTimeout(50);
    const d = await dangers();
    if (d.length > 0) report[p] = d;
  }
  return report;
}

describe('rendering safety: ≥30 XSS payloads in Markdown and YAML, loaded in Chromium', () => {
  it(`uses ${MARKDOWN.length} Markdown payloads and every YAML field`, () => {
    expect(MARKDOWN.length).toBeGreaterThanOrEqual(30);
  });

  it('runs nothing, with the CSP', async () => {
    const report = await exercise(out);
    expect(report).toEqual({});
    expect(dialogs).toEqual([]);
    expect(markers).toEqual([]);
  }, 60_000);

  it('runs nothing even with the CSP removed: sanitizing and escaping alone suffice', async () => {
    const report = await exercise(plain);
    expect(report).toEqual({});
    expect(dialogs).toEqual([]);
    expect(markers).toEqual([]);
  }, 60_000);

  it('detects a payload that does run (control: the harness is not blind)', async () => {
    const control = path.join(plain, 'control.html');
    await writeFile(control, '<!DOCTYPE html><html lang="en"><title>c</title><img src=x onerror="alert(\'control\')">');
    await page.goto(pathToFileURL(control).href);
    await page.waitForTimeout(100);
    expect(dialogs).toEqual(['control']);
    dialogs.length = 0;
  });

  it('received every plain-text YAML payload (escaped into the pages, not dropped by a failed edit)', async () => {
    const all = (await Promise.all(pages.map((p) => readFile(path.join(out, p), 'utf8')))).join('\n');
    for (const marker of ['xss-fm-title', 'xss-prep', 'xss-material', 'xss-seg', 'xss-attr', 'xss-title', 'xss-note2', 'xss-obj', 'xss-author', 'xss-support',
      'xss-contact', 'xss-ref-note', 'xss-safety', 'xss-protocol', 'xss-quiz-title', 'xss-choice', 'xss-accept', 'xss-rubric',
      'xss-level', 'xss-descriptor', 'xss-gradebook']) {
      expect(all, marker).toContain(marker);
    }
  });

  it('lets raw HTML through only for trustedHtml modules, where the CSP still blocks inline script', async () => {
    const made = await scaffoldModule({
      'module.yaml': (t) => `${t}trustedHtml: true\n`,
      'sessions/01-river.md': (t) => t.replace('# The river parable\n', '# The river parable\n\n<div class="box">Boxed</div>\n\n<script>alert("trusted-inline")</script>\n'),
    }, 'trusted');
    try {
      const model = normalize(await load(made.dir));
      const files = await htmlTarget.build(model, {});
      const dir = await writeBuilt([{ id: 'trusted', files, model }]);
      await page.goto(pathToFileURL(path.join(dir, 'trusted/site/session-river.html')).href);
      expect(await page.locator('div.box').textContent()).toBe('Boxed');
      await page.waitForTimeout(100);
      expect(dialogs).toEqual([]);
      await rm(dir, { recursive: true, force: true });
    } finally {
      await made.cleanup();
    }
  });

  it('still shows the text of the payloads as text, so nothing is lost silently from YAML', async () => {
    await page.goto(pathToFileURL(path.join(out, 'xss/site/index.html')).href);
    expect(await page.title()).toBe(`</title><script>alert('xss-title')</script>`);
    expect(await page.locator('h1').textContent()).toBe(`</title><script>alert('xss-title')</script>`);
  });
});
