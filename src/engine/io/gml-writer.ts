/**
 * GML for networkx (`read_gml`), igraph (`Graph.Read_GML`), Gephi, yEd and Cytoscape.
 *
 * - Nodes get integer ids 0, 1, ... (igraph reads only integer ids). `label` is the person's
 *   label, made unique for networkx (which refuses repeated labels) by adding the id to a label
 *   several people share: "Jin Chen (p2)". `name` is netweave's id, which igraph takes as the
 *   vertex name. Attributes and metrics follow as keys of their own.
 * - Edges carry `weight` and `relation`. `directed 1` when the graph is directed, and
 *   `multigraph 1` when two edges join the same people (same direction), which networkx needs to
 *   keep both.
 * - Keys are letters, digits and `_`, starting with a letter (networkx's rule); other characters
 *   become `_`, and a key that would clash gets `_2`, `_3`, ....
 * - Text is ASCII, as networkx requires (it refuses any other byte): `"` and `&` are written
 *   `&quot;` and `&amp;`, and every character outside printable ASCII as a numeric reference
 *   (`&#1062;`), which networkx and netweave decode; igraph 0.10.2 decodes the named ones but
 *   shows numeric references as written. Lists are joined with `|`, flags written 1 or 0, and
 *   numbers that are not finite left out.
 */
import { VERSION } from '../core/util/version.ts';
import type { AttributeValue } from '../core/model/records.ts';
import type { ExportGraph } from './export-graph.ts';

const RESERVED = new Set(['id', 'label', 'name', 'source', 'target', 'weight', 'relation', 'graphics', 'LabelGraphics', 'key', 'directed', 'multigraph']);

/** A string as a GML text: ASCII only, quotes and ampersands as entities. */
export function gmlString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) as number;
    if (char === '"') out += '&quot;';
    else if (char === '&') out += '&amp;';
    else if (code < 32 || code > 126) out += `&#${code};`;
    else out += char;
  }
  return `${out}"`;
}

/** A number as GML reads it: a real with an exponent needs a decimal point (`1.0e-7`, not `1e-7`) for networkx. */
function gmlNumber(value: number): string {
  const text = String(value);
  return /e/i.test(text) && !text.includes('.') ? text.replace(/e/i, '.0e') : text;
}

/** Keys for a list of names: valid GML keys, none reserved, none repeated. */
function keysFor(names: readonly string[], taken: Set<string>): Map<string, string> {
  const keys = new Map<string, string>();
  for (const name of names) {
    let base = name.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z]/.test(base)) base = `a${base}`;
    let key = base;
    for (let n = 2; taken.has(key) || RESERVED.has(key); n++) key = `${base}_${n}`;
    taken.add(key);
    keys.set(name, key);
  }
  return keys;
}

function valueText(value: AttributeValue | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return gmlString(value.join('|'));
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return Number.isFinite(value) ? gmlNumber(value) : undefined;
  return gmlString(value);
}

export function toGml(graph: ExportGraph): string {
  const attributeNames: string[] = [];
  const metricNames: string[] = [];
  const seenAttributes = new Set<string>();
  const seenMetrics = new Set<string>();
  for (const node of graph.nodes) {
    for (const name of Object.keys(node.attributes)) {
      if (!seenAttributes.has(name)) attributeNames.push(name);
      seenAttributes.add(name);
    }
    for (const name of Object.keys(node.metrics)) {
      if (!seenMetrics.has(name)) metricNames.push(name);
      seenMetrics.add(name);
    }
  }
  const taken = new Set<string>();
  const attributeKeys = keysFor(attributeNames, taken);
  const metricKeys = keysFor(metricNames, taken);

  const labelCount = new Map<string, number>();
  for (const node of graph.nodes) labelCount.set(node.label, (labelCount.get(node.label) ?? 0) + 1);
  const index = new Map<string, number>();
  graph.nodes.forEach((node, i) => index.set(node.id, i));

  const pairs = new Set<string>();
  let multigraph = false;
  for (const edge of graph.edges) {
    const [a, b] = graph.directed || edge.source <= edge.target ? [edge.source, edge.target] : [edge.target, edge.source];
    const pair = `${a}\u0000${b}`;
    if (pairs.has(pair)) multigraph = true;
    pairs.add(pair);
  }

  const lines: string[] = [`Creator ${gmlString(`netweave ${VERSION}`)}`, 'graph [', `  directed ${graph.directed ? 1 : 0}`];
  if (multigraph) lines.push('  multigraph 1');
  graph.nodes.forEach((node, i) => {
    const label = (labelCount.get(node.label) ?? 0) > 1 ? `${node.label} (${node.id})` : node.label;
    lines.push('  node [', `    id ${i}`, `    label ${gmlString(label)}`, `    name ${gmlString(node.id)}`);
    for (const [name, key] of attributeKeys) {
      const text = valueText(node.attributes[name]);
      if (text !== undefined) lines.push(`    ${key} ${text}`);
    }
    for (const [name, key] of metricKeys) {
      const text = valueText(node.metrics[name]);
      if (text !== undefined) lines.push(`    ${key} ${text}`);
    }
    lines.push('  ]');
  });
  for (const edge of graph.edges) {
    const source = index.get(edge.source);
    const target = index.get(edge.target);
    // An edge to someone not in the export cannot be written in GML, where ends are node ids.
    if (source === undefined || target === undefined) continue;
    lines.push('  edge [', `    source ${source}`, `    target ${target}`);
    if (Number.isFinite(edge.weight)) lines.push(`    weight ${gmlNumber(edge.weight)}`);
    lines.push(`    relation ${gmlString(edge.relation)}`, '  ]');
  }
  lines.push(']', '');
  return lines.join('\n');
}
