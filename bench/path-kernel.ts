/**
 * The exact shortest-path pass alone, per arc relaxation, with the JavaScript and the
 * WebAssembly betweenness kernels taking turns in one process (so both see the same machine
 * load), as `npm run bench` runs it: the 64 fixed source batches, one thread, the component
 * mask of a connected graph.
 *
 *   npx tsx bench/path-kernel.ts [--size medium] [--rounds 3] [--sources N] [--directed] [--distances]
 *
 * --sources runs the first N sources only (quicker; ns per arc barely moves); --directed keeps
 * each generated tie one way (and every third both ways); --distances times the distance-only
 * pass (betweenness: false) instead, which has one kernel. Prints each run and the medians of
 * wall and CPU time (process CPU: user + system) with the 1-minute load average.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { generateGraph, SIZES, type SizeName } from './generate-graph.ts';
import { csrFromEdgeArrays } from '../src/engine/core/graph/csr.ts';
import { emptyPathPartials, mergePathPartials, shortestPathPass, usePathEngine, type PathEngine } from '../src/engine/algorithms/metrics/shortest-paths.ts';
import { sourceBatches } from '../src/engine/algorithms/parallel/path-batches.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'medium' },
    rounds: { type: 'string', default: '3' },
    sources: { type: 'string' },
    directed: { type: 'boolean', default: false },
    distances: { type: 'boolean', default: false },
  },
});
const size = values.size as SizeName;
if (!(size in SIZES)) throw new Error(`unknown size ${size}: ${Object.keys(SIZES).join(', ')}`);
const rounds = Number(values.rounds);

const list = generateGraph(SIZES[size], { seed: 42 });
const s: number[] = [];
const t: number[] = [];
for (let e = 0; e < list.source.length; e++) {
  s.push(list.source[e]!);
  t.push(list.target[e]!);
  if (values.directed && e % 3 === 0) {
    s.push(list.target[e]!);
    t.push(list.source[e]!);
  }
}
const n = list.n;
const ids = Array.from({ length: n }, (_, i) => String(i));
const csr = csrFromEdgeArrays(ids, Int32Array.from(s), Int32Array.from(t), new Float64Array(s.length).fill(1), values.directed);
const arcs = csr.outTargets.length;
const sources = Math.min(n, Number(values.sources ?? n));
const componentMask = new Uint8Array(n).fill(1);
const betweenness = !values.distances;

function pass(): void {
  const total = emptyPathPartials(n, !csr.directed);
  for (const batch of sourceBatches(n)) {
    if (batch.from >= sources) break;
    mergePathPartials(total, shortestPathPass(csr, { weighting: 'none', componentMask, betweenness, from: batch.from, to: Math.min(batch.to, sources) }));
  }
}

const engines: PathEngine[] = betweenness ? ['js', 'wasm'] : ['js'];
const runs = new Map<PathEngine, Array<{ wall: number; cpu: number }>>(engines.map((engine) => [engine, []]));
const perArc = (ms: number): number => (ms * 1e6) / (sources * arcs);
console.log(`${size}: ${n} nodes, ${arcs} ${values.directed ? 'directed ' : ''}arcs, ${sources} sources, ${betweenness ? 'betweenness + distances' : 'distances only'}`);
for (let round = 0; round <= rounds; round++) {
  for (const engine of engines) {
    usePathEngine(engine);
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    pass();
    const wall = perArc(performance.now() - wall0);
    const used = process.cpuUsage(cpu0);
    const cpu = perArc((used.user + used.system) / 1000);
    // Round 0 warms the code up and is not counted.
    if (round > 0) runs.get(engine)!.push({ wall, cpu });
    console.log(`${round === 0 ? 'warm-up' : `round ${round}`} ${engine}: ${wall.toFixed(2)} ns per arc wall, ${cpu.toFixed(2)} CPU (load ${os.loadavg()[0]!.toFixed(2)})`);
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [engine, xs] of runs) {
  console.log(`${engine}: median ${median(xs.map((x) => x.wall)).toFixed(2)} ns per arc wall, ${median(xs.map((x) => x.cpu)).toFixed(2)} CPU over ${xs.length} rounds`);
}
usePathEngine('wasm');
