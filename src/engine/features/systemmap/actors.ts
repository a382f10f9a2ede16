/**
 * The actors overlay: who works on which factor, which factors in many feedback loops no one
 * works on (gaps), and which organisations work on the same factor but have no tie in the
 * people network (introductions to make: this joins the system map to the relationship map).
 *
 * Matching actors to the people network (a netweave Dataset):
 * - an actor whose id or label is a person's id or label (ignoring case and spacing) is that
 *   person;
 * - otherwise the actor is an organisation, and its members are the people whose organisation
 *   attribute (`organizationAttribute`, default: the first of organization, organisation, org,
 *   affiliation, employer, agency, company, institution found on the people) names it.
 * Two actors are tied when any member of one has a tie (any direction, in the chosen relations)
 * to any member of the other, or when they share a member. Actors with no member in the
 * people data cannot be judged and are listed in `unmatchedActors`, never suggested.
 *
 * A gap is a factor with at most `gapMaxActors` actors (default 0: no one) that sits in at least
 * `gapMinLoops` feedback loops (default 1), ranked by loops, then by indirect influence.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { Person } from '../../core/model/records.ts';
import type { FactorLeverage, Quadrant } from './leverage.ts';
import type { LoopSearchResult } from './loops.ts';
import type { SystemMap } from '../../core/model/systemmap.ts';
import { normalizeName } from './assemble.ts';

export interface ActorOverlayOptions {
  /** The people network, for introductions. */
  people?: Dataset;
  /** The people attribute naming each person's organisation. Default: detected (see above). */
  organizationAttribute?: string;
  /** Relation layers that count as a tie. Default: all. */
  relations?: string[];
  /** A factor with at most this many actors can be a gap. Default 0. */
  gapMaxActors?: number;
  /** A gap sits in at least this many loops. Default 1. */
  gapMinLoops?: number;
  /** Most introductions listed (best first). Default 200. */
  maxIntroductions?: number;
  /** People named per side of an introduction (the best connected first). Default 3. */
  peoplePerSide?: number;
}

export interface ActorSummary {
  id: string;
  label: string;
  /** Factor ids it works on, in map order. */
  factors: string[];
  /** How it was found in the people network. */
  matchedAs: 'person' | 'organization' | null;
  /** People ids it stands for in the people network. */
  people: string[];
}

export interface FactorCoverage {
  factor: string;
  label: string;
  /** Actor ids working on it. */
  actors: string[];
}

export interface Gap {
  factor: string;
  label: string;
  actors: number;
  loops: number;
  reinforcingLoops: number;
  balancingLoops: number;
  quadrant?: Quadrant;
  /** Why it is a gap, in plain words. */
  reason: string;
}

export interface Introduction {
  /** The two actor ids (in map order). */
  actors: [string, string];
  labels: [string, string];
  /** Factor ids both work on. */
  factors: string[];
  factorLabels: string[];
  /** Suggested people on each side: the best connected members first. */
  people: [string[], string[]];
  reason: string;
}

export interface ActorOverlay {
  actors: ActorSummary[];
  coverage: FactorCoverage[];
  gaps: Gap[];
  introductions: Introduction[];
  /** Actor ids with no one in the people network (only when people were given). */
  unmatchedActors: string[];
  /** The people attribute used for organisations, if any. */
  organizationAttribute: string | null;
  /** Plain-words remarks: what could not be judged and why. */
  notes: string[];
}

export const ORGANIZATION_ATTRIBUTES = ['organization', 'organisation', 'org', 'affiliation', 'employer', 'agency', 'company', 'institution'] as const;

function detectOrganizationAttribute(people: readonly Person[], chosen: string | undefined): string | null {
  const keys = new Map<string, string>();
  for (const person of people) for (const key of Object.keys(person.attributes)) if (!keys.has(normalizeName(key))) keys.set(normalizeName(key), key);
  if (chosen !== undefined) return keys.get(normalizeName(chosen)) ?? null;
  for (const name of ORGANIZATION_ATTRIBUTES) {
    const key = keys.get(name);
    if (key !== undefined) return key;
  }
  return null;
}

function valuesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value === null || value === undefined || value === '') return [];
  return [String(value)];
}

/** Overlay of actors on the map; `loops` and `leverage` rank the gaps. */
export function actorOverlay(
  map: SystemMap,
  analysis: { loops?: LoopSearchResult; leverage?: readonly FactorLeverage[] } = {},
  options: ActorOverlayOptions = {},
): ActorOverlay {
  const gapMaxActors = options.gapMaxActors ?? 0;
  const gapMinLoops = options.gapMinLoops ?? 1;
  const maxIntroductions = options.maxIntroductions ?? 200;
  const peoplePerSide = options.peoplePerSide ?? 3;
  const notes: string[] = [];
  const factorIndex = new Map(map.factors.map((f, i) => [f.id, i]));
  const actorIndex = new Map(map.actors.map((a, i) => [a.id, i]));
  const byFactor = map.factors.map(() => [] as number[]);
  const byActor = map.actors.map(() => new Set<number>());
  for (const entry of map.worksOn) {
    const f = factorIndex.get(entry.factor);
    const a = actorIndex.get(entry.actor);
    if (f === undefined || a === undefined || byActor[a]!.has(f)) continue;
    byActor[a]!.add(f);
    byFactor[f]!.push(a);
  }
  const coverage: FactorCoverage[] = map.factors.map((factor, i) => ({
    factor: factor.id,
    label: factor.label,
    actors: byFactor[i]!.sort((x, y) => x - y).map((a) => map.actors[a]!.id),
  }));

  // Gaps.
  const leverageById = new Map((analysis.leverage ?? []).map((f) => [f.id, f]));
  const gaps: Gap[] = [];
  if (analysis.loops === undefined) notes.push('Gaps need the feedback loops; none were given, so no gaps are listed.');
  else {
    map.factors.forEach((factor, i) => {
      const count = analysis.loops!.perFactor[factor.id] ?? { loops: 0, reinforcing: 0, balancing: 0 };
      const actors = byFactor[i]!.length;
      if (actors > gapMaxActors || count.loops < gapMinLoops) return;
      const lev = leverageById.get(factor.id);
      const who = actors === 0 ? 'no actor works on it' : `only ${actors} actor${actors === 1 ? '' : 's'} work${actors === 1 ? 's' : ''} on it`;
      const role = lev !== undefined && (lev.quadrant === 'driving' || lev.quadrant === 'linkage') ? `, and it is a ${lev.quadrant} factor` : '';
      gaps.push({
        factor: factor.id,
        label: factor.label,
        actors,
        loops: count.loops,
        reinforcingLoops: count.reinforcing,
        balancingLoops: count.balancing,
        ...(lev !== undefined ? { quadrant: lev.quadrant } : {}),
        reason: `It sits in ${count.loops} feedback loop${count.loops === 1 ? '' : 's'} (${count.reinforcing} reinforcing, ${count.balancing} balancing) but ${who}${role}.`,
      });
    });
    gaps.sort(
      (a, b) =>
        b.loops - a.loops ||
        (leverageById.get(b.factor)?.indirectInfluence ?? 0) - (leverageById.get(a.factor)?.indirectInfluence ?? 0) ||
        (factorIndex.get(a.factor) ?? 0) - (factorIndex.get(b.factor) ?? 0),
    );
  }

  // Matching actors to the people network.
  const people = options.people;
  const members: string[][] = map.actors.map(() => []);
  const matchedAs: Array<'person' | 'organization' | null> = map.actors.map(() => null);
  let organizationAttribute: string | null = null;
  const introductions: Introduction[] = [];
  const unmatchedActors: string[] = [];
  if (people === undefined) {
    notes.push('No people network was given, so no introductions are suggested.');
  } else {
    const personByName = new Map<string, string>();
    for (const person of people.people) {
      personByName.set(normalizeName(person.id), person.id);
      if (!personByName.has(normalizeName(person.label))) personByName.set(normalizeName(person.label), person.id);
    }
    organizationAttribute = detectOrganizationAttribute(people.people, options.organizationAttribute);
    if (options.organizationAttribute !== undefined && organizationAttribute === null) {
      notes.push(`No person has the attribute "${options.organizationAttribute}", so actors were matched to people by name only.`);
    }
    const byOrganization = new Map<string, string[]>();
    if (organizationAttribute !== null) {
      for (const person of people.people) {
        for (const org of valuesOf(person.attributes[organizationAttribute])) {
          const key = normalizeName(org);
          const list = byOrganization.get(key) ?? [];
          list.push(person.id);
          byOrganization.set(key, list);
        }
      }
    }
    map.actors.forEach((actor, a) => {
      const person = personByName.get(normalizeName(actor.id)) ?? personByName.get(normalizeName(actor.label));
      if (person !== undefined) {
        members[a] = [person];
        matchedAs[a] = 'person';
        return;
      }
      const list = byOrganization.get(normalizeName(actor.label)) ?? byOrganization.get(normalizeName(actor.id));
      if (list !== undefined && list.length > 0) {
        members[a] = [...new Set(list)];
        matchedAs[a] = 'organization';
      } else {
        unmatchedActors.push(actor.id);
      }
    });
    if (unmatchedActors.length > 0) {
      notes.push(
        `${unmatchedActors.length} of ${map.actors.length} actors have no one in the people network` +
          `${organizationAttribute !== null ? ` (matched by name or by the "${organizationAttribute}" attribute)` : ' (matched by name; the people have no organisation attribute)'}` +
          ', so introductions for them cannot be judged.',
      );
    }

    // Ties between actors through their members.
    const relations = options.relations === undefined ? undefined : new Set(options.relations);
    const actorsOfPerson = new Map<string, number[]>();
    members.forEach((list, a) => {
      for (const person of list) {
        const owners = actorsOfPerson.get(person) ?? [];
        owners.push(a);
        actorsOfPerson.set(person, owners);
      }
    });
    const tied = new Set<number>();
    const nA = map.actors.length;
    const pairKey = (x: number, y: number): number => (x < y ? x * nA + y : y * nA + x);
    for (const owners of actorsOfPerson.values()) for (const x of owners) for (const y of owners) if (x !== y) tied.add(pairKey(x, y));
    const degree = new Map<string, number>();
    for (const tie of people.ties) {
      if (relations !== undefined && !relations.has(tie.relation)) continue;
      degree.set(tie.source, (degree.get(tie.source) ?? 0) + 1);
      degree.set(tie.target, (degree.get(tie.target) ?? 0) + 1);
      const xs = actorsOfPerson.get(tie.source);
      const ys = actorsOfPerson.get(tie.target);
      if (xs === undefined || ys === undefined) continue;
      for (const x of xs) for (const y of ys) if (x !== y) tied.add(pairKey(x, y));
    }

    // Untied pairs sharing a factor, gathered per pair.
    const shared = new Map<number, number[]>();
    byFactor.forEach((actors, f) => {
      const judged = actors.filter((a) => members[a]!.length > 0);
      for (let i = 0; i < judged.length; i++) {
        for (let j = i + 1; j < judged.length; j++) {
          const key = pairKey(judged[i]!, judged[j]!);
          if (tied.has(key)) continue;
          const list = shared.get(key) ?? [];
          list.push(f);
          shared.set(key, list);
        }
      }
    });
    const loopsOf = (f: number): number => analysis.loops?.perFactor[map.factors[f]!.id]?.loops ?? 0;
    const best = (list: readonly string[]): string[] =>
      [...list].sort((p, q) => (degree.get(q) ?? 0) - (degree.get(p) ?? 0) || (p < q ? -1 : p > q ? 1 : 0)).slice(0, peoplePerSide);
    const candidates = [...shared.entries()].map(([key, factors]) => {
      const x = Math.floor(key / nA);
      const y = key % nA;
      return { x, y, factors: factors.sort((p, q) => p - q), weight: factors.reduce((s, f) => s + loopsOf(f), 0) };
    });
    candidates.sort((p, q) => q.factors.length - p.factors.length || q.weight - p.weight || p.x - q.x || p.y - q.y);
    if (candidates.length > maxIntroductions) {
      notes.push(`${candidates.length} introductions were found; the ${maxIntroductions} sharing the most factors (and loops) are listed.`);
    }
    for (const { x, y, factors } of candidates.slice(0, maxIntroductions)) {
      const ax = map.actors[x]!;
      const ay = map.actors[y]!;
      const labels = factors.map((f) => map.factors[f]!.label);
      introductions.push({
        actors: [ax.id, ay.id],
        labels: [ax.label, ay.label],
        factors: factors.map((f) => map.factors[f]!.id),
        factorLabels: labels,
        people: [best(members[x]!), best(members[y]!)],
        reason: `${ax.label} and ${ay.label} both work on ${labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`}, but no one in one has a tie to anyone in the other.`,
      });
    }
  }

  const actors: ActorSummary[] = map.actors.map((actor, a) => ({
    id: actor.id,
    label: actor.label,
    factors: [...byActor[a]!].sort((x, y) => x - y).map((f) => map.factors[f]!.id),
    matchedAs: matchedAs[a]!,
    people: members[a]!,
  }));
  return { actors, coverage, gaps, introductions, unmatchedActors, organizationAttribute, notes };
}
