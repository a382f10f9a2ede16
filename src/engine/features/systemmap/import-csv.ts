/**
 * System maps from spreadsheets: a links file (one causal link per row: from, to, polarity, and
 * optionally strength, delay, note), optionally a factors file (label or id, description, tags)
 * and an actors file (who works on which factor). Each reader works on a `CsvTable`, so the same
 * code reads CSV (`readCsv`) and spreadsheet sheets (any reader producing a CsvTable).
 *
 * Headers are matched case-insensitively with common aliases (below). Columns not used for a
 * role are kept as attributes of the factor, link or actor.
 *
 * ```csv
 * from,to,polarity,delay
 * Renewable installations,Cost of renewable power,-,
 * Cost of renewable power,Renewable installations,-,yes
 * ```
 */
import type { AttributeValue, Attributes } from '../../core/model/records.ts';
import { IssueLog } from '../../core/util/issues.ts';
import { setAttribute, typeAttributeColumn } from '../../io/attribute-columns.ts';
import { findColumn } from '../../io/csv-columns.ts';
import { columnName, readCsv } from '../../io/csv-read.ts';
import { readSoFar, resultOf, type Reading } from '../../core/util/result.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import type { CsvTable } from '../../io/csv-read.ts';
import { parseNumberText } from '../../io/numbers.ts';
import type { SourceFile } from '../../io/types.ts';
import { assembleSystemMap } from './assemble.ts';
import type { AssembleOptions, SystemMapImportResult } from './assemble.ts';
import { elementRole, emptySystemMapPart, isWorksOnType } from './drafts.ts';
import type { KumuTypeRoles } from '../../io/kumu-types.ts';
import type { SystemMapPart } from './drafts.ts';
import { appendAll } from '../../core/util/append-all.ts';

export const FACTOR_ID_ALIASES = ['id', 'key', 'code', 'factor id'] as const;
export const FACTOR_LABEL_ALIASES = ['label', 'name', 'factor', 'title', 'variable', 'element'] as const;
export const DESCRIPTION_ALIASES = ['description', 'desc', 'definition', 'details'] as const;
export const TAGS_ALIASES = ['tags', 'tag', 'keywords', 'categories'] as const;
export const ELEMENT_TYPE_ALIASES = ['type', 'element type', 'kind'] as const;

export const FROM_ALIASES = ['from', 'cause', 'source', 'driver', 'origin', 'tail'] as const;
export const TO_ALIASES = ['to', 'effect', 'target', 'outcome', 'destination', 'head'] as const;
export const POLARITY_ALIASES = ['polarity', 'sign', 'type', 'valence', 'link polarity', 'connection type', 'link type', 'effect type', 'effect'] as const;
export const STRENGTH_ALIASES = ['strength', 'weight', 'value', 'magnitude', 'intensity'] as const;
export const DELAY_ALIASES = ['delay', 'delayed', 'lag', 'time delay'] as const;
export const NOTE_ALIASES = ['note', 'notes', 'description', 'comment', 'comments', 'evidence'] as const;
export const LINK_ID_ALIASES = ['id', 'key', 'link id', 'connection id'] as const;
export const DIRECTION_ALIASES = ['direction'] as const;

export const ACTOR_ALIASES = ['actor', 'organization', 'organisation', 'org', 'who', 'partner', 'stakeholder', 'member', 'name', 'label', 'id'] as const;
export const WORKS_ON_ALIASES = ['works on', 'factor', 'factors', 'works on factor', 'focus', 'focus area', 'issue', 'issues', 'working on', 'addresses'] as const;

export interface SystemMapCsvOptions {
  /** Element types (a `type` column) read as actors, lower case. Default ACTOR_TYPES. */
  actorTypes?: readonly string[];
  /** What each element type is read as (Kumu sheets; defaults in io/kumu-types.ts); wins over actorTypes. */
  typeRoles?: KumuTypeRoles;
}

const YES = new Set(['true', 'yes', 'y', '1', 'x', 'delay', 'delayed', '||', '//']);
const NO = new Set(['false', 'no', 'n', '0', 'none', '-']);
const STRENGTH_WORDS: Record<string, number> = { weak: 1, low: 1, medium: 2, moderate: 2, strong: 3, high: 3 };

/**
 * The table with the `'` that spreadsheet-safe exports put before a leading = + - @ removed, so
 * a file netweave wrote reads back as it was.
 */
function restoreCells(table: CsvTable): CsvTable {
  const FORMULA_GUARD = /^'[=+\-@\t\r]/;
  if (!table.records.some((r) => r.cells.some((c) => FORMULA_GUARD.test(c)))) return table;
  return {
    ...table,
    records: table.records.map((r) => ({ ...r, cells: r.cells.map((c) => (FORMULA_GUARD.test(c) ? c.slice(1) : c)) })),
  };
}

/** Cells of a list: `a|b`, `a; b`. */
function splitList(cell: string): string[] {
  return cell
    .split(/[|;]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function typedColumns(table: CsvTable, skip: ReadonlySet<number>): { columns: number[]; values: Map<number, AttributeValue[]> } {
  const decimalComma = table.delimiter === ';';
  const columns = table.headers
    .map((_, index) => index)
    .filter((index) => !skip.has(index))
    .filter((index) => table.headers[index] !== '' || table.records.some((r) => r.cells[index] !== ''));
  const values = new Map(columns.map((index) => [index, typeAttributeColumn(table.records.map((r) => r.cells[index] ?? ''), { decimalComma })]));
  return { columns, values };
}

function attributesOf(table: CsvTable, typed: ReturnType<typeof typedColumns>, recordIndex: number): Attributes | undefined {
  const attributes: Attributes = {};
  for (const index of typed.columns) {
    const value = typed.values.get(index)?.[recordIndex] ?? null;
    if (value !== null) setAttribute(attributes, columnName(table, index), value);
  }
  return Object.keys(attributes).length > 0 ? attributes : undefined;
}

function columnList(table: CsvTable): string {
  return table.headers.map((_, i) => `"${columnName(table, i)}"`).join(', ');
}

/**
 * Factors (and actors, when a `type` column names an actor type such as Organization) from a
 * table with a label and/or id column, optional description and `|`- or `;`-separated tags.
 */
export function factorsFromTable(input: CsvTable, options: SystemMapCsvOptions = {}): Reading<SystemMapPart> {
  const table = restoreCells(input);
  const part = emptySystemMapPart(table.file);
  const issues: InputIssue[] = [];
  part.listsFactors = true;
  const log = new IssueLog(table.file);
  const used = new Set<number>();
  const take = (aliases: readonly string[]): number | undefined => {
    const index = findColumn(table.headers, aliases, used);
    if (index !== undefined) used.add(index);
    return index;
  };
  const label = take(FACTOR_LABEL_ALIASES);
  const id = take(FACTOR_ID_ALIASES);
  const description = take(DESCRIPTION_ALIASES);
  const tags = take(TAGS_ALIASES);
  const type = findColumn(table.headers, ELEMENT_TYPE_ALIASES, used);
  if (label === undefined && id === undefined) {
    log.error(
      'missing-column',
      `no column names the factors: call one "label" (or "name", "factor") or "id"; the columns found are ${columnList(table)}`,
      { row: table.headerRow },
    );
    appendAll(issues, log.issues);
    return resultOf(part, issues);
  }
  const typed = typedColumns(table, used);
  const idField = columnName(table, (id ?? label) as number);
  table.records.forEach((record, recordIndex) => {
    const cell = (index: number | undefined): string => (index === undefined ? '' : (record.cells[index] ?? '').trim());
    const idText = cell(id);
    const labelText = cell(label) || idText;
    if (labelText === '') {
      log.error('missing-id', `${idField} is empty; every factor needs a label`, { row: record.row, field: idField });
      return;
    }
    const origin = { file: table.file, row: record.row };
    const attributes = attributesOf(table, typed, recordIndex);
    const typeText = cell(type);
    const role = elementRole(typeText || undefined, options);
    if (role === 'leave out') {
      (part.leftOut ??= []).push(...new Set([labelText, idText].filter((n) => n !== '')));
      (part.leftOutTypes ??= []).push(typeText);
      return;
    }
    if (role === 'actor') {
      part.actors.push({ ...(idText ? { id: idText } : {}), label: labelText, ...(attributes ? { attributes } : {}), origin, field: idField });
      return;
    }
    part.factors.push({
      ...(idText ? { id: idText } : {}),
      label: labelText,
      ...(cell(description) ? { description: cell(description) } : {}),
      ...(cell(tags) ? { tags: splitList(cell(tags)) } : {}),
      ...(attributes ? { attributes } : {}),
      origin,
      field: idField,
    });
  });
  appendAll(issues, log.issues);
  return resultOf(part, issues);
}

/** A yes/no delay cell; other text (e.g. "6 months") counts as a delay and is kept as an attribute. */
function readDelay(text: string): { delay: boolean; keep: boolean } {
  const value = text.trim().toLowerCase();
  if (value === '' || NO.has(value)) return { delay: false, keep: false };
  if (YES.has(value)) return { delay: true, keep: false };
  return { delay: true, keep: true };
}

/**
 * Causal links from a table with from/to columns (a `|` in a cell lists several factors, as in
 * Kumu), a polarity (or sign, or Kumu's type), and optional strength, delay, note, id and
 * direction (Kumu's `mutual` adds the reverse link too).
 */
export function linksFromTable(input: CsvTable): Reading<SystemMapPart> {
  const table = restoreCells(input);
  const part = emptySystemMapPart(table.file);
  const issues: InputIssue[] = [];
  const log = new IssueLog(table.file);
  const used = new Set<number>();
  const take = (aliases: readonly string[]): number | undefined => {
    const index = findColumn(table.headers, aliases, used);
    if (index !== undefined) used.add(index);
    return index;
  };
  const from = take(FROM_ALIASES);
  const to = take(TO_ALIASES);
  const polarity = take(POLARITY_ALIASES);
  const strength = take(STRENGTH_ALIASES);
  const delay = take(DELAY_ALIASES);
  const note = take(NOTE_ALIASES);
  const id = take(LINK_ID_ALIASES);
  const direction = take(DIRECTION_ALIASES);
  for (const [index, role, aliases] of [
    [from, 'from', FROM_ALIASES],
    [to, 'to', TO_ALIASES],
  ] as const) {
    if (index === undefined) {
      log.error(
        'missing-column',
        `no "${role}" column (the ${role === 'from' ? 'cause' : 'effect'} of each link): name one "${aliases.join('", "')}"; the columns found are ${columnList(table)}`,
        { row: table.headerRow },
      );
    }
  }
  if (from === undefined || to === undefined) {
    appendAll(issues, log.issues);
    return resultOf(part, issues);
  }
  const typed = typedColumns(table, used);
  const fields = {
    from: columnName(table, from),
    to: columnName(table, to),
    polarity: polarity === undefined ? 'polarity' : columnName(table, polarity),
    ...(strength !== undefined ? { strength: columnName(table, strength) } : {}),
  };
  const decimalComma = table.delimiter === ';';
  table.records.forEach((record, recordIndex) => {
    const cell = (index: number | undefined): string => (index === undefined ? '' : (record.cells[index] ?? '').trim());
    const origin = { file: table.file, row: record.row };
    const attributes: Attributes = attributesOf(table, typed, recordIndex) ?? {};
    let strengthValue: number | undefined;
    const strengthText = cell(strength);
    if (strengthText !== '') {
      const field = fields.strength as string;
      const value = parseNumberText(strengthText, { decimalComma }) ?? STRENGTH_WORDS[strengthText.toLowerCase()];
      if (value === undefined || !Number.isFinite(value) || value === 0) {
        log.warn(
          'bad-strength',
          value === 0
            ? `${field} is 0; a strength must be above 0 (leave the row out if there is no effect), so it was left empty`
            : `${field} "${strengthText}" is not a number; the link was kept without a strength and the text kept as an attribute`,
          { row: record.row, field },
        );
        setAttribute(attributes, field, strengthText);
      } else {
        strengthValue = value;
      }
    }
    const delayText = cell(delay);
    const delayReading = readDelay(delayText);
    if (delayReading.keep && delay !== undefined) setAttribute(attributes, columnName(table, delay), delayText);
    const typeText = cell(polarity);
    const directionText = cell(direction).toLowerCase();
    const draft = {
      ...(cell(id) ? { id: cell(id) } : {}),
      from: cell(from),
      to: cell(to),
      ...(polarity !== undefined && !isWorksOnType(typeText) ? { polarity: typeText } : {}),
      ...(strengthValue !== undefined ? { strength: strengthValue } : {}),
      ...(delayReading.delay ? { delay: true } : {}),
      ...(cell(note) ? { note: cell(note) } : {}),
      ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
      origin,
      fields,
    };
    if (isWorksOnType(typeText)) {
      part.worksOn.push({ actor: draft.from, factor: draft.to, ...(draft.note ? { note: draft.note } : {}), origin, fields: { actor: fields.from, factor: fields.to } });
      return;
    }
    part.links.push(draft);
    if (directionText === 'mutual') {
      part.links.push({ ...draft, id: undefined, from: draft.to, to: draft.from, fields: { ...fields, from: fields.to, to: fields.from } });
    } else if (directionText === 'undirected') {
      log.warn('undirected-link', `${columnName(table, direction as number)} is "undirected", but a causal link has a direction; it was read from ${fields.from} to ${fields.to}`, {
        row: record.row,
        field: columnName(table, direction as number),
      });
    }
  });
  appendAll(issues, log.issues);
  return resultOf(part, issues);
}

/**
 * Who works on what: one row per actor and factor (`organization,works on`), or one row per actor
 * with several factors in one cell separated by `|` or `;`. Other columns are actor attributes.
 */
export function actorsFromTable(input: CsvTable): Reading<SystemMapPart> {
  const table = restoreCells(input);
  const part = emptySystemMapPart(table.file);
  const issues: InputIssue[] = [];
  const log = new IssueLog(table.file);
  const used = new Set<number>();
  const factor = findColumn(table.headers, WORKS_ON_ALIASES);
  if (factor !== undefined) used.add(factor);
  const actor = findColumn(table.headers, ACTOR_ALIASES, used);
  if (actor !== undefined) used.add(actor);
  if (actor === undefined || factor === undefined) {
    log.error(
      'missing-column',
      `an actors file needs a column naming the actor ("organization", "actor" or "name") and one naming the factor they work on ("works on" or "factor"); the columns found are ${columnList(table)}`,
      { row: table.headerRow },
    );
    appendAll(issues, log.issues);
    return resultOf(part, issues);
  }
  const typed = typedColumns(table, used);
  const fields = { actor: columnName(table, actor), factor: columnName(table, factor) };
  table.records.forEach((record, recordIndex) => {
    const origin = { file: table.file, row: record.row };
    const name = (record.cells[actor] ?? '').trim();
    const attributes = attributesOf(table, typed, recordIndex);
    if (name !== '') part.actors.push({ label: name, ...(attributes ? { attributes } : {}), origin, field: fields.actor });
    part.worksOn.push({ actor: name, factor: (record.cells[factor] ?? '').trim(), origin, fields });
  });
  appendAll(issues, log.issues);
  return resultOf(part, issues);
}

function readPart(file: SourceFile, read: (table: CsvTable) => Reading<SystemMapPart>): Reading<SystemMapPart> {
  const reading = readCsv(file.text, { file: file.name });
  const table = readSoFar(reading);
  if (table === undefined) return resultOf(emptySystemMapPart(file.name), reading.issues);
  const part = read(table);
  return resultOf(readSoFar(part), [...reading.issues, ...part.issues]);
}

/** Reads a factors CSV. Never throws. */
export function parseFactorsCsv(file: SourceFile, options: SystemMapCsvOptions = {}): Reading<SystemMapPart> {
  return readPart(file, (table) => factorsFromTable(table, options));
}

/** Reads a links CSV. Never throws. */
export function parseLinksCsv(file: SourceFile): Reading<SystemMapPart> {
  return readPart(file, linksFromTable);
}

/** Reads an actors (works-on) CSV. Never throws. */
export function parseActorsCsv(file: SourceFile): Reading<SystemMapPart> {
  return readPart(file, actorsFromTable);
}

export interface SystemMapCsvFiles {
  links?: SourceFile;
  factors?: SourceFile;
  actors?: SourceFile;
}

/** Reads a map from CSV files (links alone, or with factors and/or actors). Never throws. */
export function importSystemMapCsv(files: SystemMapCsvFiles, options: AssembleOptions & SystemMapCsvOptions = {}): SystemMapImportResult {
  const parts: Reading<SystemMapPart>[] = [];
  if (files.factors !== undefined) parts.push(parseFactorsCsv(files.factors, options));
  if (files.links !== undefined) parts.push(parseLinksCsv(files.links));
  if (files.actors !== undefined) parts.push(parseActorsCsv(files.actors));
  return assembleSystemMap(parts, options);
}
