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

/** The diagnostic for a source file over the size limit. */
export function tooLarge(file: string, size: number, expected: string): Diagnostic {
  return diagnostic(filePlace(file), 'error', 'file-too-large',
    `This ${expected} is ${(size / 1048576).toFixed(1)} MB; source files may be at most ${MAX_SOURCE_BYTES / 1048576} MB.`,
    'Split the content into several files, or move large media into assets/.');
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
