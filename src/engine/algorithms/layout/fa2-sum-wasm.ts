/**
 * The WebAssembly build of Barnes-Hut repulsion's hot loop (fa2-sum-kernel.as.ts, two people at
 * once in 128-bit vectors), and the memory it reads: a list of bodies [x, y, mass, ...] from
 * byte 64 on, which the caller fills through `list`. Where WebAssembly or its vectors are
 * missing, `sumKernel` returns null and fa2-repulsion.ts sums in JavaScript: the same numbers,
 * bit for bit.
 */
import { FA2_SUM_KERNEL_HEX } from './fa2-sum-kernel-wasm.ts';

interface KernelExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  pair(list: number, len: number, x1: number, y1: number, x2: number, y2: number): void;
}

/** The little of the WebAssembly API used here (the engine's types know no WebAssembly). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

/** Where the list starts in the kernel's memory; the sums are left below it. */
export const LIST_AT = 64;
const PAGE = 65536;

export interface SumKernel {
  /** Bodies as [x, y, mass, ...], a view on the kernel's memory from LIST_AT to its end. */
  list: Float64Array;
  /** After `pair`: [fx1, fx2, fy1, fy2]. */
  out: Float64Array;
  /** Sums list[0 .. 3 len) for people (x1, y1) and (x2, y2) into `out`. */
  pair(list: number, len: number, x1: number, y1: number, x2: number, y2: number): void;
  /** Grows the memory to hold `entries` bodies if it must, and renews the views. */
  fit(entries: number): void;
}

let kernel: SumKernel | null | undefined;

function instantiate(): KernelExports | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (api === undefined) return null;
  const bytes = new Uint8Array(FA2_SUM_KERNEL_HEX.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(FA2_SUM_KERNEL_HEX.slice(2 * i, 2 * i + 2), 16);
  try {
    return new api.Instance(new api.Module(bytes), {}).exports as KernelExports;
  } catch {
    return null;
  }
}

/**
 * The one kernel of this thread, or null without WebAssembly vectors. Its memory is shared by
 * every layout in the thread, so a caller takes `list` and `out` afresh after `fit` and at the
 * start of each pass (another layout may have grown the memory in between).
 */
export function sumKernel(): SumKernel | null {
  if (kernel !== undefined) return kernel;
  const wasm = instantiate();
  if (wasm === null) return (kernel = null);
  const views = (): void => {
    k.list = new Float64Array(wasm.memory.buffer, LIST_AT);
    k.out = new Float64Array(wasm.memory.buffer, 0, 4);
  };
  const k: SumKernel = {
    list: new Float64Array(0),
    out: new Float64Array(0),
    pair: wasm.pair,
    fit(entries: number): void {
      const bytes = LIST_AT + 24 * entries;
      if (bytes > wasm.memory.buffer.byteLength) wasm.memory.grow(Math.ceil((bytes - wasm.memory.buffer.byteLength) / PAGE));
      if (k.list.buffer !== wasm.memory.buffer) views();
    },
  };
  views();
  return (kernel = k);
}
