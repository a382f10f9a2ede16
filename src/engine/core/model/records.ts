/**
 * Zod schemas for every record netweave accepts from outside. They are the single source of
 * truth: TS types below are inferred from them, and the UI and workers import these types.
 */
import { z } from 'zod';

/** An attribute value as found in a spreadsheet cell: text, number, flag, or a multi-valued list. */
export const AttributeValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
  z.null(),
]);
export type AttributeValue = z.infer<typeof AttributeValueSchema>;

export const AttributesSchema = z.record(z.string(), AttributeValueSchema);
export type Attributes = z.infer<typeof AttributesSchema>;

const Id = z.string().trim().min(1, 'an id must not be empty');

/** A person or organisation: a node of the people network. */
export const PersonSchema = z.object({
  id: Id,
  label: z.string(),
  attributes: AttributesSchema.default({}),
});
export type Person = z.infer<typeof PersonSchema>;

/**
 * The weights netweave analyses: sums, squares and products of weights (strength, modularity,
 * PageRank's shares) stay finite and non-zero inside this range, so no measure silently turns
 * null; a file outside it is told to rescale its weight column.
 */
export const WEIGHT_RANGE = { min: 1e-30, max: 1e30 } as const;

/** A relationship between two people in one relation layer (advice, collaboration, ...). */
export const TieSchema = z.object({
  source: Id,
  target: Id,
  relation: z.string().trim().min(1).default('tie'),
  directed: z.boolean().default(false),
  weight: z
    .number()
    .finite()
    .positive({ error: 'a weight must be a positive number', abort: true })
    .gte(WEIGHT_RANGE.min, `a weight must be at least ${WEIGHT_RANGE.min}; multiply the weight column by a constant (groups, rankings and shares stay the same)`)
    .lte(WEIGHT_RANGE.max, `a weight must be at most ${WEIGHT_RANGE.max}; divide the weight column by a constant (groups, rankings and shares stay the same)`)
    .default(1),
  wave: z.string().optional(),
  date: z.string().optional(),
  attributes: AttributesSchema.optional(),
});
export type Tie = z.infer<typeof TieSchema>;

/** One person's presence at one event (a convening session, a workshop). */
export const AttendanceSchema = z.object({
  person: Id,
  event: z.string().trim().min(1),
  date: z.string().optional(),
});
export type Attendance = z.infer<typeof AttendanceSchema>;

/** A mentor-mentee pair, optionally with the season and the mentee's goal. */
export const MentorshipSchema = z.object({
  mentor: Id,
  mentee: Id,
  season: z.string().optional(),
  goal: z.string().optional(),
});
export type Mentorship = z.infer<typeof MentorshipSchema>;

/** A relation layer: its name and whether its ties have a direction. */
export const RelationSchema = z.object({
  name: z.string().trim().min(1),
  directed: z.boolean(),
  description: z.string().optional(),
});
export type Relation = z.infer<typeof RelationSchema>;
