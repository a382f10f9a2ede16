import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORY_RULE, FILTER_CATEGORY_RULE, isBookkeeping, isCategorical, profileAttributes, type AttributeProfile } from '../../../../src/engine/core/model/attribute-profile.ts';
import type { Attributes } from '../../../../src/engine/core/model/records.ts';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import { importFiles } from '../../../../src/engine/io/import-files.ts';
import { CLASSIC_DIR, COALITION_DIR } from '../../../helpers/samples.ts';

/** The people of a people list as the importer types them (numbers, `;` lists). */
function peopleOf(path: string): Attributes[] {
  const text = readFileSync(path, 'utf8');
  return orThrow(importFiles([{ name: 'people.csv', text }], { kinds: { 'people.csv': 'nodes' } })).value.people.map((p) => p.attributes);
}

const kinds = (profiles: AttributeProfile[]): Record<string, string> => Object.fromEntries(profiles.map((p) => [p.name, p.kind]));
const skillsFixture = fileURLToPath(new URL('../../../fixtures/skills/people.csv', import.meta.url));

describe('attribute profile on real people lists', () => {
  it('the skills fixture: organisation and sector group people, skills are a list, emails are contact details, needs are free text', () => {
    const profiles = profileAttributes(peopleOf(skillsFixture));
    expect(kinds(profiles)).toEqual({ email: 'identifier', organization: 'categorical', sector: 'categorical', skills: 'list', needs: 'text' });
    const sector = profiles.find((p) => p.name === 'sector')!;
    expect(sector).toMatchObject({ filled: 13, distinct: 3 });
    expect(sector.values).toEqual([
      { value: 'Nonprofit', count: 6 },
      { value: 'Business', count: 4 },
      { value: 'Government', count: 3 },
    ]);
    const skills = profiles.find((p) => p.name === 'skills')!;
    expect(skills).toMatchObject({ lists: true, multiValued: true, filled: 12 });
    // Three people need three different things: nothing repeats, so no groups.
    expect(profiles.find((p) => p.name === 'needs')).toMatchObject({ filled: 3, distinct: 3 });
  });

  it('the coalition sample: 84 organisations among 120 people are not groups, 6 sectors and 4 regions are', () => {
    const profiles = profileAttributes(peopleOf(`${COALITION_DIR}people.csv`));
    expect(kinds(profiles)).toEqual({ email: 'identifier', organization: 'text', sector: 'categorical', region: 'categorical', skills: 'list' });
    expect(profiles.find((p) => p.name === 'organization')).toMatchObject({ filled: 120, distinct: 84 });
    // The map may filter by a skill: a list's items are its categories there.
    const skills = profiles.find((p) => p.name === 'skills')!;
    expect(isCategorical(skills)).toBe(false);
    expect(isCategorical(skills, FILTER_CATEGORY_RULE)).toBe(true);
  });

  it('Krackhardt: department and level codes are categories, ages and tenure are measures', () => {
    const profiles = profileAttributes(peopleOf(`${CLASSIC_DIR}krackhardt/nodes.csv`));
    expect(kinds(profiles)).toEqual({ age: 'numeric', tenure: 'numeric', level: 'categorical', dept: 'categorical' });
    expect(profiles.find((p) => p.name === 'tenure')).toMatchObject({ numeric: true, integers: false });
    // Sixteen different ages are not categories even for the map's wider rule.
    expect(isCategorical(profiles.find((p) => p.name === 'age')!, FILTER_CATEGORY_RULE)).toBe(false);
  });

  it("Zachary's karate club: two clubs of 17", () => {
    const [club] = profileAttributes(peopleOf(`${CLASSIC_DIR}karate/nodes.csv`));
    expect(club).toMatchObject({ name: 'club', kind: 'categorical', filled: 34, distinct: 2 });
  });
});

describe('attribute profile rules', () => {
  it('counts values trimmed and case-insensitively, list items one by one, and leaves out empty cells', () => {
    const [team] = profileAttributes([{ team: 'Ops' }, { team: ' ops' }, { team: 'Finance' }, { team: '' }, { team: null }, {}, undefined]);
    expect(team).toMatchObject({ filled: 3, distinct: 2, kind: 'categorical' });
    const [skills] = profileAttributes([{ skills: ['a'] }, { skills: ['b'] }, { skills: ['a'] }, { skills: [] }]);
    // One item each: a list column, but no one holds two values, so it still groups people.
    expect(skills).toMatchObject({ lists: true, multiValued: false, filled: 3, kind: 'categorical' });
  });

  it('needs values that repeat: at most 12, two people per value on average, two values always allowed', () => {
    const people = (values: string[]): Attributes[] => values.map((v) => ({ x: v }));
    expect(profileAttributes(people(['a', 'b']))[0]!.kind).toBe('categorical');
    expect(profileAttributes(people(['a', 'b', 'c']))[0]!.kind).toBe('text');
    expect(profileAttributes(people(['a', 'a', 'b', 'b', 'c', 'c']))[0]!.kind).toBe('categorical');
    expect(profileAttributes(people(['a', 'a', 'a']))[0]!.kind).toBe('text');
    const thirteen = Array.from({ length: 13 }, (_, i) => [`v${i}`, `v${i}`]).flat();
    expect(profileAttributes(people(thirteen))[0]!.kind).toBe('text');
    expect(isCategorical(profileAttributes(people(thirteen))[0]!, { maxCategories: 13 })).toBe(true);
    expect(DEFAULT_CATEGORY_RULE).toMatchObject({ maxCategories: 12, maxShare: 1 / 2, minFilled: 2 });
  });

  it('never groups by bookkeeping unless asked (the map colours by responded)', () => {
    const [responded] = profileAttributes([{ responded: true }, { responded: false }, { responded: true }, { responded: false }]);
    expect(responded!.kind).toBe('identifier');
    expect(isCategorical(responded!, FILTER_CATEGORY_RULE)).toBe(true);
    expect(isBookkeeping(' Email ')).toBe(true);
    expect(isBookkeeping('email domain')).toBe(false);
  });
});
