import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { withoutBracketed } from '../../../../src/engine/core/util/brackets.ts';

const text = fc.array(fc.constantFrom('(', ')', '[', ']', 'a', ' ', '1', 'é'), { maxLength: 30 }).map((parts) => parts.join(''));

describe('withoutBracketed', () => {
  it('removes what the regular expressions it replaces removed', () => {
    fc.assert(fc.property(text, (t) => withoutBracketed(t) === t.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')), { seed: 18, numRuns: 2000 });
    fc.assert(fc.property(text, (t) => withoutBracketed(t, { squareNeedsDigit: true }) === t.replace(/\([^)]*\)|\[[^\]]*\d[^\]]*\]/g, ' ')), { seed: 18, numRuns: 2000 });
  });
  it('is linear where the expression was quadratic: 200,000 unclosed brackets', () => {
    const started = performance.now();
    expect(withoutBracketed('node [ '.repeat(100_000) + '('.repeat(100_000)).length).toBe(800_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
