/**
 * A deterministic synthetic corpus for the benchmark: module i is the same bytes whatever N is
 * and on every run (a seeded PRNG per module, never Math.random). Each module has 5 sessions of
 * about 3 KB of Markdown (headings, paragraphs, lists, links, timed segments with facilitator
 * notes, citations, one image), a 10-item quiz, a 4 × 4 rubric with an assignment and one small
 * PNG in assets/. Every module validates with no errors (the benchmark asserts it).
 *
 * No import from Upstream here, so the test suite can load this file from source.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

export const DEFAULT_SEED = 0x5eed_2024;
export const SESSIONS_PER_MODULE = 5;
export const QUIZ_ITEMS = 10;

/** mulberry32: small, fast and good enough for text generation. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Module index → its own stream, independent of how many modules come before or after. */
const moduleSeed = (seed: number, index: number) => (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;

// Plain words only: no colons (a `:word` would read as a directive), no brackets, no YAML specials.
const WORDS = `patient clinic housing income food transport access care team nurse physician student resident
community neighbourhood insurance pharmacy referral appointment waiting room history interview language
interpreter trust stigma policy budget hospital ward discharge follow-up outcome evidence cohort study
survey trial risk factor exposure prevention screening education literacy employment shift schedule workload
fatigue sleep support mentor peer group reflection feedback practice habit system process quality safety
error incident report audit measure rate trend chart record note handover rounds consult primary secondary
tertiary public health advocacy coalition partner council meeting agenda proposal action plan goal barrier
resource funding grant volunteer outreach mobile van school church library shelter kitchen garden market
water air heat cold winter summer commute distance rural urban suburb family child parent elder caregiver
veteran worker union contract wage benefit leave absence burden cost debt bill price payment clinic-visit`.split(/\s+/).filter(Boolean);

const VERBS = ['shapes', 'limits', 'explains', 'follows', 'changes', 'reduces', 'raises', 'predicts', 'reflects', 'links', 'drives', 'supports'];

const OBJECTIVES = [
  { id: 'explain-pathways', bloom: 'understand', text: 'Explain how social conditions reach a patient through everyday pathways.', comp: ['pcrs:c0604', 'canmeds:health-advocate'] },
  { id: 'identify-causes', bloom: 'remember', text: 'Identify two upstream causes behind a presenting problem.', comp: ['pcrs:c0604', 'acgme:systems-based-practice'] },
  { id: 'compare-responses', bloom: 'analyze', text: 'Compare individual and collective responses to one upstream cause.', comp: ['pcrs:c0604', 'acgme:systems-based-practice'] },
  { id: 'propose-action', bloom: 'create', text: 'Propose one collective action that addresses an upstream cause.', comp: ['pcrs:c0604', 'epa:EPA13'] },
] as const;

const METHODS = ['IM008', 'IM013', 'IM020', 'IM001', 'IM030', 'IM022'];
const LEVELS = [
  { id: 'beginning', label: 'Beginning', points: 1 },
  { id: 'developing', label: 'Developing', points: 2 },
  { id: 'proficient', label: 'Proficient', points: 3 },
  { id: 'exemplary', label: 'Exemplary', points: 4 },
];

class Text {
  constructor(private readonly r: () => number) {}
  int(lo: number, hi: number) { return lo + Math.floor(this.r() * (hi - lo + 1)); }
  bool() { return this.r() < 0.5; }
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.r() * xs.length)]!; }
  words(n: number) { return Array.from({ length: n }, () => this.pick(WORDS)).join(' '); }
  cap(s: string) { return s.charAt(0).toUpperCase() + s.slice(1); }
  sentence() { return `${this.cap(this.words(this.int(3, 6)))} ${this.pick(VERBS)} ${this.words(this.int(3, 8))}.`; }
  paragraph(sentences: number) { return Array.from({ length: sentences }, () => this.sentence()).join(' '); }
  title() { return this.cap(this.words(this.int(2, 4))); }
}

export const moduleId = (index: number) => `bench-${String(index + 1).padStart(4, '0')}`;

/** The files of module `index` (0-based), keyed by path relative to the module folder. */
export function moduleFiles(index: number, seed = DEFAULT_SEED): Map<string, string | Uint8Array> {
  const t = new Text(prng(moduleSeed(seed, index)));
  const id = moduleId(index);
  const files = new Map<string, string | Uint8Array>();
  const refs = [0, 1, 2].map((k) => ({ id: `ref-${k + 1}`, citation: `${t.cap(t.words(2))} A. ${t.title()}. J Med Educ. ${2000 + t.int(0, 24)};${t.int(1, 90)}(${t.int(1, 12)})${t.int(100, 900)}-${t.int(901, 999)}.`, url: `https://doi.org/10.1000/bench.${index}.${k}` }));
  const sessions = Array.from({ length: SESSIONS_PER_MODULE }, (_, k) => ({ id: `session-${k + 1}`, title: t.title(), duration: 45 }));
  // Each objective is taught by at least one session; every session teaches one or two.
  const taught = sessions.map((_, k) => [OBJECTIVES[k % 4]!.id, ...(k === 4 ? [OBJECTIVES[3]!.id] : [])]);
  const moduleTitle = `${t.title()} upstream`;

  files.set('module.yaml', `id: ${id}
title: ${moduleTitle}
version: 1.${index % 10}.0
summary: >-
  ${t.paragraph(3)}
audience: Third- and fourth-year medical students
duration: ${sessions.length * 45}
language: en
license: CC-BY-NC-SA-4.0
authors:
  - name: Author ${index + 1}
    affiliation: Benchmark School of Medicine
keywords: [${[...new Set(t.words(6).split(' '))].slice(0, 3).join(', ')}]
competencies: [pcrs:c0604, acgme:systems-based-practice, canmeds:health-advocate, epa:EPA13]
objectives:
${OBJECTIVES.map((o) => `  - id: ${o.id}
    text: ${o.text}
    bloom: ${o.bloom}
    competencies: [${o.comp.join(', ')}]`).join('\n')}
sessions: [${sessions.map((s) => s.id).join(', ')}]
assessments: [check, action-plan]
rubrics: [action-plan]
masteryScore: 0.8
sensitive: false
confidentiality: none
references:
${refs.map((r) => `  - id: ${r.id}
    citation: "${r.citation}"
    url: ${r.url}`).join('\n')}
`);

  sessions.forEach((s, k) => {
    const minutes = [15, 20, 10];
    const first = t.pick(METHODS);
    // The 20-minute middle segment's method is the primary one: the other two never share a method.
    const methods = [first, t.pick(METHODS), t.pick(METHODS.filter((m) => m !== first))];
    const primary = methods[1]!;
    const other = [...new Set(methods.filter((m) => m !== primary))];
    const segment = (n: number, body: string) => `::::segment{minutes=${minutes[n]} method=${methods[n]} title="${t.title()}"}
${body}

:::facilitator
${t.paragraph(2)}
Ask the group *${t.words(4)}* and wait ten seconds before you speak again.
:::
::::`;
    const list = Array.from({ length: 5 }, () => `- ${t.cap(t.words(t.int(4, 9)))}`).join('\n');
    const ordered = Array.from({ length: 4 }, (_, j) => `${j + 1}. ${t.cap(t.words(t.int(5, 10)))}`).join('\n');
    const placed = k === 3 ? '\n\n::assessment{id=action-plan}' : k === 4 ? '\n\n::assessment{id=check}' : '';
    files.set(`sessions/0${k + 1}-${s.id}.md`, `---
id: ${s.id}
title: ${s.title}
duration: ${s.duration}
methods:
  primary: ${primary}${other.length ? `\n  other: [${other.join(', ')}]` : ''}
resources: [RE005]
objectives: [${taught[k]!.join(', ')}]
groupSize: { min: 4, max: 12 }
materials:
  - Printed copies of the case, one per learner
preparation: ${t.paragraph(1)}
---

# ${s.title}

${t.paragraph(2)} [@${refs[k % 3]!.id}]

## ${t.title()}

${t.paragraph(2)} See [the ${t.words(2)} report](https://example.org/${id}/${s.id}) for more.

${list}

![A diagram of ${t.words(3)}](../assets/figure.png)

${segment(0, `${t.paragraph(2)} [@${refs[(k + 1) % 3]!.id}]\n\n${ordered}`)}

${segment(1, `### ${t.title()}\n\n${t.paragraph(2)}\n\n> ${t.paragraph(1)}\n\n${t.paragraph(2)} Read more at <https://example.org/${id}/${s.id}/case>.`)}

${segment(2, `${t.paragraph(2)} [@${refs[(k + 2) % 3]!.id}]${placed}\n\n**${t.cap(t.words(3))}**: ${t.words(8)}.`)}
`);
  });

  const items: string[] = [];
  for (let q = 0; q < QUIZ_ITEMS; q++) {
    const obj = OBJECTIVES[q % 4]!.id;
    const head = `  - id: item-${q + 1}\n    objectives: [${obj}]\n    prompt: ${t.cap(t.words(t.int(6, 12)))}?`;
    switch (q % 4) {
      case 0:
      case 2: {
        const right = t.int(0, 3);
        items.push(`${head}\n    type: single-choice\n    choices:\n${[0, 1, 2, 3].map((c) => `      - id: ${'abcd'[c]}\n        text: ${t.cap(t.words(t.int(3, 7)))}.${c === right ? '\n        correct: true' : ''}\n        feedback: ${t.cap(t.words(t.int(5, 9)))}.`).join('\n')}`);
        break;
      }
      case 1:
        items.push(`${head}\n    type: multiple-response\n    choices:\n${[0, 1, 2, 3].map((c) => `      - id: ${'abcd'[c]}\n        text: ${t.cap(t.words(t.int(3, 7)))}.${c < 2 ? '\n        correct: true' : ''}`).join('\n')}\n    feedback:\n      correct: ${t.cap(t.words(6))}.\n      incorrect: ${t.cap(t.words(6))}.`);
        break;
      default:
        if (q === 3) items.push(`${head}\n    type: short-answer\n    accept: [${t.pick(WORDS)}, ${t.pick(WORDS)}s]\n    feedback: ${t.cap(t.words(8))}.`);
        else items.push(`${head}\n    type: true-false\n    answer: ${t.bool()}\n    feedback: ${t.cap(t.words(8))}.`);
    }
  }
  files.set('assessments/check.yaml', `id: check
title: Knowledge check
kind: quiz
purpose: formative
method: AM004
session: ${sessions[4]!.id}
items:
${items.join('\n')}
`);
  files.set('assessments/action-plan.yaml', `id: action-plan
title: A plan for collective action
kind: assignment
purpose: formative
method: AM016
session: ${sessions[3]!.id}
rubric: action-plan
instructions: >-
  ${t.paragraph(2)}
`);
  files.set('rubrics/action-plan.yaml', `id: action-plan
title: Action plan rubric
levels:
${LEVELS.map((l) => `  - { id: ${l.id}, label: ${l.label}, points: ${l.points} }`).join('\n')}
criteria:
${OBJECTIVES.map((o, c) => `  - id: criterion-${c + 1}
    title: ${t.title()}
    objectives: [${o.id}]
    descriptors:
${LEVELS.map((l) => `      ${l.id}: ${t.cap(t.words(t.int(5, 10)))}.`).join('\n')}`).join('\n')}
gradebook:
  method: points
  passing: 10
  note: Enter the total (4 to 16) as points.
`);
  files.set('assets/figure.png', png(16, 16, t));
  return files;
}

/** A small valid RGB PNG whose pixels come from the module's stream. */
function png(width: number, height: number, t: Text): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  const base = [t.int(0, 255), t.int(0, 255), t.int(0, 255)];
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) for (let c = 0; c < 3; c++) raw[y * (width * 3 + 1) + 1 + x * 3 + c] = (base[c]! + x * 8 + y * 4 * c) & 0xff;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Writes modules 0…n-1 into `dir` (one folder per module id); returns their folders. */
export async function writeCorpus(dir: string, n: number, seed = DEFAULT_SEED): Promise<string[]> {
  const dirs: string[] = [];
  for (let i = 0; i < n; i++) {
    const moduleDir = path.join(dir, moduleId(i));
    for (const [rel, content] of moduleFiles(i, seed)) {
      const file = path.join(moduleDir, rel);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
    }
    dirs.push(moduleDir);
  }
  return dirs;
}
