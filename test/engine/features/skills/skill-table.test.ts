/**
 * Skills as data: lists, text, checkbox columns from a node list and from a survey import, the
 * attribute chosen or detected, needs, required skills, and the folding report.
 */
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../../src/engine/io/import-files.ts';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import { runSurveyImport } from '../../../../src/engine/features/survey/run-survey-import.ts';
import type { Attributes } from '../../../../src/engine/core/model/records.ts';
import { skillTable } from '../../../../src/engine/features/skills/skill-table.ts';
import { surveyAttributeHeaders } from '../../../../src/engine/features/skills/checkbox-columns.ts';
import { fixtureDataset, fixtureText } from './helpers.ts';

function tableOf(people: Record<string, Attributes>, options = {}) {
  const ids = Object.keys(people);
  return { ids, table: skillTable(ids, (id) => people[id], options) };
}

const namesHeld = (ids: string[], t: ReturnType<typeof skillTable>, id: string) => t.held[ids.indexOf(id)]!.map((s) => t.skills[s]);

describe('skill table', () => {
  it('reads list cells from a node list, folds spellings and orders skills by holders', () => {
    const dataset = fixtureDataset();
    const ids = dataset.people.map((p) => p.id);
    const t = skillTable(ids, (id) => dataset.people.find((p) => p.id === id)?.attributes);
    expect(t.attributes).toEqual(['skills']);
    expect(t.skills.slice(0, 3)).toEqual(['communications', 'data analysis', 'budget']);
    expect(t.skills).toContain('grant writing');
    expect(t.skills).toContain('communications');
    expect(t.skills).not.toContain('Grant-writing');
    expect(t.skills).not.toContain('Comms');
    expect(namesHeld(ids, t, 'a1').sort()).toEqual(['budget', 'communications', 'facilitation']);
    expect(t.holders[t.skills.indexOf('legal')]!.length).toBe(2);
    expect(t.reported[ids.indexOf('p3')]).toBe(0);
    expect(t.reported[ids.indexOf('p1')]).toBe(1);
    const rules = Object.fromEntries(t.folding.map((f) => [f.skill, f.variants.map((v) => `${v.text}:${v.rule}`)]));
    expect(rules['grant writing']).toContain('Grant-writing:spelling');
    expect(rules['budget']).toContain('Budgets:plural');
    expect(rules['communications']).toContain('Comms:synonym');
  });

  it('reads needs and lists needs no one holds', () => {
    const dataset = fixtureDataset();
    const ids = dataset.people.map((p) => p.id);
    const t = skillTable(ids, (id) => dataset.people.find((p) => p.id === id)?.attributes);
    expect(t.needsAttribute).toBe('needs');
    expect(t.needs[ids.indexOf('a2')]!.map((s) => t.skills[s])).toEqual(['legal']);
    expect(t.needs[ids.indexOf('b3')]!.map((s) => t.skills[s])).toEqual(['facilitation']);
    expect(t.unheldNeeds).toEqual([{ skill: 'translation', people: ['a5'] }]);
    expect(skillTable(ids, (id) => dataset.people.find((p) => p.id === id)?.attributes, { needsAttribute: false }).needsAttribute).toBeNull();
  });

  it('folds checkbox columns of a node list into one skills list', () => {
    const dataset = orThrow(importFiles([{ name: 'people-checkbox.csv', text: fixtureText('people-checkbox.csv') }], { kinds: { 'people-checkbox.csv': 'nodes' } })).value;
    const ids = dataset.people.map((p) => p.id);
    const t = skillTable(ids, (id) => dataset.people.find((p) => p.id === id)?.attributes);
    expect(t.checkboxQuestions).toEqual([{ question: 'Skills', options: ['Facilitation', 'Grant writing', 'Legal', 'Other (please specify)'] }]);
    const held = (name: string) => namesHeld(ids, t, ids.find((id) => dataset.people.find((p) => p.id === id)!.label === name)!).sort();
    expect(held('Ana Alvarez')).toEqual(['Facilitation']);
    expect(held('Ben Brooks')).toEqual(['Facilitation', 'Spanish interpretation', 'mapping']);
    expect(held('Cleo Costa')).toEqual(['Facilitation', 'Grant writing']);
    expect(held('Dev Desai')).toEqual(['Grant writing', 'Legal']);
    expect(held('Eli Evans')).toEqual([]);
    // Eli answered the question (every box left empty or n/a): known, no skills.
    expect(t.reported[ids.indexOf(ids.find((id) => dataset.people.find((p) => p.id === id)!.label === 'Eli Evans')!)]).toBe(1);
  });

  it('reads checkbox columns of a survey export, with check marks named by the layout headers', () => {
    const text = [
      'Timestamp,Email Address,Your full name,Who have you collaborated with? (list names),Skills you bring [Facilitation],Skills you bring [Grant writing],Skills you bring [Legal]',
      '2025/03/19 8:03:00,ann@x.example,Ann Lee,"Bob Smith, Cy Twain",x,,x',
      '2025/03/19 8:04:00,bob@x.example,Bob Smith,Ann Lee,,x,',
      '2025/03/19 8:05:00,cy@x.example,Cy Twain,"Ann Lee, Bob Smith",x,x,',
    ].join('\n');
    const run = orThrow(runSurveyImport({ surveys: [{ name: 's.csv', text }] })).value;
    const people = run.dataset.people;
    const ids = people.map((p) => p.id);
    const attributesOf = (id: string) => people.find((p) => p.id === id)?.attributes;
    const headers = surveyAttributeHeaders(run.survey.layouts);
    expect(headers['skills-2']).toBe('Skills you bring [Grant writing]');
    const t = skillTable(ids, attributesOf, { headers });
    expect(namesHeld(ids, t, 'Ann Lee').sort()).toEqual(['Facilitation', 'Legal']);
    expect(namesHeld(ids, t, 'Bob Smith')).toEqual(['Grant writing']);
    expect(namesHeld(ids, t, 'Cy Twain').sort()).toEqual(['Facilitation', 'Grant writing']);
    // Without the headers the ticks cannot be named, and the user is told.
    const blind = skillTable(ids, attributesOf);
    expect(blind.notes.join(' ')).toMatch(/check marks/);
  });

  it('takes the attribute the user names, a checkbox question included, and says when it is absent', () => {
    const { ids, table } = tableOf({ a: { expertise: ['maps'], hobbies: 'chess' }, b: { expertise: 'maps; law', hobbies: 'go' } }, { attribute: 'Expertise' });
    expect(table.attributes).toEqual(['expertise']);
    expect(namesHeld(ids, table, 'b')).toEqual(['maps', 'law']);
    expect(() => skillTable(ids, () => ({ sector: 'x' }), { attribute: 'talents' })).toThrow(/skills: no attribute named "talents"/);
    const checkbox = tableOf({ a: { 'Can offer [Law]': true, 'Can offer [Maps]': false } }, { attribute: 'can offer' });
    expect(namesHeld(checkbox.ids, checkbox.table, 'a')).toEqual(['Law']);
  });

  it('detects skill attributes by name when there is no "skills", and splits comma text when it is common', () => {
    const { ids, table } = tableOf({ a: { 'Areas of expertise': 'maps, law' }, b: { 'Areas of expertise': 'law, budgets' }, c: { 'Areas of expertise': 'budget' } });
    expect(table.attributes).toEqual(['Areas of expertise']);
    expect(namesHeld(ids, table, 'a')).toEqual(['law', 'maps']);
    expect(namesHeld(ids, table, 'b').sort()).toEqual(['budget', 'law']);
    expect(tableOf({ a: { sector: 'x' } }).table.attributes).toEqual([]);
  });

  it('lists required skills no one holds', () => {
    const { table } = tableOf({ a: { skills: ['maps'] } }, { required: ['Maps', 'legal'] });
    expect(table.skills).toEqual(['maps', 'legal']);
    expect(table.holders[1]!.length).toBe(0);
  });
});
