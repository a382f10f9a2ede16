/**
 * The text layer of Pajek files, shared by the reader and the writer: lines (LF, CRLF or CR),
 * tokens (runs of non-blank characters, or "quoted text"), Pajek's `&#dddd;` character
 * references, the content sniff for format detection and a description of what a file that is not
 * Pajek looks like, for the error message.
 */

import type { AttributeValue } from '../core/model/records.ts';

/** The keywords a Pajek network or project file starts with (after comments). */
const PAJEK_START = /^\*(?:network|vertices|vertex|arcs|edges|arcslist|edgeslist|matrix|partition|vector)(?![a-z])/i;

/** How far `looksLikePajek` reads: comments longer than this are not a Pajek header we can see. */
const SNIFF_CHARS = 65_536;

/** Calls `visit(line, lineNumber)` for every line (1-based), without the line break. Linear, no split. */
export function forEachLine(text: string, visit: (line: string, lineNumber: number) => boolean | void): void {
  // Old Mac files end lines with CR alone; everything else has LF (CRLF included).
  const separator = text.indexOf('\n') < 0 && text.indexOf('\r') >= 0 ? '\r' : '\n';
  let start = 0;
  let lineNumber = 0;
  const length = text.length;
  while (start <= length) {
    let end = text.indexOf(separator, start);
    if (end < 0) end = length;
    lineNumber += 1;
    let stop = end;
    if (separator === '\n' && stop > start && text.charCodeAt(stop - 1) === 13) stop -= 1;
    if (visit(text.slice(start, stop), lineNumber) === false) return;
    if (end === length) return;
    start = end + 1;
  }
}

function isBlank(code: number): boolean {
  // space, tab, CR, vertical tab, form feed, no-break space
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || code === 160;
}

/**
 * Splits a line into `out` (cleared first): runs of non-blank characters, or the text between a
 * pair of double quotes (quotes removed; Pajek has no escape inside quotes). Returns false when a
 * quote is not closed (the rest of the line is then the last token), which in a file that was
 * cut short is usually the truncated line.
 */
export function tokenize(line: string, out: string[]): boolean {
  out.length = 0;
  const length = line.length;
  let i = 0;
  while (i < length) {
    const code = line.charCodeAt(i);
    if (isBlank(code)) {
      i += 1;
      continue;
    }
    if (code === 34) {
      const close = line.indexOf('"', i + 1);
      if (close < 0) {
        out.push(line.slice(i + 1));
        return false;
      }
      out.push(line.slice(i + 1, close));
      i = close + 1;
      continue;
    }
    let j = i + 1;
    while (j < length && !isBlank(line.charCodeAt(j))) j += 1;
    out.push(line.slice(i, j));
    i = j;
  }
  return true;
}

const REFERENCE = /&#(?:(\d{1,7})|[xX]([0-9a-fA-F]{1,6}));/g;

/**
 * Pajek saves non-ASCII characters of labels as `&#dddd;` unless told to write UTF-8; this turns
 * them (and the hexadecimal `&#xhhhh;`) back into characters. Anything else is left as written.
 */
export function decodeReferences(text: string): string {
  if (text.indexOf('&#') < 0) return text;
  return text.replace(REFERENCE, (whole, decimal: string | undefined, hex: string | undefined) => {
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
    return String.fromCodePoint(code);
  });
}

/** A name after a keyword (`*Network Padgett's families`, `*Partition "Sex"`): trimmed, unquoted, references decoded. */
export function headerName(rest: string): string {
  let name = rest.trim();
  if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1).trim();
  return decodeReferences(name);
}

/**
 * Whether the text starts (after a byte-order mark, blank lines and `%` comments) with a Pajek
 * keyword: `*Vertices`, `*Network`, `*Arcs`, `*Edges`, `*Matrix`, `*Partition`, ... Reads at most
 * the first 64 KB, so it is cheap on any file.
 */
export function looksLikePajek(text: string): boolean {
  const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  let found = false;
  forEachLine(head, (raw, lineNumber) => {
    const line = (lineNumber === 1 ? stripBom(raw) : raw).trim();
    if (line === '' || line.startsWith('%')) return true;
    found = PAJEK_START.test(line);
    return false;
  });
  return found;
}

/** Whether a line (trimmed) is where a Pajek file may start. */
export function isPajekStart(line: string): boolean {
  return PAJEK_START.test(line);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** What a first line that is not Pajek looks like, for the error message ("a CSV table"). */
export function describeForeignLine(line: string): string {
  const text = line.trim();
  if (/^<\?xml|^<graphml|^<gexf/i.test(text)) return 'an XML file (GraphML or GEXF?)';
  if (/^<[a-z!]/i.test(text)) return 'an XML or HTML file';
  if (/^(?:strict\s+)?digraph\b/i.test(text) || /^(?:strict\s+)?graph\b[^[]*\{/i.test(text)) return 'a Graphviz DOT file';
  if (/^graph\b/i.test(text) || /^creator\s/i.test(text) || /^version\s+\d/i.test(text)) return 'a GML file';
  if (/^dl\b/i.test(text)) return 'a UCINET DL file';
  if (/^[[{]/.test(text)) return 'a JSON file';
  if (/^\*/.test(text)) return 'a file with a "*" heading Pajek does not use';
  if (/[,;\t|]/.test(text)) return 'a CSV table';
  return 'plain text';
}

/** A line shortened for a message. */
export function excerpt(line: string, max = 60): string {
  const text = line.trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

// ------------------------------------------------------------------ legends of partitions and vectors

/** `k: value` at the start of a legend comment (after the `%`). */
const LEGEND_ENTRY = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*:\s*/;

/** A JSON text that is an attribute value (text, number, flag, list of texts, null), else undefined. */
function jsonValue(text: string): AttributeValue | undefined {
  const first = text.charAt(0);
  if (!(first === '"' || first === '[' || first === '-' || (first >= '0' && first <= '9') || text === 'true' || text === 'false' || text === 'null')) {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return undefined;
}

/** One line of a partition's or vector's legend, as the writer puts it after `*Partition name`: `% 1: "Health"`. */
export function legendLine(code: number, value: AttributeValue): string {
  // JSON escapes line breaks; U+2028 and U+2029 too, so no reader takes them for one.
  return `% ${code}: ${JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}`;
}

/**
 * The entries of a legend comment (the text after `%`): `1: "Health"` (one JSON value, as the
 * writer puts it) or `1: female; 2: male` (Batagelj's `vecnom2clu`, texts apart by `; `), each value
 * JSON when it reads as one, else the text. Undefined when the comment is not a legend.
 */
export function parseLegend(comment: string): Array<[number, AttributeValue]> | undefined {
  let match = LEGEND_ENTRY.exec(comment);
  if (match === null) return undefined;
  const whole = comment.slice(match[0].length).trim();
  const single = jsonValue(whole);
  if (single !== undefined) return [[Number(match[1]), single]];
  const entries: Array<[number, AttributeValue]> = [];
  let rest = comment;
  while (match !== null) {
    const code = Number(match[1]);
    rest = rest.slice(match[0].length);
    const next = /;\s*(?=[+-]?[\d.][^:;]*:)/.exec(rest);
    const text = (next === null ? rest : rest.slice(0, next.index)).trim();
    entries.push([code, jsonValue(text) ?? text]);
    if (next === null) break;
    rest = rest.slice(next.index + next[0].length);
    match = LEGEND_ENTRY.exec(rest);
  }
  return entries;
}
