/**
 * A small, tolerant XML reader for checking manifests: elements with their qualified names as
 * written (prefixes kept, since Moodle reads them literally), attributes, text. Well-formedness is
 * xmllint's job; this only has to read what a manifest says.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

export class XmlSyntaxError extends Error {}

/** Parses a document; throws XmlSyntaxError on mismatched or unclosed tags. */
export function parseXml(src: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: XmlElement[] = [root];
  let i = 0;
  let line = 1;
  const advance = (to: number) => {
    for (let k = i; k < to; k++) if (src.charCodeAt(k) === 10) line++;
    i = to;
  };
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    if (lt < 0) {
      stack.at(-1)!.text += decodeEntities(src.slice(i));
      break;
    }
    if (lt > i) stack.at(-1)!.text += decodeEntities(src.slice(i, lt));
    advance(lt);
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i);
      if (end < 0) throw new XmlSyntaxError(`line ${line}: unclosed comment`);
      advance(end + 3);
    } else if (src.startsWith('<![CDATA[', i)) {
      const end = src.indexOf(']]>', i);
      if (end < 0) throw new XmlSyntaxError(`line ${line}: unclosed CDATA`);
      stack.at(-1)!.text += src.slice(i + 9, end);
      advance(end + 3);
    } else if (src.startsWith('<?', i)) {
      const end = src.indexOf('?>', i);
      if (end < 0) throw new XmlSyntaxError(`line ${line}: unclosed processing instruction`);
      advance(end + 2);
    } else if (src.startsWith('<!', i)) {
      // DOCTYPE, possibly with an internal subset.
      let depth = 0;
      let k = i;
      for (; k < src.length; k++) {
        const c = src[k];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      advance(k + 1);
    } else if (src[i + 1] === '/') {
      const end = src.indexOf('>', i);
      if (end < 0) throw new XmlSyntaxError(`line ${line}: unclosed end tag`);
      const name = src.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open === root || open.name !== name) throw new XmlSyntaxError(`line ${line}: </${name}> does not close <${open?.name ?? ''}>`);
      advance(end + 1);
    } else {
      const m = /^<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(src.slice(i, i + 200000));
      if (!m) throw new XmlSyntaxError(`line ${line}: malformed tag`);
      const el: XmlElement = { name: m[1]!, attrs: {}, children: [], text: '', line };
      for (const a of m[2]!.matchAll(/([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) el.attrs[a[1]!] = decodeEntities(a[3] ?? a[4] ?? '');
      stack.at(-1)!.children.push(el);
      if (!m[3]) stack.push(el);
      advance(i + m[0].length);
    }
  }
  if (stack.length > 1) throw new XmlSyntaxError(`<${stack.at(-1)!.name}> is never closed`);
  return root;
}

/** The local part of a qualified name. */
export const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Direct children with the given local name. */
export function kids(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => local(c.name) === name);
}

/** Every descendant with the given local name, in document order. */
export function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (local(c.name) === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** Text of an element and its descendants, trimmed. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return '';
  return (el.text + el.children.map(textOf).join('')).trim();
}

/** An attribute by local name, whatever its prefix (e.g. `scormType` finds `adlcp:scormType`). */
export function attrLocal(el: XmlElement, name: string): { key: string; value: string } | undefined {
  for (const [k, v] of Object.entries(el.attrs)) if (local(k) === name && !k.startsWith('xmlns')) return { key: k, value: v };
  return undefined;
}
