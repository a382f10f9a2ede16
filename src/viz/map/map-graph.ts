/**
 * The graph sigma draws, built from the analysis payload's typed arrays: its people, and only
 * the ties on show (every tie, or the selected person's; the layout reads the payload's tie
 * arrays in its own worker, so no tie needs to be in a graph before it is drawn). Positions come
 * from the saved layout, or a seeded circle for people not laid out yet.
 */
import Graph from 'graphology';
import type { AnalysisResult } from '../../engine/analysis/analysis-result.ts';
import { positionOf } from '../../engine/core/model/layout-record.ts';
import { Slicer, type SliceOptions } from '../state/slicer.ts';

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

/** Where each person starts ([x0, y0, ...] by analysis index): saved, or on a seeded disc. */
export function startPositions(analysis: AnalysisResult, layout: Record<string, [number, number]>): Float64Array {
  const ids = analysis.table.ids;
  const n = ids.length;
  const radius = Math.sqrt(n) * 10;
  const xy = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    const saved = positionOf(layout, id);
    if (saved) {
      xy[2 * i] = saved[0];
      xy[2 * i + 1] = saved[1];
      continue;
    }
    const angle = 2 * Math.PI * hash(id);
    const r = radius * Math.sqrt(hash(`${id}#r`));
    xy[2 * i] = r * Math.cos(angle) + (i % 7);
    xy[2 * i + 1] = r * Math.sin(angle);
  }
  return xy;
}

/** An empty graph of the analysis's kind (directed or not). */
export function emptyMapGraph(analysis: AnalysisResult): MapGraph {
  return new Graph<MapNode, MapEdge>({ type: analysis.settings.directed ? 'directed' : 'undirected', allowSelfLoops: true });
}

/**
 * Adds everyone to `graph` at `xy`, in slices (a sigma drawing the graph indexes each as it
 * comes). Resolves to false when `between` says the work is no longer wanted.
 */
export async function addPeople(graph: MapGraph, analysis: AnalysisResult, labelOf: (id: string) => string, xy: Float64Array, options: SliceOptions = {}): Promise<boolean> {
  const slicer = new Slicer(options);
  const ids = analysis.table.ids;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    graph.addNode(id, { x: xy[2 * i]!, y: xy[2 * i + 1]!, size: 4, color: '#888', label: labelOf(id) });
    if (slicer.due(i) && !(await slicer.pause())) return false;
  }
  return true;
}

/** The attributes a tie is drawn with, from the payload. */
function tieAttributes(analysis: AnalysisResult, e: number): MapEdge {
  return { weight: analysis.edgeWeight[e]!, relations: analysis.edgeRelations[e]!, size: 1, color: '#cfd3da' };
}

/** Adds one tie (key: its index in the payload) unless it is a self-loop or already there. */
export function addTie(graph: MapGraph, analysis: AnalysisResult, e: number): void {
  const ids = analysis.table.ids;
  const s = ids[analysis.edgeSource[e]!]!;
  const t = ids[analysis.edgeTarget[e]!]!;
  const key = String(e);
  if (s !== t && !graph.hasEdge(key)) graph.addEdgeWithKey(key, s, t, tieAttributes(analysis, e));
}

/**
 * Adds every tie, in slices (graphology adds an edge in about 3 microseconds: a quarter of a
 * million would hold the page for most of a second). Resolves to false when abandoned.
 */
export async function addAllTies(graph: MapGraph, analysis: AnalysisResult, options: SliceOptions = {}): Promise<boolean> {
  const slicer = new Slicer(options);
  for (let e = 0; e < analysis.edgeSource.length; e++) {
    addTie(graph, analysis, e);
    if (slicer.due(e) && !(await slicer.pause())) return false;
  }
  return true;
}

/** Moves everyone to `xy` (by analysis index, the graph's order) in one update. */
export function placePeople(graph: MapGraph, xy: ArrayLike<number>): void {
  let i = 0;
  graph.updateEachNodeAttributes(
    (_id, a) => {
      a.x = xy[2 * i]!;
      a.y = xy[2 * i + 1]!;
      i++;
      return a;
    },
    { attributes: ['x', 'y'] },
  );
}
