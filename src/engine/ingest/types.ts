/**
 * What every importer returns: the records it could read plus every issue it found. Importers
 * never throw on bad data; `assembleDataset` decides whether the parts make a usable dataset.
 */
import type { Attendance, Mentorship, Person, Relation, Tie } from '../model/records.ts';
import type { InputIssue } from '../util/issues.ts';

export interface ImportPart {
  /** The file name as the user gave it, used in every issue. */
  file: string;
  people: Person[];
  ties: Tie[];
  relations: Relation[];
  attendance: Attendance[];
  mentorships: Mentorship[];
  issues: InputIssue[];
}

export function emptyPart(file: string): ImportPart {
  return { file, people: [], ties: [], relations: [], attendance: [], mentorships: [], issues: [] };
}

/** A file handed to the importer: its name (for messages and format detection) and its text. */
export interface SourceFile {
  name: string;
  text: string;
}
