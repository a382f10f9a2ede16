/**
 * The groups (Louvain communities) of an analysis, each with its number, a name a person can
 * read ("Group 3 · mostly Philanthropy, Downtown"), its size, density, ties inside and out, and
 * the most common values of the attributes that describe groups.
 *
 * Groups are numbered from 1, the largest first, as the result's `community` column numbers
 * them: the app, the people CSV and the report all show the same number.
 */
import type { Dataset } from '../core/model/dataset.ts';
import type { Attributes } from '../core/model/records.ts';
import { attributeValues } from '../core/model/attribute-values.ts';
import { CONSENT_COLUMN_NAME, CONSENT_WORDS } from '../features/sharing/consent.ts';

export interface AttributeCount {
  value: string;
  count: number;
}

export interface CommunitySummary {
  /** The group's number, from 1 (the largest), as in the result's `community` column. */
  id: number;
  /**
   * "Group 3 · mostly Philanthropy, Downtown": the number and the top values of the one or two
   * attributes most of the group shares (see `groupName`); just "Group 3" when none does.
   */
  name: string;
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
  const holders = new Map<string, number>();
  const numeric = new Set<string>();
  for (const person of people) {
    for (const [key, value] of Object.entries(person.attributes)) {
      if (typeof value === 'number') numeric.add(key);
      const set = distinct.get(key) ?? new Set<string>();
      for (const v of attributeValues(value)) set.add(v);
      distinct.set(key, set);
      holders.set(key, (holders.get(key) ?? 0) + 1);
    }
  }
  const result = new Set<string>();
  for (const [key, set] of distinct) {
    // Counted against those who hold it: an email only some people gave is still one per person
    // (a shared dataset keeps the emails of the named only), never a category.
    const limit = Math.max(2, Math.min(people.length, holders.get(key) ?? 0) / 2);
    if (!numeric.has(key) && set.size > 0 && set.size <= limit) result.add(key);
  }
  return result;
}

/** Share of a group that must hold an attribute's top value for the name to say "mostly". */
export const NAME_MAJORITY = 0.6;
/** Groups smaller than this are named by their number only (one or two people are not "mostly"). */
export const NAME_MIN_SIZE = 3;

/** What a group's name says about it: an attribute, its top value, and the share holding it. */
export interface GroupTrait {
  attribute: string;
  value: string;
  share: number;
}

/** "Group 3", the number alone. */
export function groupNumberLabel(id: number): string {
  return `Group ${id}`;
}

/**
 * The one or two attributes whose most common value covers a clear majority of the group
 * (at least NAME_MAJORITY of its members), the largest share first; ties keep the order of
 * `attributes`. Only `describing` attributes count (see `describingAttributes`), and a value
 * already said is not said twice.
 */
export function groupTraits(
  size: number,
  topAttributes: Record<string, AttributeCount[]>,
  describing: ReadonlySet<string>,
): GroupTrait[] {
  if (size < NAME_MIN_SIZE) return [];
  const candidates: GroupTrait[] = [];
  for (const [attribute, values] of Object.entries(topAttributes)) {
    const top = values[0];
    if (!describing.has(attribute) || !top) continue;
    const share = top.count / size;
    if (share >= NAME_MAJORITY) candidates.push({ attribute, value: top.value, share });
  }
  candidates.sort((a, b) => b.share - a.share);
  const traits: GroupTrait[] = [];
  for (const trait of candidates) {
    if (traits.some((t) => t.value.toLowerCase() === trait.value.toLowerCase())) continue;
    traits.push(trait);
    if (traits.length === 2) break;
  }
  return traits;
}

/** "Group 3 · mostly Philanthropy, Downtown", or "Group 3" when no trait describes the group. */
export function groupName(id: number, traits: readonly GroupTrait[]): string {
  const label = groupNumberLabel(id);
  return traits.length === 0 ? label : `${label} · mostly ${traits.map((t) => t.value).join(', ')}`;
}

const YES_NO = new Set(['true', 'false', 'yes', 'no', 'y', 'n', '0', '1']);

/**
 * The categorical attributes that can name a group: one value per person (a list such as skills
 * says what people do, not who the group is: "mostly facilitation" would mislead) and not a
 * yes/no flag (such as `responded`) or a consent (yes, unnamed, no).
 */
export function describingAttributes(people: Dataset['people'], categorical: ReadonlySet<string>): Set<string> {
  const lists = new Set<string>();
  const values = new Map<string, Set<string>>();
  for (const person of people) {
    for (const [key, value] of Object.entries(person.attributes)) {
      if (!categorical.has(key)) continue;
      const all = attributeValues(value);
      if (all.length > 1) lists.add(key);
      const set = values.get(key) ?? new Set<string>();
      for (const v of all) set.add(v.trim().toLowerCase());
      values.set(key, set);
    }
  }
  const result = new Set<string>();
  for (const key of categorical) {
    const set = values.get(key);
    if (lists.has(key) || !set || set.size === 0) continue;
    // A consent column (yes, unnamed, no...) says what someone agreed to, not who the group is:
    // known by its words, or by its name when some answers are words netweave does not know.
    if ([...set].every((v) => YES_NO.has(v) || Object.hasOwn(CONSENT_WORDS, v)) || CONSENT_COLUMN_NAME.test(key)) continue;
    result.add(key);
  }
  return result;
}

export interface CommunityInput {
  dataset: Dataset;
  ids: readonly string[];
  /** Each person's group, numbered from 1 (the result's `community` column). */
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
  ids.forEach((id, i) => members[community[i]! - 1]!.push(id));
  const internal = new Array<number>(communities).fill(0);
  const external = new Array<number>(communities).fill(0);
  for (let e = 0; e < edgeSource.length; e++) {
    const cs = community[edgeSource[e]!]! - 1;
    const ct = community[edgeTarget[e]!]! - 1;
    if (cs === ct) internal[cs]!++;
    else {
      external[cs]!++;
      external[ct]!++;
    }
  }
  const categorical = categoricalAttributes(dataset.people);
  const describing = describingAttributes(dataset.people, categorical);
  return members.map((group, index) => {
    const id = index + 1;
    const size = group.length;
    const pairs = directed ? size * (size - 1) : (size * (size - 1)) / 2;
    const topAttributes = topAttributeValues(group, attributesOf, categorical);
    return {
      id,
      name: groupName(id, groupTraits(size, topAttributes, describing)),
      size,
      members: group,
      density: pairs > 0 ? internal[index]! / pairs : 0,
      internalEdges: internal[index]!,
      externalEdges: external[index]!,
      topAttributes,
    };
  });
}
