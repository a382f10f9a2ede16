/**
 * The engagement ladder's rules as data: ordered rungs, lowest first, each with conditions over
 * what the project holds. Kept with a project (the ladder the user edited) and read from a rules
 * file (`--ladder rules.json`); the ladder itself is computed in src/engine/features/ladder.
 */
import { z } from 'zod';

const Count = z.number().int('must be a whole number').min(1);

/** One condition on a person in a period. */
export const LadderConditionSchema = z.discriminatedUnion('type', [
  /** On the roster, or seen in this period or an earlier one (answered, came, named, mentored). */
  z.object({ type: z.literal('known') }).strict(),
  /** Answered a survey of this period (a survey without waves counts in every period). */
  z.object({ type: z.literal('answered-survey') }).strict(),
  /** Came to at least `atLeast` convenings in this period. */
  z.object({ type: z.literal('attended'), atLeast: Count.default(1) }).strict(),
  /** In a mentorship pair (mentorships carry no dates: they count in every period). */
  z.object({ type: z.literal('mentorship'), as: z.enum(['mentor', 'mentee', 'either']).default('either') }).strict(),
  /** In a peer circle: a non-empty value in the `column` attribute (e.g. from the circles CSV). */
  z.object({ type: z.literal('circle'), column: z.string().trim().min(1).default('circle') }).strict(),
  /**
   * Named by at least `atLeast` other people in this period's ties (ties without a wave count in
   * every period); with `topPercent`, also among the most named `topPercent` per cent of people.
   */
  z
    .object({ type: z.literal('named-by'), atLeast: Count.default(1), topPercent: z.number().gt(0).max(100).optional() })
    .strict(),
  /** An attribute holds one of `values` (case-insensitive; a list attribute holds one when any item does). */
  z.object({ type: z.literal('attribute'), column: z.string().trim().min(1), values: z.array(z.string().trim().min(1)).min(1) }).strict(),
]);
export type LadderCondition = z.infer<typeof LadderConditionSchema>;

export const LadderRungSchema = z
  .object({
    name: z.string().trim().min(1),
    /** `all` (default): every condition must hold; `any`: one is enough. */
    match: z.enum(['all', 'any']).default('all'),
    when: z.array(LadderConditionSchema).min(1),
  })
  .strict();
export type LadderRung = z.infer<typeof LadderRungSchema>;

export const LadderRulesSchema = z
  .object({
    rungs: z
      .array(LadderRungSchema)
      .min(1)
      .refine((rungs) => new Set(rungs.map((r) => r.name.toLowerCase())).size === rungs.length, 'rung names must differ'),
  })
  .strict();
export type LadderRules = z.infer<typeof LadderRulesSchema>;
export type LadderRulesInput = z.input<typeof LadderRulesSchema>;
