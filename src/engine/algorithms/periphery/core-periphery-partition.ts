/**
 * Discrete core/periphery partition of Borgatti & Everett (1999), "Models of core/periphery
 * structures", Social Networks 21: 375-395 (the categorical model): the split into a core and a
 * periphery whose ideal pattern (core-core ties present, periphery-periphery ties absent,
 * core-periphery pairs not fitted) correlates best with the ties. The fit is the Pearson
 * correlation between the adjacency matrix (directed arcs as they are; weights when asked) and
 * that ideal over the core-core and periphery-periphery pairs i != j, as UCINET reports it.
 *
 * Search: the best split of the nodes ranked by tie strength (each prefix tried, O(m) in all),
 * then restarts drawn with a seeded RNG, alternately a random split (core share skewed small)
 * and the best split so far with 2-10% of the people moved across (iterated local search),
 * each improved by sweeps of single-node moves in random order until no move helps. Every move is evaluated in O(1) from
 * per-node sums of ties to the core and to the periphery. The best split found is returned with
 * how many starts reached it. The core and the periphery each keep at least two people (the fit
 * is undefined otherwise), so graphs of fewer than four people have no partition.
 */
import type { Csr } from '../../core/graph/csr.ts';
import { createRng, DEFAULT_SEED, type Rng } from '../../core/util/rng.ts';
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';
import { contactsOf, type Contacts } from '../brokerage/contacts.ts';

export interface PartitionOptions {
  /** Fit tie weights (valued data). Default false: a tie is 1. */
  weighted?: boolean;
  /**
   * Restarts after the ranked start. Default 100, fewer on large graphs (at most about
   * 1e7 / (n + 2m), at least 10), since each costs a few sweeps over all ties.
   */
  restarts?: number;
  /** Seed of the restarts' RNG. Default DEFAULT_SEED. */
  seed?: number;
  /** Cap on improvement sweeps per start. Default 100. */
  maxSweeps?: number;
}

export interface BlockDensity {
  coreCore: number;
  /** Ties from core members to periphery members over possible ones. */
  corePeriphery: number;
  peripheryCore: number;
  peripheryPeriphery: number;
}

export interface CorePartition {
  /** 1 for core members. */
  inCore: Uint8Array;
  coreSize: number;
  /** Correlation with the ideal core/periphery pattern; null when undefined (n < 4, no ties). */
  fit: number | null;
  /** Tie density within and between the blocks (mean tie value when weighted). */
  density: BlockDensity;
  /** Starts tried, and how many of them reached the returned fit. */
  starts: number;
  startsReachingBest: number;
}

interface State {
  inCore: Uint8Array;
  k: number;
  sCC: number;
  sPP: number;
  qCC: number;
  qPP: number;
  /** Per node: sum of x_vu + x_uv over core members u, and the same for squares. */
  toCore: Float64Array;
  toPer: Float64Array;
  sqCore: Float64Array;
  sqPer: Float64Array;
}

/** Pearson r between x and the ideal (1 core-core, 0 periphery-periphery). */
function fitOf(n: number, k: number, sCC: number, sPP: number, qCC: number, qPP: number): number {
  const nCC = k * (k - 1);
  const nPP = (n - k) * (n - k - 1);
  const total = nCC + nPP;
  if (nCC === 0 || nPP === 0) return NaN;
  const sx = sCC + sPP;
  const sxx = qCC + qPP;
  const varX = total * sxx - sx * sx;
  const varY = total * nCC - nCC * nCC;
  if (!(varX > 0) || !(varY > 0)) return NaN;
  return (total * sCC - sx * nCC) / Math.sqrt(varX * varY);
}

class Search {
  readonly n: number;
  readonly pairSum: Float64Array;
  readonly pairSq: Float64Array;
  readonly total: number;
  readonly totalSq: number;

  constructor(readonly contacts: Contacts) {
    this.n = contacts.n;
    const factor = contacts.halved ? 2 : 1;
    this.pairSum = contacts.weights.map((w) => w * factor);
    this.pairSq = contacts.squares;
    let total = 0;
    let totalSq = 0;
    for (let k = 0; k < this.pairSum.length; k++) {
      total += this.pairSum[k]!;
      totalSq += this.pairSq[k]!;
    }
    this.total = total / 2;
    this.totalSq = totalSq / 2;
  }

  build(inCore: Uint8Array): State {
    const { n, contacts, pairSum, pairSq } = this;
    const state: State = {
      inCore,
      k: 0,
      sCC: 0,
      sPP: 0,
      qCC: 0,
      qPP: 0,
      toCore: new Float64Array(n),
      toPer: new Float64Array(n),
      sqCore: new Float64Array(n),
      sqPer: new Float64Array(n),
    };
    for (let v = 0; v < n; v++) {
      if (inCore[v]) state.k++;
      for (let j = contacts.offsets[v]!; j < contacts.offsets[v + 1]!; j++) {
        const u = contacts.targets[j]!;
        if (inCore[u]) {
          state.toCore[v]! += pairSum[j]!;
          state.sqCore[v]! += pairSq[j]!;
        } else {
          state.toPer[v]! += pairSum[j]!;
          state.sqPer[v]! += pairSq[j]!;
        }
      }
    }
    for (let v = 0; v < n; v++) {
      if (inCore[v]) {
        state.sCC += state.toCore[v]! / 2;
        state.qCC += state.sqCore[v]! / 2;
      } else {
        state.sPP += state.toPer[v]! / 2;
        state.qPP += state.sqPer[v]! / 2;
      }
    }
    return state;
  }

  fit(s: State): number {
    return fitOf(this.n, s.k, s.sCC, s.sPP, s.qCC, s.qPP);
  }

  /** Fit after moving v to the other block (NaN when that would leave a block under 2). */
  fitAfterMove(s: State, v: number): number {
    const n = this.n;
    if (s.inCore[v]) {
      if (s.k - 1 < 2) return NaN;
      return fitOf(n, s.k - 1, s.sCC - s.toCore[v]!, s.sPP + s.toPer[v]!, s.qCC - s.sqCore[v]!, s.qPP + s.sqPer[v]!);
    }
    if (n - s.k - 1 < 2) return NaN;
    return fitOf(n, s.k + 1, s.sCC + s.toCore[v]!, s.sPP - s.toPer[v]!, s.qCC + s.sqCore[v]!, s.qPP - s.sqPer[v]!);
  }

  move(s: State, v: number): void {
    const { contacts, pairSum, pairSq } = this;
    const toCore = !s.inCore[v];
    if (toCore) {
      s.sCC += s.toCore[v]!;
      s.sPP -= s.toPer[v]!;
      s.qCC += s.sqCore[v]!;
      s.qPP -= s.sqPer[v]!;
      s.k++;
      s.inCore[v] = 1;
    } else {
      s.sCC -= s.toCore[v]!;
      s.sPP += s.toPer[v]!;
      s.qCC -= s.sqCore[v]!;
      s.qPP += s.sqPer[v]!;
      s.k--;
      s.inCore[v] = 0;
    }
    const sign = toCore ? 1 : -1;
    for (let j = contacts.offsets[v]!; j < contacts.offsets[v + 1]!; j++) {
      const u = contacts.targets[j]!;
      s.toCore[u]! += sign * pairSum[j]!;
      s.toPer[u]! -= sign * pairSum[j]!;
      s.sqCore[u]! += sign * pairSq[j]!;
      s.sqPer[u]! -= sign * pairSq[j]!;
    }
  }

  /** Sweeps of improving single moves in random order until none helps. */
  improve(s: State, rng: Rng, maxSweeps: number, hooks?: RunHooks): number {
    const n = this.n;
    const order = Int32Array.from({ length: n }, (_, i) => i);
    let current = this.fit(s);
    for (let sweep = 0; sweep < maxSweeps; sweep++) {
      checkCancelled(hooks);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        const t = order[i]!;
        order[i] = order[j]!;
        order[j] = t;
      }
      let moved = false;
      for (let i = 0; i < n; i++) {
        const v = order[i]!;
        const next = this.fitAfterMove(s, v);
        if (next > current + 1e-12 || (Number.isNaN(current) && !Number.isNaN(next))) {
          this.move(s, v);
          current = this.fit(s);
          moved = true;
        }
      }
      if (!moved) break;
    }
    return current;
  }
}

function sameFit(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-10 * Math.max(1, Math.abs(a));
}

function blockDensity(csr: Csr, inCore: Uint8Array, weighted: boolean): BlockDensity {
  const n = csr.n;
  let k = 0;
  for (let v = 0; v < n; v++) k += inCore[v]!;
  const sums = { cc: 0, cp: 0, pc: 0, pp: 0 };
  for (let u = 0; u < n; u++) {
    for (let j = csr.outOffsets[u]!; j < csr.outOffsets[u + 1]!; j++) {
      const v = csr.outTargets[j]!;
      if (u === v) continue;
      const x = weighted ? csr.outWeights[j]! : 1;
      if (inCore[u]) {
        if (inCore[v]) sums.cc += x;
        else sums.cp += x;
      } else if (inCore[v]) sums.pc += x;
      else sums.pp += x;
    }
  }
  const ratio = (s: number, pairs: number): number => (pairs > 0 ? s / pairs : 0);
  return {
    coreCore: ratio(sums.cc, k * (k - 1)),
    corePeriphery: ratio(sums.cp, k * (n - k)),
    peripheryCore: ratio(sums.pc, k * (n - k)),
    peripheryPeriphery: ratio(sums.pp, (n - k) * (n - k - 1)),
  };
}

export function corePeripheryPartition(csr: Csr, options: PartitionOptions = {}, hooks?: RunHooks): CorePartition {
  const weighted = options.weighted ?? false;
  const contacts = contactsOf(csr, { weighted });
  return corePartitionFromContacts(csr, contacts, options, hooks);
}

/** As `corePeripheryPartition`, reusing contacts built with the same `weighted` setting. */
export function corePartitionFromContacts(
  csr: Csr,
  contacts: Contacts,
  options: PartitionOptions = {},
  hooks?: RunHooks,
): CorePartition {
  const n = csr.n;
  const weighted = options.weighted ?? false;
  const restarts =
    options.restarts ?? Math.min(100, Math.max(10, Math.floor(1e7 / (n + contacts.offsets[n]! + 1))));
  const maxSweeps = options.maxSweeps ?? 100;
  const rng = createRng(options.seed ?? DEFAULT_SEED);
  if (n < 4) {
    const inCore = new Uint8Array(n);
    return { inCore, coreSize: 0, fit: null, density: blockDensity(csr, inCore, weighted), starts: 0, startsReachingBest: 0 };
  }
  const search = new Search(contacts);

  // Start 1: nodes ranked by tie strength; the best prefix as the core.
  const strength = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    for (let j = contacts.offsets[v]!; j < contacts.offsets[v + 1]!; j++) strength[v]! += search.pairSum[j]!;
  }
  const ranked = Array.from({ length: n }, (_, i) => i).sort((a, b) => strength[b]! - strength[a]! || a - b);
  const prefix = search.build(new Uint8Array(n));
  let bestK = 2;
  let bestPrefixFit = -Infinity;
  for (let i = 0; i < n - 2; i++) {
    search.move(prefix, ranked[i]!);
    const f = search.fit(prefix);
    if (i + 1 >= 2 && f > bestPrefixFit + 1e-12) {
      bestPrefixFit = f;
      bestK = i + 1;
    }
  }
  const first = new Uint8Array(n);
  for (let i = 0; i < bestK; i++) first[ranked[i]!] = 1;
  let best = search.build(first);
  let bestFit = search.improve(best, rng, maxSweeps, hooks);
  let reaching = 1;

  const consider = (state: State, f: number): void => {
    if (Number.isNaN(bestFit) || f > bestFit + 1e-10 * Math.max(1, Math.abs(bestFit))) {
      best = state;
      bestFit = f;
      reaching = 1;
    } else if (sameFit(f, bestFit)) {
      reaching++;
    }
  };
  const clampBlocks = (inCore: Uint8Array): void => {
    // Keep both blocks at two or more.
    let k = 0;
    for (let v = 0; v < n; v++) k += inCore[v]!;
    for (let i = 0; k < 2 && i < n; i++) if (!inCore[ranked[i]!]) (inCore[ranked[i]!] = 1), k++;
    for (let i = n - 1; n - k < 2 && i >= 0; i--) if (inCore[ranked[i]!]) (inCore[ranked[i]!] = 0), k--;
  };

  for (let r = 0; r < restarts; r++) {
    hooks?.onProgress?.('core/periphery partition', (r + 1) / (restarts + 1));
    const inCore = new Uint8Array(n);
    if (r % 2 === 1) {
      // Perturb the best split so far: move a few people across, then improve again.
      inCore.set(best.inCore);
      const moves = Math.max(2, Math.ceil(n * (0.02 + 0.08 * rng())));
      for (let i = 0; i < moves; i++) {
        const v = Math.floor(rng() * n);
        inCore[v] = inCore[v] ? 0 : 1;
      }
    } else {
      // A random split, small cores as likely as large ones.
      const share = 0.5 * rng() * rng() + 2 / n;
      for (let v = 0; v < n; v++) if (rng() < share) inCore[v] = 1;
    }
    clampBlocks(inCore);
    const state = search.build(inCore);
    consider(state, search.improve(state, rng, maxSweeps, hooks));
  }
  return {
    inCore: best.inCore,
    coreSize: best.k,
    fit: Number.isFinite(bestFit) ? bestFit : null,
    density: blockDensity(csr, best.inCore, weighted),
    starts: restarts + 1,
    startsReachingBest: reaching,
  };
}

/** The fit of a given split (for checks and for users' own partitions). */
export function partitionFit(csr: Csr, inCore: Uint8Array, options: { weighted?: boolean } = {}): number | null {
  const search = new Search(contactsOf(csr, { weighted: options.weighted ?? false }));
  const f = search.fit(search.build(Uint8Array.from(inCore)));
  return Number.isFinite(f) ? f : null;
}
