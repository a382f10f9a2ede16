/**
 * Loads the networkx reference graphs (test/reference/graphs) exactly as make.py wrote them, so
 * metric tests do not depend on the importers.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import Graph from 'graphology';
import type { NetworkGraph } from '../../src/engine/core/graph/build-graph.ts';

const dir = fileURLToPath(new URL('../reference/', import.meta.url));

export interface ReferenceFixture {
  graph: string;
  directed: boolean;
  weighted: boolean;
  graph_metrics: Record<string, number | null>;
  node_metrics: Record<string, Record<string, number> | null>;
  louvain: Record<string, { best_modularity: number; min_modularity: number }> | null;
}

export function loadReference(name: string): { fixture: ReferenceFixture; graph: NetworkGraph } {
  const fixture = JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as ReferenceFixture;
  const parse = (file: string) =>
    Papa.parse<Record<string, string>>(readFileSync(`${dir}graphs/${file}`, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
  const graph: NetworkGraph = new Graph({
    type: fixture.directed ? 'directed' : 'undirected',
    allowSelfLoops: true,
  });
  for (const row of parse(`${name}.nodes.csv`)) graph.addNode(row.id!, { label: row.id! });
  for (const row of parse(`${name}.csv`)) {
    graph.addEdge(row.source!, row.target!, { weight: Number(row.weight), relations: ['tie'] });
  }
  return { fixture, graph };
}

/** Asserts every node's value within a relative tolerance (absolute near zero). */
export function expectClose(
  actual: Float64Array | ArrayLike<number>,
  ids: string[],
  expected: Record<string, number>,
  rel: number,
  label: string,
): void {
  const bad: string[] = [];
  ids.forEach((id, i) => {
    const want = expected[id];
    const got = actual[i]!;
    if (want === undefined) {
      bad.push(`${id}: no reference value`);
      return;
    }
    const tol = rel * Math.max(1, Math.abs(want));
    if (!(Math.abs(got - want) <= tol)) bad.push(`${id}: got ${got}, networkx ${want}`);
  });
  if (bad.length > 0) {
    throw new Error(`${label}: ${bad.length} of ${ids.length} values differ\n${bad.slice(0, 5).join('\n')}`);
  }
}
