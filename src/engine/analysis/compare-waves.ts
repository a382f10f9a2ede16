/**
 * Change between waves: what a program did to the network from one survey round (or period) to
 * the next. For each wave the same analysis the report runs (metrics, Louvain communities,
 * Borgatti-Everett core/periphery and the periphery list of `people-insights.ts`) is run on that
 * wave's ties over every person of the dataset, so waves are compared on one set of people:
 *
 * - **ties gained and lost**: pairs of people tied (either way, any chosen relation) in one wave
 *   and not the other;
 * - **per person**: degree (contacts: people tied either way), k-core level, continuous core
 *   score and periphery status in each wave; **moved inward** = flagged peripheral in the earlier
 *   wave and not in the later one (moved in from the edge), **moved outward** the reverse;
 * - **network-health indicators** side by side for every wave: density, separate parts, average
 *   steps apart, modularity, share of cross-group ties, core size, and more.
 *
 * The share of cross-group ties counts pairs whose two people differ in the group attribute
 * (`groupBy`; default the first sector, organisation or work unit attribute whose values form
 * groups) among pairs where both are known; with no such attribute, groups are the communities
 * of the first wave, held fixed so that every wave is measured against the same groups.
 * Deterministic for a seed. Cost: one full analysis per wave.
 */
import { DEFAULT_SEED } from '../core/util/rng.ts';
import { DEFAULT_RESOLUTION } from '../algorithms/communities/modularity.ts';
import type { Dataset } from '../core/model/dataset.ts';
import { buildGraph } from '../core/graph/build-graph.ts';
import { toCsr } from '../core/graph/csr.ts';
import { computeMetrics } from './compute-metrics.ts';
import { peopleInsights } from './people-insights.ts';
import type { RunHooks } from '../core/util/cancel.ts';
import { checkCancelled } from '../core/util/cancel.ts';
import { findGroupingAttribute, groupValue } from '../core/model/group-attributes.ts';
import { MIX_ATTRIBUTES } from '../features/convenings/summaries.ts';
import { listWaves, pairKey, waveDataset, waveRelations } from '../features/change/waves.ts';

/** Indicator names, in the order reports list them. */
export const INDICATORS = [
  'density',
  'components',
  'averagePathLength',
  'modularity',
  'crossGroupShare',
  'coreSize',
  'ties',
  'averageDegree',
  'largestComponentShare',
  'transitivity',
  'communities',
  'isolates',
  'peripheral',
] as const;
export type IndicatorName = (typeof INDICATORS)[number];
export type Indicators = Record<IndicatorName, number | null>;

/** Plain-words names of the indicators, for tables and charts. */
export const INDICATOR_NAMES: Record<IndicatorName, string> = {
  density: 'Density',
  components: 'Separate parts',
  averagePathLength: 'Average steps apart',
  modularity: 'Modularity',
  crossGroupShare: 'Share of cross-group ties',
  coreSize: 'Core size',
  ties: 'Ties (pairs of people)',
  averageDegree: 'Average contacts per person',
  largestComponentShare: 'Connected share',
  transitivity: 'Triangles',
  communities: 'Groups',
  isolates: 'People with no ties',
  peripheral: 'People at the edge',
};

export interface WaveOptions {
  /** Relations to compare; default every relation whose ties carry a wave. */
  relations?: string[];
  /** Direction of each wave's graph. Default `auto` (directed when a chosen relation is). */
  direction?: 'auto' | 'directed' | 'undirected';
  /** Attribute for cross-group ties; null: use the first wave's communities. Default: detected. */
  groupBy?: string | null;
  /** Louvain and core/periphery seed. Default DEFAULT_SEED. */
  seed?: number;
  /** Louvain resolution. Default DEFAULT_RESOLUTION. */
  resolution?: number;
  /** The waves in time order; default the order ties first carry them. */
  waves?: string[];
}

export interface PersonWave {
  /** Degree as contacts: distinct people tied to them either way, in any chosen relation. */
  degree: number;
  /** k-core level (networkx `core_number`). */
  coreness: number;
  /** Borgatti-Everett continuous core score, 0..1. */
  coreScore: number;
  inCore: boolean;
  peripheral: boolean;
  peripheryScore: number;
}

export interface WaveProfile {
  wave: string;
  indicators: Indicators;
  people: Map<string, PersonWave>;
  pairs: Set<string>;
  /** Louvain community per person (report numbering). */
  community: Map<string, number>;
}

export interface GroupBasis {
  kind: 'attribute' | 'communities';
  /** The attribute, or the wave whose communities are used. */
  name: string;
}

export interface PersonChange {
  id: string;
  label: string;
  /** Contacts (distinct people tied either way) in each wave. */
  degree: [number, number];
  coreness: [number, number];
  coreScore: [number, number];
  peripheral: [boolean, boolean];
  peripheryScore: [number, number];
  inCore: [boolean, boolean];
}

export interface WaveComparison {
  from: string;
  to: string;
  /** Pairs tied in `to` and not in `from` (ids sorted within and across pairs). */
  gained: Array<[string, string]>;
  lost: Array<[string, string]>;
  /** Peripheral in `from`, not in `to`: biggest drop in periphery score first. */
  movedInward: string[];
  movedOutward: string[];
  /** Every indicator as [from, to]. */
  indicators: Record<IndicatorName, [number | null, number | null]>;
  /** Every wave's indicators, in wave order (for the chart over all waves). */
  waves: Array<{ wave: string; indicators: Indicators }>;
  /** Everyone with a tie in either wave, by id. */
  people: PersonChange[];
  settings: { relations: string[]; direction: 'auto' | 'directed' | 'undirected'; groups: GroupBasis | null; seed: number; waves: string[] };
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

interface Grouping {
  basis: GroupBasis | null;
  of: (id: string) => string | null;
}

function crossShare(pairs: ReadonlySet<string>, grouping: Grouping): number | null {
  if (grouping.basis === null) return null;
  let known = 0;
  let cross = 0;
  for (const key of pairs) {
    const [a, b] = key.split('\u0000') as [string, string];
    const x = grouping.of(a);
    const y = grouping.of(b);
    if (x === null || y === null) continue;
    known++;
    if (x !== y) cross++;
  }
  return known > 0 ? cross / known : null;
}

/** One wave analysed: indicators (cross-group share left null: `withGroups` fills it), people, pairs. */
export function waveProfile(dataset: Dataset, wave: string, options: WaveOptions = {}, hooks?: RunHooks): WaveProfile {
  checkCancelled(hooks);
  const relations = options.relations ?? waveRelations(dataset);
  const data = waveDataset(dataset, wave, relations);
  const seed = options.seed ?? DEFAULT_SEED;
  const graph = buildGraph(data, { direction: options.direction ?? 'auto' });
  const csr = toCsr(graph);
  const { table, figures } = computeMetrics(graph, { seed, resolution: options.resolution ?? DEFAULT_RESOLUTION }, hooks, csr);
  const insights = peopleInsights(data, graph, csr, table, { seed, suggestionLimit: 0, brokerLimit: 0 }, hooks);
  const contacts = new Map<string, Set<string>>();
  const pairs = new Set<string>();
  for (const tie of data.ties) {
    if (tie.source === tie.target) continue;
    pairs.add(pairKey(tie.source, tie.target));
    for (const [a, b] of [[tie.source, tie.target], [tie.target, tie.source]] as const) {
      const set = contacts.get(a) ?? new Set<string>();
      set.add(b);
      contacts.set(a, set);
    }
  }
  const people = new Map<string, PersonWave>();
  const community = new Map<string, number>();
  table.ids.forEach((id, i) => {
    const insight = insights.nodes[id]!;
    people.set(id, {
      degree: contacts.get(id)?.size ?? 0,
      coreness: table.columns.coreness[i]!,
      coreScore: round(insight.coreScore),
      inCore: insight.inCore,
      peripheral: insight.peripheral,
      peripheryScore: round(insight.peripheryScore),
    });
    community.set(id, table.columns.community[i]!);
  });
  const n = table.ids.length;
  const indicators: Indicators = {
    density: round(figures.density),
    components: figures.components,
    averagePathLength: figures.averagePathLength === null ? null : round(figures.averagePathLength),
    modularity: round(figures.modularity),
    crossGroupShare: null,
    coreSize: insights.corePeriphery.partition.coreSize,
    ties: pairs.size,
    averageDegree: n > 0 ? round((2 * pairs.size) / n) : 0,
    largestComponentShare: n > 0 ? round(figures.largestComponentSize / n) : 0,
    transitivity: round(figures.transitivity),
    communities: figures.communities,
    isolates: [...people.values()].filter((p) => p.degree === 0).length,
    peripheral: insights.periphery.length,
  };
  return { wave, indicators, people, pairs, community };
}

/** Every wave analysed, with the cross-group share measured on one grouping for all. */
export function waveProfiles(dataset: Dataset, options: WaveOptions = {}, hooks?: RunHooks): { profiles: WaveProfile[]; groups: GroupBasis | null } {
  const relations = options.relations ?? waveRelations(dataset);
  const waves = options.waves ?? listWaves(dataset, relations);
  const known = new Set(listWaves(dataset, relations));
  const missing = waves.filter((w) => !known.has(w));
  if (missing.length > 0) {
    throw new Error(`change: no ties carry the wave ${missing.map((w) => `"${w}"`).join(', ')} (waves: ${[...known].map((w) => `"${w}"`).join(', ') || 'none'}).`);
  }
  const profiles = waves.map((wave, k) => {
    hooks?.onProgress?.('comparing waves', k / Math.max(1, waves.length));
    return waveProfile(dataset, wave, { ...options, relations }, hooks);
  });
  const attribute = options.groupBy === undefined ? findGroupingAttribute(dataset.people, MIX_ATTRIBUTES) : options.groupBy;
  let grouping: Grouping;
  if (attribute !== null && attribute !== undefined) {
    const byId = new Map(dataset.people.map((p) => [p.id, p]));
    grouping = { basis: { kind: 'attribute', name: attribute }, of: (id) => groupValue(byId.get(id)?.attributes[attribute]) };
  } else if (profiles.length > 0) {
    const first = profiles[0]!;
    grouping = { basis: { kind: 'communities', name: first.wave }, of: (id) => (first.people.get(id)?.degree ? String(first.community.get(id)) : null) };
  } else {
    grouping = { basis: null, of: () => null };
  }
  for (const profile of profiles) profile.indicators.crossGroupShare = (() => {
    const share = crossShare(profile.pairs, grouping);
    return share === null ? null : round(share);
  })();
  return { profiles, groups: grouping.basis };
}

function sortedPairs(keys: Iterable<string>): Array<[string, string]> {
  return [...keys]
    .map((key) => key.split('\u0000') as [string, string])
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
}

/**
 * Compares two waves (default the last two) and lists every wave's indicators. Throws when the
 * dataset has fewer than two waves or a named wave is missing (a caller's mistake, not bad data).
 */
export function compareWaves(dataset: Dataset, options: WaveOptions & { from?: string; to?: string } = {}, hooks?: RunHooks): WaveComparison {
  const relations = options.relations ?? waveRelations(dataset);
  const order = options.waves ?? listWaves(dataset, relations);
  const to = options.to ?? order[order.length - 1];
  const from = options.from ?? (to !== undefined ? order[order.indexOf(to) - 1] : undefined);
  if (from === undefined || to === undefined) {
    throw new Error(`change: comparing needs two waves; this dataset has ${order.length === 0 ? 'none' : `only "${order[0]}"`}.`);
  }
  if (from === to) throw new Error(`change: compare two different waves (got "${from}" twice).`);
  const missing = [from, to].filter((w) => !order.includes(w));
  if (missing.length > 0) {
    throw new Error(`change: no ties carry the wave ${missing.map((w) => `"${w}"`).join(' or ')} (waves: ${order.map((w) => `"${w}"`).join(', ') || 'none'}).`);
  }
  const { profiles, groups } = waveProfiles(dataset, { ...options, relations, waves: order }, hooks);
  const a = profiles.find((p) => p.wave === from)!;
  const b = profiles.find((p) => p.wave === to)!;
  const gained = sortedPairs([...b.pairs].filter((k) => !a.pairs.has(k)));
  const lost = sortedPairs([...a.pairs].filter((k) => !b.pairs.has(k)));
  const labels = new Map(dataset.people.map((p) => [p.id, p.label || p.id]));
  const none: PersonWave = { degree: 0, coreness: 0, coreScore: 0, inCore: false, peripheral: false, peripheryScore: 0 };
  const ids = [...new Set([...a.people.keys(), ...b.people.keys()])].sort();
  const people: PersonChange[] = [];
  for (const id of ids) {
    const x = a.people.get(id) ?? none;
    const y = b.people.get(id) ?? none;
    if (x.degree === 0 && y.degree === 0) continue;
    people.push({
      id,
      label: labels.get(id) ?? id,
      degree: [x.degree, y.degree],
      coreness: [x.coreness, y.coreness],
      coreScore: [x.coreScore, y.coreScore],
      peripheral: [x.peripheral, y.peripheral],
      peripheryScore: [x.peripheryScore, y.peripheryScore],
      inCore: [x.inCore, y.inCore],
    });
  }
  const drop = (p: PersonChange): number => p.peripheryScore[0] - p.peripheryScore[1];
  const movedInward = people.filter((p) => p.peripheral[0] && !p.peripheral[1]).sort((p, q) => drop(q) - drop(p) || (p.id < q.id ? -1 : 1)).map((p) => p.id);
  const movedOutward = people.filter((p) => !p.peripheral[0] && p.peripheral[1]).sort((p, q) => drop(p) - drop(q) || (p.id < q.id ? -1 : 1)).map((p) => p.id);
  const indicators = Object.fromEntries(INDICATORS.map((name) => [name, [a.indicators[name], b.indicators[name]]])) as WaveComparison['indicators'];
  return {
    from,
    to,
    gained,
    lost,
    movedInward,
    movedOutward,
    indicators,
    waves: profiles.map((p) => ({ wave: p.wave, indicators: p.indicators })),
    people,
    settings: { relations, direction: options.direction ?? 'auto', groups, seed: options.seed ?? DEFAULT_SEED, waves: profiles.map((p) => p.wave) },
  };
}

/** Options of the report's `change` section. */
export interface ChangeSectionOptions extends WaveOptions {
  from?: string;
  to?: string;
}

export type ChangeSection = WaveComparison;

/**
 * The `change` section of a report: undefined unless the chosen relations hold two waves or more.
 * Naming waves (`from`, `to`) that are not there is an error with the waves that are.
 */
export function changeSection(dataset: Dataset, options: ChangeSectionOptions = {}, hooks?: RunHooks): ChangeSection | undefined {
  const waved = waveRelations(dataset);
  const relations = (options.relations ?? waved).filter((r) => waved.includes(r));
  const asked = options.from !== undefined || options.to !== undefined;
  if (relations.length === 0) {
    if (!asked) return undefined;
    throw new Error(`change: no ties${options.relations !== undefined ? ' in the chosen relations' : ''} carry a wave, so there is nothing to compare.`);
  }
  if (listWaves(dataset, relations).length < 2 && !asked) return undefined;
  return compareWaves(dataset, { ...options, relations }, hooks);
}
