/**
 * Connected components (weak, for directed graphs) and strongly connected components
 * (Tarjan 1972, iterative so deep graphs do not overflow the stack).
 */
import type { Csr } from '../../core/graph/csr.ts';

export interface Components {
  /** Component number per node, 0 = largest component. */
  label: Int32Array;
  /** Sizes, largest first. */
  sizes: number[];
}

function relabelBySize(raw: Int32Array, count: number): Components {
  const sizes = new Array<number>(count).fill(0);
  for (let i = 0; i < raw.length; i++) sizes[raw[i]!]!++;
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const rank = new Int32Array(count);
  order.forEach((c, r) => (rank[c] = r));
  const label = raw.map((c) => rank[c]!);
  return { label, sizes: order.map((c) => sizes[c]!) };
}

/** Weakly connected components: ties followed in both directions. */
export function connectedComponents(csr: Csr): Components {
  const n = csr.n;
  const raw = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (raw[s]! >= 0) continue;
    raw[s] = count;
    let tail = 0;
    queue[tail++] = s;
    for (let head = 0; head < tail; head++) {
      const v = queue[head]!;
      for (const [off, adj] of [
        [csr.outOffsets, csr.outTargets],
        [csr.inOffsets, csr.inTargets],
      ] as const) {
        for (let k = off[v]!; k < off[v + 1]!; k++) {
          const w = adj[k]!;
          if (raw[w]! < 0) {
            raw[w] = count;
            queue[tail++] = w;
          }
        }
      }
    }
    count++;
  }
  return relabelBySize(raw, count);
}

/** Strongly connected components of a directed graph (for undirected graphs, the components). */
export function stronglyConnectedComponents(csr: Csr): Components {
  if (!csr.directed) return connectedComponents(csr);
  const n = csr.n;
  const { outOffsets: off, outTargets: adj } = csr;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const raw = new Int32Array(n).fill(-1);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let stackTop = 0;
  let nextIndex = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root]! >= 0) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = off[root]!;
    index[root] = low[root] = nextIndex++;
    stack[stackTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const k = callEdge[depth]!;
      if (k < off[v + 1]!) {
        callEdge[depth] = k + 1;
        const w = adj[k]!;
        if (index[w]! < 0) {
          index[w] = low[w] = nextIndex++;
          stack[stackTop++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = off[w]!;
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--stackTop]!;
          onStack[w] = 0;
          raw[w] = count;
        } while (w !== v);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
    }
  }
  return relabelBySize(raw, count);
}
