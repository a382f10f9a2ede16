/**
 * Elementary cycles (closed paths that visit no vertex twice) of a directed graph.
 *
 * - Without a length limit: Johnson's algorithm (D. B. Johnson, "Finding all the elementary
 *   circuits of a directed graph", SIAM J. Computing 4(1), 1975), O((n + e)(c + 1)) time for c
 *   cycles, so the time to the first k cycles is bounded too.
 * - With a length limit: the bounded variant of Gupta and Suzumura ("Finding all bounded-length
 *   simple cycles in a directed graph", arXiv:2105.10094, 2021), whose "lock" levels replace
 *   Johnson's blocking, which is not valid once paths are cut short.
 *
 * Both run on strongly connected components as networkx's `simple_cycles` does: self-loops first,
 * then repeatedly take a component, report the cycles through its smallest vertex, remove that
 * vertex and split the rest into components again. Every cycle therefore starts at its smallest
 * vertex index. Both searches are iterative (explicit stacks), so long cycles cannot overflow
 * the call stack, and they stop when `maxCount` cycles have been found and one more exists.
 */
import { checkCancelled } from '../../core/util/cancel.ts';
import type { RunHooks } from '../../core/util/cancel.ts';
import { appendAll } from '../../core/util/append-all.ts';

export interface CycleSearchOptions {
  /** Longest cycle to report, in vertices (= arcs). Default: no limit. */
  maxLength?: number;
  /** Most cycles to report. Default: no limit. */
  maxCount?: number;
}

export interface CycleSearchResult {
  /** Each cycle as vertex indices, starting at its smallest; it closes back to the first. */
  cycles: number[][];
  /** The count limit stopped the search: more cycles exist. */
  truncated: boolean;
  /** Size of the largest strongly connected component (no cycle can be longer). */
  largestComponent: number;
}

/** Strongly connected components of the vertices with mark[v] === stamp (Tarjan, iterative). */
class Components {
  private readonly order: Int32Array;
  private readonly low: Int32Array;
  private readonly onStack: Uint8Array;
  private readonly stack: Int32Array;
  private readonly callV: Int32Array;
  private readonly callPos: Int32Array;

  constructor(
    n: number,
    private readonly offsets: Int32Array,
    private readonly targets: Int32Array,
  ) {
    this.order = new Int32Array(n).fill(-1);
    this.low = new Int32Array(n);
    this.onStack = new Uint8Array(n);
    this.stack = new Int32Array(n);
    this.callV = new Int32Array(n);
    this.callPos = new Int32Array(n);
  }

  /** Components with at least two vertices among `vertices` (all of which carry the stamp). */
  find(vertices: readonly number[], mark: Int32Array, stamp: number): number[][] {
    const { order, low, onStack, stack, callV, callPos, offsets, targets } = this;
    const result: number[][] = [];
    let counter = 0;
    let top = 0;
    for (const root of vertices) {
      if (order[root] !== -1) continue;
      let depth = 0;
      callV[0] = root;
      callPos[0] = offsets[root]!;
      order[root] = low[root] = counter++;
      stack[top++] = root;
      onStack[root] = 1;
      while (depth >= 0) {
        const v = callV[depth]!;
        const pos = callPos[depth]!;
        if (pos < offsets[v + 1]!) {
          callPos[depth] = pos + 1;
          const w = targets[pos]!;
          if (mark[w] !== stamp) continue;
          if (order[w] === -1) {
            order[w] = low[w] = counter++;
            stack[top++] = w;
            onStack[w] = 1;
            depth++;
            callV[depth] = w;
            callPos[depth] = offsets[w]!;
          } else if (onStack[w] && order[w]! < low[v]!) {
            low[v] = order[w]!;
          }
          continue;
        }
        if (low[v] === order[v]) {
          const component: number[] = [];
          let w: number;
          do {
            w = stack[--top]!;
            onStack[w] = 0;
            component.push(w);
          } while (w !== v);
          if (component.length > 1) result.push(component);
        }
        depth--;
        if (depth >= 0) {
          const parent = callV[depth]!;
          if (low[v]! < low[parent]!) low[parent] = low[v]!;
        }
      }
    }
    for (const v of vertices) order[v] = -1;
    return result;
  }
}

/**
 * All elementary cycles of the graph with out-rows `offsets`/`targets` (CSR), up to the limits.
 * Polls `hooks.isCancelled` as it goes and reports progress as the share of vertices done.
 */
export function elementaryCycles(
  n: number,
  offsets: Int32Array,
  targets: Int32Array,
  options: CycleSearchOptions = {},
  hooks?: RunHooks,
): CycleSearchResult {
  const maxLength = options.maxLength ?? Infinity;
  const maxCount = options.maxCount ?? Infinity;
  const cycles: number[][] = [];
  let truncated = false;
  /** Records a cycle; false when the count limit says stop. */
  const emit = (cycle: number[]): boolean => {
    if (cycles.length >= maxCount) {
      truncated = true;
      return false;
    }
    cycles.push(cycle);
    return true;
  };
  let steps = 0;
  const tick = (fraction: () => number): void => {
    if ((++steps & 4095) === 0) {
      checkCancelled(hooks);
      hooks?.onProgress?.('feedback loops', fraction());
    }
  };

  // Self-loops first: cycles of length 1.
  for (let v = 0; v < n && maxLength >= 1; v++) {
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      if (targets[k] === v && !emit([v])) return { cycles, truncated, largestComponent: 0 };
    }
  }
  const mark = new Int32Array(n).fill(-1);
  let stamp = 0;
  const scc = new Components(n, offsets, targets);
  const all = Array.from({ length: n }, (_, i) => i);
  all.forEach((v) => (mark[v] = stamp));
  const pending = scc.find(all, mark, stamp);
  const largestComponent = pending.reduce((m, c) => Math.max(m, c.length), 0);
  const cyclicVertices = pending.reduce((s, c) => s + c.length, 0);
  let done = 0;
  const fraction = (): number => (cyclicVertices === 0 ? 1 : done / cyclicVertices);
  if (maxLength < 2) return { cycles, truncated, largestComponent };

  // Scratch space shared by the searches.
  const inComp = new Int32Array(n).fill(-1);
  const blocked = new Uint8Array(n);
  const lock = new Int32Array(n);
  const onPath = new Uint8Array(n);
  const B: Array<Set<number> | undefined> = new Array<Set<number> | undefined>(n);
  const stackV = new Int32Array(n + 1);
  const stackPos = new Int32Array(n + 1);
  const closed = new Uint8Array(n + 1);
  const blen = new Int32Array(n + 1);
  const path: number[] = [];
  let compStamp = 0;

  const addB = (w: number, v: number): void => {
    let set = B[w];
    if (set === undefined) B[w] = set = new Set<number>();
    set.add(v);
  };

  /** Johnson's circuit search for cycles through `start` inside the stamped component. */
  const johnson = (start: number, cs: number): boolean => {
    path.length = 0;
    path.push(start);
    blocked[start] = 1;
    let depth = 0;
    stackV[0] = start;
    stackPos[0] = offsets[start]!;
    closed[0] = 0;
    while (depth >= 0) {
      tick(fraction);
      const v = stackV[depth]!;
      let pushed = false;
      while (stackPos[depth]! < offsets[v + 1]!) {
        const w = targets[stackPos[depth]!]!;
        stackPos[depth]!++;
        if (inComp[w] !== cs || w === v) continue;
        if (w === start) {
          if (!emit(path.slice())) return false;
          closed[depth] = 1;
        } else if (!blocked[w]) {
          path.push(w);
          blocked[w] = 1;
          depth++;
          stackV[depth] = w;
          stackPos[depth] = offsets[w]!;
          closed[depth] = 0;
          pushed = true;
          break;
        }
      }
      if (pushed) continue;
      // No more neighbours: backtrack.
      path.pop();
      const wasClosed = closed[depth] === 1;
      depth--;
      if (wasClosed) {
        if (depth >= 0) closed[depth] = 1;
        const unblock = [v];
        while (unblock.length > 0) {
          const u = unblock.pop()!;
          if (!blocked[u]) continue;
          blocked[u] = 0;
          const set = B[u];
          if (set !== undefined) {
            for (const x of set) unblock.push(x);
            set.clear();
          }
        }
      } else {
        for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
          const w = targets[k]!;
          if (inComp[w] === cs && w !== v) addB(w, v);
        }
      }
    }
    return true;
  };

  /** Gupta-Suzumura bounded search for cycles through `start` of at most maxLength vertices. */
  const bounded = (start: number, cs: number): boolean => {
    path.length = 0;
    path.push(start);
    onPath[start] = 1;
    lock[start] = 0;
    let depth = 0;
    stackV[0] = start;
    stackPos[0] = offsets[start]!;
    blen[0] = maxLength;
    while (depth >= 0) {
      tick(fraction);
      const v = stackV[depth]!;
      let pushed = false;
      while (stackPos[depth]! < offsets[v + 1]!) {
        const w = targets[stackPos[depth]!]!;
        stackPos[depth]!++;
        if (inComp[w] !== cs || w === v) continue;
        if (w === start) {
          if (!emit(path.slice())) return false;
          blen[depth] = 1;
        } else if (path.length < lock[w]!) {
          path.push(w);
          onPath[w] = 1;
          lock[w] = path.length;
          depth++;
          stackV[depth] = w;
          stackPos[depth] = offsets[w]!;
          blen[depth] = maxLength;
          pushed = true;
          break;
        }
      }
      if (pushed) continue;
      path.pop();
      onPath[v] = 0;
      const bl = blen[depth]!;
      depth--;
      if (depth >= 0 && bl < blen[depth]!) blen[depth] = bl;
      if (bl < maxLength) {
        const relax: Array<[number, number]> = [[bl, v]];
        while (relax.length > 0) {
          const [b, u] = relax.pop()!;
          const level = maxLength - b + 1;
          if (lock[u]! < level) {
            lock[u] = level;
            const set = B[u];
            if (set !== undefined) for (const x of set) if (!onPath[x]) relax.push([b + 1, x]);
          }
        }
      } else {
        for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
          const w = targets[k]!;
          if (inComp[w] === cs && w !== v) addB(w, v);
        }
      }
    }
    return true;
  };

  const useBounded = maxLength < largestComponent;
  while (pending.length > 0) {
    checkCancelled(hooks);
    hooks?.onProgress?.('feedback loops', fraction());
    const component = pending.pop()!;
    let start = component[0]!;
    for (const v of component) if (v < start) start = v;
    const cs = ++compStamp;
    for (const v of component) {
      inComp[v] = cs;
      blocked[v] = 0;
      lock[v] = maxLength;
      onPath[v] = 0;
      B[v]?.clear();
    }
    const more = useBounded ? bounded(start, cs) : johnson(start, cs);
    for (const v of component) {
      blocked[v] = 0;
      onPath[v] = 0;
      B[v]?.clear();
    }
    if (!more) return { cycles, truncated, largestComponent };
    done++;
    // Remove the start vertex and split what is left into components again.
    const rest = component.filter((v) => v !== start);
    stamp++;
    for (const v of rest) mark[v] = stamp;
    mark[start] = -1;
    appendAll(pending, scc.find(rest, mark, stamp));
  }
  hooks?.onProgress?.('feedback loops', 1);
  return { cycles, truncated, largestComponent };
}
