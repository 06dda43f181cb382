import type { Nodes, Root } from 'mdast';
import { build, type ModuleBuild } from '../../src/build.js';

/** Every module in modules/ that validates, built to site and guide (no PDF), once per test file. */
export async function buildShippedModules(): Promise<Array<ModuleBuild & { model: NonNullable<ModuleBuild['model']>; id: string }>> {
  const { modules } = await build(['modules'], { targets: ['html', 'guide'], pdf: false });
  return modules.filter((m): m is ModuleBuild & { model: NonNullable<ModuleBuild['model']>; id: string } => m.model !== undefined && m.id !== undefined);
}

export const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** What a reader of the page can see or hear: tags dropped, entities decoded, whitespace squashed. */
export function pageText(html: string): string {
  return squash(decodeEntities(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<\/?(p|div|li|ul|ol|h[1-6]|section|aside|td|th|tr|br|dd|dt|legend|label|blockquote|pre)\b[^>]*>/gi, ' ').replace(/<[^>]*>/g, '')));
}

/**
 * The text of a block, split where rendering changes it (citations become numbers), in pieces
 * long enough to be distinctive. Each block-level child gives its own pieces.
 */
export function textFragments(node: Nodes, min = 24): string[] {
  const out: string[] = [];
  const inline = (n: Nodes): string => {
    if (n.type === 'text' || n.type === 'inlineCode') return n.value;
    if (n.type === 'break') return ' ';
    if (n.type === 'image' || n.type === 'html') return ' ';
    if (n.type === 'textDirective') return `:${n.name}`;
    return 'children' in n ? (n.children as Nodes[]).map(inline).join('') : '';
  };
  const block = (n: Nodes) => {
    if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableCell') {
      for (const piece of inline(n).split(/\[@[^\]\n]+\]/)) {
        const s = squash(piece);
        if (s.length >= min) out.push(s);
      }
    } else if (n.type === 'code') {
      if (squash(n.value).length >= min) out.push(squash(n.value));
    } else if ('children' in n) {
      for (const c of n.children as Nodes[]) block(c);
    }
  };
  block(node);
  return out;
}

/** Every `:::facilitator` block of a session tree. */
export function facilitatorBlocks(tree: Root): Nodes[] {
  const found: Nodes[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'containerDirective' && n.name === 'facilitator') found.push(n);
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(tree);
  return found;
}
