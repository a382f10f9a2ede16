/**
 * The circles section's words and rows: the baselines sentence, the mix rule, rules relaxed with
 * names, the CSV with names (spreadsheet-safe), locks and the request sent to the worker.
 */
import { describe, expect, it } from 'vitest';
import { CircleChoicesSchema, type SavedCirclesResult } from '../../src/engine/core/model/circles.ts';
import { baselineText, circlesCsvWithNames, circlesRequest, comparisonRows, locksKept, mixRuleText, onlyOffered, relaxedRows, withLock } from '../../src/viz/components/circles-words.ts';

const member = (id: string, label: string, unit: string) => ({ id, label, unit, locked: false, inNetwork: true, edge: false });
const last: SavedCirclesResult = {
  circles: [
    { name: 'Circle 1', explanation: '2 units, 1 of 1 pairs new', members: [member('a', 'Ana', 'North'), member('b', '=HYPERLINK("x")', 'South')] },
    { name: 'Circle 2', explanation: '1 unit, 0 of 1 pairs new', members: [member('c', 'Chen, Li', 'North'), member('d', 'Dee', 'North')] },
  ],
  metrics: { circles: 2, people: 4, pairs: 240, newPairs: 240, circlesMeetingUnitRule: 1 },
  baselines: { random: { pairs: 240, newPairs: 226, circlesMeetingUnitRule: 1 }, greedy: { pairs: 240, newPairs: 233, circlesMeetingUnitRule: 2 } },
  relaxed: [
    { constraint: 'across', people: ['c', 'd'], circle: 'Circle 2', message: 'circle 2 holds 1 different units, not the 2 asked for' },
    { constraint: 'size', people: [], message: 'sizes changed' },
  ],
  unknownReportsTo: [],
  notInNetwork: [],
  settings: { across: 'unit', minDistinct: 2, minSize: 2, maxSize: 2, seed: 42 },
};

describe('circles words', () => {
  it('compares with the baselines in plain words', () => {
    expect(baselineText(last)).toBe('240 new pairs of 240, against 226 for a random draw and 233 for a simple greedy pass.');
    expect(mixRuleText(last)).toBe('1 of 2 circles hold 2 or more different unit values.');
    expect(mixRuleText({ ...last, metrics: { ...last.metrics, circlesMeetingUnitRule: 2 } })).toBe('All 2 circles hold 2 or more different unit values.');
    expect(mixRuleText({ ...last, settings: { ...last.settings, across: null } })).toBeNull();
    expect(comparisonRows(last)).toEqual([
      { what: 'These circles', newPairs: '240 of 240', mix: '1 of 2' },
      { what: 'A random draw', newPairs: '226 of 240', mix: '1 of 2' },
      { what: 'A simple greedy pass', newPairs: '233 of 240', mix: '2 of 2' },
    ]);
  });

  it('names the people a relaxed rule concerns', () => {
    expect(relaxedRows(last)).toEqual([
      { rule: 'Mix of units', who: 'Chen, Li, Dee', what: 'Circle 2 holds 1 different units, not the 2 asked for' },
      { rule: 'Circle size', who: 'everyone', what: 'Sizes changed' },
    ]);
  });

  it('writes circle,person with names, spreadsheet-safe', () => {
    const csv = circlesCsvWithNames(last).trim().split(/\r?\n/);
    expect(csv[0]).toBe('circle,person');
    expect(csv).toHaveLength(5);
    expect(csv[2]).not.toMatch(/^Circle 1,=/);
    expect(csv[3]).toBe('Circle 2,"Chen, Li"');
  });

  it('keeps, moves and frees a person', () => {
    const one = withLock([], 'a', 'Circle 1');
    expect(one).toEqual([{ person: 'a', circle: 'Circle 1' }]);
    expect(withLock(one, 'a', 'Circle 2')).toEqual([{ person: 'a', circle: 'Circle 2' }]);
    expect(withLock(one, 'a', '')).toEqual([]);
    expect(locksKept([...one, { person: 'gone', circle: 'Circle 1' }], last)).toEqual(one);
  });

  it('drops columns no longer offered', () => {
    const choices = { ...CircleChoicesSchema.parse({}), across: 'unit', reportsTo: 'boss', identity: 'wish' };
    expect(onlyOffered(choices, { columns: ['boss', 'unit'], groups: ['unit'] })).toMatchObject({ across: 'unit', reportsTo: 'boss', identity: '' });
    expect(onlyOffered(choices, { columns: [], groups: [] })).toMatchObject({ across: '', reportsTo: '', identity: '' });
  });

  it('asks the worker only for complete choices', () => {
    const choices = CircleChoicesSchema.parse({});
    expect(circlesRequest({ ...choices, who: 'file' }, [], { participants: null, previous: null })).toBe('Choose a participants file first.');
    expect(circlesRequest({ ...choices, who: 'attribute', whoAttribute: 'unit' }, [], { participants: null, previous: null })).toMatch(/Choose a column and a value/);
    expect(circlesRequest({ ...choices, minSize: 7 }, [], { participants: null, previous: null })).toMatch(/smallest circle size/);
    expect(circlesRequest({ ...choices, across: 'unit', reportsTo: 'boss' }, [{ person: 'a', circle: 'Circle 1' }], { participants: null, previous: { name: 'prev.csv', text: 'mentor,mentee\n' } })).toEqual({
      participants: { kind: 'everyone' },
      previous: [{ name: 'prev.csv', text: 'mentor,mentee\n' }],
      locks: [{ person: 'a', circle: 'Circle 1' }],
      options: { minSize: 4, maxSize: 6, minDistinct: 3, seed: 42, across: 'unit', reportsTo: 'boss' },
    });
  });
});
