/**
 * Graphviz DOT (`graph`/`digraph`, `strict`), parsed by @ts-graphviz/ast and read as Graphviz
 * reads it:
 * - `digraph` ties are directed, `graph` ties undirected. An edge chain `a -> b -> c` is two ties;
 *   `a -> {b c}` ties a to each; ports (`a:f1:n`) name the node `a`.
 * - Non-`strict` graphs keep every edge, so a repeated edge is merged into the first with the
 *   weights added and reported, as every importer does. In a `strict` graph Graphviz keeps one
 *   edge per pair of nodes and a repeated statement only changes its attributes; so does netweave,
 *   without a warning.
 * - A person's label is the node's `label` (`\N` is the node's name, `\n`, `\l`, `\r` line breaks
 *   become spaces; an HTML label `<...>` is read as its text), else the node's name. An edge's
 *   `weight` is its weight (a number above 0; `weight=0`, which only tells Graphviz's layout not
 *   to straighten an edge, reads as 1 with one warning); its relation layer is its `relation`
 *   attribute, else its `label`, else "tie".
 * - `node [...]` and `edge [...]` defaults apply, within their subgraph, to the nodes created and
 *   the edges written after them, as in Graphviz.
 * - Attributes other than label, weight and relation become person or tie attributes (numbers
 *   where every value of that attribute is a number; a person without a value has none), except
 *   Graphviz's drawing attributes (`shape`, `color`, `pos`, `width`, ...: DRAWING_ATTRIBUTES),
 *   which describe a picture.
 * - Subgraphs keep their members; a node met inside a named subgraph (`subgraph cluster_0 {...}`)
 *   gets the attribute `subgraph`: the subgraph's `label`, else its name (the innermost named
 *   subgraph where the node is first met). Anonymous `{ ... }` groups (rank=same) add nothing.
 *
 * Not read (a syntax error with its line): several graphs in one file, a named subgraph as an edge
 * end (`subgraph s {a} -> b`), and `"a" + "b"` string concatenation.
 *
 * The parser is recursive, so the text is first checked with a flat scan for braces nested more
 * than MAX_DOT_DEPTH deep (a hostile file would overflow the stack); the walk over the parsed
 * tree recurses once per subgraph level.
 */
import {
  parse,
  type AttributeASTNode,
  type ClusterStatementASTNode,
  type EdgeTargetASTNode,
  type GraphASTNode,
  type LiteralASTNode,
} from '@ts-graphviz/ast';
import type { Attributes, Person, Tie } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import { resultOf, type Result } from '../core/util/result.ts';
import { setAttribute, typeAttributeColumn } from './attribute-columns.ts';
import { settleTies } from './merge-ties.ts';
import { parseNumberText, parseWeight } from './numbers.ts';
import { emptyPart, type ImportPart } from './types.ts';

export interface DotOptions {
  /** File name used in issues. */
  file: string;
}

/** Subgraphs (braces) nested deeper than this are refused before parsing. */
export const MAX_DOT_DEPTH = 64;
/**
 * Largest DOT text read, in characters. The parser builds a full syntax tree and reads about
 * 10,000 edges a second, so a bigger file would take minutes and much memory; it is refused with
 * a message saying what to do instead.
 */
export const MAX_DOT_CHARS = 20_000_000;
/** Longest edge chain (`a -> b -> ...`) read; the parser recurses along a chain (about 7,000 overflow Node's stack). */
export const MAX_DOT_CHAIN = 2000;

/**
 * Graphviz attributes that only say how to draw a node or an edge; they are not kept as person
 * or tie attributes. (`label`, `weight` and `relation` are read for what they mean.)
 */
export const DRAWING_ATTRIBUTES: ReadonlySet<string> = new Set([
  'area', 'arrowhead', 'arrowsize', 'arrowtail', 'class', 'color', 'colorscheme', 'comment',
  'constraint', 'decorate', 'dir', 'distortion', 'edgehref', 'edgetarget', 'edgetooltip', 'edgeurl',
  'fillcolor', 'fixedsize', 'fontcolor', 'fontname', 'fontsize', 'gradientangle', 'head_lp',
  'headclip', 'headhref', 'headlabel', 'headport', 'headtarget', 'headtooltip', 'headurl', 'height',
  'href', 'id', 'image', 'imagepos', 'imagescale', 'labelangle', 'labeldistance', 'labelfloat',
  'labelfontcolor', 'labelfontname', 'labelfontsize', 'labelloc', 'labeljust', 'layer', 'len',
  'lhead', 'lp', 'ltail', 'margin', 'minlen', 'nojustify', 'ordering', 'orientation', 'penwidth',
  'peripheries', 'pin', 'pos', 'rank', 'rects', 'regular', 'root', 'samehead', 'samplepoints',
  'sametail', 'shape', 'shapefile', 'showboxes', 'sides', 'skew', 'sortv', 'style', 'tail_lp',
  'tailclip', 'tailhref', 'taillabel', 'tailport', 'tailtarget', 'tailtooltip', 'tailurl',
  'target', 'tooltip', 'url', 'vertices', 'width', 'xlabel', 'xlp', 'z', 'samearrowhead',
  'samearrowtail',
]);

const DOT_START = /^(?:\s+|\/\/[^\n]*|#[^\n]*|\/\*[\s\S]*?\*\/)*(?:strict\s+)?(?:di)?graph\b[^{;]*\{/i;

/** A cheap test of whether a text is DOT: after comments, `[strict] graph|digraph [name] {`. First 8 KB only. */
export function looksLikeDot(text: string): boolean {
  return DOT_START.test(text.replace(/^\uFEFF/, '').slice(0, 8192));
}

/**
 * The line of the first brace nested deeper than `limit`, skipping quoted strings, HTML strings
 * and comments; undefined when the nesting is within the limit. One pass, no recursion.
 */
function tooDeepAt(text: string, limit: number): number | undefined {
  let depth = 0;
  let line = 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      // "...": backslash escapes the next character
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 10) line++;
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 1;
      for (let k = i; k < stop; k++) if (text.charCodeAt(k) === 10) line++;
      i = stop;
    } else if ((c === 47 && text.charCodeAt(i + 1) === 47) || c === 35) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end - 1;
    } else if (c === 60) {
      // <...> HTML string, itself nested with < and >
      let html = 1;
      for (i++; i < n && html > 0; i++) {
        const d = text.charCodeAt(i);
        if (d === 10) line++;
        else if (d === 60) html++;
        else if (d === 62) html--;
      }
      i--;
    } else if (c === 123) {
      depth++;
      if (depth > limit) return line;
    } else if (c === 125) depth--;
  }
  return undefined;
}

const HTML_ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: ' ' };

/** The text of an HTML-like label: tags dropped (a line break or cell boundary is a space), entities decoded. */
export function htmlLabelText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/g, (whole, body: string) => {
      if (body.startsWith('#')) {
        const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
      }
      return HTML_ENTITIES[body] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** A DOT value as plain text: line continuations (backslash, newline) removed. */
function valueText(literal: LiteralASTNode): string {
  return literal.value.replace(/\\\r?\n/g, '');
}

/** A label as a person or relation name: escapes resolved, HTML read as text. */
function labelText(literal: RawValue, nodeName: string, graphName: string): string {
  if (literal.html) return htmlLabelText(literal.text);
  return literal.text
    .replace(/\\([NGETHLnlr\\])/g, (_, code: string) => {
      if (code === 'N') return nodeName;
      if (code === 'G') return graphName;
      if (code === '\\') return '\\';
      if (code === 'n' || code === 'l' || code === 'r') return ' ';
      return '';
    })
    .replace(/\s+/g, ' ')
    .trim();
}

interface RawValue {
  text: string;
  html: boolean;
}

type RawAttributes = Map<string, RawValue>;

interface Scope {
  nodeDefaults: RawAttributes;
  edgeDefaults: RawAttributes;
  /** The innermost named subgraph's label or name. */
  subgraph: string | undefined;
}

interface NodeRecord {
  id: string;
  attributes: RawAttributes;
  subgraph?: string;
  /** Line where the node is first named. */
  line: number;
}

interface EdgeRecord {
  source: string;
  target: string;
  attributes: RawAttributes;
  line: number;
}

function lineOf(node: { location?: { start: { line: number } } | null }): number | undefined {
  return node.location?.start.line;
}

function rawOf(attribute: AttributeASTNode): RawValue {
  return { text: valueText(attribute.value), html: attribute.value.quoted === 'html' };
}

/** The parser's message in the user's words: where it stopped and what it found. */
function syntaxMessage(error: unknown): { message: string; line?: number } {
  const cause = (error as { cause?: { location?: { start?: { line?: number } } } }).cause;
  const line = cause?.location?.start?.line;
  const raw = error instanceof Error ? error.message : String(error);
  let message: string;
  if (raw.startsWith('Unexpected parse error')) message = 'the DOT text could not be read (it may be damaged or nested too deep)';
  else if (raw.startsWith('Edge chain depth exceeds')) {
    message = `an edge chain (a -> b -> c ...) links more than ${MAX_DOT_CHAIN} nodes; split it into several statements`;
  } else if (/but end of input found/.test(raw)) {
    message = 'the DOT text ends too early: a quote, bracket or brace is not closed (the file may be cut short)';
  } else message = `the DOT text could not be read: ${raw.replace(/\.$/, '')}`;
  return line === undefined ? { message } : { message, line };
}

class DotWalker {
  readonly nodes = new Map<string, NodeRecord>();
  readonly edges: EdgeRecord[] = [];
  readonly strictIndex = new Map<string, number>();
  graphLabel: RawValue | undefined;

  constructor(
    readonly directed: boolean,
    readonly strict: boolean,
  ) {}

  /** The node named `id`, created with the scope's node defaults when first met. */
  touch(id: string, scope: Scope, line: number): NodeRecord {
    let node = this.nodes.get(id);
    if (node === undefined) {
      node = { id, attributes: new Map(scope.nodeDefaults), line };
      this.nodes.set(id, node);
    }
    if (node.subgraph === undefined && scope.subgraph !== undefined) node.subgraph = scope.subgraph;
    return node;
  }

  endsOf(target: EdgeTargetASTNode, scope: Scope, line: number): string[] {
    if (target.type === 'NodeRef') return [this.touch(valueText(target.id), scope, lineOf(target) ?? line).id];
    // A { ... } group is a set of nodes: one listed twice is still one end.
    const ids: string[] = [];
    const seen = new Set<string>();
    for (const ref of target.children) {
      const id = this.touch(valueText(ref.id), scope, lineOf(ref) ?? line).id;
      if (!seen.has(id)) ids.push(id);
      seen.add(id);
    }
    return ids;
  }

  addEdge(source: string, target: string, attributes: RawAttributes, line: number): void {
    if (this.strict) {
      const [a, b] = this.directed || source <= target ? [source, target] : [target, source];
      const key = `${a}\u0000${b}`;
      const at = this.strictIndex.get(key);
      if (at !== undefined) {
        const kept = this.edges[at] as EdgeRecord;
        for (const [name, value] of attributes) kept.attributes.set(name, value);
        return;
      }
      this.strictIndex.set(key, this.edges.length);
    }
    this.edges.push({ source, target, attributes, line });
  }

  walk(statements: readonly ClusterStatementASTNode[], scope: Scope, top: boolean): void {
    for (const statement of statements) {
      switch (statement.type) {
        case 'Attribute':
          if (top && valueText(statement.key) === 'label') this.graphLabel = rawOf(statement);
          break;
        case 'AttributeList': {
          if (statement.kind === 'Graph') {
            if (top) {
              for (const attribute of statement.children) {
                if (attribute.type === 'Attribute' && valueText(attribute.key) === 'label') this.graphLabel = rawOf(attribute);
              }
            }
            break;
          }
          const defaults = statement.kind === 'Node' ? scope.nodeDefaults : scope.edgeDefaults;
          for (const attribute of statement.children) {
            if (attribute.type === 'Attribute') defaults.set(valueText(attribute.key), rawOf(attribute));
          }
          break;
        }
        case 'Node': {
          const node = this.touch(valueText(statement.id), scope, lineOf(statement) ?? 1);
          for (const attribute of statement.children) {
            if (attribute.type === 'Attribute') node.attributes.set(valueText(attribute.key), rawOf(attribute));
          }
          break;
        }
        case 'Edge': {
          const line = lineOf(statement) ?? 1;
          const attributes: RawAttributes = new Map(scope.edgeDefaults);
          for (const attribute of statement.children) {
            if (attribute.type === 'Attribute') attributes.set(valueText(attribute.key), rawOf(attribute));
          }
          let previous = this.endsOf(statement.targets[0], scope, line);
          for (let k = 1; k < statement.targets.length; k++) {
            const next = this.endsOf(statement.targets[k] as EdgeTargetASTNode, scope, line);
            for (const source of previous) {
              for (const target of next) this.addEdge(source, target, new Map(attributes), line);
            }
            previous = next;
          }
          break;
        }
        case 'Subgraph': {
          let name = statement.id === undefined ? undefined : valueText(statement.id);
          // A cluster's label names it better than its id; it may come after its members.
          for (const child of statement.children) {
            if (child.type === 'Attribute' && valueText(child.key) === 'label') name = labelText(rawOf(child), '', '') || name;
            if (child.type === 'AttributeList' && child.kind === 'Graph') {
              for (const attribute of child.children) {
                if (attribute.type === 'Attribute' && valueText(attribute.key) === 'label') name = labelText(rawOf(attribute), '', '') || name;
              }
            }
          }
          this.walk(
            statement.children,
            {
              nodeDefaults: new Map(scope.nodeDefaults),
              edgeDefaults: new Map(scope.edgeDefaults),
              subgraph: name !== undefined && name.trim() !== '' ? name.trim() : scope.subgraph,
            },
            false,
          );
          break;
        }
        default:
          break;
      }
    }
  }
}

/**
 * The kept attributes of each record, typed column by column (numbers where every value of an
 * attribute is a number). One pass over every record's attributes: a record has only the
 * attributes it was given, so the work grows with the file, not with people times attributes.
 */
function typedAttributes(records: ReadonlyArray<{ attributes: RawAttributes }>, skip: ReadonlySet<string>): Attributes[] {
  const columns = new Map<string, { rows: number[]; cells: string[] }>();
  records.forEach((record, row) => {
    for (const [name, raw] of record.attributes) {
      if (skip.has(name) || DRAWING_ATTRIBUTES.has(name.toLowerCase())) continue;
      let column = columns.get(name);
      if (column === undefined) {
        column = { rows: [], cells: [] };
        columns.set(name, column);
      }
      column.rows.push(row);
      column.cells.push(raw.html ? htmlLabelText(raw.text) : raw.text);
    }
  });
  const out: Attributes[] = records.map(() => ({}));
  for (const [name, { rows, cells }] of columns) {
    const values = typeAttributeColumn(cells);
    rows.forEach((row, k) => {
      const value = values[k] ?? null;
      if (value !== null) setAttribute(out[row] as Attributes, name, value);
    });
  }
  return out;
}

const NODE_READ = new Set(['label']);
const EDGE_READ = new Set(['label', 'weight', 'relation']);

/** Reads a Graphviz DOT file. Never throws: problems come back as the result's issues. */
export function parseDot(text: string, options: DotOptions): Result<ImportPart> {
  const part = emptyPart(options.file);
  const log = new IssueLog(options.file);
  const content = text.replace(/^\uFEFF/, '');
  const start = content.trimStart();
  if (start === '') {
    log.error('empty-file', 'the file is empty');
    return resultOf(part, log.issues);
  }
  if (!looksLikeDot(content)) {
    const first = start[0] as string;
    const hint = first === '<' ? ' (it looks like XML: GraphML or GEXF?)' : first === '{' ? ' (it looks like JSON)' : /^graph\s*\[/.test(start) ? ' (it looks like GML)' : '';
    log.error('wrong-format', `this is not a Graphviz DOT file: it should start with "graph {" or "digraph {"${hint}`, { row: 1 });
    return resultOf(part, log.issues);
  }
  if (content.length > MAX_DOT_CHARS) {
    log.error(
      'too-large',
      `this DOT file is ${Math.round(content.length / 1e6)} MB; netweave reads DOT files up to ${MAX_DOT_CHARS / 1e6} MB. Save the network as an edge list (CSV), GraphML or GEXF instead`,
    );
    return resultOf(part, log.issues);
  }
  const deepAt = tooDeepAt(content, MAX_DOT_DEPTH);
  if (deepAt !== undefined) {
    log.error('too-deep', `subgraphs are nested more than ${MAX_DOT_DEPTH} deep, which no network needs; the file was not read`, { row: deepAt });
    return resultOf(part, log.issues);
  }
  let graph: GraphASTNode | undefined;
  try {
    const dot = parse(content, { maxInputSize: 0, maxASTNodes: 0, maxEdgeChainDepth: MAX_DOT_CHAIN });
    graph = dot.children.find((child): child is GraphASTNode => child.type === 'Graph');
  } catch (error) {
    const { message, line } = syntaxMessage(error);
    log.error('bad-dot', message, line === undefined ? {} : { row: line });
    return resultOf(part, log.issues);
  }
  if (graph === undefined) {
    log.error('no-graph', 'the file has no graph { ... }, so there is no network in it');
    return resultOf(part, log.issues);
  }
  const graphName = graph.id === undefined ? '' : valueText(graph.id);
  const walker = new DotWalker(graph.directed, graph.strict);
  walker.walk(graph.children, { nodeDefaults: new Map(), edgeDefaults: new Map(), subgraph: undefined }, true);
  const label = walker.graphLabel === undefined ? '' : labelText(walker.graphLabel, '', graphName);
  if (label !== '' || graphName !== '') part.name = label || graphName;

  // A node named "" (or only spaces) has no id a person could keep: refused with its line.
  const unnamed = new Set<string>();
  for (const node of walker.nodes.values()) {
    if (node.id.trim() !== '') continue;
    unnamed.add(node.id);
    log.error('missing-id', `a node is named ${JSON.stringify(node.id)}, an empty name; every node needs one (its edges were left out)`, { row: node.line, field: 'id' });
  }
  const nodes = Array.from(walker.nodes.values()).filter((node) => !unnamed.has(node.id));
  const nodeAttributes = typedAttributes(nodes, NODE_READ);
  const people: Person[] = nodes.map((node, index) => {
    const attributes = nodeAttributes[index] as Attributes;
    if (node.subgraph !== undefined) setAttribute(attributes, 'subgraph', node.subgraph);
    const raw = node.attributes.get('label');
    const label = raw === undefined ? '' : labelText(raw, node.id, graphName);
    return { id: node.id, label: label || node.id, attributes };
  });
  // Every person has the same attribute names: null where a node has none.
  if (people.some((person) => person.attributes.subgraph !== undefined)) {
    for (const person of people) if (person.attributes.subgraph === undefined) setAttribute(person.attributes, 'subgraph', null);
  }

  const edgeAttributes = typedAttributes(walker.edges, EDGE_READ);
  const drafts: Array<{ tie: Tie; origin: { file: string; row: number; rowUnit: 'line'; sourceField: string; targetField: string } }> = [];
  let zeroWeights = 0;
  let firstZero = 0;
  walker.edges.forEach((edge, index) => {
    if (unnamed.has(edge.source) || unnamed.has(edge.target)) return;
    let weight = 1;
    const rawWeight = edge.attributes.get('weight');
    if (rawWeight !== undefined && rawWeight.text.trim() !== '') {
      if (parseNumberText(rawWeight.text) === 0) {
        if (zeroWeights++ === 0) firstZero = edge.line;
      } else {
        const reading = parseWeight(rawWeight.text, 'weight');
        if (!reading.ok) {
          log.error('bad-weight', reading.message, { row: edge.line, field: 'weight' });
          return;
        }
        weight = reading.weight;
      }
    }
    const rawRelation = edge.attributes.get('relation') ?? edge.attributes.get('label');
    const relation = rawRelation === undefined ? '' : labelText(rawRelation, '', graphName);
    const tie: Tie = { source: edge.source, target: edge.target, relation: relation || 'tie', directed: graph.directed, weight };
    const attributes = edgeAttributes[index] as Attributes;
    if (Object.keys(attributes).length > 0) tie.attributes = attributes;
    drafts.push({
      tie,
      origin: { file: options.file, row: edge.line, rowUnit: 'line', sourceField: 'source', targetField: 'target' },
    });
  });
  if (zeroWeights > 0) {
    log.warn(
      'zero-weight',
      `${zeroWeights === 1 ? 'an edge has' : `${zeroWeights} edges have`} weight 0, which in Graphviz only asks the layout not to straighten the edge; ${zeroWeights === 1 ? 'it was' : 'they were'} read with weight 1`,
      { row: firstZero, field: 'weight' },
    );
  }
  part.people = people;
  part.personOrigins = nodes.map((node) => ({ file: options.file, row: node.line, rowUnit: 'line' }));
  settleTies(part, drafts, log);
  return resultOf(part, log.issues);
}
