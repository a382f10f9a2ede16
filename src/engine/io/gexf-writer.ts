/**
 * GEXF 1.2 (Gephi's format; 1.2 rather than 1.3 because networkx and older tools read only up to
 * 1.2, and nothing written here needs 1.3) with attributes and metrics as node attributes. Titles are distinct
 * (a measure named like an attribute is `degree (measure)`; see `xmlColumns`), lists are
 * liststring values holding a JSON array (`["a","b|c"]`, which Gephi and graphology read item by
 * item), and characters XML 1.0 cannot hold are U+FFFD, counted in a comment at the top.
 */
import { VERSION } from '../core/util/version.ts';
import { xmlColumnText, xmlColumns, xmlEscape as x, xmlReplacedComment, xmlReplacedCount, type ExportGraph } from './export-graph.ts';

/** Titles a person's attribute cannot take in GEXF: networkx reads a node's label under `label`. */
const GEXF_RESERVED = ['label'];

export function toGexf(graph: ExportGraph): string {
  const columns = xmlColumns(graph, GEXF_RESERVED);
  const replaced = xmlReplacedComment(xmlReplacedCount(graph));
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...(replaced === '' ? [] : [replaced]),
    '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">',
    `  <meta><creator>netweave ${x(VERSION)}</creator></meta>`,
    `  <graph defaultedgetype="${graph.directed ? 'directed' : 'undirected'}" mode="static">`,
    '    <attributes class="node">',
    ...columns.map(
      (c) => `      <attribute id="${c.id}" title="${x(c.title)}" type="${c.kind}"${c.title === c.name || c.measure ? '' : ` netweave.name="${x(c.name)}"`}/>`,
    ),
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="relation" title="relation" type="string"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const node of graph.nodes) {
    const values: string[] = [];
    for (const c of columns) {
      const text = xmlColumnText(node, c);
      if (text !== null) values.push(`<attvalue for="${c.id}" value="${x(text)}"/>`);
    }
    lines.push(`      <node id="${x(node.id)}" label="${x(node.label)}"><attvalues>${values.join('')}</attvalues></node>`);
  }
  lines.push('    </nodes>', '    <edges>');
  graph.edges.forEach((e, i) => {
    lines.push(`      <edge id="${i}" source="${x(e.source)}" target="${x(e.target)}" weight="${e.weight}"><attvalues><attvalue for="relation" value="${x(e.relation)}"/></attvalues></edge>`);
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
