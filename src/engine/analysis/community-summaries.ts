/**
 * The groups (Louvain communities) of an analysis, each with its size, density, ties inside and
 * out, and the most common values of the attributes that describe groups.
 */
import type { Dataset } from '../core/model/dataset.ts';
import type { Attributes } from '../core/model/records.ts';
import { attributeValues } from '../core/model/attribute-values.ts';

export interface AttributeCount {
  value: string;
  count: number;
}

export interface CommunitySummary {
  id: number;
  size: number;
  members: string[];
  density: number;
  /** Ties inside the community. */
  internalEdges: number;
  /** Ties from this community to any other. */
  externalEdges: number;
  /** For each attribute, the most common values among the members. */
  topAttributes: Record<string, AttributeCount[]>;
}

const TOP_VALUES = 3;

/**
 * The most common values of each categorical attribute among `members`. Attributes that tell
 * people apart (emails, names: nearly one value per person) say nothing about a group: skipped.
 */
export function topAttributeValues(
  members: string[],
  attributesOf: (id: string) => Attributes,
  categorical: Set<string>,
): Record<string, AttributeCount[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const id of members) {
    for (const [key, value] of Object.entries(attributesOf(id))) {
      if (!categorical.has(key)) continue;
      const byValue = counts.get(key) ?? new Map<string, number>();
      for (const v of attributeValues(value)) byValue.set(v, (byValue.get(v) ?? 0) + 1);
      counts.set(key, byValue);
    }
  }
  const result: Record<string, AttributeCount[]> = {};
  for (const [key, byValue] of counts) {
    result[key] = [...byValue]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, TOP_VALUES);
  }
  return result;
}

/** Attributes whose values repeat enough to describe groups (not numbers, not per-person ids). */
export function categoricalAttributes(people: Dataset['people']): Set<string> {
  const distinct = new Map<string, Set<string>>();
  const numeric = new Set<string>();
  for (const person of people) {
    for (const [key, value] of Object.entries(person.attributes)) {
      if (typeof value === 'number') numeric.add(key);
      const set = distinct.get(key) ?? new Set<string>();
      for (const v of attributeValues(value)) set.add(v);
      distinct.set(key, set);
    }
  }
  const result = new Set<string>();
  const limit = Math.max(2, people.length / 2);
  for (const [key, set] of distinct) {
    if (!numeric.has(key) && set.size > 0 && set.size <= limit) result.add(key);
  }
  return result;
}

export interface CommunityInput {
  dataset: Dataset;
  ids: readonly string[];
  community: Float64Array;
  communities: number;
  directed: boolean;
  /** The analysed ties as indices into `ids`. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
}

export function communitySummaries({ dataset, ids, community, communities, directed, edgeSource, edgeTarget }: CommunityInput): CommunitySummary[] {
  const people = new Map(dataset.people.map((p) => [p.id, p]));
  const attributesOf = (id: string): Attributes => people.get(id)?.attributes ?? {};
  const members: string[][] = Array.from({ length: communities }, () => []);
  ids.forEach((id, i) => members[community[i]!]!.push(id));
  const internal = new Array<number>(communities).fill(0);
  const external = new Array<number>(communities).fill(0);
  for (let e = 0; e < edgeSource.length; e++) {
    const cs = community[edgeSource[e]!]!;
    const ct = community[edgeTarget[e]!]!;
    if (cs === ct) internal[cs]!++;
    else {
      external[cs]!++;
      external[ct]!++;
    }
  }
  const categorical = categoricalAttributes(dataset.people);
  return members.map((group, id) => {
    const size = group.length;
    const pairs = directed ? size * (size - 1) : (size * (size - 1)) / 2;
    return {
      id,
      size,
      members: group,
      density: pairs > 0 ? internal[id]! / pairs : 0,
      internalEdges: internal[id]!,
      externalEdges: external[id]!,
      topAttributes: topAttributeValues(group, attributesOf, categorical),
    };
  });
}
