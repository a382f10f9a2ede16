/**
 * The people of a survey import as they are found: roster people, respondents, people created
 * from written names and from the user's decisions. Each has a stable id, attributes, and the
 * names and emails the matcher knows them by. People without a roster label get the best-attested
 * spelling of their name at the end (see `chooseLabels`).
 */
import type { Attributes } from '../core/model/records.ts';
import { NameMatcher } from './name-match.ts';
import { nameTokens, tidyLabel } from './name-normalize.ts';

export type PersonSource = 'roster' | 'respondent' | 'written' | 'decision';

export interface PersonRecord {
  id: string;
  label: string;
  attributes: Attributes;
  source: PersonSource;
  /** Spellings seen for this person and how much each counts, for the label. */
  labelVotes: Map<string, number>;
}

export class PeopleRegistry {
  readonly matcher = new NameMatcher();
  readonly records: PersonRecord[] = [];
  private readonly ids = new Map<string, number>();

  /** A free id based on `wanted`: itself, or `wanted (2)`, `wanted (3)`, ... */
  freeId(wanted: string): string {
    const base = wanted.trim() === '' ? 'person' : wanted.trim();
    if (!this.ids.has(base)) return base;
    for (let n = 2; ; n++) {
      const id = `${base} (${n})`;
      if (!this.ids.has(id)) return id;
    }
  }

  add(person: { id?: string; label: string; attributes?: Attributes; source: PersonSource; names: string[]; emails: string[] }): number {
    const id = person.id !== undefined && !this.ids.has(person.id) ? person.id : this.freeId(person.id ?? person.label);
    const index = this.matcher.add({ id, label: person.label, names: person.names, emails: person.emails });
    this.ids.set(id, index);
    this.records.push({ id, label: person.label, attributes: { ...(person.attributes ?? {}) }, source: person.source, labelVotes: new Map() });
    return index;
  }

  indexOf(id: string): number | undefined {
    return this.ids.get(id);
  }

  record(index: number): PersonRecord {
    return this.records[index] as PersonRecord;
  }

  vote(index: number, spelling: string, weight: number): void {
    const record = this.records[index];
    if (record === undefined) return;
    const label = tidyLabel(spelling);
    if (label === '') return;
    record.labelVotes.set(label, (record.labelVotes.get(label) ?? 0) + weight);
  }

  /**
   * Labels for people not from the roster: the spelling with the most votes, ties broken by how
   * common its words are among all names written (a typo's words are rare), then alphabetically.
   */
  chooseLabels(wordCounts: ReadonlyMap<string, number>): void {
    const commonness = (label: string): number =>
      nameTokens(label).reduce((sum, t) => sum + Math.log(1 + (wordCounts.get(t.text) ?? 0)), 0);
    for (const record of this.records) {
      if (record.source === 'roster' || record.labelVotes.size === 0) continue;
      const ranked = [...record.labelVotes.entries()].sort(
        (a, b) => b[1] - a[1] || commonness(b[0]) - commonness(a[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
      );
      record.label = (ranked[0] as [string, number])[0];
    }
  }
}
