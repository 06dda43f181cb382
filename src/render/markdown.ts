import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { INSTRUCTIONAL_METHODS } from '../validate/vocabularies.js';

export type Audience = 'learner' | 'facilitator';

export interface MarkdownOptions {
  /** Learners never see `:::facilitator` blocks; facilitators see everything. */
  audience: Audience;
  /** The module opted in to raw HTML (`trustedHtml: true`). */
  trusted?: boolean;
  /** Rewrites a link or image URL written in the source (e.g. `../assets/x.png`) for the page. */
  rewriteUrl?: (url: string) => string;
  /** Reference ids in citation order, for `[@key]` → numbered links to the reference list. */
  references?: readonly string[];
  /** Where the reference list is, relative to the page (default: this page). */
  referencesHref?: string;
  /**
   * The label shown at the top of the n-th segment (0-based, source order), instead of the
   * default (title; for facilitators also minutes and method). Empty string: no label.
   */
  segmentLabel?: (index: number, attributes: Record<string, string | null | undefined>) => string;
}

/**
 * What sanitizing keeps: GitHub's schema (no scripts, no event handlers, no `javascript:` or
 * `data:` URLs, no style), plus the few classes and data attributes Upstream's own directives
 * produce. Ids are prefixed so they cannot clobber the page's globals.
 */
const schema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'section', 'aside', 'header'],
  attributes: {
    ...defaultSchema.attributes,
    section: ['className', 'dataMinutes', 'dataMethod', 'ariaLabel'],
    aside: ['className', 'ariaLabel'],
    div: [...(defaultSchema.attributes?.div ?? []), 'className', 'dataAssessment'],
    a: [...(defaultSchema.attributes?.a ?? []), 'className'],
    sup: ['className'],
    p: ['className'],
  },
};

// Processors are built once: building one per call was a quarter of a build's time.
const compilers = {
  safe: unified().use(remarkHtml, { sanitize: schema }).freeze(),
  trusted: unified().use(remarkHtml, { sanitize: false }).freeze(),
};
const inlineParser = unified().use(remarkParse).freeze();

function compile(tree: Root, options: MarkdownOptions): string {
  const processor = options.trusted ? compilers.trusted : compilers.safe;
  return String(processor.stringify(processor.runSync(tree) as Root));
}

/** Renders a session's Markdown tree to an HTML fragment for the given audience. The tree is not changed. */
export function renderMarkdown(tree: Root, options: MarkdownOptions): string {
  return compile(transform(tree, options), options);
}

/**
 * Plain one-line text, which Markdown would only wrap in a paragraph: most quiz choices and
 * feedback. Anything that could be markup (brackets, emphasis, code, HTML, entities, a list
 * marker, a line break) takes the full path. test/render/markdown.test.ts checks both agree.
 */
const PLAIN = /^[A-Za-z0-9(“‘"'][A-Za-z0-9 ,.;:?!'’‘“”"()/%–—-]*$/;
const LIST_START = /^(\d+[.)]|[-+])(\s|$)/;

/** Renders a short Markdown string (a prompt, a feedback text) as HTML. */
export function renderInline(markdown: string, options: MarkdownOptions): string {
  if (PLAIN.test(markdown) && !LIST_START.test(markdown) && !markdown.endsWith(' ') && !markdown.includes('  ')) {
    return `<p>${markdown}</p>\n`;
  }
  return compile(transform(inlineParser.parse(markdown) as Root, options), options);
}

/**
 * The tree as the audience sees it: facilitator blocks dropped for learners, directives given
 * their HTML element, URLs rewritten, citations numbered. Returns new parent nodes and shares
 * the untouched leaves, so the loaded tree stays as it was without a deep copy.
 */
function transform(tree: Root, options: MarkdownOptions): Root {
  let segmentIndex = 0;
  const children = (list: RootContent[]): RootContent[] => {
    const out: RootContent[] = [];
    for (const node of list) {
      if (node.type === 'containerDirective') {
        let data: typeof node.data;
        let kids = node.children as RootContent[];
        if (node.name === 'facilitator') {
          if (options.audience === 'learner') continue;
          data = { hName: 'aside', hProperties: { className: ['facilitator'], ariaLabel: 'Facilitator note' } };
        } else if (node.name === 'segment') {
          const a = node.attributes ?? {};
          const label = [a.title, a.minutes ? `${a.minutes} min` : undefined].filter(Boolean).join(', ');
          data = {
            hName: 'section',
            hProperties: { className: ['segment'], dataMinutes: a.minutes ?? '', dataMethod: a.method ?? '', ariaLabel: label || 'Segment' },
          };
          const custom = options.segmentLabel?.(segmentIndex++, a);
          const bits = custom !== undefined ? [custom] : [a.title, options.audience === 'facilitator' && a.minutes ? `${a.minutes} min` : undefined,
            options.audience === 'facilitator' && a.method ? (INSTRUCTIONAL_METHODS[a.method] ?? a.method) : undefined];
          const text = bits.filter(Boolean).join(' · ');
          if (text) {
            kids = [{ type: 'paragraph', data: { hProperties: { className: ['segment-title'] } }, children: [{ type: 'strong', children: [{ type: 'text', value: text }] }] } as RootContent, ...kids];
          }
        } else if (node.name === 'note') {
          data = { hName: 'aside', hProperties: { className: ['note'], ariaLabel: 'Note' } };
        } else {
          continue;
        }
        out.push({ ...node, data, children: children(kids) } as RootContent);
        continue;
      }
      if (node.type === 'leafDirective') {
        if (node.name === 'assessment' && node.attributes?.id) {
          // A placeholder the page renderer fills with the assessment it generates itself.
          out.push({ type: 'paragraph', data: { hName: 'div', hProperties: { dataAssessment: node.attributes.id } }, children: [] } as RootContent);
        }
        continue;
      }
      if (node.type === 'textDirective') {
        // An accidental `:word`: keep what the author typed.
        out.push({ type: 'text', value: `:${node.name}` } as RootContent);
        continue;
      }
      let copy: RootContent = node;
      if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && options.rewriteUrl) {
        copy = { ...node, url: options.rewriteUrl(node.url) };
      }
      if ('children' in copy) copy = { ...copy, children: children(copy.children as RootContent[]) } as RootContent;
      out.push(copy);
    }
    return citations(out, options);
  };
  return { ...tree, children: children(tree.children) };
}

/** Replaces `[@key]` in text with numbered links to the reference list. */
function citations(children: RootContent[], options: MarkdownOptions): RootContent[] {
  const refs = options.references;
  if (!refs || refs.length === 0) return children;
  const out: RootContent[] = [];
  for (const node of children) {
    if (node.type !== 'text' || !node.value.includes('[@')) {
      out.push(node);
      continue;
    }
    let last = 0;
    const value = node.value;
    for (const m of value.matchAll(/\[(@[^\]\n]+)\]/g)) {
      const keys = [...m[1]!.matchAll(/@([A-Za-z0-9][\w-]*)/g)].map((k) => k[1]!);
      if (keys.some((k) => !refs.includes(k))) continue;
      if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
      const parts: PhrasingContent[] = [];
      keys.forEach((k, i) => {
        if (i > 0) parts.push({ type: 'text', value: ', ' });
        const n = refs.indexOf(k) + 1;
        parts.push({ type: 'link', url: `${options.referencesHref ?? ''}#ref-${k}`, title: null, children: [{ type: 'text', value: String(n) }] });
      });
      out.push({ type: 'text', value: '[' } as RootContent, ...(parts as RootContent[]), { type: 'text', value: ']' } as RootContent);
      last = m.index + m[0].length;
    }
    if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  }
  return out;
}

export type { Nodes };
