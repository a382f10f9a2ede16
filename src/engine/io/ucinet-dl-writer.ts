/**
 * UCINET DL as an edge list, which UCINET, NetDraw and (for one relation) other tools open:
 *
 *     dl n=4 nm=2
 *     format = edgelist1
 *     labels:
 *     Ana
 *     "Ben Okafor"
 *     labels embedded:
 *     matrix labels:
 *     advice
 *     friendship
 *     data:
 *     Ana "Ben Okafor" 2
 *     !
 *     ...
 *
 * - Every person is listed under `labels:` (so people without ties are kept, in order) and the
 *   data names people by label (`labels embedded`). Labels are the people's labels when those are
 *   all distinct and non-empty, else their ids. A label with spaces, commas, quotes, `=`, `:` or
 *   `!`, or one that is a DL keyword, is written in double quotes; a `"` inside becomes `'`, and
 *   line breaks and tabs become spaces (DL has no way to write them).
 * - Each relation is one matrix, named under `matrix labels:` in order of first use; matrices
 *   are separated by a line holding `!`. A network without ties is written as one empty matrix
 *   called `tie`.
 * - Each line is `from to weight`. Ties of one pair and relation are added into one line. An
 *   undirected network writes each tie both ways (a symmetric matrix, which readers, netweave's
 *   included, take as undirected); a self-loop once. So a directed network whose every tie is
 *   returned with the same weight reads back as undirected.
 * - igraph (`Graph.Read_DL`, 0.10) reads this edge-list layout but neither `nm=` nor
 *   `matrix labels:` nor quoted labels; the reference script checks it with those lines removed.
 */
import type { ExportGraph } from './export-graph.ts';

const KEYWORDS = new Set([
  'dl', 'n', 'nr', 'nc', 'nm', 'format', 'diagonal', 'labels', 'label', 'row', 'rows', 'col', 'column', 'columns',
  'matrix', 'level', 'data', 'embedded', 'title', 'comment',
]);

function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\r\n\t\u0000-\u001f]+/g, ' ').replace(/"/g, "'").trim();
}

/** A label or relation name as DL writes it: bare when that is safe, else in double quotes. */
function dlName(name: string): string {
  if (name !== '' && !/[\s,"=:!]/.test(name) && !KEYWORDS.has(name.toLowerCase())) return name;
  return `"${name}"`;
}

function numberText(value: number): string {
  return String(value);
}

/** The network as a UCINET DL edge list (`format = edgelist1`, labels embedded). */
export function toUcinetDl(graph: ExportGraph): string {
  const cleaned = graph.nodes.map((node) => clean(node.label));
  const distinct = new Set(cleaned);
  const useLabels = distinct.size === cleaned.length && !distinct.has('');
  const names: string[] = [];
  const taken = new Set<string>();
  // Ids cleaned of line breaks could meet; a DL label must be unique, so a later one gets a number.
  const addName = (name: string): void => {
    let unique = name === '' ? '?' : name;
    for (let k = 2; taken.has(unique); k++) unique = `${name} (${k})`;
    taken.add(unique);
    names.push(unique);
  };
  for (const [i, node] of graph.nodes.entries()) addName(useLabels ? (cleaned[i] as string) : clean(node.id));
  const position = new Map<string, number>();
  graph.nodes.forEach((node, i) => position.set(node.id, i));
  const at = (id: string): number => {
    let index = position.get(id);
    if (index === undefined) {
      // An endpoint the node list lacks still becomes a person.
      index = names.length;
      position.set(id, index);
      addName(clean(id));
    }
    return index;
  };

  // One cell per pair and relation, weights added, in order of first appearance.
  const relations = new Map<string, Map<string, { source: number; target: number; weight: number }>>();
  for (const edge of graph.edges) {
    if (!Number.isFinite(edge.weight) || edge.weight <= 0) continue;
    const name = clean(edge.relation) || 'tie';
    let cells = relations.get(name);
    if (cells === undefined) {
      cells = new Map();
      relations.set(name, cells);
    }
    let source = at(edge.source);
    let target = at(edge.target);
    if (!graph.directed && target < source) [source, target] = [target, source];
    const key = `${source} ${target}`;
    const cell = cells.get(key);
    if (cell === undefined) cells.set(key, { source, target, weight: edge.weight });
    else cell.weight += edge.weight;
  }
  if (relations.size === 0) relations.set('tie', new Map());

  const lines: string[] = [`dl n=${names.length} nm=${relations.size}`, 'format = edgelist1', 'labels:'];
  for (const name of names) lines.push(dlName(name));
  lines.push('labels embedded:', 'matrix labels:');
  for (const name of relations.keys()) lines.push(dlName(name));
  lines.push('data:');
  let first = true;
  for (const cells of relations.values()) {
    if (!first) lines.push('!');
    first = false;
    for (const { source, target, weight } of cells.values()) {
      const a = dlName(names[source] as string);
      const b = dlName(names[target] as string);
      lines.push(`${a} ${b} ${numberText(weight)}`);
      if (!graph.directed && source !== target) lines.push(`${b} ${a} ${numberText(weight)}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
