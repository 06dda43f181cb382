/** How serious a diagnostic is. Errors fail `validate` and stop a module from building. */
export type Severity = 'error' | 'warning' | 'info';

/** A 1-based line and column in a source file. */
export interface Point {
  line: number;
  column: number;
}

/** A span in a source file, 1-based, end exclusive of nothing: the end is the last column + 1. */
export interface Place {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * One problem found in a module: where it is, which rule found it, what is wrong and how to fix it.
 * Diagnostics are plain data so that callers can filter, count and serialise them;
 * the words a person reads are produced by a formatter.
 */
export interface Diagnostic extends Place {
  severity: Severity;
  /** Permanent id of the rule or check, e.g. `objective-verb` or `yaml-syntax`. */
  ruleId: string;
  /** What is wrong, in one sentence, without the place (shown apart). */
  message: string;
  /** What to do about it. */
  hint?: string;
  /** Where the other half of the problem is, e.g. the first definition of a duplicate id. */
  related?: Place;
}

export function diagnostic(
  place: Place,
  severity: Severity,
  ruleId: string,
  message: string,
  hint?: string,
  related?: Place,
): Diagnostic {
  const d: Diagnostic = { ...place, severity, ruleId, message };
  if (hint !== undefined) d.hint = hint;
  if (related !== undefined) d.related = related;
  return d;
}

/** The place for a whole file, or a file we could not read into lines. */
export function filePlace(file: string): Place {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** Order diagnostics by file, then position, then rule id: reports and tests are stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
