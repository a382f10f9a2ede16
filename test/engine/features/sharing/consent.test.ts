/**
 * Consent read from a column: the words people write (yes/no, true/false, 1/0, named, unnamed,
 * out), unknown values listed and read as "counted but not named", no value read the same; people
 * who are out leave the dataset with everything naming them, and an export writes the people not
 * to be named as "a member" under a code.
 */
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../../src/engine/core/model/records.ts';
import { consentColumnOf, consentedDataset, projectConsent, readConsent, shareableDataset } from '../../../../src/engine/features/sharing/consent.ts';
import { emptyDataset, type Dataset } from '../../../../src/engine/core/model/dataset.ts';

const dataset: Dataset = {
  ...emptyDataset('Circle'),
  people: [
    { id: 'ana', label: 'Ana', attributes: { consent: 'Yes' } },
    { id: 'ben', label: 'Ben', attributes: { consent: 'unnamed' } },
    { id: 'cy', label: 'Cy', attributes: { consent: 'no' } },
    { id: 'dee', label: 'Dee', attributes: { consent: 'maybe' } },
    { id: 'member-1', label: 'Eve', attributes: { consent: 1 } },
    { id: 'fay', label: 'Fay', attributes: {} },
  ],
  ties: [
    { source: 'ana', target: 'ben', relation: 'tie', directed: false, weight: 1 },
    { source: 'ben', target: 'cy', relation: 'tie', directed: false, weight: 1 },
    { source: 'dee', target: 'member-1', relation: 'tie', directed: false, weight: 1 },
  ],
  mentorships: [{ mentor: 'cy', mentee: 'ana' }],
  attendance: [{ person: 'cy', event: 'Retreat' }],
};

describe('consent', () => {
  it('reads the words people write, and reads unknown or missing values as counted but not named, saying so', () => {
    const read = readConsent(dataset.people, 'consent', 'people.csv');
    expect(Object.fromEntries(read.byPerson)).toEqual({ ana: 'named', ben: 'unnamed', cy: 'out', dee: 'unnamed', 'member-1': 'named', fay: 'unnamed' });
    expect(read.counts).toEqual({ named: 2, unnamed: 3, out: 1 });
    expect(read.issues.map((i) => [i.code, i.file, i.field])).toEqual([
      ['unknown-consent', 'people.csv', 'consent'],
      ['missing-consent', 'people.csv', 'consent'],
    ]);
    expect(read.issues[0]?.message).toContain('"maybe"');
    expect(read.issues[0]?.message).toContain('"Dee"');
  });

  it('leaves out the people who are out with their ties, attendance and mentorships', () => {
    const { byPerson } = readConsent(dataset.people, 'consent');
    const { dataset: shared, leftOut } = shareableDataset(dataset, byPerson);
    expect(leftOut).toBe(1);
    expect(shared.people.map((p) => p.id)).toEqual(['ana', 'ben', 'dee', 'member-1', 'fay']);
    expect(shared.ties).toHaveLength(2);
    expect(shared.mentorships).toEqual([]);
    expect(shared.attendance).toEqual([]);

  });
});

describe('a project\'s consent', () => {
  const people: Person[] = [
    { id: 'a', label: 'Ann', attributes: { 'Consent to share': 'yes' } },
    { id: 'b', label: 'Bo', attributes: { 'Consent to share': 'no' } },
    { id: 'c', label: 'Cy', attributes: {} },
  ];

  it('finds the consent column by its name, or none', () => {
    expect(consentColumnOf(people)).toBe('Consent to share');
    expect(consentColumnOf([{ id: 'x', label: 'X', attributes: { sector: 'Youth' } }])).toBe('');
  });

  it('reads the column, lets per-person choices win, and names everyone when nothing was asked', () => {
    const read = projectConsent(people, { consentColumn: 'Consent to share', consent: { b: 'unnamed' } });
    expect(Object.fromEntries(read.byPerson)).toEqual({ a: 'named', b: 'unnamed', c: 'unnamed' });
    expect(read.issues.length).toBeGreaterThan(0);
    expect(Object.fromEntries(projectConsent(people, { consentColumn: '', consent: { c: 'out' } }).byPerson)).toEqual({ a: 'named', b: 'named', c: 'out' });
  });
});

describe('codes for the unnamed', () => {
  const people = Array.from({ length: 30 }, (_, i) => ({ id: `p${String(i).padStart(2, '0')}`, label: `Person ${i}`, attributes: { skills: i === 0 ? ['facilitation', 'Basque poetry'] : ['facilitation', i % 2 ? 'budgets' : 'media'] } }));
  const dataset: Dataset = { ...emptyDataset('t'), people };
  const everyoneUnnamed = new Map(people.map((p) => [p.id, 'unnamed' as const]));

  it('numbers the unnamed in a secret order, not the roster order, and lists them in code order', () => {
    const shared = consentedDataset(dataset, everyoneUnnamed, { secret: 's1' });
    const byCode = [...shared.codes].sort((a, b) => Number(a[1].slice(7)) - Number(b[1].slice(7))).map(([id]) => id);
    expect(byCode).not.toEqual(people.map((p) => p.id));
    expect(consentedDataset(dataset, everyoneUnnamed, { secret: 's1' }).codes).toEqual(shared.codes);
    expect(shared.dataset.people.map((p) => p.id)).toEqual(people.map((_, i) => `member-${i + 1}`));
  });

  it('keeps each listed skill others share too, so the unnamed still count in what skills the network holds', () => {
    const shared = consentedDataset(dataset, everyoneUnnamed, { secret: 's1' });
    const first = shared.dataset.people.find((p) => p.id === shared.codes.get('p00'))!;
    expect(first.attributes.skills).toEqual(['facilitation']);
    expect(shared.dataset.people.every((p) => (p.attributes.skills as string[]).includes('facilitation'))).toBe(true);
  });
});
