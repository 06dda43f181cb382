import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import type { Diagnostic, Place } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { SourceText } from './source-text.js';

export { SourceText };

/** A path into YAML data, as JSON Pointer segments: `['objectives', 2, 'text']`. */
export type DataPath = ReadonlyArray<string | number>;

/**
 * A parsed YAML document that still knows where each node came from.
 * `offset` is where the YAML starts inside `text` (non-zero for Markdown front matter),
 * so places are true to the whole file.
 */
export class YamlSource {
  constructor(
    readonly text: SourceText,
    readonly doc: Document | undefined,
    readonly offset: number,
  ) {}

  get file(): string {
    return this.text.file;
  }

  /** The place of the value at `path`, or of its nearest existing ancestor. */
  locate(path: DataPath, part: 'value' | 'key' = 'value'): Place {
    const found = this.find(path);
    const node = part === 'key' && found.key ? found.key : found.value;
    const range = node?.range;
    if (!range) return this.text.place(this.offset);
    return this.text.place(this.offset + range[0], this.offset + range[1]);
  }

  /** Whether a node exists at `path`. */
  has(path: DataPath): boolean {
    return this.find(path).depth === path.length;
  }

  private find(path: DataPath): { key?: Node; value?: Node; depth: number } {
    let current: Node | null | undefined = this.doc?.contents ?? undefined;
    let key: Node | undefined;
    let depth = 0;
    for (const segment of path) {
      if (isMap(current)) {
        const pair = current.items.find((p: Pair) => keyText(p.key) === String(segment));
        if (!pair) break;
        key = isScalar(pair.key) || isMap(pair.key) || isSeq(pair.key) ? (pair.key as Node) : undefined;
        const value = pair.value as Node | null;
        if (value === null || value === undefined) {
          // `key:` with nothing after it: point at the key.
          current = key;
          depth++;
          break;
        }
        current = value;
      } else if (isSeq(current)) {
        const item = current.items[Number(segment)] as Node | undefined;
        if (item === undefined || isPair(item)) break;
        key = undefined;
        current = item;
      } else {
        break;
      }
      depth++;
    }
    return { key, value: current ?? undefined, depth };
  }
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

export interface ParsedYaml {
  source: YamlSource;
  data: unknown;
  diagnostics: Diagnostic[];
  /** False when the YAML could not be turned into data at all. */
  ok: boolean;
}

/** Friendlier words for the `yaml` package's error codes: what happened, then what to do. */
const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'Each key may appear once in a mapping; remove or rename the second one.',
  BAD_INDENT: 'Indent nested keys with spaces, two more than their parent, and keep siblings aligned.',
  TAB_AS_INDENT: 'YAML does not allow tabs for indentation; use spaces.',
  MISSING_CHAR: 'A bracket, brace or quote was opened but not closed.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line; check for a missing `:` or a stray line break in a value above.',
  UNEXPECTED_TOKEN: 'Check the punctuation near this place: a value that starts with `:`, `{`, `[`, `*`, `&` or `#` needs quotes.',
  BLOCK_AS_IMPLICIT_KEY: 'Check the indentation and the `:` after the key above.',
  BAD_DIRECTIVE: 'Remove the line starting with `%`.',
  ALIAS_PROPS: 'An alias (`*name`) cannot carry a tag or anchor.',
  BAD_ALIAS: 'Check that the anchor (`&name`) is defined before this alias (`*name`).',
};

/**
 * Parses YAML text keeping positions. Never throws: syntax errors, duplicate keys, alias bombs and
 * pathological nesting all become diagnostics.
 */
export function parseYaml(text: SourceText, yamlText: string = text.text, offset = 0): ParsedYaml {
  let doc: Document;
  try {
    doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true, strict: true, keepSourceTokens: false });
  } catch (error) {
    return tooComplex(text, offset, error);
  }
  const source = new YamlSource(text, doc, offset);
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const start = offset + (e.pos?.[0] ?? 0);
    const end = offset + (e.pos?.[1] ?? e.pos?.[0] ?? 0);
    const message = yamlMessage(e.code, e.message);
    diagnostics.push(
      diagnostic(text.place(start, end), 'error', e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax', message,
        YAML_HINTS[e.code] ?? 'Check the YAML syntax at this place: indentation, `key: value` pairs and quotes.'),
    );
  }
  if (diagnostics.length > 0) return { source, data: undefined, diagnostics, ok: false };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return {
        source,
        data: undefined,
        ok: false,
        diagnostics: [
          diagnostic(text.place(offset), 'error', 'yaml-alias-limit',
            'This YAML expands its aliases (`*name`) too many times to be read safely.',
            'Write the values out instead of nesting aliases of aliases; module files rarely need aliases at all.'),
        ],
      };
    }
    return tooComplex(text, offset, error);
  }
  if (data === null || data === undefined) data = {};
  return { source, data, diagnostics, ok: true };
}

function tooComplex(text: SourceText, offset: number, error: unknown): ParsedYaml {
  const deep = error instanceof RangeError;
  return {
    source: new YamlSource(text, undefined, offset),
    data: undefined,
    ok: false,
    diagnostics: [
      diagnostic(text.place(offset), 'error', 'yaml-too-complex',
        deep ? 'This YAML is nested too deeply to be read.' : 'This YAML could not be read.',
        'Module files need only a few levels of nesting; check for runaway brackets or indentation.'),
    ],
  };
}

function yamlMessage(code: string, raw: string): string {
  // The yaml package's messages are accurate but terse; keep them, minus any position suffix.
  const text = raw.replace(/ at line \d+, column \d+.*$/s, '').trim();
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'This key appears twice in the same mapping.';
    case 'TAB_AS_INDENT':
      return 'A tab is used for indentation.';
    default:
      return `YAML syntax error: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  }
}
