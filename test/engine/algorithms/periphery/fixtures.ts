/**
 * Loads the periphery reference fixtures (test/reference/periphery, from make_periphery.py):
 * each holds its own graph, so tests build it from the JSON alone.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import type { NetworkGraph } from '../../../../src/engine/core/graph/build-graph.ts';
import { toCsr, type Csr } from '../../../../src/engine/core/graph/csr.ts';

const dir = fileURLToPath(new URL('../../../reference/periphery/', import.meta.url));

export interface PeripheryFixture {
  graph: string;
  directed: boolean;
  weighted: boolean;
  nodes: Array<Record<string, string>>;
  edges: Array<[string, string, number]>;
  constraint: Record<string, number | null>;
  effective_size: Record<string, number | null>;
  constraint_weighted?: Record<string, number | null>;
  effective_size_weighted?: Record<string, number | null>;
  articulation_points: string[];
  bridges: Array<[string, string]>;
  reach: Record<string, Record<string, [number, number, number]>>;
  assortativity: Record<string, number | null>;
  ei: Record<
    string,
    { overall: number | null; internal: number; external: number; groups: Record<string, { internal: number; external: number; ei: number | null }> }
  >;
  brokerage: Record<string, Record<string, Record<string, number>>>;
}

export function readFixture<T = PeripheryFixture>(name: string): T {
  return JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as T;
}

export function graphOf(nodes: string[], edges: Array<[string, string, number]>, directed: boolean): NetworkGraph {
  const graph: NetworkGraph = new Graph({ type: directed ? 'directed' : 'undirected', allowSelfLoops: true });
  for (const id of nodes) graph.addNode(id, { label: id });
  for (const [s, t, w] of edges) {
    if (!graph.hasNode(s)) graph.addNode(s, { label: s });
    if (!graph.hasNode(t)) graph.addNode(t, { label: t });
    graph.addEdge(s, t, { weight: w, relations: ['tie'] });
  }
  return graph;
}

export function loadFixture(name: string): { fixture: PeripheryFixture; graph: NetworkGraph; csr: Csr } {
  const fixture = readFixture(name);
  const graph = graphOf(fixture.nodes.map((n) => n.id!), fixture.edges, fixture.directed);
  return { fixture, graph, csr: toCsr(graph) };
}

/** Fixture attribute per CSR node (undefined -> -1 group handled by callers). */
export function attributeOf(fixture: PeripheryFixture, attribute: string): (id: string) => Record<string, string> | undefined {
  const byId = new Map(fixture.nodes.map((n) => [n.id!, n]));
  return (id) => {
    const node = byId.get(id);
    if (!node || node[attribute] === undefined) return undefined;
    return { [attribute]: node[attribute]! };
  };
}

export const FIXTURES = [
  'karate',
  'florentine',
  'krackhardt_advice',
  'disconnected',
  'small_weighted',
  'small_directed_weighted',
  'sampson_like_t3',
] as const;
