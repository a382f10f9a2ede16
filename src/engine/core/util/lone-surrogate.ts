/**
 * Text with half of a UTF-16 surrogate pair (`\ud800` in JSON, `_xD800_` in a workbook): no
 * character at all, left by damaged files or tools that cut strings in the middle of an emoji.
 * Such text cannot be URI-encoded or written as UTF-8, so readers name it instead of letting it
 * fail somewhere far from the file.
 */
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE.test(text);
}

/** The text with each lone surrogate shown as U+FFFD (for messages). */
export function showLoneSurrogates(text: string): string {
  return text.replace(new RegExp(LONE.source, 'g'), '\uFFFD');
}
