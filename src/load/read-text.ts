import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic, filePlace } from '../diagnostics/diagnostic.js';

/** Source files bigger than this are refused: no module text is near it, and it keeps memory bounded. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export type TextResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Decodes a source file's bytes as strict UTF-8. Refuses binary and oversized files with a
 * positioned diagnostic; drops a leading BOM (editors on Windows add one) and keeps CRLF, which
 * the parsers read as line breaks.
 */
export function decodeSource(file: string, bytes: Uint8Array, expected: string): TextResult {
  if (bytes.byteLength > MAX_SOURCE_BYTES) return fail(tooLarge(file, bytes.byteLength, expected));
  const kind = sniff(bytes);
  if (kind) {
    return fail(
      diagnostic(filePlace(file), 'error', 'binary-file',
        `This file is ${kind}, but a ${expected} must be text.`,
        'Check that the right file was saved here; images and PDFs belong in assets/.'),
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail(
      diagnostic(placeOfByte(file, bytes, nul), 'error', 'binary-file',
        `This file holds binary data (a NUL byte), but a ${expected} must be text.`,
        'Check that the right file was saved here; images and PDFs belong in assets/.'),
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return fail(
      diagnostic(placeOfByte(file, bytes, bad), 'error', 'invalid-utf8',
        'This file is not valid UTF-8 text.',
        'Save the file as UTF-8 in your editor (in VS Code: "Save with Encoding" → UTF-8).'),
    );
  }
  return { ok: true, text };
}

/**
 * Invisible control characters (not tab, line feed or carriage return) in decoded text: they
 * usually arrive by copying from a PDF or word processor, and XML (SCORM, Common Cartridge)
 * cannot carry them, so a package would be broken. Reports the first few of a file.
 */
export function controlCharacters(file: string, text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const m of text.matchAll(bad)) {
    for (let i = scanned; i < m.index; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    scanned = m.index;
    const column = m.index - lineStart + 1;
    const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    out.push(diagnostic({ file, line, column, endLine: line, endColumn: column + 1 }, 'error', 'control-character',
      `This line holds an invisible control character (U+${code}), which would break the packages.`,
      'Delete it (retype the text around it if you cannot see it); such characters often come from text copied out of a PDF or word processor.'));
    if (out.length >= 5) break;
  }
  return out;
}

/** The diagnostic for a source file over the size limit. */
export function tooLarge(file: string, size: number, expected: string): Diagnostic {
  return diagnostic(filePlace(file), 'error', 'file-too-large',
    `This ${expected} is ${(size / 1048576).toFixed(1)} MB; source files may be at most ${MAX_SOURCE_BYTES / 1048576} MB.`,
    'Split the content into several files, or move large media into assets/.');
}

/** Common binary formats saved by mistake where text belongs, by their first bytes. */
const SIGNATURES: Array<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive or Office document (.docx, .pptx)', [0x50, 0x4b, 0x03, 0x04]],
];

function sniff(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find(([, sig]) => sig.every((b, i) => bytes[i] === b))?.[0];
}

function fail(d: Diagnostic): TextResult {
  return { ok: false, diagnostic: d };
}

/** Line and column of a byte offset, counting the valid text before it. */
function placeOfByte(file: string, bytes: Uint8Array, offset: number) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  const column = before.length + 1;
  return { file, line, column, endLine: line, endColumn: column + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let n = 0;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) n = 2;
    else if (b >= 0xf0 && b <= 0xf4) n = 3;
    else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return Math.max(0, bytes.length - 1);
}
