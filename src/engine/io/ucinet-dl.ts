/**
 * UCINET DL ("data language") files: a header (`dl n=5 nm=2`, `format = fullmatrix`, label lists,
 * `labels embedded`, `matrix labels:`), then `data:`. Keywords are matched without regard to case
 * and may sit on one line or several; `n 14` without `=` is accepted, as UCINET accepts it.
 *
 * What netweave reads, and how:
 * - Formats `fullmatrix` (also `diagonal absent`), `lowerhalf`, `upperhalf`, `edgelist1`,
 *   `nodelist1` (one-mode: people by people) and `edgelist2`, `nodelist2` or a fullmatrix with
 *   `nr` ≠ `nc` (two-mode). Abbreviations `el1`, `nl1`, `fm`, `edgelist`, `nodelist` are accepted.
 *   `nodelist1b`, `blockmatrix`, `edgearray` and the like are refused by name.
 * - A one-mode file gives people (its labels, or 1..n without labels) and ties. Each matrix is a
 *   relation layer named by `matrix labels:` (`level labels:` as UCINET itself writes), else `tie`
 *   for a single matrix and `relation 1`, `relation 2`, ... for several. A matrix whose cells are
 *   symmetric is undirected (each pair read once); any other is directed, said in a warning; the
 *   `directed` option forces either (see ucinet-layers.ts). A cell's value is the tie's weight;
 *   0 is no tie; `.`, `NA`, `N/A` and `?` are missing values, read as no tie with a warning.
 * - A two-mode file is read as people by events: rows are people, columns are events, and each
 *   non-zero cell is an attendance (the value itself is not kept). It must have one matrix.
 * - Rows of a matrix start on a new line and may wrap over several lines (UCINET writes rows of
 *   58 values as 26 + 26 + 6); a row that does not end where a row should is an error.
 * - Several matrices in an edge or node list are separated by a line holding only `!`.
 * - Labels are listed (`labels:`, `row labels:`, `column labels:`; separated by commas, spaces or
 *   new lines; `"quoted"` when they hold spaces) or embedded in the data. Labels written one per
 *   line with spaces and no quotes are read one per line when that gives the right count. In a
 *   one-mode matrix the row and column labels must name the same people in the same order; when
 *   they differ only in capitals (UCINET ignores case) the spelling first seen in the file is kept.
 *
 * Every problem is an issue with file, line and field; a file that is not DL, a wrong count
 * (labels, rows, values in a row, matrices), a cell that is not a number, data cut short: the
 * result is a failure whose partial part holds the people read, never ties. Never throws; linear
 * in the size of the file.
 */
import type { Attendance, Person } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import { resultOf, type Result } from '../core/util/result.ts';
import { parseNumberText } from './numbers.ts';
import { emptyPart, type ImportPart } from './types.ts';
import { buildLayers, type LayerCell, type LayerDraft } from './ucinet-layers.ts';
import { describeOtherFormat, headOf, splitLines, tokenizeLine, type Token } from './ucinet-tokens.ts';

export interface UcinetDlOptions {
  /** File name used in issues. */
  file: string;
  /**
   * Whether the ties of a one-mode file are directed. Default: each matrix is undirected when
   * symmetric, otherwise directed (with an `asymmetric-matrix` warning). `false` refuses a matrix
   * that is not symmetric.
   */
  directed?: boolean;
}

type DlFormat = 'fullmatrix' | 'lowerhalf' | 'upperhalf' | 'edgelist1' | 'nodelist1' | 'edgelist2' | 'nodelist2';

const FORMAT_ALIASES = new Map<string, DlFormat>([
  ['fullmatrix', 'fullmatrix'],
  ['full', 'fullmatrix'],
  ['fm', 'fullmatrix'],
  ['lowerhalf', 'lowerhalf'],
  ['lh', 'lowerhalf'],
  ['upperhalf', 'upperhalf'],
  ['uh', 'upperhalf'],
  ['edgelist1', 'edgelist1'],
  ['edgelist', 'edgelist1'],
  ['el1', 'edgelist1'],
  ['el', 'edgelist1'],
  ['nodelist1', 'nodelist1'],
  ['nodelist', 'nodelist1'],
  ['nl1', 'nodelist1'],
  ['nl', 'nodelist1'],
  ['edgelist2', 'edgelist2'],
  ['el2', 'edgelist2'],
  ['nodelist2', 'nodelist2'],
  ['nl2', 'nodelist2'],
]);

const READ_FORMATS = 'fullmatrix, lowerhalf, upperhalf, edgelist1, nodelist1, edgelist2 and nodelist2';

type Dimension = 'n' | 'nr' | 'nc' | 'nm';

/** UCINET's names for the dimensions (it matches them by prefix; these are the ones in use). */
const DIMENSIONS = new Map<string, Dimension>([
  ['n', 'n'],
  ['nr', 'nr'],
  ['nrow', 'nr'],
  ['nrows', 'nr'],
  ['ni', 'nr'],
  ['nc', 'nc'],
  ['ncol', 'nc'],
  ['ncols', 'nc'],
  ['nm', 'nm'],
  ['nmat', 'nm'],
  ['nmatrices', 'nm'],
  ['nl', 'nm'],
  ['nrel', 'nm'],
  ['nresp', 'nm'],
]);

const LABEL_KINDS = new Map<string, LabelKind>([
  ['row', 'row'],
  ['rows', 'row'],
  ['col', 'column'],
  ['column', 'column'],
  ['columns', 'column'],
  ['matrix', 'matrix'],
  ['level', 'matrix'],
]);

/** Header words that carry nothing netweave uses; their line is skipped without a warning. */
const QUIET_WORDS = new Set(['title', 'comment', 'comments']);

const MISSING = new Set(['.', 'na', 'n/a', '?']);

/** More people than this is refused: a wrong header, not a network. */
const MAX_PEOPLE = 1_000_000;

/** Problems of one kind listed one by one before the rest are counted. */
const MAX_LISTED = 20;

type LabelKind = 'row' | 'column' | 'matrix' | 'both';

interface LabelBlock {
  kind: LabelKind;
  /** The keyword as written, for messages (`ROW LABELS`). */
  keyword: string;
  line: number;
  /** Non-blank lines of the list: the rest of the keyword's line, then the lines below it. */
  raw: Array<{ text: string; line: number }>;
}

interface DlHeader {
  values: Partial<Record<Dimension, { value: number; line: number }>>;
  format: DlFormat;
  diagonalAbsent: boolean;
  blocks: Partial<Record<LabelKind, LabelBlock>>;
  rowEmbedded: boolean;
  columnEmbedded: boolean;
  /** Where the data begins: line index and the offset after `data:`. */
  data: { index: number; column: number };
}

/** Logs errors of one code up to MAX_LISTED, then counts the rest. */
class CappedLog {
  private readonly counts = new Map<string, number>();
  constructor(readonly log: IssueLog) {}

  error(code: string, message: string, at: { row?: number; field?: string } = {}): void {
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    if (count <= MAX_LISTED) this.log.error(code, message, at);
  }

  /** One error per code whose problems were not all listed. */
  finish(): void {
    for (const [code, count] of this.counts) {
      if (count > MAX_LISTED) this.log.error(code, `${count - MAX_LISTED} more problems like the ones above`);
    }
  }
}

function word(token: Token | undefined): string {
  return token === undefined || token.quoted ? '' : token.text.toLowerCase();
}

function isLabelsWord(token: Token | undefined): boolean {
  const w = word(token);
  return w === 'labels' || w === 'label';
}

/** A line that starts a header item, so it ends a label list above it. */
function isKeywordLine(line: string): boolean {
  const tokens = tokenizeLine(line, 'header');
  const first = word(tokens[0]);
  const second = tokens[1];
  if (first === '') return false;
  if (first === 'data') return tokens.length === 1 || word(second) === ':';
  if (first === 'labels' || first === 'label') return word(second) === ':' || word(second) === 'embedded';
  if (LABEL_KINDS.has(first)) return isLabelsWord(second);
  if (first === 'format') return word(second) === '=' || word(second) === ':';
  if (first === 'diagonal') return true;
  if (DIMENSIONS.has(first)) return word(second) === '=';
  return false;
}

function formatOf(text: string): DlFormat | undefined {
  const lower = text.toLowerCase();
  const known = FORMAT_ALIASES.get(lower);
  if (known !== undefined) return known;
  // UCINET matches keywords by prefix: `fullm`, `lowerh`.
  if (lower.length >= 4) {
    for (const name of ['fullmatrix', 'lowerhalf', 'upperhalf'] as const) {
      if (name.startsWith(lower)) return name;
    }
  }
  return undefined;
}

/** Reads the header from the line holding `DL`; undefined (with errors logged) when unusable. */
function readHeader(lines: readonly string[], start: number, log: IssueLog): DlHeader | undefined {
  const header: Omit<DlHeader, 'data'> & { data?: DlHeader['data'] } = {
    values: {},
    format: 'fullmatrix',
    diagonalAbsent: false,
    blocks: {},
    rowEmbedded: false,
    columnEmbedded: false,
  };
  let index = start;
  outer: while (index < lines.length) {
    const line = lines[index] as string;
    const tokens = tokenizeLine(line, 'header');
    const lineNo = index + 1;
    let next = index + 1;
    let k = index === start ? 1 : 0;
    while (k < tokens.length) {
      const token = tokens[k] as Token;
      const w = word(token);
      const dimension = DIMENSIONS.get(w);
      if (dimension !== undefined) {
        k++;
        if (word(tokens[k]) === '=') k++;
        const value = tokens[k];
        if (value !== undefined && !value.quoted && /^\d+$/.test(value.text)) {
          header.values[dimension] = { value: Number(value.text), line: lineNo };
          k++;
        } else {
          log.error('bad-header', `${token.text} must be followed by a whole number, e.g. ${token.text}=5`, {
            row: lineNo,
            field: token.text,
          });
        }
        continue;
      }
      if (w === 'format') {
        k++;
        if (word(tokens[k]) === '=' || word(tokens[k]) === ':') k++;
        const value = tokens[k];
        const format = value === undefined ? undefined : formatOf(value.text);
        if (format === undefined) {
          log.error(
            'unsupported-format',
            value === undefined
              ? `FORMAT names no format; netweave reads ${READ_FORMATS}`
              : `format "${value.text}" is not one netweave reads; it reads ${READ_FORMATS} (save the data from UCINET in one of these)`,
            { row: lineNo, field: 'format' },
          );
        } else {
          header.format = format;
        }
        k++;
        continue;
      }
      if (w === 'diagonal') {
        k++;
        if (word(tokens[k]) === '=') k++;
        const value = word(tokens[k]);
        if (value === 'absent') header.diagonalAbsent = true;
        else if (value !== 'present') {
          log.warn('bad-header', `DIAGONAL should be PRESENT or ABSENT; it was read as present`, { row: lineNo, field: 'diagonal' });
          continue;
        }
        k++;
        continue;
      }
      let kind: LabelKind | undefined;
      let keyword = '';
      if (w === 'labels' || w === 'label') {
        kind = 'both';
        keyword = token.text;
        k++;
      } else if (LABEL_KINDS.has(w) && isLabelsWord(tokens[k + 1])) {
        kind = LABEL_KINDS.get(w) as LabelKind;
        keyword = `${token.text} ${(tokens[k + 1] as Token).text}`;
        k += 2;
      }
      if (kind !== undefined) {
        const after = tokens[k];
        if (word(after) === 'embedded') {
          if (kind === 'matrix') {
            log.warn('bad-header', 'matrix labels cannot be embedded in the data; this was ignored', { row: lineNo, field: keyword });
          }
          if (kind === 'row' || kind === 'both') header.rowEmbedded = true;
          if (kind === 'column' || kind === 'both') header.columnEmbedded = true;
          k++;
          if (word(tokens[k]) === ':') k++;
          continue;
        }
        // A list: the rest of this line after the colon, then every line up to the next keyword.
        const from = after === undefined ? line.length : word(after) === ':' ? after.end : after.start;
        const raw: LabelBlock['raw'] = [];
        const rest = line.slice(from);
        if (rest.trim() !== '') raw.push({ text: rest, line: lineNo });
        let j = index + 1;
        while (j < lines.length && !isKeywordLine(lines[j] as string)) {
          const text = lines[j] as string;
          if (text.trim() !== '') raw.push({ text, line: j + 1 });
          j++;
        }
        if (header.blocks[kind] !== undefined) {
          log.warn('bad-header', `${keyword} appear a second time; the second list was used`, { row: lineNo, field: keyword });
        }
        header.blocks[kind] = { kind, keyword, line: lineNo, raw };
        next = j;
        break;
      }
      if (w === 'data' && (word(tokens[k + 1]) === ':' || k + 1 === tokens.length)) {
        const colon = tokens[k + 1];
        header.data = { index, column: colon === undefined ? line.length : colon.end };
        break outer;
      }
      if (w === 'dl') {
        k++;
        continue;
      }
      if (!QUIET_WORDS.has(w)) {
        log.warn('unknown-keyword', `"${token.text}" is not a DL header word netweave knows; the rest of the line was ignored`, {
          row: lineNo,
          field: token.text,
        });
      }
      break;
    }
    index = next;
  }
  if (header.data === undefined) {
    log.error('no-data', 'the file has no DATA: line, so it holds no network (is it cut short?)', { row: lines.length });
    return undefined;
  }
  return header as DlHeader;
}

interface Dimensions {
  rows: number;
  columns: number;
  matrices: number;
  twoMode: boolean;
}

function readDimensions(header: DlHeader, log: IssueLog, headerLine: number): Dimensions | undefined {
  const { n, nr, nc, nm } = header.values;
  const twoModeFormat = header.format === 'edgelist2' || header.format === 'nodelist2';
  let rows: number | undefined;
  let columns: number | undefined;
  if (n !== undefined) {
    rows = n.value;
    columns = n.value;
    for (const [name, given] of [
      ['NR', nr],
      ['NC', nc],
    ] as const) {
      if (given !== undefined && given.value !== n.value) {
        log.error('bad-header', `${name} = ${given.value} disagrees with N = ${n.value}`, { row: given.line, field: name });
      }
    }
  } else if (nr !== undefined && nc !== undefined) {
    rows = nr.value;
    columns = nc.value;
  } else if (nr !== undefined && !twoModeFormat) {
    rows = nr.value;
    columns = nr.value;
  } else {
    log.error(
      'missing-n',
      twoModeFormat
        ? 'the header does not say how many rows and columns there are; add e.g. NR=5, NC=3 after DL'
        : 'the header does not say how many people there are; add e.g. N=5 after DL',
      { row: headerLine, field: 'n' },
    );
    return undefined;
  }
  const matrices = nm?.value ?? 1;
  const twoMode = twoModeFormat || rows !== columns;
  const at = { row: n?.line ?? nr?.line ?? headerLine };
  if (rows === 0 || columns === 0) log.error('no-people', 'the header declares no people (N = 0)', { ...at, field: 'n' });
  if (rows > MAX_PEOPLE || columns > MAX_PEOPLE) {
    log.error('too-large', `the header declares ${Math.max(rows, columns)} people, more than netweave maps (${MAX_PEOPLE}); is N right?`, { ...at, field: 'n' });
  }
  if (matrices === 0) log.error('bad-header', 'NM = 0 declares no matrices', { row: nm?.line ?? headerLine, field: 'nm' });
  if (twoMode && (header.format === 'lowerhalf' || header.format === 'upperhalf')) {
    log.error('bad-header', `a ${header.format} matrix must be square, but it is ${rows} × ${columns}`, at);
  }
  if (twoMode && header.diagonalAbsent) {
    log.error('bad-header', `DIAGONAL ABSENT needs a square matrix, but it is ${rows} × ${columns}`, at);
  }
  if (twoMode && matrices > 1) {
    log.error(
      'two-mode-matrices',
      `a two-mode (people by events) file is read with one matrix, and this one has ${matrices}; save each matrix as its own file`,
      { row: nm?.line ?? headerLine, field: 'nm' },
    );
  }
  if (log.hasErrors) return undefined;
  return { rows, columns, matrices, twoMode };
}

/** The labels of a block, `expected` of them; undefined (with an error) when the count is wrong. */
function blockLabels(block: LabelBlock, expected: number, what: string, log: IssueLog): string[] | undefined {
  const labels: string[] = [];
  for (const { text, line } of block.raw) {
    for (const token of tokenizeLine(text, 'labels')) {
      if (token.unclosed) log.warn('unclosed-quote', `a quote opened here is never closed; the label runs to the end of the line`, { row: line, field: block.keyword });
      labels.push(token.text);
    }
  }
  if (labels.length === expected) return labels;
  // Labels with spaces and no quotes, one per line (as some programs write them).
  if (block.raw.length === expected) {
    log.warn(
      'labels-per-line',
      `${block.keyword} has ${labels.length} words but ${expected} lines; as ${what} needs ${expected} labels, each line was read as one label (put labels with spaces in "quotes")`,
      { row: block.line, field: block.keyword },
    );
    return block.raw.map(({ text }) => {
      const trimmed = text.trim();
      return trimmed.length > 1 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
    });
  }
  log.error(
    'label-count',
    `${block.keyword} lists ${labels.length} label${labels.length === 1 ? '' : 's'}, but ${what} needs ${expected}`,
    { row: block.line, field: block.keyword },
  );
  return undefined;
}

interface DataLine {
  no: number;
  tokens: Token[];
}

/** The data lines, skipping blank ones. */
class DataCursor {
  private index: number;
  private pending: DataLine | undefined;
  private first = true;
  /** The number of the last line handed out (or of the `data:` line). */
  lastLine: number;

  constructor(
    private readonly lines: readonly string[],
    private readonly start: { index: number; column: number },
  ) {
    this.index = start.index;
    this.lastLine = start.index + 1;
  }

  peek(): DataLine | undefined {
    if (this.pending !== undefined) return this.pending;
    while (this.index < this.lines.length) {
      const raw = this.lines[this.index] as string;
      const text = this.first ? raw.slice(this.start.column) : raw;
      this.first = false;
      const no = this.index + 1;
      this.index++;
      const tokens = tokenizeLine(text, 'data');
      if (tokens.length > 0) {
        this.pending = { no, tokens };
        return this.pending;
      }
    }
    return undefined;
  }

  next(): DataLine | undefined {
    const line = this.peek();
    this.pending = undefined;
    if (line !== undefined) this.lastLine = line.no;
    return line;
  }
}

function isSeparator(line: DataLine): boolean {
  const only = line.tokens[0] as Token;
  return line.tokens.length === 1 && !only.quoted && only.text === '!';
}

/** What the reading of the data found, besides the cells. */
interface Tally {
  missing: number;
  zeros: number;
  nonBinary: number;
}

type ValueReading = { kind: 'tie'; weight: number } | { kind: 'none' } | { kind: 'bad' };

function readValue(token: Token, what: string, line: number, field: string | undefined, capped: CappedLog, tally: Tally): ValueReading {
  const at = field === undefined ? { row: line } : { row: line, field };
  if (!token.quoted && MISSING.has(token.text.toLowerCase())) {
    tally.missing++;
    return { kind: 'none' };
  }
  const value = token.quoted ? undefined : parseNumberText(token.text);
  if (value === undefined) {
    capped.error('bad-weight', `${what} is not a number: "${token.text}"`, at);
    return { kind: 'bad' };
  }
  if (!Number.isFinite(value)) {
    capped.error('bad-weight', `${what} is too large to use: "${token.text}"`, at);
    return { kind: 'bad' };
  }
  if (value < 0) {
    capped.error('bad-weight', `${what} is negative ("${token.text}"); tie values must be 0 (no tie) or above`, at);
    return { kind: 'bad' };
  }
  if (value === 0) {
    tally.zeros++;
    return { kind: 'none' };
  }
  if (value !== 1) tally.nonBinary++;
  return { kind: 'tie', weight: value };
}

/** The labels read from one place in the file, for comparing with the others. */
interface LabelSource {
  labels: string[];
  /** `ROW LABELS (line 4)`, `the embedded column labels (line 9)`. */
  name: string;
  line: number;
}

interface MatrixRead {
  cells: LayerCell[][];
  embeddedRows?: LabelSource;
  embeddedColumns?: LabelSource;
}

/** Reads fullmatrix, lowerhalf and upperhalf data; undefined after a structural error. */
function readMatrices(
  cursor: DataCursor,
  header: DlHeader,
  dims: Dimensions,
  columnNames: readonly string[] | undefined,
  capped: CappedLog,
  tally: Tally,
): MatrixRead | undefined {
  const log = capped.log;
  const { rows, columns, matrices } = dims;
  const format = header.format;
  const absent = header.diagonalAbsent;
  const read: MatrixRead = { cells: [] };
  const perRow = (r: number): number => {
    if (format === 'lowerhalf') return absent ? r : r + 1;
    if (format === 'upperhalf') return absent ? columns - r - 1 : columns - r;
    return absent ? columns - 1 : columns;
  };
  const columnOf = (r: number, j: number): number => {
    if (format === 'upperhalf') return absent ? r + 1 + j : r + j;
    if (format === 'fullmatrix' && absent) return j < r ? j : j + 1;
    return j;
  };
  const matrixName = (m: number): string => (matrices > 1 ? ` of matrix ${m + 1} (of ${matrices})` : '');
  const looksLikeLabel = (token: Token): boolean =>
    token.quoted || (parseNumberText(token.text) === undefined && !MISSING.has(token.text.toLowerCase()));
  const rowLabels: string[] = [];
  let labelFor = columnNames;

  for (let m = 0; m < matrices; m++) {
    const cells: LayerCell[] = [];
    read.cells.push(cells);
    if (header.columnEmbedded) {
      const upcoming = cursor.peek();
      const repeated = m > 0 && upcoming !== undefined && looksLikeLabel(upcoming.tokens[0] as Token);
      if (m === 0 || repeated) {
        const labels: string[] = [];
        let firstLine = 0;
        while (labels.length < columns) {
          const line = cursor.next();
          if (line === undefined) {
            log.error('truncated', `the data stops inside the column labels${matrixName(m)}: ${labels.length} of ${columns} read`, { row: cursor.lastLine });
            return undefined;
          }
          if (firstLine === 0) firstLine = line.no;
          for (const token of line.tokens) labels.push(token.text);
          if (labels.length > columns) {
            log.error('label-count', `the column labels embedded in the data${matrixName(m)} name ${labels.length} columns by line ${line.no}, but there are ${columns}`, {
              row: line.no,
            });
            return undefined;
          }
        }
        if (m === 0) {
          read.embeddedColumns = { labels, name: `the column labels in the data (line ${firstLine})`, line: firstLine };
          labelFor = columnNames ?? labels;
        } else {
          const previous = read.embeddedColumns?.labels ?? [];
          const differs = labels.findIndex((label, i) => label.toLowerCase() !== (previous[i] ?? '').toLowerCase());
          if (differs >= 0) {
            log.error('label-mismatch', `column ${differs + 1}${matrixName(m)} is labelled "${labels[differs]}" but "${previous[differs]}" in the first matrix`, { row: firstLine });
          }
        }
      }
    }
    for (let r = 0; r < rows; r++) {
      const expected = perRow(r);
      const first = expected === 0 && !header.rowEmbedded ? undefined : cursor.next();
      if (first === undefined && (expected > 0 || header.rowEmbedded)) {
        log.error(
          'truncated',
          `the data stops after ${r} of ${rows} rows${matrixName(m)}: N = ${rows} needs ${rows} rows${matrices > 1 ? ` in each of ${matrices} matrices` : ''} (is the file cut short, or N too large?)`,
          { row: cursor.lastLine },
        );
        return undefined;
      }
      if (first !== undefined && isSeparator(first)) {
        r--;
        continue;
      }
      let tokens = first?.tokens ?? [];
      let lineNo = first?.no ?? cursor.lastLine;
      const rowStart = lineNo;
      let from = 0;
      if (header.rowEmbedded) {
        const label = (tokens[0] as Token).text;
        from = 1;
        if (m === 0) rowLabels.push(label);
        else if ((rowLabels[r] ?? '').toLowerCase() !== label.toLowerCase()) {
          log.error('label-mismatch', `row ${r + 1}${matrixName(m)} is labelled "${label}" but "${rowLabels[r]}" in the first matrix`, { row: lineNo });
        }
      }
      let j = 0;
      for (;;) {
        for (let t = from; t < tokens.length; t++) {
          if (j >= expected) {
            log.error(
              'long-row',
              `row ${r + 1}${matrixName(m)} holds more than ${expected} values by line ${lineNo}: ${format === 'fullmatrix' ? `N = ${columns} gives each row ${expected}` : `row ${r + 1} of a ${format} matrix holds ${expected}`} (is N too small, or a value split in two?)`,
              { row: lineNo },
            );
            return undefined;
          }
          const column = columnOf(r, j);
          const field = labelFor?.[column];
          const reading = readValue(tokens[t] as Token, `the value in row ${r + 1}, column ${column + 1}${matrixName(m)}`, lineNo, field, capped, tally);
          if (reading.kind === 'tie') {
            cells.push(field === undefined ? { source: r, target: column, weight: reading.weight, line: lineNo } : { source: r, target: column, weight: reading.weight, line: lineNo, field });
            if (format !== 'fullmatrix' && column !== r) {
              cells.push({ source: column, target: r, weight: reading.weight, line: lineNo, ...(labelFor?.[r] !== undefined ? { field: labelFor[r] } : {}) });
            }
          }
          j++;
        }
        if (j === expected) break;
        // The row goes on on the next line (UCINET wraps long rows).
        const more = cursor.peek();
        if (more === undefined) {
          log.error(
            'truncated',
            `the data stops inside row ${r + 1}${matrixName(m)} (started on line ${rowStart}): it has ${j} of ${expected} values`,
            { row: lineNo },
          );
          return undefined;
        }
        if (isSeparator(more) || (header.rowEmbedded && looksLikeLabel(more.tokens[0] as Token))) {
          log.error('short-row', `row ${r + 1}${matrixName(m)} has ${j} values, but each row needs ${expected}`, { row: lineNo });
          return undefined;
        }
        if (j + more.tokens.length > expected) {
          log.error(
            'short-row',
            `row ${r + 1}${matrixName(m)} (line ${rowStart}) has ${j} values and line ${more.no} would take it to ${j + more.tokens.length}; each row holds ${expected} (N = ${columns}), so a row is short or N is wrong`,
            { row: rowStart },
          );
          return undefined;
        }
        cursor.next();
        tokens = more.tokens;
        lineNo = more.no;
        from = 0;
      }
    }
  }
  if (header.rowEmbedded) {
    read.embeddedRows = { labels: rowLabels, name: 'the row labels in the data', line: cursor.lastLine };
  }
  for (let extra = cursor.next(); extra !== undefined; extra = cursor.next()) {
    if (isSeparator(extra)) continue;
    log.error(
      'extra-data',
      `the data goes on after the last row${matrices > 1 ? ` of matrix ${matrices}` : ''}: N = ${rows}${matrices > 1 ? ` and NM = ${matrices}` : ''} say${matrices > 1 ? '' : 's'} there are no more rows (is N or NM too small?)`,
      { row: extra.no },
    );
    return undefined;
  }
  return read;
}

/** Turns the ids written in an edge or node list into person numbers on one axis (rows or columns). */
class Axis {
  readonly seen = new Map<string, number>();
  readonly names: string[] = [];
  private readonly listedIndex = new Map<string, number>();
  private readonly listedLower = new Map<string, number | null>();

  constructor(
    readonly size: number,
    readonly listed: readonly string[] | undefined,
    readonly embedded: boolean,
    /** `person`, `row`, `column` (for messages). */
    readonly noun: string,
  ) {
    listed?.forEach((label, index) => {
      if (!this.listedIndex.has(label)) this.listedIndex.set(label, index);
      const lower = label.toLowerCase();
      this.listedLower.set(lower, this.listedLower.has(lower) ? null : index);
    });
  }

  private fromList(text: string): number | undefined {
    const exact = this.listedIndex.get(text);
    if (exact !== undefined) return exact;
    return this.listedLower.get(text.toLowerCase()) ?? undefined;
  }

  resolve(token: Token, line: number, field: string, capped: CappedLog): number | undefined {
    const text = token.text;
    if (this.embedded) {
      if (this.listed !== undefined) {
        const index = this.fromList(text);
        if (index === undefined) capped.error('unknown-id', `"${text}" is not among the labels listed in the header`, { row: line, field });
        return index;
      }
      const known = this.seen.get(text);
      if (known !== undefined) return known;
      if (this.seen.size >= this.size) {
        capped.error('too-many-people', `"${text}" would be ${this.noun} ${this.seen.size + 1}, but N = ${this.size} (is N too small?)`, { row: line, field });
        return undefined;
      }
      this.seen.set(text, this.names.length);
      this.names.push(text);
      return this.names.length - 1;
    }
    if (!token.quoted && /^\d+$/.test(text)) {
      const number = Number(text);
      if (number >= 1 && number <= this.size) return number - 1;
      capped.error('bad-index', `${text} is not a ${this.noun} number between 1 and ${this.size}`, { row: line, field });
      return undefined;
    }
    const index = this.listed === undefined ? undefined : this.fromList(text);
    if (index !== undefined) return index;
    capped.error(
      'bad-index',
      `"${text}" is not a ${this.noun} number between 1 and ${this.size}; if the data names people, say LABELS EMBEDDED in the header`,
      { row: line, field },
    );
    return undefined;
  }
}

/** Reads edgelist1/2 and nodelist1/2 data; undefined after a structural error. */
function readLists(
  cursor: DataCursor,
  header: DlHeader,
  dims: Dimensions,
  rowAxis: Axis,
  columnAxis: Axis,
  capped: CappedLog,
  tally: Tally,
): LayerCell[][] | undefined {
  const log = capped.log;
  const edges = header.format === 'edgelist1' || header.format === 'edgelist2';
  const layers: LayerCell[][] = [[]];
  let last = 0;
  for (let line = cursor.next(); line !== undefined; line = cursor.next()) {
    if (isSeparator(line)) {
      layers.push([]);
      if (layers.length > dims.matrices) {
        log.error('extra-data', `a ${layers.length}th matrix starts here, but NM = ${dims.matrices} (is NM too small?)`, { row: line.no });
        return undefined;
      }
      continue;
    }
    last = line.no;
    const cells = layers[layers.length - 1] as LayerCell[];
    const tokens = line.tokens;
    if (edges) {
      if (tokens.length < 2) {
        capped.error('missing-id', `this line names only one ${rowAxis.noun}; each line of an edge list names two and an optional value`, { row: line.no });
        continue;
      }
      if (tokens.length > 3) {
        capped.error('extra-values', `this line holds ${tokens.length} items; each line of an edge list holds two ids and an optional value (put labels with spaces in "quotes")`, { row: line.no });
        continue;
      }
      const source = rowAxis.resolve(tokens[0] as Token, line.no, 'from', capped);
      const target = columnAxis.resolve(tokens[1] as Token, line.no, 'to', capped);
      const value = tokens[2] === undefined ? ({ kind: 'tie', weight: 1 } as const) : readValue(tokens[2], 'the value', line.no, 'value', capped, tally);
      if (source !== undefined && target !== undefined && value.kind === 'tie') {
        cells.push({ source, target, weight: value.weight, line: line.no });
      }
    } else {
      const source = rowAxis.resolve(tokens[0] as Token, line.no, 'ego', capped);
      for (let t = 1; t < tokens.length; t++) {
        const target = columnAxis.resolve(tokens[t] as Token, line.no, 'alter', capped);
        if (source !== undefined && target !== undefined) cells.push({ source, target, weight: 1, line: line.no });
      }
    }
  }
  if (layers.length < dims.matrices) {
    log.error(
      'missing-matrix',
      `NM = ${dims.matrices} says there are ${dims.matrices} matrices, but the data holds ${layers.length}${layers.length === 1 ? ' (in an edge or node list, matrices are separated by a line holding "!")' : ''}`,
      { row: last || cursor.lastLine },
    );
    return undefined;
  }
  return layers;
}

/** Compares label lists read from different places; the first is kept. */
function agreeOnLabels(sources: readonly LabelSource[], log: IssueLog): string[] | undefined {
  const kept = sources[0];
  if (kept === undefined) return undefined;
  let caseOnly: { a: string; b: string } | undefined;
  for (const other of sources.slice(1)) {
    let listed = 0;
    for (let i = 0; i < kept.labels.length; i++) {
      const a = kept.labels[i] as string;
      const b = other.labels[i] ?? '';
      if (a === b) continue;
      if (a.toLowerCase() === b.toLowerCase()) {
        caseOnly ??= { a, b };
        continue;
      }
      if (listed++ < 5) {
        log.error(
          'label-mismatch',
          `person ${i + 1} is "${a}" in ${kept.name} but "${b}" in ${other.name}; rows and columns must name the same people in the same order`,
          { row: other.line },
        );
      }
    }
    if (listed > 5) log.error('label-mismatch', `${listed - 5} more labels differ between ${kept.name} and ${other.name}`, { row: other.line });
  }
  if (caseOnly !== undefined) {
    log.warn(
      'label-case',
      `some labels differ only in capitals ("${caseOnly.a}" and "${caseOnly.b}"); UCINET ignores case, so they name the same people, spelt as in ${kept.name}`,
      { row: kept.line },
    );
  }
  return kept.labels;
}

function numbered(count: number): string[] {
  const labels: string[] = [];
  for (let i = 1; i <= count; i++) labels.push(String(i));
  return labels;
}

/** Every label distinct and non-empty; errors otherwise. */
function checkDistinct(labels: readonly string[], what: string, line: number, log: IssueLog): void {
  const first = new Map<string, number>();
  let reported = 0;
  labels.forEach((label, i) => {
    if (label.trim() === '') {
      if (reported++ < MAX_LISTED) log.error('missing-id', `${what} ${i + 1} has an empty label`, { row: line });
      return;
    }
    const seen = first.get(label);
    if (seen === undefined) first.set(label, i);
    else if (reported++ < MAX_LISTED) {
      log.error('duplicate-name', `"${label}" labels both ${what} ${seen + 1} and ${what} ${i + 1}; each needs its own label`, { row: line });
    }
  });
}

/** A cheap sniff: the first word is `DL` and a dimension (`N=5`, `NR 3`) follows soon after. */
export function looksLikeUcinetDl(text: string): boolean {
  const head = headOf(text, 4096);
  if (!/^\s*dl(\s|,|$)/i.test(head)) return false;
  return /\b(n|nr|nc|nrows?|ncols?)\s*=?\s*\d+/i.test(head);
}

/** Reads a UCINET DL file. Never throws: problems come back as the result's issues. */
export function parseUcinetDl(text: string, options: UcinetDlOptions): Result<ImportPart> {
  const part = emptyPart(options.file);
  const log = new IssueLog(options.file);
  const lines = splitLines(text);
  const start = lines.findIndex((line) => line.trim() !== '');
  if (start < 0) {
    log.error('empty-file', 'the file is empty');
    return resultOf(part, log.issues);
  }
  const opening = tokenizeLine(lines[start] as string, 'header')[0];
  if (word(opening) !== 'dl') {
    const other = describeOtherFormat(text);
    log.error(
      'wrong-format',
      `this is not a UCINET DL file: a DL file starts with the word DL${other === undefined ? `, and this one starts with "${(lines[start] as string).trim().slice(0, 40)}"` : `, and this one looks like ${other}`}`,
      { row: start + 1 },
    );
    return resultOf(part, log.issues);
  }
  const header = readHeader(lines, start, log);
  if (header === undefined || log.hasErrors) return resultOf(part, log.issues);
  const dims = readDimensions(header, log, start + 1);
  if (dims === undefined) return resultOf(part, log.issues);

  // Listed labels, checked against the counts.
  const blocks = header.blocks;
  const rowBlock = blocks.row ?? blocks.both;
  const columnBlock = blocks.column ?? blocks.both;
  const rowListed = rowBlock === undefined ? undefined : blockLabels(rowBlock, dims.rows, dims.twoMode ? `NR = ${dims.rows}` : `N = ${dims.rows}`, log);
  const columnListed =
    columnBlock === undefined
      ? undefined
      : columnBlock === rowBlock && !dims.twoMode
        ? rowListed
        : blockLabels(columnBlock, dims.columns, dims.twoMode ? `NC = ${dims.columns}` : `N = ${dims.columns}`, log);
  const matrixLabels = blocks.matrix === undefined ? undefined : blockLabels(blocks.matrix, dims.matrices, `NM = ${dims.matrices}`, log);
  if (log.hasErrors) return resultOf(part, log.issues);

  const capped = new CappedLog(log);
  const tally: Tally = { missing: 0, zeros: 0, nonBinary: 0 };
  const cursor = new DataCursor(lines, header.data);
  let cells: LayerCell[][] | undefined;
  let rowIds: string[] | undefined;
  let columnIds: string[] | undefined;
  const isMatrix = header.format === 'fullmatrix' || header.format === 'lowerhalf' || header.format === 'upperhalf';
  if (isMatrix) {
    const read = readMatrices(cursor, header, dims, columnListed ?? (dims.twoMode ? undefined : rowListed), capped, tally);
    capped.finish();
    if (read === undefined) return resultOf(part, log.issues);
    cells = read.cells;
    const rowSources: LabelSource[] = [];
    const columnSources: LabelSource[] = [];
    if (rowListed !== undefined && rowBlock !== undefined) rowSources.push({ labels: rowListed, name: `the ${rowBlock.keyword} list (line ${rowBlock.line})`, line: rowBlock.line });
    if (columnListed !== undefined && columnBlock !== undefined) columnSources.push({ labels: columnListed, name: `the ${columnBlock.keyword} list (line ${columnBlock.line})`, line: columnBlock.line });
    if (read.embeddedColumns !== undefined) columnSources.push(read.embeddedColumns);
    if (read.embeddedRows !== undefined) rowSources.push(read.embeddedRows);
    if (dims.twoMode) {
      rowIds = agreeOnLabels(rowSources, log) ?? numbered(dims.rows);
      columnIds = agreeOnLabels(columnSources, log) ?? numbered(dims.columns);
    } else {
      // One mode: every list names the same people; the one first in the file is kept.
      const all = rowSources.concat(columnSources).sort((a, b) => a.line - b.line);
      rowIds = agreeOnLabels(all, log) ?? numbered(dims.rows);
      columnIds = rowIds;
    }
  } else {
    const embedded = header.rowEmbedded || header.columnEmbedded;
    if (!dims.twoMode && rowListed !== undefined && columnListed !== undefined && rowListed !== columnListed) {
      agreeOnLabels(
        [
          { labels: rowListed, name: 'the row labels', line: rowBlock?.line ?? 0 },
          { labels: columnListed, name: 'the column labels', line: columnBlock?.line ?? 0 },
        ],
        log,
      );
    }
    const rowAxis = new Axis(dims.rows, rowListed, dims.twoMode ? header.rowEmbedded : embedded, dims.twoMode ? 'row' : 'person');
    const columnAxis = dims.twoMode
      ? new Axis(dims.columns, columnListed, header.columnEmbedded, 'column')
      : rowAxis;
    cells = readLists(cursor, header, dims, rowAxis, columnAxis, capped, tally);
    capped.finish();
    if (cells === undefined) return resultOf(part, log.issues);
    const idsOf = (axis: Axis, count: number): string[] => {
      if (axis.listed !== undefined) return axis.listed.slice();
      if (!axis.embedded) return numbered(count);
      if (axis.names.length < count) {
        log.warn(
          'fewer-people',
          `N${dims.twoMode ? (axis === rowAxis ? 'R' : 'C') : ''} = ${count} but the data names only ${axis.names.length}; the other ${count - axis.names.length} cannot be named (labels are embedded) and were left out`,
          { row: start + 1, field: 'n' },
        );
      }
      return axis.names;
    };
    rowIds = idsOf(rowAxis, dims.rows);
    columnIds = dims.twoMode ? idsOf(columnAxis, dims.columns) : rowIds;
  }

  checkDistinct(rowIds, dims.twoMode ? 'row' : 'person', rowBlock?.line ?? start + 1, log);
  if (dims.twoMode) checkDistinct(columnIds, 'column', columnBlock?.line ?? start + 1, log);
  if (matrixLabels !== undefined) checkDistinct(matrixLabels, 'matrix', blocks.matrix?.line ?? start + 1, log);
  part.people = rowIds.map((id): Person => ({ id, label: id, attributes: {} }));
  // Listed labels name every person on their list's line; embedded ones are found by their first tie.
  if (rowBlock !== undefined) part.personOrigins = rowIds.map(() => ({ file: options.file, row: rowBlock.line }));
  if (tally.missing > 0) {
    log.warn('missing-value', `${tally.missing} value${tally.missing === 1 ? ' is' : 's are'} missing (".", "NA" or "?"); ${tally.missing === 1 ? 'it was' : 'they were'} read as no tie`);
  }
  if (tally.zeros > 0 && !isMatrix) {
    log.warn('zero-value', `${tally.zeros} line${tally.zeros === 1 ? ' gives' : 's give'} the value 0, which means no tie; ${tally.zeros === 1 ? 'it was' : 'they were'} left out`);
  }
  if (log.hasErrors) return resultOf(part, log.issues);

  if (dims.twoMode) {
    const ids = columnIds;
    const attendance: Attendance[] = [];
    const seen = new Set<string>();
    let repeated = 0;
    for (const cell of cells[0] ?? []) {
      const person = rowIds[cell.source] as string;
      const event = ids[cell.target] as string;
      const key = `${cell.source}\u0000${cell.target}`;
      if (seen.has(key)) {
        repeated++;
        continue;
      }
      seen.add(key);
      attendance.push({ person, event });
    }
    part.attendance = attendance;
    log.warn(
      'two-mode',
      `the file is two-mode (${dims.rows} rows by ${dims.columns} columns): rows were read as people and columns as the events they attend, one attendance per non-zero cell${tally.nonBinary > 0 ? '; values other than 0 and 1 were read as attended and not kept' : ''}`,
      { row: start + 1 },
    );
    if (repeated > 0) log.warn('duplicate-attendance', `${repeated} pair${repeated === 1 ? ' is' : 's are'} listed more than once; each was kept once`);
    return resultOf(part, log.issues);
  }

  const layers: LayerDraft[] = cells.map((layerCells, m) => ({
    name: matrixLabels?.[m]?.trim() || (dims.matrices === 1 ? 'tie' : `relation ${m + 1}`),
    cells: layerCells,
  }));
  const built = buildLayers(rowIds, layers, { file: options.file, noun: 'matrix', matrix: isMatrix, ...(options.directed !== undefined ? { directed: options.directed } : {}) }, log);
  if (built === undefined) return resultOf(part, log.issues);
  part.ties = built.ties;
  part.tieOrigins = built.origins;
  part.relations = built.relations;
  return resultOf(part, log.issues);
}
