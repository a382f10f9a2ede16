/**
 * Roster (grid) questions: one column per listed person, e.g. `Who do you know? [Maria Lopez]`,
 * each cell an answer on a scale ("Don't know / Know / Collaborate / Partner"), a check mark, or
 * the person's name repeated (checkbox exports). The layout's `scale` turns each answer into a
 * weight; 0 means no tie. The column's person is resolved like any written name.
 */
import type { CsvRecord } from '../../io/csv-read.ts';
import { columnName } from '../../io/csv-read.ts';
import { weightOf } from './grid-scale.ts';
import type { RowContext } from './table-reader.ts';
import { locateColumn } from './table-reader.ts';
import type { Nomination } from './responses.ts';

/** A function giving the grid nominations of one record. */
export function gridReader(context: RowContext): (record: CsvRecord) => Nomination[] {
  const { table, layout, log } = context;
  const scale: Record<string, number> = {};
  for (const [value, weight] of Object.entries(layout.scale)) {
    Object.defineProperty(scale, value.trim().toLowerCase(), { value: weight, enumerable: true, writable: true, configurable: true });
  }
  const columns: Array<{ index: number; relation: string; person: string; field: string }> = [];
  for (const question of layout.questions) {
    for (const ref of question.columns) {
      if (ref.person === undefined) continue;
      const index = locateColumn(table, ref, log, `question "${question.relation}"`);
      if (index !== undefined) columns.push({ index, relation: question.relation, person: ref.person, field: columnName(table, index) });
    }
  }
  return (record) => {
    const nominations: Nomination[] = [];
    for (const column of columns) {
      const cell = record.cells[column.index] ?? '';
      if (cell.trim() === '') continue;
      const weight = weightOf(cell, scale, column.person);
      if (!(weight > 0) || !Number.isFinite(weight)) continue;
      nominations.push({ relation: column.relation, written: column.person, name: column.person, weight, row: record.row, field: column.field });
    }
    return nominations;
  };
}
