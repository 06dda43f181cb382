/** Escapes text for XML element content and attribute values. */
export function esc(text: string | number): string {
  return String(text)
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Attributes in the order given; undefined values are left out. */
export function attrs(map: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(map).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${esc(String(v))}"`).join('');
}

/** `<name attrs>children</name>` (or self-closing when there are no children). */
export function el(name: string, attributes: Record<string, string | number | boolean | undefined> = {}, ...children: Array<string | false | undefined | null>): string {
  const inner = children.filter((c): c is string => typeof c === 'string' && c !== '').join('');
  return inner === '' ? `<${name}${attrs(attributes)}/>` : `<${name}${attrs(attributes)}>${inner}</${name}>`;
}

/** An element holding escaped text. */
export function text(name: string, value: string | number, attributes: Record<string, string | number | boolean | undefined> = {}): string {
  return `<${name}${attrs(attributes)}>${esc(value)}</${name}>`;
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

const encoder = new TextEncoder();
export const utf8 = (s: string): Uint8Array => encoder.encode(s);
