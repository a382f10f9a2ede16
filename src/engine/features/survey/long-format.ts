/**
 * Long-format surveys: one row per (respondent, named person[, relation][, strength]). The rows
 * of one respondent make one submission; the relation column's values map to the layout's
 * questions, the strength column through the layout's scale (blank strength = 1).
 */
import { columnName } from '../../io/csv-read.ts';
import { weightOf } from './grid-scale.ts';
import type { RecordReader, RowContext } from './table-reader.ts';
import { locateColumn } from './table-reader.ts';
import { nameKey } from '../../people/name-normalize.ts';
import type { SurveyResponse } from './responses.ts';
import { splitNames } from './split-names.ts';

export function readLongFormat(context: RowContext, reader: RecordReader): SurveyResponse[] {
  const { table, layout, log } = context;
  const long = layout.long;
  if (long === undefined) {
    log.error('no-question', 'a long-format layout needs the column of the named person', { row: table.headerRow });
    return [];
  }
  const named = locateColumn(table, long.named, log, 'named person');
  const relation = long.relation !== undefined ? locateColumn(table, long.relation, log, 'relation') : undefined;
  const strength = long.strength !== undefined ? locateColumn(table, long.strength, log, 'strength') : undefined;
  if (named === undefined) return [];
  const scale: Record<string, number> = {};
  for (const [value, weight] of Object.entries(layout.scale)) {
    Object.defineProperty(scale, value.trim().toLowerCase(), { value: weight, enumerable: true, writable: true, configurable: true });
  }
  const relationOf = new Map<string, string>();
  for (const question of layout.questions) {
    for (const value of question.values ?? [question.question]) relationOf.set(value.trim().toLowerCase(), question.relation);
  }
  const fallback = layout.questions.length === 1 ? layout.questions[0]?.relation : undefined;
  const field = columnName(table, named);
  const byRespondent = new Map<string, SurveyResponse>();
  const unknownRelations = new Set<string>();
  table.records.forEach((record, recordIndex) => {
    const identity = reader.identity(record);
    const key = identity.email ?? (identity.name !== undefined ? nameKey(identity.name) : undefined) ?? identity.id ?? '';
    let response = byRespondent.get(key);
    if (response === undefined) {
      response = {
        file: table.file,
        ...(context.wave !== undefined ? { wave: context.wave } : {}),
        row: record.row,
        identity,
        ...reader.time(record),
        attributes: reader.attributes(recordIndex),
        nominations: [],
      };
      byRespondent.set(key === '' ? `\u0000${record.row}` : key, response);
    } else {
      const time = reader.time(record);
      if (time.time !== undefined && (response.time === undefined || time.time > response.time)) Object.assign(response, time);
    }
    const text = (record.cells[named] ?? '').trim();
    if (text === '') return;
    const relationText = relation === undefined ? '' : (record.cells[relation] ?? '').trim();
    let relationName = relation === undefined ? fallback : relationOf.get(relationText.toLowerCase());
    if (relationName === undefined) {
      relationName = relationText === '' ? (fallback ?? 'named') : relationText;
      if (relationText !== '' && !unknownRelations.has(relationText)) {
        unknownRelations.add(relationText);
        log.warn('unknown-relation', `the relation "${relationText}" is not one of the layout's questions; it was kept as a relation of its own`, {
          row: record.row,
          field: columnName(table, relation as number),
        });
      }
    }
    const weightText = strength === undefined ? '' : (record.cells[strength] ?? '').trim();
    const weight = weightText === '' ? 1 : weightOf(weightText, scale);
    if (!(weight > 0)) return;
    // A long table names one person per row, but a cell may still say "Last, First".
    const written = splitNames(text);
    const single = written.length === 1 ? written[0] : undefined;
    response.nominations.push({
      relation: relationName,
      written: text,
      name: single !== undefined ? single.name : text,
      weight,
      row: record.row,
      field,
    });
  });
  return [...byRespondent.values()];
}
