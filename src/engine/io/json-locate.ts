/**
 * Where a JSON text first goes wrong, and why, in plain words. JSON.parse messages differ
 * between engines and some name no position, so the first error is found by a small scanner
 * that follows the JSON grammar. Iterative, so deep nesting cannot overflow the stack.
 */

export interface JsonErrorLocation {
  /** 0-based character offset. */
  index: number;
  /** 1-based line and column, as an editor shows them. */
  line: number;
  column: number;
  message: string;
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function position(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

function describeChar(c: string): string {
  if (c === "'") return 'a single quote (JSON needs double quotes)';
  return `"${c}"`;
}

/** The end of a string starting at `start` (its opening quote), or an error. */
function scanString(text: string, start: number): number | { index: number; message: string } {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') return i + 1;
    if (c === '\\') {
      const next = text[i + 1] ?? '';
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          return { index: i, message: 'a \\u escape needs four hexadecimal digits' };
        }
        i += 6;
        continue;
      }
      if (!ESCAPES.has(next)) return { index: i, message: `"\\${next}" is not a valid escape in JSON text` };
      i += 2;
      continue;
    }
    if (c.charCodeAt(0) < 0x20) {
      return { index: i, message: 'a line break or control character inside quoted text (write it as \\n)' };
    }
    i++;
  }
  return { index: start, message: 'a text in double quotes is never closed' };
}

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  const fail = (index: number, message: string): JsonErrorLocation => ({
    index,
    ...position(text, index),
    message,
  });
  const stack: Array<'{' | '['> = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length > 0 ? 'comma-or-close' : 'end');
  for (;;) {
    while (i < text.length && /[ \t\n\r]/.test(text[i] as string)) i++;
    if (i >= text.length) {
      return expect === 'end'
        ? undefined
        : fail(text.length, 'the file ends too early: a bracket, brace or quote is not closed');
    }
    const c = text[i] as string;
    switch (expect) {
      case 'value':
      case 'value-or-close': {
        if (c === ']' && expect === 'value-or-close') {
          stack.pop();
          i++;
          expect = afterValue();
        } else if (c === '{') {
          stack.push('{');
          i++;
          expect = 'key-or-close';
        } else if (c === '[') {
          stack.push('[');
          i++;
          expect = 'value-or-close';
        } else if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return fail(end.index, end.message);
          i = end;
          expect = afterValue();
        } else {
          NUMBER.lastIndex = i;
          const number = NUMBER.exec(text);
          const literal = LITERALS.find((word) => text.startsWith(word, i));
          if (number !== null) {
            i += number[0].length;
            expect = afterValue();
          } else if (literal !== undefined) {
            i += literal.length;
            expect = afterValue();
          } else if (c === ']' || c === '}') {
            return fail(i, `unexpected ${describeChar(c)}: there may be an extra comma before it`);
          } else {
            return fail(i, `unexpected ${describeChar(c)} where a value should be`);
          }
        }
        break;
      }
      case 'key':
      case 'key-or-close':
        if (c === '}' && expect === 'key-or-close') {
          stack.pop();
          i++;
          expect = afterValue();
        } else if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return fail(end.index, end.message);
          i = end;
          expect = 'colon';
        } else if (c === '}') {
          return fail(i, 'unexpected "}": there may be an extra comma before it');
        } else {
          return fail(i, `unexpected ${describeChar(c)} where a field name in double quotes should be`);
        }
        break;
      case 'colon':
        if (c !== ':') return fail(i, `a colon (:) should follow the field name, not ${describeChar(c)}`);
        i++;
        expect = 'value';
        break;
      case 'comma-or-close': {
        const open = stack[stack.length - 1];
        if (c === ',') {
          i++;
          expect = open === '{' ? 'key' : 'value';
        } else if ((c === '}' && open === '{') || (c === ']' && open === '[')) {
          stack.pop();
          i++;
          expect = afterValue();
        } else {
          return fail(i, `a comma is missing before ${describeChar(c)} (or a bracket is not closed)`);
        }
        break;
      }
      case 'end':
        return fail(i, `there is more text after the end of the data, starting with ${describeChar(c)}`);
    }
  }
}
