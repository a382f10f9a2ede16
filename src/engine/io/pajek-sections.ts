/**
 * The line-by-line reader behind parsePajek (pajek.ts): a state machine over Pajek's sections
 * (`*Network`, `*Vertices`, `*Arcs`, `*Edges`, `*Arcslist`, `*Edgeslist`, `*Matrix`,
 * `*Partition`, `*Vector`, and the skipped `*Permutation`, `*Cluster`, `*Hierarchy`) that keeps
 * each network's vertices and ties as drafts, by vertex number, and logs every problem with its
 * line. pajek.ts turns the drafts into people, ties and attributes.
 */
import type { AttributeValue } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import { parseNumberText, parseWeight } from './numbers.ts';
import { decodeReferences, describeForeignLine, excerpt, headerName, isPajekStart, parseLegend, stripBom, tokenize } from './pajek-text.ts';
import { TieColumns } from './pajek-ties.ts';

/** Reading stops after this many errors: a file that far off is not worth reading to the end. */
const MAX_ERRORS = 200;

/** Relation numbers are kept as 32-bit integers. */
const MAX_RELATION = 2_000_000_000;

/** More vertices than this is not a network netweave can show (and a typo must not allocate them). */
const MAX_VERTICES = 5_000_000;

/** Drawing parameters Pajek allows after a line's ends, where a weight could be. */
const LINE_PARAMETERS = new Set([
  'w', 'c', 'p', 's', 'a', 'ap', 'l', 'lp', 'lr', 'lphi', 'lc', 'la', 'fos', 'font', 'h1', 'h2', 'a1', 'a2', 'k1', 'k2',
]);

const RELATION_HEADER = /^\s*(?::\s*(\d+)|(\d+)\s*:)?\s*([\s\S]*)$/;
const KEYWORD = /^\*([A-Za-z]+)/;
export const UNNUMBERED = -1;

type LineSection = 'arcs' | 'edges' | 'arcslist' | 'edgeslist';

export interface NetworkDraft {
  /** 1-based position among the file's networks. */
  index: number;
  name: string | undefined;
  /** Line of `*Network`, or of `*Vertices` when the network has no `*Network` line. */
  line: number;
  /** Line of `*Vertices`; 0 until it is read. */
  verticesLine: number;
  /** Declared number of vertices; -1 until known, or when the count could not be read. */
  size: number;
  /** Vertices of the first mode in a two-mode network; 0 otherwise. */
  firstMode: number;
  /** Label given to vertex v (at v-1), undefined when none. */
  labels: Array<string | undefined>;
  /** Line where vertex v was listed (at v-1); 0 when it was not. */
  vertexLines: number[];
  listed: number;
  /** Relation number -> its name and the header that named it. */
  relationNames: Map<number, { name: string; line: number }>;
  /** Relation keys in order of first appearance, with the header line. */
  relationOrder: Map<number, number>;
  /** Relation keys of sections named without a number (`*Arcs "advice"`). */
  namedOnly: Map<string, number>;
  ties: TieColumns;
}

interface MatrixState {
  network: NetworkDraft;
  relation: number;
  header: number;
  rows: number;
  cols: number;
  twoMode: boolean;
  count: number;
  /** First line whose number of values is not one row's, and how many it holds. */
  unevenLine: number;
  unevenCount: number;
  overflow: boolean;
  r: number[];
  c: number[];
  v: number[];
  lines: number[];
}

export interface ValuesDraft {
  kind: 'partition' | 'vector';
  name: string;
  line: number;
  sizeLine: number;
  size: number;
  values: number[];
  overflow: boolean;
  /** What values stand for, from legend comments between the header and its `*Vertices` (`% 1: "Health"`). */
  legend: Map<number, AttributeValue>;
}

type Mode =
  | { kind: 'start' }
  | { kind: 'network'; network: NetworkDraft }
  | { kind: 'vertices'; network: NetworkDraft }
  | { kind: 'lines'; network: NetworkDraft; section: LineSection; relation: number }
  | { kind: 'matrix'; state: MatrixState }
  | { kind: 'size'; values: ValuesDraft | undefined; header: number; keyword: string }
  | { kind: 'values'; values: ValuesDraft }
  | { kind: 'skip-object' }
  | { kind: 'skip-section' };

function newNetwork(index: number, name: string | undefined, line: number): NetworkDraft {
  return {
    index,
    name,
    line,
    verticesLine: 0,
    size: -1,
    firstMode: 0,
    labels: [],
    vertexLines: [],
    listed: 0,
    relationNames: new Map(),
    relationOrder: new Map(),
    namedOnly: new Map(),
    ties: new TieColumns(),
  };
}

/** A vertex number as written (digits only), or NaN. */
function vertexNumber(token: string): number {
  const length = token.length;
  if (length === 0 || length > 15) return Number.NaN;
  for (let i = 0; i < length; i += 1) {
    const code = token.charCodeAt(i);
    if (code < 48 || code > 57) return Number.NaN;
  }
  return Number(token);
}

export class PajekReader {
  readonly log: IssueLog;
  readonly networks: NetworkDraft[] = [];
  readonly values: ValuesDraft[] = [];
  readonly comments: string[] = [];
  private mode: Mode = { kind: 'start' };
  private errors = 0;
  stopped = false;
  /** Set when the file is another format: nothing else is read or reported. */
  foreign = false;
  private sawContent = false;
  private readonly tokens: string[] = [];

  constructor(readonly file: string) {
    this.log = new IssueLog(file);
  }

  error(code: string, message: string, at: { row?: number; field?: string }): void {
    if (this.stopped) return;
    this.errors += 1;
    if (this.errors > MAX_ERRORS) {
      this.log.error('too-many-errors', `reading stopped after ${MAX_ERRORS} errors; fix those above and read the file again`, {
        ...(at.row !== undefined ? { row: at.row } : {}),
      });
      this.stopped = true;
      return;
    }
    this.log.error(code, message, at);
  }

  get hasContent(): boolean {
    return this.sawContent;
  }

  /** Reads one line; false stops reading. */
  line(raw: string, lineNumber: number): boolean {
    const text = (lineNumber === 1 ? stripBom(raw) : raw).trim();
    if (text === '') return true;
    if (text.charCodeAt(0) === 37 /* % */) {
      const mode = this.mode;
      if (mode.kind === 'start' && !this.sawContent) this.comments.push(text.slice(1).trim());
      else if (mode.kind === 'size' && mode.values !== undefined) {
        for (const [code, value] of parseLegend(text.slice(1)) ?? []) if (!mode.values.legend.has(code)) mode.values.legend.set(code, value);
      }
      return true;
    }
    if (!this.sawContent) {
      this.sawContent = true;
      if (!isPajekStart(text)) {
        this.foreign = true;
        this.log.error(
          'not-pajek',
          `this is not a Pajek file: it starts with "${excerpt(text)}", which looks like ${describeForeignLine(text)}; ` +
            'a Pajek network starts with *Vertices (or *Network), so choose the reader for its real format',
          { row: lineNumber },
        );
        return false;
      }
    }
    if (text.charCodeAt(0) === 42 /* * */) this.header(text, lineNumber);
    else this.data(text, lineNumber);
    return !this.stopped;
  }

  // ---------------------------------------------------------------- headers

  private header(text: string, line: number): void {
    const match = KEYWORD.exec(text);
    const keyword = (match?.[1] ?? '').toLowerCase();
    const rest = text.slice(match?.[0].length ?? 1);
    const mode = this.mode;
    if ((keyword === 'vertices' || keyword === 'vertex') && mode.kind === 'size') {
      this.objectSize(mode, rest, line);
      return;
    }
    if (mode.kind === 'skip-object' && (keyword === 'vertices' || keyword === 'vertex')) return;
    if (mode.kind === 'network' && (keyword === 'vertices' || keyword === 'vertex')) {
      this.vertices(rest, line);
      return;
    }
    this.finish();
    switch (keyword) {
      case 'network': {
        const network = newNetwork(this.networks.length + 1, headerName(rest) || undefined, line);
        this.networks.push(network);
        this.mode = { kind: 'network', network };
        return;
      }
      case 'vertices':
      case 'vertex':
        this.vertices(rest, line);
        return;
      case 'arcs':
      case 'edges':
      case 'arcslist':
      case 'edgeslist':
      case 'matrix':
        this.tieSection(keyword, rest, line);
        return;
      case 'partition':
      case 'vector': {
        const values: ValuesDraft = { kind: keyword, name: headerName(rest), line, sizeLine: 0, size: -1, values: [], overflow: false, legend: new Map() };
        this.mode = { kind: 'size', values, header: line, keyword: `*${keyword === 'partition' ? 'Partition' : 'Vector'}` };
        return;
      }
      case 'permutation':
      case 'cluster':
      case 'hierarchy':
        this.log.warn('skipped-section', `*${keyword} sections hold no people or ties; it was skipped`, { row: line });
        this.mode = { kind: 'skip-object' };
        return;
      default:
        this.log.warn('unknown-section', `"${excerpt(text, 40)}" is not a Pajek section netweave reads; its lines were skipped`, {
          row: line,
        });
        this.mode = { kind: 'skip-section' };
    }
  }

  private vertices(rest: string, line: number): void {
    const current = this.networks[this.networks.length - 1];
    let network: NetworkDraft;
    if (current !== undefined && current.verticesLine === 0) network = current;
    else {
      network = newNetwork(this.networks.length + 1, undefined, line);
      this.networks.push(network);
    }
    network.verticesLine = line;
    tokenize(rest, this.tokens);
    const size = vertexNumber(this.tokens[0] ?? '');
    if (!Number.isSafeInteger(size)) {
      this.error('bad-count', `*Vertices should be followed by the number of vertices, not "${excerpt(rest, 30)}"`, {
        row: line,
        field: '*Vertices',
      });
      this.mode = { kind: 'skip-section' };
      return;
    }
    const second = this.tokens[1];
    if (second !== undefined) {
      const firstMode = vertexNumber(second);
      if (!Number.isSafeInteger(firstMode) || firstMode > size) {
        this.error('bad-count', `a two-mode network's *Vertices gives all vertices, then those of the first mode (at most ${size}), not "${excerpt(second, 20)}"`, {
          row: line,
          field: '*Vertices',
        });
      } else network.firstMode = firstMode;
    }
    if (size > MAX_VERTICES) {
      this.error('bad-count', `*Vertices ${size} is more vertices than netweave reads (at most ${MAX_VERTICES.toLocaleString('en')})`, {
        row: line,
        field: '*Vertices',
      });
      this.mode = { kind: 'skip-section' };
      return;
    }
    network.size = size;
    network.labels = new Array<string | undefined>(size).fill(undefined);
    network.vertexLines = new Array<number>(size).fill(0);
    this.mode = { kind: 'vertices', network };
  }

  private tieSection(keyword: string, rest: string, line: number): void {
    const network = this.networks[this.networks.length - 1];
    const name = keyword === 'arcs' ? '*Arcs' : keyword === 'edges' ? '*Edges' : keyword === 'arcslist' ? '*Arcslist' : keyword === 'edgeslist' ? '*Edgeslist' : '*Matrix';
    if (network === undefined || network.verticesLine === 0) {
      this.error('no-vertices', `${name} comes before any *Vertices: a Pajek network lists (or counts) its vertices first`, { row: line, field: name });
      this.mode = { kind: 'skip-section' };
      return;
    }
    if (network.size < 0) {
      this.mode = { kind: 'skip-section' };
      return;
    }
    const relation = this.relationOf(network, rest, line);
    if (keyword === 'matrix') {
      const twoMode = network.firstMode > 0;
      this.mode = {
        kind: 'matrix',
        state: {
          network,
          relation,
          header: line,
          rows: twoMode ? network.firstMode : network.size,
          cols: twoMode ? network.size - network.firstMode : network.size,
          twoMode,
          count: 0,
          unevenLine: 0,
          unevenCount: 0,
          overflow: false,
          r: [],
          c: [],
          v: [],
          lines: [],
        },
      };
      return;
    }
    this.mode = { kind: 'lines', network, section: keyword as LineSection, relation };
  }

  /** The relation key of a section header's `:k "name"`, recording its name. */
  private relationOf(network: NetworkDraft, rest: string, line: number): number {
    const match = RELATION_HEADER.exec(rest);
    const number = match?.[1] ?? match?.[2];
    const name = headerName(match?.[3] ?? '');
    let key = UNNUMBERED;
    if (number !== undefined && Number(number) <= MAX_RELATION) key = Number(number);
    else if (number !== undefined) {
      this.error('bad-relation', `relation numbers go up to ${MAX_RELATION}, not ${number}`, { row: line });
    } else if (name !== '') {
      key = network.namedOnly.get(name) ?? -2 - network.namedOnly.size;
      network.namedOnly.set(name, key);
    }
    if (!network.relationOrder.has(key)) network.relationOrder.set(key, line);
    if (name !== '') {
      const known = network.relationNames.get(key);
      if (known === undefined) network.relationNames.set(key, { name, line });
      else if (known.name !== name) {
        this.log.warn('relation-name', `relation ${key} was named "${known.name}" on line ${known.line}; the name "${name}" given here was not used`, {
          row: line,
        });
      }
    }
    return key;
  }

  private objectSize(mode: Extract<Mode, { kind: 'size' }>, rest: string, line: number): void {
    const values = mode.values;
    if (values === undefined) {
      this.mode = { kind: 'skip-object' };
      return;
    }
    tokenize(rest, this.tokens);
    const size = vertexNumber(this.tokens[0] ?? '');
    if (!Number.isSafeInteger(size)) {
      this.error('bad-count', `*Vertices should be followed by the number of values, not "${excerpt(rest, 30)}"`, { row: line, field: '*Vertices' });
      this.mode = { kind: 'skip-object' };
      return;
    }
    values.size = size;
    values.sizeLine = line;
    this.values.push(values);
    this.mode = { kind: 'values', values };
  }

  /** Checks the section that ends here (a new header, or the end of the file). */
  finish(): void {
    const mode = this.mode;
    switch (mode.kind) {
      case 'vertices': {
        const network = mode.network;
        if (network.listed > 0 && network.listed < network.size) {
          const missing = network.vertexLines.indexOf(0) + 1;
          this.error(
            'vertex-count',
            `*Vertices declares ${network.size} vertices but ${network.listed} are listed (vertex ${missing} is not); ` +
              `list every vertex or correct the number (the file may have been cut short)`,
            { row: network.verticesLine, field: '*Vertices' },
          );
        }
        break;
      }
      case 'matrix':
        this.finishMatrix(mode.state);
        break;
      case 'network':
        this.error('no-vertices', `${quoted(mode.network)} has no *Vertices line (the file may have been cut short)`, {
          row: mode.network.line,
          field: '*Network',
        });
        break;
      case 'size':
        this.missingSize(mode);
        break;
      case 'values': {
        const values = mode.values;
        if (values.values.length < values.size) {
          this.error(
            'value-count',
            `*${values.kind === 'partition' ? 'Partition' : 'Vector'} "${values.name}" should have ${values.size} values, one per vertex, but has ${values.values.length}` +
              ' (the file may have been cut short)',
            { row: values.sizeLine, field: values.name },
          );
        }
        break;
      }
      default:
        break;
    }
    this.mode = { kind: 'skip-section' };
  }

  /** A *Partition or *Vector header not followed by the *Vertices line that gives its size. */
  private missingSize(mode: Extract<Mode, { kind: 'size' }>): void {
    if (mode.values === undefined) return;
    this.error('missing-size', `${mode.keyword} "${mode.values.name}" should be followed by *Vertices and its number of values`, {
      row: mode.header,
      field: mode.keyword,
    });
  }

  // ---------------------------------------------------------------- data lines

  private data(text: string, line: number): void {
    const mode = this.mode;
    switch (mode.kind) {
      case 'vertices':
        this.vertexLine(mode.network, text, line);
        return;
      case 'lines':
        this.tieLine(mode, text, line);
        return;
      case 'matrix':
        this.matrixLine(mode.state, text, line);
        return;
      case 'values':
        this.valueLine(mode.values, text, line);
        return;
      case 'network':
        this.error('no-vertices', `"${excerpt(text, 30)}" comes before the network's *Vertices`, { row: line });
        this.mode = { kind: 'skip-section' };
        return;
      case 'size':
        this.missingSize(mode);
        this.mode = { kind: 'skip-object' };
        return;
      default:
        return;
    }
  }

  private quoteWarning(line: number, field: string): void {
    this.log.warn('unterminated-quote', 'a quoted text has no closing quote; it was read to the end of the line', { row: line, field });
  }

  private vertexLine(network: NetworkDraft, text: string, line: number): void {
    const tokens = this.tokens;
    const closed = tokenize(text, tokens);
    if (!closed) this.quoteWarning(line, 'label');
    const number = vertexNumber(tokens[0] ?? '');
    if (!Number.isSafeInteger(number) || number < 1) {
      this.error('bad-vertex', `a vertex line starts with its number (1 to ${network.size}), not "${excerpt(tokens[0] ?? '', 30)}"`, {
        row: line,
        field: 'vertex',
      });
      return;
    }
    if (number > network.size) {
      this.error(
        'vertex-count',
        `vertex ${number} is listed but *Vertices (line ${network.verticesLine}) declares ${network.size} vertices; ` +
          (network.listed >= network.size && tokens.length >= 2 && Number.isSafeInteger(vertexNumber(tokens[1] ?? ''))
            ? 'if this line is a tie, an *Arcs or *Edges line is missing above it'
            : 'correct the number or remove the extra vertices'),
        { row: line, field: 'vertex' },
      );
      return;
    }
    const first = network.vertexLines[number - 1] ?? 0;
    if (first !== 0) {
      const tie = network.listed >= network.size ? '; if this line is a tie, an *Arcs or *Edges line is missing above it' : '';
      this.error('duplicate-vertex', `vertex ${number} is listed twice (first on line ${first})${tie}`, { row: line, field: 'vertex' });
      return;
    }
    network.vertexLines[number - 1] = line;
    network.listed += 1;
    const raw = tokens[1];
    if (raw !== undefined) {
      const label = decodeReferences(raw).trim();
      if (label !== '') network.labels[number - 1] = label;
    }
  }

  /** The vertex a tie names, or NaN with an error logged. */
  private end(network: NetworkDraft, token: string | undefined, line: number, field: 'source' | 'target'): number {
    if (token === undefined || token === '') {
      this.error('missing-id', `a tie needs two vertex numbers; the ${field} is missing (the line may have been cut short)`, { row: line, field });
      return Number.NaN;
    }
    const number = vertexNumber(token);
    if (!Number.isSafeInteger(number)) {
      this.error('bad-vertex', `ties name vertices by their number, not "${excerpt(token, 30)}"`, { row: line, field });
      return Number.NaN;
    }
    if (number < 1 || number > network.size) {
      this.error(
        'unknown-vertex',
        `vertex ${number} is not one of the ${network.size} vertices declared by *Vertices on line ${network.verticesLine}`,
        { row: line, field },
      );
      return Number.NaN;
    }
    return number;
  }

  private tieLine(mode: Extract<Mode, { kind: 'lines' }>, text: string, line: number): void {
    const tokens = this.tokens;
    if (!tokenize(text, tokens)) this.quoteWarning(line, 'label');
    const network = mode.network;
    let at = 0;
    let relation = mode.relation;
    // `k: from to` puts the tie in relation k (Pajek's multi-relational lines).
    const first = tokens[0] ?? '';
    const colon = first.indexOf(':');
    if (colon > 0) {
      const key = vertexNumber(first.slice(0, colon));
      if (Number.isSafeInteger(key) && key <= MAX_RELATION) {
        relation = key;
        if (!network.relationOrder.has(key)) network.relationOrder.set(key, line);
        if (colon === first.length - 1) at = 1;
        else tokens[0] = first.slice(colon + 1);
      }
    }
    const directed = mode.section === 'arcs' || mode.section === 'arcslist';
    const source = this.end(network, tokens[at], line, 'source');
    if (mode.section === 'arcslist' || mode.section === 'edgeslist') {
      for (let i = at + 1; i < tokens.length; i += 1) {
        const target = this.end(network, tokens[i], line, 'target');
        if (Number.isNaN(source) || Number.isNaN(target)) continue;
        this.addTie(network, source, target, 1, directed, relation, line);
      }
      return;
    }
    const target = this.end(network, tokens[at + 1], line, 'target');
    let weight = 1;
    const raw = tokens[at + 2];
    let ok = !Number.isNaN(source) && !Number.isNaN(target);
    if (raw !== undefined && !raw.startsWith('[') && !LINE_PARAMETERS.has(raw.toLowerCase())) {
      const reading = parseWeight(raw, 'weight');
      if (reading.ok) weight = reading.weight;
      else {
        this.error('bad-weight', reading.message, { row: line, field: 'weight' });
        ok = false;
      }
    }
    if (ok) this.addTie(network, source, target, weight, directed, relation, line);
  }

  private addTie(network: NetworkDraft, from: number, to: number, weight: number, directed: boolean, relation: number, line: number): void {
    network.ties.push(from, to, weight, directed, relation, line);
  }

  private matrixLine(state: MatrixState, text: string, line: number): void {
    const tokens = this.tokens;
    tokenize(text, tokens);
    if (tokens.length !== state.cols && state.unevenLine === 0) {
      state.unevenLine = line;
      state.unevenCount = tokens.length;
    }
    for (const token of tokens) {
      if (state.count >= state.rows * state.cols) {
        if (!state.overflow) {
          state.overflow = true;
          this.error('matrix-size', `the matrix has more values than its ${state.rows} rows of ${state.cols}`, { row: line, field: '*Matrix' });
        }
        return;
      }
      const row = Math.floor(state.count / state.cols);
      const col = state.count - row * state.cols;
      state.count += 1;
      const value = parseNumberText(token);
      if (value === 0) continue;
      const reading = parseWeight(token, `the value in row ${row + 1}, column ${col + 1}`);
      if (!reading.ok) {
        this.error('bad-weight', reading.message, { row: line, field: 'weight' });
        continue;
      }
      state.r.push(row);
      state.c.push(col);
      state.v.push(reading.weight);
      state.lines.push(line);
    }
  }

  private finishMatrix(state: MatrixState): void {
    const expected = state.rows * state.cols;
    if (state.count < expected) {
      const at = state.unevenLine !== 0 ? state.unevenLine : state.header;
      this.error(
        'matrix-size',
        `the matrix has ${state.count} values where ${state.rows} rows of ${state.cols} (${expected}) were expected` +
          (state.unevenLine !== 0 ? `; this line holds ${state.unevenCount} where a row has ${state.cols}` : '') +
          ' (the file may have been cut short)',
        { row: at, field: '*Matrix' },
      );
    }
    const network = state.network;
    const count = state.r.length;
    if (state.twoMode) {
      for (let i = 0; i < count; i += 1) {
        this.addTie(network, (state.r[i] as number) + 1, network.firstMode + (state.c[i] as number) + 1, state.v[i] as number, false, state.relation, state.lines[i] as number);
      }
      return;
    }
    const cells = new Map<number, number>();
    for (let i = 0; i < count; i += 1) cells.set((state.r[i] as number) * state.cols + (state.c[i] as number), state.v[i] as number);
    let symmetric = true;
    for (let i = 0; i < count && symmetric; i += 1) {
      if (cells.get((state.c[i] as number) * state.cols + (state.r[i] as number)) !== state.v[i]) symmetric = false;
    }
    for (let i = 0; i < count; i += 1) {
      const row = state.r[i] as number;
      const col = state.c[i] as number;
      if (symmetric && col < row) continue;
      this.addTie(network, row + 1, col + 1, state.v[i] as number, !symmetric, state.relation, state.lines[i] as number);
    }
  }

  private valueLine(values: ValuesDraft, text: string, line: number): void {
    const tokens = this.tokens;
    tokenize(text, tokens);
    const token = tokens[0] ?? '';
    if (values.values.length >= values.size) {
      if (!values.overflow) {
        values.overflow = true;
        this.error('value-count', `"${values.name}" has more values than the ${values.size} declared on line ${values.sizeLine}`, {
          row: line,
          field: values.name,
        });
      }
      return;
    }
    const value = parseNumberText(token);
    if (value === undefined || !Number.isFinite(value)) {
      this.error('bad-value', `a ${values.kind}'s values are numbers, not "${excerpt(token, 30)}"`, { row: line, field: values.name });
      values.values.push(Number.NaN);
      return;
    }
    values.values.push(value);
  }
}

/** How messages name a network. */
export function quoted(network: NetworkDraft): string {
  return network.name !== undefined ? `network "${network.name}"` : `network ${network.index}`;
}
