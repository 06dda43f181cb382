import type { Nodes } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderGuide } from '../../src/render/guide/document.js';
import { timeline } from '../../src/render/guide/run-of-show.js';
import { competencyLabel } from '../../src/render/text.js';
import { buildShippedModules, pageText, squash, text, textFragments } from './helpers.js';

let modules: Awaited<ReturnType<typeof buildShippedModules>>;
beforeAll(async () => {
  modules = await buildShippedModules();
}, 60_000);

const guideOf = (m: (typeof modules)[number]) => text(m.files.get('guide.html'));

function containers(node: Nodes, name: string): Nodes[] {
  const out: Nodes[] = [];
  if (node.type === 'containerDirective' && node.name === name) out.push(node);
  if ('children' in node) for (const c of node.children as Nodes[]) out.push(...containers(c, name));
  return out;
}

describe('facilitator guide', () => {
  it('holds every segment, every facilitator note and every note of the source, in order', () => {
    for (const m of modules) {
      const guide = pageText(guideOf(m));
      for (const s of m.model.sessions) {
        let at = guide.indexOf(squash(s.title));
        expect(at, s.title).toBeGreaterThanOrEqual(0);
        for (const seg of containers(s.tree, 'segment')) {
          for (const f of textFragments(seg)) {
            const next = guide.indexOf(f, at);
            expect(next, `${m.id}/${s.id}: segment text missing or out of order: ${f}`).toBeGreaterThanOrEqual(0);
            at = next;
          }
        }
        for (const name of ['facilitator', 'note']) {
          for (const block of containers(s.tree, name)) for (const f of textFragments(block)) expect(guide).toContain(f);
        }
      }
    }
  });

  it('prints a run of show whose clock times come from the segments', () => {
    for (const m of modules) {
      const guide = guideOf(m);
      for (const s of m.model.sessions) {
        const rows = timeline(s);
        expect(rows.at(-1)!.end).toBe(s.duration);
        for (const r of rows) {
          const clock = (n: number) => `${Math.floor(n / 60)}:${String(n % 60).padStart(2, '0')}`;
          expect(guide).toContain(`<td class="time">${clock(r.start)}–${clock(r.end)}</td><td class="num">${r.minutes}</td><th scope="row">`);
        }
      }
    }
  });

  it('adds time of day when given a start time', () => {
    const m = modules[0]!;
    const html = renderGuide(m.model, { startTime: { h: 13, m: 45 } });
    const first = timeline(m.model.sessions[0]!)[0]!;
    expect(html).toContain('<th scope="col">Clock</th>');
    expect(html).toContain(`<td class="time">13:45–${String(13 + Math.floor((45 + first.end) / 60)).padStart(2, '0')}:${String((45 + first.end) % 60).padStart(2, '0')}</td>`);
  });

  it('states the safety protocol: confidentiality exactly, learning space, pass, co-facilitator, disclosure steps, support', () => {
    for (const m of modules) {
      const guide = pageText(guideOf(m));
      if (m.model.confidentiality === 'chatham-house') {
        expect(guide).toContain('participants are free to use the information received, but neither the identity nor the affiliation of the speaker(s), nor that of any other participant, may be revealed');
      }
      expect(guide).toContain('A learning space, not counselling');
      for (const n of m.model.contentNotes ?? []) expect(guide).toContain(squash(n));
      const s = m.model.safety ?? {};
      for (const v of [s.learningSpace, s.rightToPass, s.alternativeActivity, s.coFacilitator]) if (v) expect(guide).toContain(squash(v));
      let at = 0;
      for (const step of s.disclosureProtocol ?? []) {
        at = guide.indexOf(squash(step), at);
        expect(at, step).toBeGreaterThan(0);
      }
      for (const r of m.model.support ?? []) {
        expect(guide).toContain(squash(r.name));
        if (!r.contact.trim()) expect(guide).toContain(`${squash(r.name)} To be filled in by your school`);
        else expect(guide).toContain(squash(r.contact));
      }
    }
  });

  it('has the cover: objectives with Bloom level and competencies with labels', () => {
    for (const m of modules) {
      const guide = pageText(guideOf(m));
      for (const o of m.model.objectives) expect(guide).toContain(squash(o.text));
      for (const c of m.model.competencies) expect(guide).toContain(squash(competencyLabel(m.model, c)));
      expect(guideOf(m)).toMatch(/<td>(Remember|Understand|Apply|Analyze|Evaluate|Create)<\/td>/);
    }
  });

  it('gives answer keys with every choice, the correct ones marked, and all feedback', () => {
    for (const m of modules) {
      const guide = pageText(guideOf(m));
      for (const a of m.model.assessments) {
        for (const item of a.items ?? []) {
          for (const c of item.choices ?? []) {
            expect(guide).toContain(`${c.correct ? 'Correct: ' : 'Incorrect: '}${squash(c.text)}`);
            if (c.feedback) expect(guide).toContain(squash(c.feedback));
          }
          if (item.type === 'true-false') expect(guide).toContain(`Answer: ${item.answer ? 'True' : 'False'}`);
        }
      }
    }
  });

  it('has every rubric, an alignment matrix row per objective, and rubric CSVs', () => {
    for (const m of modules) {
      const html = guideOf(m);
      for (const r of m.model.rubrics) {
        expect(html).toContain(`id="rubric-${r.id}"`);
        expect(m.files.has(`rubrics/${r.id}.csv`)).toBe(true);
        for (const c of r.criteria) for (const l of r.levels) expect(pageText(html)).toContain(squash(c.descriptors[l.id]!));
      }
      const matrix = html.slice(html.indexOf('class="matrix"'));
      for (const o of m.model.objectives) expect(matrix).toContain(`<th scope="row">${o.id}<span`);
    }
  });

  it('is one self-contained document: inline style allowed by hash, no script, strict CSP', () => {
    for (const m of modules) {
      const html = guideOf(m);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
      expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).toContain("script-src 'none'");
      expect(html).not.toMatch(/<script|<link /);
    }
  });
});
