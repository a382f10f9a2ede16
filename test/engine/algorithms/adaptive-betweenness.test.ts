/**
 * Betweenness from sampled shortest paths (Riondato-Upfal): the sample size follows the
 * vertex-diameter bound, every estimate lands within the stated epsilon of networkx's exact
 * value (10,000 people included), the same seed gives the same values, and above the threshold
 * the analysis uses it and says what the bound is.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  adaptiveBetweenness,
  ADAPTIVE_BETWEENNESS_DEFAULTS,
  pathSamplesFor,
  vertexDiameterBound,
} from '../../../src/engine/algorithms/metrics/adaptive-betweenness.ts';
import { csrFromEdgeArrays, toCsr, type Csr } from '../../../src/engine/core/graph/csr.ts';
import { computeMetrics, computeMetricsWith } from '../../../src/engine/analysis/compute-metrics.ts';
import { runPathBatches, type PathRunner } from '../../../src/engine/algorithms/parallel/path-batches.ts';
import { boundWords } from '../../../src/engine/report/readable.ts';
import { createRng } from '../../../src/engine/core/util/rng.ts';
import { loadReference } from '../../helpers/reference.ts';
import { betweenness10kEdges, edgeFingerprint } from '../../reference/betweenness_10k.ts';

interface Reference10k {
  fingerprint: string;
  nodes: number;
  edges: number;
  betweenness: number[];
}

function worstError(values: Float64Array, ids: string[], exact: Record<string, number | null>): number {
  return Math.max(...ids.map((id, i) => Math.abs(values[i]! - exact[id]!)));
}

describe('adaptive betweenness', () => {
  it('sizes the sample from the vertex diameter, epsilon and delta', () => {
    expect(pathSamplesFor(11, 0.01, 0.1)).toBe(Math.ceil((0.5 / 0.0001) * (Math.floor(Math.log2(9)) + 1 + Math.log(10))));
    // No shortest path has an inner node, so there is nothing to estimate.
    expect(pathSamplesFor(2, 0.01, 0.1)).toBe(0);
    expect(pathSamplesFor(40, 0.01, 0.1)).toBeGreaterThan(pathSamplesFor(11, 0.01, 0.1));
    expect(ADAPTIVE_BETWEENNESS_DEFAULTS).toMatchObject({ epsilon: 0.01, delta: 0.1 });
  });

  it('bounds the vertex diameter from above', () => {
    for (const name of ['karate', 'grid', 'lesmis', 'disconnected', 'krackhardt_advice']) {
      const { graph, fixture } = loadReference(name);
      const csr = toCsr(graph);
      const bound = vertexDiameterBound(csr, createRng(7));
      // The fixtures' diameter is the largest (strong) component's; a path of d ties has d + 1 people.
      expect(bound, name).toBeGreaterThanOrEqual(fixture.graph_metrics.diameter! + 1);
      if (!csr.directed) expect(bound, name).toBeLessThanOrEqual(2 * fixture.graph_metrics.diameter! + 1);
    }
  });

  it('bounds the vertex diameter of directed networks through their strongly connected parts, far below their size', () => {
    /** The longest shortest path's people, by a search from everyone (what the bound must cover). */
    const exactVertexDiameter = (csr: Csr): number => {
      let longest = 0;
      const dist = new Int32Array(csr.n);
      for (let s = 0; s < csr.n; s++) {
        dist.fill(-1);
        dist[s] = 0;
        const queue = [s];
        for (let head = 0; head < queue.length; head++) {
          const v = queue[head]!;
          longest = Math.max(longest, dist[v]! + 1);
          for (let k = csr.outOffsets[v]!; k < csr.outOffsets[v + 1]!; k++) {
            const w = csr.outTargets[k]!;
            if (dist[w]! < 0) {
              dist[w] = dist[v]! + 1;
              queue.push(w);
            }
          }
        }
      }
      return longest;
    };
    const directed = (n: number, pairs: Array<[number, number]>): Csr =>
      csrFromEdgeArrays(Array.from({ length: n }, (_, i) => String(i)), Int32Array.from(pairs, (p) => p[0]), Int32Array.from(pairs, (p) => p[1]), new Float64Array(pairs.length).fill(1), true);
    // A chain one way: every component is one person, and the bound is exact.
    expect(vertexDiameterBound(directed(6, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]]))).toBe(6);
    // Survey-like: a core that names one another, people who name into it and are not named,
    // people named from it who did not answer, at several densities.
    for (const [n, ties, seed] of [[400, 1200, 3], [400, 2400, 5], [300, 500, 9]] as const) {
      const rng = createRng(seed);
      const pairs: Array<[number, number]> = [];
      for (let e = 0; e < ties; e++) {
        const a = Math.floor(rng() * n);
        const b = Math.floor(rng() * n);
        // A fifth of the people never name anyone: they end chains.
        if (a !== b && a % 5 !== 0) pairs.push([a, b]);
      }
      const csr = directed(n, pairs);
      const exact = exactVertexDiameter(csr);
      const bound = vertexDiameterBound(csr);
      expect(bound, `${n}/${ties}`).toBeGreaterThanOrEqual(exact);
      expect(bound, `${n}/${ties}`).toBeLessThanOrEqual(3 * exact);
    }
    const { graph } = loadReference('directed_dag_like');
    const dag = toCsr(graph);
    expect(vertexDiameterBound(dag)).toBeGreaterThanOrEqual(exactVertexDiameter(dag));
  });

  it('lands within epsilon of networkx on small networks, directed and disconnected ones too', () => {
    for (const name of ['karate', 'grid', 'florentine', 'disconnected', 'krackhardt_advice', 'directed_dag_like']) {
      const { graph, fixture } = loadReference(name);
      const csr = toCsr(graph);
      const r = adaptiveBetweenness(csr, { epsilon: 0.02, seed: 11 });
      expect(r.bound).toMatchObject({ method: 'shortest-path sampling', epsilon: 0.02, delta: 0.1, seed: 11 });
      expect(worstError(r.values, csr.ids, fixture.node_metrics.betweenness!), name).toBeLessThan(0.02);
    }
  });

  it('has nothing to sample where no shortest path has an inner person, and never passes a share of 1', () => {
    const line = (n: number, pairs: [number, number][]): Csr =>
      csrFromEdgeArrays(Array.from({ length: n }, (_, i) => String(i)), Int32Array.from(pairs, (p) => p[0]), Int32Array.from(pairs, (p) => p[1]), new Float64Array(pairs.length).fill(1), false);
    for (const csr of [line(0, []), line(2, [[0, 1]]), line(4, [])]) {
      const r = adaptiveBetweenness(csr);
      expect(r.bound.samples).toBe(0);
      expect(Array.from(r.values)).toEqual(new Array(csr.n).fill(0));
    }
    const path = adaptiveBetweenness(line(3, [[0, 1], [1, 2]]), { epsilon: 0.05 });
    expect(path.values[1]).toBeLessThanOrEqual(1);
    expect(path.values[1]).toBeGreaterThan(0.95);
  });

  describe('on 10,000 people', () => {
    const reference = JSON.parse(readFileSync(new URL('../../reference/betweenness_10k.json', import.meta.url), 'utf8')) as Reference10k;
    const edges = betweenness10kEdges();
    const csr: Csr = csrFromEdgeArrays(
      Array.from({ length: edges.n }, (_, i) => String(i)),
      edges.source,
      edges.target,
      new Float64Array(edges.source.length).fill(1),
      false,
    );

    it('reads the graph the reference was computed on', () => {
      expect(edgeFingerprint(edges.source, edges.target), 'the generator changed: rerun test/reference/betweenness_10k.py').toBe(reference.fingerprint);
      expect(csr.n).toBe(reference.nodes);
      expect(csr.edgeCount).toBe(reference.edges);
    });

    it('is within the stated epsilon of the exact value for every person, and the same for the same seed', () => {
      const r = adaptiveBetweenness(csr);
      const { epsilon, delta, samples, vertexDiameter } = r.bound;
      expect({ epsilon, delta }).toEqual({ epsilon: 0.01, delta: 0.1 });
      expect(samples).toBe(pathSamplesFor(vertexDiameter!, (epsilon * (csr.n - 2)) / csr.n, delta));
      let worst = 0;
      let outside = 0;
      for (let v = 0; v < csr.n; v++) {
        const error = Math.abs(r.values[v]! - reference.betweenness[v]!);
        worst = Math.max(worst, error);
        if (error > epsilon) outside++;
      }
      expect(outside).toBe(0);
      // The bound is a worst case over every person at once; on this graph it holds with room.
      expect(worst).toBeLessThan(epsilon / 2);
      // The people who bridge most come out on top: the estimate ranks the top bridge right.
      const top = reference.betweenness.indexOf(Math.max(...reference.betweenness));
      expect(r.values.indexOf(Math.max(...r.values))).toBe(top);

      const again = adaptiveBetweenness(csr);
      expect(Array.from(again.values)).toEqual(Array.from(r.values));
      const other = adaptiveBetweenness(csr, { seed: 7 });
      expect(Array.from(other.values)).not.toEqual(Array.from(r.values));
    });
  });

  it('gives the analysis its bridging above the threshold, with the bound in the figures', async () => {
    const { graph, fixture } = loadReference('grid');
    const options = { approximateAbove: 100, betweennessSampling: { epsilon: 0.02 }, seed: 5 };
    const r = computeMetrics(graph, options);
    const bound = r.figures.betweennessBound!;
    expect(bound).toMatchObject({ method: 'shortest-path sampling', epsilon: 0.02, delta: 0.1, seed: 5 });
    expect(bound.samples).toBeGreaterThan(0);
    expect(r.figures.approximation).toMatchObject({ epsilon: 0.02, delta: 0.1 });
    expect(worstError(r.table.columns.betweenness, r.table.ids, fixture.node_metrics.betweenness!)).toBeLessThan(0.02);
    expect(r.warnings.find((w) => w.code === 'approximate-centrality')?.message).toContain('sampled shortest paths');
    const runner: PathRunner = { threads: 1, run: async (csr, job, hooks) => runPathBatches(csr, job, hooks) };
    const elsewhere = await computeMetricsWith(runner, graph, options);
    expect(Array.from(elsewhere.table.columns.betweenness)).toEqual(Array.from(r.table.columns.betweenness));
    expect(elsewhere.figures.betweennessBound).toEqual(bound);
    // A fixed number of sources keeps bridging from those sources, with their bound.
    const fixed = computeMetrics(graph, { approximateAbove: 100, sampling: { samples: 150 }, seed: 5 });
    expect(fixed.figures.betweennessBound).toMatchObject({ method: 'sampled sources', samples: 150, vertexDiameter: null });
    expect(computeMetrics(graph, {}).figures.betweennessBound).toBeNull();
  });

  it('says the bound in plain words', () => {
    expect(boundWords({ epsilon: 0.01, delta: 0.1 })).toBe('estimated: within ±1 point of the exact share, 9 times in 10');
    expect(boundWords({ epsilon: 0.005, delta: 0.05 })).toBe('estimated: within ±0.5 points of the exact share, 19 times in 20');
    expect(boundWords({ epsilon: 0.02, delta: 0.123 })).toBe('estimated: within ±2 points of the exact share, with 88% confidence');
  });
});
