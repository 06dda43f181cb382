import { describe, expect, it } from 'vitest';
import { csvField, rubricCsv } from '../../src/render/rubric/csv.js';
import { rubricTable } from '../../src/render/rubric/table.js';
import type { RubricData } from '../../src/model/types.js';

/** A strict RFC 4180 reader: fields, quoted fields with doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') { field += '"'; i += 2; } else if (text[i] === '"') { i++; break; } else { field += text[i++]; }
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') field += text[i++];
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) { rows.push(row); row = []; i += 2; } else if (i < text.length) throw new Error(`bad CSV at ${i}`);
  }
  return rows;
}

const rubric: RubricData = {
  id: 'tricky',
  title: 'Tricky, "quoted" rubric',
  levels: [{ id: 'zero', label: 'Not yet', points: 0 }, { id: 'one', label: 'Met, mostly', points: 2 }],
  criteria: [
    { id: 'a', title: 'Says "why", briefly', objectives: ['o1', 'o2'], descriptors: { zero: 'No reason,\r\nor none given', one: 'A reason; "good" one' } },
    { id: 'b', title: '<script>alert(1)</script>', objectives: [], descriptors: { zero: 'Line one\nline two', one: 'Plain' } },
  ],
  gradebook: { method: 'points', passing: 3, note: 'Use points, not "scaled".' },
};

describe('rubric CSV', () => {
  it('quotes fields as RFC 4180 requires and round-trips every descriptor', () => {
    const csv = rubricCsv(rubric);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['Criterion', 'Objectives', 'Not yet (0 points)', 'Met, mostly (2 points)']);
    expect(rows[1]).toEqual(['Says "why", briefly', 'o1 o2', 'No reason,\r\nor none given', 'A reason; "good" one']);
    expect(rows[2]).toEqual(['<script>alert(1)</script>', '', 'Line one\nline two', 'Plain']);
    expect(rows[3]).toEqual(['Total', '', '0 to 4 points; passing: 3']);
    expect(rows[4]![2]).toContain('Enter the total as points out of 4');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  it('renders the rubric table with escaped text, points in the header and the total', () => {
    const html = rubricTable(rubric, { level: 3, idPrefix: '' }).value;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<th scope="col">Met, mostly <span class="points">(2 points)</span></th>');
    expect(html).toContain('0 to 4 points; passing: 3');
  });
});
