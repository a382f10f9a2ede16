/**
 * The WebAssembly betweenness kernel: the committed module is what the AssemblyScript source
 * compiles to (run with WRITE_WASM=1, as `npm run build:wasm` does, to write it again; the other
 * tests of that run still load the module as it was, so run once more to test the new one), and
 * passes with it give the JavaScript kernel's numbers bit for bit, from all sources or a sample,
 * over any range, however passes of different graphs interleave.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtModule } from '../../../helpers/wasm-kernel.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { toCsr, type Csr } from '../../../../src/engine/core/graph/csr.ts';
import { randomCsr } from './random-csr.ts';
import { shortestPathPass, usePathEngine, type PathPartials } from '../../../../src/engine/algorithms/metrics/shortest-paths.ts';
import { BRANDES_KERNEL_HEX } from '../../../../src/engine/algorithms/metrics/brandes-kernel-wasm.ts';
import { brandesKernel } from '../../../../src/engine/algorithms/metrics/brandes-wasm.ts';
import { loadReference } from '../../../helpers/reference.ts';

const SOURCE = fileURLToPath(new URL('../../../../src/engine/algorithms/metrics/brandes-kernel.as.ts', import.meta.url));
const GENERATED = fileURLToPath(new URL('../../../../src/engine/algorithms/metrics/brandes-kernel-wasm.ts', import.meta.url));

const FIELDS = ['betweenness', 'farOut', 'reachOut', 'harmonicOut', 'farIn', 'reachIn', 'harmonicIn'] as const;

function expectSame(a: PathPartials, b: PathPartials, what: string): void {
  for (const field of FIELDS) expect(Array.from(a[field]), `${what} ${field}`).toEqual(Array.from(b[field]));
  expect([a.pathSum, a.pathPairs, a.diameter], what).toEqual([b.pathSum, b.pathPairs, b.diameter]);
}

describe('the WebAssembly betweenness kernel', () => {
  afterEach(() => usePathEngine('wasm'));

  it('is what brandes-kernel.as.ts compiles to', async () => {
    const built = await builtModule(SOURCE, GENERATED, 'BRANDES_KERNEL_HEX');
    expect(readFileSync(GENERATED, 'utf8')).toBe(built);
    expect(BRANDES_KERNEL_HEX.startsWith('0061736d')).toBe(true);
  }, 60_000);

  it('loads in Node (so the tests below compare two kernels, not one with itself)', () => {
    const rows = { outOffsets: Int32Array.of(0, 1, 2), outTargets: Int32Array.of(1, 0) };
    expect(brandesKernel(rows, rows, 32)).not.toBeNull();
  });

  const graphs: Array<[string, Csr]> = [
    ['random 400/1600', randomCsr(400, 1600, false, 3)],
    ['random 120/150 (sparse, several components)', randomCsr(120, 150, false, 5)],
    ['random directed 300/1200', randomCsr(300, 1200, true, 9)],
    ['krackhardt_advice (directed)', toCsr(loadReference('krackhardt_advice').graph)],
    ['lesmis', toCsr(loadReference('lesmis').graph)],
    ['grid', toCsr(loadReference('grid').graph)],
    ['disconnected', toCsr(loadReference('disconnected').graph)],
  ];

  it.each(graphs)('%s: gives the JavaScript kernel\'s numbers bit for bit', (_, csr) => {
    const mask = new Uint8Array(csr.n);
    for (let i = 0; i < csr.n; i++) mask[i] = i % 5 === 0 ? 0 : 1;
    const sample = Int32Array.from({ length: 70 }, (_, i) => (i * 11) % csr.n);
    for (const sources of [undefined, sample]) {
      const count = sources ? sources.length : csr.n;
      for (const [from, to] of [[0, count], [3, Math.min(count, 50)]] as const) {
        const options = { componentMask: mask, from, to, ...(sources ? { sources } : {}) };
        usePathEngine('js');
        const js = shortestPathPass(csr, options);
        usePathEngine('wasm');
        const wasm = shortestPathPass(csr, options);
        expectSame(wasm, js, `${from}-${to}${sources ? ' sampled' : ''}`);
      }
    }
  });

  it('on a graph too big for 32 sources per search (300,000 people) runs fewer at once, with the same numbers either way', () => {
    const csr = randomCsr(300_000, 450_000, false, 13);
    const sources = Int32Array.from({ length: 30 }, (_, i) => i * 7_001);
    const wasm = shortestPathPass(csr, { sources });
    usePathEngine('js');
    const js = shortestPathPass(csr, { sources });
    expectSame(wasm, js, 'wasm and js');
    // Every shortest path adds 1 to each node inside it: the dependencies sum to (length - 1)
    // over the reached pairs, that is farOut - reachOut per source.
    let inside = 0;
    for (const s of sources) inside += wasm.farOut[s]! - wasm.reachOut[s]!;
    expect(Math.abs(wasm.betweenness.reduce((a, b) => a + b, 0) - inside)).toBeLessThanOrEqual(1e-9 * inside);
    // And the first source's distances are a plain BFS's.
    const hops = new Int32Array(csr.n).fill(-1);
    const queue = new Int32Array(csr.n);
    queue[0] = sources[0]!;
    hops[sources[0]!] = 0;
    let far = 0;
    for (let head = 0, tail = 1; head < tail; head++) {
      const v = queue[head]!;
      for (let k = csr.outOffsets[v]!; k < csr.outOffsets[v + 1]!; k++) {
        const w = csr.outTargets[k]!;
        if (hops[w]! >= 0) continue;
        hops[w] = hops[v]! + 1;
        far += hops[w]!;
        queue[tail++] = w;
      }
    }
    expect(wasm.farOut[sources[0]!]).toBe(far);
  }, 60_000);

  it('gives the same numbers however passes of different graphs interleave', () => {
    const first = graphs.map(([, csr]) => shortestPathPass(csr, {}));
    const again = [...graphs].reverse().map(([, csr]) => shortestPathPass(csr, {})).reverse();
    graphs.forEach(([name], g) => expectSame(again[g]!, first[g]!, name));
  });
});
