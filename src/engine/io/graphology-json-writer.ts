/**
 * graphology's serialised graph (JSON), which graphology's `Graph.from()` and Gephi Lite
 * ("Open" a .json file) read.
 *
 * - `options.type` is "directed" or "undirected"; `multi` is true only when two edges join the
 *   same people in the same direction (graphology refuses them otherwise); self-loops allowed.
 * - Nodes: `key` is netweave's id; `attributes` hold `label`, every person attribute and every
 *   metric (numbers that are not finite left out). Lists of text are joined with `|`, which Gephi
 *   Lite can split as keywords. An attribute named like a drawing attribute (`x`, `y`, `size`,
 *   `color`, ...) or `label`, or a metric named like an attribute, is written with a `_` after its
 *   name so that Gephi Lite does not take it for how to draw the node.
 * - Edges: `key` e0, e1, ...; `attributes` hold `weight` and `relation`.
 */
import type { AttributeValue } from '../core/model/records.ts';
import type { ExportGraph } from './export-graph.ts';
import { GRAPHOLOGY_DRAWING_ATTRIBUTES } from './graphology-json.ts';

function jsonValue(value: AttributeValue | undefined): string | number | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.join('|');
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return value;
}

function setValue(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

export function toGraphologyJson(graph: ExportGraph): string {
  const used = new Set<string>(['label']);
  const rename = new Map<string, string>();
  const nameFor = (name: string): string => {
    const known = rename.get(name);
    if (known !== undefined) return known;
    let out = name;
    while (used.has(out) || GRAPHOLOGY_DRAWING_ATTRIBUTES.has(out)) out = `${out}_`;
    used.add(out);
    rename.set(name, out);
    return out;
  };
  const attributeKeys = new Map<string, string>();
  const metricKeys = new Map<string, string>();
  for (const node of graph.nodes) {
    for (const name of Object.keys(node.attributes)) if (!attributeKeys.has(name)) attributeKeys.set(name, nameFor(name));
  }
  for (const node of graph.nodes) {
    for (const name of Object.keys(node.metrics)) {
      if (!metricKeys.has(name)) metricKeys.set(name, attributeKeys.has(name) ? nameFor(`${name}_metric`) : nameFor(name));
    }
  }

  const pairs = new Set<string>();
  let multi = false;
  for (const edge of graph.edges) {
    const [a, b] = graph.directed || edge.source <= edge.target ? [edge.source, edge.target] : [edge.target, edge.source];
    const pair = `${a}\u0000${b}`;
    if (pairs.has(pair)) multi = true;
    pairs.add(pair);
  }

  const nodes = graph.nodes.map((node) => {
    const attributes: Record<string, unknown> = { label: node.label };
    for (const [name, key] of attributeKeys) {
      const value = jsonValue(node.attributes[name]);
      if (value !== undefined) setValue(attributes, key, value);
    }
    for (const [name, key] of metricKeys) {
      const value = jsonValue(node.metrics[name]);
      if (value !== undefined) setValue(attributes, key, value);
    }
    return { key: node.id, attributes };
  });
  const known = new Set(graph.nodes.map((node) => node.id));
  const edges: Array<{ key: string; source: string; target: string; attributes: Record<string, unknown> }> = [];
  graph.edges.forEach((edge, i) => {
    // graphology refuses an edge to a node it does not have.
    if (!known.has(edge.source) || !known.has(edge.target)) return;
    const attributes: Record<string, unknown> = { relation: edge.relation };
    if (Number.isFinite(edge.weight)) attributes.weight = edge.weight;
    edges.push({ key: `e${i}`, source: edge.source, target: edge.target, attributes });
  });
  const serialized = {
    attributes: {},
    options: { type: graph.directed ? 'directed' : 'undirected', multi, allowSelfLoops: true },
    nodes,
    edges,
  };
  return `${JSON.stringify(serialized)}\n`;
}
