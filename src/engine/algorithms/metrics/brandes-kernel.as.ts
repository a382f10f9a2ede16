// @ts-nocheck -- AssemblyScript, not TypeScript: compiled by `npm run build:wasm` (asc) into
// brandes-kernel-wasm.ts, which the engine loads; the test brandes-wasm.test.ts compiles this
// file again and checks the two agree.
/**
 * One source's path counts and dependencies on a graph whose levels are known (path counts
 * pulled over in-rows, dependencies over out-rows; on an undirected graph both are its rows): the
 * same pulls over whole rows, in the same order, as `pullCounts` and `accumulateBfs` in
 * shortest-paths.ts (so the same numbers, bit for bit), compiled to WebAssembly, where a
 * gather over a row costs about a quarter of what it costs in JavaScript (no bounds checks).
 *
 * Everything lives in linear memory at addresses set by `setup`: the rows (offsets, targets; in-rows too),
 * sigma, delta (here (1 + dependency) / sigma), a level's sums, where levels end, and the
 * betweenness sums. sigma and delta are zero between sources.
 */
let n: i32 = 0;
let offsets: usize = 0;
let targets: usize = 0;
let inOffsets: usize = 0;
let inTargets: usize = 0;
let sigma: usize = 0;
let delta: usize = 0;
let pull: usize = 0;
let levelEnd: usize = 0;
let betweenness: usize = 0;

export function setup(nodes: i32, offsetsAt: usize, targetsAt: usize, inOffsetsAt: usize, inTargetsAt: usize, sigmaAt: usize, deltaAt: usize, pullAt: usize, levelEndAt: usize, betweennessAt: usize): void {
  n = nodes;
  offsets = offsetsAt;
  targets = targetsAt;
  inOffsets = inOffsetsAt;
  inTargets = inTargetsAt;
  sigma = sigmaAt;
  delta = deltaAt;
  pull = pullAt;
  levelEnd = levelEndAt;
  betweenness = betweennessAt;
}

// @ts-ignore: decorator
@inline function int(base: usize, i: i32): i32 {
  return load<i32>(base + (<usize>i << 2));
}

// @ts-ignore: decorator
@inline function real(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}

// @ts-ignore: decorator
@inline function setReal(base: usize, i: i32, value: f64): void {
  store<f64>(base + (<usize>i << 3), value);
}

/** Sum of `values` over v's row in the rows at `rowOffsets`/`rowTargets`. */
// @ts-ignore: decorator
@inline function rowSum(rowOffsets: usize, rowTargets: usize, values: usize, v: i32): f64 {
  let sum: f64 = 0;
  const stop = int(rowOffsets, v + 1);
  for (let k = int(rowOffsets, v); k < stop; k++) sum += real(values, int(rowTargets, k));
  return sum;
}

/**
 * The source order[0] with `levels` levels (level d is order[levelEnd[d-1]..levelEnd[d]]):
 * adds its dependencies into betweenness and leaves sigma and delta zero.
 */
export function source(order: usize, levels: i32): void {
  setReal(sigma, int(order, 0), 1);
  for (let d = 1; d < levels; d++) {
    const start = int(levelEnd, d - 1);
    const end = int(levelEnd, d);
    for (let i = start; i < end; i++) setReal(pull, i, rowSum(inOffsets, inTargets, sigma, int(order, i)));
    for (let i = start; i < end; i++) setReal(sigma, int(order, i), real(pull, i));
  }
  for (let d = levels - 1; d > 0; d--) {
    const start = int(levelEnd, d - 1);
    const end = int(levelEnd, d);
    // The farthest level has no successors: its rows would add only zeros.
    if (d == levels - 1) for (let i = start; i < end; i++) setReal(pull, i, 0);
    else for (let i = start; i < end; i++) setReal(pull, i, rowSum(offsets, targets, delta, int(order, i)));
    for (let i = start; i < end; i++) {
      const w = int(order, i);
      const sw = real(sigma, w);
      const dependency = sw * real(pull, i);
      setReal(betweenness, w, real(betweenness, w) + dependency);
      setReal(delta, w, (1 + dependency) / sw);
    }
  }
  const count = int(levelEnd, levels - 1);
  if (count * 2 > n) {
    memory.fill(sigma, 0, <usize>n << 3);
    memory.fill(delta, 0, <usize>n << 3);
  } else {
    for (let i = 0; i < count; i++) {
      const v = int(order, i);
      setReal(sigma, v, 0);
      setReal(delta, v, 0);
    }
  }
}
