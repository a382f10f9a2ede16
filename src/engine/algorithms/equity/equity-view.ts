/**
 * The equity view for one attribute: for each group, its share of the network, of the core and
 * of the periphery, its median centrality, its E-I index, the group-by-group tie matrix, the
 * attribute assortativity, and a flag on groups over-represented at the periphery ("whose voices
 * are not often heard").
 *
 * A group is flagged when at least `minFlagged` (default 2) of its members are peripheral and its
 * share of the periphery is at least `ratio` (default 1.5) times its share of the network. The
 * one-sided hypergeometric p-value of seeing that many peripheral members by chance is given
 * alongside, for readers who want a test.
 */
import type { Csr } from '../../core/graph/csr.ts';
import type { Grouping } from './groups.ts';
import { attributeAssortativity } from './assortativity.ts';
import { groupMixing } from './mixing.ts';

export interface EquityOptions {
  ratio?: number;
  minFlagged?: number;
}

export interface EquityGroup {
  value: string;
  size: number;
  shareOfNetwork: number;
  coreMembers: number;
  /** Share of the core made up of this group (null when there is no core). */
  shareOfCore: number | null;
  peripheralMembers: number;
  /** Share of the periphery made up of this group (null when nobody is peripheral). */
  shareOfPeriphery: number | null;
  /** Share of this group that is peripheral. */
  peripheralRate: number;
  /** shareOfPeriphery / shareOfNetwork (null when nobody is peripheral). */
  peripheryRatio: number | null;
  /** P(at least this many peripheral members) if the periphery were drawn at random. */
  peripheryPValue: number | null;
  medianCentrality: number | null;
  internalTies: number;
  externalTies: number;
  ei: number | null;
  overRepresentedAtPeriphery: boolean;
}

export interface EquityView {
  attribute: string;
  /** Metric whose median is given per group. */
  centrality: string;
  groups: EquityGroup[];
  /** People with no value for the attribute (left out of every figure). */
  unknown: number;
  /** Krackhardt's E-I index over the whole network. */
  ei: number | null;
  /** networkx attribute_assortativity_coefficient on the people with a value. */
  assortativity: number | null;
  matrix: { groups: string[]; ties: number[][]; density: Array<Array<number | null>> };
  /** Groups over-represented at the periphery, most over-represented first. */
  flagged: string[];
  /** Plain sentences on the flagged groups. */
  notes: string[];
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** log(k!) for k = 0..n. */
function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) out[k] = out[k - 1]! + Math.log(k);
  return out;
}

/** P(X >= k) for X ~ Hypergeometric(population N, K successes, n draws). */
export function hypergeometricUpperTail(N: number, K: number, n: number, k: number, lf = logFactorials(N)): number {
  const logChoose = (a: number, b: number): number => lf[a]! - lf[b]! - lf[a - b]!;
  const hi = Math.min(K, n);
  let p = 0;
  for (let x = Math.max(k, 0, n - (N - K)); x <= hi; x++) {
    p += Math.exp(logChoose(K, x) + logChoose(N - K, n - x) - logChoose(N, n));
  }
  return Math.min(1, p);
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function equityView(
  csr: Csr,
  grouping: Grouping,
  inCore: Uint8Array,
  peripheral: Uint8Array,
  centrality: { name: string; values: ArrayLike<number> },
  options: EquityOptions = {},
): EquityView {
  const ratioFloor = options.ratio ?? 1.5;
  const minFlagged = options.minFlagged ?? 2;
  const { group, labels, sizes } = grouping;
  const g = labels.length;
  const known = sizes.reduce((a, b) => a + b, 0);
  const core = new Array<number>(g).fill(0);
  const periphery = new Array<number>(g).fill(0);
  const values: number[][] = Array.from({ length: g }, () => []);
  let coreTotal = 0;
  let peripheryTotal = 0;
  for (let v = 0; v < csr.n; v++) {
    const k = group[v]!;
    if (k < 0) continue;
    if (inCore[v]) {
      core[k]!++;
      coreTotal++;
    }
    if (peripheral[v]) {
      periphery[k]!++;
      peripheryTotal++;
    }
    values[k]!.push(centrality.values[v]!);
  }
  const mixing = groupMixing(csr, group, sizes);
  const lf = logFactorials(known);
  const groups: EquityGroup[] = labels.map((value, k) => {
    const shareOfNetwork = known > 0 ? sizes[k]! / known : 0;
    const shareOfPeriphery = peripheryTotal > 0 ? periphery[k]! / peripheryTotal : null;
    const peripheryRatio = shareOfPeriphery !== null && shareOfNetwork > 0 ? shareOfPeriphery / shareOfNetwork : null;
    return {
      value,
      size: sizes[k]!,
      shareOfNetwork,
      coreMembers: core[k]!,
      shareOfCore: coreTotal > 0 ? core[k]! / coreTotal : null,
      peripheralMembers: periphery[k]!,
      shareOfPeriphery,
      peripheralRate: sizes[k]! > 0 ? periphery[k]! / sizes[k]! : 0,
      peripheryRatio,
      peripheryPValue:
        peripheryTotal > 0 ? hypergeometricUpperTail(known, peripheryTotal, sizes[k]!, periphery[k]!, lf) : null,
      medianCentrality: median(values[k]!),
      internalTies: mixing.perGroup[k]!.internal,
      externalTies: mixing.perGroup[k]!.external,
      ei: mixing.perGroup[k]!.ei,
      overRepresentedAtPeriphery:
        periphery[k]! >= minFlagged && peripheryRatio !== null && peripheryRatio >= ratioFloor - 1e-12,
    };
  });
  const flaggedGroups = groups
    .filter((x) => x.overRepresentedAtPeriphery)
    .sort((a, b) => b.peripheryRatio! - a.peripheryRatio! || (a.value < b.value ? -1 : 1));
  const notes = flaggedGroups.map(
    (x) =>
      `${x.value}: ${percent(x.shareOfNetwork)} of the network but ${percent(x.shareOfPeriphery!)} of the periphery (${x.peripheralMembers} of ${x.size} members at the edge).`,
  );
  return {
    attribute: grouping.attribute,
    centrality: centrality.name,
    groups,
    unknown: grouping.unknown,
    ei: mixing.ei,
    assortativity: attributeAssortativity(csr, group),
    matrix: { groups: [...labels], ties: mixing.ties, density: mixing.density },
    flagged: flaggedGroups.map((x) => x.value),
    notes,
  };
}
