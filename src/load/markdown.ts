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
  const tree = parser.parse(blanked) as Root;
  return { frontMatter, data, body, tree, diagnostics };
}
