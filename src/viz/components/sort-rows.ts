/**
 * The order of a table's rows under a sort, kept apart from the DOM so it can be tested alone.
 */
/** A table column: how to read, sort and show one value per row. */
export interface Column {
  key: string;
  /** Header text, in full (headers wrap; they are never cut short). */
  label: string;
  /** What the column means, in a line: the header's tooltip. */
  title?: string;
  numeric?: boolean;
  /** The raw value: what the column sorts by. */
  value: (row: number) => number | string;
  /** The numbers `value` reads, by row, where a column of them holds them: sorted once for all rows. */
  values?: ArrayLike<number>;
  /** How the value reads in its cell (e.g. "top 10%"); the value as text without it. */
  format?: (value: number | string) => string;
  /** The cell's tooltip for a value, e.g. the exact number behind a percentage or band. */
  cellTitle?: (value: number | string) => string;
  /** Where the cell's text sits: numbers at the end (the default for numeric columns), words at the start. */
  align?: 'start' | 'end';
  /** How much room the column wants: `narrow` (a short code or number), `wide` (a sentence); default by kind. */
  width?: 'narrow' | 'wide';
  /** Left out until the reader picks it in the table's column chooser. */
  optional?: boolean;
  /** The heading the column chooser lists it under. */
  section?: string;
}

import { numericOrder, sortNumeric } from '../state/row-order.ts';

const collator = new Intl.Collator(undefined, { numeric: true });

/**
 * Sorts row indices by a column, ties broken by row order; blanks (NaN) go last either way. Text
 * compares with one shared collator.
 * Numbers sort by rank (see row-order.ts).
 */
export function sortRows(rows: Int32Array, rowCount: number, column: Pick<Column, 'numeric' | 'value' | 'values'>, descending: boolean): void {
  if (column.numeric && column.values && rows.length === rowCount && isEveryRowInOrder(rows)) {
    // Every row by a column of its own: the order sorted once per column (a view sorts its
    // table's first order ahead, in slices).
    rows.set(numericOrder(column.values, descending));
    return;
  }
  if (column.numeric) {
    sortNumeric(rows, rowCount, (r) => Number(column.value(r)), descending);
    return;
  }
  const dir = descending ? -1 : 1;
  const text = new Array<string>(rowCount);
  for (const r of rows) text[r] = String(column.value(r));
  rows.sort((a, b) => collator.compare(text[a]!, text[b]!) * dir || a - b);
}

function isEveryRowInOrder(rows: Int32Array): boolean {
  for (let i = 0; i < rows.length; i++) if (rows[i] !== i) return false;
  return true;
}
