import type { RubricData } from '../../model/types.js';
import { gradebookInstruction, rubricRange } from './score.js';

/** One CSV field, quoted when RFC 4180 requires it (comma, quote, CR or LF); quotes doubled. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A rubric as CSV for typing into an LMS rubric editor by hand: a header row of levels with
 * their points, one row per criterion, then the total and the gradebook rule. CRLF line ends
 * (RFC 4180) and a UTF-8 byte-order mark, so that Excel opens accented text correctly.
 */
export function rubricCsv(rubric: RubricData): string {
  const { min, max } = rubricRange(rubric);
  const rows: Array<Array<string | number>> = [
    ['Criterion', 'Objectives', ...rubric.levels.map((l) => `${l.label} (${l.points} points)`)],
    ...rubric.criteria.map((c) => [c.title, c.objectives.join(' '), ...rubric.levels.map((l) => c.descriptors[l.id] ?? '')]),
    ['Total', '', `${min} to ${max} points${rubric.gradebook.passing !== undefined ? `; passing: ${rubric.gradebook.passing}` : ''}`],
    ['Gradebook', '', gradebookInstruction(rubric) + (rubric.gradebook.note ? ` ${rubric.gradebook.note}` : '')],
  ];
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
