/**
 * A people network as a Kumu workbook (https://docs.kumu.io/guides/import/structure-your-data):
 * an Elements sheet (Label, Type, then every attribute; lists joined by `|` as Kumu reads them)
 * and a Connections sheet (From, To, Type = the relation, Direction, Strength = the weight).
 * Connections name elements by label; when two people share a label (or one has none), an ID
 * column comes first, as Kumu asks for repeated labels
 * (https://docs.kumu.io/faq/how-do-i-add-more-than-one-element-with-the-same-label), and the
 * connections name everyone by id. The element Type is the person's `type` attribute when they
 * have one, else Person. io/kumu-people.ts reads it back to the same people, ties and attributes.
 */
import { attributeColumns, attributeText, type ExportGraph } from './export-graph.ts';
import { writeXlsx, type SheetCell } from './xlsx-write.ts';

export function toKumuWorkbook(graph: ExportGraph): Uint8Array {
  const labelCount = new Map<string, number>();
  for (const node of graph.nodes) labelCount.set(node.label, (labelCount.get(node.label) ?? 0) + 1);
  const byId = graph.nodes.some((n) => n.label.trim() === '' || labelCount.get(n.label) !== 1);
  const keyOf = new Map(graph.nodes.map((n) => [n.id, byId ? n.id : n.label]));
  const attrs = attributeColumns(graph.nodes).filter((a) => !['id', 'label', 'type'].includes(a.key.toLowerCase()));
  const typeOf = (node: ExportGraph['nodes'][number]): string => {
    const type = node.attributes.type ?? node.attributes.Type;
    return typeof type === 'string' && type.trim() !== '' ? type : 'Person';
  };
  const elements: SheetCell[][] = [[...(byId ? ['ID'] : []), 'Label', 'Type', ...attrs.map((a) => a.key)]];
  for (const node of graph.nodes) {
    elements.push([
      ...(byId ? [node.id] : []),
      node.label,
      typeOf(node),
      ...attrs.map((a) => {
        const value = node.attributes[a.key];
        if (typeof value === 'number') return value;
        return attributeText(value ?? null, a.kind === 'liststring' ? 'liststring' : a.kind);
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
