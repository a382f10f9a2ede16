/**
 * Splitting UCINET DL and NetDraw VNA text into lines and tokens: words separated by spaces, tabs
 * or commas, `"double quoted"` words that may hold spaces and commas (`""` inside is one quote),
 * and, in a DL header, `=` and `:` as tokens of their own. Also a short description of what a file
 * that is not DL or VNA looks like, for the message that refuses it.
 */

export interface Token {
  text: string;
  /** Written in double quotes: never a keyword, a number or a separator. */
  quoted: boolean;
  /** Offsets in the line: `start` of the token (its quote included), `end` just after it. */
  start: number;
  end: number;
  /** A quote opened and never closed: the token runs to the end of the line. */
  unclosed?: boolean;
}

/**
 * How a line is split:
 * - `header`: a DL header line; `=` and `:` are tokens of their own (`n=5` is `n`, `=`, `5`).
 * - `labels`: a DL label list; `=` separates like a comma (UCINET allows it), `:` is text.
 * - `data`: spaces, tabs and commas separate; everything else is text.
 */
export type TokenMode = 'header' | 'labels' | 'data';

/** The lines of a text, without a byte order mark; `\r\n`, `\r` and `\n` all end a line. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12 || code === 0xa0;
}

/** The tokens of one line, in order. Linear in the line's length. */
export function tokenizeLine(line: string, mode: TokenMode): Token[] {
  const tokens: Token[] = [];
  const length = line.length;
  let i = 0;
  while (i < length) {
    const code = line.charCodeAt(i);
    if (isSpace(code) || code === 44 /* , */ || (mode === 'labels' && code === 61) /* = */) {
      i++;
      continue;
    }
    if (mode === 'header' && (code === 61 /* = */ || code === 58) /* : */) {
      tokens.push({ text: line[i] as string, quoted: false, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (code === 34 /* " */) {
      const start = i;
      let text = '';
      let j = i + 1;
      let closed = false;
      while (j < length) {
        const c = line.charCodeAt(j);
        if (c === 34) {
          if (line.charCodeAt(j + 1) === 34) {
            text += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        text += line[j];
        j++;
      }
      tokens.push(closed ? { text, quoted: true, start, end: j } : { text, quoted: true, start, end: j, unclosed: true });
      i = j;
      continue;
    }
    const start = i;
    while (i < length) {
      const c = line.charCodeAt(i);
      if (isSpace(c) || c === 44) break;
      if (mode === 'header' && (c === 61 || c === 58)) break;
      if (mode === 'labels' && c === 61) break;
      i++;
    }
    tokens.push({ text: line.slice(start, i), quoted: false, start, end: i });
  }
  return tokens;
}

/** The first `limit` characters of a text, without a byte order mark. */
export function headOf(text: string, limit = 4096): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.slice(0, limit);
}

/**
 * What a file that is neither DL nor VNA seems to be, from its first characters: "a Pajek network
 * (.net)", "a NetDraw VNA file", ... or undefined when nothing is recognised.
 */
export function describeOtherFormat(text: string): string | undefined {
  const head = headOf(text, 2048);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008]/.test(head)) return 'a binary file (a UCINET ##h/##d dataset or a workbook?), not text';
  const trimmed = head.trimStart();
  const lower = trimmed.toLowerCase();
  if (lower.startsWith('<?xml') || lower.startsWith('<')) {
    if (lower.includes('<gexf')) return 'a GEXF file (Gephi)';
    if (lower.includes('<graphml')) return 'a GraphML file';
    return 'an XML file';
  }
  if (/^\*(vertices|network|arcs|edges|matrix|arcslist|edgeslist)\b/.test(lower)) return 'a Pajek network (.net)';
  if (/^\*(node|tie)\s+(data|properties)\b/.test(lower)) return 'a NetDraw VNA file';
  if (/^dl(\s|,|$)/.test(lower)) return 'a UCINET DL file';
  if (/^(strict\s+)?(di)?graph\s*[\w"]*\s*\{/.test(lower)) return 'a Graphviz DOT file';
  if (/^(creator\s+"[^"]*"\s+)?graph\s*\[/.test(lower)) return 'a GML file';
  if (lower.startsWith('{') || lower.startsWith('[')) return 'a JSON file';
  const firstLine = trimmed.split(/\r\n|\r|\n/, 1)[0] ?? '';
  if (firstLine.includes(',') || firstLine.includes(';') || firstLine.includes('\t')) {
    return 'a spreadsheet table (CSV) or an edge list';
  }
  return undefined;
}
