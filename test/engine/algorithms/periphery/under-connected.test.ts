import { describe, expect, it } from 'vitest';
import { toCsr } from '../../../../src/engine/core/graph/csr.ts';
import { contactsOf } from '../../../../src/engine/algorithms/brokerage/contacts.ts';
import { listNames, midrankPercentile } from '../../../../src/engine/algorithms/brokerage/ranks.ts';
import { peripheryReasons, peripheryScores, type PeripheryInputs } from '../../../../src/engine/algorithms/periphery/under-connected.ts';
import { graphOf } from './fixtures.ts';

describe('mid-rank percentiles', () => {
  it('share ranks between equal values and put NaN lowest', () => {
    expect(Array.from(midrankPercentile([3, 1, 2, 2]))).toEqual([1, 0, 0.5, 0.5]);
    expect(Array.from(midrankPercentile([NaN, 0, 5]))).toEqual([0, 0.5, 1]);
    expect(Array.from(midrankPercentile([7, 7, 7]))).toEqual([0.5, 0.5, 0.5]);
    expect(Array.from(midrankPercentile([4]))).toEqual([0.5]);
  });
});

describe('names in sentences', () => {
  it('lists one, two and more names', () => {
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B'])).toBe('A and B');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});

/** A directed survey: h is named by everyone; r answered and named two people; s did not answer. */
function inputs(): { ids: string[]; input: PeripheryInputs } {
  const ids = ['h', 'a', 'b', 'c', 'd', 'r', 's'];
  const edges: Array<[string, string, number]> = [
    ['a', 'h', 1], ['b', 'h', 1], ['c', 'h', 1], ['d', 'h', 1], ['a', 'b', 1], ['c', 'd', 1], ['b', 'c', 1],
    ['h', 'a', 1], ['r', 'h', 1], ['r', 'a', 1], ['d', 's', 1],
  ];
  const csr = toCsr(graphOf(ids, edges, true));
  const contacts = contactsOf(csr);
  const n = csr.n;
  const input: PeripheryInputs = {
    labels: csr.ids.map((id) => id.toUpperCase()),
    contacts,
    namedBy: { offsets: csr.inOffsets, targets: csr.inTargets },
    kCore: new Float64Array(n).fill(1),
    coreScore: new Float64Array(n).fill(0.1),
    inCore: new Uint8Array(n),
    farReach: new Float64Array(n).fill(1),
    farSteps: 3,
    group: new Int32Array(n),
    groupName: () => 'group 1',
    nonRespondent: Uint8Array.from(csr.ids, (id) => (id === 's' ? 1 : 0)),
  };
  return { ids: csr.ids, input };
}

describe('periphery scores', () => {
  it('judges non-respondents only on how often they were named', () => {
    const { ids, input } = inputs();
    const scores = peripheryScores(input);
    const at = (id: string) => ids.indexOf(id);
    // s's score is 1 - the percentile of their in-degree among everyone's, nothing else.
    const inDegree = ids.map((id) => input.namedBy!.offsets[at(id) + 1]! - input.namedBy!.offsets[at(id)]!);
    const pct = midrankPercentile(inDegree);
    expect(scores.score[at('s')]).toBeCloseTo(1 - pct[at('s')]!, 12);
    // r answered but nobody named them: the most peripheral respondent.
    const respondents = ids.filter((id) => id !== 's');
    const top = respondents.sort((x, y) => scores.score[at(y)]! - scores.score[at(x)]!)[0];
    expect(top).toBe('r');
    expect(peripheryReasons(input, at('r')).map((r) => r.code)).toContain('named-by-no-one');
    const s = peripheryReasons(input, at('s'));
    expect(s.map((r) => r.code)).toEqual(['pendant', 'non-respondent']);
    expect(s[0]!.text).toBe('one tie, to D');
  });

  it('flags pendants and isolates outside the core whatever their score, never core members', () => {
    const { ids, input } = inputs();
    const at = (id: string) => ids.indexOf(id);
    const flagged = peripheryScores(input, { threshold: 2 });
    expect(ids.filter((_, v) => flagged.peripheral[v])).toEqual(['s']);
    input.inCore[at('s')] = 1;
    expect(ids.filter((_, v) => peripheryScores(input, { threshold: 2 }).peripheral[v])).toEqual([]);
  });
});
