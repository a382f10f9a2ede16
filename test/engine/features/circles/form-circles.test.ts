/**
 * Peer circles on the coalition sample (coalition-circles.ts): every rule holds or is reported
 * relaxed, the circles beat the random and greedy baselines on new pairs while meeting the unit
 * rule, the same seed gives the same circles, locks are kept, last season's pairs are avoided,
 * identity counts only for those who asked, unknown reports-to names are listed, and rules that
 * cannot hold are said with the people they concern.
 */
import { describe, expect, it } from 'vitest';
import { formCircles, type CirclesResult } from '../../../../src/engine/features/circles/form-circles.ts';
import { parseCircleLocks, parseParticipants } from '../../../../src/engine/features/circles/import-circles.ts';
import { circlesCsv } from '../../../../src/engine/features/circles/circles-csv.ts';
import type { Participant, PreviousPair } from '../../../../src/engine/features/circles/model.ts';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import { ASKED_REGION, ASKED_WOMEN, coalitionNetwork, coalitionParticipants, lastSeason, participantsCsv, REPORTS, roster, table, UNKNOWN_BOSS, WOMEN } from './coalition-circles.ts';

const participants = coalitionParticipants();
const network = coalitionNetwork();
const previous = lastSeason(participants);
const solve = (extra: Partial<Parameters<typeof formCircles>[0]> = {}, options: Parameters<typeof formCircles>[1] = {}): CirclesResult =>
  formCircles({ participants, network, previous, ...extra }, { across: 'work unit', ...options });
const result = solve();

const circleOf = (r: CirclesResult): Map<string, string> => new Map(r.circles.flatMap((c) => c.members.map((m) => [m.id, c.name] as const)));
const byLabel = new Map(participants.map((p) => [p.label, p]));
const idOf = (name: string): string => byLabel.get(name)!.id;

describe('formCircles on the coalition sample', () => {
  it('places every participant once, in circles of 4-6 mixing at least 3 sectors', () => {
    expect(participants).toHaveLength(120);
    const placed = result.circles.flatMap((c) => c.members.map((m) => m.id));
    expect(placed.sort()).toEqual(participants.map((p) => p.id).sort());
    for (const c of result.circles) {
      expect(c.size).toBeGreaterThanOrEqual(4);
      expect(c.size).toBeLessThanOrEqual(6);
      expect(new Set(c.members.map((m) => m.unit)).size).toBeGreaterThanOrEqual(3);
      expect(c.units).toBeGreaterThanOrEqual(3);
    }
    expect(result.relaxed).toEqual([]);
    expect(result.settings).toMatchObject({ across: 'work unit', minDistinct: 3, minSize: 4, maxSize: 6, seed: 42, relations: ['collaborate', 'advice'] });
  });

  it('keeps everyone apart from the person they report to, and last season\'s mentorship pairs apart', () => {
    const at = circleOf(result);
    expect(REPORTS.length).toBeGreaterThanOrEqual(10);
    for (const { person, boss } of REPORTS) expect(at.get(idOf(person))).not.toBe(at.get(idOf(boss)));
    const among = previous.filter((p: PreviousPair) => at.has(p.a) && at.has(p.b));
    expect(among.length).toBeGreaterThanOrEqual(20);
    for (const pair of among) expect(at.get(pair.a), `${pair.a} and ${pair.b}`).not.toBe(at.get(pair.b));
    // Without the rules, the random baseline puts some of them together: the rules did work.
    expect(result.baselines.random.broken.previous + result.baselines.random.broken.reportsTo).toBeGreaterThan(0);
    expect(result.metrics.broken).toEqual({ reportsTo: 0, previous: 0, units: 0, identity: 0, size: 0 });
  });

  it('beats the random and greedy baselines on new pairs while meeting the unit rule', () => {
    const { metrics, baselines } = result;
    expect(metrics.pairs).toBe(baselines.random.pairs);
    expect(metrics.pairs).toBe(baselines.greedy.pairs);
    expect(metrics.newPairs).toBeGreaterThan(baselines.random.newPairs);
    expect(metrics.newPairs).toBeGreaterThan(baselines.greedy.newPairs);
    expect(metrics.circlesMeetingUnitRule).toBe(metrics.circles);
    // People at the edge are spread and placed with well-connected people.
    expect(metrics.edgePeople).toBeGreaterThan(10);
    expect(metrics.edgeWithConnector).toBeGreaterThanOrEqual(baselines.greedy.edgeWithConnector);
    expect(metrics.edgeWithConnector).toBeGreaterThanOrEqual(baselines.random.edgeWithConnector);
    expect(Math.max(...result.circles.map((c) => c.edgePeople))).toBeLessThanOrEqual(Math.ceil(metrics.edgePeople / metrics.circles) + 1);
  });

  it('explains each circle in plain words', () => {
    for (const c of result.circles) {
      expect(c.explanation).toMatch(new RegExp(`^${c.units} units, ${c.newPairs} of ${c.pairs} pairs new, (includes \\d+ (person|people) at the edge|no one at the edge)`));
    }
    const asker = result.circles.find((c) => c.members.some((m) => m.id === idOf(ASKED_WOMEN[0]!)))!;
    expect(asker.explanation).toMatch(/identity wish(es)? met/);
    // The wish's value is not repeated.
    expect(asker.explanation).not.toMatch(/wom[ae]n/);
  });

  it('gives the same circles for the same seed, and other circles for another seed', () => {
    expect(JSON.stringify(solve().circles)).toBe(JSON.stringify(result.circles));
    const other = solve({}, { seed: 7 });
    expect(JSON.stringify(other.circles)).not.toBe(JSON.stringify(result.circles));
    expect(other.relaxed).toEqual([]);
  });

  it('keeps locked people in their circles when solving again (locks read from its own CSV)', () => {
    const csv = circlesCsv(result.circles).trim().split('\n');
    const kept = [csv[0]!, ...csv.slice(1, 4), ...csv.slice(30, 32)].join('\n');
    const locks = orThrow(parseCircleLocks(table(kept, 'locks.csv'), participants)).value.locks;
    expect(locks).toHaveLength(5);
    // A person moved by hand to another circle stays there too.
    const moved = result.circles[5]!.members[0]!.id;
    const again = solve({ locks: [...locks, { person: moved, circle: 'Circle 1' }] }, { seed: 99 });
    const at = circleOf(again);
    for (const lock of locks) expect(at.get(lock.person)).toBe(lock.circle);
    expect(at.get(moved)).toBe('Circle 1');
    for (const c of again.circles) for (const m of c.members) expect(m.locked).toBe(locks.some((l) => l.person === m.id) || m.id === moved);
    expect(again.relaxed).toEqual([]);
  });

  it('honours identity wishes for those who asked, and only for them', () => {
    const at = circleOf(result);
    const women = new Set([...WOMEN].map(idOf));
    for (const name of ASKED_WOMEN) {
      const id = idOf(name);
      const circle = result.circles.find((c) => c.name === at.get(id))!;
      expect(circle.members.some((m) => m.id !== id && women.has(m.id)), name).toBe(true);
    }
    const region = (id: string): string => String(participants.find((p) => p.id === id)!.attributes.region);
    for (const name of ASKED_REGION) {
      const id = idOf(name);
      const circle = result.circles.find((c) => c.name === at.get(id))!;
      expect(circle.members.some((m) => m.id !== id && region(m.id) === region(id)), name).toBe(true);
    }
    expect(participants.filter((p) => p.wishes.length > 0).map((p) => p.label).sort()).toEqual([...ASKED_WOMEN, ...ASKED_REGION].sort());
    // Nobody asked: the gender column changes nothing.
    const noWishes = coalitionParticipants(participantsCsv({ withWishes: false }));
    const noGender = coalitionParticipants(participantsCsv({ withWishes: false, withGender: false }));
    const a = formCircles({ participants: noWishes, network, previous }, { across: 'work unit' });
    const b = formCircles({ participants: noGender, network, previous }, { across: 'work unit' });
    expect(JSON.stringify(a.circles)).toBe(JSON.stringify(b.circles));
  });

  it('reads who people report to and their wishes from attributes, for people of an open project', () => {
    const asPeople = participants.map((p) => ({
      id: p.id,
      label: p.label,
      attributes: { ...p.attributes, ...(p.reportsTo !== undefined ? { manager: p.reportsTo } : {}), ...(ASKED_WOMEN.includes(p.label) ? { wish: 'a circle with other women' } : ASKED_REGION.includes(p.label) ? { wish: 'same region' } : {}) },
      wishes: [],
    }));
    const r = formCircles({ participants: asPeople, network, previous }, { across: 'work unit', reportsTo: 'manager', identity: 'wish' });
    expect(JSON.stringify(r.circles)).toBe(JSON.stringify(result.circles));
    expect(r.unknownReportsTo).toEqual([expect.objectContaining({ written: UNKNOWN_BOSS })]);
    expect(formCircles({ participants: asPeople }, { reportsTo: 'boss' }).issues).toContainEqual(expect.objectContaining({ code: 'unknown-attribute', field: 'boss' }));
  });

  it('lists reports-to names that match no one', () => {
    expect(result.unknownReportsTo).toEqual([expect.objectContaining({ label: roster[5]!.name, written: UNKNOWN_BOSS, file: 'participants.csv', row: 7 })]);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'unknown-reports-to', row: 7, field: 'reports to' }));
  });

  it('keeps participants who are not in the network, placed by attributes only, and says so', () => {
    const csv = participantsCsv({ extra: [['Ada Newcomer', 'ada.newcomer@example.org', 'Library 9', 'Government', 'North', 'Government', 'woman', '', '']] });
    const r = formCircles({ participants: coalitionParticipants(csv), network, previous }, { across: 'work unit' });
    const ada = r.circles.flatMap((c) => c.members).find((m) => m.label === 'Ada Newcomer')!;
    expect(ada).toMatchObject({ inNetwork: false, contacts: null, edge: false });
    expect(r.notInNetwork).toContain(ada.id);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'not-in-network', message: expect.stringMatching(/"Ada Newcomer".*kept and placed by their attributes only/) }));
    expect(r.circles.find((c) => c.members.some((m) => m.id === ada.id))!.explanation).toMatch(/1 not in the network \(placed by attributes only\)/);
  });

  it('says which rules it relaxed, and for whom, when they cannot all hold', () => {
    // Six sectors cannot give seven different ones per circle.
    const wide = solve({}, { minDistinct: 7 });
    expect(wide.relaxed).toContainEqual(expect.objectContaining({ constraint: 'across', message: expect.stringMatching(/only 6/) }));
    expect(wide.issues).toContainEqual(expect.objectContaining({ code: 'rules-relaxed' }));
    // A wish no one else shares; a boss and their report both locked in one circle.
    const csv = participantsCsv().split('\n');
    const lonely = csv.map((line, i) => (i === 10 ? line.replace(/,[^,]*$/, ',region=Atlantis') : line)).join('\n');
    const ps = coalitionParticipants(lonely);
    const boss = REPORTS[0]!;
    const r = formCircles({ participants: ps, network, previous, locks: [{ person: idOf(boss.person), circle: 'Circle 3' }, { person: idOf(boss.boss), circle: 'Circle 3' }] }, { across: 'work unit' });
    expect(r.relaxed).toContainEqual(expect.objectContaining({ constraint: 'reports-to', people: expect.arrayContaining([idOf(boss.person), idOf(boss.boss)]), circle: 'Circle 3', message: expect.stringMatching(/both locked there by you/) }));
    expect(ps[9]!.wishes).toEqual([expect.objectContaining({ attribute: 'region', value: 'Atlantis' })]);
    expect(r.relaxed).toContainEqual(expect.objectContaining({ constraint: 'identity', people: [ps[9]!.id], message: expect.stringMatching(/no other participant shares it/) }));
    // Seven people cannot make circles of 4-6.
    const seven = formCircles({ participants: participants.slice(0, 7) }, {});
    expect(seven.circles).toHaveLength(1);
    expect(seven.relaxed).toContainEqual(expect.objectContaining({ constraint: 'size', message: expect.stringMatching(/7 participants cannot make circles of 4-6; one circle of 7/) }));
  });
});

describe('reading participants', () => {
  it('reads wishes as written: a value ("other women"), "same region", attribute=value; unknown ones are warned with row and field', () => {
    const csv = 'name,gender,region,circle wish\nAna,woman,North,a circle with other women\nBo,man,South,same region\nCy,woman,East,gender=woman\nDi,man,West,with other astronauts\nEd,man,North,no\n';
    const read = parseParticipants(table(csv), { identity: 'circle wish' });
    expect(read.ok).toBe(true);
    const ps = orThrow(read).value.participants as Participant[];
    expect(ps.map((p) => p.wishes.map((w) => [w.attribute, w.value ?? null]))).toEqual([[['gender', 'woman']], [['region', null]], [['gender', 'woman']], [], []]);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'unknown-wish', row: 5, field: 'circle wish' })]);
    expect(ps[0]!.attributes).not.toHaveProperty('circle wish');
  });

  it('refuses a column the user named that is not there, naming the file, row and field', () => {
    const read = parseParticipants(table('name,unit\nAna,A\n'), { reportsTo: 'manager', across: 'department' });
    expect(read.ok).toBe(false);
    expect(read.issues).toEqual([
      expect.objectContaining({ level: 'error', code: 'missing-column', file: 'participants.csv', row: 1, field: 'manager' }),
      expect.objectContaining({ level: 'error', code: 'missing-column', file: 'participants.csv', row: 1, field: 'department' }),
    ]);
  });

  it('validates each lock row: a row without a circle is an error with its row and field', () => {
    const read = parseCircleLocks(table('circle,person\nCircle 1,Robert Jackson\n,William Ali\n', 'locks.csv'), participants);
    expect(read.ok).toBe(false);
    expect(read.issues).toContainEqual(expect.objectContaining({ level: 'error', file: 'locks.csv', row: 3, field: 'circle', message: 'the circle is missing' }));
  });
});
