import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type ModuleBuild } from '../../src/build.js';
import { guideTarget } from '../../src/render/guide/target.js';

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

let modules: ModuleBuild[];
let dir: string;

beforeAll(async () => {
  ({ modules } = await build(['modules'], { targets: ['guide'] }));
  modules = modules.filter((m) => m.model);
  dir = await mkdtemp(path.join(tmpdir(), 'upstream-pdf-'));
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('guide.pdf, printed by Chromium', () => {
  it('exists for every module and its text holds every session title and segment title', async () => {
    for (const m of modules) {
      const pdf = m.files.get('guide.pdf');
      expect(pdf, m.id).toBeDefined();
      const file = path.join(dir, `${m.id}.pdf`);
      await writeFile(file, pdf!);
      const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
      for (const s of m.model!.sessions) {
        expect(text, `${m.id}: ${s.title}`).toContain(squash(s.title));
        for (const seg of s.segments) if (seg.title) expect(text, `${m.id}: ${seg.title}`).toContain(squash(seg.title));
      }
      expect(text).toContain('Facilitator guide');
    }
  });

  it('is byte-identical when printed again in another time zone', async () => {
    const m = modules[0]!;
    const before = process.env.TZ;
    process.env.TZ = 'Asia/Kathmandu';
    try {
      const again = await guideTarget.build(m.model!, {});
      expect(Buffer.from(again.get('guide.pdf')!).equals(Buffer.from(m.files.get('guide.pdf')!))).toBe(true);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  }, 60_000);

  it('is left out when pdf is false', async () => {
    const files = await guideTarget.build(modules[0]!.model!, { pdf: false });
    expect(files.has('guide.pdf')).toBe(false);
    expect(files.has('guide.html')).toBe(true);
  });
});
