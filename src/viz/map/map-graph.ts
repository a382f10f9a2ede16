/**
 * The graph sigma draws, built from the analysis payload's typed arrays. Node positions come
 * from the saved layout, or a seeded circle for people not laid out yet.
 */
import Graph from 'graphology';
import type { AnalysisResult } from '../../engine/analysis/analysis-result.ts';
import { positionOf } from '../../engine/core/model/layout-record.ts';

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

export interface BuildOptions {
  /** Milliseconds of work between two awaits of `between`. Default 12. */
  budgetMs?: number;
  /** Awaited between slices, e.g. a yield to the page; returning false abandons the build. */
  between?: () => Promise<boolean>;
}

/**
 * Builds the graph in slices of a few milliseconds so a quarter of a million ties never hold
 * the page in one task (graphology adds an edge in about 3 microseconds).
 * Resolves to null when `between` says the build is no longer wanted (a newer analysis).
 */
export async function buildMapGraph(
  analysis: AnalysisResult,
  labelOf: (id: string) => string,
  layout: Record<string, [number, number]>,
  options: BuildOptions = {},
): Promise<MapGraph | null> {
  const budget = options.budgetMs ?? 12;
  const between = options.between ?? (async () => true);
  let sliceStart = performance.now();
  /** Checked every 512 items: the slice has used its time. */
  const due = (item: number): boolean => (item & 511) === 511 && performance.now() - sliceStart >= budget;
  const pause = async (): Promise<boolean> => {
    const goOn = await between();
    sliceStart = performance.now();
    return goOn;
  };
  const graph: MapGraph = new Graph<MapNode, MapEdge>({ type: analysis.settings.directed ? 'directed' : 'undirected', allowSelfLoops: true });
  const ids = analysis.table.ids;
  const n = ids.length;
  const radius = Math.sqrt(n) * 10;
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    const saved = positionOf(layout, id);
    const angle = 2 * Math.PI * hash(id);
    const r = radius * Math.sqrt(hash(`${id}#r`));
    graph.addNode(id, {
      x: saved ? saved[0] : r * Math.cos(angle) + (i % 7),
      y: saved ? saved[1] : r * Math.sin(angle),
      size: 4,
      color: '#888',
      label: labelOf(id),
    });
    if (due(i) && !(await pause())) return null;
  }
  for (let e = 0; e < analysis.edgeSource.length; e++) {
    const s = ids[analysis.edgeSource[e]!]!;
    const t = ids[analysis.edgeTarget[e]!]!;
    if (s !== t) {
      graph.addEdgeWithKey(String(e), s, t, {
        weight: analysis.edgeWeight[e]!,
        relations: analysis.edgeRelations[e]!,
        size: 1,
        color: '#cfd3da',
      });
    }
    if (due(e) && !(await pause())) return null;
  }
  return graph;
}
