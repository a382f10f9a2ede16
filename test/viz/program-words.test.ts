import { describe, expect, it } from 'vitest';
import { average, counted, indicatorChange, indicatorValue, listWords, mixText, plainReason, pluralOf } from '../../src/viz/components/program-words.ts';
import type { GroupMix } from '../../src/engine/features/convenings/summaries.ts';

const mix = (groups: Array<[string, number]>, unknown = 0, attribute = 'sector'): GroupMix => ({
  attribute,
  groups: groups.map(([value, count]) => ({ value, count })),
  distinct: groups.length,
  blau: 0,
  crossPairShare: null,
  unknown,
});

describe('program words', () => {
  it('counts things with their noun', () => {
    expect(counted(1, 'event')).toBe('1 event');
    expect(counted(1234, 'event')).toBe('1,234 events');
    expect(counted(2, 'person', 'people')).toBe('2 people');
    expect(pluralOf('city')).toBe('cities');
    expect(pluralOf('class')).toBe('classes');
    expect(pluralOf('work unit')).toBe('work units');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('says the mix in the room in plain words, largest groups first', () => {
    expect(mixText(mix([['Nonprofit', 12], ['Government', 5], ['Business', 4], ['Faith', 2], ['Philanthropy', 1]]))).toBe('5 sectors: Nonprofit 12, Government 5, Business 4 and 2 more');
    expect(mixText(mix([['Nonprofit', 12], ['Government', 5]], 3))).toBe('2 sectors: Nonprofit 12 and Government 5; 3 not known');
    expect(mixText(mix([['Parks', 1]], 0, 'Work unit'))).toBe('1 work unit: Parks 1');
    expect(mixText(mix([], 4))).toBe('sector not known for anyone');
  });

  it('reads an indicator change with its direction, as a percentage, count or average', () => {
    expect(indicatorChange('crossGroupShare', 0.34, 0.41)).toBe('up from 34% to 41%');
    expect(indicatorChange('peripheral', 17, 20)).toBe('up from 17 to 20');
    expect(indicatorChange('isolates', 2, 0)).toBe('down from 2 to 0');
    expect(indicatorChange('averagePathLength', 2.8312, 2.61)).toBe('down from 2.8 to 2.6');
    expect(indicatorChange('largestComponentShare', 1, 1)).toBe('no change (100%)');
    // Shares that round alike are told apart with a decimal; changes too small to show say so.
    expect(indicatorChange('density', 0.0597, 0.0632)).toBe('up from 6.0% to 6.3%');
    expect(indicatorChange('averageDegree', 7.131, 7.129)).toBe('about the same (7.1)');
    expect(indicatorChange('density', null, 0.2, ['wave 1', 'wave 2'])).toBe('20% (not measured in wave 1)');
    expect(indicatorValue('ties', 1234)).toBe('1,234');
    expect(average(3)).toBe('3.0');
  });

  it('writes the scores inside engine sentences in words', () => {
    expect(plainReason('sits at the edge of the network (5 ties, periphery score 0.84)')).toBe('sits at the edge of the network (5 ties, periphery score 84 of 100)');
    expect(plainReason('named by no one')).toBe('named by no one');
  });
});
