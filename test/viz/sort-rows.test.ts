import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortRows } from '../../src/viz/components/sort-rows.ts';
import { numericOrder } from '../../src/viz/state/row-order.ts';

const order = (values: Array<number | string>, numeric: boolean, descending: boolean, rows = values.map((_, i) => i)): number[] => {
  const list = Int32Array.from(rows);
  sortRows(list, values.length, { numeric, value: (r) => values[r]! }, descending);
  return [...list];
};

describe('table row order', () => {
  it('sorts numbers either way, equal values in row order, blanks last both ways', () => {
    const values = [3, Number.NaN, 1, 3, 2, Number.NaN];
    expect(order(values, true, false)).toEqual([2, 4, 0, 3, 1, 5]);
    expect(order(values, true, true)).toEqual([0, 3, 4, 2, 1, 5]);
  });

  it('sorts only the rows a filter kept', () => {
    expect(order([5, 4, 3, 2, 1], true, false, [0, 2, 4])).toEqual([4, 2, 0]);
  });

  it('sorts text by a collator: "ana" beside "Ana", numbers inside names by value', () => {
    expect(order(['member-10', 'member-9', 'Ana', 'ana', 'Ben'], false, false)).toEqual([3, 2, 4, 1, 0]);
  });

  it('agrees with a plain comparison sort on any numbers and any kept rows', () => {
    const value = fc.oneof(fc.double(), fc.constant(Number.NaN), fc.constant(-0), fc.integer({ min: -3, max: 3 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, fc.boolean()), { maxLength: 60 }), fc.boolean(), (cells, descending) => {
        const values = cells.map(([v]) => v);
        const kept = cells.flatMap(([, keep], i) => (keep ? [i] : []));
        const expected = [...kept].sort((a, b) => {
          const va = values[a]!;
          const vb = values[b]!;
          if (Number.isNaN(va) !== Number.isNaN(vb)) return Number.isNaN(va) ? 1 : -1;
          if (Number.isNaN(va) || va === vb) return a - b;
          return (va < vb ? -1 : 1) * (descending ? -1 : 1);
        });
        expect(order(values, true, descending, kept)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('sorts every row by a column of its own once, the same order as row by row', () => {
    const value = fc.oneof(fc.double(), fc.constant(Number.NaN), fc.integer({ min: -3, max: 3 }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), fc.boolean(), (list, descending) => {
        const values = Float64Array.from(list);
        const all = (): Int32Array => Int32Array.from(list, (_, i) => i);
        const byColumn = all();
        sortRows(byColumn, list.length, { numeric: true, value: (r) => values[r]!, values }, descending);
        expect([...byColumn]).toEqual(order(list, true, descending));
        // Asked again: the order kept for the column, copied (the rows handed in are the caller's).
        const again = all();
        sortRows(again, list.length, { numeric: true, value: (r) => values[r]!, values }, descending);
        expect(again).toEqual(byColumn);
        expect(again).not.toBe(numericOrder(values, descending));
      }),
      { numRuns: 200 },
    );
    // Rows a filter kept still sort by their values.
    const values = Float64Array.of(5, 4, 3, 2, 1);
    const kept = Int32Array.of(0, 2, 4);
    sortRows(kept, 5, { numeric: true, value: (r) => values[r]!, values }, false);
    expect([...kept]).toEqual([4, 2, 0]);
  });
});

