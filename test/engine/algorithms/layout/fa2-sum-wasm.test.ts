/**
 * The WebAssembly sum of Barnes-Hut repulsion: the committed module is what the AssemblyScript
 * source compiles to (run with WRITE_WASM=1 to write it again), and a pass with it gives the
 * JavaScript sum's forces bit for bit, over layouts whose lists outgrow the kernel's first memory.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import asc from 'assemblyscript/asc';
import { BarnesHutRepulsion } from '../../../../src/engine/algorithms/layout/fa2-repulsion.ts';
import { FA2_SUM_KERNEL_HEX } from '../../../../src/engine/algorithms/layout/fa2-sum-kernel-wasm.ts';
import { sumKernel } from '../../../../src/engine/algorithms/layout/fa2-sum-wasm.ts';
import { randomStart } from '../../../../src/engine/algorithms/layout/random-start.ts';
import { createRng } from '../../../../src/engine/core/util/rng.ts';

const SOURCE = fileURLToPath(new URL('../../../../src/engine/algorithms/layout/fa2-sum-kernel.as.ts', import.meta.url));
const GENERATED = fileURLToPath(new URL('../../../../src/engine/algorithms/layout/fa2-sum-kernel-wasm.ts', import.meta.url));

async function compileKernel(): Promise<Uint8Array> {
  let bytes: Uint8Array | null = null;
  const result = await asc.main([SOURCE, '-O3', '--noAssert', '--runtime', 'stub', '--initialMemory', '1', '--enable', 'simd', '--outFile', 'kernel.wasm'], {
    readFile: (name: string) => {
      try {
        return readFileSync(name, 'utf8');
      } catch {
        return null;
      }
    },
    writeFile: (_name: string, contents: string | Uint8Array) => {
      if (typeof contents !== 'string') bytes = contents;
    },
  });
  if (result.error) throw new Error(`asc: ${result.stderr.toString()}`);
  return bytes!;
}

function generatedModule(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  const lines = hex.match(/.{1,96}/g)!.map((line) => `  '${line}'`).join(' +\n');
  return `/** Generated from fa2-sum-kernel.as.ts (AssemblyScript) by test/engine/algorithms/layout/fa2-sum-wasm.test.ts with WRITE_WASM=1: do not edit. */\nexport const FA2_SUM_KERNEL_HEX =\n${lines};\n`;
}

describe('the WebAssembly repulsion sum', () => {
  it('is what fa2-sum-kernel.as.ts compiles to', async () => {
    const built = generatedModule(await compileKernel());
    if (process.env.WRITE_WASM === '1') writeFileSync(GENERATED, built);
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
