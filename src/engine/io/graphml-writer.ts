/**
 * GraphML with attributes and metrics as node data keys (readable by yEd, Cytoscape, Gephi,
 * networkx and igraph).
 */
import { attributeColumns, attributeText, xmlEscape as x, type ExportGraph } from './export-graph.ts';

export function toGraphml(graph: ExportGraph): string {
  const attrs = attributeColumns(graph.nodes);
  const metrics = [...new Set(graph.nodes.flatMap((n) => Object.keys(n.metrics)))];
  const graphmlType = (kind: string): string => (kind === 'double' ? 'double' : kind === 'boolean' ? 'boolean' : 'string');
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    ...attrs.map((a, i) => `  <key id="a${i}" for="node" attr.name="${x(a.key)}" attr.type="${graphmlType(a.kind)}"/>`),
    ...metrics.map((m, i) => `  <key id="m${i}" for="node" attr.name="${x(m)}" attr.type="double"/>`),
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
    `  <graph id="G" edgedefault="${graph.directed ? 'directed' : 'undirected'}">`,
  ];
  for (const node of graph.nodes) {
    const data: string[] = [`<data key="label">${x(node.label)}</data>`];
    attrs.forEach((a, i) => {
      const text = attributeText(node.attributes[a.key] ?? null, a.kind);
      if (text !== null) data.push(`<data key="a${i}">${x(text)}</data>`);
    });
    metrics.forEach((m, i) => {
      const v = node.metrics[m];
      if (v !== undefined && Number.isFinite(v)) data.push(`<data key="m${i}">${v}</data>`);
    });
    lines.push(`    <node id="${x(node.id)}">${data.join('')}</node>`);
  }
  graph.edges.forEach((e, i) => {
    lines.push(`    <edge id="e${i}" source="${x(e.source)}" target="${x(e.target)}"><data key="weight">${e.weight}</data><data key="relation">${x(e.relation)}</data></edge>`);
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
