import { describe, expect, it, beforeAll } from 'vitest';
import { build } from '../../src/build.js';
import { renderSiteIndex } from '../../src/render/site/site-index.js';
import { scaffoldModule } from '../helpers.js';
import { buildShippedModules, decodeEntities, facilitatorBlocks, pageText, text, textFragments } from './helpers.js';

let modules: Awaited<ReturnType<typeof buildShippedModules>>;
beforeAll(async () => {
  modules = await buildShippedModules();
}, 60_000);

const pagesOf = (files: Map<string, Uint8Array>) => [...files].filter(([p]) => p.startsWith('site/') && p.endsWith('.html'));

describe('learner site', () => {
  it('builds every shipped module that validates', () => {
    expect(modules.length).toBeGreaterThan(0);
    for (const m of modules) {
      expect(m.files.has('site/index.html')).toBe(true);
      for (const s of m.model.sessions) expect(m.files.has(`site/session-${s.id}.html`)).toBe(true);
    }
  });

  it('shows no facilitator text on any learner page (and the guide shows all of it)', () => {
    let checked = 0;
    for (const m of modules) {
      const pages = pagesOf(m.files).map(([p, b]) => ({ p, html: text(b), text: pageText(text(b)) }));
      const guide = pageText(text(m.files.get('guide.html')));
      for (const s of m.model.sessions) {
        for (const block of facilitatorBlocks(s.tree)) {
          for (const fragment of textFragments(block)) {
            expect(guide, `${m.id} guide lacks: ${fragment}`).toContain(fragment);
            for (const page of pages) {
              expect(page.text.includes(fragment), `${m.id}/${page.p} shows facilitator text: ${fragment}`).toBe(false);
              expect(decodeEntities(page.html).includes(fragment), `${m.id}/${page.p} hides facilitator text in markup: ${fragment}`).toBe(false);
            }
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(modules.length * 3);
  });

  it('shows no preparation notes or answer-key labels to learners', () => {
    for (const m of modules) {
      const all = pagesOf(m.files).map(([, b]) => pageText(text(b))).join('\n');
      for (const s of m.model.sessions) if (s.preparation) expect(all).not.toContain(pageText(s.preparation).slice(0, 80));
      expect(all).not.toContain('Answer key');
      expect(all).not.toContain('Facilitator note');
    }
  });

  it('puts a strict Content-Security-Policy on every page and loads nothing from elsewhere', () => {
    for (const m of modules) {
      for (const [p, b] of pagesOf(m.files)) {
        const html = text(b);
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
        expect(csp, p).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("style-src 'self'");
        expect(csp).toContain("connect-src 'none'");
        expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="(https?:)?\/\//);
        expect(html).not.toMatch(/<script>(?!<\/script>)/);
        expect(html).not.toMatch(/\sstyle="/);
        expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="[a-z-]+">/i);
      }
    }
  });

  it('numbers citations and links them to ref-<id> anchors on the references page', () => {
    const m = modules.find((x) => x.model.references.length > 0)!;
    const refs = text(m.files.get('site/references.html'));
    for (const r of m.model.references) expect(refs).toContain(`id="ref-${r.id}"`);
    const session = pagesOf(m.files).map(([, b]) => text(b)).join('');
    expect(session).toMatch(/href="references\.html#ref-[\w-]+"/);
    expect(session).not.toContain('[@');
  });

  it('links sessions in order with previous and next', () => {
    for (const m of modules) {
      const ids = m.model.sessions.map((s) => s.id);
      ids.forEach((id, i) => {
        const html = text(m.files.get(`site/session-${id}.html`));
        if (i > 0) expect(html).toContain(`href="session-${ids[i - 1]}.html" rel="prev"`);
        if (i < ids.length - 1) expect(html).toContain(`href="session-${ids[i + 1]}.html" rel="next"`);
      });
    }
  });

  it('copies assets and rewrites ../assets links', async () => {
    const { dir, cleanup } = await scaffoldModule({
      'sessions/01-river.md': (t) => t.replace('# The river parable\n', '# The river parable\n\n![A river with people upstream](../assets/river.png)\n\nSee [the handout](../assets/handout%20one.txt).\n'),
    });
    try {
      const { writeFile, mkdir } = await import('node:fs/promises');
      await mkdir(`${dir}/assets`, { recursive: true });
      await writeFile(`${dir}/assets/river.png`, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      await writeFile(`${dir}/assets/handout one.txt`, 'hello');
      const { modules: [m] } = await build([dir], { targets: ['html'] });
      expect(m!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect([...m!.files.keys()]).toEqual(expect.arrayContaining(['site/assets/river.png', 'site/assets/handout one.txt']));
      const page = text(m!.files.get('site/session-river.html'));
      expect(page).toContain('src="assets/river.png" alt="A river with people upstream"');
      expect(page).toContain('href="assets/handout%20one.txt"');
    } finally {
      await cleanup();
    }
  });

  it('renders quizzes as fieldsets with legends and labelled inputs, and reflections as private text boxes', () => {
    const m = modules.find((x) => x.model.assessments.some((a) => a.kind === 'quiz'))!;
    const all = pagesOf(m.files).map(([, b]) => text(b)).join('');
    expect(all).toMatch(/<form class="quiz"[^>]*>/);
    expect(all).toMatch(/<fieldset class="item"[^>]*>\n<legend>/);
    for (const id of all.matchAll(/<input type="(?:radio|checkbox|text)" id="([^"]+)"/g)) expect(all).toContain(`for="${id[1]}"`);
    const reflective = modules.find((x) => x.model.assessments.some((a) => a.kind === 'reflection'));
    if (reflective) {
      const pages = pagesOf(reflective.files).map(([, b]) => text(b)).join('');
      expect(pages).toContain('<textarea');
      expect(pages).toContain('kept only in this browser');
    }
  });

  it('is byte-identical across builds and time zones', async () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const a = await build(['modules'], { targets: ['html', 'guide'], pdf: false });
      process.env.TZ = 'America/Adak';
      const b = await build(['modules'], { targets: ['html', 'guide'], pdf: false });
      for (const [i, m] of a.modules.entries()) {
        expect([...m.files.keys()]).toEqual([...b.modules[i]!.files.keys()]);
        for (const [p, bytes] of m.files) expect(Buffer.from(bytes).equals(Buffer.from(b.modules[i]!.files.get(p)!)), p).toBe(true);
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  }, 60_000);

  it('renders an index of all modules linking to each site', () => {
    const files = renderSiteIndex(modules.map((m) => m.model));
    const html = text(files.get('index.html'));
    for (const m of modules) expect(html).toContain(`href="${m.id}/site/index.html"`);
    expect(files.has('upstream.css')).toBe(true);
    expect(html).toContain("default-src 'none'");
  });
});
