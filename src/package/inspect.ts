import { readFile, stat } from 'node:fs/promises';
import { checkPackage, FORMAT_NAMES, type Organization, type PackageFormat, type Problem } from './check/conformance.js';
import { DEFAULT_LIMITS, readZip, ZipRefused, type ZipLimits } from './check/zip-read.js';

export interface InspectReport {
  file: string;
  /** Size of the package file. */
  bytes: number;
  format: PackageFormat;
  formatName: string;
  entries: number;
  uncompressedBytes: number;
  title?: string;
  schemaversion?: string;
  organizations: Organization[];
  /** SCOs or AUs and the files they launch. */
  launchables: Array<{ identifier: string; title: string; launch: string }>;
  /** The largest files, for size questions. */
  largest: Array<{ name: string; bytes: number }>;
  problems: Problem[];
  /** No errors: the package should import. */
  importable: boolean;
  /** Set when the archive itself was refused (zip-slip, symlink, bomb, not a zip). */
  refused?: { code: string; message: string; entry?: string };
}

export interface InspectOptions {
  limits?: ZipLimits;
  /** Largest package file accepted, in bytes (default 2 GiB). */
  maxFileBytes?: number;
}

/**
 * Inspects any LMS package (ours or not) entirely in memory: detects the format, refuses hostile
 * archives before inflating them, validates against the official XSDs, runs the checks the XSDs
 * miss, and lists organizations, items and launch files.
 */
export async function inspect(input: string | Uint8Array, options: InspectOptions = {}): Promise<InspectReport> {
  const file = typeof input === 'string' ? input : '(bytes)';
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    const info = await stat(input);
    if (!info.isFile()) throw new TypeError(`${input} is not a file`);
    const max = options.maxFileBytes ?? 2 * 1024 * 1024 * 1024;
    if (info.size > max) {
      return empty(file, info.size, { code: 'too-large', message: `The file is ${info.size} bytes, more than the ${max} bytes inspect reads.` });
    }
    bytes = new Uint8Array(await readFile(input));
  } else bytes = input;

  let files: Map<string, Uint8Array>;
  let entryCount = 0;
  let uncompressed = 0;
  try {
    const z = readZip(bytes, options.limits ?? DEFAULT_LIMITS);
    files = z.files;
    entryCount = z.entries.length;
    uncompressed = z.entries.reduce((s, e) => s + e.size, 0);
  } catch (error) {
    if (error instanceof ZipRefused) return empty(file, bytes.length, { code: error.code, message: error.message, ...(error.entry ? { entry: error.entry } : {}) });
    throw error;
  }
  const { structure, problems } = await checkPackage(files);
  const largest = [...files].map(([name, b]) => ({ name, bytes: b.length })).sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1)).slice(0, 5);
  return {
    file,
    bytes: bytes.length,
    format: structure.format,
    formatName: FORMAT_NAMES[structure.format],
    entries: entryCount,
    uncompressedBytes: uncompressed,
    ...(structure.title ? { title: structure.title } : {}),
    ...(structure.schemaversion ? { schemaversion: structure.schemaversion } : {}),
    organizations: structure.organizations,
    launchables: structure.launchables,
    largest,
    problems,
    importable: !problems.some((p) => p.severity === 'error'),
  };
}

function empty(file: string, bytes: number, refused: NonNullable<InspectReport['refused']>): InspectReport {
  return {
    file, bytes, format: 'unknown', formatName: FORMAT_NAMES.unknown, entries: 0, uncompressedBytes: 0, organizations: [], launchables: [], largest: [],
    problems: [{ severity: 'error', code: refused.code, message: refused.message, ...(refused.entry ? { file: refused.entry } : {}), lms: 'all' }],
    importable: false, refused,
  };
}

const kb = (n: number) => (n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1048576).toFixed(1)} MiB`);

/** The report in plain words for an LMS administrator. */
export function formatInspect(r: InspectReport): string {
  const lines: string[] = [];
  lines.push(`${r.file}`);
  if (r.refused) {
    lines.push(`  Refused: ${r.refused.message}`);
    lines.push('  Nothing was extracted. Do not upload this file to an LMS.');
    return lines.join('\n');
  }
  lines.push(`  Format:   ${r.formatName}${r.schemaversion ? ` (schemaversion "${r.schemaversion}")` : ''}`);
  if (r.title) lines.push(`  Title:    ${r.title}`);
  lines.push(`  Size:     ${kb(r.bytes)} zipped, ${kb(r.uncompressedBytes)} unpacked, ${r.entries} entries`);
  if (r.largest.length > 0) lines.push(`  Largest:  ${r.largest.map((f) => `${f.name} (${kb(f.bytes)})`).join(', ')}`);
  for (const org of r.organizations) {
    lines.push('', `  Organization ${org.identifier}${org.title ? `: ${org.title}` : ''}`);
    for (const it of org.items) lines.push(`  ${'  '.repeat(it.depth + 1)}- ${it.title || '(untitled)'}${it.launch ? `  → ${it.launch}` : ''}${it.kind ? ` [${it.kind}]` : ''}`);
  }
  if (r.launchables.length > 0) lines.push('', `  ${r.format === 'cmi5' ? 'AUs' : 'SCOs'}: ${r.launchables.length}`);
  lines.push('');
  const errors = r.problems.filter((p) => p.severity === 'error');
  const warnings = r.problems.filter((p) => p.severity === 'warning');
  if (r.problems.length === 0) lines.push('  No problems found: this package should import as it is.');
  for (const p of r.problems) {
    lines.push(`  ${p.severity === 'error' ? 'error  ' : 'warning'} ${p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ` : ''}${p.message}${p.lms ? ` [breaks in: ${p.lms}]` : ''}  (${p.code})`);
  }
  if (r.problems.length > 0) lines.push('', `  ${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}. ${errors.length > 0 ? 'Fix the errors before importing.' : 'It should import; the warnings say what may behave differently.'}`);
  return lines.join('\n');
}
