/**
 * Reading a survey table's cells under a layout: finding the layout's columns in the table (by
 * position when the header agrees, else by header) and each record's identity, submission time
 * and attributes. Shared by the free-recall, grid and long-format readers.
 */
import type { CsvRecord, CsvTable } from '../../io/csv-read.ts';
import { setAttribute, typeAttributeColumn } from '../../io/attribute-columns.ts';
import type { AttributeValue, Attributes } from '../../core/model/records.ts';
import type { SurveyColumn, SurveyLayout } from '../../core/model/survey.ts';
import type { IssueLog } from '../../core/util/issues.ts';
import { emailOf, tidySpaces } from '../../people/name-normalize.ts';
import type { RespondentIdentity } from './responses.ts';
import { detectDayFirst, parseTimestamp } from '../../io/timestamps.ts';

/** The column a layout names, checked against the table: by index when the header agrees, else by header. */
export function locateColumn(table: CsvTable, ref: SurveyColumn, log: IssueLog, role: string): number | undefined {
  if (ref.index < table.headers.length && (table.headers[ref.index] ?? '') === ref.header) return ref.index;
  const byHeader = table.headers.findIndex((h) => h === ref.header);
  if (byHeader >= 0 && ref.header !== '') return byHeader;
  log.error('missing-column', `the layout names column "${ref.header}" (${role}) but the file has no such column`, { row: table.headerRow, field: ref.header });
  return undefined;
}

export interface RowContext {
  table: CsvTable;
  layout: SurveyLayout;
  log: IssueLog;
  wave?: string;
}

/** Identity, time and attributes of each record, shared by the three formats. */
export interface RecordReader {
  identity(record: CsvRecord): RespondentIdentity;
  time(record: CsvRecord): { time?: number; timeText?: string };
  attributes(recordIndex: number): Attributes;
}

export function recordReader(context: RowContext): RecordReader {
  const { table, layout, log } = context;
  const ref = (c: SurveyColumn | undefined, role: string): number | undefined => (c === undefined ? undefined : locateColumn(table, c, log, role));
  const name = ref(layout.identity.name, 'respondent name');
  const first = ref(layout.identity.firstName, 'respondent first name');
  const last = ref(layout.identity.lastName, 'respondent last name');
  const email = ref(layout.identity.email, 'respondent email');
  const id = ref(layout.identity.id, 'respondent id');
  const stamp = ref(layout.timestamp, 'timestamp');
  const dayFirst = stamp === undefined ? false : detectDayFirst(table.records.map((r) => r.cells[stamp] ?? ''));
  const typed = layout.attributes.map((attribute) => {
    const index = ref(attribute, `attribute ${attribute.name}`);
    if (index === undefined) return undefined;
    const values: AttributeValue[] = typeAttributeColumn(
      table.records.map((r) => r.cells[index] ?? ''),
      attribute.separator !== undefined && attribute.separator !== '' ? { multiValueSeparator: attribute.separator } : {},
    );
    return { name: attribute.name, values };
  });
  const emailField = layout.identity.email?.header ?? 'email';
  return {
    identity(record) {
      const identity: RespondentIdentity = {};
      const cell = (index: number | undefined): string => (index === undefined ? '' : tidySpaces(record.cells[index] ?? ''));
      const written = name !== undefined ? cell(name) : [cell(first), cell(last)].filter((p) => p !== '').join(' ');
      if (written !== '') identity.name = written;
      const mail = cell(email);
      if (mail !== '') {
        const parsed = emailOf(mail);
        if (parsed !== undefined) identity.email = parsed;
        else log.warn('bad-email', `"${mail}" is not an email address; the respondent is identified by name`, { row: record.row, field: emailField });
      }
      const own = cell(id);
      if (own !== '') identity.id = own;
      return identity;
    },
    time(record) {
      if (stamp === undefined) return {};
      const text = (record.cells[stamp] ?? '').trim();
      if (text === '') return {};
      const time = parseTimestamp(text, dayFirst);
      if (time === undefined) {
        log.warn('bad-timestamp', `"${text}" is not a date and time; this submission counts as the oldest if the respondent submitted again`, {
          row: record.row,
          field: layout.timestamp?.header ?? 'timestamp',
        });
        return { timeText: text };
      }
      return { time, timeText: text };
    },
    attributes(recordIndex) {
      const attributes: Attributes = {};
      for (const column of typed) {
        if (column === undefined) continue;
        const value = column.values[recordIndex] ?? null;
        if (value !== null) setAttribute(attributes, column.name, value);
      }
      return attributes;
    },
  };
}

