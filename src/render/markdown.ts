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

/** Renders a session's Markdown tree to an HTML fragment for the given audience. */
export function renderMarkdown(tree: Root, options: MarkdownOptions): string {
  const copy = structuredClone(tree);
  transform(copy, options);
  const processor = unified().use(remarkHtml, options.trusted ? { sanitize: false } : { sanitize: schema });
  return String(processor.stringify(processor.runSync(copy) as Root));
}

/** Renders a short Markdown string (a prompt, a feedback text) as HTML. */
export function renderInline(markdown: string, options: MarkdownOptions): string {
  const processor = unified().use(remarkParse).use(remarkHtml, options.trusted ? { sanitize: false } : { sanitize: schema });
  const tree = processor.parse(markdown) as Root;
  transform(tree, options);
  return String(processor.stringify(processor.runSync(tree) as Root));
}

function transform(tree: Root, options: MarkdownOptions): void {
  let segmentIndex = 0;
  const visit = (parent: { children: RootContent[] }) => {
    const out: RootContent[] = [];
    for (const node of parent.children) {
      if (node.type === 'containerDirective') {
        if (node.name === 'facilitator') {
          if (options.audience === 'learner') continue;
          node.data = { hName: 'aside', hProperties: { className: ['facilitator'], ariaLabel: 'Facilitator note' } };
        } else if (node.name === 'segment') {
          const a = node.attributes ?? {};
          const label = [a.title, a.minutes ? `${a.minutes} min` : undefined].filter(Boolean).join(', ');
          node.data = {
            hName: 'section',
            hProperties: { className: ['segment'], dataMinutes: a.minutes ?? '', dataMethod: a.method ?? '', ariaLabel: label || 'Segment' },
          };
          const custom = options.segmentLabel?.(segmentIndex++, a);
          const bits = custom !== undefined ? [custom] : [a.title, options.audience === 'facilitator' && a.minutes ? `${a.minutes} min` : undefined,
            options.audience === 'facilitator' && a.method ? (INSTRUCTIONAL_METHODS[a.method] ?? a.method) : undefined];
          const text = bits.filter(Boolean).join(' · ');
          if (text) {
            node.children.unshift({ type: 'paragraph', data: { hProperties: { className: ['segment-title'] } }, children: [{ type: 'strong', children: [{ type: 'text', value: text }] }] });
          }
        } else if (node.name === 'note') {
          node.data = { hName: 'aside', hProperties: { className: ['note'], ariaLabel: 'Note' } };
        } else {
          continue;
        }
        visit(node);
        out.push(node);
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
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
        if (options.rewriteUrl) node.url = options.rewriteUrl(node.url);
      }
      if ('children' in node) visit(node as { children: RootContent[] });
      out.push(node);
    }
    parent.children = citations(out, options);
  };
  visit(tree);
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
