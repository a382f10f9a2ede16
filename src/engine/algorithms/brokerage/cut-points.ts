/**
 * Articulation points and bridges by Hopcroft & Tarjan's depth-first low-point method (Hopcroft
 * & Tarjan 1973, "Algorithm 447: efficient algorithms for graph manipulation"), iterative so a
 * 50,000-person chain does not overflow the stack. Same sets as networkx's
 * `articulation_points` and `bridges` on an undirected simple graph; directed graphs are read
 * through their undirected view (networkx accepts only undirected graphs here). Self-loops never
 * matter to either.
 *
 * Besides the sets, each result says how many people the removal would cut off: those no longer
 * connected to the largest remaining piece of their component.
 */
import type { Contacts } from './contacts.ts';

export interface CutPoints {
  /** 1 where removing the node splits its component. */
  isArticulation: Uint8Array;
  /** Per node: people cut off from the largest remaining piece if it left (0 if not a cut point). */
  cutOff: Int32Array;
  /** Bridges as node-index pairs [a, b] with a < b, ordered by (a, b). */
  bridges: Array<[number, number]>;
  /** Per bridge: size of the smaller side once the tie is gone. */
  bridgeCutOff: number[];
}

export function cutPoints(contacts: Contacts): CutPoints {
  const { n, offsets, targets } = contacts;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const size = new Int32Array(n); // DFS subtree size
  const next = new Int32Array(n); // next row position to explore
  const stack = new Int32Array(n);
  const isArticulation = new Uint8Array(n);
  const cutOff = new Int32Array(n);
  // For each node: sum of separated child subtrees and the largest of them.
  const separatedSum = new Int32Array(n);
  const separatedMax = new Int32Array(n);
  const rawBridges: Array<[number, number, number]> = []; // [parent, child, child subtree size]
  const componentOf = new Int32Array(n);
  const componentSize: number[] = [];
  let time = 0;

  for (let root = 0; root < n; root++) {
    if (disc[root]! >= 0) continue;
    const component = componentSize.length;
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = time++;
    next[root] = offsets[root]!;
    size[root] = 1;
    componentOf[root] = component;
    let members = 1;
    while (top > 0) {
      const v = stack[top - 1]!;
      if (next[v]! < offsets[v + 1]!) {
        const w = targets[next[v]!++]!;
        if (disc[w]! < 0) {
          parent[w] = v;
          disc[w] = low[w] = time++;
          next[w] = offsets[w]!;
          size[w] = 1;
          componentOf[w] = component;
          members++;
          stack[top++] = w;
        } else if (w !== parent[v] && disc[w]! < low[v]!) {
          low[v] = disc[w]!;
        }
        continue;
      }
      top--;
      const p = parent[v]!;
      if (p < 0) continue;
      size[p]! += size[v]!;
      if (low[v]! < low[p]!) low[p] = low[v]!;
      if (low[v]! >= disc[p]!) {
        // Removing p separates v's subtree from the rest (for the root: from its other subtrees).
        separatedSum[p]! += size[v]!;
        if (size[v]! > separatedMax[p]!) separatedMax[p] = size[v]!;
        if (p !== root) isArticulation[p] = 1;
      }
      if (low[v]! > disc[p]!) rawBridges.push([p, v, size[v]!]);
    }
    componentSize.push(members);
    // The root is a cut point when it has two or more DFS children.
    let children = 0;
    for (let k = offsets[root]!; k < offsets[root + 1]!; k++) if (parent[targets[k]!] === root) children++;
    if (children >= 2) isArticulation[root] = 1;
  }

  for (let v = 0; v < n; v++) {
    if (!isArticulation[v]) continue;
    const total = componentSize[componentOf[v]!]! - 1; // everyone else in the component
    const rest = total - separatedSum[v]!; // the piece still holding the DFS parent (0 for a root)
    const largest = Math.max(rest, separatedMax[v]!);
    cutOff[v] = total - largest;
  }
  const bridges = rawBridges
    .map(([p, c, s]) => {
      const total = componentSize[componentOf[p]!]!;
      return { pair: (p < c ? [p, c] : [c, p]) as [number, number], cut: Math.min(s, total - s) };
    })
    .sort((a, b) => a.pair[0] - b.pair[0] || a.pair[1] - b.pair[1]);
  return {
    isArticulation,
    cutOff,
    bridges: bridges.map((b) => b.pair),
    bridgeCutOff: bridges.map((b) => b.cut),
  };
}
