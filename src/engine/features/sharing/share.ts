/**
 * A project's dataset as its sharing settings allow (`project.sharing`): each member's consent
 * (the column, overridden by the choices made per person) applied first, the people who are out
 * left out before anything is computed and the unnamed written as "a member"; then, when asked,
 * every person turned into a code with the key apart. The same steps as the command line's
 * `--consent` and `--pseudonymise`; the app analyses what this returns (in its worker) and
 * writes every export from that.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { Person } from '../../core/model/records.ts';
import type { SharingSettings } from '../../core/model/project.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { CONSENT_WORDS, consentedDataset, projectConsent, type Consent } from './consent.ts';
import { pseudonymise } from './pseudonymise.ts';

export interface ConsentCounts {
  named: number;
  unnamed: number;
  out: number;
  /** People whose column value was not understood or empty, read as not named (none chose otherwise). */
  unclear: number;
  /** People whose choice, made in the app, differs from what the column says. */
  overridden: number;
  issues: InputIssue[];
}

/** How many people are named, counted but not named and left out, and how many answers were not understood. */
export function consentCounts(people: readonly Person[], sharing: Pick<SharingSettings, 'consentColumn' | 'consent'>): ConsentCounts {
  const { byPerson, issues } = projectConsent(people, sharing);
  const counts: ConsentCounts = { named: 0, unnamed: 0, out: 0, unclear: 0, overridden: 0, issues };
  for (const person of people) {
    counts[byPerson.get(person.id) ?? 'named']++;
    const column = columnConsent(person, sharing.consentColumn);
    if (Object.hasOwn(sharing.consent, person.id)) {
      if (column !== null && column.consent !== sharing.consent[person.id]) counts.overridden++;
    } else if (column !== null && !column.understood) counts.unclear++;
  }
  return counts;
}

/**
 * What the consent column says of one person: their consent, and whether the value was
 * understood (an unknown or empty value reads as not named); null with no column.
 */
export function columnConsent(person: Person, column: string): { consent: Consent; value: string; understood: boolean } | null {
  if (column === '') return null;
  const raw = Object.hasOwn(person.attributes, column) ? person.attributes[column] : undefined;
  const value = raw === undefined || raw === null ? '' : Array.isArray(raw) ? raw.join(' ') : String(raw);
  const key = value.trim().toLowerCase();
  const word = Object.hasOwn(CONSENT_WORDS, key) ? CONSENT_WORDS[key] : undefined;
  return { consent: word ?? 'unnamed', value, understood: word !== undefined };
}

/** Whether sharing changes anything: someone out or not named, or people written as codes. */
export function sharingRestricts(people: readonly Person[], sharing: SharingSettings): boolean {
  if (sharing.pseudonymise) return true;
  const { byPerson } = projectConsent(people, sharing);
  for (const consent of byPerson.values()) if (consent !== 'named') return true;
  return false;
}

export interface SharedDataset {
  dataset: Dataset;
  /** The key linking codes to ids and names (CSV), when pseudonymised: a separate file to keep. */
  keyCsv: string | null;
  named: number;
  unnamed: number;
  leftOut: number;
  /** Each person kept and the id they have in the shared dataset (people left out are not in it). */
  ids: Map<string, string>;
}

/** The dataset as it may be shared, by the project's sharing settings. Never throws. */
export function shareDataset(dataset: Dataset, sharing: SharingSettings): SharedDataset {
  const { byPerson } = projectConsent(dataset.people, sharing);
  const secret = sharing.codeSecret === '' ? {} : { secret: sharing.codeSecret };
  const consented = consentedDataset(dataset, byPerson, secret);
  const ids = new Map<string, string>();
  for (const person of dataset.people) if (byPerson.get(person.id) !== 'out') ids.set(person.id, consented.codes.get(person.id) ?? person.id);
  const named = consented.dataset.people.length - consented.unnamed;
  if (!sharing.pseudonymise) return { dataset: consented.dataset, keyCsv: null, named, unnamed: consented.unnamed, leftOut: consented.leftOut, ids };
  const coded = pseudonymise(consented.dataset, { keep: sharing.keepAttributes, ...secret });
  for (const [id, shared] of ids) ids.set(id, coded.codes.get(shared) ?? shared);
  return { dataset: coded.dataset, keyCsv: coded.keyCsv, named, unnamed: consented.unnamed, leftOut: consented.leftOut, ids };
}

/** Whether a file's text starts as a netweave key does (`code,id,name`, as pseudonymise writes it). */
export function looksLikeKey(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"|"$/g, '').toLowerCase()).join(',') === 'code,id,name';
}
