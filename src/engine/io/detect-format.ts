/**
 * What kind of file the user gave: by its name where that decides (`.gexf`, `.net`, `.dl`...),
 * checked against its content, which wins when the name says one format and the content plainly
 * another; else by content (the XML root, the JSON's shape, a format's own first lines); tables
 * last, by their header row. When nothing fits, the reason says what the file looks like and what
 * to do. An Excel workbook is Kumu's when its sheets include Elements and Connections, else a
 * table read from its first sheet. The formats themselves are declared in file-formats.ts.
 */
import type { InputIssue } from '../core/util/issues.ts';
import { guessCsvKind } from './csv-columns.ts';
import { readCsv } from './csv-read.ts';
import { readSoFar } from '../core/util/result.ts';
import type { SourceFile } from './types.ts';
import { isKumuWorkbook } from './kumu-records.ts';
import { isWorkbook } from './workbook-detect.ts';
import { workbookAsCsv } from './workbook-as-csv.ts';
import { FILE_FORMATS, IMPORT_KINDS, formatOf, xmlRoot, type FileFormat, type ImportKind } from './file-formats.ts';

export type { ImportKind };
export { IMPORT_KINDS };

export interface DetectedFormat {
  kind: ImportKind | 'unknown';
  /** Why, in words for the user (shown when the kind is unknown). */
  reason: string;
  /** Problems that kept the file from being read at all (e.g. an empty CSV). */
  issues: InputIssue[];
}

/** The name of the first element of an XML text, without namespace prefix. */
export const sniffXmlRoot = xmlRoot;

/** Kinds a table's header tells apart: they have no signature of their own. */
const TABLE_KINDS = new Set<ImportKind>(['edges', 'nodes', 'adjacency']);
/** Kinds with a signature of their own, tried on content before a table's header. */
const FORMATS: ReadonlyArray<FileFormat<ImportKind>> = FILE_FORMATS;
const LOOSE_KINDS = new Set<ImportKind>(['edgelist', 'adjlist']);
const SIGNED = FORMATS.filter((f) => f.looksLike !== undefined && !LOOSE_KINDS.has(f.kind));
const LOOSE = FORMATS.filter((f) => LOOSE_KINDS.has(f.kind));

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function looks(kind: ImportKind, text: string): boolean {
  const format = formatOf(kind);
  return format.looksLike === undefined || format.looksLike(text);
}

/** The first format whose own signature the content shows, JSON shapes before plain JSON. */
function bySignature(text: string): ImportKind | undefined {
  for (const format of SIGNED) if (format.looksLike!(text)) return format.kind;
  return undefined;
}

function looseAllowed(file: SourceFile): boolean {
  const first = file.text.replace(/^\uFEFF/, '').split(/\r?\n/, 50).find((line) => line.trim() !== '' && !/^\s*[#%]/.test(line));
  return first !== undefined && !first.includes(',');
}

function found(kind: ImportKind, reason: string): DetectedFormat {
  return { kind, reason, issues: [] };
}

function fromTable(file: SourceFile): DetectedFormat {
  const reading = readCsv(file.text, { file: file.name });
  const table = readSoFar(reading);
  if (table === undefined) return { kind: 'unknown', reason: `"${file.name}" could not be read`, issues: reading.issues };
  const kind = guessCsvKind(
    table.headers,
    table.records.map((record) => record.cells[0] ?? ''),
  );
  if (kind === 'edges') return found(kind, 'its header has source- and target-like columns');
  if (kind === 'adjacency') return found(kind, 'it is a matrix: the names across the first row are the names down the first column');
  if (kind === 'nodes') return found(kind, 'its header has an id or name column');
  // No header that says what it is: a list without one? Not when the first row has commas: that
  // is a table whose header netweave did not recognise (attendance, a survey...), or a list
  // without a header that a header would make plain (the reason says so).
  if (looseAllowed(file)) for (const format of LOOSE) if (format.looksLike!(file.text)) return found(format.kind, `it reads as an ${format.label}`);
  const headers = table.headers.map((h) => `"${h}"`).join(', ');
  return {
    kind: 'unknown',
    reason:
      `could not tell from its first line (${headers}) whether "${file.name}" lists ties, lists people or is a matrix. ` +
      'If it is a list of ties without a header, add "source,target" as its first line (or say it is a list of ties without a header); ' +
      'if it lists people, name the column with their names "id" or "name"',
    issues: [],
  };
}

export function detectFormat(given: SourceFile): DetectedFormat {
  // A workbook: Kumu's when its sheets include Elements and Connections, else a table (its first sheet).
  if (given.bytes !== undefined && given.text === '' && isWorkbook(given)) {
    if (isKumuWorkbook(given)) return found('kumu', 'it is an Excel workbook with Elements and Connections sheets, as Kumu imports and exports');
    const converted = workbookAsCsv(given);
    if (!converted.ok) return { kind: 'unknown', reason: `"${given.name}" could not be read as a workbook`, issues: converted.issues };
    return detectFormat(converted.value);
  }
  const file = given;
  const extension = extensionOf(file.name);
  const text = file.text;
  const named = FORMATS.find((f) => f.extensions.includes(extension));
  if (named !== undefined) {
    // A special case of the named format that its content shows (Network Canvas's GraphML).
    const special = FORMATS.find((f) => f.refines === named.kind && f.looksLike?.(text) === true);
    const kind = special?.kind ?? (named.kind === 'json' ? bySignature(text) ?? 'json' : named.kind);
    if (looks(kind, text)) return found(kind, kind === named.kind ? `the file name ends in .${extension}` : `it is ${formatOf(kind).label}`);
    const other = bySignature(text);
    if (other !== undefined && other !== kind) return found(other, `the file is named .${extension}, but its content is ${formatOf(other).label}`);
    // Its reader says what is wrong with it, line by line.
    return found(kind, `the file name ends in .${extension}`);
  }
  const signed = bySignature(text);
  if (signed !== undefined && !TABLE_KINDS.has(signed)) return found(signed, `its content is ${formatOf(signed).label}`);
  const root = xmlRoot(text);
  if (root !== undefined || extension === 'xml') {
    return {
      kind: 'unknown',
      reason: root === undefined ? `"${file.name}" does not look like XML` : `"${file.name}" is XML with root element <${root}>, which is neither GEXF nor GraphML`,
      issues: [],
    };
  }
  // .csv, .tsv, .txt, no ending or one we do not know: a table, or a list without a header.
  return fromTable(file);
}
