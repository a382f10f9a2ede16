import { describe, expect, it } from 'vitest';
import { mergeTies, readTieWeight } from '../../../src/engine/io/merge-ties.ts';
import type { Tie } from '../../../src/engine/core/model/records.ts';

describe('readTieWeight (weights as graph tools write them)', () => {
  it('reads positive weights, and 0 as 1 with a zero-weight warning that says what analyses do', () => {
    expect(readTieWeight('2.5', 'weight')).toEqual({ ok: true, weight: 2.5 });
    for (const zero of ['0', '0.0', '-0', '0e5']) {
      const reading = readTieWeight(zero, 'weight');
      expect(reading).toMatchObject({ ok: true, weight: 1, issue: { code: 'zero-weight' } });
      if (reading.ok) {
        expect(reading.issue?.message).toBe(
          `weight is 0 ("${zero}"), and netweave needs weights above 0, so the tie was kept with weight 1: analyses that ignore weights (the default) count it like any tie, but a weighted analysis counts it with weight 1, not as no tie (remove it from the file if 0 means "no tie")`,
        );
      }
    }
  });

  it('still refuses negative, non-numeric, empty and infinite weights', () => {
    expect(readTieWeight('-1', 'weight')).toEqual({ ok: false, message: 'weight is negative ("-1"); weights must be above 0' });
    expect(readTieWeight('heavy', 'w')).toEqual({ ok: false, message: 'w is not a number: "heavy"' });
    expect(readTieWeight('', 'w').ok).toBe(false);
    expect(readTieWeight('1e400', 'w').ok).toBe(false);
  });
});

describe('mergeTies', () => {
  const draft = (source: string, target: string, row: number, directed = false) => ({
    tie: { source, target, relation: 'tie', directed, weight: 1 } satisfies Tie,
    origin: { file: 'e.txt', row, rowUnit: 'line' as const },
  });

  it('says a reversed repeat is "the same undirected tie" (the words issue-groups groups by), and a plain repeat "the same tie"', () => {
    const { ties, issues } = mergeTies([draft('a', 'b', 1), draft('b', 'a', 2), draft('a', 'b', 3)]);
    expect(ties).toEqual([{ source: 'a', target: 'b', relation: 'tie', directed: false, weight: 3 }]);
    expect(issues.map((i) => i.message)).toEqual([
      'b – a (relation "tie") is the same undirected tie as a – b in line 1; it was merged into that one and the weights added (1 + 1 = 2)',
      'a – b (relation "tie") is the same tie as line 1; it was merged into that one and the weights added (2 + 1 = 3)',
    ]);
  });

  it('merges 300,000 repeats without a stack overflow', () => {
    const drafts = Array.from({ length: 300_000 }, (_, i) => draft(i % 2 === 0 ? 'a' : 'b', i % 2 === 0 ? 'b' : 'a', i + 1));
    const { ties, issues } = mergeTies(drafts);
    expect(ties).toHaveLength(1);
    expect(ties[0]?.weight).toBe(300_000);
    expect(issues).toHaveLength(299_999);
  });
});
