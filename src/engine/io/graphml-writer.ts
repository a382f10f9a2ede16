/**
 * GraphML with attributes and metrics as node data keys (readable by yEd, Cytoscape, Gephi,
 * networkx and igraph). Names are distinct (a measure named like an attribute is
 * `degree (measure)`, an attribute named `label` is `label (attribute)` with its own name in
 * `netweave.name`; see `xmlColumns`). GraphML has no list type: a list is a string key holding a
 * JSON array (`["a","b|c"]`), marked `netweave.type="liststring"` so netweave reads it back as a
 * list; other tools show the JSON text. Characters XML 1.0 cannot hold are U+FFFD, counted in a
 * comment at the top; a value that is only white space is marked `xml:space="preserve"`.
 */
import { xmlColumnText, xmlColumns, xmlEscape as x, xmlReplacedComment, xmlReplacedCount, type ExportGraph } from './export-graph.ts';

/** Names a person's attribute cannot take: the key netweave, Gephi and networkx read labels from. */
const GRAPHML_RESERVED = ['label'];

/** A `<data>` element; white space alone is marked as meant (readers drop it as indentation). */
function data(key: string, text: string): string {
  const preserve = text !== '' && text.trim() === '' ? ' xml:space="preserve"' : '';
  return `<data key="${key}"${preserve}>${x(text)}</data>`;
}

export function toGraphml(graph: ExportGraph): string {
  const columns = xmlColumns(graph, GRAPHML_RESERVED);
  const graphmlType = (kind: string): string => (kind === 'double' ? 'double' : kind === 'boolean' ? 'boolean' : 'string');
  const replaced = xmlReplacedComment(xmlReplacedCount(graph));
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...(replaced === '' ? [] : [replaced]),
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    ...columns.map((c) => {
      const list = c.kind === 'liststring' ? ' netweave.type="liststring"' : '';
      const name = c.title === c.name || c.measure ? '' : ` netweave.name="${x(c.name)}"`;
      return `  <key id="${c.id}" for="node" attr.name="${x(c.title)}" attr.type="${graphmlType(c.kind)}"${list}${name}/>`;
    }),
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
    `  <graph id="G" edgedefault="${graph.directed ? 'directed' : 'undirected'}">`,
  ];
  for (const node of graph.nodes) {
    const values: string[] = [data('label', node.label)];
    for (const c of columns) {
      const text = xmlColumnText(node, c);
      if (text !== null) values.push(data(c.id, text));
    }
    lines.push(`    <node id="${x(node.id)}">${values.join('')}</node>`);
  }
  graph.edges.forEach((e, i) => {
    lines.push(`    <edge id="e${i}" source="${x(e.source)}" target="${x(e.target)}"><data key="weight">${e.weight}</data>${data('relation', e.relation)}</edge>`);
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
