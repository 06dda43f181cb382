import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
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
  /** True when the YAML holds no value at all (nothing, or only comments); `data` is then `{}`. */
  empty?: boolean;
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
    return tooComplex(text, offset, error, yamlText);
  }
  const source = new YamlSource(text, doc, offset);
  if (doc.errors.some((e) => /call stack/i.test(e.message))) return tooComplex(text, offset, new RangeError('deep'), yamlText);
  const diagnostics: Diagnostic[] = [];
  // After the first syntax error the parser is guessing, and what follows is mostly an echo of
  // it (one tab can produce ten errors): report that one, plus every duplicate key.
  const firstSyntax = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  for (const e of doc.errors) {
    if (e.code !== 'DUPLICATE_KEY' && e !== firstSyntax) continue;
    const start = e.pos?.[0] ?? 0;
    const end = e.pos?.[1] ?? start;
    const said = explain(e.code, e.message, yamlText, start, end);
    diagnostics.push(
      diagnostic(text.place(offset + said.start, offset + said.end), 'error', e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax',
        said.message, said.hint),
    );
  }
  if (diagnostics.length > 0) return { source, data: undefined, diagnostics, ok: false };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      const unresolved = /^Unresolved alias[^:]*: ?(.*)$/s.exec(error.message)?.[1]?.trim();
      const alias = firstAlias(doc, unresolved);
      const at = alias ? text.place(offset + alias[0], offset + alias[1]) : text.place(offset);
      return {
        source,
        data: undefined,
        ok: false,
        diagnostics: [unresolved !== undefined
          ? diagnostic(at, 'error', 'yaml-syntax',
            `The alias \`*${unresolved}\` refers to no anchor \`&${unresolved}\` above it.`,
            `Write the value out here, or mark the value to repeat with \`&${unresolved}\` earlier in the file.`)
          : diagnostic(at, 'error', 'yaml-alias-limit',
            'This YAML expands its aliases (`*name`) too many times to be read safely.',
            'Write the values out instead of nesting aliases of aliases; module files rarely need aliases at all.')],
      };
    }
    return tooComplex(text, offset, error, yamlText);
  }
  const empty = data === null || data === undefined;
  if (empty) data = {};
  return { source, data, diagnostics, ok: true, empty };
}

/** The range of the first alias (`*name`) in a document, or of the first one named `name`. */
function firstAlias(doc: Document, name?: string): [number, number] | undefined {
  let found: [number, number] | undefined;
  try {
    visit(doc, {
      Alias(_key, node) {
        if (isAlias(node) && node.range && (name === undefined || node.source === name)) {
          found = [node.range[0], node.range[1]];
          return visit.BREAK;
        }
        return undefined;
      },
    });
  } catch {
    // Too deep to walk: the caller falls back to the top of the file.
  }
  return found;
}

interface Explained {
  message: string;
  hint: string;
  start: number;
  end: number;
}

/**
 * Words a `yaml` package error for a curriculum designer, at the place a person would look: an
 * unclosed quote or bracket at where it opens, not at where the parser gave up.
 */
function explain(code: string, raw: string, yaml: string, start: number, end: number): Explained {
  const text = raw.replace(/ at line \d+, column \d+.*$/s, '').trim();
  const at = (message: string, hint: string, s = start, e = end): Explained => ({ message, hint, start: s, end: e });
  if (code === 'DUPLICATE_KEY') {
    const key = /^[^:\r\n]{1,60}/.exec(yaml.slice(start))?.[0].trim().replace(/^["']|["']$/g, '');
    return at(`${key ? `The key \`${key}\`` : 'This key'} appears twice in the same mapping.`,
      'Each key may appear once in a mapping; remove or rename the second one.');
  }
  if (code === 'TAB_AS_INDENT') return at('A tab is used for indentation.', 'YAML does not allow tabs for indentation; use spaces.');
  const quote = /^Missing closing (["'])quote/.exec(text)?.[1];
  if (quote) {
    let open = yaml.lastIndexOf(quote, Math.max(0, start - 1));
    while (open > 0 && quote === '"' && yaml[open - 1] === '\\') open = yaml.lastIndexOf(quote, open - 1);
    const s = open >= 0 ? open : start;
    return at(`This quoted text is never closed: the closing ${quote} is missing.`,
      `Add ${quote} at the end of the value, or remove the opening one. ${quote === '"' ? 'Inside double quotes, write a quote mark as \\".' : 'Inside single quotes, write an apostrophe as \'\'.'}`,
      s, s + 1);
  }
  const flow = /^Flow (sequence|map|mapping) .*end with an? ([\]}])/.exec(text);
  if (flow) {
    const [openChar, closeChar] = flow[2] === ']' ? ['[', ']'] : ['{', '}'];
    const open = unclosed(yaml, start, openChar, closeChar);
    const s = open ?? start;
    return at(`A ${flow[1] === 'sequence' ? 'list' : 'mapping'} opened with \`${openChar}\` is never closed with \`${closeChar}\`.`,
      `Add \`${closeChar}\` at the end of the ${flow[1] === 'sequence' ? 'list' : 'mapping'}; a \`${openChar} … ${closeChar}\` that spans lines must indent its continuation lines.`,
      s, s + 1);
  }
  if (/^Sequence item without - indicator/.test(text) || code === 'BAD_INDENT') {
    const s = skipSpaces(yaml, start);
    return at('This line is indented differently from the lines around it.',
      'Indent with spaces only: keys of the same mapping start in the same column, and keys inside a list item line up with the first key after its `- `.',
      s, Math.max(s + 1, lineEnd(yaml, s)));
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && /^Nested mappings/.test(text)) {
    return at('This value contains a colon followed by a space, which YAML reads as the start of another key.',
      'Put the whole value in quotes, e.g. `title: "Upstream: a primer"`.', start, Math.max(start + 1, lineEnd(yaml, start)));
  }
  if (code === 'MULTILINE_IMPLICIT_KEY') {
    return at('YAML read this line as a key, but a key must fit on one line and end with `:`.',
      'Check for a missing `:` after a key, a wrongly indented line, or a value above that runs over several lines and needs quotes.');
  }
  const reserved = /^Plain value cannot start with (?:reserved character )?(.+)$/.exec(text)?.[1];
  if (code === 'BAD_SCALAR_START' && reserved) {
    return at(`A value that starts with \`${reserved.trim()}\` must be in quotes.`, 'Put the whole value in double quotes, e.g. `"@home"`.');
  }
  if (code === 'MULTIPLE_DOCS') {
    return at('A `---` line here starts a second YAML document, but this file may hold only one.',
      'Remove the `---` line (in a session file, `---` only opens and closes the front matter).', start, start + 3);
  }
  return at(`YAML syntax error: ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
    YAML_HINTS[code] ?? 'Check the YAML syntax at this place: indentation, `key: value` pairs and quotes.');
}

/** The offset of the last `open` before `before` that no `close` matches (quotes not counted). */
function unclosed(yaml: string, before: number, open: string, close: string): number | undefined {
  const stack: number[] = [];
  for (let i = 0; i < before && i < yaml.length; i++) {
    const c = yaml[i];
    if (c === open) stack.push(i);
    else if (c === close) stack.pop();
    else if (c === '#' && (i === 0 || /\s/.test(yaml[i - 1]!))) {
      while (i < yaml.length && yaml[i] !== '\n') i++;
    }
  }
  return stack.length > 0 ? stack[stack.length - 1] : undefined;
}

function skipSpaces(yaml: string, i: number): number {
  let j = i;
  while (j < yaml.length && (yaml[j] === ' ' || yaml[j] === '\t')) j++;
  return j < yaml.length && yaml[j] !== '\n' && yaml[j] !== '\r' ? j : i;
}

function lineEnd(yaml: string, i: number): number {
  const n = yaml.indexOf('\n', i);
  return n === -1 ? yaml.length : n;
}

function tooComplex(text: SourceText, offset: number, error: unknown, yaml?: string): ParsedYaml {
  const deep = error instanceof RangeError;
  const where = deep && yaml !== undefined ? tooDeepAt(yaml) : 0;
  return {
    source: new YamlSource(text, undefined, offset),
    data: undefined,
    ok: false,
    diagnostics: [
      diagnostic(text.place(offset + where), 'error', 'yaml-too-complex',
        deep ? 'This YAML is nested too deeply to be read.' : 'This YAML could not be read.',
        'Module files need only a few levels of nesting; check for runaway brackets or indentation.'),
    ],
  };
}

/** Where nesting first gets absurd (brackets, or `- ` and indentation on one line), or 0. */
function tooDeepAt(yaml: string): number {
  const LIMIT = 64;
  let depth = 0;
  let lineStart = 0;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml[i];
    if (c === '[' || c === '{') {
      if (++depth > LIMIT) return i;
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    } else if (c === '\n') {
      lineStart = i + 1;
    } else if (i === lineStart) {
      const lead = /^[ \t-]*/.exec(yaml.slice(i, i + 4 * LIMIT + 1))![0];
      if (lead.length > 2 * LIMIT) return i;
    }
  }
  return 0;
}
