import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/engine/core/util/issues.ts';
import type { InputIssue } from '../../../../src/engine/core/util/issues.ts';
import { fail, hasErrors, mapResult, ok, orThrow, readSoFar, resultOf, resultOrNothing } from '../../../../src/engine/core/util/result.ts';

const warning: InputIssue = { level: 'warning', code: 'self-loop', message: 'a tie to oneself', file: 'ties.csv', row: 3, field: 'target' };
const error: InputIssue = { level: 'error', code: 'bad-weight', message: 'weight is not a number: "abc"', file: 'ties.csv', row: 4, field: 'weight' };

describe('Result', () => {
  it('is ok exactly when no issue is an error', () => {
    expect(resultOf(['a'], [warning])).toEqual({ ok: true, value: ['a'], issues: [warning] });
    expect(resultOf(['a'], [warning, error])).toEqual({ ok: false, issues: [warning, error], partial: ['a'] });
    expect(resultOrNothing(['a'], [error])).toEqual({ ok: false, issues: [error] });
    expect(hasErrors([warning])).toBe(false);
    expect(hasErrors([warning, error])).toBe(true);
  });

  it('gives what a failed reader read so far, and maps both', () => {
    expect(readSoFar(fail([error], 2))).toBe(2);
    expect(readSoFar(fail([error]))).toBeUndefined();
    expect(readSoFar(ok(1))).toBe(1);
    expect(mapResult(fail([error], 2), (n) => n * 10)).toEqual({ ok: false, issues: [error], partial: 20 });
    expect(mapResult(ok(2, [warning]), (n) => n * 10)).toEqual({ ok: true, value: 20, issues: [warning] });
  });

  it('throws an InputError naming file, row and field for the command line', () => {
    expect(orThrow(ok(1, [warning])).value).toBe(1);
    expect(() => orThrow(fail([error]))).toThrow(InputError);
    expect(() => orThrow(fail([error]))).toThrow('ties.csv, row 4, field "weight": weight is not a number: "abc"');
  });
});
