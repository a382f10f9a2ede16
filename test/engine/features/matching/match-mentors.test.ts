/**
 * Mentor matching end to end: spreadsheets in, pairs explained; bridging only when turned on;
 * identity preferences used only when the mentee asked; locks and rejections honoured on
 * re-solve; not enough places gives a clear message and the best partial assignment.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goalFit, phraseSimilarity } from '../../../../src/engine/features/matching/goal-fit.ts';
import { parseMentees, parseMentors, parsePairRules } from '../../../../src/engine/features/matching/import-matching.ts';
import { matchMentors } from '../../../../src/engine/features/matching/match-mentors.ts';
import type { MatchingResult } from '../../../../src/engine/features/matching/match-mentors.ts';
import type { Mentee, Mentor } from '../../../../src/engine/features/matching/model.ts';
import { pairsCsv } from '../../../../src/engine/features/matching/pairs-csv.ts';
import { readCsv } from '../../../../src/engine/io/csv-read.ts';
import { readSoFar } from '../../../../src/engine/core/util/result.ts';
import { formatIssue } from '../../../../src/engine/core/util/issues.ts';
import { root, table, withIssues } from '../convenings/helpers.ts';

const fixtures = `${root}test/fixtures/matching/`;
const mentees = withIssues(parseMentees(table(readFileSync(`${fixtures}mentees.csv`, 'utf8'), 'mentees.csv')));
const mentors = withIssues(parseMentors(table(readFileSync(`${fixtures}mentors.csv`, 'utf8'), 'mentors.csv')));
const pairOf = (result: MatchingResult, mentee: string): string | undefined => result.pairs.find((p) => p.mentee === mentee)?.mentor;

const mentee = (id: string, goals: string[], attributes: Mentee['attributes'] = {}, preferences: Mentee['preferences'] = []): Mentee => ({ id, label: id, goals, preferences, attributes });
const mentor = (id: string, strengths: string[], capacity = 1, attributes: Mentor['attributes'] = {}): Mentor => ({ id, label: id, strengths, capacity, attributes });

describe('goal fit', () => {
  it('compares content words, folded and stemmed', () => {
    expect(phraseSimilarity('Public Speaking', 'public speaking')).toBe(1);
    expect(phraseSimilarity('managing budgets', 'budgeting')).toBeCloseTo(2 / 3, 12);
    expect(phraseSimilarity('public speaking', 'speaking')).toBeCloseTo(2 / 3, 12);
    expect(phraseSimilarity('grant writing', 'data analysis')).toBe(0);
    expect(phraseSimilarity('policies', 'policy')).toBe(1);
  });

  it('averages the best match of each goal', () => {
    const fit = goalFit(['fundraising', 'public speaking', 'evaluation'], ['Fundraising', 'program evaluation']);
    expect(fit.score).toBeCloseTo((1 + 0 + 2 / 3) / 3, 12);
    expect(fit.matches.map((m) => m.goal)).toEqual(['fundraising', 'evaluation']);
    expect(goalFit([], ['x']).score).toBe(0);
  });
});

describe('reading mentee and mentor lists', () => {
  it('reads goals, strengths, capacities, attributes and the preferences mentees chose', () => {
    expect(mentees.issues).toEqual([]);
    expect(mentors.issues).toEqual([]);
    expect(mentees.mentees).toHaveLength(12);
    const fatima = mentees.mentees.find((m) => m.id === 'Fatima Nowak')!;
    expect(fatima).toMatchObject({ goals: ['grant writing', 'data analysis'], preferences: [{ attribute: 'gender' }], email: 'fatima.nowak@example.org' });
    expect(fatima.attributes).toMatchObject({ sector: 'Government', gender: 'woman' });
    expect(mentees.mentees.find((m) => m.id === 'Hiroshi Smith')!.preferences).toEqual([]);
    expect(mentors.mentors.map((m) => m.capacity)).toEqual([2, 2, 1, 2, 2, 1, 1, 1]);
    expect(mentors.mentors[1]!.strengths).toEqual(['media relations', 'grant writing', 'policy advocacy']);
  });

  it('reads "match on" lists, explicit values and reports what it cannot use', () => {
    const read = withIssues(parseMentees(
      table(
        ['name,goals,gender,ethnicity,match on,preferred mentor language', 'A One,x,woman,Black,gender; ethnicity,', 'B Two,y,man,,faith,Spanish', 'C Three,z,,Asian,gender=woman,any'].join('\n'),
        'm.csv',
      ),
    ));
    expect(read.mentees.map((m) => m.preferences)).toEqual([
      [{ attribute: 'gender' }, { attribute: 'ethnicity' }],
      [{ attribute: 'language', value: 'Spanish' }],
      [{ attribute: 'gender', value: 'woman' }],
    ]);
    expect(read.issues.map(formatIssue)).toEqual([
      'm.csv, row 3, field "match on": the preference "faith" names no column of the mentee list, so a mentee\'s own faith is unknown; it is not used (first in this row)',
    ]);
    const bad = withIssues(parseMentors(table('name,skills,capacity\nX Y,a,two\nZ W,b,-1\nQ R,c,', 'mentors.csv')));
    expect(bad.mentors.map((m) => m.capacity)).toEqual([1, 1, 1]);
    expect(bad.issues.map((i) => [i.code, i.row, i.field])).toEqual([
      ['bad-capacity', 2, 'capacity'],
      ['bad-capacity', 3, 'capacity'],
    ]);
  });
});

describe('matchMentors', () => {
  it('places every mentee on the coalition sample and explains each pair in words', () => {
    const result = matchMentors({ mentees: mentees.mentees, mentors: mentors.mentors });
    expect(result.feasible).toBe(true);
    expect(result.placed).toBe(12);
    expect(result.issues).toEqual([]);
    const loads = new Map(result.mentors.map((m) => [m.mentor, m]));
    for (const m of result.mentors) expect(m.assigned).toBeLessThanOrEqual(m.capacity);
    expect(loads.get('Patrick Rivera')!.assigned).toBe(2);
    expect(pairOf(result, 'Diego Peterson')).toBe('Patrick Rivera');
    const elizabeth = result.pairs.find((p) => p.mentee === 'Elizabeth Singh')!;
    expect(elizabeth.mentor).toBe('Elena Singh');
    expect(elizabeth.explanation).toBe(
      'Elizabeth Singh with Elena Singh: Elena Singh can help with policy advocacy and media relations; the same gender, as Elizabeth Singh asked.',
    );
    // Identity is never mentioned for mentees who did not ask.
    for (const pair of result.pairs.filter((p) => mentees.mentees.find((m) => m.id === p.mentee)!.preferences.length === 0)) {
      expect(pair.identity).toEqual([]);
      expect(pair.explanation).not.toMatch(/gender/);
    }
  });

  it('uses identity attributes only for mentees who asked for them', () => {
    const people = [mentee('Ann', ['budgets'], { gender: 'woman' }), mentee('Bo', ['budgets'], { gender: 'man' })];
    const coaches = [mentor('Max', ['budgets'], 1, { gender: 'man' }), mentor('Mia', ['budgeting and finance'], 1, { gender: 'woman' })];
    const base = matchMentors({ mentees: people, mentors: coaches });
    // Swapping the mentors' genders changes nothing when nobody asked.
    const swapped = matchMentors({ mentees: people, mentors: coaches.map((c) => ({ ...c, attributes: { gender: c.attributes.gender === 'man' ? 'woman' : 'man' } })) });
    expect(swapped.pairs.map((p) => [p.mentee, p.mentor])).toEqual(base.pairs.map((p) => [p.mentee, p.mentor]));
    // Ann asks: she gets Mia, even though Max fits her goal a little better.
    const asked = matchMentors({ mentees: [{ ...people[0]!, preferences: [{ attribute: 'gender' }] }, people[1]!], mentors: coaches });
    expect(pairOf(asked, 'Ann')).toBe('Mia');
    expect(asked.pairs.find((p) => p.mentee === 'Ann')!.identity).toEqual([{ attribute: 'gender', wanted: 'woman', same: true, met: true }]);
    expect(asked.pairs.find((p) => p.mentee === 'Bo')!.identity).toEqual([]);
  });

  it('strict identity makes a preference a requirement; unmet, the mentee is left out with the reason', () => {
    const result = matchMentors(
      { mentees: [mentee('Ann', ['budgets'], { gender: 'woman' }, [{ attribute: 'gender' }])], mentors: [mentor('Max', ['budgets'], 1, { gender: 'man' })] },
      { strictIdentity: true },
    );
    expect(result.placed).toBe(0);
    expect(result.unplaced[0]!.reason).toBe('no mentor with a place left can take them (not of the identity they asked for (same gender))');
  });

  it('bridges work units only when asked to', () => {
    const people = [mentee('Ann', ['budgets'], { department: 'Parks' }), mentee('Bo', ['budgets'], { department: 'Parks' }), mentee('Cy', ['maps'], { department: 'Transit' })];
    const coaches = [mentor('Pat', ['budgets'], 1, { department: 'Parks' }), mentor('Tam', ['budgets', 'maps'], 2, { department: 'Transit' })];
    const plain = matchMentors({ mentees: people, mentors: coaches });
    expect(plain.pairs.every((p) => p.bridging === null)).toBe(true);
    const bridged = matchMentors({ mentees: people, mentors: coaches }, { bridge: true });
    expect(bridged.settings.bridgeBy).toBe('department');
    // Cy needs Tam (maps); of Ann and Bo, one goes to Tam across units, one stays with Pat.
    expect(pairOf(bridged, 'Cy')).toBe('Tam');
    expect(bridged.pairs.filter((p) => p.bridging !== null).map((p) => p.mentee)).toHaveLength(1);
    expect(bridged.pairs.find((p) => p.bridging !== null)!.explanation).toMatch(/bridges department: Parks and Transit/);
    // Communities from the network work too.
    const byCommunity = matchMentors({ mentees: people, mentors: coaches }, { bridge: true, bridgeBy: 'none', communities: { Ann: 0, Bo: 1, Cy: 1, Pat: 0, Tam: 1 } });
    expect(byCommunity.pairs.find((p) => p.bridging !== null)?.bridging).toMatchObject({ by: 'community' });
  });

  it('honours locks and rejections on re-solve', () => {
    const first = matchMentors({ mentees: mentees.mentees, mentors: mentors.mentors });
    const kept = pairOf(first, 'Kwame Rivera')!;
    const rules = [
      { mentee: 'Kevin Smith', mentor: 'Laura Reyes', action: 'lock' as const },
      { mentee: 'Diego Peterson', mentor: 'Patrick Rivera', action: 'reject' as const },
      { mentee: 'Kwame Rivera', mentor: kept, action: 'lock' as const },
    ];
    const again = matchMentors({ mentees: mentees.mentees, mentors: mentors.mentors, rules });
    expect(pairOf(again, 'Kevin Smith')).toBe('Laura Reyes');
    expect(pairOf(again, 'Kwame Rivera')).toBe(kept);
    expect(pairOf(again, 'Diego Peterson')).not.toBe('Patrick Rivera');
    expect(again.pairs.find((p) => p.mentee === 'Kevin Smith')!.locked).toBe(true);
    expect(again.pairs.find((p) => p.mentee === 'Kevin Smith')!.explanation).toMatch(/locked by you\.$/);
    for (const m of again.mentors) expect(m.assigned).toBeLessThanOrEqual(m.capacity);
  });

  it('more mentees than places: a clear message and the best partial assignment', () => {
    const small = mentors.mentors.map((m) => ({ ...m, capacity: 1 }));
    const result = matchMentors({ mentees: mentees.mentees, mentors: small });
    expect(result.feasible).toBe(false);
    expect(result.placed).toBe(8);
    expect(result.unplaced).toHaveLength(4);
    const warning = result.issues.find((i) => i.code === 'not-enough-places')!;
    expect(warning.message).toMatch(/^12 mentees but only 8 mentor places: 4 mentees are left without a mentor \(.+\); this is the best partial assignment\. Add mentors or places$/);
    for (const u of result.unplaced) expect(u.reason).toMatch(/needed for others|no mentor place is left/);
    // The partial assignment is the best one: same total as without the mentees left out... or better.
    const placedOnly = matchMentors({ mentees: mentees.mentees.filter((m) => result.pairs.some((p) => p.mentee === m.id)), mentors: small });
    expect(placedOnly.totalScore).toBeCloseTo(result.totalScore, 6);
  });

  it('never pairs someone with themself, and reports locks beyond a mentor\'s capacity', () => {
    const result = matchMentors({
      mentees: [mentee('Ana Ruiz', ['x']), mentee('Bo Li', ['x']), mentee('Cy Ng', ['x'])],
      mentors: [mentor('ana ruiz', ['x'], 1), mentor('Dee Fox', ['y'], 1)],
      rules: [
        { mentee: 'Bo Li', mentor: 'Dee Fox', action: 'lock' },
        { mentee: 'Cy Ng', mentor: 'Dee Fox', action: 'lock' },
        { mentee: 'Ana Ruiz', mentor: 'ana ruiz', action: 'lock' },
      ],
    });
    expect(result.pairs.map((p) => [p.mentee, p.mentor])).toEqual([
      ['Bo Li', 'Dee Fox'],
      ['Cy Ng', 'Dee Fox'],
    ]);
    expect(result.issues.map((i) => i.code)).toEqual(['self-pair', 'over-capacity', 'not-enough-places']);
    expect(result.issues.find((i) => i.code === 'over-capacity')!.message).toBe('"Dee Fox" has 1 place but 2 locked mentees; every lock is kept and they take no one else');
    expect(result.unplaced).toEqual([{ mentee: 'Ana Ruiz', label: 'Ana Ruiz', reason: 'no mentor with a place left can take them (one is the mentee themself)' }]);
  });

  it('reports invalid input instead of throwing', () => {
    const result = matchMentors({ mentees: [{ id: '', label: 'x' }], mentors: [] } as never);
    expect(result.issues[0]).toMatchObject({ level: 'error', code: 'bad-matching-input' });
  });
});

describe('pair decisions and the pairs CSV', () => {
  it('writes spreadsheet-safe cells and reads back as decisions (action column, locked column)', () => {
    const hostile = mentees.mentees.map((m, i) => (i === 0 ? { ...m, label: '=HYPERLINK("x")' } : m));
    const result = matchMentors({ mentees: hostile, mentors: mentors.mentors });
    const csv = pairsCsv(result);
    expect(csv.split('\n')[0]).toBe('mentee,mentor,score,goal_fit,goals_met,bridging,identity,locked,explanation,mentee_id,mentor_id,action');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const back = readSoFar(readCsv(csv, { file: 'pairs.csv' }))!;
    // Nothing written in the action column and nothing locked: no decisions.
    expect(withIssues(parsePairRules(back, hostile, mentors.mentors)).rules).toEqual([]);
    back.records[1]!.cells[11] = 'lock';
    back.records[2]!.cells[11] = 'reject';
    const rules = withIssues(parsePairRules(back, hostile, mentors.mentors));
    expect(rules.rules.map((r) => [r.mentee, r.action])).toEqual([
      [result.pairs[1]!.mentee, 'lock'],
      [result.pairs[2]!.mentee, 'reject'],
    ]);
  });

  it('matches names in a hand-written decisions file and reports the unknown ones', () => {
    const text = ['mentee,mentor,action', 'fatima nowak,Laura Reyes,lock', 'Nia Jones,omar santos,reject', 'Zed Quill,Laura Reyes,lock', 'Kevin Smith,Laura Reyes,maybe'].join('\n');
    const read = withIssues(parsePairRules(table(text, 'locks.csv'), mentees.mentees, mentors.mentors));
    expect(read.rules.map((r) => [r.mentee, r.mentor, r.action])).toEqual([
      ['Fatima Nowak', 'Laura Reyes', 'lock'],
      ['Nia Jones', 'Omar Santos', 'reject'],
    ]);
    expect(read.issues.map((i) => [i.code, i.row])).toEqual([
      ['unmatched-name', 4],
      ['bad-action', 5],
    ]);
  });
});
