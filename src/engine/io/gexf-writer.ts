/**
 * GEXF 1.3 (Gephi's format) with attributes and metrics as node attributes.
 */
import { VERSION } from '../core/util/version.ts';
import { attributeColumns, attributeText, xmlEscape as x, type ExportGraph } from './export-graph.ts';

export function toGexf(graph: ExportGraph): string {
  const attrs = attributeColumns(graph.nodes);
  const metrics = [...new Set(graph.nodes.flatMap((n) => Object.keys(n.metrics)))];
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta><creator>netweave ${x(VERSION)}</creator></meta>`,
    `  <graph defaultedgetype="${graph.directed ? 'directed' : 'undirected'}" mode="static">`,
    '    <attributes class="node">',
    ...attrs.map((a, i) => `      <attribute id="a${i}" title="${x(a.key)}" type="${a.kind}"/>`),
    ...metrics.map((m, i) => `      <attribute id="m${i}" title="${x(m)}" type="double"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="relation" title="relation" type="string"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const node of graph.nodes) {
    const values: string[] = [];
    attrs.forEach((a, i) => {
      const text = attributeText(node.attributes[a.key] ?? null, a.kind);
      if (text !== null) values.push(`<attvalue for="a${i}" value="${x(text)}"/>`);
    });
    metrics.forEach((m, i) => {
      const v = node.metrics[m];
      if (v !== undefined && Number.isFinite(v)) values.push(`<attvalue for="m${i}" value="${v}"/>`);
    });
    lines.push(`      <node id="${x(node.id)}" label="${x(node.label)}"><attvalues>${values.join('')}</attvalues></node>`);
  }
  lines.push('    </nodes>', '    <edges>');
  graph.edges.forEach((e, i) => {
    lines.push(`      <edge id="${i}" source="${x(e.source)}" target="${x(e.target)}" weight="${e.weight}"><attvalues><attvalue for="relation" value="${x(e.relation)}"/></attvalues></edge>`);
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
