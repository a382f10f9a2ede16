/**
 * Each member's wish about being shown, read from an attribute (a survey's or roster's consent
 * column): `named` (also yes, true, 1), `unnamed`, counted but not named (also anonymous), and
 * `out`, left out (also no, false, 0). A value netweave does not know, or no value at all, is
 * read as `unnamed` until fixed and said so: a member who did not say yes is never named.
 * `shareableDataset` removes the people who are out (with their ties, attendance and
 * mentorships) before any figure is computed for sharing; `consentedDataset` writes the people
 * who are not to be named as "a member" with a code for an id.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { AttributeValue, Person } from '../../core/model/records.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { codeOrder, newCodeSecret } from './code-order.ts';

export type Consent = 'named' | 'unnamed' | 'out';

/** The words read as each consent (lower-cased, trimmed). */
export const CONSENT_WORDS: Readonly<Record<string, Consent>> = {
  named: 'named',
  yes: 'named',
  y: 'named',
  true: 'named',
  '1': 'named',
  unnamed: 'unnamed',
  anonymous: 'unnamed',
  out: 'out',
  no: 'out',
  n: 'out',
  false: 'out',
  '0': 'out',
};

/** How a person not to be named is written in lists and exports. */
export const UNNAMED_LABEL = 'a member';

export interface ConsentReading {
  byPerson: Map<string, Consent>;
  counts: Record<Consent, number>;
  /** Warnings: unknown values (listed with who gave them) and people with no value. */
  issues: InputIssue[];
}

function consentOf(value: AttributeValue | undefined): Consent | 'missing' | 'unknown' {
  if (value === undefined || value === null || value === '') return 'missing';
  const word = (Array.isArray(value) ? value.join(' ') : String(value)).trim().toLowerCase();
  if (word === '') return 'missing';
  // Own keys only: a value such as "constructor" is not a consent.
  return Object.hasOwn(CONSENT_WORDS, word) ? CONSENT_WORDS[word]! : 'unknown';
}

function listed(names: readonly string[], most = 5): string {
  const shown = names.slice(0, most).map((n) => `"${n}"`).join(', ');
  return names.length > most ? `${shown} and ${names.length - most} more` : shown;
}

/** Reads every person's consent from `attribute`. Never throws. */
export function readConsent(people: readonly Person[], attribute: string, file = 'consent'): ConsentReading {
  const byPerson = new Map<string, Consent>();
  const counts: Record<Consent, number> = { named: 0, unnamed: 0, out: 0 };
  const unknown = new Map<string, string[]>();
  const missing: string[] = [];
  for (const person of people) {
    const raw = Object.hasOwn(person.attributes, attribute) ? person.attributes[attribute] : undefined;
    const read = consentOf(raw);
    const consent: Consent = read === 'missing' || read === 'unknown' ? 'unnamed' : read;
    if (read === 'missing') missing.push(person.label);
    if (read === 'unknown') {
      const value = String(raw).trim();
      unknown.set(value, [...(unknown.get(value) ?? []), person.label]);
    }
    byPerson.set(person.id, consent);
    counts[consent]++;
  }
  const issues: InputIssue[] = [];
  for (const [value, who] of unknown) {
    issues.push({
      level: 'warning',
      code: 'unknown-consent',
      message: `"${value}" is not a consent netweave knows (named, unnamed or out; also yes/no, true/false, 1/0); ${listed(who)} ${who.length === 1 ? 'is' : 'are'} counted but not named until it is fixed`,
      file,
      field: attribute,
    });
  }
  if (missing.length > 0) {
    issues.push({
      level: 'warning',
      code: 'missing-consent',
      message: `${missing.length} ${missing.length === 1 ? 'person has' : 'people have'} no consent in "${attribute}" (${listed(missing)}); they are counted but not named`,
      file,
      field: attribute,
    });
  }
  return { byPerson, counts, issues };
}

/** The dataset without the people who are out, and everything that names them. */
export function shareableDataset(dataset: Dataset, consent: ReadonlyMap<string, Consent>): { dataset: Dataset; leftOut: number } {
  const out = (id: string): boolean => consent.get(id) === 'out';
  const people = dataset.people.filter((p) => !out(p.id));
  const leftOut = dataset.people.length - people.length;
  if (leftOut === 0) return { dataset, leftOut };
  return {
    dataset: {
      ...dataset,
      people,
      ties: dataset.ties.filter((t) => !out(t.source) && !out(t.target)),
      attendance: dataset.attendance.filter((a) => !out(a.person)),
      mentorships: dataset.mentorships.filter((m) => !out(m.mentor) && !out(m.mentee)),
    },
    leftOut,
  };
}

export interface ConsentedDataset {
  dataset: Dataset;
  /** How many people were left out. */
  leftOut: number;
  /** How many people are counted but not named. */
  unnamed: number;
  /** Each unnamed person's id and the code standing for it (to carry a layout or a selection over). */
  codes: ReadonlyMap<string, string>;
}

/**
 * The dataset as it may be shared: the people who are out left out (with everything naming
 * them), the people not to be named given a code (`member-3`) and the name "a member", keeping
 * only attribute values they share with someone else (a value only they have, an email or a
 * sentence, could name them). Tie attributes and mentorship goals, which can name people (who
 * reported a tie), are left out for everyone. Analyse this dataset and every figure, list and
 * export honours the consent.
 */
export function consentedDataset(dataset: Dataset, consent: ReadonlyMap<string, Consent>, options: { secret?: string } = {}): ConsentedDataset {
  const { dataset: shared, leftOut } = shareableDataset(dataset, consent);
  const taken = new Set(shared.people.map((p) => p.id));
  const codes = new Map<string, string>();
  let next = 0;
  // Numbered in a secret's order, not the roster's: member-1 must not be the first unnamed row.
  const unnamed = shared.people.filter((person) => (consent.get(person.id) ?? 'unnamed') !== 'named').map((p) => p.id);
  for (const id of codeOrder(unnamed, options.secret ?? newCodeSecret())) {
    let code = `member-${++next}`;
    while (taken.has(code)) code = `member-${++next}`;
    codes.set(id, code);
  }
  if (codes.size === 0) return { dataset: shared, leftOut, unnamed: 0, codes };
  // How many people hold each attribute value (each item of a list on its own): a value only one
  // person holds is left out for the unnamed, as it could name them; what others share stays, so
  // they are still counted in what the figures say of skills, sectors or regions.
  const holders = new Map<string, number>();
  const keyOf = (attribute: string, value: unknown): string => `${attribute}\u0000${JSON.stringify(value)}`;
  for (const person of shared.people) {
    for (const [attribute, value] of Object.entries(person.attributes)) {
      for (const item of Array.isArray(value) ? new Set(value) : [value]) holders.set(keyOf(attribute, item), (holders.get(keyOf(attribute, item)) ?? 0) + 1);
    }
  }
  const isShared = (attribute: string, item: unknown): boolean => (holders.get(keyOf(attribute, item)) ?? 0) > 1;
  const id = (value: string): string => codes.get(value) ?? value;
  const named: Person[] = [];
  const coded: Person[] = [];
  for (const person of shared.people) {
    const code = codes.get(person.id);
    if (code === undefined) {
      named.push(person);
      continue;
    }
    const attributes: Person['attributes'] = {};
    for (const [attribute, value] of Object.entries(person.attributes)) {
      if (Array.isArray(value)) {
        const items = value.filter((item) => isShared(attribute, item));
        if (items.length > 0) attributes[attribute] = items as typeof value;
      } else if (isShared(attribute, value)) attributes[attribute] = value;
    }
    coded.push({ id: code, label: UNNAMED_LABEL, attributes });
  }
  // The unnamed come last in code order and the records are sorted, so no position in a file
  // says which roster row or survey answer someone was.
  const number = (code: string): number => Number(code.slice('member-'.length));
  coded.sort((a, b) => number(a.id) - number(b.id));
  const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    dataset: {
      ...shared,
      people: [...named, ...coded],
      ties: shared.ties
        .map(({ attributes: _dropped, ...tie }) => ({ ...tie, source: id(tie.source), target: id(tie.target) }))
        .sort((a, b) => text(a.source, b.source) || text(a.target, b.target) || text(a.relation, b.relation)),
      attendance: shared.attendance.map((a) => ({ ...a, person: id(a.person) })).sort((a, b) => text(a.event, b.event) || text(a.person, b.person)),
      mentorships: shared.mentorships.map(({ goal: _goal, ...m }) => ({ ...m, mentor: id(m.mentor), mentee: id(m.mentee) })).sort((a, b) => text(a.mentor, b.mentor) || text(a.mentee, b.mentee)),
    },
    leftOut,
    unnamed: codes.size,
    codes,
  };
}

/** An attribute whose name says it holds consent ("consent", "Consent to share"). */
export const CONSENT_COLUMN_NAME = /\bconsent/i;

/**
 * The attribute a project reads consent from when it is made: one whose name says consent
 * ("consent", "Consent to share"), or '' when there is none (everyone is named).
 */
export function consentColumnOf(people: readonly Person[]): string {
  const seen = new Set<string>();
  for (const person of people) for (const attribute of Object.keys(person.attributes)) seen.add(attribute);
  return [...seen].find((attribute) => CONSENT_COLUMN_NAME.test(attribute)) ?? '';
}

/**
 * Each person's consent in a project: the column's value (unknown or empty read as unnamed),
 * overridden by the choices made per person. With no column and no choice everyone is named:
 * the weaver has not asked, and the files are theirs.
 */
export function projectConsent(people: readonly Person[], sharing: { consentColumn: string; consent: Readonly<Record<string, Consent>> }): { byPerson: Map<string, Consent>; issues: InputIssue[] } {
  const fromColumn = sharing.consentColumn !== '' ? readConsent(people, sharing.consentColumn) : null;
  const byPerson = new Map<string, Consent>();
  for (const person of people) byPerson.set(person.id, Object.hasOwn(sharing.consent, person.id) ? sharing.consent[person.id]! : (fromColumn?.byPerson.get(person.id) ?? 'named'));
  return { byPerson, issues: fromColumn?.issues ?? [] };
}

/**
 * The shared dataset as a file lists it person by person: the unnamed keep no details at all.
 * Their details still count in the figures (analyse the consented dataset), but in a row of their
 * own a few shared values together (an organisation and a region) can be enough to tell who.
 */
export function withoutUnnamedDetails(dataset: Dataset): Dataset {
  if (!dataset.people.some((p) => p.label === UNNAMED_LABEL && Object.keys(p.attributes).length > 0)) return dataset;
  return { ...dataset, people: dataset.people.map((p) => (p.label === UNNAMED_LABEL ? { ...p, attributes: {} } : p)) };
}
