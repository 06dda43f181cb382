import type { Place, Point } from '../diagnostics/diagnostic.js';

/** A file's text with a line index, so offsets become line:column (1-based). */
export class SourceText {
  readonly lineStarts: number[];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo]! + 1 };
  }

  place(start: number, end: number = start): Place {
    const s = this.point(start);
    // A range ending at a newline reads better ending on its own line.
    let e = end;
    while (e > start && (this.text[e - 1] === '\n' || this.text[e - 1] === '\r')) e--;
    const p = this.point(Math.max(e, start));
    return { file: this.file, line: s.line, column: s.column, endLine: p.line, endColumn: p.column };
  }
}
