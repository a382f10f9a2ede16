/**
 * Weighing the candidates for an ambiguous name with what else the survey says about the
 * respondent. Evidence, each a multiplier on a candidate's prior and each listed as a reason:
 *
 * | evidence                                                        | x    |
 * |-----------------------------------------------------------------|------|
 * | the respondent names this candidate unambiguously elsewhere      | 4    |
 * |   (another question or another wave)                            |      |
 * | the candidate named the respondent                              | 3    |
 * | same organisation (an attribute named organization, company...) | 3    |
 * | contacts in common (named by or naming both), k of them         | 1 + 0.5 min(k, 6) |
 * | same value of another categorical attribute (at most two)       | 1.25 |
 * | how often others name the candidate, d times                    | 1 + 0.03 min(d, 10) |
 *
 * The name score still dominates: a candidate's weight is prior x exp((score - best) / 0.05),
 * so a name that fits 0.05 worse needs 2.7 times the evidence. Weights are normalised into a
 * share p, and a candidate's confidence is nameScore x p: two candidates for "J. Chen" (0.85
 * each) with no evidence get 0.425 each; with the respondent naming one of them elsewhere,
 * 0.68 and 0.17.
 */
import type { Attributes } from '../core/model/records.ts';
import { isCategorical, profileAttributes } from '../core/model/attribute-profile.ts';
import type { ResolutionCandidate } from '../core/model/survey.ts';

export interface SurveyContext {
  /** Unambiguous nominations: respondent -> person -> a text they wrote for them. */
  named: Map<string, Map<string, string>>;
  /** Undirected contacts from unambiguous nominations. */
  contacts: Map<string, Set<string>>;
  /** How many respondents name each person unambiguously. */
  namedBy: Map<string, number>;
  attributes: (person: string) => Attributes | undefined;
  /** Attributes compared for "same organisation". */
  organizationAttributes: string[];
  /** Other categorical attributes compared. */
  categoricalAttributes: string[];
}

export interface ScoredCandidate {
  person: string;
  label: string;
  nameScore: number;
  method: string;
}

const ORGANIZATION = /organi[sz]ation|^org$|company|employer|agency|affiliation|institution/i;

/**
 * Chooses which attributes count as organisation and as categorical, from the people's values
 * (the attribute profile, core/model/attribute-profile.ts): an organisation attribute by its name,
 * with at least 4 people and 2 different organisations; any other categorical attribute under
 * the profile's default rule. Bookkeeping, numbers and lists are never evidence.
 */
export function contextAttributes(people: readonly Attributes[]): { organizationAttributes: string[]; categoricalAttributes: string[] } {
  const organizationAttributes: string[] = [];
  const categoricalAttributes: string[] = [];
  const profiles = profileAttributes(people).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const profile of profiles) {
    if (ORGANIZATION.test(profile.name)) {
      if (!profile.identifier && !profile.numeric && !profile.multiValued && profile.filled >= 4 && profile.distinct >= 2) organizationAttributes.push(profile.name);
    } else if (isCategorical(profile)) categoricalAttributes.push(profile.name);
  }
  return { organizationAttributes, categoricalAttributes };
}

function same(a: Attributes | undefined, b: Attributes | undefined, name: string): boolean {
  const x = a?.[name];
  const y = b?.[name];
  return typeof x === 'string' && typeof y === 'string' && x.trim() !== '' && x.trim().toLowerCase() === y.trim().toLowerCase();
}

/** Candidates with a confidence each (best first) for a name written by `respondent`. */
export function weighCandidates(respondent: string, candidates: readonly ScoredCandidate[], context: SurveyContext): ResolutionCandidate[] {
  if (candidates.length === 0) return [];
  const best = Math.max(...candidates.map((c) => c.nameScore));
  const mine = context.named.get(respondent);
  const myContacts = context.contacts.get(respondent) ?? new Set<string>();
  const myAttributes = context.attributes(respondent);
  const weighed = candidates.map((candidate) => {
    const reasons: string[] = [candidate.method];
    let prior = 1;
    const elsewhere = mine?.get(candidate.person);
    if (elsewhere !== undefined) {
      prior *= 4;
      reasons.push(`the respondent also names them as "${elsewhere}"`);
    }
    if (context.named.get(candidate.person)?.has(respondent) === true) {
      prior *= 3;
      reasons.push('they named the respondent');
    }
    const theirs = context.contacts.get(candidate.person);
    if (theirs !== undefined) {
      let shared = 0;
      for (const contact of theirs) if (contact !== respondent && contact !== candidate.person && myContacts.has(contact)) shared++;
      if (shared > 0) {
        prior *= 1 + 0.5 * Math.min(shared, 6);
        reasons.push(`${shared} contact${shared === 1 ? '' : 's'} in common`);
      }
    }
    const theirAttributes = context.attributes(candidate.person);
    for (const name of context.organizationAttributes) {
      if (same(myAttributes, theirAttributes, name)) {
        prior *= 3;
        reasons.push(`same ${name}`);
        break;
      }
    }
    let categorical = 0;
    for (const name of context.categoricalAttributes) {
      if (categorical < 2 && same(myAttributes, theirAttributes, name)) {
        prior *= 1.25;
        categorical++;
        reasons.push(`same ${name}`);
      }
    }
    const popularity = context.namedBy.get(candidate.person) ?? 0;
    prior *= 1 + 0.03 * Math.min(popularity, 10);
    return { candidate, reasons, weight: prior * Math.exp((candidate.nameScore - best) / 0.05) };
  });
  const total = weighed.reduce((sum, w) => sum + w.weight, 0);
  return weighed
    .map((w) => ({
      person: w.candidate.person,
      label: w.candidate.label,
      nameScore: round(w.candidate.nameScore),
      confidence: round(w.candidate.nameScore * (w.weight / total)),
      reasons: w.reasons,
    }))
    .sort((a, b) => b.confidence - a.confidence || (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
