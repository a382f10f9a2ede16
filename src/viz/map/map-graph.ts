/**
 * The graph sigma draws, built from the analysis payload's typed arrays. Node positions come
 * from the saved layout, or a seeded circle for people not laid out yet.
 */
import Graph from 'graphology';
import type { AnalysisPayload } from '../../engine/analysis/analysis-payload.ts';

export interface MapNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
}

export interface MapEdge {
  weight: number;
  relations: number;
  size: number;
  color: string;
}

export type MapGraph = Graph<MapNode, MapEdge>;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

export function buildMapGraph(
  analysis: AnalysisPayload,
  labelOf: (id: string) => string,
  layout: Record<string, [number, number]>,
): MapGraph {
  const graph: MapGraph = new Graph<MapNode, MapEdge>({ type: analysis.settings.directed ? 'directed' : 'undirected', allowSelfLoops: true });
  const ids = analysis.table.ids;
  const n = ids.length;
  const radius = Math.sqrt(n) * 10;
  ids.forEach((id, i) => {
    const saved = layout[id];
    const angle = 2 * Math.PI * hash(id);
    const r = radius * Math.sqrt(hash(`${id}#r`));
    graph.addNode(id, {
      x: saved ? saved[0] : r * Math.cos(angle) + (i % 7),
      y: saved ? saved[1] : r * Math.sin(angle),
      size: 4,
      color: '#888',
      label: labelOf(id),
    });
  });
  for (let e = 0; e < analysis.edgeSource.length; e++) {
    const s = ids[analysis.edgeSource[e]!]!;
    const t = ids[analysis.edgeTarget[e]!]!;
    if (s === t) continue;
    graph.addEdgeWithKey(String(e), s, t, {
      weight: analysis.edgeWeight[e]!,
      relations: analysis.edgeRelations[e]!,
      size: 1,
      color: '#cfd3da',
    });
  }
  return graph;
}
