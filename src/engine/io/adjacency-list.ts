/**
 * Adjacency lists: one person per line, followed by everyone they name.
 *
 * - Gephi's CSV "adjacency list" (and its "mixed" form): `a;b;c` means a → b and a → c;
 *   separators `;`, `,`, `|`, tab or spaces, names in "double" or 'single' quotes;
 * - networkx `write_adjlist`: `a b c`, space separated, `#` comment lines first; a node with no
 *   one left to name (the last line, isolates) stands alone on its line;
 * - SocNetV's `.lst` and similar node lists: `18 8 10 23 21`.
 *
 * Every name becomes a person, including one alone on its line. Ties are undirected unless the
 * caller says otherwise (Gephi reads these files as directed, networkx's `read_adjlist` as
 * undirected). A tie listed twice (b names a after a names b, read undirected) is merged with the
 * weights added and reported once per row, as every importer does (merge-ties.ts); the warnings
 * group into one line in the output (core/util/issue-groups.ts).
 *
 * How an adjacency list is told from a headerless edge list (edge-list-text.ts), by the first data
 * lines (comments skipped):
 * - an edge-list line holds exactly two names, optionally followed by a number (a weight) or a
 *   networkx data dictionary;
 * - an adjacency-list line holds one name followed by any number of names;
 * - so a file is an adjacency list when it separates names with `;` or `|` (Gephi), or when a
 *   line holds four or more values, or three values the last of which is not a number; it is an
 *   edge list when every line holds two names and at most a number. Two-name lines mean the same
 *   tie either way, and `a b 3` is a weighted tie, never "a names b and 3".
 * - A line with one name alone is no evidence either way (the last line of networkx's
 *   write_adjlist, or an edge list cut short): a file whose other lines all hold two names is
 *   claimed by neither `looksLike...` function, so the user is asked.
 * Never throws; linear in the file's length.
 */
import type { Person, Tie } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import { resultOf, type Result } from '../core/util/result.ts';
import { foreignFormat, forEachLine, isNumberField, sampleLines, splitLine, type Separator } from './edge-list-text-lines.ts';
import { settleTies, type TieDraft } from './merge-ties.ts';
import { emptyPart, type ImportPart } from './types.ts';

export interface AdjacencyListOptions {
  /** File name used in issues. */
  file: string;
  /** Whether "a names b" is a tie from a to b. Default false. */
  directed?: boolean;
  /** The relation of every tie. Default 'tie'. */
  relation?: string;
  /** The separator between names. Default: detected (`;`, `|`, `,`, tabs between names holding spaces, else spaces). */
  separator?: Separator;
  /** Called as the file is read, with the fraction read (0..1). */
  onReadProgress?: (fraction: number) => void;
}

const COLUMN_NAMES = /^(source|target|from|to|id|name|node|label|weight|type|relation)$/i;

/** The separator a text uses, from its first data lines. */
export function adjacencySeparator(lines: readonly string[]): Separator {
  const outsideQuotes = (line: string): string => line.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, '');
  const counts = { ';': 0, '|': 0, ',': 0, tab: 0 };
  for (const line of lines) {
    const bare = outsideQuotes(line);
    if (bare.includes(';')) counts[';'] += 1;
    if (bare.includes('|')) counts['|'] += 1;
    if (bare.includes(',')) counts[','] += 1;
    if (bare.includes('\t')) counts.tab += 1;
  }
  if (counts[';'] > 0) return ';';
  if (counts['|'] > 0) return '|';
  // Commas separate names only when every line that holds two names uses them.
  const multi = lines.filter((line) => outsideQuotes(line).trim().split(/[\s,]+/).length > 1).length;
  if (counts[','] > 0 && counts[','] >= multi) return ',';
  const tabFieldsHoldSpaces = lines.some((line) =>
    line.includes('\t') && line.split('\t').some((field) => /\S\s+\S/.test(field.trim()) && !/^["']/.test(field.trim())),
  );
  return tabFieldsHoldSpaces ? 'tab' : 'whitespace';
}

/**
 * Whether a text reads as an adjacency list (see the rule above): not XML or JSON, not a matrix
 * (a first line starting with a separator, as Gephi's matrix does), not a table with a header of
 * column names, not a matrix (rows of one length whose values after the first are all numbers);
 * names separated by `;` or `|` on lines of two or more, or some line of four or more values, or
 * of three whose last is not a number.
 */
export function looksLikeAdjacencyList(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<') || start.startsWith('{') || start.startsWith('[')) return false;
  const lines = sampleLines(text);
  if (lines.length === 0) return false;
  const separator = adjacencySeparator(lines);
  const first = lines[0] as string;
  if (separator !== 'whitespace' && separator !== 'tab' && first.trimStart().startsWith(separator)) return false;
  const rows = lines.map((line) => splitLine(line, separator, { dict: separator === 'whitespace' || separator === 'tab' }));
  if (rows.some((row) => row.error !== undefined || row.data !== undefined)) return false;
  const firstFields = rows[0]?.fields ?? [];
  if (firstFields.length > 1 && firstFields.every((field) => COLUMN_NAMES.test(field))) return false;
  // A matrix: rows of one length, every value after the first a number (0 1 0 1, or A;0;1;0).
  const lengths = new Set(rows.map((row) => row.fields.length));
  if (lengths.size === 1 && (rows[0]?.fields.length ?? 0) >= 3 && rows.every((row) => row.fields.slice(1).every(isNumberField))) {
    return false;
  }
  if ((separator === ';' || separator === '|') && rows.some((row) => row.fields.length >= 2)) {
    // `a;b;3` on every line is a weighted edge list, not "a names b and 3".
    const weighted = rows.every((row) => row.fields.length === 3 && isNumberField(row.fields[2] as string));
    return !weighted;
  }
  return rows.some(
    (row) => row.fields.length >= 4 || (row.fields.length === 3 && !isNumberField(row.fields[2] as string)),
  );
}

/** Reads an adjacency list. Never throws: problems come back as the result's issues. */
export function parseAdjacencyList(text: string, options: AdjacencyListOptions): Result<ImportPart> {
  const { file } = options;
  const part = emptyPart(file);
  const log = new IssueLog(file);
  const relation = (options.relation ?? 'tie').trim() || 'tie';
  const directed = options.directed ?? false;
  const separator = options.separator ?? adjacencySeparator(sampleLines(text));
  const people: Person[] = [];
  const known = new Set<string>();
  const drafts: TieDraft[] = [];
  const admit = (id: string): void => {
    if (known.has(id)) return;
    known.add(id);
    people.push({ id, label: id, attributes: {} });
  };
  let lines = 0;
  let first = true;
  let stopped = false;
  forEachLine(text, (line, number, next) => {
    lines += 1;
    if (options.onReadProgress !== undefined && lines % 65_536 === 0) options.onReadProgress(next / text.length);
    const split = splitLine(line, separator);
    if (first && !split.skip) {
      first = false;
      const other = foreignFormat(line);
      if (other !== undefined) {
        log.error('wrong-format', `this file is ${other}, not an adjacency list (a name, then the names it is tied to); read it as that format`, { row: number });
        stopped = true;
        return false;
      }
    }
    if (split.error !== undefined) {
      log.error('bad-quote', `${split.error}; the line could not be read`, { row: number, field: 'name' });
      return;
    }
    if (split.skip) return;
    const [source, ...named] = split.fields as [string, ...string[]];
    admit(source);
    for (let index = 0; index < named.length; index++) {
      const target = named[index] as string;
      admit(target);
      const tie: Tie = { source, target, relation, directed, weight: 1 };
      drafts.push({
        tie,
        origin: { file, row: number, rowUnit: 'line', sourceField: 'name 1', targetField: `name ${index + 2}` },
      });
    }
  });
  options.onReadProgress?.(1);
  if (stopped) return resultOf(part, log.issues);
  if (people.length === 0) {
    log.error('no-ties', 'the file holds no names: every line is blank or a comment (# or %)', { row: 1 });
  }
  part.people = people;
  settleTies(part, drafts, log);
  return resultOf(part, log.issues);
}
