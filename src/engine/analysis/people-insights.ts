/**
 * People insights: the periphery (who to engage, and why), the brokers (who holds the network
 * together), bridges and cut points, reach and key players, the equity view for one attribute,
 * and weaving suggestions, all from one dataset and its analysed graph. Returns JSON-ready
 * sections for the report (CLI `periphery`, `brokers`, `equity`, `suggestions`) and extra
 * per-person metrics keyed by id.
 *
 * Conventions: Burt's measures and the core/periphery fits use tie weights only when `weighted`
 * is set; reach, cut points, periphery reasons and suggestions read the ties as contacts (either
 * direction, unweighted). Brokerage roles and "all ties inside one group" use the `groupBy`
 * attribute when given, otherwise the communities of the metric table.
 */
import { DEFAULT_SEED } from '../core/util/rng.ts';
import type { Dataset } from '../core/model/dataset.ts';
import type { AttributeValue, Attributes } from '../core/model/records.ts';
import type { NetworkGraph } from '../core/graph/build-graph.ts';
import type { Csr } from '../core/graph/csr.ts';
import type { EarlyTable, MetricTable, NodeMetricName } from './compute-metrics.ts';
import { NODE_METRICS } from './metric-registry.ts';
import { yieldTurn } from '../core/util/yield-turn.ts';
import type { NodeInsight } from './node-insight.ts';
import { checkCancelled, type RunHooks } from '../core/util/cancel.ts';
import { contactsOf } from '../algorithms/brokerage/contacts.ts';
import { structuralHolesFromContacts } from '../algorithms/brokerage/structural-holes.ts';
import { cutPoints } from '../algorithms/brokerage/cut-points.ts';
import { groupLinks } from '../algorithms/brokerage/community-links.ts';
import { gouldFernandez, type BrokerageRole } from '../algorithms/brokerage/gould-fernandez.ts';
import { contactBetweenness } from '../algorithms/brokerage/contact-betweenness.ts';
import { undirectedView } from '../core/graph/csr.ts';
import { brokerReasons, brokerScores } from '../algorithms/brokerage/broker-ranking.ts';
import { continuousCoreFromContacts } from '../algorithms/periphery/core-periphery-continuous.ts';
import { corePartitionFromContacts, type BlockDensity } from '../algorithms/periphery/core-periphery-partition.ts';
import {
  DEFAULT_PERIPHERY_THRESHOLD,
  peripheryReasons,
  peripheryScores,
  type PeripheryInputs,
  type PeripheryReasonCode,
} from '../algorithms/periphery/under-connected.ts';
import { midrankPercentile } from '../algorithms/brokerage/ranks.ts';
import { stepReach, type ReachDirection } from '../algorithms/reach/step-reach.ts';
import { keyPlayers } from '../algorithms/reach/key-players.ts';
import { groupBy as groupByAttribute, type Grouping } from '../algorithms/equity/groups.ts';
import { equityView, type EquityView } from '../algorithms/equity/equity-view.ts';
import { interestAttributes, interestItems, isBookkeeping } from '../features/weaving/interests.ts';
import { weavingSuggestions, type SuggestionEntry } from '../features/weaving/suggestions.ts';

export interface PeopleInsightOptions {
  /** Attribute for the equity view, brokerage roles and group reasons (e.g. "sector"). */
  groupBy?: string;
  /** Use tie weights in Burt's measures and the core/periphery fits. Default false. */
  weighted?: boolean;
  /** Metric column whose median the equity view gives per group. Default `degree`. */
  centrality?: NodeMetricName;
  /** Seed of the core/periphery partition's restarts. Default DEFAULT_SEED. */
  seed?: number;
  /** How reach follows directed ties. Default `both`. */
  reachDirection?: ReachDirection;
  /** Periphery score from which someone is flagged peripheral. Default DEFAULT_PERIPHERY_THRESHOLD. */
  peripheryThreshold?: number;
  /** Longest periphery list (all flagged people when omitted). */
  peripheryLimit?: number;
  /** Longest broker list. Default 15. */
  brokerLimit?: number;
  /** Longest suggestion list. Default 60. */
  suggestionLimit?: number;
  /** Attributes to match people on for introductions (default: skills, interests, goals, lists). */
  matchAttributes?: string[];
  /** Share of the network the key players should reach within two steps. Default 0.9. */
  keyPlayerTarget?: number;
  /**
   * Betweenness on the contact network (undirected view, unweighted), if the caller computed it
   * (e.g. in workers), or `table` when the metric table's betweenness is it (undirected ties
   * analysed unweighted); otherwise computed here, exactly up to a work budget, sampled beyond.
   */
  contactBetweenness?: Float64Array | 'table';
}

export interface PeripheryEntry {
  id: string;
  label: string;
  /** 0..1, 1 = furthest out. */
  score: number;
  reasons: string[];
  reasonCodes: PeripheryReasonCode[];
  /** Did not answer the survey (attribute `responded` is false): known only from others. */
  nonRespondent: boolean;
  isolate: boolean;
  /** Exactly one contact. */
  pendant: boolean;
  contacts: number;
  coreScore: number;
  /** What they bring: their attributes (contact details and bookkeeping left out). */
  brings: Record<string, AttributeValue>;
}

export interface BrokerEntry {
  id: string;
  label: string;
  /** 0..1, higher = more of a broker. */
  score: number;
  /** Betweenness as in the metric table (directed graphs: along the ties' direction). */
  betweenness: number;
  /** Betweenness on the contact network (ties either way), which the score uses. */
  contactBetweenness: number;
  constraint: number | null;
  effectiveSize: number | null;
  articulationPoint: boolean;
  /** People who would lose every link to the rest if this person left. */
  cutOff: number;
  /** Groups other than their own that their contacts belong to. */
  groupsReached: number;
  /** Gould-Fernandez role counts on the graph as analysed (directed graphs: along the ties). */
  roles: Record<BrokerageRole, number>;
  reasons: string[];
}

export interface CorePeripherySection {
  /** Borgatti-Everett continuous model. */
  continuous: { fit: number | null; iterations: number; converged: boolean };
  /** Borgatti-Everett discrete partition. */
  partition: {
    core: string[];
    coreSize: number;
    fit: number | null;
    density: BlockDensity;
    starts: number;
    startsReachingBest: number;
  };
  weighted: boolean;
}

export interface CutPointSection {
  /** People whose leaving would split the network, biggest split first. */
  articulationPoints: Array<{ id: string; label: string; cutOff: number }>;
  /** Ties whose loss would split the network (networkx `bridges`), biggest split first. */
  bridges: Array<{ source: string; target: string; cutOff: number }>;
  /** Ties that are the only link between two communities (community numbers as in the table). */
  soleCommunityLinks: Array<{ source: string; target: string; communities: [number, number] }>;
  /** Pairs of communities (two or more people each) with no tie between them (numbered as in the table). */
  unlinkedCommunities: Array<[number, number]>;
}

export interface KeyPlayerSection {
  steps: number;
  targetShare: number;
  /** Players needed to reach the target share (null if not reached). */
  setSize: number | null;
  players: Array<{ id: string; label: string; added: number; shareReached: number }>;
  /** Share of the network reached within two steps by the first 1, 2, ... 10 players. */
  curve: number[];
}

export interface PeopleInsights {
  settings: {
    groupBy: string | null;
    weighted: boolean;
    centrality: NodeMetricName;
    seed: number;
    reachDirection: ReachDirection;
    peripheryThreshold: number;
    matchAttributes: string[];
    /** Sources behind contact betweenness: all people (exact) or a seeded sample. */
    contactBetweenness: { exact: boolean; sources: number } | 'given';
  };
  corePeriphery: CorePeripherySection;
  /** Peripheral people, most peripheral first. */
  periphery: PeripheryEntry[];
  brokers: BrokerEntry[];
  cutPoints: CutPointSection;
  keyPlayers: KeyPlayerSection;
  /** Present when `groupBy` was given. */
  equity?: EquityView;
  suggestions: SuggestionEntry[];
  nodes: Record<string, NodeInsight>;
}

function brings(attributes: Attributes | undefined): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  if (!attributes) return out;
  for (const [key, value] of Object.entries(attributes)) {
    if (isBookkeeping(key)) continue;
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The path measures people insights wait for: the whole metric table. */
export interface PathColumns {
  table: MetricTable;
}

/** Where the insights' steps pause: between two steps, or to get the path measures. */
type Pause = 'turn' | 'paths';

/** People insights from a finished metric table, in this thread. */
export function peopleInsights(
  dataset: Dataset,
  graph: NetworkGraph,
  csr: Csr,
  table: MetricTable,
  options: PeopleInsightOptions = {},
  hooks?: RunHooks,
): PeopleInsights {
  const run = insightSteps(dataset, graph, csr, table, options, hooks);
  let next = run.next();
  while (!next.done) next = run.next(next.value === 'paths' ? { table } : undefined);
  return next.value;
}

/**
 * People insights beside the shortest-path passes: every step that needs no path measure runs
 * from the early columns, yielding a turn between steps (so a pool fed from this thread keeps
 * working); then it waits for `paths` and finishes the brokers, equity and lists.
 */
export async function peopleInsightsBeside(
  dataset: Dataset,
  graph: NetworkGraph,
  csr: Csr,
  early: EarlyTable,
  paths: () => Promise<PathColumns>,
  options: PeopleInsightOptions = {},
  hooks?: RunHooks,
): Promise<PeopleInsights> {
  const run = insightSteps(dataset, graph, csr, early, options, hooks);
  let next = run.next();
  while (!next.done) {
    if (next.value === 'paths') next = run.next(await paths());
    else {
      await yieldTurn();
      next = run.next();
    }
  }
  return next.value;
}

function* insightSteps(
  dataset: Dataset,
  graph: NetworkGraph,
  csr: Csr,
  early: EarlyTable,
  options: PeopleInsightOptions,
  hooks: RunHooks | undefined,
): Generator<Pause, PeopleInsights, PathColumns | undefined> {
  const n = csr.n;
  const ids = csr.ids;
  if (early.ids.length !== n || early.ids.some((id, i) => id !== ids[i])) {
    throw new Error('people-insights: the metric table and the CSR must list the same people in the same order.');
  }
  const weighted = options.weighted ?? false;
  const seed = options.seed ?? DEFAULT_SEED;
  const centrality = options.centrality ?? 'degree';
  if (!(NODE_METRICS as readonly string[]).includes(centrality)) {
    throw new Error(`people-insights: no metric named "${centrality}" (expected one of ${NODE_METRICS.join(', ')}).`);
  }
  const checkContactBetweenness = (values: Float64Array | undefined): void => {
    if (values && values.length !== n) throw new Error(`people-insights: contactBetweenness has ${values.length} values for ${n} people.`);
  };
  if (options.contactBetweenness !== 'table') checkContactBetweenness(options.contactBetweenness);
  if (options.groupBy !== undefined) {
    const known = new Set(dataset.people.flatMap((p) => Object.keys(p.attributes)));
    if (!known.has(options.groupBy)) {
      const list = [...known].filter((k) => !isBookkeeping(k)).sort().map((k) => `"${k}"`).join(', ') || 'none';
      throw new Error(`people-insights: no attribute named "${options.groupBy}" to group by (attributes: ${list}).`);
    }
  }
  const reachDirection = options.reachDirection ?? 'both';
  const threshold = options.peripheryThreshold ?? DEFAULT_PERIPHERY_THRESHOLD;
  const step = (name: string): void => {
    checkCancelled(hooks);
    hooks?.onProgress?.(name, 0);
  };

  const people = new Map(dataset.people.map((p) => [p.id, p]));
  const attributesOf = (id: string): Attributes | undefined => people.get(id)?.attributes;
  const labels = ids.map((id) =>
    graph.hasNode(id) ? graph.getNodeAttribute(id, 'label') || id : people.get(id)?.label || id,
  );
  const nonRespondent = Uint8Array.from(ids, (id) => (attributesOf(id)?.responded === false ? 1 : 0));

  step('contacts');
  const contacts = contactsOf(csr);
  const fitContacts = weighted ? contactsOf(csr, { weighted: true }) : contacts;

  step('core/periphery scores');
  const continuous = continuousCoreFromContacts(fitContacts, { weighted }, hooks);
  yield 'turn';
  step('core/periphery partition');
  const partition = corePartitionFromContacts(csr, fitContacts, { weighted, seed }, hooks);
  yield 'turn';

  step('structural holes');
  const holes = structuralHolesFromContacts(fitContacts, hooks);
  yield 'turn';

  step('reach');
  const reach = stepReach(csr, { maxSteps: 3, direction: reachDirection }, hooks);
  yield 'turn';
  step('key players');
  const players = keyPlayers(
    csr,
    { steps: 2, targetShare: options.keyPlayerTarget ?? 0.9, direction: reachDirection, knownReach: reach.counts[1] },
    hooks,
  );
  yield 'turn';

  step('groups');
  // The table numbers groups from 1; here they index arrays, from 0.
  const community = Int32Array.from(early.columns.community, (c) => c - 1);
  const communityName = (c: number): string => `group ${c + 1}`;
  const grouping: Grouping | null = options.groupBy ? groupByAttribute(ids, options.groupBy, attributesOf) : null;
  const group = grouping ? grouping.group : community;
  const groupName = grouping
    ? (g: number): string => (g >= 0 ? `${grouping.attribute}: ${grouping.labels[g]}` : 'unknown')
    : communityName;
  const groupValue = grouping ? (g: number): string => grouping.labels[g] ?? 'unknown' : communityName;
  const groupsLabel = grouping ? `groups by ${grouping.attribute}` : 'groups';

  step('periphery');
  const peripheryInputs: PeripheryInputs = {
    labels,
    contacts,
    namedBy: csr.directed ? { offsets: csr.inOffsets, targets: csr.inTargets } : null,
    kCore: early.columns.coreness,
    coreScore: continuous.coreness,
    inCore: partition.inCore,
    farReach: reach.shares[2]!,
    farSteps: 3,
    group,
    groupName,
    nonRespondent,
  };
  const periphery = peripheryScores(peripheryInputs, { threshold });

  step('brokers');
  const cuts = cutPoints(contacts);
  const communityLinks = groupLinks(contacts, community);
  const groupLinksForReasons = grouping ? groupLinks(contacts, group) : communityLinks;
  const roles = gouldFernandez(csr, group, hooks);
  const contactRoles = csr.directed ? gouldFernandez(undirectedView(csr), group, hooks) : roles;
  yield 'turn';

  step('weaving suggestions');
  const contactCount = Float64Array.from({ length: n }, (_, v) => contacts.offsets[v + 1]! - contacts.offsets[v]!);
  const wellConnected = midrankPercentile(contactCount);
  const matchAttributes = interestAttributes(dataset.people, options.matchAttributes);
  const suggestions = weavingSuggestions(
    {
      ids,
      labels,
      contacts,
      peripheral: periphery.peripheral,
      peripheryScore: periphery.score,
      wellConnected,
      interests: interestItems(ids, matchAttributes, attributesOf),
      group,
      groupName,
      community,
      communityName,
    },
    communityLinks.unlinked,
    { limit: options.suggestionLimit ?? 60 },
  );
  yield 'turn';

  // Unless the table's betweenness is it, contact betweenness is a pass of its own: done here,
  // before waiting for the table, so it runs while the table's passes do.
  let between: ReturnType<typeof contactBetweenness> | null = null;
  if (options.contactBetweenness === undefined) {
    step('contact betweenness');
    between = contactBetweenness(contacts, { seed }, hooks);
  }
  const paths = yield 'paths';
  if (paths === undefined) throw new Error('people-insights: the path measures were not given.');
  const table = paths.table;
  const contactBetween =
    between?.values ?? (options.contactBetweenness === 'table' ? table.columns.betweenness : options.contactBetweenness!);
  checkContactBetweenness(contactBetween);
  step('brokers');
  const brokerInputs = {
    labels,
    contacts,
    betweenness: contactBetween,
    constraint: holes.constraint,
    effectiveSize: holes.effectiveSize,
    roles: contactRoles,
    cuts,
    group,
    groupName,
    groupValue,
    groupsLabel,
    soleLinks: groupLinksForReasons.sole,
  };
  const brokers = brokerScores(brokerInputs);

  step('equity');
  const equity = grouping
    ? equityView(csr, grouping, partition.inCore, periphery.peripheral, {
        name: centrality,
        values: table.columns[centrality],
      })
    : undefined;

  step('assembling');
  const peripheryOrder =
    options.peripheryLimit !== undefined ? periphery.order.slice(0, options.peripheryLimit) : periphery.order;
  const peripheryList: PeripheryEntry[] = peripheryOrder.map((v) => {
    const reasons = peripheryReasons(peripheryInputs, v);
    const k = contactCount[v]!;
    return {
      id: ids[v]!,
      label: labels[v]!,
      score: periphery.score[v]!,
      reasons: reasons.map((r) => r.text),
      reasonCodes: reasons.map((r) => r.code),
      nonRespondent: nonRespondent[v] === 1,
      isolate: k === 0,
      pendant: k === 1,
      contacts: k,
      coreScore: continuous.coreness[v]!,
      brings: brings(attributesOf(ids[v]!)),
    };
  });

  const brokerList: BrokerEntry[] = brokers.order.slice(0, options.brokerLimit ?? 15).map((v) => {
    const reached = new Set<number>();
    for (let k = contacts.offsets[v]!; k < contacts.offsets[v + 1]!; k++) {
      const g = group[contacts.targets[k]!]!;
      if (g >= 0 && g !== group[v]) reached.add(g);
    }
    return {
      id: ids[v]!,
      label: labels[v]!,
      score: brokers.score[v]!,
      betweenness: table.columns.betweenness[v]!,
      contactBetweenness: contactBetween[v]!,
      constraint: finite(holes.constraint[v]!),
      effectiveSize: finite(holes.effectiveSize[v]!),
      articulationPoint: cuts.isArticulation[v] === 1,
      cutOff: cuts.cutOff[v]!,
      groupsReached: reached.size,
      roles: {
        coordinator: roles.coordinator[v]!,
        itinerant: roles.itinerant[v]!,
        representative: roles.representative[v]!,
        gatekeeper: roles.gatekeeper[v]!,
        liaison: roles.liaison[v]!,
      },
      reasons: brokerReasons(brokerInputs, v),
    };
  });

  const articulationPoints = Array.from({ length: n }, (_, v) => v)
    .filter((v) => cuts.isArticulation[v])
    .sort((a, b) => cuts.cutOff[b]! - cuts.cutOff[a]! || a - b)
    .map((v) => ({ id: ids[v]!, label: labels[v]!, cutOff: cuts.cutOff[v]! }));

  const nodes: Record<string, NodeInsight> = {};
  for (let v = 0; v < n; v++) {
    nodes[ids[v]!] = {
      coreScore: continuous.coreness[v]!,
      inCore: partition.inCore[v] === 1,
      peripheral: periphery.peripheral[v] === 1,
      peripheryScore: periphery.score[v]!,
      constraint: finite(holes.constraint[v]!),
      effectiveSize: finite(holes.effectiveSize[v]!),
      brokerScore: brokers.score[v]!,
      articulationPoint: cuts.isArticulation[v] === 1,
      reach1: reach.shares[0]![v]!,
      reach2: reach.shares[1]![v]!,
      reach3: reach.shares[2]![v]!,
    };
  }

  hooks?.onProgress?.('done', 1);
  return {
    settings: {
      groupBy: options.groupBy ?? null,
      weighted,
      centrality,
      seed,
      reachDirection,
      peripheryThreshold: threshold,
      matchAttributes,
      contactBetweenness: between ? { exact: between.exact, sources: between.sources } : 'given',
    },
    corePeriphery: {
      continuous: { fit: continuous.fit, iterations: continuous.iterations, converged: continuous.converged },
      partition: {
        core: ids.filter((_, v) => partition.inCore[v]),
        coreSize: partition.coreSize,
        fit: partition.fit,
        density: partition.density,
        starts: partition.starts,
        startsReachingBest: partition.startsReachingBest,
      },
      weighted,
    },
    periphery: peripheryList,
    brokers: brokerList,
    cutPoints: {
      articulationPoints,
      // Biggest splits first.
      bridges: cuts.bridges
        .map(([a, b], i) => ({ source: ids[a]!, target: ids[b]!, cutOff: cuts.bridgeCutOff[i]! }))
        .sort((x, y) => y.cutOff - x.cutOff),
      soleCommunityLinks: communityLinks.sole.map((l) => ({
        source: ids[l.tie[0]]!,
        target: ids[l.tie[1]]!,
        communities: [l.a + 1, l.b + 1] as [number, number],
      })),
      // Pairs of communities of two or more (an isolate is its own community, and is engaged
      // through the periphery list instead).
      unlinkedCommunities: communityLinks.unlinked
        .filter(([a, b]) => communityLinks.sizes[a]! >= 2 && communityLinks.sizes[b]! >= 2)
        .map(([a, b]) => [a + 1, b + 1] as [number, number]),
    },
    keyPlayers: {
      steps: 2,
      targetShare: players.targetShare,
      setSize: players.setSize,
      players: players.players.map((p) => ({
        id: ids[p.node]!,
        label: labels[p.node]!,
        added: p.added,
        shareReached: p.shareReached,
      })),
      curve: players.players.slice(0, 10).map((p) => p.shareReached),
    },
    ...(equity ? { equity } : {}),
    suggestions: suggestions.map((s) => ({
      id: s.id,
      kind: s.kind,
      source: ids[s.a]!,
      target: ids[s.b]!,
      sourceLabel: labels[s.a]!,
      targetLabel: labels[s.b]!,
      score: s.score,
      reason: s.reason,
      shared: s.shared,
      via: s.via.map((v) => ids[v]!),
    })),
    nodes,
  };
}

export type { SuggestionEntry };

export type { NodeInsight };
