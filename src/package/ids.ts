import { createHash } from 'node:crypto';

/** A short hex digest of the parts: identifiers come from content, never from a clock or RNG. */
export function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/**
 * An identifier valid as an XML `xs:ID` (starts with a letter) derived from the parts,
 * e.g. `ident('RES', module.id, 'session', session.id)` → `RES_3f9a…`.
 */
export function ident(prefix: string, ...parts: string[]): string {
  return `${prefix}_${digest(...parts).slice(0, 20)}`;
}

/** A URL- and file-safe ASCII slug. */
export function slug(text: string): string {
  return text.normalize('NFKD').replace(/[^\x00-\x7F]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'item';
}
