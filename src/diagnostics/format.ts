import type { Diagnostic, Severity } from './diagnostic.js';

export interface PrettyOptions {
  /** Use ANSI colours. */
  color?: boolean;
  /** The text of a file, for code frames; undefined when it cannot be shown. */
  getText?: (file: string) => string | undefined;
  /** Lines of context around the offending line. */
  context?: number;
}

const ANSI = {
  red: '\u001b[31m', yellow: '\u001b[33m', blue: '\u001b[34m', dim: '\u001b[2m', bold: '\u001b[1m', underline: '\u001b[4m', reset: '\u001b[0m',
};

/**
 * Words diagnostics for a person at a terminal: grouped by file, each with its place, severity,
 * message, rule id, a code frame and the hint, then a summary line.
 */
export function formatPretty(diagnostics: readonly Diagnostic[], options: PrettyOptions = {}): string {
  const c = (code: keyof typeof ANSI, s: string) => (options.color ? `${ANSI[code]}${s}${ANSI.reset}` : s);
  const sevColor: Record<Severity, keyof typeof ANSI> = { error: 'red', warning: 'yellow', info: 'blue' };
  const lines: string[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  for (const [file, list] of byFile) {
    lines.push(c('underline', file));
    for (const d of list) {
      lines.push(`  ${c('dim', `${file}:${d.line}:${d.column}`)}  ${c(sevColor[d.severity], d.severity)}  ${d.message}  ${c('dim', `[${d.ruleId}]`)}`);
      const frame = codeFrame(options.getText?.(file), d, options.context ?? 1);
      if (frame) lines.push(...frame.map((l) => `    ${l.startsWith('>') ? c('bold', l) : c('dim', l)}`));
      if (d.hint) lines.push(`    ${c('blue', 'fix:')} ${d.hint}`);
      if (d.related) lines.push(`    ${c('dim', `see ${d.related.file}:${d.related.line}:${d.related.column}`)}`);
      lines.push('');
    }
  }
  lines.push(summary(diagnostics, c));
  return lines.join('\n');
}

function summary(diagnostics: readonly Diagnostic[], c: (code: keyof typeof ANSI, s: string) => string): string {
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const files = new Set(diagnostics.map((d) => d.file)).size;
  if (errors === 0 && warnings === 0) return c('bold', 'No problems found.');
  const parts = [];
  if (errors) parts.push(c('red', `${errors} error${errors === 1 ? '' : 's'}`));
  if (warnings) parts.push(c('yellow', `${warnings} warning${warnings === 1 ? '' : 's'}`));
  return `${parts.join(', ')} in ${files} file${files === 1 ? '' : 's'}.`;
}

/** A few numbered lines around the diagnostic's start, with a caret line under the span. */
export function codeFrame(text: string | undefined, d: Diagnostic, context = 1): string[] | undefined {
  if (text === undefined || d.line < 1) return undefined;
  const all = text.split(/\r?\n/);
  if (d.line > all.length) return undefined;
  const from = Math.max(1, d.line - context);
  const to = Math.min(all.length, d.line + context);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const raw = all[n - 1]!;
    const shown = raw.length > 160 ? `${raw.slice(0, 157)}...` : raw;
    out.push(`${n === d.line ? '>' : ' '} ${String(n).padStart(width)} | ${shown.replace(/\t/g, ' ')}`);
    if (n === d.line) {
      const start = Math.min(d.column, shown.length + 1);
      const end = d.endLine === d.line ? Math.max(d.endColumn, start + 1) : shown.length + 1;
      const len = Math.max(1, Math.min(end, shown.length + 1) - start);
      out.push(`  ${' '.repeat(width)} | ${' '.repeat(start - 1)}${'^'.repeat(len)}`);
    }
  }
  return out;
}

/** The stable machine format: an array of plain objects with exactly these keys. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => ({
    file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn,
    severity: d.severity, ruleId: d.ruleId, message: d.message, hint: d.hint ?? null,
  })), null, 2);
}

/** GitHub Actions workflow commands, so problems show as annotations on the changed lines. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  const prop = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const level: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
  return diagnostics.map((d) =>
    `::${level[d.severity]} file=${prop(d.file)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${prop(d.ruleId)}::${data(d.hint ? `${d.message} ${d.hint}` : d.message)}`,
  ).join('\n');
}

export interface SarifRule {
  id: string;
  docs: string;
}

/**
 * SARIF 2.1.0, the format GitHub code scanning and other security dashboards read. Paths are
 * given as written (relative to where the command ran), which is what code scanning expects.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], tool: { version: string; rules: readonly SarifRule[] }): string {
  const level: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };
  const ruleIds = [...new Set([...tool.rules.map((r) => r.id), ...diagnostics.map((d) => d.ruleId)])].sort();
  const docs = new Map(tool.rules.map((r) => [r.id, r.docs]));
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: {
        driver: {
          name: 'upstream',
          version: tool.version,
          rules: ruleIds.map((id) => ({
            id,
            shortDescription: { text: id },
            ...(docs.has(id) ? { fullDescription: { text: docs.get(id)! } } : {}),
          })),
        },
      },
      results: diagnostics.map((d) => ({
        ruleId: d.ruleId,
        ruleIndex: ruleIds.indexOf(d.ruleId),
        level: level[d.severity],
        message: { text: d.hint ? `${d.message} ${d.hint}` : d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: d.file.split('\\').join('/') },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        }],
      })),
    }],
  };
  return JSON.stringify(sarif, null, 2);
}
