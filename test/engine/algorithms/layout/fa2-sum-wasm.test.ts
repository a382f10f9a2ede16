/**
 * The WebAssembly sum of Barnes-Hut repulsion: the committed module is what the AssemblyScript
 * source compiles to (`npm run build:wasm` writes it again), and a pass with it gives the
 * JavaScript sum's forces bit for bit, over layouts whose lists outgrow the kernel's first memory.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtModule } from '../../../helpers/wasm-kernel.ts';
import { describe, expect, it } from 'vitest';
import { BarnesHutRepulsion } from '../../../../src/engine/algorithms/layout/fa2-repulsion.ts';
import { FA2_SUM_KERNEL_HEX } from '../../../../src/engine/algorithms/layout/fa2-sum-kernel-wasm.ts';
import { sumKernel } from '../../../../src/engine/algorithms/layout/fa2-sum-wasm.ts';
import { randomStart } from '../../../../src/engine/algorithms/layout/random-start.ts';
import { createRng } from '../../../../src/engine/core/util/rng.ts';

const SOURCE = fileURLToPath(new URL('../../../../src/engine/algorithms/layout/fa2-sum-kernel.as.ts', import.meta.url));
const GENERATED = fileURLToPath(new URL('../../../../src/engine/algorithms/layout/fa2-sum-kernel-wasm.ts', import.meta.url));

describe('the WebAssembly repulsion sum', () => {
  it('is what fa2-sum-kernel.as.ts compiles to', async () => {
    const built = await builtModule(SOURCE, GENERATED, 'FA2_SUM_KERNEL_HEX', ['--enable', 'simd']);
    expect(readFileSync(GENERATED, 'utf8')).toBe(built);
    expect(FA2_SUM_KERNEL_HEX.startsWith('0061736d')).toBe(true);
  }, 60_000);

  it("gives the JavaScript sum's forces bit for bit", () => {
    const kernel = sumKernel();
    expect(kernel).not.toBeNull();
    for (const [n, seed] of [[1, 1], [13, 2], [2000, 3], [30_000, 4]] as const) {
      const random = createRng(seed);
      const mass = Float64Array.from({ length: n }, () => 1 + Math.floor(random() * 20));
      const xy = randomStart(n, seed);
      // A dense clump as well as spread people, so some lists are long.
      for (let i = 0; i < n; i += 3) xy[2 * i] = xy[2 * i]! * 1e-3;
      const withWasm = new Float64Array(2 * n);
      const withJs = new Float64Array(2 * n);
      new BarnesHutRepulsion(n, kernel).apply(xy, mass, 40, 0.5, withWasm);
      new BarnesHutRepulsion(n, null).apply(xy, mass, 40, 0.5, withJs);
      expect(withWasm.every(Number.isFinite)).toBe(true);
      expect(Array.from(withWasm)).toEqual(Array.from(withJs));
    }
  });

  it('keeps working when two layouts in one thread take turns with its memory', () => {
    const kernel = sumKernel()!;
    const small = 500;
    const big = 40_000;
    const a = new BarnesHutRepulsion(small, kernel);
    const b = new BarnesHutRepulsion(big, kernel);
    const massA = new Float64Array(small).fill(2);
    const massB = new Float64Array(big).fill(1);
    const xyA = randomStart(small, 5);
    const xyB = randomStart(big, 6).map((v, i) => (i % 4 === 0 ? v * 1e-4 : v));
    const first = new Float64Array(2 * small);
    a.apply(xyA, massA, 10, 0.5, first);
    b.apply(xyB, massB, 10, 0.5, new Float64Array(2 * big));
    // Growing the memory detaches every view on it, a's included.
    kernel.fit(kernel.list.length);
    const again = new Float64Array(2 * small);
    a.apply(xyA, massA, 10, 0.5, again);
    expect(Array.from(again)).toEqual(Array.from(first));
  });
});
