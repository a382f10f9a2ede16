/**
 * The participants in the network: each found by id, else by email or name (the survey's name
 * matching), their contacts (distinct people tied to them in the chosen relations, anywhere in
 * the network) and the pairs of participants already tied. Participants not found are said, in
 * one warning, to be placed by their attributes only.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { lookupPeople, type NamedCell, type PersonLookup, type PersonLookupOptions } from '../../people/person-lookup.ts';
import type { CirclesOptions, Participant } from './model.ts';

/** A pair of participants as one number, the smaller index first. */
export function pairKey(n: number, a: number, b: number): number {
  return a < b ? a * n + b : b * n + a;
}

/** lookupPeople, skipped when there is nothing to look up (it indexes every known person first). */
export function lookupSome(cells: NamedCell[], options: PersonLookupOptions): Pick<PersonLookup, 'entries' | 'issues'> {
  return cells.length === 0 ? { entries: [], issues: [] } : lookupPeople(cells, options);
}

export interface NetworkView {
  inNetwork: Uint8Array;
  contacts: Int32Array;
  tied: Set<number>;
  relations: string[];
}

/** Participants found in the network (id, email, then name), their contacts and the pairs already tied. */
export function viewNetwork(participants: readonly Participant[], network: Dataset | undefined, options: CirclesOptions, issues: InputIssue[]): NetworkView {
  const n = participants.length;
  const view: NetworkView = { inNetwork: new Uint8Array(n), contacts: new Int32Array(n).fill(-1), tied: new Set(), relations: [] };
  if (network === undefined) return view;
  const layers = [...new Set([...network.relations.map((r) => r.name), ...network.ties.map((t) => t.relation)])];
  const chosen = options.relations ?? layers;
  for (const name of chosen) {
    if (!layers.includes(name)) issues.push({ level: 'warning', code: 'unknown-relation', message: `the network has no relation "${name}" (it has ${layers.map((l) => `"${l}"`).join(', ') || 'none'}); it adds no ties`, field: name });
  }
  view.relations = chosen.filter((r) => layers.includes(r));
  const inChosen = new Set(view.relations);
  const networkIds = new Set(network.people.map((p) => p.id));
  const lookup = lookupSome(
    participants.map((p, i) => ({ text: p.email ?? p.label, file: p.file ?? 'participants', row: p.row ?? i + 2, field: 'name' })).filter((_, i) => !networkIds.has(participants[i]!.id)),
    { people: network.people, unknownNames: 'leave', question: 'circles', what: 'network' },
  );
  let at = 0;
  const personOf = new Map<string, number>();
  participants.forEach((p, i) => {
    const id = networkIds.has(p.id) ? p.id : lookup.entries[at++]?.person ?? null;
    if (id !== null && !personOf.has(id)) personOf.set(id, i);
  });
  for (const issue of lookup.issues) if (issue.code !== 'unmatched-name') issues.push(issue);
  const neighbours = new Map<string, Set<string>>();
  const touch = (a: string, b: string): void => {
    const set = neighbours.get(a) ?? new Set<string>();
    set.add(b);
    neighbours.set(a, set);
  };
  for (const tie of network.ties) {
    if (!inChosen.has(tie.relation) || tie.source === tie.target) continue;
    touch(tie.source, tie.target);
    touch(tie.target, tie.source);
    const a = personOf.get(tie.source);
    const b = personOf.get(tie.target);
    if (a !== undefined && b !== undefined && a !== b) view.tied.add(pairKey(n, a, b));
  }
  for (const [id, i] of personOf) {
    view.inNetwork[i] = 1;
    view.contacts[i] = neighbours.get(id)?.size ?? 0;
  }
  const missing = participants.filter((_, i) => view.inNetwork[i] === 0);
  if (missing.length > 0) {
    issues.push({
      level: 'warning',
      code: 'not-in-network',
      message: `${missing.length} of ${n} participants are not in the network (${missing.slice(0, 5).map((p) => JSON.stringify(p.label)).join(', ')}${missing.length > 5 ? ', ...' : ''}); they are kept and placed by their attributes only, and every pair with them counts as new`,
    });
  }
  return view;
}
