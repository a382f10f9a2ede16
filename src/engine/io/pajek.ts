/**
 * Pajek networks (`.net`) and project files (`.paj`), as Pajek, igraph, networkx, Gephi and
 * UCINET write them.
 *
 * What is read:
 * - `*Vertices n` and its vertex lines `number label [x y z shape parameters...]`: the number and
 *   the label (quoted or a single word; `&#dddd;` references decoded, trimmed); coordinates,
 *   shapes and drawing parameters are ignored. A network may list no vertex lines at all (Pajek
 *   then labels vertices by number); a list of some but not all, more than `n`, or a number listed
 *   twice is an error. `*Vertices n n1` (two-mode) marks vertices 1..n1 and n1+1..n with the
 *   person attribute `mode` (1 or 2).
 * - Ties, each naming vertices by number: `*Arcs` (directed) and `*Edges` (undirected) lines
 *   `from to [weight] [parameters...]` (no weight: 1; a time interval `[...]` or a drawing
 *   parameter where the weight would be: 1), `*Arcslist` / `*Edgeslist` lines `from to to ...`
 *   (weight 1), and `*Matrix` (n rows of n values, or n1 rows of n-n1 columns in a two-mode
 *   network; 0 is no tie, rows may wrap over lines). A matrix that is symmetric is read as
 *   undirected ties (one per pair, as the CSV adjacency reader does); any other as arcs.
 * - Relations: `*Arcs :k "name"`, `*Edges :k "name"`, `*Matrix :k "name"` (and the lists) put
 *   their ties in relation k, which becomes the relation layer "name" (or `relation k` when no
 *   section names it); a line `k: from to` puts one tie in relation k. Sections without a number
 *   form one relation named after the network (`*Network name`), else `tie` (`network i` when a
 *   project holds several). A relation can mix arcs and edges (Pajek allows it): the layer is
 *   then directed and its edges count both ways (see collect-relations.ts).
 * - Project files (`.paj`): several `*Network` sections, and `*Partition name` / `*Vector name`
 *   (a `*Vertices n` line, then one value per vertex) that become a number-valued person attribute
 *   named after the partition or vector (a file name such as `UciNet\KnokSec.clu` gives
 *   `KnokSec`). A partition belongs to the nearest network before it with n vertices (else the
 *   first one after it). `*Permutation`, `*Cluster` and `*Hierarchy` are skipped with a warning.
 * - Comments (`%` lines; those before the first section become the description), blank lines,
 *   CRLF / LF / CR line ends, a UTF-8 byte-order mark, keywords in any case.
 *
 * People's ids. Pajek has no ids, only vertex numbers 1..n and labels, so a person's id is their
 * label when no other vertex of the network has the same label (what a user recognises, and
 * stable when the file is re-saved with its vertices in another order), else their vertex number
 * (`"3"`), which then keeps the label as its label; a vertex without a label is also identified
 * by its number. Networks of a project that list the same vertices (same labels in the same order)
 * share their people; in networks that list other vertices, a label unique in each is the same
 * person, and a vertex known only by its number is `"i:v"` (network i, vertex v). An id that would
 * be taken twice gets a `#` in front.
 *
 * Every problem is an issue with the file, line and field; any error makes the result a failure
 * (its `partial` is what was read, to check further, never to import). Repeated ties are merged
 * with their weights added and self-ties kept, both reported (merge-ties.ts). Reading is linear in
 * the file's size and never recursive.
 */
import type { Person, Tie } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import { resultOf, type Result } from '../core/util/result.ts';
import { setAttribute } from './attribute-columns.ts';
import { collectRelations } from './collect-relations.ts';
import { mergeTies, type TieDraft } from './merge-ties.ts';
import { parseNumberText, parseWeight } from './numbers.ts';
import {
  decodeReferences,
  describeForeignLine,
  excerpt,
  forEachLine,
  headerName,
  isPajekStart,
  stripBom,
  tokenize,
} from './pajek-text.ts';
import { TieColumns } from './pajek-ties.ts';
import { emptyPart, type ImportPart } from './types.ts';

export { looksLikePajek } from './pajek-text.ts';

export interface PajekOptions {
  /** File name used in issues. */
  file: string;
  /** Called as the file is read, with the fraction read (0..1). */
  onReadProgress?: (fraction: number) => void;
}

/** Reading stops after this many errors: a file that far off is not worth reading to the end. */
const MAX_ERRORS = 200;

/** More vertices than this is not a network netweave can show (and a typo must not allocate them). */
const MAX_VERTICES = 5_000_000;

/** Drawing parameters Pajek allows after a line's ends, where a weight could be. */
const LINE_PARAMETERS = new Set([
  'w', 'c', 'p', 's', 'a', 'ap', 'l', 'lp', 'lr', 'lphi', 'lc', 'la', 'fos', 'font', 'h1', 'h2', 'a1', 'a2', 'k1', 'k2',
]);

const RELATION_HEADER = /^\s*(?::\s*(\d+)|(\d+)\s*:)?\s*([\s\S]*)$/;
const KEYWORD = /^\*([A-Za-z]+)/;
const UNNUMBERED = -1;

type LineSection = 'arcs' | 'edges' | 'arcslist' | 'edgeslist';

interface NetworkDraft {
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

interface ValuesDraft {
  kind: 'partition' | 'vector';
  name: string;
  line: number;
  sizeLine: number;
  size: number;
  values: number[];
  overflow: boolean;
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

/** `*Partition UciNet\KnokSec.clu` is named `KnokSec`; other names are kept as written. */
function attributeBaseName(name: string): string {
  const file = /(?:^|[\\/])([^\\/]+)\.(?:clu|vec)$/i.exec(name);
  return (file?.[1] ?? name).trim();
}

class PajekReader {
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
      if (this.mode.kind === 'start' && !this.sawContent) this.comments.push(text.slice(1).trim());
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
        const values: ValuesDraft = { kind: keyword, name: headerName(rest), line, sizeLine: 0, size: -1, values: [], overflow: false };
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
    if (number !== undefined) key = Number(number);
    else if (name !== '') {
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
      case 'size':
        if (mode.values !== undefined) {
          this.error('missing-size', `${mode.keyword} "${mode.values.name}" should be followed by *Vertices and its number of values`, {
            row: mode.header,
            field: mode.keyword,
          });
        }
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
        if (mode.values !== undefined) {
          this.error('missing-size', `${mode.keyword} "${mode.values.name}" should be followed by *Vertices and its number of values`, {
            row: mode.header,
            field: mode.keyword,
          });
        }
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
      if (Number.isSafeInteger(key)) {
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

// ------------------------------------------------------------------ from drafts to records

interface VertexGroup {
  /** The first network with this many vertices. */
  first: NetworkDraft;
  /** Label of vertex v (at v-1): from the first network of the group that labels it. */
  labels: Array<string | undefined>;
  /** Line where that label was read. */
  lines: number[];
  /** Person id of vertex v, at v-1. */
  ids: string[];
}

function quoted(network: NetworkDraft): string {
  return network.name !== undefined ? `network "${network.name}"` : `network ${network.index}`;
}

/**
 * People's ids, one group per number of vertices (see the file's header for the rule): networks
 * with as many vertices share them by number, as Pajek's operations on a project's networks do.
 */
function vertexGroups(networks: readonly NetworkDraft[], log: IssueLog): Map<NetworkDraft, VertexGroup> {
  const groups: VertexGroup[] = [];
  const bySize = new Map<number, VertexGroup>();
  const groupOf = new Map<NetworkDraft, VertexGroup>();
  for (const network of networks) {
    let group = bySize.get(network.size);
    if (group === undefined) {
      group = {
        first: network,
        labels: network.labels.slice(),
        lines: network.vertexLines.map((line) => (line === 0 ? network.verticesLine : line)),
        ids: new Array<string>(network.size),
      };
      bySize.set(network.size, group);
      groups.push(group);
    } else {
      let differs = 0;
      for (let v = 0; v < network.size; v += 1) {
        const label = network.labels[v];
        if (label === undefined) continue;
        const kept = group.labels[v];
        if (kept === undefined) {
          group.labels[v] = label;
          group.lines[v] = network.vertexLines[v] ?? network.verticesLine;
        } else if (kept !== label && differs === 0) differs = v + 1;
      }
      if (differs > 0) {
        log.warn(
          'vertex-labels',
          `${quoted(network)} has as many vertices as ${quoted(group.first)} (line ${group.first.line}) but labels some differently ` +
            `(vertex ${differs} is "${network.labels[differs - 1] ?? ''}" here, "${group.labels[differs - 1] ?? ''}" there); ` +
            'as in Pajek, vertices with the same number are the same person, with the first label given',
          { row: network.vertexLines[differs - 1] || network.verticesLine, field: 'label' },
        );
      }
    }
    groupOf.set(network, group);
  }
  const counts = groups.map((group) => {
    const count = new Map<string, number>();
    for (const label of group.labels) if (label !== undefined) count.set(label, (count.get(label) ?? 0) + 1);
    return count;
  });
  const taken = new Set<string>();
  for (const count of counts) for (const [label, n] of count) if (n === 1) taken.add(label);
  groups.forEach((group, position) => {
    const network = group.first;
    const count = counts[position] as Map<string, number>;
    let numbered = 0;
    let shared = 0;
    let example: { vertex: number; id: string; label: string; line: number } | undefined;
    const sharedLabels: string[] = [];
    for (let v = 1; v <= network.size; v += 1) {
      const label = group.labels[v - 1];
      if (label !== undefined && count.get(label) === 1) {
        group.ids[v - 1] = label;
        continue;
      }
      const base = position === 0 ? String(v) : `${network.index}:${v}`;
      let id = base;
      for (let k = 1; taken.has(id); k += 1) id = k === 1 ? `#${base}` : `#${base}-${k}`;
      taken.add(id);
      group.ids[v - 1] = id;
      numbered += 1;
      if (label !== undefined) {
        shared += 1;
        if (sharedLabels.length < 3 && !sharedLabels.includes(label)) sharedLabels.push(label);
        example ??= { vertex: v, id, label, line: group.lines[v - 1] ?? network.verticesLine };
      }
    }
    if (example !== undefined) {
      log.warn(
        'duplicate-label',
        `${shared} vertices share their label with another vertex (${sharedLabels.map((l) => `"${l}"`).join(', ')}); ` +
          `they keep it as their label but are told apart by their vertex number, which is their id (vertex ${example.vertex}, "${example.label}", is "${example.id}")`,
        { row: example.line, field: 'label' },
      );
    }
    if (position > 0) {
      const firstNetwork = (groups[0] as VertexGroup).first;
      log.warn(
        'several-networks',
        `${quoted(network)} has ${network.size} vertices where ${quoted(firstNetwork)} (line ${firstNetwork.line}) has ${firstNetwork.size}; ` +
          'a label found in both, and unique in each, was read as the same person' +
          (numbered > 0 ? `, and a vertex known by its number alone as "${network.index}:number"` : ''),
        { row: network.line },
      );
    }
  });
  return groupOf;
}

/** Relation names per network and key (see the file's header). */
function relationNames(networks: readonly NetworkDraft[], log: IssueLog): Map<NetworkDraft, Map<number, string>> {
  const byNetwork = new Map<NetworkDraft, Map<number, string>>();
  const owners = new Map<string, NetworkDraft>();
  for (const network of networks) {
    const names = new Map<number, string>();
    const fallback = network.name !== undefined && network.name !== '' ? network.name : networks.length > 1 ? `network ${network.index}` : 'tie';
    const ties = new Map<number, number>();
    for (let i = 0; i < network.ties.count; i += 1) {
      const key = network.ties.relation[i] as number;
      ties.set(key, (ties.get(key) ?? 0) + 1);
    }
    for (const [key, line] of network.relationOrder) {
      const given = network.relationNames.get(key);
      const base = given?.name ?? (key === UNNUMBERED ? fallback : `relation ${key}`);
      let name = base;
      const owner = owners.get(base);
      if (owner !== undefined && owner !== network) {
        name = `${network.name ?? `network ${network.index}`}: ${base}`;
        log.warn('relation-renamed', `${quoted(owner)} has a relation "${base}" too; the one of ${quoted(network)} was named "${name}"`, {
          row: given?.line ?? line,
        });
      } else owners.set(base, network);
      names.set(key, name);
      if (given !== undefined && (ties.get(key) ?? 0) === 0) {
        log.warn('empty-relation', `relation "${given.name}" has no ties; it was left out`, { row: given.line });
      }
    }
    byNetwork.set(network, names);
  }
  return byNetwork;
}

/** The network a partition or vector describes: the nearest before it with as many vertices, else the first after. */
function networkOf(values: ValuesDraft, networks: readonly NetworkDraft[]): NetworkDraft | undefined {
  let before: NetworkDraft | undefined;
  for (const network of networks) {
    if (network.size !== values.size) continue;
    if (network.line < values.line) before = network;
    else if (before === undefined) return network;
  }
  return before;
}

function build(reader: PajekReader, part: ImportPart): void {
  const { log } = reader;
  const networks = reader.networks.filter((network) => network.size >= 0);
  const groupOf = vertexGroups(networks, log);

  const people: Person[] = [];
  const byId = new Map<string, Person>();
  for (const network of networks) {
    const group = groupOf.get(network) as VertexGroup;
    if (group.first !== network) continue;
    for (let v = 1; v <= network.size; v += 1) {
      const id = group.ids[v - 1] as string;
      if (byId.has(id)) continue;
      const person: Person = { id, label: group.labels[v - 1] ?? String(v), attributes: {} };
      byId.set(id, person);
      people.push(person);
    }
  }

  const names = relationNames(networks, log);
  const drafts: TieDraft[] = [];
  for (const network of networks) {
    const ids = (groupOf.get(network) as VertexGroup).ids;
    const relationName = names.get(network) as Map<number, string>;
    const columns = network.ties;
    for (let i = 0; i < columns.count; i += 1) {
      const tie: Tie = {
        source: ids[(columns.from[i] as number) - 1] as string,
        target: ids[(columns.to[i] as number) - 1] as string,
        relation: relationName.get(columns.relation[i] as number) ?? 'tie',
        directed: columns.directed[i] === 1,
        weight: columns.weight[i] as number,
      };
      drafts.push({
        tie,
        origin: { file: part.file, row: columns.line[i] as number, rowUnit: 'line', sourceField: 'source', targetField: 'target' },
      });
    }
  }
  const merged = mergeTies(drafts);
  const relations = collectRelations(merged.ties, part.file);

  // Attributes: the mode of two-mode networks, then partitions and vectors in file order; every
  // person gets every attribute, in that order (null without a value).
  const columns = new Map<string, Map<string, number>>();
  const column = (base: string, line: number): Map<string, number> => {
    let name = base;
    for (let k = 2; columns.has(name); k += 1) name = `${base} (${k})`;
    if (name !== base) log.warn('duplicate-attribute', `an attribute "${base}" was read already; this one is "${name}"`, { row: line });
    const values = new Map<string, number>();
    columns.set(name, values);
    return values;
  };
  let modes: Map<string, number> | undefined;
  for (const [network, group] of groupOf) {
    if (network.firstMode <= 0 || group.first !== network) continue;
    modes ??= column('mode', network.verticesLine);
    log.warn(
      'two-mode',
      `*Vertices ${network.size} ${network.firstMode} declares a two-mode network: vertices 1-${network.firstMode} are one kind and the others another; ` +
        'all were read as people, told apart by the attribute "mode" (1 or 2)',
      { row: network.verticesLine, field: '*Vertices' },
    );
    for (let v = 1; v <= network.size; v += 1) modes.set(group.ids[v - 1] as string, v <= network.firstMode ? 1 : 2);
  }
  reader.values.forEach((values, position) => {
    const network = networkOf(values, networks);
    const label = values.kind === 'partition' ? '*Partition' : '*Vector';
    if (network === undefined) {
      log.error('partition-size', `${label} "${values.name}" has ${values.size} values but no network in the file has ${values.size} vertices`, {
        row: values.line,
        field: values.name,
      });
      return;
    }
    const target = column(attributeBaseName(values.name) || `${values.kind} ${position + 1}`, values.line);
    const ids = (groupOf.get(network) as VertexGroup).ids;
    const count = Math.min(values.size, values.values.length);
    for (let v = 0; v < count; v += 1) {
      const value = values.values[v] as number;
      if (!Number.isNaN(value)) target.set(ids[v] as string, value);
    }
  });
  if (columns.size > 0) {
    for (const person of people) {
      for (const [name, values] of columns) setAttribute(person.attributes, name, values.get(person.id) ?? null);
    }
  }

  part.people = people;
  part.ties = merged.ties;
  part.tieOrigins = merged.origins;
  part.relations = relations.relations;
  const only = networks.length === 1 ? networks[0] : undefined;
  if (only?.name !== undefined && only.name !== '') part.name = only.name;
  const description = reader.comments.join('\n').trim();
  if (description !== '') part.description = description.length > 2000 ? `${description.slice(0, 1999)}…` : description;
  for (const issue of merged.issues) log.issues.push(issue);
  for (const issue of relations.issues) log.issues.push(issue);
}

const PROGRESS_STEP = 1 << 20;

/** Reads a Pajek network (.net) or project (.paj). Never throws: problems come back as the result's issues. */
export function parsePajek(text: string, options: PajekOptions): Result<ImportPart> {
  const part = emptyPart(options.file);
  const reader = new PajekReader(options.file);
  const progress = options.onReadProgress;
  let read = 0;
  let next = PROGRESS_STEP;
  forEachLine(text, (line, number) => {
    if (progress !== undefined) {
      read += line.length + 1;
      if (read >= next) {
        next += PROGRESS_STEP;
        progress(Math.min(1, read / Math.max(1, text.length)));
      }
    }
    return reader.line(line, number);
  });
  if (!reader.foreign && !reader.stopped) reader.finish();
  if (reader.foreign || reader.stopped) return resultOf(part, reader.log.issues);
  if (!reader.hasContent) {
    reader.log.error('empty-file', 'the file is empty or holds only comments: there is no network in it');
    return resultOf(part, reader.log.issues);
  }
  if (!reader.networks.some((network) => network.size >= 0)) {
    if (!reader.log.hasErrors) reader.log.error('no-network', 'the file has no *Vertices section, so there is no network in it');
    return resultOf(part, reader.log.issues);
  }
  build(reader, part);
  progress?.(1);
  return resultOf(part, reader.log.issues);
}
