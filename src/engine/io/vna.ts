/**
 * NetDraw VNA files: sections that start with a line `*node data`, `*node properties`,
 * `*tie data` or `*tie properties` (any case), each with a header row naming its columns, then
 * one row per node or tie. A row's values are separated by commas when the line has a comma
 * outside quotes, otherwise by spaces or tabs (files in the wild mix both); `"quoted"` values may
 * hold spaces, `""` is an empty value.
 *
 * What netweave reads, and how:
 * - `*node data`: the first column is the person's id; a column named label or name (as in a people
 *   list) gives the label; every other column is a person attribute, typed as a whole column
 *   (numbers when every value is a number, else text; empty values are null).
 * - `*node properties` and `*tie properties` hold NetDraw's drawing (position, colour, shape,
 *   size): ignored, except that a node listed only there is still a person.
 * - `*tie data`: the first two columns are from and to. Every further column holding numbers is
 *   a relation layer named by its header (NetDraw shows each as a relation); a row gives a tie in
 *   each such column where its value is above 0, with that value as weight (0 or empty: no tie
 *   in that layer; negative or not a number: an error). A lone number column called `strength`
 *   (NetDraw's name for the value of a single relation) is the relation `tie`. Columns holding
 *   only text (no numbers) are tie attributes, kept on every tie of the row. With no further
 *   column every row is a tie of weight 1 in relation `tie`.
 * - Direction as in UCINET DL (ucinet-layers.ts): a layer whose ties are symmetric is undirected,
 *   any other directed with a warning; `directed` forces either.
 * - A tie naming someone the node sections do not list adds that person, with a warning (none
 *   when the file has no node section at all).
 *
 * Every problem is an issue with file, line and field; a file that is not VNA, a row whose
 * number of values differs from its header, a value that is not a number in a relation column:
 * the result is a failure whose partial part holds the people read, never ties. Never throws;
 * linear in the size of the file.
 */
import type { AttributeValue, Attributes, Person } from '../core/model/records.ts';
import { IssueLog } from '../core/util/issues.ts';
import { resultOf, type Result } from '../core/util/result.ts';
import { setAttribute, typeAttributeColumn } from './attribute-columns.ts';
import { findColumn, LABEL_ALIASES, normalizeHeader } from './csv-columns.ts';
import { mergePerson } from './merge-people.ts';
import { parseNumberText } from './numbers.ts';
import { emptyPart, type ImportPart } from './types.ts';
import { buildLayers, type LayerCell, type LayerDraft } from './ucinet-layers.ts';
import { describeOtherFormat, headOf, splitLines, tokenizeLine } from './ucinet-tokens.ts';

export interface VnaOptions {
  /** File name used in issues. */
  file: string;
  /**
   * Whether ties are directed. Default: each relation is undirected when its ties are symmetric,
   * otherwise directed (with an `asymmetric-matrix` warning). `false` refuses an asymmetric one.
   */
  directed?: boolean;
}

type SectionKind = 'node data' | 'node properties' | 'tie data' | 'tie properties';

const SECTION = /^\*\s*(node|tie)\s+(data|properties)\s*$/i;

const MISSING = new Set(['.', 'na', 'n/a', '?']);

/** Problems of one kind listed one by one before the rest are counted. */
const MAX_LISTED = 20;

interface Row {
  line: number;
  fields: string[];
}

interface Section {
  kind: SectionKind;
  line: number;
  header?: Row;
  rows: Row[];
}

/** The values of one line: comma-separated when a comma stands outside quotes, else by spaces. */
function splitRow(line: string): string[] {
  let inQuotes = false;
  let comma = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 44 && !inQuotes) {
      comma = true;
      break;
    }
  }
  if (!comma) return tokenizeLine(line, 'data').map((token) => token.text);
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let inside = false;
  for (let i = 0; i <= line.length; i++) {
    const ch = i < line.length ? line[i] : ',';
    if (inside) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else inside = false;
      } else field += ch;
      continue;
    }
    if (ch === ',') {
      fields.push(quoted ? field : field.trim());
      field = '';
      quoted = false;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
      inside = true;
      continue;
    }
    field += ch;
  }
  return fields;
}

/** A cheap sniff: the first non-blank line is a VNA section header such as `*node data`. */
export function looksLikeVna(text: string): boolean {
  const head = headOf(text, 1024);
  const first = head.split(/\r\n|\r|\n/).find((line) => line.trim() !== '');
  return first !== undefined && SECTION.test(first.trim());
}

class CappedLog {
  private readonly counts = new Map<string, number>();
  constructor(readonly log: IssueLog) {}

  error(code: string, message: string, at: { row?: number; field?: string }): void {
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    if (count <= MAX_LISTED) this.log.error(code, message, at);
  }

  warn(code: string, message: string, at: { row?: number; field?: string }): void {
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    if (count <= MAX_LISTED) this.log.warn(code, message, at);
  }

  finish(): void {
    for (const [code, count] of this.counts) {
      if (count <= MAX_LISTED) continue;
      const more = `${count - MAX_LISTED} more problems like the ones above`;
      if (this.log.issues.some((issue) => issue.code === code && issue.level === 'error')) this.log.error(code, more);
      else this.log.warn(code, more);
    }
  }
}

function readSections(lines: readonly string[], start: number, log: IssueLog): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let skipping = false;
  for (let index = start; index < lines.length; index++) {
    const text = lines[index] as string;
    const trimmed = text.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('*')) {
      const match = SECTION.exec(trimmed);
      if (match === null) {
        log.warn('unknown-section', `"${trimmed}" is not a VNA section netweave reads (*node data, *node properties, *tie data, *tie properties); its lines were skipped`, {
          row: index + 1,
        });
        current = undefined;
        skipping = true;
        continue;
      }
      current = { kind: `${(match[1] as string).toLowerCase()} ${(match[2] as string).toLowerCase()}` as SectionKind, line: index + 1, rows: [] };
      sections.push(current);
      skipping = false;
      continue;
    }
    if (skipping || current === undefined) continue;
    const row = { line: index + 1, fields: splitRow(text) };
    if (current.header === undefined) current.header = row;
    else current.rows.push(row);
  }
  return sections;
}

/** The values of a row aligned with its header; errors (and undefined) when the counts differ. */
function aligned(row: Row, header: Row, capped: CappedLog, sectionName: string): string[] | undefined {
  const fields = row.fields;
  let count = fields.length;
  // A trailing delimiter leaves empty values past the last column: not a mistake.
  while (count > header.fields.length && fields[count - 1] === '') count--;
  if (count !== header.fields.length) {
    capped.error(
      'field-count',
      `this ${sectionName} row has ${count} value${count === 1 ? '' : 's'} but its header (line ${header.line}) names ${header.fields.length} columns (put values with spaces in "quotes", and write "" for an empty one)`,
      { row: row.line },
    );
    return undefined;
  }
  return count === fields.length ? fields : fields.slice(0, count);
}

function columnNames(header: Row): string[] {
  return header.fields.map((name, i) => (name.trim() === '' ? `column ${i + 1}` : name.trim()));
}

type Reading = { kind: 'tie'; weight: number } | { kind: 'none' } | { kind: 'bad' };

/** Reads a VNA file. Never throws: problems come back as the result's issues. */
export function parseVna(text: string, options: VnaOptions): Result<ImportPart> {
  const part = emptyPart(options.file);
  const log = new IssueLog(options.file);
  const capped = new CappedLog(log);
  const lines = splitLines(text);
  const start = lines.findIndex((line) => line.trim() !== '');
  if (start < 0) {
    log.error('empty-file', 'the file is empty');
    return resultOf(part, log.issues);
  }
  const firstLine = (lines[start] as string).trim();
  if (!SECTION.test(firstLine)) {
    const other = describeOtherFormat(text);
    const eNet = /^\*\s*(ego|alter)\b/i.test(firstLine);
    log.error(
      'wrong-format',
      eNet
        ? 'this is an E-Net egocentric file (*ego data / *alter data), not a NetDraw VNA network; netweave does not read it'
        : `this is not a NetDraw VNA file: a VNA file starts with a section line such as *node data or *tie data${other === undefined ? `, and this one starts with "${firstLine.slice(0, 40)}"` : `, and this one looks like ${other}`}`,
      { row: start + 1 },
    );
    return resultOf(part, log.issues);
  }
  const sections = readSections(lines, start, log);

  // People: node data first, then ids only in node properties.
  const people: Person[] = [];
  const index = new Map<string, { at: number; line: number }>();
  let hasNodeSection = false;
  for (const section of sections) {
    if (section.kind !== 'node data' || section.header === undefined) continue;
    hasNodeSection = true;
    const header = section.header;
    const names = columnNames(header);
    const idField = names[0] as string;
    const labelColumn = findColumn(names, LABEL_ALIASES, new Set([0]));
    const rows: Array<{ line: number; values: string[] }> = [];
    for (const row of section.rows) {
      const values = aligned(row, header, capped, 'node data');
      if (values !== undefined) rows.push({ line: row.line, values });
    }
    const attributeColumns: number[] = [];
    for (let c = 1; c < names.length; c++) if (c !== labelColumn) attributeColumns.push(c);
    const typed = new Map<number, AttributeValue[]>();
    for (const c of attributeColumns) {
      typed.set(c, typeAttributeColumn(rows.map((row) => row.values[c] ?? '')));
    }
    rows.forEach((row, r) => {
      const id = (row.values[0] ?? '').trim();
      if (id === '') {
        capped.error('missing-id', `${idField} is empty; every node needs an id`, { row: row.line, field: idField });
        return;
      }
      const attributes: Attributes = {};
      for (const c of attributeColumns) setAttribute(attributes, names[c] as string, typed.get(c)?.[r] ?? null);
      const label = (labelColumn === undefined ? '' : (row.values[labelColumn] ?? '').trim()) || id;
      const person: Person = { id, label, attributes };
      const first = index.get(id);
      if (first === undefined) {
        index.set(id, { at: people.length, line: row.line });
        people.push(person);
        return;
      }
      const merged = mergePerson(people[first.at] as Person, person);
      people[first.at] = merged.person;
      const conflicts = merged.conflicts.length > 0 ? `; where they disagree (${merged.conflicts.join(', ')}) line ${first.line} was kept` : '';
      capped.warn('duplicate-node', `"${id}" is listed again (first on line ${first.line}); the two were merged${conflicts}`, { row: row.line, field: idField });
    });
  }
  for (const section of sections) {
    if (section.kind !== 'node properties' || section.header === undefined) continue;
    hasNodeSection = true;
    for (const row of section.rows) {
      const id = (row.fields[0] ?? '').trim();
      if (id === '' || index.has(id)) continue;
      index.set(id, { at: people.length, line: row.line });
      people.push({ id, label: id, attributes: {} });
    }
  }

  // Ties.
  const layers = new Map<string, LayerDraft>();
  const personOf = (id: string, line: number, field: string): number => {
    const known = index.get(id);
    if (known !== undefined) return known.at;
    index.set(id, { at: people.length, line });
    people.push({ id, label: id, attributes: {} });
    if (hasNodeSection) {
      capped.warn('unknown-id', `a tie names "${id}", whom the node sections do not list; they were added as a person`, { row: line, field });
    }
    return people.length - 1;
  };
  let tieSections = 0;
  let noTie = 0;
  let missing = 0;
  for (const section of sections) {
    if (section.kind !== 'tie data' || section.header === undefined) continue;
    tieSections++;
    const header = section.header;
    const names = columnNames(header);
    if (names.length < 2) {
      log.error('missing-column', `the *tie data header names ${names.length} column; it needs from and to`, { row: header.line });
      continue;
    }
    const seenNames = new Map<string, number>();
    names.forEach((name, c) => {
      const key = normalizeHeader(name);
      const first = seenNames.get(key);
      if (first !== undefined && c >= 2) {
        log.error('duplicate-name', `"${name}" heads columns ${first + 1} and ${c + 1}; each relation needs its own column`, { row: header.line, field: name });
      } else seenNames.set(key, c);
    });
    const rows: Array<{ line: number; values: string[] }> = [];
    for (const row of section.rows) {
      const values = aligned(row, header, capped, 'tie data');
      if (values !== undefined) rows.push({ line: row.line, values });
    }
    // Columns with at least one number are relations; the others, text, are tie attributes.
    const relationColumns: number[] = [];
    const textColumns: number[] = [];
    for (let c = 2; c < names.length; c++) {
      let numbers = 0;
      let filled = 0;
      for (const row of rows) {
        const value = (row.values[c] ?? '').trim();
        if (value === '' || MISSING.has(value.toLowerCase())) continue;
        filled++;
        if (parseNumberText(value) !== undefined) numbers++;
      }
      if (numbers > 0) relationColumns.push(c);
      else if (filled > 0) textColumns.push(c);
    }
    const lone = relationColumns.length === 1 && normalizeHeader(names[relationColumns[0] as number] as string) === 'strength';
    const relationName = (c: number): string => (lone ? 'tie' : (names[c] as string));
    const typedText = new Map<number, AttributeValue[]>();
    for (const c of textColumns) typedText.set(c, typeAttributeColumn(rows.map((row) => row.values[c] ?? '')));
    const layerOf = (name: string): LayerDraft => {
      let layer = layers.get(name);
      if (layer === undefined) {
        layer = { name, cells: [] };
        layers.set(name, layer);
      }
      return layer;
    };
    // Every relation column is a layer, even one without ties.
    if (relationColumns.length === 0) layerOf('tie');
    for (const c of relationColumns) layerOf(relationName(c));
    const fromField = names[0] as string;
    const toField = names[1] as string;
    rows.forEach((row, r) => {
      const from = (row.values[0] ?? '').trim();
      const to = (row.values[1] ?? '').trim();
      if (from === '' || to === '') {
        capped.error('missing-id', `this tie has no ${from === '' ? fromField : toField}`, { row: row.line, field: from === '' ? fromField : toField });
        return;
      }
      const readings: Array<{ c: number; reading: Reading }> = [];
      for (const c of relationColumns) {
        const raw = (row.values[c] ?? '').trim();
        const field = names[c] as string;
        let reading: Reading;
        if (raw === '' || MISSING.has(raw.toLowerCase())) {
          if (raw !== '') missing++;
          reading = { kind: 'none' };
        } else {
          const value = parseNumberText(raw);
          if (value === undefined) {
            capped.error('bad-weight', `"${raw}" in ${field} is not a number (the column holds numbers, so it is a relation)`, { row: row.line, field });
            reading = { kind: 'bad' };
          } else if (!Number.isFinite(value)) {
            capped.error('bad-weight', `${field} is too large to use: "${raw}"`, { row: row.line, field });
            reading = { kind: 'bad' };
          } else if (value < 0) {
            capped.error('bad-weight', `${field} is negative ("${raw}"); tie values must be 0 (no tie) or above`, { row: row.line, field });
            reading = { kind: 'bad' };
          } else reading = value === 0 ? { kind: 'none' } : { kind: 'tie', weight: value };
        }
        readings.push({ c, reading });
      }
      const source = personOf(from, row.line, fromField);
      const target = personOf(to, row.line, toField);
      let attributes: Attributes | undefined;
      for (const c of textColumns) {
        const value = typedText.get(c)?.[r] ?? null;
        if (value === null) continue;
        attributes ??= {};
        setAttribute(attributes, names[c] as string, value);
      }
      const base = (weight: number, field?: string): LayerCell => {
        const cell: LayerCell = { source, target, weight, line: row.line };
        if (field !== undefined) cell.field = field;
        if (attributes !== undefined) cell.attributes = attributes;
        return cell;
      };
      if (relationColumns.length === 0) {
        layerOf('tie').cells.push(base(1));
        return;
      }
      let any = false;
      for (const { c, reading } of readings) {
        if (reading.kind !== 'tie') continue;
        any = true;
        layerOf(relationName(c)).cells.push(base(reading.weight, names[c]));
      }
      if (!any && readings.every(({ reading }) => reading.kind === 'none')) noTie++;
    });
  }
  capped.finish();
  if (tieSections === 0 && !hasNodeSection) {
    log.error('no-data', 'the file has no *node data and no *tie data section, so it holds no network', { row: start + 1 });
  } else if (people.length === 0 && !log.hasErrors) {
    log.error('no-data', 'the file lists no people and no ties (its sections hold only their header rows)', { row: start + 1 });
  }
  if (missing > 0) log.warn('missing-value', `${missing} tie value${missing === 1 ? ' is' : 's are'} missing (".", "NA" or "?"); read as no tie`);
  if (noTie > 0) {
    log.warn('zero-value', `${noTie} row${noTie === 1 ? ' of *tie data has' : 's of *tie data have'} no value above 0 in any relation, so ${noTie === 1 ? 'it is' : 'they are'} no tie`);
  }
  part.people = people;
  part.personOrigins = people.map((person) => ({ file: options.file, row: index.get(person.id)?.line as number, rowUnit: 'line' }));
  if (log.hasErrors) return resultOf(part, log.issues);

  const ids = people.map((person) => person.id);
  const built = buildLayers(
    ids,
    Array.from(layers.values()),
    { file: options.file, noun: 'column', matrix: false, ...(options.directed !== undefined ? { directed: options.directed } : {}) },
    log,
  );
  if (built === undefined) return resultOf(part, log.issues);
  part.ties = built.ties;
  part.tieOrigins = built.origins;
  part.relations = built.relations;
  return resultOf(part, log.issues);
}
