/**
 * Free-recall questions: one column per question, each cell listing the names a respondent
 * wrote ("Maria Lopez, J. Chen; bob smith"). Each name becomes a nomination of weight 1; cells
 * are split by `splitNames`.
 */
import type { CsvRecord } from '../../io/csv-read.ts';
import { columnName } from '../../io/csv-read.ts';
import type { RowContext } from './table-reader.ts';
import { locateColumn } from './table-reader.ts';
import type { Nomination } from './responses.ts';
import { splitNames } from './split-names.ts';

/** A function giving the free-recall nominations of one record. */
export function freeRecallReader(context: RowContext): (record: CsvRecord) => Nomination[] {
  const { table, layout, log } = context;
  const columns: Array<{ index: number; relation: string; field: string }> = [];
  for (const question of layout.questions) {
    for (const ref of question.columns) {
      if (ref.person !== undefined) continue;
      const index = locateColumn(table, ref, log, `question "${question.relation}"`);
      if (index !== undefined) columns.push({ index, relation: question.relation, field: columnName(table, index) });
    }
  }
  return (record) => {
    const nominations: Nomination[] = [];
    for (const column of columns) {
      const cell = record.cells[column.index] ?? '';
      if (cell.trim() === '') continue;
      for (const written of splitNames(cell)) {
        nominations.push({
          relation: column.relation,
          written: written.text,
          name: written.name,
          weight: 1,
          row: record.row,
          field: column.field,
        });
      }
    }
    return nominations;
  };
}
