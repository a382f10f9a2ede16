/**
 * ForceAtlas2 on typed arrays against graphology-layout-forceatlas2 (the app's map layout):
 * the same forces and moves from the same start, a Barnes-Hut approximation no coarser than
 * graphology's, planted groups drawn apart as graphology draws them, and the same positions
 * for the same seed.
 */
import { createRequire } from 'node:module';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { describe, expect, it } from 'vitest';
import { Fa2Layout, FA2_DEFAULTS, inferFa2Settings, type Fa2Settings } from '../../../src/engine/algorithms/layout/fa2-typed.ts';
import { layoutCsr } from '../../../src/engine/algorithms/layout/layout-csr.ts';
import { randomStart } from '../../../src/engine/algorithms/layout/random-start.ts';
import { createRng } from '../../../src/engine/core/util/rng.ts';

// graphology's iteration and matrix builder ship without types; the app's layout worker runs them.
const require = createRequire(import.meta.url);
const iterate = require('graphology-layout-forceatlas2/iterate.js') as (settings: object, nodes: Float32Array, edges: Float32Array) => void;
const helpers = require('graphology-layout-forceatlas2/helpers.js') as {
  graphToByteArrays: (graph: Graph, weight: (edge: string, attr: Record<string, number>) => number) => { nodes: Float32Array; edges: Float32Array };
};

/** `groups` planted groups of `size`: ties inside with probability pIn, across with pOut. */
function planted(groups: number, size: number, pIn: number, pOut: number, seed: number) {
  const random = createRng(seed);
  const n = groups * size;
  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (random() < (Math.floor(a / size) === Math.floor(b / size) ? pIn : pOut)) {
        source.push(a);
        target.push(b);
        weight.push(1 + Math.floor(random() * 3));
      }
    }
  }
  return { n, source: Int32Array.from(source), target: Int32Array.from(target), weight: Float64Array.from(weight), group: (i: number) => Math.floor(i / size) };
}

type Planted = ReturnType<typeof planted>;

function graphologyGraph(net: Planted, start: Float64Array): Graph {
  const g = new Graph({ type: 'undirected' });
  for (let i = 0; i < net.n; i++) g.addNode(String(i), { x: start[2 * i], y: start[2 * i + 1] });
  for (let e = 0; e < net.source.length; e++) g.addEdge(String(net.source[e]), String(net.target[e]), { weight: net.weight[e] });
  return g;
}

/** Starting positions graphology stores exactly (it keeps positions in 32-bit floats). */
function start32(n: number, seed: number): Float64Array {
  return randomStart(n, seed).map(Math.fround);
}

function graphologyIterations(net: Planted, start: Float64Array, settings: Fa2Settings, iterations: number, weighted: boolean) {
  const { nodes, edges } = helpers.graphToByteArrays(graphologyGraph(net, start), (_e, attr) => (weighted ? attr['weight']! : 1));
  const options = { ...settings, adjustSizes: false, linLogMode: false, outboundAttractionDistribution: false };
  for (let t = 0; t < iterations; t++) iterate(options, nodes, edges);
  const xy = new Float64Array(2 * net.n);
  const force = new Float64Array(2 * net.n);
  for (let i = 0; i < net.n; i++) {
    xy[2 * i] = nodes[10 * i]!;
    xy[2 * i + 1] = nodes[10 * i + 1]!;
    force[2 * i] = nodes[10 * i + 2]!;
    force[2 * i + 1] = nodes[10 * i + 3]!;
  }
  return { xy, force };
}

/** Largest difference over the largest magnitude in `expected`. */
function relativeGap(actual: Float64Array, expected: Float64Array): number {
  let gap = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    gap = Math.max(gap, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return gap / scale;
}

/** Root-mean-square force error against `exact`, over exact's root-mean-square force. */
function rmsError(approx: Float64Array, exact: Float64Array): number {
  let err = 0;
  let norm = 0;
  for (let i = 0; i < exact.length; i++) {
    err += (approx[i]! - exact[i]!) ** 2;
    norm += exact[i]! ** 2;
  }
  return Math.sqrt(err / norm);
}

const appSettings = (n: number, barnesHut: boolean): Fa2Settings => {
  const inferred = inferFa2Settings(n);
  return { ...inferred, scalingRatio: inferred.scalingRatio * 4, barnesHutOptimize: barnesHut };
};

describe('Fa2Layout', () => {
  const net = planted(4, 40, 0.25, 0.01, 3);

  it("matches graphology's forces and moves with exact repulsion", () => {
    const cases: [Fa2Settings, boolean][] = [
      [appSettings(net.n, false), false],
      [{ ...FA2_DEFAULTS, gravity: 2, scalingRatio: 3, slowDown: 2, edgeWeightInfluence: 0.5 }, true],
    ];
    for (const [settings, weighted] of cases) {
      const start = start32(net.n, 11);
      const layout = new Fa2Layout(layoutCsr(net.n, net.source, net.target, weighted ? net.weight : null), start.slice(), settings);
      let done = 0;
      for (const iterations of [1, 2, 5]) {
        layout.step(iterations - done);
        done = iterations;
        const theirs = graphologyIterations(net, start, settings, iterations, weighted);
        // graphology keeps positions and forces in 32-bit floats: one iteration agrees to their
        // precision, and the rounding grows a little with each iteration after it.
        const tolerance = iterations === 1 ? 1e-5 : 1e-3;
        expect(relativeGap(layout.force, theirs.force)).toBeLessThan(tolerance);
        expect(relativeGap(layout.xy, theirs.xy)).toBeLessThan(tolerance);
      }
    }
  });

  it("approximates repulsion by Barnes-Hut no worse than graphology's Barnes-Hut", () => {
    const big = planted(8, 60, 0.1, 0.005, 5);
    const start = start32(big.n, 7);
    const settings = appSettings(big.n, false);
    const exact = new Fa2Layout(layoutCsr(big.n, big.source, big.target), start.slice(), settings);
    exact.step(1);
    const ours = new Fa2Layout(layoutCsr(big.n, big.source, big.target), start.slice(), { ...settings, barnesHutOptimize: true });
    ours.step(1);
    const theirs = graphologyIterations(big, start, { ...settings, barnesHutOptimize: true }, 1, false);
    const ourError = rmsError(ours.force, exact.force);
    const theirError = rmsError(theirs.force, exact.force);
    expect(ourError).toBeGreaterThan(0);
    expect(ourError).toBeLessThan(0.02);
    expect(ourError).toBeLessThanOrEqual(theirError * 1.01);
  });

  it('draws planted groups apart, as graphology does', () => {
    const start = randomStart(net.n, 42);
    const settings = appSettings(net.n, true);
    const ours = new Fa2Layout(layoutCsr(net.n, net.source, net.target), start.slice(), settings);
    ours.step(300);
    const g = graphologyGraph(net, start);
    forceAtlas2.assign(g, { iterations: 300, settings, getEdgeWeight: null });
    const theirs = new Float64Array(2 * net.n);
    g.forEachNode((node, a) => {
      theirs[2 * Number(node)] = a['x'] as number;
      theirs[2 * Number(node) + 1] = a['y'] as number;
    });
    for (const xy of [ours.xy, theirs]) {
      let within = 0;
      let withinCount = 0;
      let between = 0;
      let betweenCount = 0;
      for (let a = 0; a < net.n; a++) {
        for (let b = a + 1; b < net.n; b++) {
          const d = Math.hypot(xy[2 * a]! - xy[2 * b]!, xy[2 * a + 1]! - xy[2 * b + 1]!);
          if (net.group(a) === net.group(b)) {
            within += d;
            withinCount++;
          } else {
            between += d;
            betweenCount++;
          }
        }
      }
      expect(within / withinCount).toBeLessThan(0.5 * (between / betweenCount));
    }
  });

  it('gives the same positions for the same seed, and others for another', () => {
    const settings = appSettings(net.n, true);
    const run = (seed: number) => {
      const layout = new Fa2Layout(layoutCsr(net.n, net.source, net.target), randomStart(net.n, seed), settings);
      layout.step(50);
      return layout.xy;
    };
    const a = run(1);
    expect(a.every(Number.isFinite)).toBe(true);
    expect(run(1)).toEqual(a);
    expect(run(2)).not.toEqual(a);
  });

  it('handles no people, one person and people at the same point', () => {
    new Fa2Layout(layoutCsr(0, [], []), new Float64Array(0), appSettings(0, true)).step(3);
    const one = new Fa2Layout(layoutCsr(1, [], []), Float64Array.of(5, -5), appSettings(1, true));
    one.step(3);
    expect(one.xy.every(Number.isFinite)).toBe(true);
    const same = new Fa2Layout(layoutCsr(30, [0, 1], [1, 2]), new Float64Array(60).fill(1), appSettings(30, true));
    same.step(3);
    expect(same.xy.every(Number.isFinite)).toBe(true);
  });

  it('merges repeated ties and drops self-loops', () => {
    const csr = layoutCsr(3, [0, 1, 0, 2], [1, 0, 0, 1], [1, 2, 5, 4]);
    expect(Array.from(csr.offsets)).toEqual([0, 1, 3, 4]);
    expect(Array.from(csr.neighbours)).toEqual([1, 0, 2, 1]);
    expect(Array.from(csr.weights!)).toEqual([3, 3, 4, 4]);
  });
});
