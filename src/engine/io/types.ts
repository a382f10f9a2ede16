/**
 * What every importer reads: the records of one file (`ImportPart`). Each format's reader returns
 * them as a `Result<ImportPart>` (core/util/result.ts) with every issue found, and never throws
 * on bad data; a reader that met an error still hands what it read as the result's `partial`, so
 * that `assembleDataset` can check it against the other files and report every problem at once.
 */
import type { InputIssue } from '../core/util/issues.ts';
import type { Attendance, Mentorship, Person, Relation, Tie } from '../core/model/records.ts';

/**
 * Where a tie was read, so that problems found later (a duplicate across files, an id missing
 * from the roster) can still point the user at the file, row and column to fix.
 */
export interface TieOrigin {
  file: string;
  /** Row as a spreadsheet shows it (CSV) or line as an editor shows it (XML). */
  row?: number;
  /** How to call `row` in messages. Default 'row'. */
  rowUnit?: 'row' | 'line';
  /** A location that is not a row, e.g. `ties.3` in a JSON dataset. */
  path?: string;
  /** The column (or JSON path) the source and target ids were read from. */
  sourceField?: string;
  targetField?: string;
}

/** Where a person was read (their first row or line), so that later problems can name it. */
export type PersonOrigin = Pick<TieOrigin, 'file' | 'row' | 'rowUnit' | 'path'>;

export interface ImportPart {
  /** The file name as the user gave it, used in every issue. */
  file: string;
  people: Person[];
  ties: Tie[];
  relations: Relation[];
  attendance: Attendance[];
  mentorships: Mentorship[];
  /** Aligned with `ties` when present; importers fill it so later issues can name rows. */
  tieOrigins?: TieOrigin[];
  /**
   * Aligned with `people` when present: where each person is first written, filled by readers
   * of formats with rows or lines so that problems found later (a reserved id) name the row.
   */
  personOrigins?: Array<PersonOrigin | undefined>;
  /** A dataset name or description carried by the file itself (JSON, GEXF), if any. */
  name?: string;
  description?: string;
}

export function emptyPart(file: string): ImportPart {
  return { file, people: [], ties: [], relations: [], attendance: [], mentorships: [] };
}

/**
 * A file handed to the importer: its name (for messages and format detection) and its text.
 * Binary formats (XLSX workbooks) also carry the raw `bytes`; their `text` may then be ''.
 */
export interface SourceFile {
  name: string;
  text: string;
  /** The file's raw content, for binary formats such as XLSX. */
  bytes?: Uint8Array;
  /** What decoding its bytes had to guess or repair (see `decodeText`); every import reports them. */
  notes?: InputIssue[];
}
