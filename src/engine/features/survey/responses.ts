/**
 * What a survey's rows say once the layout is applied: for each submission, who answered, when,
 * their attributes and the names they gave, each with the relation (question), the weight and
 * the row and column it came from. The three readers (free recall, grid, long format) all return
 * these, and resolution and hygiene work on them alone.
 */
import type { Attributes } from '../../core/model/records.ts';

/** One name given by a respondent under one question. */
export interface Nomination {
  relation: string;
  /** The text as written ("Rivera, Ingrid"; a grid's column person). */
  written: string;
  /** The text to match, in "First Last" order. */
  name: string;
  /** Tie weight: 1 for free recall; from the scale for grids and long format. */
  weight: number;
  /** Row (spreadsheet numbering) and column header where it was written. */
  row: number;
  field: string;
}

/** The identity a respondent gave. */
export interface RespondentIdentity {
  name?: string;
  email?: string;
  id?: string;
}

/** One submission (free recall and grids: one row; long format: all rows of one respondent). */
export interface SurveyResponse {
  file: string;
  /** Wave label when several surveys are imported together. */
  wave?: string;
  /** First row of the submission. */
  row: number;
  identity: RespondentIdentity;
  /** Milliseconds, when the layout has a parsable timestamp. */
  time?: number;
  timeText?: string;
  attributes: Attributes;
  nominations: Nomination[];
}

/** The identity's text for messages: name, else email, else id. */
export function describeIdentity(identity: RespondentIdentity): string {
  return identity.name ?? identity.email ?? identity.id ?? '(no name)';
}
