import type { Root, RootContent } from 'mdast';

/**
 * Fits a session's Markdown headings under the page's own: a first `# Title` (the page shows
 * the title already) is dropped, and the rest shift so that the highest becomes `base`, keeping
 * heading levels in order for screen-reader users. Returns a copy.
 */
export function fitHeadings(tree: Root, base: number): Root {
  const copy = structuredClone(tree);
  const first = copy.children.find((n) => n.type !== 'html' && n.type !== 'yaml');
  if (first?.type === 'heading' && first.depth === 1) copy.children.splice(copy.children.indexOf(first), 1);
  let min = 7;
  const each = (nodes: RootContent[], fn: (n: RootContent & { type: 'heading' }) => void) => {
    for (const n of nodes) {
      if (n.type === 'heading') fn(n);
      if ('children' in n) each(n.children as RootContent[], fn);
    }
  };
  each(copy.children, (h) => { min = Math.min(min, h.depth); });
  if (min < 7) {
    const shift = base - min;
    each(copy.children, (h) => { h.depth = Math.min(6, Math.max(1, h.depth + shift)) as typeof h.depth; });
  }
  return copy;
}
