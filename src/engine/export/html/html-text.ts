/**
 * HTML written as text, safe by construction: every value put into an `html` template is escaped
 * unless it is already `Html` (made by this module), so a label such as `<img onerror=…>` reaches
 * the page as text. Used by the report and the member packets, which are files a weaver sends on.
 */

/** A piece of markup this module built; plain strings are never trusted as markup. */
export interface Html {
  readonly __html: string;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for an element's content or a quoted attribute value. Lone surrogates and the
 * control characters HTML forbids become U+FFFD, so a hostile label cannot make the file invalid.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** What an `html` template accepts: markup, text (escaped), numbers, nothing, or lists of them. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'number') return escapeHtml(String(value));
  if (typeof value === 'string') return escapeHtml(value);
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  return (value as Html).__html;
}

/** Markup from a template: the literal parts are trusted, every interpolated value is escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + (strings[i + 1] ?? '');
  return { __html: out };
}

/**
 * Markup netweave wrote itself (an SVG drawn by Observable Plot from escaped data, a stylesheet):
 * the one way to mark a string as markup, never to be given text that came from a file.
 */
export function trusted(markup: string): Html {
  return { __html: markup };
}

/** The markup as a string, to write to a file. */
export function htmlString(value: HtmlValue): string {
  return render(value);
}
