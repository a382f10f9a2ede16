/**
 * People lists (a roster: one person per row with an id, a label and attributes) from CSV.
 */
import type { AttributeValue, Attributes, Person } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import type { InputIssue } from '../core/util/issues.ts';
import { readSoFar, resultOf, type Result } from '../core/util/result.ts';
import { setAttribute, typeAttributeColumn } from './attribute-columns.ts';
import { ID_ALIASES, LABEL_ALIASES, findColumn, findNamedColumn } from './csv-columns.ts';
import { columnName, csvReadOptions, readCsv } from './csv-read.ts';
import type { CsvDelimiter } from './csv-read.ts';
import { mergePerson } from './merge-people.ts';
import { emptyPart } from './types.ts';
import type { ImportPart } from './types.ts';
import { appendAll } from '../core/util/append-all.ts';

/** Header names chosen by the user; each overrides detection by alias. */
export interface NodeColumns {
  id?: string;
  label?: string;
}

export interface NodeListOptions {
  /** File name used in issues. */
  file: string;
  columns?: NodeColumns;
  /** Splits multi-valued cells (`facilitation; budgeting`) into lists. Default ';'. */
  multiValueSeparator?: string;
  /** Default: detected. */
  delimiter?: CsvDelimiter;
  /** Called as the file is read, with the fraction read (0..1). */
  onReadProgress?: (fraction: number) => void;
}

/** Reads a people list. Never throws: problems come back as the result's issues. */
export function parseNodeListCsv(text: string, options: NodeListOptions): Result<ImportPart> {
  const part = emptyPart(options.file);
  const issues: InputIssue[] = [];
  const read = readCsv(text, csvReadOptions(options));
  appendAll(issues, read.issues);
  const table = readSoFar(read);
  if (table === undefined) return resultOf(part, issues);
  const log = new IssueLog(options.file);
  const list = table.headers.map((_, i) => `"${columnName(table, i)}"`).join(', ');

  const columns = options.columns ?? {};
  let idColumn: number | undefined;
  if (columns.id !== undefined) {
    idColumn = findNamedColumn(table.headers, columns.id);
    if (idColumn === undefined) {
      log.error(
        'missing-column',
        `the column "${columns.id}" chosen for ids is not in the file; its columns are ${list}`,
        { row: table.headerRow },
      );
    }
  } else {
    idColumn = findColumn(table.headers, ID_ALIASES);
    if (idColumn === undefined) {
      log.error(
        'missing-column',
        `no id column (who each row is): name one "${ID_ALIASES.join('", "')}", or choose it; the columns found are ${list}`,
        { row: table.headerRow },
      );
    }
  }
  let labelColumn: number | undefined;
  if (columns.label !== undefined) {
    labelColumn = findNamedColumn(table.headers, columns.label);
    if (labelColumn === undefined) {
      log.error(
        'missing-column',
        `the column "${columns.label}" chosen for labels is not in the file; its columns are ${list}`,
        { row: table.headerRow },
      );
    }
  } else if (idColumn !== undefined) {
    // With only one of id/name the same column is both id and label.
    labelColumn = findColumn(table.headers, LABEL_ALIASES, new Set([idColumn]));
  }
  if (idColumn === undefined || log.hasErrors) {
    appendAll(issues, log.issues);
    return resultOf(part, issues);
  }

  const decimalComma = table.delimiter === ';';
  const separator = options.multiValueSeparator ?? ';';
  const attributeColumns = table.headers
    .map((_, index) => index)
    .filter((index) => index !== idColumn && index !== labelColumn)
    .filter((index) => table.headers[index] !== '' || table.records.some((r) => r.cells[index] !== ''));
  const typed = new Map<number, AttributeValue[]>(
    attributeColumns.map((index) => [
      index,
      typeAttributeColumn(
        table.records.map((r) => r.cells[index] ?? ''),
        { multiValueSeparator: separator, decimalComma },
      ),
    ]),
  );

  const idField = columnName(table, idColumn);
  const people: Person[] = [];
  const firstRow = new Map<string, { index: number; row: number }>();
  table.records.forEach((record, recordIndex) => {
    const id = record.cells[idColumn] ?? '';
    if (id === '') {
      log.error('missing-id', `${idField} is empty; every person needs an id`, {
        row: record.row,
        field: idField,
      });
      return;
    }
    const label = (labelColumn === undefined ? '' : (record.cells[labelColumn] ?? '')) || id;
    const attributes: Attributes = {};
    for (const index of attributeColumns) {
      setAttribute(attributes, columnName(table, index), typed.get(index)?.[recordIndex] ?? null);
    }
    const person: Person = { id, label, attributes };
    const first = firstRow.get(id);
    if (first === undefined) {
      firstRow.set(id, { index: people.length, row: record.row });
      people.push(person);
      return;
    }
    const merged = mergePerson(people[first.index] as Person, person);
    people[first.index] = merged.person;
    const filled = merged.filled.length > 0 ? `; filled in ${merged.filled.join(', ')} from this row` : '';
    const conflicts =
      merged.conflicts.length > 0
        ? `; where the rows disagree (${merged.conflicts.join(', ')}) row ${first.row} was kept`
        : '';
    log.warn(
      'duplicate-node',
      `"${id}" is listed again (first in row ${first.row}); the rows were merged${filled}${conflicts}`,
      { row: record.row, field: idField },
    );
  });
  part.people = people;
  part.personOrigins = people.map((person) => ({ file: part.file, row: firstRow.get(person.id)?.row as number }));
  appendAll(issues, log.issues);
  return resultOf(part, issues);
}
