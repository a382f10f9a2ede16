/**
 * Reading one sheet of an Excel workbook (.xlsx, Office Open XML) into the same `CsvTable` that
 * `readCsv` returns, so every CSV importer can take a workbook. The zip is opened with fflate and
 * the sheet XML read with fast-xml-parser: both are plain JavaScript that runs the same in Node,
 * a Worker and a browser page.
 *
 * Cells are read as text, the way a spreadsheet shows them: shared and inline strings (rich text
 * runs joined), numbers without binary noise (`0.1`, not `0.10000000000000001`), booleans as
 * TRUE/FALSE, error values as written (`#N/A`), and date-formatted numbers as ISO text
 * (`2025-03-19 08:03:00`). Formulas are never evaluated: a formula cell gives the value Excel saved
 * with it, and a cell whose text starts with = + - @ is text like any other.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { UnzipFileInfo } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { XML_ENTITY_POLICY } from './xml-read.ts';
import { IssueLog } from '../core/util/issues.ts';
import { fail as failed, ok, type Result } from '../core/util/result.ts';
import type { CsvRecord, CsvTable } from './csv-read.ts';
import { isOleCompound, isZip } from './workbook-detect.ts';

export interface ReadXlsxOptions {
  /** File name used in issues. */
  file: string;
  /**
   * The sheet to read: its name (case-insensitive) or 0-based position. Default: the first
   * visible sheet that holds any data.
   */
  sheet?: string | number;
  /** Refuse workbooks whose parts unpack to more than this many bytes. Default 512 MiB. */
  maxUnpackedBytes?: number;
}

/** One sheet read from a workbook. */
export interface XlsxSheet {
  table: CsvTable;
  /** The sheet that was read. */
  sheet: string;
  /** Every sheet's name, in workbook order (hidden ones included). */
  sheets: string[];
}

const DEFAULT_MAX_UNPACKED = 512 * 1024 * 1024;
/** The largest column Excel allows (XFD). */
const MAX_COLUMNS = 16_384;

type XmlNode = Record<string, unknown>;

const REPEATABLE = new Set(['sheet', 'Relationship', 'si', 'r', 'row', 'c', 'numFmt', 'xf']);

function parser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    // Spaces inside a cell are part of its text.
    trimValues: false,
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATABLE.has(name),
    // Numeric character references (&#10;) are decoded with the HTML entity table.
    htmlEntities: true,
    processEntities: XML_ENTITY_POLICY,
  });
}

function asNode(value: unknown): XmlNode {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as XmlNode;
  if (value === undefined || value === null) return {};
  return { '#text': String(value) };
}

function list(node: XmlNode, tag: string): XmlNode[] {
  const value = node[tag];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(asNode);
}

function child(node: XmlNode, tag: string): XmlNode | undefined {
  const value = node[tag];
  if (value === undefined) return undefined;
  return asNode(Array.isArray(value) ? value[0] : value);
}

function attr(node: XmlNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  return value === undefined || value === null ? undefined : String(value);
}

function text(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  const value = node['#text'];
  return value === undefined || value === null ? '' : String(value);
}

/** OOXML writes characters XML cannot hold as `_x000D_`; `_x005F_` escapes a literal underscore. */
function unescapeOoxml(value: string): string {
  if (!value.includes('_x')) return value;
  return value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of a shared or inline string: plain `<t>`, or rich text runs `<r><t>`, phonetics left out. */
function stringItemText(item: XmlNode): string {
  const plain = child(item, 't');
  if (plain !== undefined) return unescapeOoxml(text(plain));
  return unescapeOoxml(list(item, 'r').map((run) => text(child(run, 't'))).join(''));
}

/** `BC` -> 54 (0-based column index 54). */
function columnIndex(letters: string): number {
  let index = 0;
  for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

/** Resolves a relationship target against the folder of the part that declares it. */
function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

// Built-in number formats that show dates or times (ECMA-376 part 1, 18.8.30, plus the CJK ones).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom number format shows a date or time (y m d h s outside quotes and [colour] codes). */
function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '')
    .toLowerCase();
  if (bare.trim() === 'general') return false;
  return /[ydhs]/.test(bare) || /(^|[^a-z])m/.test(bare);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** An Excel serial date as ISO text; the time is shown when it is not midnight or the format has one. */
export function excelSerialToIso(serial: number, date1904 = false, withTime = false): string {
  // Day 0 is 1899-12-30 so that serial 61 is 1900-03-01 (Excel counts a 29 February 1900).
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const ms = Math.round(serial * 86_400) * 1000;
  const date = new Date(epoch + ms);
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hasTime = date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0 || date.getUTCSeconds() !== 0;
  if (!withTime && !hasTime) return day;
  return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** A number as a spreadsheet shows it in General format: no binary noise such as 0.30000000000000004. */
function numberText(raw: string): string {
  const value = Number(raw);
  if (!Number.isFinite(value)) return raw.trim();
  return String(Number(value.toPrecision(15)));
}

interface DateStyles {
  /** Per cell style index (`s`): whether it shows a date, and whether with a time. */
  date: boolean[];
  time: boolean[];
}

function readStyles(xml: XmlNode | undefined): DateStyles {
  const styles: DateStyles = { date: [], time: [] };
  if (xml === undefined) return styles;
  const sheet = child(xml, 'styleSheet') ?? {};
  const custom = new Map<number, string>();
  for (const format of list(child(sheet, 'numFmts') ?? {}, 'numFmt')) {
    const id = Number(attr(format, 'numFmtId'));
    if (Number.isInteger(id)) custom.set(id, attr(format, 'formatCode') ?? '');
  }
  for (const xf of list(child(sheet, 'cellXfs') ?? {}, 'xf')) {
    const id = Number(attr(xf, 'numFmtId') ?? '0');
    const code = custom.get(id);
    const isDate = code !== undefined ? isDateFormatCode(code) : DATE_FORMAT_IDS.has(id);
    const hasTime = code !== undefined ? /[hs]/i.test(code.replace(/"[^"]*"/g, '')) : [18, 19, 20, 21, 22, 45, 46, 47].includes(id);
    styles.date.push(isDate);
    styles.time.push(isDate && hasTime);
  }
  return styles;
}

interface SheetEntry {
  name: string;
  path: string;
  hidden: boolean;
}

interface Workbook {
  sheets: SheetEntry[];
  sharedStrings: string[];
  styles: DateStyles;
  date1904: boolean;
}

/** Unzips the entries `wanted` accepts, refusing archives that would unpack too large. */
function unzip(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  budget: { left: number },
): Record<string, Uint8Array> | string {
  let tooLarge: string | undefined;
  try {
    const files = unzipSync(bytes, {
      filter(info: UnzipFileInfo) {
        if (!wanted(info.name)) return false;
        budget.left -= info.originalSize;
        if (budget.left < 0) {
          tooLarge = info.name;
          return false;
        }
        return true;
      },
    });
    if (tooLarge !== undefined) return `the workbook unpacks to more than the size netweave reads (at "${tooLarge}")`;
    return files;
  } catch (error) {
    return `the file is not a readable zip archive (${error instanceof Error ? error.message : String(error)})`;
  }
}

function parseXml(bytes: Uint8Array | undefined): XmlNode | undefined {
  if (bytes === undefined) return undefined;
  return asNode(parser().parse(strFromU8(bytes).replace(/^\uFEFF/, '')));
}

function readWorkbook(files: Record<string, Uint8Array>): Workbook | string {
  const workbookPath = 'xl/workbook.xml';
  const workbookXml = parseXml(files[workbookPath]);
  if (workbookXml === undefined) {
    return 'the file is a zip archive but not an Excel workbook (.xlsx has an xl/workbook.xml); save it as .xlsx or CSV';
  }
  const workbook = child(workbookXml, 'workbook') ?? {};
  const date1904 = ['1', 'true'].includes((attr(child(workbook, 'workbookPr') ?? {}, 'date1904') ?? '').toLowerCase());
  const relsXml = parseXml(files['xl/_rels/workbook.xml.rels']);
  const targets = new Map<string, { target: string; type: string }>();
  for (const rel of list(child(relsXml ?? {}, 'Relationships') ?? {}, 'Relationship')) {
    const id = attr(rel, 'Id');
    const target = attr(rel, 'Target');
    if (id !== undefined && target !== undefined) {
      targets.set(id, { target: resolvePath(workbookPath, target), type: attr(rel, 'Type') ?? '' });
    }
  }
  const sheets: SheetEntry[] = list(child(workbook, 'sheets') ?? {}, 'sheet').map((sheet, index) => {
    const rel = attr(sheet, 'id');
    const path = (rel !== undefined ? targets.get(rel)?.target : undefined) ?? `xl/worksheets/sheet${index + 1}.xml`;
    const state = attr(sheet, 'state') ?? 'visible';
    return { name: attr(sheet, 'name') ?? `Sheet${index + 1}`, path, hidden: state !== 'visible' };
  });
  const byType = (suffix: string, fallback: string): string =>
    [...targets.values()].find((t) => t.type.endsWith(suffix))?.target ?? fallback;
  const sharedXml = parseXml(files[byType('/sharedStrings', 'xl/sharedStrings.xml')]);
  const sharedStrings = list(child(sharedXml ?? {}, 'sst') ?? {}, 'si').map(stringItemText);
  const styles = readStyles(parseXml(files[byType('/styles', 'xl/styles.xml')]));
  return { sheets, sharedStrings, styles, date1904 };
}

interface SheetCells {
  /** Sheet row number -> cells by 0-based column. */
  rows: Map<number, string[]>;
  formulasWithoutValue: string[];
}

function readSheetCells(xml: XmlNode, book: Workbook): SheetCells {
  const worksheet = child(xml, 'worksheet') ?? {};
  const data = child(worksheet, 'sheetData') ?? {};
  const rows = new Map<number, string[]>();
  const formulasWithoutValue: string[] = [];
  let nextRow = 1;
  for (const row of list(data, 'row')) {
    const rowNumber = Number(attr(row, 'r') ?? nextRow);
    nextRow = rowNumber + 1;
    const cells: string[] = [];
    let nextColumn = 0;
    for (const cell of list(row, 'c')) {
      const ref = attr(cell, 'r');
      const letters = ref?.match(/^[A-Za-z]+/)?.[0];
      const column = letters !== undefined ? columnIndex(letters) : nextColumn;
      nextColumn = column + 1;
      if (column < 0 || column >= MAX_COLUMNS) continue;
      const type = attr(cell, 't') ?? 'n';
      const raw = text(child(cell, 'v'));
      const hasValue = child(cell, 'v') !== undefined;
      let value: string;
      switch (type) {
        case 's':
          value = book.sharedStrings[Number(raw)] ?? '';
          break;
        case 'inlineStr':
          value = stringItemText(child(cell, 'is') ?? {});
          break;
        case 'str':
        case 'e':
        case 'd':
          value = unescapeOoxml(raw);
          break;
        case 'b':
          value = raw === '' ? '' : raw.trim() === '1' || raw.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
          break;
        default: {
          const style = Number(attr(cell, 's') ?? '0');
          const serial = Number(raw);
          if (raw.trim() !== '' && Number.isFinite(serial) && book.styles.date[style] === true) {
            value = excelSerialToIso(serial, book.date1904, book.styles.time[style] === true);
          } else {
            value = raw.trim() === '' ? '' : numberText(raw);
          }
        }
      }
      if (!hasValue && type !== 'inlineStr' && child(cell, 'f') !== undefined) {
        formulasWithoutValue.push(ref ?? `row ${rowNumber}`);
      }
      while (cells.length < column) cells.push('');
      cells[column] = value;
    }
    if (cells.length > 0) rows.set(rowNumber, cells);
  }
  return { rows, formulasWithoutValue };
}

/** Names of the sheets of a workbook, in order; [] when the bytes are not a readable workbook. */
export function listXlsxSheets(bytes: Uint8Array): string[] {
  if (!isZip(bytes)) return [];
  const files = unzip(bytes, (name) => name === 'xl/workbook.xml', { left: DEFAULT_MAX_UNPACKED });
  if (typeof files === 'string') return [];
  const book = readWorkbook(files);
  return typeof book === 'string' ? [] : book.sheets.map((s) => s.name);
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Reads one sheet of a workbook as a table; never throws. Fails (without a table) when no usable sheet could be read. */
export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions): Result<XlsxSheet> {
  const log = new IssueLog(options.file);
  const fail = (code: string, message: string): Result<XlsxSheet> => {
    log.error(code, message);
    return failed(log.issues);
  };
  if (bytes.length === 0) return fail('empty-file', 'the file is empty');
  if (isOleCompound(bytes)) {
    return fail(
      'unsupported-workbook',
      'this is an old Excel .xls file or a password-protected workbook, which netweave cannot read; open it in a spreadsheet and save it as .xlsx (without a password) or CSV',
    );
  }
  if (!isZip(bytes)) return fail('not-xlsx', 'the file is not an Excel .xlsx workbook (it does not start like a zip archive)');
  const budget = { left: options.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED };
  const parts = unzip(bytes, (name) => name.startsWith('xl/') && !name.startsWith('xl/worksheets/') && /\.(xml|rels)$/.test(name), budget);
  if (typeof parts === 'string') return fail('not-xlsx', parts);
  let book: Workbook | string;
  try {
    book = readWorkbook(parts);
  } catch (error) {
    return fail('not-xlsx', `the workbook's parts are not valid XML (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof book === 'string') return fail('not-xlsx', book);
  const names = book.sheets.map((s) => s.name);
  if (book.sheets.length === 0) return fail('empty-file', 'the workbook has no sheets');

  let chosen: SheetEntry[];
  if (options.sheet !== undefined) {
    const wanted = options.sheet;
    const found =
      typeof wanted === 'number'
        ? book.sheets[wanted]
        : book.sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (found === undefined) {
      return fail('missing-sheet', `the workbook has no sheet "${String(wanted)}"; its sheets are ${names.map((n) => `"${n}"`).join(', ')}`);
    }
    chosen = [found];
  } else {
    chosen = [...book.sheets.filter((s) => !s.hidden), ...book.sheets.filter((s) => s.hidden)];
  }

  let cells: SheetCells | undefined;
  let sheet: SheetEntry | undefined;
  for (const candidate of chosen) {
    const files = unzip(bytes, (name) => name === candidate.path, budget);
    if (typeof files === 'string') return fail('not-xlsx', files);
    let xml: XmlNode | undefined;
    try {
      xml = parseXml(files[candidate.path]);
    } catch (error) {
      return fail('not-xlsx', `sheet "${candidate.name}" is not valid XML (${error instanceof Error ? error.message : String(error)})`);
    }
    if (xml === undefined) continue;
    const read = readSheetCells(xml, book);
    if ([...read.rows.values()].some((row) => !isBlank(row))) {
      cells = read;
      sheet = candidate;
      break;
    }
    if (options.sheet !== undefined) {
      cells = read;
      sheet = candidate;
    }
  }
  if (cells === undefined || sheet === undefined || ![...cells.rows.values()].some((row) => !isBlank(row))) {
    return fail('empty-file', sheet !== undefined ? `sheet "${sheet.name}" is empty` : 'every sheet of the workbook is empty');
  }
  const withData = book.sheets.filter((s) => s !== sheet && !s.hidden);
  if (options.sheet === undefined && withData.length > 0) {
    log.warn(
      'other-sheets',
      `the workbook has several sheets; "${sheet.name}" was read (the others: ${withData.map((s) => `"${s.name}"`).join(', ')}); choose another sheet to read it instead`,
    );
  }
  if (cells.formulasWithoutValue.length > 0) {
    const shown = cells.formulasWithoutValue.slice(0, 5).join(', ');
    const more = cells.formulasWithoutValue.length > 5 ? ` and ${cells.formulasWithoutValue.length - 5} more` : '';
    log.warn(
      'formula-without-value',
      `sheet "${sheet.name}" has formulas saved without their result (${shown}${more}); netweave never runs formulas, so these cells are read as empty: open the file in a spreadsheet and save it again to store the results`,
    );
  }

  const rowNumbers = [...cells.rows.keys()].sort((a, b) => a - b);
  const nonBlank = rowNumbers.filter((n) => !isBlank(cells.rows.get(n) ?? []));
  const headerRow = nonBlank[0] as number;
  // A loop, not Math.max(...): a sheet can have more rows than a call takes arguments.
  let width = 0;
  for (const n of nonBlank) width = Math.max(width, (cells.rows.get(n) ?? []).length);
  const headerCells = cells.rows.get(headerRow) ?? [];
  const headers = Array.from({ length: width }, (_, i) => (headerCells[i] ?? '').trim());
  const seen = new Map<string, number>();
  headers.forEach((name, index) => {
    const key = name.toLowerCase();
    if (key === '') return;
    if (seen.has(key)) {
      log.warn(
        'duplicate-column',
        `two columns are named "${name}" (columns ${(seen.get(key) ?? 0) + 1} and ${index + 1}); only the first is used`,
        { row: headerRow, field: name },
      );
    } else {
      seen.set(key, index);
    }
  });
  const records: CsvRecord[] = nonBlank.slice(1).map((row) => {
    const raw = cells.rows.get(row) ?? [];
    return { row, cells: Array.from({ length: width }, (_, i) => (raw[i] ?? '').trim()) };
  });
  if (records.length === 0) {
    return fail('no-data', `sheet "${sheet.name}" has a header row but no data rows`);
  }
  return ok(
    {
      // A workbook has no delimiter; ',' keeps numbers read with a decimal point, as cells store them.
      table: { file: options.file, delimiter: ',', headers, headerRow, records },
      sheets: names,
      sheet: sheet.name,
    },
    log.issues,
  );
}
