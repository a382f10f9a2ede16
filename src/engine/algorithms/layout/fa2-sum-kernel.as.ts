// @ts-nocheck -- AssemblyScript, not TypeScript: compiled (asc) into fa2-sum-kernel-wasm.ts, which
// fa2-sum-wasm.ts loads; test/engine/algorithms/layout/fa2-sum-wasm.test.ts compiles this file
// again and checks the two agree.
/**
 * Barnes-Hut repulsion's hot loop, two people at once in the two lanes of a 128-bit vector: the
 * push of a list of bodies [x, y, mass, ...] (at address `list`, `len` of them) on people
 * (x1, y1) and (x2, y2), each lane the same operations in the same order as the JavaScript loop
 * in fa2-repulsion.ts, so the same numbers bit for bit. The sums are left at address 0 as
 * [fx1, fx2, fy1, fy2].
 */
export function pair(list: usize, len: i32, x1: f64, y1: f64, x2: f64, y2: f64): void {
  const x = f64x2.replace_lane(f64x2.splat(x1), 1, x2);
  const y = f64x2.replace_lane(f64x2.splat(y1), 1, y2);
  let fx = f64x2.splat(0);
  let fy = f64x2.splat(0);
  const stop = list + <usize>len * 24;
  for (let p = list; p < stop; p += 24) {
    const dx = f64x2.sub(x, v128.load64_splat(p));
    const dy = f64x2.sub(y, v128.load64_splat(p, 8));
    const f = f64x2.div(v128.load64_splat(p, 16), f64x2.add(f64x2.mul(dx, dx), f64x2.mul(dy, dy)));
    fx = f64x2.add(fx, f64x2.mul(dx, f));
    fy = f64x2.add(fy, f64x2.mul(dy, f));
  }
  v128.store(0, fx);
  v128.store(16, fy);
}
