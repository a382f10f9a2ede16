/**
 * The WebAssembly build of one source's path counts and dependencies (brandes-kernel.as.ts),
 * with the graph's rows copied into its memory once per graph and thread. Where WebAssembly is
 * missing or will not compile, `brandesKernel` returns null and the JavaScript kernel runs: both
 * give the same numbers, bit for bit.
 */
import { BRANDES_KERNEL_HEX } from './brandes-kernel-wasm.ts';

/** What the compiled module exports. */
interface KernelExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  setup(n: number, offsets: number, targets: number, inOffsets: number, inTargets: number, sigma: number, delta: number, pull: number, levelEnd: number, betweenness: number): void;
  source(order: number, levels: number): void;
}

/** The little of the WebAssembly API used here (the engine's types know no WebAssembly). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

/** Rows as the kernel reads them (out-rows, or in-rows). */
export interface KernelRows {
  outOffsets: Int32Array;
  outTargets: Int32Array;
}

/** One graph's kernel: views on its memory and the call for one source. */
export interface BrandesKernel {
  /** `lanes` lists of n nodes: each source's nodes in the order reached (lane j at j × n). */
  orders: Int32Array;
  /** Where each level ends in the order of the source being run. */
  levelEnd: Int32Array;
  /** Betweenness summed over the sources run since `clear`. */
  betweenness: Float64Array;
  /** Runs the source listed first in lane `lane`'s order, with `levels` levels. */
  source(lane: number, levels: number): void;
  /** Zeroes the betweenness sums. */
  clear(): void;
}

function bytesOf(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

let exports: KernelExports | null | undefined;

function compiled(): KernelExports | null {
  if (exports !== undefined) return exports;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  try {
    exports = api === undefined ? null : (new api.Instance(new api.Module(bytesOf(BRANDES_KERNEL_HEX)), {}).exports as KernelExports);
  } catch {
    exports = null;
  }
  return exports;
}

const PAGE = 65536;
let current: { rows: KernelRows; inRows: KernelRows; lanes: number; kernel: BrandesKernel } | null = null;

/**
 * The kernel for these rows (dependencies are pulled over `rows`, path counts over `inRows`,
 * the same object on an undirected graph) and `lanes` sources per group, or null without
 * WebAssembly. The rows are copied in when they differ from the last call's (the memory grows to
 * fit; it never shrinks).
 */
export function brandesKernel(rows: KernelRows, inRows: KernelRows, lanes: number): BrandesKernel | null {
  if (current !== null && current.rows === rows && current.inRows === inRows && current.lanes === lanes) return current.kernel;
  const wasm = compiled();
  if (wasm === null) return null;
  const n = rows.outOffsets.length - 1;
  const arcs = rows.outTargets.length;
  // Reals first (8-byte aligned), then the 32-bit arrays.
  let at = 64;
  const take = (bytes: number): number => {
    const start = at;
    at += Math.ceil(bytes / 8) * 8;
    return start;
  };
  const sigma = take(8 * n);
  const delta = take(8 * n);
  const pull = take(8 * n);
  const betweenness = take(8 * n);
  const offsets = take(4 * (n + 1));
  const targets = take(4 * arcs);
  const separate = inRows !== rows;
  const inOffsets = separate ? take(4 * (n + 1)) : offsets;
  const inTargets = separate ? take(4 * inRows.outTargets.length) : targets;
  const levelEnd = take(4 * (n + 2));
  const orders = take(4 * n * lanes);
  const pages = Math.ceil(at / PAGE) - wasm.memory.buffer.byteLength / PAGE;
  try {
    if (pages > 0) wasm.memory.grow(pages);
  } catch {
    return null;
  }
  const buffer = wasm.memory.buffer;
  new Int32Array(buffer, offsets, n + 1).set(rows.outOffsets);
  new Int32Array(buffer, targets, arcs).set(rows.outTargets);
  if (separate) {
    new Int32Array(buffer, inOffsets, n + 1).set(inRows.outOffsets);
    new Int32Array(buffer, inTargets, inRows.outTargets.length).set(inRows.outTargets);
  }
  // sigma and delta start at zero; the kernel leaves them so after each source.
  new Float64Array(buffer, sigma, 2 * n).fill(0);
  wasm.setup(n, offsets, targets, inOffsets, inTargets, sigma, delta, pull, levelEnd, betweenness);
  const kernel: BrandesKernel = {
    orders: new Int32Array(buffer, orders, n * lanes),
    levelEnd: new Int32Array(buffer, levelEnd, n + 2),
    betweenness: new Float64Array(buffer, betweenness, n),
    source: (lane, levels) => wasm.source(orders + 4 * n * lane, levels),
    clear: () => kernel.betweenness.fill(0),
  };
  current = { rows, inRows, lanes, kernel };
  return kernel;
}
