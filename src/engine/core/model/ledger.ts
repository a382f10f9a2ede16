/**
 * The weaving ledger: introductions a weaver actually made, kept in the project so that a later
 * survey wave can show whether they stuck. One record per introduction; this schema is the single
 * source of truth for the project file, the ledger CSV and the report.
 */
import { z } from 'zod';

/** How far an introduction went, from a suggestion to talk (1) to meeting with work to do together (7). */
export const LEDGER_LEVELS = [
  { level: 1, words: 'Suggested they talk' },
  { level: 2, words: 'Passed on contact details' },
  { level: 3, words: 'Introduced them by email or message' },
  { level: 4, words: 'Introduced them with a reason to work together' },
  { level: 5, words: 'Set up a call or meeting for them' },
  { level: 6, words: 'Introduced them in person' },
  { level: 7, words: 'Introduced them in person, with a project to do together' },
] as const;

export type LedgerLevel = (typeof LEDGER_LEVELS)[number]['level'];

/** The level's plain words ("Introduced them in person"). */
export function levelWords(level: number): string {
  return LEDGER_LEVELS.find((l) => l.level === level)?.words ?? `Level ${level}`;
}

/** An introduction made without a suggestion. */
export const BY_HAND = 'by hand' as const;

/**
 * Where an introduction came from: a kind of suggestion (the weaving and skill suggestions'
 * `kind`, src/engine/features/weaving and skills, and the results' partner introductions,
 * src/engine/features/results) or made by hand.
 */
export const LEDGER_KINDS = ['engage-periphery', 'close-triangle', 'link-communities', 'skill-introduction', 'result-partner', BY_HAND] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** A calendar day, `YYYY-MM-DD`. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a date is written YYYY-MM-DD' });

export const LedgerEntrySchema = z.object({
  /** The day the introduction was made. */
  date: Day,
  /** Who made it, as written ('' when not recorded). */
  weaver: z.string().default(''),
  /** The two people: a person's id, or the name as written when it matches nobody in the project. */
  personA: z.string().trim().min(1),
  personB: z.string().trim().min(1),
  level: z.number().int().min(1).max(7),
  kind: z.enum(LEDGER_KINDS).default(BY_HAND),
  note: z.string().default(''),
  /** The suggestion it came from (its stable id, `intro:a+b`), when it came from one. */
  suggestion: z.string().optional(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
export type LedgerEntryInput = z.input<typeof LedgerEntrySchema>;
