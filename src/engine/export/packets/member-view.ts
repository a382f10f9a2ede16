/**
 * Everything the packets read about the people, gathered once from the shared dataset and its
 * analysis so each page is a few lookups: who may be named, each person's ties (from the analysed
 * graph, so the circle is the network the figures describe), the groups, and the insight flags.
 */
import type { Person } from '../../core/model/records.ts';
import { attributeValues } from '../../core/model/attribute-values.ts';
import { UNNAMED_LABEL } from '../../features/sharing/consent.ts';
import type { PacketInput } from './packet-options.ts';

/** One person in someone's circle: their index, the relations of their ties, and which way. */
export interface Neighbour {
  other: number;
  /** Bit r: relation `relationNames[r]`. */
  relations: number;
  /** Directed networks: the relations in which this person named them, and they this person (0 on undirected ones). */
  outRelations: number;
  inRelations: number;
}

export interface MemberView {
  ids: readonly string[];
  indexOf: ReadonlyMap<string, number>;
  /** The name a page may show: the label of a named person, "a member" for anyone else. */
  shownLabel: readonly string[];
  named: Uint8Array;
  people: ReadonlyMap<string, Person>;
  directed: boolean;
  relationNames: readonly string[];
  neighbours: Neighbour[][];
  /** Each person's group (-1: not known) and each group's name in a sentence. */
  group: Int32Array;
  groupNames: string[];
  /** The attribute the groups come from, or null for the groups found in the network. */
  groupedBy: string | null;
  inCore: Uint8Array;
  peripheral: Uint8Array;
  nonRespondent: Uint8Array;
  broker: Uint8Array;
  soleLink: Uint8Array;
  /** People who would lose every link to the rest if this person left. */
  cutOff: Int32Array;
  /** Share of the others within two steps (NaN when not computed). */
  reach2: ArrayLike<number> | null;
  eventsAttended: ArrayLike<number> | null;
}

/** "Group 3 · mostly Philanthropy, Downtown" reads in a sentence as "Group 3 (mostly Philanthropy, Downtown)". */
export function groupInSentence(summaryName: string): string {
  const at = summaryName.indexOf(' · ');
  return at < 0 ? summaryName : `${summaryName.slice(0, at)} (${summaryName.slice(at + 3)})`;
}

function groups(input: PacketInput, ids: readonly string[], people: ReadonlyMap<string, Person>): Pick<MemberView, 'group' | 'groupNames' | 'groupedBy'> {
  const { result } = input;
  const attribute = result.insights?.settings.groupBy ?? null;
  if (attribute !== null) {
    const names: string[] = [];
    const index = new Map<string, number>();
    const group = Int32Array.from(ids, (id) => {
      const value = attributeValues(people.get(id)?.attributes[attribute])[0];
      if (value === undefined) return -1;
      if (!index.has(value)) index.set(value, names.push(value) - 1);
      return index.get(value)!;
    });
    return { group, groupNames: names, groupedBy: attribute };
  }
  // Communities are numbered from 1 in the table; here they index arrays, from 0.
  const community = result.table.columns.community;
  const groupNames: string[] = [];
  for (const summary of result.communities) groupNames[summary.id - 1] = groupInSentence(summary.name);
  const group = Int32Array.from(ids, (_, v) => (Number.isFinite(community[v]!) ? community[v]! - 1 : -1));
  let count = groupNames.length;
  for (const g of group) count = Math.max(count, g + 1);
  for (let g = 0; g < count; g++) groupNames[g] ??= `Group ${g + 1}`;
  return { group, groupNames, groupedBy: null };
}

function neighbourLists(input: PacketInput, n: number): Neighbour[][] {
  const { result } = input;
  const directed = result.settings.directed;
  const lists: Array<Map<number, Neighbour>> = Array.from({ length: n }, () => new Map());
  const add = (v: number, u: number, bits: number, out: boolean): void => {
    const had = lists[v]!.get(u) ?? { other: u, relations: 0, outRelations: 0, inRelations: 0 };
    had.relations |= bits;
    if (directed) {
      if (out) had.outRelations |= bits;
      else had.inRelations |= bits;
    }
    lists[v]!.set(u, had);
  };
  for (let e = 0; e < result.edgeSource.length; e++) {
    const s = result.edgeSource[e]!;
    const t = result.edgeTarget[e]!;
    if (s === t) continue;
    add(s, t, result.edgeRelations[e]!, true);
    add(t, s, result.edgeRelations[e]!, false);
  }
  return lists.map((m) => [...m.values()]);
}

function flags(ids: readonly string[], indexOf: ReadonlyMap<string, number>, chosen: Iterable<string>): Uint8Array {
  const out = new Uint8Array(ids.length);
  for (const id of chosen) {
    const v = indexOf.get(id);
    if (v !== undefined) out[v] = 1;
  }
  return out;
}

export function memberView(input: PacketInput): MemberView {
  const { dataset, result } = input;
  const ids = result.table.ids;
  const n = ids.length;
  const indexOf = new Map(ids.map((id, v) => [id, v]));
  const people = new Map(dataset.people.map((p) => [p.id, p]));
  const unnamed = input.unnamed ?? new Set<string>();
  // Not named: said so, or written "a member" already (consentedDataset's unnamed people).
  const named = Uint8Array.from(ids, (id) => {
    const label = people.get(id)?.label ?? '';
    return unnamed.has(id) || label.trim() === '' || label === UNNAMED_LABEL ? 0 : 1;
  });
  const shownLabel = ids.map((id, v) => (named[v] ? people.get(id)!.label : UNNAMED_LABEL));
  const insights = result.insights;
  const cutOff = new Int32Array(n);
  for (const point of insights?.cutPoints.articulationPoints ?? []) {
    const v = indexOf.get(point.id);
    if (v !== undefined) cutOff[v] = point.cutOff;
  }
  const columns = result.table.columns;
  return {
    ids,
    indexOf,
    shownLabel,
    named,
    people,
    directed: result.settings.directed,
    relationNames: result.relationNames,
    neighbours: neighbourLists(input, n),
    ...groups(input, ids, people),
    inCore: flags(ids, indexOf, insights?.corePeriphery.partition.core ?? []),
    // The column flags everyone at the edge; the periphery list may be cut short.
    peripheral: columns.peripheral ? Uint8Array.from(columns.peripheral, (x) => (x === 1 ? 1 : 0)) : flags(ids, indexOf, (insights?.periphery ?? []).map((p) => p.id)),
    nonRespondent: Uint8Array.from(ids, (id) => (people.get(id)?.attributes.responded === false ? 1 : 0)),
    broker: flags(ids, indexOf, (insights?.brokers ?? []).map((b) => b.id)),
    soleLink: flags(ids, indexOf, (insights?.cutPoints.soleCommunityLinks ?? []).flatMap((l) => [l.source, l.target])),
    cutOff,
    reach2: columns.reach2 ?? null,
    eventsAttended: columns.eventsAttended ?? null,
  };
}
