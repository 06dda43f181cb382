/**
 * HTML from template literals. Every interpolated value is escaped unless it is already `Html`,
 * so text from YAML cannot become markup by accident: to insert markup you must say `raw()`.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Markup that is already safe: sanitized Markdown output, or HTML this code wrote itself. */
export function raw(markup: string): Html {
  return new Html(markup);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function flatten(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(flatten).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += flatten(v) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Joins pieces of markup (escaping strings) into one. */
export function join(parts: readonly Value[], separator = ''): Html {
  return new Html(parts.map(flatten).join(separator));
}

/** A string usable in an id attribute: module ids are kebab-case already, this keeps others safe. */
export function idPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`);
}

/** The head lines every generated page shares: encoding, its Content-Security-Policy, phone viewport, no referrer. */
export function commonHead(csp: string): Html {
  return raw(`<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">`);
}
