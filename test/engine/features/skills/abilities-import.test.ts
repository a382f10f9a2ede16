/**
 * Importing a self-assessment: the template, CSV and XLSX, people matched by id, email and name
 * (the survey name matcher), scores in their written forms, and every kind of bad input reported
 * with file, row and field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAbilities, abilityFromHeader } from '../../../../src/engine/features/skills/abilities-import.ts';
import { readScore } from '../../../../src/engine/features/skills/ability-scores.ts';
import { abilitiesTemplateCsv, ABILITIES_TEMPLATE_HEADERS, LEADERSHIP_ABILITIES, LEADERSHIP_SCALE } from '../../../../src/engine/features/skills/leadership-abilities.ts';
import { AbilityAssessmentSchema } from '../../../../src/engine/core/model/abilities.ts';
import { formatIssue } from '../../../../src/engine/core/util/issues.ts';
import { makeXlsx } from '../../../fixtures/survey/make-xlsx.ts';
import { abilitiesRead, fixtureDataset, fixtureText } from './helpers.ts';

const people = fixtureDataset().people;
const file = (name: string) => ({ name, text: fixtureText(name) });

describe('the abilities template', () => {
  it('ships as data/abilities-template.csv with the five abilities, and a README describing them', () => {
    const root = new URL('../../../../', import.meta.url);
    const csv = readFileSync(new URL('data/abilities-template.csv', root), 'utf8');
    expect(csv).toBe(abilitiesTemplateCsv());
    expect(ABILITIES_TEMPLATE_HEADERS).toEqual(['name', 'email', 'Engagement', 'Convening', 'Sharing', 'Collaboration', 'Advocating']);
    const readme = readFileSync(new URL('data/abilities-template.md', root), 'utf8');
    for (const ability of LEADERSHIP_ABILITIES) {
      expect(readme).toContain(`**${ability.name}**`);
      expect(readme).toContain(ability.description);
    }
    for (const [point, label] of Object.entries(LEADERSHIP_SCALE.labels)) expect(readme).toContain(`| ${point} | ${label} |`);
  });

  it('imports the template once filled in', () => {
    const filled = `${abilitiesTemplateCsv()}Ana Alvarez,ana@alpha.example,5,4,3,2,1\n`;
    const result = abilitiesRead(importAbilities({ name: 'abilities-template.csv', text: filled }, people));
    expect(result.issues).toEqual([]);
    expect(result.assessment!.abilities).toEqual(['Engagement', 'Convening', 'Sharing', 'Collaboration', 'Advocating']);
    expect(result.assessment!.responses).toEqual([
      { person: 'a1', written: 'Ana Alvarez', file: 'abilities-template.csv', row: 2, scores: { Engagement: 5, Convening: 4, Sharing: 3, Collaboration: 2, Advocating: 1 }, attributes: {} },
    ]);
    expect(result.assessment!.scale).toEqual(LEADERSHIP_SCALE);
  });

  it('reads the empty template as a file without data', () => {
    const empty = abilitiesRead(importAbilities({ name: 'abilities-template.csv', text: abilitiesTemplateCsv() }, people));
    expect(empty.assessment).toBeUndefined();
    expect(empty.issues.map((i) => i.code)).toEqual(['no-data']);
  });
});

describe('reading scores', () => {
  const scale = LEADERSHIP_SCALE;
  it('accepts numbers, labelled numbers, fractions of the top and scale words', () => {
    expect(readScore('4', scale)).toEqual({ kind: 'score', value: 4 });
    expect(readScore('3.5', scale)).toEqual({ kind: 'score', value: 3.5 });
    expect(readScore('3,5', scale, { decimalComma: true })).toEqual({ kind: 'score', value: 3.5 });
    expect(readScore('4 - Strong', scale)).toEqual({ kind: 'score', value: 4 });
    expect(readScore('4 (often)', scale)).toEqual({ kind: 'score', value: 4 });
    expect(readScore('Strong (4)', scale)).toEqual({ kind: 'score', value: 4 });
    expect(readScore('4/5', scale)).toEqual({ kind: 'score', value: 4 });
    expect(readScore('leading', scale)).toEqual({ kind: 'score', value: 5 });
  });
  it('reads no-answers as blank, and says what is wrong with the rest', () => {
    for (const blank of ['', ' ', 'n/a', 'N/A', '-', "don't know", 'prefer not to say']) expect(readScore(blank, scale)).toEqual({ kind: 'blank' });
    expect(readScore('high', scale)).toEqual({ kind: 'not-a-score', text: 'high' });
    expect(readScore('4/10', scale)).toEqual({ kind: 'not-a-score', text: '4/10' });
    expect(readScore('7', scale)).toEqual({ kind: 'out-of-range', value: 7, text: '7' });
    expect(readScore('0', scale)).toEqual({ kind: 'out-of-range', value: 0, text: '0' });
  });
  it('finds the ability a header names', () => {
    expect(abilityFromHeader('Convening')).toEqual({ name: 'Convening', known: true });
    expect(abilityFromHeader('convening (1-5)')).toEqual({ name: 'Convening', known: true });
    expect(abilityFromHeader('Rate yourself [Advocating]')).toEqual({ name: 'Advocating', known: true });
    expect(abilityFromHeader('How strong is your Engagement? (1 = not yet, 5 = leading)')).toEqual({ name: 'Engagement', known: true });
    expect(abilityFromHeader('Facilitation (1-5)')).toEqual({ name: 'Facilitation', known: false });
  });
});

describe('importing an assessment', () => {
  it('matches people by email, by name (any order), and reads every written score', () => {
    const result = abilitiesRead(importAbilities(file('abilities-good.csv'), people));
    expect(result.issues).toEqual([]);
    expect(result.matches.map((m) => [m.row, m.person, m.method])).toEqual([
      [2, 'a1', 'email'],
      [3, 'a2', 'email'],
      [4, 'a3', 'same name, other order'],
      [5, 'p1', 'email'],
      [6, 'p2', 'exact name'],
      [7, 'b1', 'email'],
      [8, 'b2', 'exact name'],
      [9, 'b3', 'exact name'],
    ]);
    const byPerson = new Map(result.assessment!.responses.map((r) => [r.person, r]));
    expect(byPerson.get('a2')!.scores).toEqual({ Engagement: 4, Convening: 4, Sharing: 2, Collaboration: 3, Advocating: 3 });
    expect(byPerson.get('a3')!.scores.Engagement).toBe(3.5);
    expect(byPerson.get('p1')!.scores.Advocating).toBeNull();
    expect(byPerson.get('p2')!.scores.Sharing).toBeNull();
    expect(byPerson.get('a1')!.attributes).toEqual({ organization: 'Alpha' });
  });

  it('matches nicknames and ids, and keeps non-ability columns as attributes', () => {
    const network = [
      { id: 'r1', label: 'Robert Okafor', attributes: {} },
      { id: 'm1', label: 'Maria López', attributes: {} },
    ];
    const text = 'id,name,region,Convening,Sharing\n,Bob Okafor,North,5,4\nm1,Someone Else,South,2,3\n';
    const result = abilitiesRead(importAbilities({ name: 'a.csv', text }, network));
    expect(result.matches.map((m) => [m.person, m.method])).toEqual([
      ['r1', 'nickname (given name)'],
      ['m1', 'id'],
    ]);
    expect(result.assessment!.abilities).toEqual(['Convening', 'Sharing']);
    expect(result.assessment!.responses[0]!.attributes).toEqual({ region: 'North' });
  });

  it('calls a column of scores with no name by its place, so it is still an ability', () => {
    const network = [{ id: 'r1', label: 'Robert Okafor', attributes: {} }];
    const result = abilitiesRead(importAbilities({ name: 'a.csv', text: 'name,,Score\nRobert Okafor,4,3\n' }, network));
    expect(result.assessment!.abilities).toEqual(['column 2', 'Score']);
    expect(result.assessment!.responses[0]!.scores).toEqual({ 'column 2': 4, Score: 3 });
  });

  it('reports every bad input with file, row and field, and keeps what it can', () => {
    const network = [...people, { id: 'jin', label: 'Jin Chen', attributes: {} }, { id: 'jun', label: 'Jun Chen', attributes: {} }];
    const result = abilitiesRead(importAbilities(file('abilities-bad.csv'), network));
    const lines = result.issues.map(formatIssue);
    expect(lines).toEqual([
      'abilities-bad.csv, row 8: this row has no name or email, so its scores cannot be given to anyone; it was left out',
      'abilities-bad.csv, row 2, field "Engagement": 7 is outside the scale 1-5; this answer was left out',
      'abilities-bad.csv, row 2, field "Collaboration": "high" is not a score from 1 to 5; this answer was left out',
      'abilities-bad.csv, row 3: "Zed Zimmer" is not one of the people in the network; this row was left out',
      'abilities-bad.csv, row 4: "J. Chen" could be "Jin Chen" or "Jun Chen"; add an email or the full name; this row was left out',
      'abilities-bad.csv, row 7: "Cleo Costa" gave no score; this row was left out',
      'abilities-bad.csv, row 9, field "Engagement": 0 is outside the scale 1-5; this answer was left out',
      'abilities-bad.csv, row 9, field "Convening": "lots" is not a score from 1 to 5; this answer was left out',
      'abilities-bad.csv, row 6: Ben Brooks answered more than once (rows 5, 6); the latest answer, row 5, is used and this row was left out',
    ]);
    expect(result.issues.every((i) => i.level === 'warning')).toBe(true);
    expect(result.issues.map((i) => i.code)).toEqual([
      'missing-name',
      'score-out-of-range',
      'bad-score',
      'unknown-person',
      'ambiguous-person',
      'no-scores',
      'score-out-of-range',
      'bad-score',
      'duplicate-response',
    ]);
    expect(result.unmatched).toEqual([
      { row: 3, written: 'Zed Zimmer', candidates: [] },
      { row: 4, written: 'J. Chen', candidates: ['Jin Chen', 'Jun Chen'] },
    ]);
    const responses = result.assessment!.responses;
    expect(responses.map((r) => r.person)).toEqual(['a1', 'a2', 'a4']);
    // The latest of Ben's answers by time is the earlier row.
    expect(responses[1]!.scores.Engagement).toBe(2);
    expect(responses[0]!.scores).toEqual({ Engagement: null, Convening: 4, Sharing: 3, Collaboration: null, Advocating: 2 });
  });

  it('rejects bad scores as errors when asked to', () => {
    const result = abilitiesRead(importAbilities(file('abilities-bad.csv'), people, { badScores: 'reject' }));
    expect(result.issues.filter((i) => i.level === 'error').map((i) => [i.row, i.field, i.code])).toEqual([
      [2, 'Engagement', 'score-out-of-range'],
      [2, 'Collaboration', 'bad-score'],
      [9, 'Engagement', 'score-out-of-range'],
      [9, 'Convening', 'bad-score'],
    ]);
  });

  it('takes the later row when there is no time, and reads repeated ids as the same person', () => {
    const text = 'id,name,Convening\na1,Ana Alvarez,2\na1,Ana Alvarez,5\n';
    const result = abilitiesRead(importAbilities({ name: 'a.csv', text }, people));
    expect(result.assessment!.responses.map((r) => [r.person, r.scores.Convening, r.row])).toEqual([['a1', 5, 3]]);
    expect(result.issues.map((i) => [i.row, i.code])).toEqual([[2, 'duplicate-response']]);
  });

  it('says so when the file has no ability column or no name column', () => {
    const noAbility = abilitiesRead(importAbilities({ name: 'a.csv', text: 'name,organization\nAna Alvarez,Alpha\n' }, people));
    expect(noAbility.assessment).toBeUndefined();
    expect(noAbility.issues.map((i) => [i.code, i.level])).toEqual([['no-abilities', 'error']]);
    const noName = abilitiesRead(importAbilities({ name: 'a.csv', text: 'team,Convening\nAlpha,3\n' }, people));
    expect(noName.assessment).toBeUndefined();
    expect(noName.issues.map((i) => i.code)).toEqual(['no-name-column']);
    expect(noName.issues[0]!.message).toMatch(/^the file has no column of names/);
    const missing = abilitiesRead(importAbilities({ name: 'a.csv', text: 'name,Convening\nAna Alvarez,3\n' }, people, { abilities: ['Convening', 'Mentoring'] }));
    expect(missing.issues.map((i) => i.code)).toContain('missing-column');
  });

  it('guesses ability columns from their answers when none is named like the template', () => {
    const text = 'name,Facilitation (1-5),Mentoring,Years in coalition\nAna Alvarez,4,5,12\nBen Brooks,2,3,7\n';
    const result = abilitiesRead(importAbilities({ name: 'a.csv', text }, people));
    expect(result.assessment!.abilities).toEqual(['Facilitation', 'Mentoring']);
    expect(result.issues.map((i) => i.code)).toEqual(['abilities-guessed']);
    expect(result.assessment!.responses[0]!.attributes).toEqual({ 'Years in coalition': 12 });
  });

  it('reads an XLSX workbook the same as the CSV', () => {
    const rows = fixtureText('abilities-good.csv')
      .trim()
      .split('\n')
      .map((line) => (line.match(/("[^"]*"|[^,]*)(,|$)/g) ?? []).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')).slice(0, 8))
      .map((cells) => cells.map((c) => (c === '' ? null : /^\d+$/.test(c) ? Number(c) : c)));
    const bytes = makeXlsx([{ name: 'Answers', rows }]);
    const xlsx = abilitiesRead(importAbilities({ name: 'abilities.xlsx', text: '', bytes }, people));
    const csv = abilitiesRead(importAbilities(file('abilities-good.csv'), people));
    expect(xlsx.issues).toEqual([]);
    expect(xlsx.assessment!.responses.map((r) => [r.person, r.scores])).toEqual(csv.assessment!.responses.map((r) => [r.person, r.scores]));
  });

  it('validates saved assessments with the schema', () => {
    const ok = AbilityAssessmentSchema.safeParse({ version: 1, abilities: ['Convening'], responses: [{ person: 'a1', scores: { Convening: 4 } }] });
    expect(ok.success).toBe(true);
    if (ok.success) expect(ok.data.scale).toEqual({ min: 1, max: 5, labels: {} });
    const bad = AbilityAssessmentSchema.safeParse({
      version: 1,
      abilities: ['Convening'],
      responses: [
        { person: 'a1', scores: { Convening: 9 } },
        { person: 'a1', scores: { Sharing: 2 } },
      ],
    });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues.map((i) => i.message)).toEqual([
      'a score must be between 1 and 5, not 9',
      '"a1" has more than one response',
      '"Sharing" is not one of the assessment\'s abilities',
    ]);
  });
});
