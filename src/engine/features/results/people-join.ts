/**
 * A result's cohort (the people aligned to it) in the people network: which sectors they come
 * from, how they are tied to each other (density of the ties among them, separate parts, the
 * members whose leaving would split a part, and people outside the cohort who link two of its
 * parts), and the introductions that would bring the partners with a role in: a partner not in
 * the cohort, or in it but tied to no one else in it.
 *
 * Ties are read undirected (any direction, in the chosen relations), as for every "are they
 * connected" question in netweave. Articulation points are Hopcroft & Tarjan's, through
 * algorithms/brokerage/cut-points.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import { csrFromEdgeArrays } from '../../core/graph/csr.ts';
import { contactsOf } from '../../algorithms/brokerage/contacts.ts';
import { cutPoints } from '../../algorithms/brokerage/cut-points.ts';
import { suggestionId, type SuggestionEntry } from '../weaving/suggestions.ts';
import { attributeValues, findAttribute } from './attributes.ts';

export const SECTOR_ATTRIBUTES = ['sector', 'sectors', 'industry', 'field', 'organization type', 'organisation type', 'type of organization', 'type of organisation'] as const;

/** An introduction that brings a partner with a role to a result's cohort: a weaving suggestion of its own kind. */
export type ResultIntroduction = Omit<SuggestionEntry, 'kind'> & {
  kind: 'result-partner';
  /** The result that is the reason for it. */
  result: string;
  /** The partner (a map actor's id) it brings in. */
  partner: string;
};

export interface SectorMix {
  /** The people attribute read, null when the people have none. */
  attribute: string | null;
  /** People per sector, most first. */
  counts: Array<{ sector: string; people: number }>;
  /** Cohort members with no sector given. */
  unknown: number;
  multiSector: boolean;
}

export interface Connectedness {
  /** Cohort members found in the network. */
  people: number;
  /** Pairs of cohort members with a tie. */
  ties: number;
  /** Ties among them over all pairs, 0..1; null below two people. */
  density: number | null;
  /** Sizes of the separate parts the cohort falls into, largest first (a lone member is a part). */
  parts: number[];
  /** Members whose leaving would split their part, with how many would be cut off. */
  holdTogether: Array<{ id: string; label: string; cutOff: number }>;
  /** People outside the cohort tied to two or more of its parts: who could bridge them. */
  bridges: Array<{ id: string; label: string; parts: number }>;
}

/** Undirected neighbour sets of the network in the chosen relations, self-ties left out. */
export function neighbourSets(people: Dataset, relations?: readonly string[]): Map<string, Set<string>> {
  const chosen = relations === undefined ? null : new Set(relations);
  const out = new Map<string, Set<string>>(people.people.map((p) => [p.id, new Set<string>()]));
  for (const tie of people.ties) {
    if (tie.source === tie.target || (chosen !== null && !chosen.has(tie.relation))) continue;
    out.get(tie.source)?.add(tie.target);
    out.get(tie.target)?.add(tie.source);
  }
  return out;
}

/** The cohort's sectors. */
export function sectorMix(people: Dataset, cohort: readonly string[], options: { sectorAttribute?: string | undefined; multiSectorMin: number }): SectorMix {
  const attribute = findAttribute(people.people, options.sectorAttribute, SECTOR_ATTRIBUTES);
  const byId = new Map(people.people.map((p) => [p.id, p]));
  const counts = new Map<string, number>();
  let unknown = 0;
  for (const id of cohort) {
    const values = attribute === null ? [] : attributeValues(byId.get(id)?.attributes[attribute]);
    if (values.length === 0) unknown++;
    for (const v of new Set(values)) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const list = [...counts].map(([sector, n]) => ({ sector, people: n })).sort((a, b) => b.people - a.people || (a.sector < b.sector ? -1 : 1));
  return { attribute, counts: list, unknown, multiSector: list.length >= options.multiSectorMin };
}

/** How the cohort is tied together. */
export function connectedness(people: Dataset, cohort: readonly string[], neighbours: Map<string, Set<string>>): Connectedness {
  const ids = cohort.filter((id) => neighbours.has(id));
  const index = new Map(ids.map((id, i) => [id, i]));
  const labelOf = new Map(people.people.map((p) => [p.id, p.label]));
  const s: number[] = [];
  const t: number[] = [];
  ids.forEach((id, i) => {
    for (const other of neighbours.get(id)!) {
      const j = index.get(other);
      if (j !== undefined && i < j) {
        s.push(i);
        t.push(j);
      }
    }
  });
  const n = ids.length;
  const contacts = contactsOf(csrFromEdgeArrays(ids, Int32Array.from(s), Int32Array.from(t), new Float64Array(s.length).fill(1), false));
  const cuts = cutPoints(contacts);
  // Parts by a breadth-first pass over the cohort's own ties.
  const part = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  for (let root = 0; root < n; root++) {
    if (part[root] !== -1) continue;
    part[root] = sizes.length;
    const queue = [root];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      for (let k = contacts.offsets[v]!; k < contacts.offsets[v + 1]!; k++) {
        const w = contacts.targets[k]!;
        if (part[w] === -1) {
          part[w] = sizes.length;
          queue.push(w);
        }
      }
    }
    sizes.push(queue.length);
  }
  const holdTogether = ids
    .map((id, i) => ({ id, label: labelOf.get(id) ?? id, cutOff: cuts.cutOff[i]! }))
    .filter((_, i) => cuts.isArticulation[i] === 1)
    .sort((a, b) => b.cutOff - a.cutOff || (a.id < b.id ? -1 : 1));
  const bridges: Connectedness['bridges'] = [];
  if (sizes.length > 1) {
    for (const [id, set] of neighbours) {
      if (index.has(id)) continue;
      const touched = new Set<number>();
      for (const other of set) {
        const j = index.get(other);
        if (j !== undefined) touched.add(part[j]!);
      }
      if (touched.size >= 2) bridges.push({ id, label: labelOf.get(id) ?? id, parts: touched.size });
    }
    bridges.sort((a, b) => b.parts - a.parts || (a.id < b.id ? -1 : 1));
  }
  return {
    people: n,
    ties: s.length,
    density: n < 2 ? null : s.length / ((n * (n - 1)) / 2),
    parts: [...sizes].sort((a, b) => b - a),
    holdTogether,
    bridges: bridges.slice(0, 10),
  };
}

/** A partner with a role, as the introductions need it. */
export interface PartnerForIntroduction {
  id: string;
  label: string;
  factorLabels: string[];
  /** The fewest links from its factors to the result's indicator factor. */
  steps: number;
  people: string[];
  inCohort: boolean;
}

/**
 * Introductions for the partners not in the cohort, or in it but tied to no one else in it:
 * the partner's best-connected member and a cohort member acting on one of the partner's
 * factors (else the best-connected one), or, for a partner who already knows someone in the
 * cohort but is not in it, that someone (an invitation through a tie that exists). Score: 0.9
 * for a partner neither in the cohort nor tied to it, 0.75 in it but untied, 0.6 tied but not
 * in it, less 0.05 per link between the partner's factor and the indicator's.
 */
export function partnerIntroductions(
  result: { id: string; label: string },
  partners: readonly PartnerForIntroduction[],
  cohort: ReadonlySet<string>,
  actingOn: ReadonlyMap<string, ReadonlySet<string>>,
  people: Dataset,
  neighbours: Map<string, Set<string>>,
): ResultIntroduction[] {
  const labelOf = new Map(people.people.map((p) => [p.id, p.label]));
  const degree = (id: string): number => neighbours.get(id)?.size ?? 0;
  const best = (ids: Iterable<string>): string | undefined => [...ids].sort((a, b) => degree(b) - degree(a) || (a < b ? -1 : 1))[0];
  const out: ResultIntroduction[] = [];
  const seen = new Set<string>();
  for (const partner of partners) {
    const own = new Set(partner.people);
    const others = [...cohort].filter((c) => !own.has(c));
    if (others.length === 0) continue;
    const members = partner.people.filter((p) => neighbours.has(p));
    if (members.length === 0) continue;
    const tiedTo = others.filter((c) => members.some((m) => neighbours.get(m)!.has(c)));
    if (partner.inCohort && tiedTo.length > 0) continue;
    const target = partner.inCohort ? best(members.filter((m) => cohort.has(m))) ?? best(members)! : best(members.filter((m) => !cohort.has(m))) ?? best(members)!;
    const sameFactor = others.filter((c) => partner.factorLabels.some((f) => actingOn.get(c)?.has(f) === true));
    const source = tiedTo.length > 0 ? best(tiedTo)! : best(sameFactor) ?? best(others)!;
    const id = suggestionId(source, target);
    if (seen.has(id)) continue;
    seen.add(id);
    const works = partner.factorLabels.length === 1 ? partner.factorLabels[0]! : `${partner.factorLabels.slice(0, -1).join(', ')} and ${partner.factorLabels.at(-1)}`;
    const base = tiedTo.length > 0 ? 0.6 : partner.inCohort ? 0.75 : 0.9;
    const sLabel = labelOf.get(source) ?? source;
    const tLabel = labelOf.get(target) ?? target;
    const actsOn = [...(actingOn.get(source) ?? [])];
    const sourceWords = actsOn.length > 0 ? `${sLabel}, who acts on ${actsOn[0]}` : sLabel;
    const reason =
      tiedTo.length > 0
        ? `${partner.label} works on ${works}, upstream of "${result.label}", but has no action aligned to it; ${sLabel} already knows ${tLabel}: invite them in.`
        : partner.inCohort
          ? `${partner.label} acts on "${result.label}" (it works on ${works}) but no one there is tied to anyone else acting on it; introduce ${tLabel} to ${sourceWords}.`
          : `${partner.label} works on ${works}, upstream of "${result.label}", and no one there is tied to anyone acting on it; introduce ${tLabel} to ${sourceWords}.`;
    out.push({
      id,
      kind: 'result-partner',
      result: result.id,
      partner: partner.id,
      source,
      target,
      sourceLabel: sLabel,
      targetLabel: tLabel,
      score: Math.max(0, base - 0.05 * partner.steps),
      reason,
      shared: partner.factorLabels.filter((f) => actingOn.get(source)?.has(f) === true),
      via: [],
    });
  }
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
