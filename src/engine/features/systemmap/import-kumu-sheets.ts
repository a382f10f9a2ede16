/**
 * Kumu-style spreadsheets (https://docs.kumu.io/guides/import/structure-your-data): an Elements
 * sheet headed Label, Type, Description, Tags (tags separated by `|`) and a Connections sheet
 * headed From, To, Type, Strength (and optionally Direction, Description, Delay). A `|` in From
 * or To lists several elements, so `A|B` -> `C` is two links. The connection Type holds the
 * polarity (`+`, `-`, and Kumu's compound types: see `polarity.ts`); Type "works on" joins an
 * actor to a factor. Elements whose Type is an actor type (Organization, Person, ...) are actors;
 * what each type is read as can be chosen (`typeRoles`, defaults in io/kumu-types.ts).
 *
 * ```text
 * Elements:    Label,Type,Description,Tags
 *              Political will,Factor,Support among legislators,policy|politics
 * Connections: From,To,Type,Strength
 *              Political will|Public demand,Carbon price,+,2
 * ```
 *
 * The readers take `CsvTable`s, so two CSV files (via `readCsv`) and the two sheets of a
 * workbook (via a spreadsheet reader producing the same CsvTable) import the same way.
 */
import { readCsv } from '../../io/csv-read.ts';
import { readKumuWorkbookTables } from '../../io/kumu-records.ts';
import { IssueLog } from '../../core/util/issues.ts';
import { dropLeftOut } from './import-kumu.ts';
import { readSoFar, resultOf, type Reading } from '../../core/util/result.ts';
import type { CsvTable } from '../../io/csv-read.ts';
import type { SourceFile } from '../../io/types.ts';
import { assembleSystemMap } from './assemble.ts';
import type { AssembleOptions, SystemMapImportResult } from './assemble.ts';
import { emptySystemMapPart } from './drafts.ts';
import type { SystemMapPart } from './drafts.ts';
import { factorsFromTable, linksFromTable } from './import-csv.ts';
import type { SystemMapCsvOptions } from './import-csv.ts';

export interface KumuSheets {
  /** The Elements sheet; optional (Kumu makes elements from connections when absent). */
  elements?: CsvTable;
  connections: CsvTable;
}

/**
 * The parts of a Kumu workbook given as tables. Never throws. Elements of a type read as "leave
 * out" (`typeRoles`) are left out with the links naming them, reported once.
 */
export function kumuSheetsParts(sheets: KumuSheets, options: SystemMapCsvOptions = {}): Reading<SystemMapPart>[] {
  const parts: Reading<SystemMapPart>[] = [];
  if (sheets.elements !== undefined) parts.push(factorsFromTable(sheets.elements, options));
  parts.push(linksFromTable(sheets.connections));
  const file = sheets.connections.file;
  const log = new IssueLog(file);
  dropLeftOut(parts.map((p) => readSoFar(p)), log);
  if (log.issues.length > 0) parts.push(resultOf(emptySystemMapPart(file), log.issues));
  return parts;
}

/** Reads Kumu sheets (as tables) into a map. Never throws. */
export function importKumuSheets(sheets: KumuSheets, options: AssembleOptions & SystemMapCsvOptions = {}): SystemMapImportResult {
  return assembleSystemMap(kumuSheetsParts(sheets, options), options);
}

/** Reads Kumu sheets saved as two CSV files into a map. Never throws. */
export function importKumuSheetsCsv(
  files: { elements?: SourceFile; connections: SourceFile },
  options: AssembleOptions & SystemMapCsvOptions = {},
): SystemMapImportResult {
  const parts: Reading<SystemMapPart>[] = [];
  const read = (file: SourceFile): CsvTable | undefined => {
    const reading = readCsv(file.text, { file: file.name });
    if (reading.issues.length > 0) parts.push(resultOf(emptySystemMapPart(file.name), reading.issues));
    return readSoFar(reading);
  };
  const elements = files.elements === undefined ? undefined : read(files.elements);
  const connections = read(files.connections);
  if (connections !== undefined) parts.push(...kumuSheetsParts({ ...(elements !== undefined ? { elements } : {}), connections }, options));
  else if (elements !== undefined) parts.push(factorsFromTable(elements, options));
  return assembleSystemMap(parts, options);
}

/**
 * The parts of a Kumu workbook (an Excel file with Elements and Connections sheets, as Kumu
 * imports and exports). Never throws; a workbook without a Connections sheet says which sheets
 * it has.
 */
export function kumuWorkbookParts(file: SourceFile, options: SystemMapCsvOptions = {}): Reading<SystemMapPart>[] {
  const tables = readKumuWorkbookTables(file);
  if (!tables.ok) return [resultOf(emptySystemMapPart(file.name), tables.issues)];
  const parts = kumuSheetsParts(tables.value, options);
  return tables.issues.length > 0 ? [resultOf(emptySystemMapPart(file.name), tables.issues), ...parts] : parts;
}
