/**
 * Skill coverage: for each skill, who holds it and how the holders are spread across
 * communities, chosen attributes (sector, region, ...) and the core/periphery; and three flags:
 *
 * - **rare**: held by at most `rareThreshold` people. Default max(2, floor(3% of the people in
 *   the network)): 2 in networks of up to 99 people, 3 for 100-133, 30 for 1,000.
 * - **stranded**: every holder sits at the edge (flagged peripheral by the people insights), or,
 *   for skills with two or more holders, every holder is in one community while the network has
 *   two or more communities of at least `minCommunity` (default 3) people.
 * - **missing in a community**: a community of at least `minCommunity` people where no one holds
 *   a skill that is not rare and is held in more than `gapShare` (default half) of the other such
 *   communities (rare skills are missing almost everywhere: the rare flag says so already).
 *
 * Plus skills-by-group matrices (counts, shares of the group's members, and the fewest steps from
 * a member to a holder) for heatmaps, by community and by each grouping attribute.
 */
import type { Grouping } from '../../algorithms/equity/groups.ts';
import { listNames } from '../../algorithms/brokerage/ranks.ts';
import type { SkillTable } from './skill-table.ts';
import { groupDistances, shareWithin, UNREACHABLE } from './skill-distances.ts';

export interface CoverageInputs {
  ids: readonly string[];
  labels: readonly string[];
  table: SkillTable;
  /** Community per node (as in the metric table). */
  community: ArrayLike<number>;
  peripheral: Uint8Array;
  inCore: Uint8Array;
  coreScore: ArrayLike<number>;
  /** Distance arrays per skill (skill-distances.ts). */
  distances: readonly Uint8Array[];
  /** Attribute groupings to spread skills over (sector, region, ...). */
  groupings: readonly Grouping[];
}

export interface CoverageOptions {
  /** Most holders a rare skill has. Default max(rareFloor, floor(rareShare x people)). */
  rareThreshold?: number;
  /** Default 0.03. */
  rareShare?: number;
  /** Default 2. */
  rareFloor?: number;
  /** Communities smaller than this neither count as "several" nor get gaps. Default 3. */
  minCommunity?: number;
  /** A community lacks a skill held in more than this share of the other communities. Default 0.5. */
  gapShare?: number;
}

export type StrandedCode = 'all-peripheral' | 'one-community';

export interface StrandedReason {
  code: StrandedCode;
  text: string;
}

export interface SkillCoverage {
  skill: string;
  /** Ids of the people holding it. */
  holders: string[];
  count: number;
  /** Holders / people in the network. */
  share: number;
  /** Communities with at least one holder. */
  communities: number;
  /** Holders per community number (communities without holders left out). */
  byCommunity: Record<string, number>;
  /** Holders per value of each grouping attribute. */
  byAttribute: Record<string, Record<string, number>>;
  /** Holders in the core, flagged peripheral, and in between; their mean core score. */
  position: { core: number; peripheral: number; between: number; meanCoreScore: number | null };
  /** Share of the people holding it or with a holder among their contacts (1 step), within 2 steps, with no path to a holder. */
  reach: { oneStep: number; twoSteps: number; unreachable: number };
  rare: boolean;
  stranded: boolean;
  strandedBecause: StrandedReason[];
  /** Communities (numbers) where no one holds it although most others do. */
  missingIn: number[];
}

export interface SkillMatrixGroup {
  key: string;
  label: string;
  size: number;
  /** Members whose skills are known. */
  reported: number;
}

/** Skills x groups, for a heatmap: row = skill (as in `skills`), column = group. */
export interface SkillMatrix {
  /** `community` or the attribute's name. */
  by: string;
  skills: string[];
  groups: SkillMatrixGroup[];
  counts: number[][];
  /** Count / group size. */
  shares: number[][];
  /** Fewest steps from any member to any holder (0 = a member holds it; null = no path). */
  distance: Array<Array<number | null>>;
}

export interface CommunitySkills {
  community: number;
  label: string;
  size: number;
  reported: number;
  /** Holders per skill (skills without holders here left out). */
  skills: Record<string, number>;
  /** Skills no member holds although most other communities do. */
  missing: string[];
  /** Skills held here only by members at the edge. */
  edgeOnly: string[];
}

export interface Coverage {
  rareThreshold: number;
  minCommunity: number;
  gapShare: number;
  /** Communities of at least minCommunity people. */
  communities: number[];
  entries: SkillCoverage[];
  rare: string[];
  stranded: string[];
  /** Required skills no one holds. */
  absent: string[];
  byCommunity: Record<string, CommunitySkills>;
  gaps: Array<{ community: number; label: string; size: number; missing: string[] }>;
  matrices: SkillMatrix[];
}

/** A community as the table numbers it (from 1): "group 3". */
export const communityLabel = (c: number): string => `group ${c}`;

/** The rare threshold for `people` people (see the module comment). */
export function rareThresholdFor(people: number, options: CoverageOptions = {}): number {
  if (options.rareThreshold !== undefined) return options.rareThreshold;
  return Math.max(options.rareFloor ?? 2, Math.floor((options.rareShare ?? 0.03) * people));
}

interface GroupView {
  by: string;
  group: ArrayLike<number>;
  keys: string[];
  labels: string[];
}

function matrix(inp: CoverageInputs, view: GroupView, reported: Uint8Array): SkillMatrix {
  const g = view.keys.length;
  const size = new Array<number>(g).fill(0);
  const known = new Array<number>(g).fill(0);
  for (let v = 0; v < inp.ids.length; v++) {
    const k = view.group[v]!;
    if (k < 0) continue;
    size[k]!++;
    if (reported[v]) known[k]!++;
  }
  const counts = inp.table.skills.map((_, s) => {
    const row = new Array<number>(g).fill(0);
    for (const v of inp.table.holders[s]!) {
      const k = view.group[v]!;
      if (k >= 0) row[k]!++;
    }
    return row;
  });
  return {
    by: view.by,
    skills: inp.table.skills,
    groups: view.keys.map((key, k) => ({ key, label: view.labels[k]!, size: size[k]!, reported: known[k]! })),
    counts,
    shares: counts.map((row) => row.map((c, k) => (size[k]! > 0 ? c / size[k]! : 0))),
    distance: inp.distances.map((dist) => Array.from(groupDistances(dist, view.group, g), (d) => (d < 0 ? null : d))),
  };
}

export function skillCoverage(inp: CoverageInputs, options: CoverageOptions = {}): Coverage {
  const n = inp.ids.length;
  const { table } = inp;
  const rareThreshold = rareThresholdFor(n, options);
  const minCommunity = options.minCommunity ?? 3;
  const gapShare = options.gapShare ?? 0.5;

  // Communities and their sizes.
  let communityCount = 0;
  for (let v = 0; v < n; v++) communityCount = Math.max(communityCount, inp.community[v]! + 1);
  const communitySize = new Array<number>(communityCount).fill(0);
  for (let v = 0; v < n; v++) if (inp.community[v]! >= 0) communitySize[inp.community[v]!]!++;
  const qualifying = communitySize.map((size, c) => (size >= minCommunity ? c : -1)).filter((c) => c >= 0);
  const several = qualifying.length >= 2;

  // Holders per (skill, community).
  const perCommunity = table.skills.map((_, s) => {
    const counts = new Map<number, number>();
    for (const v of table.holders[s]!) counts.set(inp.community[v]!, (counts.get(inp.community[v]!) ?? 0) + 1);
    return counts;
  });
  // Gaps: qualifying community c lacks s while more than gapShare of the other qualifying ones hold it.
  const missingIn: number[][] = table.skills.map((_, s) => {
    if (qualifying.length < 2 || table.holders[s]!.length <= rareThreshold) return [];
    const holding = qualifying.filter((c) => (perCommunity[s]!.get(c) ?? 0) > 0).length;
    return qualifying.filter((c) => (perCommunity[s]!.get(c) ?? 0) === 0 && holding / (qualifying.length - 1) > gapShare);
  });

  const entries: SkillCoverage[] = table.skills.map((skill, s) => {
    const holders = table.holders[s]!;
    const count = holders.length;
    let core = 0;
    let peripheral = 0;
    let coreSum = 0;
    for (const v of holders) {
      if (inp.inCore[v]) core++;
      else if (inp.peripheral[v]) peripheral++;
      coreSum += inp.coreScore[v]!;
    }
    const atEdge = holders.filter((v) => inp.peripheral[v]).length;
    const byAttribute: Record<string, Record<string, number>> = {};
    for (const grouping of inp.groupings) {
      const counts: Record<string, number> = {};
      for (const v of holders) {
        const g = grouping.group[v]!;
        const key = g >= 0 ? grouping.labels[g]! : 'unknown';
        counts[key] = (counts[key] ?? 0) + 1;
      }
      byAttribute[grouping.attribute] = counts;
    }
    const byCommunity: Record<string, number> = {};
    for (const [c, k] of [...perCommunity[s]!.entries()].sort((a, b) => a[0] - b[0])) byCommunity[String(c)] = k;
    const names = [...holders].slice(0, 3).map((v) => inp.labels[v]!);
    const more = count > 3 ? ` and ${count - 3} more` : '';
    const because: StrandedReason[] = [];
    if (count > 0 && atEdge === count) {
      because.push({
        code: 'all-peripheral',
        text:
          count === 1
            ? `the only person with ${skill}, ${names[0]}, sits at the edge of the network`
            : `all ${count} people with ${skill} (${listNames(names)}${more}) sit at the edge of the network`,
      });
    }
    const onlyCommunity = perCommunity[s]!.size === 1 ? [...perCommunity[s]!.keys()][0]! : -1;
    if (count >= 2 && several && onlyCommunity >= 0) {
      because.push({
        code: 'one-community',
        text: `all ${count} people with ${skill} are in ${communityLabel(onlyCommunity)}, one of ${qualifying.length} groups`,
      });
    }
    const dist = inp.distances[s]!;
    let unreachable = 0;
    for (let v = 0; v < n; v++) if (dist[v] === UNREACHABLE) unreachable++;
    return {
      skill,
      holders: Array.from(holders, (v) => inp.ids[v]!),
      count,
      share: n > 0 ? count / n : 0,
      communities: perCommunity[s]!.size,
      byCommunity,
      byAttribute,
      position: { core, peripheral, between: count - core - peripheral, meanCoreScore: count > 0 ? coreSum / count : null },
      reach: { oneStep: shareWithin(dist, 1), twoSteps: shareWithin(dist, 2), unreachable: n > 0 ? unreachable / n : 0 },
      rare: count <= rareThreshold,
      stranded: because.length > 0,
      strandedBecause: because,
      missingIn: missingIn[s]!,
    };
  });

  const byCommunity: Record<string, CommunitySkills> = {};
  const reportedIn = new Array<number>(communityCount).fill(0);
  for (let v = 0; v < n; v++) if (table.reported[v] && inp.community[v]! >= 0) reportedIn[inp.community[v]!]!++;
  for (const c of qualifying) {
    const skills: Record<string, number> = {};
    const edgeOnly: string[] = [];
    table.skills.forEach((skill, s) => {
      const k = perCommunity[s]!.get(c) ?? 0;
      if (k === 0) return;
      skills[skill] = k;
      const here = [...table.holders[s]!].filter((v) => inp.community[v] === c);
      if (here.every((v) => inp.peripheral[v])) edgeOnly.push(skill);
    });
    byCommunity[String(c)] = {
      community: c,
      label: communityLabel(c),
      size: communitySize[c]!,
      reported: reportedIn[c]!,
      skills,
      missing: table.skills.filter((_, s) => missingIn[s]!.includes(c)),
      edgeOnly,
    };
  }

  // Matrices: communities (qualifying ones, the rest pooled as "smaller groups"), then attributes.
  const pooled = communitySize.some((size) => size > 0 && size < minCommunity);
  const column = new Map(qualifying.map((c, k) => [c, k]));
  const communityView: GroupView = {
    by: 'community',
    group: Int32Array.from({ length: n }, (_, v) => column.get(inp.community[v]!) ?? (pooled ? qualifying.length : -1)),
    keys: [...qualifying.map(String), ...(pooled ? ['smaller'] : [])],
    labels: [...qualifying.map(communityLabel), ...(pooled ? [`smaller groups (under ${minCommunity} people)`] : [])],
  };
  const matrices = [
    matrix(inp, communityView, table.reported),
    ...inp.groupings.map((g) => matrix(inp, { by: g.attribute, group: g.group, keys: g.labels, labels: g.labels }, table.reported)),
  ];

  return {
    rareThreshold,
    minCommunity,
    gapShare,
    communities: qualifying,
    entries,
    rare: entries.filter((e) => e.rare && e.count > 0).map((e) => e.skill),
    stranded: entries.filter((e) => e.stranded).map((e) => e.skill),
    absent: entries.filter((e) => e.count === 0).map((e) => e.skill),
    byCommunity,
    gaps: qualifying
      .map((c) => ({ community: c, label: communityLabel(c), size: communitySize[c]!, missing: byCommunity[String(c)]!.missing }))
      .filter((g) => g.missing.length > 0),
    matrices,
  };
}
