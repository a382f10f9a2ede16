/**
 * Mentorship reach: what a mentoring program connected. Per group attribute (work unit,
 * organisation, sector, ...): how many groups took part, how many were joined to another group by
 * a pair, how many distinct pairs of groups a mentorship joined, and the share of pairs across
 * groups. Pairs that bridge communities: mentor and mentee in different communities of the
 * network *without* the program's own layers (Louvain on every other relation, seeded, as the
 * analysis runs it), so the program's ties do not decide the communities they are judged by.
 * And the people who are both mentor and mentee (in any season), the program's relays.
 */
import { buildGraph, selectedRelations } from '../../core/graph/build-graph.ts';
import { detectCommunities } from '../../algorithms/communities/louvain.ts';
import { DEFAULT_RESOLUTION } from '../../algorithms/communities/modularity.ts';
import { DEFAULT_SEED } from '../../core/util/rng.ts';
import type { Dataset } from '../../core/model/dataset.ts';
import type { Mentorship, Person } from '../../core/model/records.ts';
import { findAttributes, groupValue, ORGANIZATION_ATTRIBUTES, SECTOR_ATTRIBUTES, WORK_UNIT_ATTRIBUTES } from '../../core/model/group-attributes.ts';
import { CO_ATTENDANCE } from '../convenings/projection.ts';
import { MENTORSHIP } from './import-mentorships.ts';

/** Attributes tried, in order, when none are chosen. */
export const REACH_ATTRIBUTES: readonly string[] = [...WORK_UNIT_ATTRIBUTES, ...ORGANIZATION_ATTRIBUTES, ...SECTOR_ATTRIBUTES, 'region'];

export interface AttributeReach {
  attribute: string;
  /** Distinct groups among mentors and mentees. */
  groups: number;
  /** Groups with at least one pair to another group. */
  groupsConnected: number;
  /** Distinct unordered pairs of groups joined by a mentorship. */
  groupPairs: number;
  /** Pairs whose mentor and mentee are in different groups (both known). */
  crossPairs: number;
  /** crossPairs over pairs with both groups known; null when none. */
  crossShare: number | null;
  /** The group pairs joined, most pairs first. */
  links: Array<{ a: string; b: string; pairs: number }>;
}

export interface BaselineCommunities {
  /** Relations the communities were found on. */
  relations: string[];
  count: number;
  /** Community per person; people with no tie there have none. */
  of: Map<string, number>;
}

export interface PairReach {
  mentor: string;
  mentee: string;
  season?: string;
  goal?: string;
  /** Attributes whose group differs between mentor and mentee. */
  crosses: string[];
  /** Mentor and mentee in different communities; null when either has none. */
  bridgesCommunities: boolean | null;
}

export interface MentorshipReach {
  /** Distinct mentor -> mentee pairs (a pair in two seasons counts once). */
  pairs: number;
  mentors: number;
  mentees: number;
  seasons: string[];
  /** People who are both a mentor and a mentee. */
  bothRoles: string[];
  byAttribute: AttributeReach[];
  communities: { relations: string[]; count: number } | null;
  /** Pairs whose mentor and mentee are in different communities. */
  bridgingPairs: Array<{ mentor: string; mentee: string; communities: [number, number] }>;
  /** bridgingPairs over pairs with both communities known; null when none. */
  bridgingShare: number | null;
  /** Every pair (first season listed), with what it crosses. */
  pairList: PairReach[];
}

export interface MentorshipReachOptions {
  /** Group attributes to report; default every work unit, organisation, sector and region attribute found. */
  attributes?: string[];
  /** Communities to judge bridging by (see `baselineCommunities`); null or omitted: none. */
  communities?: BaselineCommunities | null;
}

export interface BaselineOptions {
  /** Relations left out of the baseline network. Default `mentorship` and `co-attendance`. */
  exclude?: string[];
  /** Louvain seed. Default DEFAULT_SEED. */
  seed?: number;
  /** Louvain resolution. Default DEFAULT_RESOLUTION. */
  resolution?: number;
}

/**
 * Louvain communities of the network without the program layers (seeded: the same seed gives the
 * same communities). People with no tie there belong to none. Null when no other relation has ties.
 */
export function baselineCommunities(dataset: Dataset, options: BaselineOptions = {}): BaselineCommunities | null {
  const exclude = new Set(options.exclude ?? [MENTORSHIP, CO_ATTENDANCE]);
  const relations = selectedRelations(dataset, undefined).filter((r) => !exclude.has(r));
  if (relations.length === 0 || !dataset.ties.some((t) => relations.includes(t.relation))) return null;
  const graph = buildGraph(dataset, { relations, direction: 'undirected' });
  const found = detectCommunities(graph, { seed: options.seed ?? DEFAULT_SEED, resolution: options.resolution ?? DEFAULT_RESOLUTION });
  const nodes = graph.nodes();
  const of = new Map<string, number>();
  const counted = new Set<number>();
  nodes.forEach((id, i) => {
    if (graph.degree(id) - (graph.hasEdge(id, id) ? 2 : 0) <= 0) return;
    const c = found.membership[i]!;
    of.set(id, c);
    counted.add(c);
  });
  return { relations, count: counted.size, of };
}

export function mentorshipReach(mentorships: readonly Mentorship[], people: readonly Person[], options: MentorshipReachOptions = {}): MentorshipReach {
  const byId = new Map(people.map((p) => [p.id, p]));
  const pairs: Mentorship[] = [];
  const seenPair = new Set<string>();
  const seasons: string[] = [];
  for (const m of mentorships) {
    if (m.season !== undefined && !seasons.includes(m.season)) seasons.push(m.season);
    const key = `${m.mentor}\u0000${m.mentee}`;
    if (m.mentor === m.mentee || seenPair.has(key)) continue;
    seenPair.add(key);
    pairs.push(m);
  }
  const mentors = new Set(pairs.map((p) => p.mentor));
  const mentees = new Set(pairs.map((p) => p.mentee));
  const participants = people.filter((p) => mentors.has(p.id) || mentees.has(p.id));
  const attributes = options.attributes ?? findAttributes(participants, REACH_ATTRIBUTES);
  const groupOf = (id: string, attribute: string): string | null => groupValue(byId.get(id)?.attributes[attribute]);

  const byAttribute: AttributeReach[] = attributes.map((attribute) => {
    const groups = new Set<string>();
    for (const id of [...mentors, ...mentees]) {
      const g = groupOf(id, attribute);
      if (g !== null) groups.add(g);
    }
    const connected = new Set<string>();
    const links = new Map<string, { a: string; b: string; pairs: number }>();
    let cross = 0;
    let known = 0;
    for (const p of pairs) {
      const a = groupOf(p.mentor, attribute);
      const b = groupOf(p.mentee, attribute);
      if (a === null || b === null) continue;
      known++;
      if (a === b) continue;
      cross++;
      connected.add(a);
      connected.add(b);
      const [x, y] = a < b ? [a, b] : [b, a];
      const key = `${x}\u0000${y}`;
      const link = links.get(key) ?? { a: x, b: y, pairs: 0 };
      link.pairs++;
      links.set(key, link);
    }
    return {
      attribute,
      groups: groups.size,
      groupsConnected: connected.size,
      groupPairs: links.size,
      crossPairs: cross,
      crossShare: known > 0 ? cross / known : null,
      links: [...links.values()].sort((x, y) => y.pairs - x.pairs || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1)),
    };
  });

  const communities = options.communities ?? null;
  const bridgingPairs: MentorshipReach['bridgingPairs'] = [];
  let bothKnown = 0;
  const pairList: PairReach[] = pairs.map((p) => {
    const crosses = attributes.filter((attribute) => {
      const a = groupOf(p.mentor, attribute);
      const b = groupOf(p.mentee, attribute);
      return a !== null && b !== null && a !== b;
    });
    let bridges: boolean | null = null;
    if (communities !== null) {
      const a = communities.of.get(p.mentor);
      const b = communities.of.get(p.mentee);
      if (a !== undefined && b !== undefined) {
        bothKnown++;
        bridges = a !== b;
        if (bridges) bridgingPairs.push({ mentor: p.mentor, mentee: p.mentee, communities: [a, b] });
      }
    }
    return {
      mentor: p.mentor,
      mentee: p.mentee,
      ...(p.season !== undefined ? { season: p.season } : {}),
      ...(p.goal !== undefined ? { goal: p.goal } : {}),
      crosses,
      bridgesCommunities: bridges,
    };
  });
  const bothRoles = [...mentors].filter((id) => mentees.has(id)).sort();
  return {
    pairs: pairs.length,
    mentors: mentors.size,
    mentees: mentees.size,
    seasons,
    bothRoles,
    byAttribute,
    communities: communities !== null ? { relations: communities.relations, count: communities.count } : null,
    bridgingPairs,
    bridgingShare: bothKnown > 0 ? bridgingPairs.length / bothKnown : null,
    pairList,
  };
}

/** Options of the report's `mentorship` section. */
export interface MentorshipSectionOptions {
  /** Group attributes to report; default: detected (see REACH_ATTRIBUTES). */
  attributes?: string[];
  /** An attribute to report first (the analysis' group-by), before the detected ones. */
  groupBy?: string;
  /** Louvain seed for the baseline communities. Default DEFAULT_SEED. */
  seed?: number;
  /** Louvain resolution. Default DEFAULT_RESOLUTION. */
  resolution?: number;
}

export type MentorshipSection = MentorshipReach;

/** The `mentorship` section of a report; undefined for a dataset without mentorships. */
export function mentorshipSection(dataset: Dataset, options: MentorshipSectionOptions = {}): MentorshipSection | undefined {
  if (dataset.mentorships.length === 0) return undefined;
  const communities = baselineCommunities(dataset, {
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.resolution !== undefined ? { resolution: options.resolution } : {}),
  });
  let attributes = options.attributes;
  if (attributes === undefined && options.groupBy !== undefined) {
    const detected = findAttributes(dataset.people, REACH_ATTRIBUTES);
    attributes = [options.groupBy, ...detected.filter((a) => a !== options.groupBy)];
  }
  return mentorshipReach(dataset.mentorships, dataset.people, {
    ...(attributes !== undefined ? { attributes } : {}),
    communities,
  });
}
