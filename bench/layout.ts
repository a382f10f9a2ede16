/**
 * ForceAtlas2 iterations per second: netweave's typed-array layout (fa2-typed.ts) against
 * graphology-layout-forceatlas2's iteration (what the app's layout worker runs), on the same
 * generated graph from the same seeded start with the app's map settings (inferSettings with
 * four times its scalingRatio, Barnes-Hut, theta 0.5).
 *
 *   npx tsx bench/layout.ts [--sizes 10k,50k] [--runs 3] [--seed 42]
 *
 * Each run times a fixed number of iterations after two warm-up iterations, alternating the two
 * sides; the figure is the median of the runs. It also prints how far apart the two pictures are
 * after the timed iterations (mean distance between a person's two positions over the drawing's
 * width), a check that both ran the same layout. Figures only, no asserts.
 */
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { generateGraph, type EdgeList } from './generate-graph.ts';
import { Fa2Layout, type Fa2Settings, FA2_DEFAULTS } from '../src/engine/algorithms/layout/fa2-typed.ts';
import { layoutCsr } from '../src/engine/algorithms/layout/layout-csr.ts';
import { randomStart } from '../src/engine/algorithms/layout/random-start.ts';
import { sumKernel } from '../src/engine/algorithms/layout/fa2-sum-wasm.ts';

// graphology's iteration and matrix builder ship without types; the app's worker runs exactly these.
const require = createRequire(import.meta.url);
type Iterate = (settings: object, nodes: Float32Array, edges: Float32Array) => void;
const iterate = require('graphology-layout-forceatlas2/iterate.js') as Iterate;
const helpers = require('graphology-layout-forceatlas2/helpers.js') as {
  graphToByteArrays: (graph: Graph, weight: () => number) => { nodes: Float32Array; edges: Float32Array };
};

interface Args {
  sizes: number[];
  runs: number;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [10_000, 50_000], runs: 3, seed: 42 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`bench/layout: ${flag} needs a value`);
    if (flag === '--sizes') args.sizes = value.split(',').map((s) => Math.round(parseFloat(s) * (s.endsWith('k') ? 1000 : 1)));
    else if (flag === '--runs') args.runs = parseInt(value, 10);
    else if (flag === '--seed') args.seed = parseInt(value, 10);
    else throw new Error(`bench/layout: unknown flag ${flag}`);
    i++;
  }
  return args;
}

/** The app's map settings (src/viz/map/layout-runner.ts). */
function appSettings(n: number): Fa2Settings {
  const inferred = forceAtlas2.inferSettings(n);
  return {
    ...FA2_DEFAULTS,
    ...inferred,
    scalingRatio: (inferred.scalingRatio ?? 1) * 4,
    barnesHutOptimize: n > 500,
  } as Fa2Settings;
}

interface Run {
  /** Iterations per second of wall time, and per second of this process's CPU time. */
  perSecond: number;
  perCpuSecond: number;
  xy: Float64Array;
}

/**
 * Wall and CPU time from now. On a machine shared with other work the wall figure includes time
 * the process waited for a core; the CPU figure does not, so the two ratios bracket the truth.
 */
function startClock(): () => { seconds: number; cpuSeconds: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  return () => {
    const cpu = process.cpuUsage(c0);
    return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function graphologyRun(list: EdgeList, start: Float64Array, settings: Fa2Settings, iterations: number): Run {
  const g = new Graph({ type: 'undirected' });
  for (let i = 0; i < list.n; i++) g.addNode(String(i), { x: start[2 * i], y: start[2 * i + 1] });
  for (let e = 0; e < list.source.length; e++) g.mergeEdge(String(list.source[e]), String(list.target[e]));
  const { nodes, edges } = helpers.graphToByteArrays(g, () => 1);
  const options = { ...settings, adjustSizes: false, linLogMode: false, outboundAttractionDistribution: false };
  for (let w = 0; w < 2; w++) iterate(options, nodes, edges);
  const clock = startClock();
  for (let t = 0; t < iterations; t++) iterate(options, nodes, edges);
  const { seconds, cpuSeconds } = clock();
  const xy = new Float64Array(2 * list.n);
  for (let i = 0; i < list.n; i++) {
    xy[2 * i] = nodes[10 * i]!;
    xy[2 * i + 1] = nodes[10 * i + 1]!;
  }
  return { perSecond: iterations / seconds, perCpuSecond: iterations / cpuSeconds, xy };
}

function typedRun(list: EdgeList, start: Float64Array, settings: Fa2Settings, iterations: number): Run {
  const layout = new Fa2Layout(layoutCsr(list.n, list.source, list.target), start.slice(), settings);
  layout.step(2);
  const clock = startClock();
  layout.step(iterations);
  const { seconds, cpuSeconds } = clock();
  return { perSecond: iterations / seconds, perCpuSecond: iterations / cpuSeconds, xy: layout.xy };
}

/** Mean distance between a person's two positions, over the width of the first picture. */
function apart(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  for (let i = 0; i < a.length; i += 2) {
    sum += Math.hypot(a[i]! - b[i]!, a[i + 1]! - b[i + 1]!);
    minX = Math.min(minX, a[i]!);
    maxX = Math.max(maxX, a[i]!);
  }
  return sum / (a.length / 2) / (maxX - minX);
}

const args = parseArgs(process.argv.slice(2));
console.log(
  `ForceAtlas2 iterations per second, median of ${args.runs} runs, seed ${args.seed}; ${availableParallelism()} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ` +
    `fa2-typed sums repulsion in ${sumKernel() ? 'WebAssembly' : 'JavaScript'}`,
);
for (const n of args.sizes) {
  const list = generateGraph({ name: 'large', nodes: n, edges: 5 * n }, { seed: args.seed });
  const start = randomStart(n, args.seed);
  const settings = appSettings(n);
  const iterations = Math.max(5, Math.round(300_000 / n));
  const ours: number[] = [];
  const theirs: number[] = [];
  const oursCpu: number[] = [];
  const theirsCpu: number[] = [];
  let gap = 0;
  for (let run = 0; run < args.runs; run++) {
    const g = graphologyRun(list, start, settings, iterations);
    const t = typedRun(list, start, settings, iterations);
    theirs.push(g.perSecond);
    ours.push(t.perSecond);
    theirsCpu.push(g.perCpuSecond);
    oursCpu.push(t.perCpuSecond);
    gap = apart(g.xy, t.xy);
    console.log(
      `  ${n} run ${run + 1}: graphology ${g.perSecond.toFixed(2)}/s (${g.perCpuSecond.toFixed(2)} per CPU s), ` +
        `fa2-typed ${t.perSecond.toFixed(2)}/s (${t.perCpuSecond.toFixed(2)} per CPU s)`,
    );
  }
  const a = median(ours);
  const b = median(theirs);
  const ac = median(oursCpu);
  const bc = median(theirsCpu);
  console.log(
    `${n} people / ${list.source.length} ties, ${iterations} iterations a run: fa2-typed ${a.toFixed(2)}/s (${(1000 / a).toFixed(1)} ms), ` +
      `graphology ${b.toFixed(2)}/s (${(1000 / b).toFixed(1)} ms), ${(a / b).toFixed(2)}x wall; per CPU second ${ac.toFixed(2)} vs ${bc.toFixed(2)}, ` +
      `${(ac / bc).toFixed(2)}x; pictures apart by ${(100 * gap).toFixed(2)}% of the width`,
  );
}
console.log(`load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
