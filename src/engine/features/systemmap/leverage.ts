/**
 * Leverage of each factor of a system map: where a push travels furthest.
 *
 * - Influence / dependence: how many other factors it directly affects (out-degree) and how many
 *   directly affect it (in-degree). A self-loop is not counted: it affects no other factor.
 * - Betweenness: networkx `betweenness_centrality(normalized=True)` on the directed map: the
 *   share of shortest causal chains between two other factors that run through this one.
 * - Loops: how many feedback loops it sits in (reinforcing and balancing), from `loops.ts`.
 * - Reach: how many other factors a change here reaches within k steps downstream (default 3).
 * - MICMAC (Godet, "Structural analysis", Futuribles; Arcade, Godet et al. 1999): the direct
 *   matrix M (m_ij = 1 when i affects j, or the link strength with `micmacWeights: 'strength'`;
 *   the diagonal is 0). Direct influence is a row sum of M, direct dependence a column sum.
 *   Indirect influence counts chains of several steps: row sums of (I + M)^k - I, i.e. of
 *   sum_{p=1..k} C(k, p) M^p, the causal chains of 1 to k steps starting at the factor, longer
 *   chains weighing more (column sums for dependence). Godet ranks by M^k itself; adding I
 *   changes nothing once loops dominate, but keeps the ranking from flipping back and forth on
 *   maps whose loops all have even length (M^k of such a map alternates) and from vanishing on
 *   maps without loops (where M^k becomes 0). k is raised until the ranking (values within 0.1%
 *   of each other count as tied) stays the same for two more steps, at most `micmacMaxPower`
 *   (default 30); computed as matrix-vector products, never forming a matrix. Indirect values
 *   are rescaled to the same total as the direct ones so they read alike.
 * - Quadrants (the MICMAC chart, split at the mean, which is the same for influence and
 *   dependence: links / factors): influence at or above the mean and dependence below it is a
 *   driving factor (a lever: it moves the system and little moves it); both at or above is a
 *   linkage factor (a relay: powerful but unstable, a push comes back through loops); dependence
 *   at or above the mean with lower influence is a dependent factor (an outcome to watch);
 *   both below is autonomous (weakly tied in). A zero value is never "high". `quadrant` uses the
 *   indirect values, `directQuadrant` the direct ones.
 * - Leverage points: driving and linkage factors that sit in at least one loop, ranked by
 *   indirect influence then loops.
 */
import { checkCancelled } from '../../core/util/cancel.ts';
import type { RunHooks } from '../../core/util/cancel.ts';
import { factorBetweenness, mapGraph } from './map-graph.ts';
import type { MapGraph } from './map-graph.ts';
import type { SystemMap } from '../../core/model/systemmap.ts';
import type { LoopSearchResult } from './loops.ts';

export type Quadrant = 'driving' | 'linkage' | 'dependent' | 'autonomous';

export interface LeverageOptions {
  /** Steps downstream counted in `reach`. Default 3. */
  reachSteps?: number;
  /** Highest power of the matrix used for indirect influence. Default 30. */
  micmacMaxPower?: number;
  /** Direct matrix entries: 1 per link (default) or the link's strength (1 when it has none). */
  micmacWeights?: 'binary' | 'strength';
}

export interface FactorLeverage {
  id: string;
  label: string;
  /** Other factors it directly affects. */
  influence: number;
  /** Other factors that directly affect it. */
  dependence: number;
  betweenness: number;
  loops: number;
  reinforcingLoops: number;
  balancingLoops: number;
  /** Other factors reached within `reachSteps` steps downstream. */
  reach: number;
  /** Other factors reached downstream in any number of steps. */
  reachAll: number;
  directInfluence: number;
  directDependence: number;
  indirectInfluence: number;
  indirectDependence: number;
  /** 1 = most influential by indirect influence (ties share a rank). */
  influenceRank: number;
  dependenceRank: number;
  quadrant: Quadrant;
  directQuadrant: Quadrant;
}

export interface LeverageResult {
  factors: FactorLeverage[];
  /** Factor ids, best lever first (see the module note). */
  leveragePoints: string[];
  reachSteps: number;
  micmac: {
    weights: 'binary' | 'strength';
    /** The power k used for indirect values. */
    power: number;
    /** Whether the ranking had settled by `power`. */
    stable: boolean;
    /** The split between high and low, for influence and dependence alike. */
    mean: number;
  };
}

/** One line per measure, for the app's explanations and the README. */
export const LEVERAGE_GLOSSARY: Record<string, { name: string; explanation: string }> = {
  influence: { name: 'Influence', explanation: 'How many other factors this one directly changes.' },
  dependence: { name: 'Dependence', explanation: 'How many other factors directly change this one.' },
  betweenness: {
    name: 'Bridging',
    explanation: 'The share of shortest cause-and-effect chains between two other factors that pass through this one: high values carry effects across the map.',
  },
  loops: { name: 'Loops', explanation: 'How many feedback loops this factor sits in; a push here comes back around through each of them.' },
  reach: { name: 'Reach', explanation: 'How many other factors a change here reaches within a few steps downstream.' },
  indirectInfluence: {
    name: 'Indirect influence',
    explanation: 'Influence counting chains of several steps (MICMAC): a factor that changes factors that change many others scores high.',
  },
  indirectDependence: { name: 'Indirect dependence', explanation: 'Dependence counting chains of several steps: how much of the system ends up moving this factor.' },
  quadrant: {
    name: 'Role',
    explanation:
      'Driving factors move the system and little moves them: levers. Linkage factors are both influential and dependent: powerful relays that can swing back. Dependent factors are outcomes. Autonomous factors are weakly tied in.',
  },
};

/** Values within 0.1% of the next larger one share its rank: closer than that is noise. */
export const RANK_TOLERANCE = 1e-3;

/** Competition ranks ("1224"), largest first, with RANK_TOLERANCE. */
function ranks(values: Float64Array): Int32Array {
  const order = Array.from(values.keys()).sort((a, b) => values[b]! - values[a]! || a - b);
  const result = new Int32Array(values.length);
  let rank = 0;
  let previous = Number.NaN;
  order.forEach((i, position) => {
    const v = values[i]!;
    if (!(v >= previous * (1 - RANK_TOLERANCE))) rank = position + 1;
    result[i] = rank;
    previous = v;
  });
  return result;
}

function sameRanks(a: Int32Array | undefined, b: Int32Array): boolean {
  return a !== undefined && a.every((v, i) => v === b[i]);
}

function quadrantOf(influence: number, dependence: number, mean: number): Quadrant {
  const highInfluence = influence > 0 && influence >= mean - 1e-12;
  const highDependence = dependence > 0 && dependence >= mean - 1e-12;
  if (highInfluence && highDependence) return 'linkage';
  if (highInfluence) return 'driving';
  if (highDependence) return 'dependent';
  return 'autonomous';
}

/** Leverage measures of every factor. `loops` gives the loop counts (0 when omitted). */
export function factorLeverage(
  map: SystemMap,
  loops: LoopSearchResult | undefined,
  options: LeverageOptions = {},
  hooks?: RunHooks,
  graph: MapGraph = mapGraph(map),
  betweenness?: Float64Array,
): LeverageResult {
  const reachSteps = options.reachSteps ?? 3;
  const maxPower = options.micmacMaxPower ?? 30;
  const weights = options.micmacWeights ?? 'binary';
  if (!Number.isInteger(reachSteps) || reachSteps < 1) throw new RangeError(`systemmap/leverage: reachSteps must be a whole number of at least 1, not ${reachSteps}`);
  if (!Number.isInteger(maxPower) || maxPower < 1) throw new RangeError(`systemmap/leverage: micmacMaxPower must be a whole number of at least 1, not ${maxPower}`);
  const { n, offsets, targets, arcLinks } = graph;
  const bw = betweenness ?? factorBetweenness(graph, hooks);

  // Direct matrix as weighted arcs without the diagonal.
  const weight = new Float64Array(targets.length);
  const influence = new Float64Array(n);
  const dependence = new Float64Array(n);
  const directInfluence = new Float64Array(n);
  const directDependence = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
      const v = targets[k]!;
      if (v === u) continue;
      const w = weights === 'strength' ? (map.links[arcLinks[k]!]!.strength ?? 1) : 1;
      weight[k] = w;
      influence[u]!++;
      dependence[v]!++;
      directInfluence[u]! += w;
      directDependence[v]! += w;
    }
  }

  // Indirect: (I + M)^p·1 and 1·(I + M)^p minus the zero-step chain (the 1 from I), until the
  // ranking settles. Values stay exact integers while below 2^53 on binary maps.
  let row: Float64Array = new Float64Array(n).fill(1);
  let col: Float64Array = new Float64Array(n).fill(1);
  let previous: [Int32Array, Int32Array] | undefined;
  let stableSteps = 0;
  let power = 0;
  let stable = false;
  for (let p = 1; p <= maxPower; p++) {
    checkCancelled(hooks);
    const nextRow = Float64Array.from(row);
    const nextCol = Float64Array.from(col);
    for (let u = 0; u < n; u++) {
      for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
        const w = weight[k]!;
        if (w === 0) continue;
        const v = targets[k]!;
        nextRow[u]! += w * row[v]!;
        nextCol[v]! += w * col[u]!;
      }
    }
    // A map whose chains outgrow floating point (never in practice) keeps the last power.
    if (nextRow.some((v) => v > 1e280) || nextCol.some((v) => v > 1e280)) break;
    row = nextRow;
    col = nextCol;
    power = p;
    const current: [Int32Array, Int32Array] = [ranks(row.map((v) => v - 1)), ranks(col.map((v) => v - 1))];
    if (previous !== undefined && sameRanks(previous[0], current[0]) && sameRanks(previous[1], current[1])) stableSteps++;
    else stableSteps = 0;
    previous = current;
    if (stableSteps >= 2) {
      stable = true;
      break;
    }
  }
  const cumInfluence = row.map((v) => v - 1);
  const cumDependence = col.map((v) => v - 1);
  const directTotal = directInfluence.reduce((s, v) => s + v, 0);
  const rescale = (values: Float64Array): Float64Array => {
    const total = values.reduce((s, v) => s + v, 0);
    return total > 0 ? values.map((v) => (v / total) * directTotal) : new Float64Array(n);
  };
  const indirectInfluence = rescale(cumInfluence);
  const indirectDependence = rescale(cumDependence);
  const influenceRank = ranks(indirectInfluence);
  const dependenceRank = ranks(indirectDependence);
  const mean = n > 0 ? directTotal / n : 0;

  // Reach: breadth-first search downstream, k steps and unlimited.
  const seen = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const dist = new Int32Array(n);
  const reach = new Float64Array(n);
  const reachAll = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    if ((s & 255) === 0) {
      checkCancelled(hooks);
      hooks?.onProgress?.('leverage', s / n);
    }
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    seen[s] = s;
    dist[s] = 0;
    while (head < tail) {
      const u = queue[head++]!;
      for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
        const v = targets[k]!;
        if (seen[v] === s) continue;
        seen[v] = s;
        dist[v] = dist[u]! + 1;
        queue[tail++] = v;
        reachAll[s]!++;
        if (dist[v]! <= reachSteps) reach[s]!++;
      }
    }
  }
  hooks?.onProgress?.('leverage', 1);

  const factors: FactorLeverage[] = graph.ids.map((id, i) => {
    const count = loops?.perFactor[id] ?? { loops: 0, reinforcing: 0, balancing: 0 };
    return {
      id,
      label: graph.labels[i]!,
      influence: influence[i]!,
      dependence: dependence[i]!,
      betweenness: bw[i]!,
      loops: count.loops,
      reinforcingLoops: count.reinforcing,
      balancingLoops: count.balancing,
      reach: reach[i]!,
      reachAll: reachAll[i]!,
      directInfluence: directInfluence[i]!,
      directDependence: directDependence[i]!,
      indirectInfluence: indirectInfluence[i]!,
      indirectDependence: indirectDependence[i]!,
      influenceRank: influenceRank[i]!,
      dependenceRank: dependenceRank[i]!,
      quadrant: quadrantOf(indirectInfluence[i]!, indirectDependence[i]!, mean),
      directQuadrant: quadrantOf(directInfluence[i]!, directDependence[i]!, mean),
    };
  });
  const leveragePoints = factors
    .filter((f) => (f.quadrant === 'driving' || f.quadrant === 'linkage') && f.loops > 0)
    .sort((a, b) => b.indirectInfluence - a.indirectInfluence || b.loops - a.loops || a.influenceRank - b.influenceRank)
    .map((f) => f.id);
  return { factors, leveragePoints, reachSteps, micmac: { weights, power, stable, mean } };
}
