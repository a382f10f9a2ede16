/**
 * Brokers: the people who hold the network together, ranked, each with reasons in plain words.
 * The broker score in [0, 1] is a weighted mean of mid-rank percentiles, all read on the contact
 * network (ties either way), so that people who did not answer a survey, and so have no outgoing
 * ties, are not under-rated:
 *
 *   betweenness on the contact network                          0.35
 *   Gould-Fernandez brokerage across groups (contact network)   0.25
 *   low Burt constraint (contacts who do not know each other)   0.20
 *   Burt effective size                                         0.10
 *   articulation point (their leaving would split the network)  0.10
 *
 * People who lie on no shortest path and broker no open two-path are not brokers and are left
 * out of the list.
 */
import type { Contacts } from './contacts.ts';
import type { BrokerageCounts } from './gould-fernandez.ts';
import type { CutPoints } from './cut-points.ts';
import type { SoleLink } from './community-links.ts';
import { listNames, midrankPercentile } from './ranks.ts';

export interface BrokerInputs {
  labels: string[];
  contacts: Contacts;
  /** Betweenness on the contact network. */
  betweenness: ArrayLike<number>;
  constraint: Float64Array;
  effectiveSize: Float64Array;
  /** Gould-Fernandez counts on the contact network (each open path counted both ways). */
  roles: BrokerageCounts;
  cuts: CutPoints;
  /**
   * Group per person (-1 unknown); its name in a sentence ("sector: Nonprofit", "group 3"), its
   * bare value for lists, and what the groups are ("groups by sector", "groups").
   */
  group: Int32Array;
  groupName: (g: number) => string;
  groupValue: (g: number) => string;
  groupsLabel: string;
  soleLinks: SoleLink[];
}

export interface BrokerScores {
  score: Float64Array;
  /** Brokers, highest score first. */
  order: number[];
}

export function brokerScores(inputs: BrokerInputs): BrokerScores {
  const n = inputs.contacts.n;
  const constraint = Float64Array.from(inputs.constraint, (c) => (Number.isNaN(c) ? Infinity : c));
  const betweenness = midrankPercentile(inputs.betweenness);
  const across = midrankPercentile(inputs.roles.acrossGroups);
  const open = midrankPercentile(constraint);
  const effective = midrankPercentile(inputs.effectiveSize);
  const score = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    score[v] =
      0.35 * betweenness[v]! +
      0.25 * across[v]! +
      0.2 * (1 - open[v]!) +
      0.1 * effective[v]! +
      (inputs.cuts.isArticulation[v] ? 0.1 : 0);
  }
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((v) => inputs.betweenness[v]! > 0 || inputs.roles.total[v]! > 0)
    .sort((a, b) => score[b]! - score[a]! || inputs.betweenness[b]! - inputs.betweenness[a]! || a - b);
  return { score, order };
}

/** Why person v is a broker, in plain words. */
export function brokerReasons(inputs: BrokerInputs, v: number): string[] {
  const { contacts, labels, group } = inputs;
  const reasons: string[] = [];
  const n = contacts.n;
  const higher = countAbove(inputs.betweenness, v);
  const betweennessPct = 1 - higher / Math.max(1, n - 1);
  if (inputs.betweenness[v]! > 0 && betweennessPct >= 0.75) {
    // Several people can share the top place (a dense network): "more often than anyone else" would then be said of each.
    const level = higher === 0 ? countLevel(inputs.betweenness, v) : 0;
    if (higher === 0 && level > 0) reasons.push(`is on the shortest route between other people as often as anyone (${level + 1} people share the top place)`);
    else reasons.push(`is on the shortest route between other people more often than ${higher === 0 ? 'anyone else' : `${Math.min(99, Math.floor(betweennessPct * 100))}% of members`}`);
  }
  const groups = new Set<number>();
  for (let k = contacts.offsets[v]!; k < contacts.offsets[v + 1]!; k++) {
    const g = group[contacts.targets[k]!]!;
    if (g >= 0 && g !== group[v]) groups.add(g);
  }
  if (groups.size >= 2) {
    const names = [...groups].sort((a, b) => a - b).map((g) => inputs.groupValue(g));
    const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : listNames(names);
    reasons.push(`has ties into ${groups.size} other ${inputs.groupsLabel}: ${shown}`);
  }
  const c = inputs.constraint[v]!;
  if (!Number.isNaN(c) && contacts.offsets[v + 1]! - contacts.offsets[v]! >= 3) {
    let lower = 0;
    let counted = 0;
    for (let u = 0; u < n; u++) {
      if (Number.isNaN(inputs.constraint[u]!)) continue;
      counted++;
      if (inputs.constraint[u]! > c) lower++;
    }
    if (counted > 0 && lower / counted >= 0.75) {
      reasons.push(
        `their contacts mostly do not know one another, more so than for ${Math.min(99, Math.floor((lower / counted) * 100))}% of members`,
      );
    }
  }
  if (inputs.cuts.isArticulation[v] && inputs.cuts.cutOff[v]! > 0) {
    const k = inputs.cuts.cutOff[v]!;
    reasons.push(`if they stepped away, ${k === 1 ? '1 person' : `${k} people`} would lose every link to the rest of the network`);
  }
  for (const link of inputs.soleLinks) {
    if (link.tie[0] !== v && link.tie[1] !== v) continue;
    const other = link.tie[0] === v ? link.tie[1] : link.tie[0];
    reasons.push(
      `their tie to ${labels[other]} is the only link between ${inputs.groupName(link.a)} and ${inputs.groupName(link.b)}`,
    );
  }
  const pairs = inputs.roles.acrossGroups[v]! / 2;
  if (pairs > 0) {
    reasons.push(
      `sits between ${pairs === 1 ? 'a pair' : `${pairs} pairs`} of contacts from different groups who are not tied to each other`,
    );
  }
  return reasons;
}

/** How many others have a strictly higher value. */
/** How many others hold the same value as v, within rounding (sums of path shares differ in the last bits). */
function countLevel(values: ArrayLike<number>, v: number): number {
  const x = values[v]!;
  let level = 0;
  for (let i = 0; i < values.length; i++) if (i !== v && Math.abs(values[i]! - x) <= 1e-9 * Math.max(1, Math.abs(x))) level++;
  return level;
}

function countAbove(values: ArrayLike<number>, v: number): number {
  let above = 0;
  const x = values[v]!;
  for (let i = 0; i < values.length; i++) if (i !== v && values[i]! - x > 1e-9 * Math.max(1, Math.abs(x))) above++;
  return above;
}
