/**
 * The roster: the people a survey was sent to, with names, emails and attributes. Read from any
 * table (CSV or a workbook sheet): an id column when there is one (else the name is the id), a
 * name column or first + last name columns, an email column, and every other column as an
 * attribute (the email included, so nodes keep it). Two people with the same name stay two
 * people: the second gets an id with their email.
 */
import type { CsvTable } from '../../io/csv-read.ts';
import { columnName } from '../../io/csv-read.ts';
import { setAttribute, typeAttributeColumn } from '../../io/attribute-columns.ts';
import type { AttributeValue, Attributes } from '../../core/model/records.ts';
import { IssueLog } from '../../core/util/issues.ts';
import { resultOf, type Reading } from '../../core/util/result.ts';
import { emailOf, foldText, nameFromEmail, tidyLabel, tidySpaces } from '../../people/name-normalize.ts';

export interface RosterColumns {
  id?: string;
  name?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
}

export interface RosterPerson {
  id: string;
  label: string;
  attributes: Attributes;
  /** Names to match written names against. */
  names: string[];
  emails: string[];
  row: number;
}

export interface Roster {
  file: string;
  people: RosterPerson[];
  /** The attribute that holds emails (the roster's own header), if any. */
  emailAttribute?: string;
}

function norm(header: string): string {
  return foldText(header.replace(/([a-z])([A-Z])/g, '$1 $2'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const ID = /^(id|person id|member id|participant id|staff id|employee id|key|node|node id|uid|code)$/;
const NAME = /^(name|full name|display name|person|label|participant|member|member name|person name|contact|contact name|your full name|respondent)$/;
const FIRST = /^(first|first name|given name|forename)$/;
const LAST = /^(last|last name|surname|family name)$/;
const EMAIL = /^(e ?mail|e ?mail address|email address|work email|mail)$/;

function find(headers: readonly string[], pattern: RegExp, chosen: string | undefined): number | undefined {
  if (chosen !== undefined) {
    const at = headers.findIndex((h) => h.trim().toLowerCase() === chosen.trim().toLowerCase());
    return at >= 0 ? at : undefined;
  }
  const at = headers.findIndex((h) => pattern.test(norm(h)));
  return at >= 0 ? at : undefined;
}

/** Reads a roster table. Never throws; rows without a name or email are reported and skipped. */
export function readRoster(table: CsvTable, options: { columns?: RosterColumns; multiValueSeparator?: string } = {}): Reading<Roster> {
  const log = new IssueLog(table.file);
  const columns = options.columns ?? {};
  const headers = table.headers;
  const missing = (chosen: string | undefined, role: string): void => {
    if (chosen !== undefined) log.error('missing-column', `the column "${chosen}" chosen for ${role} is not in the roster`, { row: table.headerRow });
  };
  const id = find(headers, ID, columns.id);
  if (id === undefined) missing(columns.id, 'ids');
  let name = find(headers, NAME, columns.name);
  if (name === undefined) missing(columns.name, 'names');
  const first = find(headers, FIRST, columns.firstName);
  const last = find(headers, LAST, columns.lastName);
  const email = find(headers, EMAIL, columns.email) ?? headers.findIndex((_, i) => {
    const values = table.records.map((r) => r.cells[i] ?? '').filter((v) => v !== '');
    return values.length > 0 && values.filter((v) => emailOf(v) !== undefined).length >= 0.8 * values.length;
  });
  const emailIndex = email !== undefined && email >= 0 ? email : undefined;
  if (name === undefined && (first === undefined || last === undefined)) {
    if (id !== undefined && emailIndex === undefined) name = id;
    else if (emailIndex === undefined) {
      log.error(
        'no-name-column',
        `the roster has no column of names (such as "name", or "first name" and "last name") and no email column; its columns are ${headers.map((_, i) => `"${columnName(table, i)}"`).join(', ')}`,
        { row: table.headerRow },
      );
      return resultOf({ file: table.file, people: [] }, log.issues);
    }
  }
  const nameParts = name === undefined ? [first, last] : [];
  const structural = new Set([id, name, ...nameParts].filter((i): i is number => i !== undefined));
  const attributeColumns = headers.map((_, i) => i).filter((i) => !structural.has(i) && (headers[i] !== '' || table.records.some((r) => (r.cells[i] ?? '') !== '')));
  const typed = new Map<number, AttributeValue[]>(
    attributeColumns.map((i) => [
      i,
      i === emailIndex
        ? table.records.map((r) => (r.cells[i] ?? '').trim() || null)
        : typeAttributeColumn(table.records.map((r) => r.cells[i] ?? ''), { multiValueSeparator: options.multiValueSeparator ?? ';' }),
    ]),
  );
  const people: RosterPerson[] = [];
  const ids = new Map<string, number>();
  table.records.forEach((record, recordIndex) => {
    const cell = (i: number | undefined): string => (i === undefined ? '' : tidySpaces(record.cells[i] ?? ''));
    const mail = emailOf(cell(emailIndex));
    let written = name !== undefined ? cell(name) : [cell(first), cell(last)].filter((p) => p !== '').join(' ');
    if (written === '' && mail !== undefined) written = tidyLabel(nameFromEmail(mail) ?? mail);
    if (written === '') {
      log.warn('missing-name', 'this roster row has no name or email; it was skipped', { row: record.row });
      return;
    }
    let personId = cell(id) || written;
    if (ids.has(personId)) {
      if (id !== undefined && cell(id) !== '') {
        log.warn('duplicate-node', `the id "${personId}" is listed again (first in row ${people[ids.get(personId) as number]?.row}); this row was skipped`, {
          row: record.row,
          field: columnName(table, id),
        });
        return;
      }
      personId = mail !== undefined ? `${written} (${mail})` : `${written} (row ${record.row})`;
      log.warn('same-name', `two people on the roster are called "${written}"; this one has the id "${personId}" and names written as "${written}" will be asked about`, {
        row: record.row,
      });
    }
    const attributes: Attributes = {};
    for (const i of attributeColumns) {
      const value = typed.get(i)?.[recordIndex] ?? null;
      setAttribute(attributes, columnName(table, i), value);
    }
    const names = [written];
    if (first !== undefined && last !== undefined && name !== undefined) {
      const alt = [cell(first), cell(last)].filter((p) => p !== '').join(' ');
      if (alt !== '' && alt !== written) names.push(alt);
    }
    ids.set(personId, people.length);
    people.push({ id: personId, label: written, attributes, names, emails: mail !== undefined ? [mail] : [], row: record.row });
  });
  return resultOf(
    {
      file: table.file,
      people,
      ...(emailIndex !== undefined ? { emailAttribute: columnName(table, emailIndex) } : {}),
    },
    log.issues,
  );
}
