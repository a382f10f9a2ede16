/**
 * Mentor matching records: mentees (goals, identity preferences they chose), mentors (strengths,
 * capacity) and the user's pair decisions (lock, reject). They come from spreadsheets
 * (`import-matching.ts`), from the app and from saved projects, so they are validated with these
 * schemas; the TS types are inferred from them.
 */
import { z } from 'zod';
import { AttributesSchema } from '../../core/model/records.ts';

const Id = z.string().trim().min(1, 'an id must not be empty');

/**
 * An identity preference a mentee chose: a mentor with the same value of `attribute` as the
 * mentee (`value` omitted), or with this `value`. Used only when the mentee asked for it.
 */
export const IdentityPreferenceSchema = z.object({
  attribute: z.string().trim().min(1),
  value: z.string().trim().min(1).optional(),
});
export type IdentityPreference = z.infer<typeof IdentityPreferenceSchema>;

export const MenteeSchema = z.object({
  id: Id,
  label: z.string(),
  /** What they want to grow in: phrases or tags ("public speaking", "budgets"). */
  goals: z.array(z.string()).default([]),
  /** Identity matches they asked for; empty: identity plays no part in their match. */
  preferences: z.array(IdentityPreferenceSchema).default([]),
  attributes: AttributesSchema.default({}),
  /** Email, to tell when a mentee is also on the mentor list. */
  email: z.string().optional(),
  /** File and row it was read from, for messages. */
  file: z.string().optional(),
  row: z.number().int().optional(),
});
export type Mentee = z.infer<typeof MenteeSchema>;

/** How many mentees a mentor takes when their row does not say. */
export const DEFAULT_MENTOR_CAPACITY = 1;

export const MentorSchema = z.object({
  id: Id,
  label: z.string(),
  /** What they can help with: phrases or tags. */
  strengths: z.array(z.string()).default([]),
  /** How many mentees they can take. Default DEFAULT_MENTOR_CAPACITY. */
  capacity: z.number().int().min(0).default(DEFAULT_MENTOR_CAPACITY),
  attributes: AttributesSchema.default({}),
  email: z.string().optional(),
  file: z.string().optional(),
  row: z.number().int().optional(),
});
export type Mentor = z.infer<typeof MentorSchema>;

/** A pair the user fixed (`lock`: keep it whatever else changes) or ruled out (`reject`). */
export const PairRuleSchema = z.object({
  mentee: Id,
  mentor: Id,
  action: z.enum(['lock', 'reject']),
  row: z.number().int().optional(),
  file: z.string().optional(),
});
export type PairRule = z.infer<typeof PairRuleSchema>;

export const MatchingInputSchema = z.object({
  mentees: z.array(MenteeSchema),
  mentors: z.array(MentorSchema),
  rules: z.array(PairRuleSchema).default([]),
});
export type MatchingInput = z.infer<typeof MatchingInputSchema>;
export type MatchingInputDraft = z.input<typeof MatchingInputSchema>;

/** Matching settings with their defaults; `z.input` for what callers pass. */
export const MatchingOptionsSchema = z.object({
  /** Weight of goal fit (0..1 per pair). Default 1. */
  goalWeight: z.number().min(0).default(1),
  /** Turn on the bridging bonus: pairs across work units or communities score more. Default false. */
  bridge: z.boolean().default(false),
  /** Bonus for a bridging pair when `bridge` is on. Default 0.3. */
  bridgeWeight: z.number().min(0).default(0.3),
  /**
   * Attribute whose values are work units (e.g. "department"); default the first work unit,
   * organisation or sector attribute of mentees and mentors whose values form groups (not one
   * value per person).
   */
  bridgeBy: z.string().optional(),
  /** Community per person id (mentees' and mentors' ids), e.g. from the network's analysis. */
  communities: z.record(z.string(), z.number()).optional(),
  /** Bonus for meeting a mentee's identity preference (shared over the preferences they chose). Default 0.5. */
  identityWeight: z.number().min(0).default(0.5),
  /** Treat identity preferences as requirements: no pair that misses one. Default false. */
  strictIdentity: z.boolean().default(false),
  /**
   * Place as many mentees as capacity allows before maximising the score (default true); false:
   * maximise the total score alone, which may leave a mentee out for a better fit elsewhere.
   */
  placeEveryone: z.boolean().default(true),
});
export type MatchingOptions = z.infer<typeof MatchingOptionsSchema>;
export type MatchingOptionsInput = z.input<typeof MatchingOptionsSchema>;
