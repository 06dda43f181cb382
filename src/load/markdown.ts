import matter from 'gray-matter';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { SourceText } from './source-text.js';
import { parseYaml, YamlSource } from './yaml-source.js';

// GitHub-flavoured Markdown: authors write tables (comparison grids, schedules) and strikethrough.
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

export interface ParsedMarkdown {
  /** Front matter, positioned in the whole file. */
  frontMatter: YamlSource;
  data: unknown;
  /** The file with its front matter blanked to spaces, so Markdown positions stay true. */
  body: SourceText;
  tree: Root;
  diagnostics: Diagnostic[];
}

// gray-matter finds the delimiters; we parse the YAML ourselves with `yaml` to keep positions,
// so its engine only hands the text through. An options object also turns off its cache.
const matterOptions = { engines: { yaml: { parse: () => ({}) } } } as Parameters<typeof matter>[1];

/** Parses a session file: YAML front matter with positions, then Markdown with directives. */
export function parseMarkdown(file: string, text: string): ParsedMarkdown {
  const whole = new SourceText(file, text);
  const diagnostics: Diagnostic[] = [];
  const split = matter(text, matterOptions);
  let frontMatter: YamlSource;
  let data: unknown;
  let contentStart = 0;
  if (!text.startsWith('---') || split.matter === undefined) {
    frontMatter = new YamlSource(whole, undefined, 0);
    diagnostics.push(
      diagnostic(whole.place(0), 'error', 'front-matter-missing',
        'This session file has no front matter.',
        'Start the file with a `---` line, the session\'s `id`, `title`, `duration`, `methods`, `objectives` and `groupSize`, and another `---` line.'),
    );
  } else {
    const matterOffset = text.indexOf(split.matter, 3);
    const closed = split.content !== '' || /\n---[ \t]*(\r?\n|$)/.test(text.slice(3));
    if (!closed) {
      diagnostics.push(
        diagnostic(whole.place(0, 3), 'error', 'front-matter-unclosed',
          'The front matter opened here is never closed.',
          'Add a line with just `---` after the last front-matter key.'),
      );
    }
    if (closed) {
      // With CRLF line ends the matter keeps the `\r` of its last line; YAML reads that as content.
      const parsed = parseYaml(whole, split.matter.replace(/\r$/, ''), matterOffset);
      frontMatter = parsed.source;
      data = parsed.ok ? parsed.data : undefined;
      diagnostics.push(...parsed.diagnostics);
      if (parsed.empty) {
        data = undefined;
        diagnostics.push(diagnostic(whole.place(0, 3), 'error', 'front-matter-empty',
          'The front matter of this session is empty.',
          'Between the two `---` lines, write the session\'s `id`, `title`, `duration`, `methods`, `objectives` and `groupSize`.'));
      }
    } else {
      // Unclosed, the whole file would be read as YAML: one report is enough.
      frontMatter = new YamlSource(whole, undefined, 0);
    }
    contentStart = text.length - split.content.length;
  }
  const blanked = text.slice(0, contentStart).replace(/[^\r\n]/g, ' ') + text.slice(contentStart);
  const body = new SourceText(file, blanked);
  // The Markdown parser slows down with the square (or worse) of nesting depth and of brackets
  // in one paragraph: a few thousand nested lists, `:::` blocks or `[a](` would hang it. Refuse
  // the body, and treat the session as unreadable so other checks do not report its segments.
  const deep = tooDeepLine(blanked);
  const crowded = deep === undefined ? crowdedParagraph(blanked) : undefined;
  if (deep !== undefined || crowded !== undefined) {
    diagnostics.push(deep !== undefined
      ? diagnostic(body.place(body.lineStarts[deep - 1] ?? 0), 'error', 'markdown-too-complex',
        `Blocks (lists, quotes or \`:::\` blocks) nest more than ${MAX_MARKDOWN_DEPTH} levels deep here, so the session cannot be read.`,
        'A session needs only a few levels of nesting; look for `:::` lines that open blocks but never close them, or runaway `>` or list indentation.')
      : diagnostic(body.place(body.lineStarts[crowded! - 1] ?? 0), 'error', 'markdown-too-complex',
        `This paragraph holds more than ${MAX_BRACKETS} \`[\` brackets, too many to read as links.`,
        'Split the paragraph with blank lines, or check for text pasted by mistake.'));
    return { frontMatter, data: undefined, body, tree: { type: 'root', children: [] }, diagnostics };
  }
  const tree = parser.parse(blanked) as Root;
  return { frontMatter, data, body, tree, diagnostics };
}

/** More `[` than this in one paragraph is refused (link parsing is quadratic in them). */
const MAX_BRACKETS = 1000;

/** The first line (1-based) of a paragraph, a run of non-blank lines, with too many `[`; or undefined. */
function crowdedParagraph(text: string): number | undefined {
  let count = 0;
  let start = 1;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */ && ++count > MAX_BRACKETS) return start;
    if (c === 10 /* \n */) {
      line++;
      if (/^[ \t\r]*(\n|$)/.test(text.slice(i + 1, i + 200))) {
        count = 0;
        start = line + 1;
      }
    }
  }
  return undefined;
}

/** Nesting deeper than this is refused (sessions use two or three levels). */
export const MAX_MARKDOWN_DEPTH = 64;

/**
 * The first line (1-based) at which blocks nest deeper than MAX_MARKDOWN_DEPTH, counting open
 * `:::` directive blocks, `>` and list markers at the start of the line, and indentation; or
 * undefined. Cheap and approximate, so it errs on the generous side.
 */
function tooDeepLine(text: string): number | undefined {
  let open = 0;
  let fence: string | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue; // blank (or the front matter, blanked to spaces): no nesting
    const code = /^[ \t>]*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (code !== undefined && code[0] === fence[0] && code.length >= fence.length) fence = undefined;
      continue;
    }
    if (code !== undefined) {
      fence = code;
      continue;
    }
    const directive = /^[ \t>]*:{3,}([A-Za-z][\w-]*)?/.exec(line);
    if (directive) open = directive[1] ? open + 1 : Math.max(0, open - 1);
    const prefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*/.exec(line)![0];
    const markers = (prefix.match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length;
    const indent = (/^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length);
    if (open + markers + Math.floor(indent / 2) > MAX_MARKDOWN_DEPTH) return i + 1;
  }
  return undefined;
}
