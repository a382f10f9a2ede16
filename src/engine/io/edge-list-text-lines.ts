/**
 * The line and field reading shared by the headerless edge-list reader (edge-list-text.ts) and
 * the adjacency-list reader (adjacency-list.ts): lines walked one at a time (files of millions of
 * lines are never split into an array), `#` and `%` comment lines, and fields separated by
 * whitespace, tabs, `;`, `,` or `|`, with "double" or 'single' quotes around names that hold a
 * separator.
 */

export type Separator = 'whitespace' | 'tab' | ';' | ',' | '|';

/**
 * Calls `visit` with each line (without its line break, `\r\n` or `\n`), its 1-based number and
 * the offset where the next line starts. A byte-order mark at the start is skipped. `visit`
 * returns false to stop early.
 */
export function forEachLine(text: string, visit: (line: string, number: number, next: number) => boolean | void): void {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let number = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    const next = end < 0 ? text.length : end + 1;
    if (end < 0) end = text.length;
    const cut = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    number += 1;
    if (visit(text.slice(start, cut), number, next) === false) return;
    start = next;
  }
}

export interface SplitLine {
  /** The fields, unquoted; empty for a blank or comment line. */
  fields: string[];
  /** A networkx data dictionary that ends the line (`{'weight': 3}`), when asked for and found. */
  data?: string;
  /** The line is a comment (`#` or `%` first), or blank. */
  skip: boolean;
  /** The text of a comment line, without its marker. */
  comment?: string;
  /** Why the line could not be split (an unclosed quote), in words for the user. */
  error?: string;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12 || code === 13 || code === 0xa0 || code === 0x3000;
}

function separatorCode(separator: Separator): number {
  if (separator === 'tab') return 9;
  if (separator === 'whitespace') return 32;
  return separator.charCodeAt(0);
}

/**
 * The fields of one line. With `separator` 'whitespace' any run of spaces and tabs separates
 * fields; 'tab' splits on tabs only (names may hold spaces); the other separators split on that
 * character, with the spaces around each field trimmed and empty fields dropped. A `#` that
 * starts the line or follows a space (outside quotes) starts a comment, as networkx reads them;
 * `%` starts a comment line only at the start (KONECT, Matrix Market). With `dict`, a `{` that
 * starts a field begins a networkx data dictionary running to the end of the line.
 */
export function splitLine(line: string, separator: Separator, options: { dict?: boolean } = {}): SplitLine {
  let i = 0;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  if (i === line.length) return { fields: [], skip: true };
  const first = line[i];
  if (first === '#' || first === '%') return { fields: [], skip: true, comment: line.slice(i + 1).trim() };
  const fields: string[] = [];
  const whitespace = separator === 'whitespace';
  const sep = separatorCode(separator);
  const ends = (code: number): boolean => (whitespace ? isSpace(code) : code === sep);
  while (i < line.length) {
    // The start of a field: spaces before it are never part of it.
    while (i < line.length && isSpace(line.charCodeAt(i)) && (whitespace || line.charCodeAt(i) !== sep)) i++;
    if (i >= line.length) break;
    const char = line[i] as string;
    if (!whitespace && line.charCodeAt(i) === sep) {
      i += 1; // an empty field
      continue;
    }
    if (char === '#' && (i === 0 || isSpace(line.charCodeAt(i - 1)) || line.charCodeAt(i - 1) === sep)) break;
    if (options.dict === true && char === '{') return { fields, data: line.slice(i).trim(), skip: false };
    let field: string;
    if (char === '"' || char === "'") {
      let value = '';
      let j = i + 1;
      let closed = false;
      while (j < line.length) {
        const c = line[j] as string;
        if (c === char) {
          if (line[j + 1] === char) {
            value += char;
            j += 2;
            continue;
          }
          closed = true;
          j += 1;
          break;
        }
        value += c;
        j += 1;
      }
      if (!closed) return { fields, skip: false, error: `the quote ${char} before "${value.slice(0, 30)}" is never closed` };
      // Text after the closing quote, up to the separator, belongs to the same field (`"a"b`).
      let k = j;
      while (k < line.length && !ends(line.charCodeAt(k))) k++;
      field = value + line.slice(j, k).trim();
      i = k;
    } else {
      let j = i;
      while (j < line.length && !ends(line.charCodeAt(j))) j++;
      field = line.slice(i, j).trim();
      i = j;
    }
    if (field !== '') fields.push(field);
    if (i < line.length && !whitespace) i += 1; // past the separator
  }
  return { fields, skip: fields.length === 0 };
}

/** Whether a field is plainly a number (`3`, `-1.5`, `12.3e5`), as a weight column holds. */
export function isNumberField(field: string): boolean {
  return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(field);
}

/**
 * The first data lines of a text (comment and blank lines skipped), at most `count` of them, read
 * from at most `chars` characters; a line cut off by that limit is left out. For detection.
 */
export function sampleLines(text: string, count = 200, chars = 65_536): string[] {
  const sample = text.length > chars ? text.slice(0, chars) : text;
  const cut = text.length > chars;
  const lines: string[] = [];
  forEachLine(sample, (line, _number, next) => {
    if (cut && next >= sample.length && !sample.endsWith('\n')) return false;
    const trimmed = line.trim();
    if (trimmed !== '' && trimmed[0] !== '#' && trimmed[0] !== '%') lines.push(line);
    return lines.length < count;
  });
  return lines;
}

/**
 * What a file's first data line says it is, when that is some other format than a list of
 * names: 'XML (GraphML or GEXF?)', 'a Pajek network', ...; undefined when it could be a list.
 * Lets the list readers give one clear error instead of one per line.
 */
export function foreignFormat(line: string): string | undefined {
  const text = line.trim();
  if (text.startsWith('<')) return 'XML (a GraphML or GEXF file?)';
  if (text.startsWith('{') || text.startsWith('[')) return 'JSON';
  if (/^\*(vertices|network|arcs|edges|arcslist|edgeslist|matrix|partition|vector)\b/i.test(text)) return 'a Pajek network';
  if (/^\*(node|tie) (data|properties)\b/i.test(text)) return 'a NetDraw VNA file';
  if (/^dl\b/i.test(text)) return 'a UCINET DL file';
  if (/^(strict\s+)?(di)?graph(\s+("[^"]*"|[\w.]+))?\s*\{/i.test(text)) return 'a Graphviz DOT file';
  if (/^(graph\s*\[|creator\s+")/i.test(text)) return 'a GML file';
  if (text.startsWith('PK\u0003\u0004') || text.includes('\u0000')) return 'a binary file (an Excel workbook or an archive?)';
  return undefined;
}
