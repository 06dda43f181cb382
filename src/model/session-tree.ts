import type { Nodes, Root } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import type { Segment } from './types.js';

export type Directive = ContainerDirective | LeafDirective | TextDirective;

/** Every node of a tree, depth first, with its ancestors. */
export function* walkTree(node: Nodes, ancestors: Nodes[] = []): Generator<{ node: Nodes; ancestors: Nodes[] }> {
  yield { node, ancestors };
  if ('children' in node) {
    const next = [...ancestors, node];
    for (const child of node.children) yield* walkTree(child as Nodes, next);
  }
}

export function isDirective(node: Nodes): node is Directive {
  return node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective';
}

/** The `:::segment` blocks of a session, in order, with their minutes (NaN when not a whole number). */
export function segmentsOf(tree: Root): Segment[] {
  const out: Segment[] = [];
  for (const { node } of walkTree(tree)) {
    if (node.type !== 'containerDirective' || node.name !== 'segment') continue;
    const a = node.attributes ?? {};
    const minutes = /^\d+$/.test(a.minutes ?? '') ? Number(a.minutes) : Number.NaN;
    const seg: Segment = { minutes, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
    if (a.title) seg.title = a.title;
    if (a.method) seg.method = a.method;
    if (a.group) seg.group = a.group;
    out.push(seg);
  }
  return out;
}

/** Citation keys written as `[@key]` or `[@key; @other]` in a text, with the offset of each. */
export function citationKeys(text: string): Array<{ key: string; index: number }> {
  const out: Array<{ key: string; index: number }> = [];
  for (const group of text.matchAll(/\[(@[^\]\n]+)\]/g)) {
    for (const m of group[1]!.matchAll(/@([A-Za-z0-9][\w-]*)/g)) out.push({ key: m[1]!, index: group.index + 1 + m.index });
  }
  return out;
}
