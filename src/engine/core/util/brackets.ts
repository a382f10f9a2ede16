/**
 * Text with its bracketed notes replaced by a space, in one pass: every `(` with the first `)`
 * after it, every `[` with the first `]` after it ("Maria Lopez (Transit)", "Advice [up to 5]").
 * This is what `text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')` gives, without its cost: that
 * expression scans to the end of the text from every bracket that is never closed, so a long
 * answer full of `[` took minutes (found by fuzzing, test/fuzz).
 *
 * `squareNeedsDigit`: a `[...]` part is a note only when it holds a digit ("[1-5]"), as
 * `/\([^)]*\)|\[[^\]]*\d[^\]]*\]/g` would have it.
 */
export function withoutBracketed(text: string, options: { squareNeedsDigit?: boolean } = {}): string {
  const n = text.length;
  if (!text.includes('(') && !text.includes('[')) return text;
  // The first `)` and `]` at or after each position, and how many digits come before it.
  const nextParen = new Int32Array(n + 1).fill(-1);
  const nextSquare = new Int32Array(n + 1).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    nextParen[i] = c === 0x29 ? i : nextParen[i + 1]!;
    nextSquare[i] = c === 0x5d ? i : nextSquare[i + 1]!;
  }
  const digitsBefore = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    digitsBefore[i + 1] = digitsBefore[i]! + (c >= 0x30 && c <= 0x39 ? 1 : 0);
  }
  const parts: string[] = [];
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x28 && c !== 0x5b) continue;
    const close = (c === 0x28 ? nextParen : nextSquare)[i + 1]!;
    if (close < 0) continue;
    if (c === 0x5b && options.squareNeedsDigit && digitsBefore[close]! - digitsBefore[i + 1]! === 0) continue;
    parts.push(text.slice(kept, i), ' ');
    kept = close + 1;
    i = close;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(kept));
  return parts.join('');
}
