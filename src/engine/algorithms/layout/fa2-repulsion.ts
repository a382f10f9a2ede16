/**
 * ForceAtlas2's repulsion (Jacomy et al. 2014: k_r (deg+1)(deg'+1) / d between every pair) on
 * typed arrays, exactly or by Barnes-Hut.
 *
 * The Barnes-Hut pass keeps graphology's acceptance test, a region of side s is taken as one body
 * when 4 s^2 / d^2 < theta^2, but applies it to a bucket of up to LEAF_SIZE nearby people at once
 * (Barnes 1990): d is measured from the region's centre of mass to the nearest point of the
 * bucket's bounding box, so every region the bucket takes as one body is one each of its people
 * could have taken too. s is the side of the smallest square around the region's people (the
 * longer side of their bounding box), not of the quadtree square holding them: a body's error
 * depends on how far its people spread, and graphology would take a square of that side holding
 * the same people at that distance as one body, so each body is within graphology's bound. The
 * bucket's list of bodies (regions and the people of near buckets) is then summed for each person
 * in a loop with no branches to mispredict and no pointer chasing, in WebAssembly vectors where
 * they load (fa2-sum-wasm.ts), and the bucket's own people push each other pair by pair once; the
 * quadtree lives in flat arrays laid out in depth-first order and is rebuilt into the same arrays
 * each iteration.
 */

import { LIST_AT, sumKernel, type SumKernel } from './fa2-sum-wasm.ts';

/** People per leaf bucket: larger buckets share one walk among more people but lengthen lists. */
const LEAF_SIZE = 24;
/** Coincident people cannot be separated by splitting; past this depth they share a leaf. */
const MAX_DEPTH = 40;
/**
 * At theta >= sqrt(2) a region could be taken as one body by a person inside it, repelling that
 * person from itself; graphology's acceptance test never allows that below sqrt(2).
 */
const MAX_THETA = 1.4;
/** Added to squared distances within a leaf: far below any real one, so it changes none, yet dividing by it stays finite. */
const TINY = 1e-150;

/**
 * Adds each person's exact repulsion from every other to `force` ([fx0, fy0, ...]): pairs at
 * distance 0 repel nothing, as in graphology.
 */
export function exactRepulsion(xy: Float64Array, mass: Float64Array, coefficient: number, force: Float64Array): void {
  const n = mass.length;
  for (let a = 0; a < n; a++) {
    const ax = xy[2 * a]!;
    const ay = xy[2 * a + 1]!;
    const am = coefficient * mass[a]!;
    let fx = 0;
    let fy = 0;
    for (let b = 0; b < a; b++) {
      const dx = ax - xy[2 * b]!;
      const dy = ay - xy[2 * b + 1]!;
      const d2 = dx * dx + dy * dy;
      if (d2 > 0) {
        const f = (am * mass[b]!) / d2;
        fx += dx * f;
        fy += dy * f;
        force[2 * b]! -= dx * f;
        force[2 * b + 1]! -= dy * f;
      }
    }
    force[2 * a]! += fx;
    force[2 * a + 1]! += fy;
  }
}

/** A Barnes-Hut repulsion pass for n people whose arrays are allocated once and reused. */
export class BarnesHutRepulsion {
  /** People in leaf order, and their positions and masses copied in that order. */
  private readonly order: Int32Array;
  private readonly scratch: Int32Array;
  private readonly px: Float64Array;
  private readonly py: Float64Array;
  private readonly pm: Float64Array;
  // One entry per region in depth-first order: a region's children follow it, and `end` is the
  // index just past its subtree (its next sibling, or an ancestor's).
  private capacity = 0;
  private count = 0;
  private mx: Float64Array = new Float64Array(0);
  private my: Float64Array = new Float64Array(0);
  private mass: Float64Array = new Float64Array(0);
  /** 4 s^2 for a region whose people's bounding box has longer side s: the left side of the acceptance test. */
  private s4: Float64Array = new Float64Array(0);
  private end: Int32Array = new Int32Array(0);
  private lo: Int32Array = new Int32Array(0);
  private hi: Int32Array = new Int32Array(0);
  private leaf: Uint8Array = new Uint8Array(0);
  /** Bounding box of each region's people. */
  private bx0: Float64Array = new Float64Array(0);
  private bx1: Float64Array = new Float64Array(0);
  private by0: Float64Array = new Float64Array(0);
  private by1: Float64Array = new Float64Array(0);
  /**
   * Bodies taken along the current walk as [x, y, mass, ...]; grows when needed, then is reused.
   * With the WebAssembly kernel, a view on its memory.
   */
  private list: Float64Array = new Float64Array(0);
  /** Worklists of candidate regions, one segment per level of the walk. */
  private open: Int32Array = new Int32Array(0);
  /** The square of the region being built at each depth, as (corner x, corner y, side). */
  private readonly square = new Float64Array(3 * (MAX_DEPTH + 1));
  private th2 = 0;
  private coefficient = 0;
  private forceOut: Float64Array | null = null;

  /** `kernel`: the WebAssembly sum, or null for JavaScript's (the same numbers; tests compare them). */
  constructor(
    readonly n: number,
    private readonly kernel: SumKernel | null = sumKernel(),
  ) {
    this.order = new Int32Array(n);
    this.scratch = new Int32Array(n);
    this.px = new Float64Array(n);
    this.py = new Float64Array(n);
    this.pm = new Float64Array(n);
    this.grow(Math.max(64, Math.ceil((n / LEAF_SIZE) * 4)));
    if (this.kernel) {
      this.kernel.fit(4096);
      this.list = this.kernel.list;
    } else this.list = new Float64Array(3 * 4096);
    this.open = new Int32Array(4096);
  }

  /** Adds each person's repulsion to `force`, as exactRepulsion would up to the approximation. */
  apply(xy: Float64Array, nodeMass: Float64Array, coefficient: number, theta: number, force: Float64Array): void {
    if (this.n === 0) return;
    if (this.kernel) {
      // Another layout in this thread may have grown the kernel's memory since the last pass.
      this.kernel.fit(0);
      this.list = this.kernel.list;
    }
    this.build(xy, nodeMass);
    const th = Math.min(theta, MAX_THETA);
    this.th2 = th * th;
    this.coefficient = coefficient;
    this.forceOut = force;
    this.open[0] = 0;
    this.walk(0, 0, 1, 0);
    this.forceOut = null;
  }

  /**
   * Settles region g's candidate regions open[a..b) against g's bounding box: each is taken as
   * one body (appended to list[0..len) for g and all below it), opened into its children, or
   * left for g's children to settle against their smaller boxes. A leaf settles everything, then
   * sums its list for each of its people.
   */
  private walk(g: number, a: number, b: number, len: number): void {
    const { mx, my, mass, s4, end, lo, hi, leaf, px, py, pm, th2 } = this;
    const x0 = this.bx0[g]!;
    const x1 = this.bx1[g]!;
    const y0 = this.by0[g]!;
    const y1 = this.by1[g]!;
    const gLeaf = leaf[g] === 1;
    const gs4 = s4[g]!;
    let stop = b;
    let kept = a;
    let open = this.open;
    let list = this.list;
    for (let i = a; i < stop; i++) {
      const c = open[i]!;
      const cx = mx[c]!;
      const cy = my[c]!;
      const ddx = cx < x0 ? x0 - cx : cx > x1 ? cx - x1 : 0;
      const ddy = cy < y0 ? y0 - cy : cy > y1 ? cy - y1 : 0;
      if (s4[c]! < th2 * (ddx * ddx + ddy * ddy)) {
        if (3 * len + 3 > list.length) list = this.growList(len);
        list[3 * len] = cx;
        list[3 * len + 1] = cy;
        list[3 * len + 2] = mass[c]!;
        len++;
      } else if (leaf[c] === 1) {
        if (c === g) continue;
        if (gLeaf) {
          const l = lo[c]!;
          const h = hi[c]!;
          if (3 * (len + h - l) > list.length) list = this.growList(len + h - l);
          for (let j = l, at = 3 * len; j < h; j++, at += 3) {
            list[at] = px[j]!;
            list[at + 1] = py[j]!;
            list[at + 2] = pm[j]!;
          }
          len += h - l;
        } else open[kept++] = c;
      } else if (gLeaf || s4[c]! > gs4) {
        // Open the larger of the two, so boxes shrink on both sides as the walk goes down.
        if (stop + 4 > open.length) open = this.growOpen(stop + 4);
        for (let h = c + 1, e = end[c]!; h < e; h = end[h]!) open[stop++] = h;
      } else open[kept++] = c;
    }
    if (gLeaf) {
      this.sum(g, len);
      this.sumWithin(g);
      return;
    }
    // Each child gets its own copy of what is left, since it compacts its worklist in place.
    const left = kept - a;
    for (let h = g + 1; h < end[g]!; h = end[h]!) {
      if (stop + left > this.open.length) this.growOpen(stop + left);
      this.open.copyWithin(stop, a, kept);
      this.walk(h, stop, stop + left, len);
    }
  }

  /**
   * Adds the push of list[0..len) to each person in leaf g, two at a time in the WebAssembly
   * kernel's vector lanes where it loaded, else one at a time here, the same operations in the
   * same order. The list holds no one from leaf g itself (see sumWithin), so no distance is 0:
   * people at the same point always share a leaf, and a region taken as one body has its centre
   * of mass outside g's box.
   */
  private sum(g: number, len: number): void {
    const { px, py, pm, order, coefficient, kernel } = this;
    const force = this.forceOut!;
    const h = this.hi[g]!;
    if (kernel) {
      const out = kernel.out;
      for (let j = this.lo[g]!; j < h; j += 2) {
        const pair = j + 1 < h;
        const q = pair ? j + 1 : j;
        kernel.pair(LIST_AT, len, px[j]!, py[j]!, px[q]!, py[q]!);
        const p = order[j]!;
        const k = coefficient * pm[j]!;
        force[2 * p]! += k * out[0]!;
        force[2 * p + 1]! += k * out[2]!;
        if (pair) {
          const r = order[q]!;
          const kr = coefficient * pm[q]!;
          force[2 * r]! += kr * out[1]!;
          force[2 * r + 1]! += kr * out[3]!;
        }
      }
      return;
    }
    const list = this.list;
    const n3 = 3 * len;
    for (let j = this.lo[g]!; j < h; j++) {
      const x = px[j]!;
      const y = py[j]!;
      let fx = 0;
      let fy = 0;
      for (let k = 0; k < n3; k += 3) {
        const dx = x - list[k]!;
        const dy = y - list[k + 1]!;
        const f = list[k + 2]! / (dx * dx + dy * dy);
        fx += dx * f;
        fy += dy * f;
      }
      const p = order[j]!;
      const k = coefficient * pm[j]!;
      force[2 * p]! += k * fx;
      force[2 * p + 1]! += k * fy;
    }
  }

  /**
   * The people of leaf g push each other, each pair once. A tiny term keeps people at the same
   * point from dividing by zero; their dx and dy are 0, so they push nothing, as in graphology.
   */
  private sumWithin(g: number): void {
    const { px, py, pm, order, coefficient } = this;
    const force = this.forceOut!;
    const h = this.hi[g]!;
    for (let i = this.lo[g]!; i < h; i++) {
      const x = px[i]!;
      const y = py[i]!;
      const k = coefficient * pm[i]!;
      let fx = 0;
      let fy = 0;
      for (let j = i + 1; j < h; j++) {
        const dx = x - px[j]!;
        const dy = y - py[j]!;
        const f = (k * pm[j]!) / (dx * dx + dy * dy + TINY);
        const q = order[j]!;
        fx += dx * f;
        fy += dy * f;
        force[2 * q]! -= dx * f;
        force[2 * q + 1]! -= dy * f;
      }
      const p = order[i]!;
      force[2 * p]! += fx;
      force[2 * p + 1]! += fy;
    }
  }

  private growList(entries: number): Float64Array {
    if (this.kernel) {
      this.kernel.fit(Math.max((2 * this.list.length) / 3, entries + 1));
      this.list = this.kernel.list;
      return this.list;
    }
    const list = new Float64Array(Math.max(2 * this.list.length, 3 * entries + 3));
    list.set(this.list);
    this.list = list;
    return list;
  }

  private growOpen(size: number): Int32Array {
    const open = new Int32Array(Math.max(2 * this.open.length, size));
    open.set(this.open);
    this.open = open;
    return open;
  }

  private grow(capacity: number): void {
    const copyF = (a: Float64Array): Float64Array => {
      const b = new Float64Array(capacity);
      b.set(a.subarray(0, this.count));
      return b;
    };
    const copyI = (a: Int32Array): Int32Array => {
      const b = new Int32Array(capacity);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.mx = copyF(this.mx);
    this.my = copyF(this.my);
    this.mass = copyF(this.mass);
    this.s4 = copyF(this.s4);
    this.bx0 = copyF(this.bx0);
    this.bx1 = copyF(this.bx1);
    this.by0 = copyF(this.by0);
    this.by1 = copyF(this.by1);
    this.end = copyI(this.end);
    this.lo = copyI(this.lo);
    this.hi = copyI(this.hi);
    const leaf = new Uint8Array(capacity);
    leaf.set(this.leaf.subarray(0, this.count));
    this.leaf = leaf;
    this.capacity = capacity;
  }

  private build(xy: Float64Array, nodeMass: Float64Array): void {
    const n = this.n;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = xy[2 * i]!;
      const y = xy[2 * i + 1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      this.order[i] = i;
    }
    const side = Math.max(maxX - minX, maxY - minY);
    // Centred like graphology's root, so regions split people where graphology's do.
    const x0 = (minX + maxX) / 2 - side / 2;
    const y0 = (minY + maxY) / 2 - side / 2;
    this.count = 0;
    const square = this.square;
    square[0] = x0;
    square[1] = y0;
    square[2] = side;
    this.region(xy, nodeMass, 0, n, 0);
  }

  /**
   * Builds the region of people order[lo..hi) whose square (corner x, corner y, side) is
   * square[3 depth ..]; returns its index. The square goes through an array, not arguments,
   * because a number passed to a call is boxed, which would allocate on every region.
   */
  private region(xy: Float64Array, nodeMass: Float64Array, lo: number, hi: number, depth: number): number {
    const square = this.square;
    const x0 = square[3 * depth]!;
    const y0 = square[3 * depth + 1]!;
    const side = square[3 * depth + 2]!;
    if (this.count === this.capacity) this.grow(this.capacity * 2);
    const r = this.count++;
    this.lo[r] = lo;
    this.hi[r] = hi;
    const order = this.order;
    if (hi - lo <= LEAF_SIZE || depth >= MAX_DEPTH) {
      let m = 0;
      let sx = 0;
      let sy = 0;
      let bx0 = Infinity;
      let bx1 = -Infinity;
      let by0 = Infinity;
      let by1 = -Infinity;
      for (let j = lo; j < hi; j++) {
        const p = order[j]!;
        const x = xy[2 * p]!;
        const y = xy[2 * p + 1]!;
        const pmass = nodeMass[p]!;
        this.px[j] = x;
        this.py[j] = y;
        this.pm[j] = pmass;
        m += pmass;
        sx += x * pmass;
        sy += y * pmass;
        if (x < bx0) bx0 = x;
        if (x > bx1) bx1 = x;
        if (y < by0) by0 = y;
        if (y > by1) by1 = y;
      }
      this.bx0[r] = bx0;
      this.bx1[r] = bx1;
      this.by0[r] = by0;
      this.by1[r] = by1;
      const w = Math.max(bx1 - bx0, by1 - by0);
      this.s4[r] = 4 * w * w;
      this.leaf[r] = 1;
      this.mass[r] = m;
      // Clamped into the box, since rounding could put one person's centre a hair outside it.
      this.mx[r] = Math.min(Math.max(sx / m, bx0), bx1);
      this.my[r] = Math.min(Math.max(sy / m, by0), by1);
      this.end[r] = r + 1;
      return r;
    }
    this.leaf[r] = 0;
    // Counting sort into quadrants (x >= mid adds 1, y >= mid adds 2), the same halves as graphology.
    const half = side / 2;
    const midX = x0 + half;
    const midY = y0 + half;
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    for (let j = lo; j < hi; j++) {
      const p = order[j]!;
      const q = (xy[2 * p]! >= midX ? 1 : 0) + (xy[2 * p + 1]! >= midY ? 2 : 0);
      if (q === 0) c0++;
      else if (q === 1) c1++;
      else if (q === 2) c2++;
    }
    const s1 = lo + c0;
    const s2 = s1 + c1;
    const s3 = s2 + c2;
    let w0 = lo;
    let w1 = s1;
    let w2 = s2;
    let w3 = s3;
    const scratch = this.scratch;
    for (let j = lo; j < hi; j++) {
      const p = order[j]!;
      const q = (xy[2 * p]! >= midX ? 1 : 0) + (xy[2 * p + 1]! >= midY ? 2 : 0);
      if (q === 0) scratch[w0++] = p;
      else if (q === 1) scratch[w1++] = p;
      else if (q === 2) scratch[w2++] = p;
      else scratch[w3++] = p;
    }
    for (let j = lo; j < hi; j++) order[j] = scratch[j]!;
    for (let q = 0; q < 4; q++) {
      const a = q === 0 ? lo : q === 1 ? s1 : q === 2 ? s2 : s3;
      const b = q === 0 ? s1 : q === 1 ? s2 : q === 2 ? s3 : hi;
      if (a === b) continue;
      square[3 * depth + 3] = x0 + (q & 1 ? half : 0);
      square[3 * depth + 4] = y0 + (q & 2 ? half : 0);
      square[3 * depth + 5] = half;
      this.region(xy, nodeMass, a, b, depth + 1);
    }
    // Mass, centre of mass and box from the children, the first of which follows r.
    const { mass, mx, my, bx0, bx1, by0, by1 } = this;
    const first = r + 1;
    let m = mass[first]!;
    let sx = mx[first]! * m;
    let sy = my[first]! * m;
    bx0[r] = bx0[first]!;
    bx1[r] = bx1[first]!;
    by0[r] = by0[first]!;
    by1[r] = by1[first]!;
    for (let h = this.end[first]!; h < this.count; h = this.end[h]!) {
      const cm = mass[h]!;
      m += cm;
      sx += mx[h]! * cm;
      sy += my[h]! * cm;
      bx0[r] = Math.min(bx0[r]!, bx0[h]!);
      bx1[r] = Math.max(bx1[r]!, bx1[h]!);
      by0[r] = Math.min(by0[r]!, by0[h]!);
      by1[r] = Math.max(by1[r]!, by1[h]!);
    }
    mass[r] = m;
    mx[r] = Math.min(Math.max(sx / m, bx0[r]!), bx1[r]!);
    my[r] = Math.min(Math.max(sy / m, by0[r]!), by1[r]!);
    const w = Math.max(bx1[r]! - bx0[r]!, by1[r]! - by0[r]!);
    this.s4[r] = 4 * w * w;
    this.end[r] = this.count;
    return r;
  }
}
