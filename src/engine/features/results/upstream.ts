/**
 * What lies upstream of a factor on a signed system map: every factor with a directed path of
 * at most K links to it, how many links the shortest such path has, and the sign of its effect:
 * the product of the link signs along each simple path of at most K links (a factor that rises
 * makes the target rise, `up`, or fall, `down`); `mixed` when some paths say up and others down.
 * A link marked ambiguous (`+-`) counts as both signs. Paths are simple (no factor twice), so a
 * loop is never gone round to flip a sign.
 *
 * Enumerating simple paths is exponential in K on dense maps; system maps have tens of factors
 * and K is small (default 3), and `maxPaths` stops the search (and says so) well before it
 * could hang a page.
 */
import type { SystemMap } from '../../core/model/systemmap.ts';
import { mapGraph, type MapGraph } from '../systemmap/map-graph.ts';

export type Effect = 'up' | 'down' | 'mixed';

export interface UpstreamFactor {
  factor: string;
  label: string;
  /** Links on the shortest path to the target. */
  steps: number;
  effect: Effect;
  /** Simple paths of at most K links, by the sign of their effect. */
  positivePaths: number;
  negativePaths: number;
}

export interface UpstreamOptions {
  /** Longest path followed, in links. Default 3. */
  steps?: number;
  /** Most paths enumerated per target before stopping. Default 100,000. */
  maxPaths?: number;
}

export const DEFAULT_UPSTREAM_STEPS = 3;
const DEFAULT_MAX_PATHS = 100_000;

export interface Upstream {
  target: string;
  /** Closest first, then in map order. */
  factors: UpstreamFactor[];
  /** False when `maxPaths` stopped the search: counts and effects are then incomplete. */
  complete: boolean;
}

/** Incoming arcs per factor with each arc's possible signs (+1, -1 or both). */
interface Reverse {
  graph: MapGraph;
  from: number[][];
  signs: Array<Array<readonly number[]>>;
}

function reverseOf(map: SystemMap, graph: MapGraph = mapGraph(map)): Reverse {
  const from: number[][] = Array.from({ length: graph.n }, () => []);
  const signs: Array<Array<readonly number[]>> = Array.from({ length: graph.n }, () => []);
  for (let u = 0; u < graph.n; u++) {
    for (let k = graph.offsets[u]!; k < graph.offsets[u + 1]!; k++) {
      const v = graph.targets[k]!;
      if (u === v) continue;
      const link = map.links[graph.arcLinks[k]!]!;
      from[v]!.push(u);
      signs[v]!.push(link.ambiguous === true ? [1, -1] : [link.polarity === '+' ? 1 : -1]);
    }
  }
  return { graph, from, signs };
}

/** The factor id a text names: an id, else a label (case and spacing ignored). */
export function factorIdOf(map: SystemMap, text: string): string | undefined {
  const exact = map.factors.find((f) => f.id === text);
  if (exact !== undefined) return exact.id;
  const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');
  const key = norm(text);
  return map.factors.find((f) => norm(f.id) === key || norm(f.label) === key)?.id;
}

/** Upstream factors of each target factor id (unknown ids give an empty list). */
export function upstreamFactors(map: SystemMap, targets: readonly string[], options: UpstreamOptions = {}): Upstream[] {
  const k = options.steps ?? DEFAULT_UPSTREAM_STEPS;
  const maxPaths = options.maxPaths ?? DEFAULT_MAX_PATHS;
  const rev = reverseOf(map);
  const { graph } = rev;
  return targets.map((target) => {
    const t = graph.index.get(target);
    if (t === undefined) return { target, factors: [], complete: true };
    const steps = new Int32Array(graph.n).fill(-1);
    const pos = new Int32Array(graph.n);
    const neg = new Int32Array(graph.n);
    const onPath = new Uint8Array(graph.n);
    onPath[t] = 1;
    let paths = 0;
    let complete = true;
    // Depth-first from the target against the arrows; `sign` is the effect of `node` on the target.
    const walk = (node: number, depth: number, sign: number): void => {
      if (depth === k || !complete) return;
      const sources = rev.from[node]!;
      for (let i = 0; i < sources.length; i++) {
        const u = sources[i]!;
        if (onPath[u] === 1) continue;
        for (const s of rev.signs[node]![i]!) {
          if (++paths > maxPaths) {
            complete = false;
            return;
          }
          const effect = sign * s;
          if (effect > 0) pos[u]!++;
          else neg[u]!++;
          if (steps[u] === -1 || steps[u]! > depth + 1) steps[u] = depth + 1;
          onPath[u] = 1;
          walk(u, depth + 1, effect);
          onPath[u] = 0;
        }
      }
    };
    walk(t, 0, 1);
    const factors: UpstreamFactor[] = [];
    for (let u = 0; u < graph.n; u++) {
      if (steps[u] === -1) continue;
      factors.push({ factor: graph.ids[u]!, label: graph.labels[u]!, steps: steps[u]!, effect: pos[u]! > 0 && neg[u]! > 0 ? 'mixed' : pos[u]! > 0 ? 'up' : 'down', positivePaths: pos[u]!, negativePaths: neg[u]! });
    }
    factors.sort((a, b) => a.steps - b.steps || graph.index.get(a.factor)! - graph.index.get(b.factor)!);
    return { target, factors, complete };
  });
}

/** Links on the shortest directed path from each factor to `target` (any length); absent when there is none. */
export function distancesTo(map: SystemMap, target: string): Map<string, number> {
  const rev = reverseOf(map);
  const t = rev.graph.index.get(target);
  const out = new Map<string, number>();
  if (t === undefined) return out;
  const dist = new Int32Array(rev.graph.n).fill(-1);
  dist[t] = 0;
  const queue = [t];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const u of rev.from[v]!) {
      if (dist[u] !== -1) continue;
      dist[u] = dist[v]! + 1;
      queue.push(u);
    }
  }
  dist.forEach((d, i) => {
    if (d >= 0) out.set(rev.graph.ids[i]!, d);
  });
  return out;
}
