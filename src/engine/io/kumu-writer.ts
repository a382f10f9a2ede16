/**
 * A people network as a Kumu workbook (https://docs.kumu.io/guides/import/structure-your-data):
 * an Elements sheet (Label, Type, then every attribute; lists joined by `|` as Kumu reads them)
 * and a Connections sheet (From, To, Type = the relation, Direction, Strength = the weight).
 * Connections name elements by label; where two people share a label, both are written by their
 * netweave id (a Name column keeps the label), so Kumu keeps them apart.
 */
import { attributeColumns, attributeText, type ExportGraph } from './export-graph.ts';
import { writeXlsx, type SheetCell } from './xlsx-write.ts';

export function toKumuWorkbook(graph: ExportGraph): Uint8Array {
  const labelCount = new Map<string, number>();
  for (const node of graph.nodes) labelCount.set(node.label, (labelCount.get(node.label) ?? 0) + 1);
  const keyOf = new Map<string, string>();
  for (const node of graph.nodes) keyOf.set(node.id, labelCount.get(node.label) === 1 && node.label !== '' ? node.label : node.id);
  const shared = graph.nodes.some((n) => keyOf.get(n.id) !== n.label);
  const attrs = attributeColumns(graph.nodes).filter((a) => !['label', 'type', 'name'].includes(a.key.toLowerCase()));
  const elements: SheetCell[][] = [['Label', 'Type', ...(shared ? ['Name'] : []), ...attrs.map((a) => a.key)]];
  for (const node of graph.nodes) {
    elements.push([
      keyOf.get(node.id)!,
      'Person',
      ...(shared ? [node.label] : []),
      ...attrs.map((a) => {
        const value = node.attributes[a.key];
        if (typeof value === 'number') return value;
        const text = attributeText(value ?? null, a.kind === 'liststring' ? 'liststring' : a.kind);
        return text;
      }),
    ]);
  }
  const connections: SheetCell[][] = [['From', 'To', 'Type', 'Direction', 'Strength']];
  for (const edge of graph.edges) {
    connections.push([keyOf.get(edge.source) ?? edge.source, keyOf.get(edge.target) ?? edge.target, edge.relation, graph.directed ? 'directed' : 'undirected', edge.weight]);
  }
  return writeXlsx([
    { name: 'Elements', rows: elements },
    { name: 'Connections', rows: connections },
  ]);
}
