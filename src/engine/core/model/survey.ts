/**
 * Relationship surveys: the layout of a survey export (which column is who answered, which are
 * questions, which are attributes), how each written name was resolved, and the user's saved
 * resolution decisions. Layouts and decisions come back from the UI and from saved projects, so
 * they are validated with these schemas; the TS types are inferred from them.
 */
import { z } from 'zod';

/** A column of the survey table: its 0-based position and its header as written (for display and checks). */
export const SurveyColumnSchema = z.object({
  index: z.number().int().min(0),
  header: z.string(),
});
export type SurveyColumn = z.infer<typeof SurveyColumnSchema>;

/** The three shapes a relationship survey export comes in. */
export const SurveyKindSchema = z.enum(['free-recall', 'grid', 'long']);
export type SurveyKind = z.infer<typeof SurveyKindSchema>;

/**
 * One relationship question, which becomes one relation layer. Free recall: one column whose
 * cells list names. Grid: one column per listed person (`person` is the name taken from the
 * header). Long format: no columns; `values` are the texts of the relation column that mean
 * this question (all rows when there is no relation column).
 */
export const SurveyQuestionSchema = z.object({
  /** Short relation name, editable: `collaborate`, `advice`. */
  relation: z.string().trim().min(1),
  /** The question as the survey asked it. */
  question: z.string(),
  columns: z.array(SurveyColumnSchema.extend({ person: z.string().optional() })).default([]),
  values: z.array(z.string()).optional(),
});
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

export const SurveyAttributeSchema = SurveyColumnSchema.extend({
  /** Attribute name on the person (the header, editable). */
  name: z.string().trim().min(1),
  /** Cells holding several values (`a;b`) are split on this into lists. */
  separator: z.string().optional(),
});
export type SurveyAttribute = z.infer<typeof SurveyAttributeSchema>;

/**
 * What each column of a survey export means: a plain object that `detectSurveyLayout` proposes,
 * the UI shows and the user edits, and `importSurvey` applies.
 */
export const SurveyLayoutSchema = z.object({
  kind: SurveyKindSchema,
  /** Who answered: a full name, or first + last name, and/or an email; `id` is a respondent id column. */
  identity: z
    .object({
      name: SurveyColumnSchema.optional(),
      firstName: SurveyColumnSchema.optional(),
      lastName: SurveyColumnSchema.optional(),
      email: SurveyColumnSchema.optional(),
      id: SurveyColumnSchema.optional(),
    })
    .default({}),
  /** When the answer was submitted: the latest of duplicate submissions wins. */
  timestamp: SurveyColumnSchema.optional(),
  questions: z.array(SurveyQuestionSchema).default([]),
  /** Long format: the named person's column, the relation column and the strength column. */
  long: z
    .object({
      named: SurveyColumnSchema,
      relation: SurveyColumnSchema.optional(),
      strength: SurveyColumnSchema.optional(),
    })
    .optional(),
  /**
   * Grid and long-format cell values -> tie weight (0 = no tie). Keys are the values as found,
   * compared case-insensitively; numbers not listed are used as they are.
   */
  scale: z.record(z.string(), z.number().min(0)).default({}),
  attributes: z.array(SurveyAttributeSchema).default([]),
  /** Columns left out (form metadata such as IP address or response id), with why. */
  ignored: z.array(SurveyColumnSchema.extend({ reason: z.string() })).default([]),
  /** Header rows merged into one (SurveyMonkey exports have 2, Qualtrics 3). Informational. */
  headerRows: z.number().int().min(1).default(1),
  /** What detection was unsure of, in words for the user. */
  notes: z.array(z.string()).default([]),
});
export type SurveyLayout = z.infer<typeof SurveyLayoutSchema>;
export type SurveyLayoutInput = z.input<typeof SurveyLayoutSchema>;

/** How a written name ended up. */
export const ResolutionStatusSchema = z.enum([
  /** One person clearly matches. */
  'matched',
  /** The user decided (a saved decision was applied). */
  'decided',
  /** Several people could be meant; the best one was taken because its confidence is above the threshold (non-interactive mode). */
  'best-guess',
  /** Several people could be meant and none was taken: waiting for the user. */
  'ambiguous',
  /** Nobody known matches: a new person was added. */
  'new-person',
  /** Nobody known matches and the text is too short to make a person of (e.g. "J. C."). */
  'unmatched',
  /** The text names nobody ("my whole team", "n/a"). */
  'not-a-person',
  /** The respondent named themself: dropped. */
  'self',
]);
export type ResolutionStatus = z.infer<typeof ResolutionStatusSchema>;

/** One candidate for an ambiguous name, with why it is a candidate. */
export const ResolutionCandidateSchema = z.object({
  person: z.string(),
  label: z.string(),
  /** 0..1: how likely this is the person meant, all evidence included. */
  confidence: z.number().min(0).max(1),
  /** 0..1: how well the written text fits this person's name alone. */
  nameScore: z.number().min(0).max(1),
  /** In words: `initial and surname`, `same organization`, `named the respondent too`. */
  reasons: z.array(z.string()),
});
export type ResolutionCandidate = z.infer<typeof ResolutionCandidateSchema>;

/** One name as a respondent wrote it, and who it was resolved to. */
export const ResolutionEntrySchema = z.object({
  file: z.string(),
  /** Row in the file as a spreadsheet shows it (header = row 1). */
  row: z.number().int(),
  /** The column the name was written in. */
  field: z.string(),
  /** The survey wave (set when several survey files are imported together). */
  wave: z.string().optional(),
  /** The respondent's person id. */
  respondent: z.string(),
  /** The text as written. */
  written: z.string(),
  /** The normalised text that decisions are keyed by. */
  key: z.string(),
  /** The relation (question) it was written under. */
  question: z.string(),
  person: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  status: ResolutionStatusSchema,
  /** How it matched, in words: `exact name`, `email`, `nickname`, `initial and surname`, `one-letter typo`. */
  method: z.string(),
});
export type ResolutionEntry = z.infer<typeof ResolutionEntrySchema>;

/** A name that could be several people: the UI asks the user to confirm, pick or create a person. */
export const AmbiguitySchema = z.object({
  written: z.string(),
  key: z.string(),
  respondent: z.string(),
  question: z.string(),
  file: z.string(),
  row: z.number().int(),
  field: z.string(),
  wave: z.string().optional(),
  /** Best first. */
  candidates: z.array(ResolutionCandidateSchema),
  /** The candidate taken in non-interactive mode, or null when none is above the threshold. */
  chosen: z.string().nullable(),
});
export type Ambiguity = z.infer<typeof AmbiguitySchema>;

const decisionScope = {
  /** The written text (compared after normalisation, so the raw text or the entry's `key` both work). */
  written: z.string().trim().min(1),
  /** Only for this respondent's answers; omitted: for every respondent. */
  respondent: z.string().optional(),
  /** Only under this question (relation); omitted: under every question. */
  question: z.string().optional(),
};

/**
 * A user's decision about a written name, saved with the project and re-applied on re-import.
 * The most specific decision wins: (text, respondent, question), then (text, respondent), then
 * (text, question), then the text alone ("applies everywhere").
 */
export const ResolutionDecisionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('match'), person: z.string().trim().min(1), ...decisionScope }),
  z.object({
    action: z.literal('new-person'),
    /** Name for the new person; default the text as written. The same label makes the same person. */
    label: z.string().trim().min(1).optional(),
    ...decisionScope,
  }),
  z.object({ action: z.literal('not-a-person'), ...decisionScope }),
]);
export type ResolutionDecision = z.infer<typeof ResolutionDecisionSchema>;

export const ResolutionDecisionsSchema = z.array(ResolutionDecisionSchema);

/** The decisions as a file of their own (`--decisions` on the command line). */
export const ResolutionDecisionsFileSchema = z.object({
  format: z.literal('netweave-resolution-decisions'),
  version: z.literal(1),
  decisions: ResolutionDecisionsSchema,
});
export type ResolutionDecisionsFile = z.infer<typeof ResolutionDecisionsFileSchema>;
