/**
 * Peer circle records: participants (with the wishes they wrote and who they report to), locks
 * (a person kept in a circle when solving again) and pairs from earlier seasons not to repeat,
 * and the settings with their defaults in one place. They come from spreadsheets
 * (`import-circles.ts`), the app and saved projects, so they are validated with these schemas.
 */
import { z } from 'zod';
import { AttributesSchema } from '../../core/model/records.ts';
import { DEFAULT_SEED } from '../../core/util/rng.ts';

const Id = z.string().trim().min(1, 'an id must not be empty');

/** Where a record was read, for messages. */
const Where = {
  file: z.string().optional(),
  row: z.number().int().optional(),
};

/**
 * An identity wish a participant wrote ("a circle with other women"): at least one other member
 * of their circle has `value` under `attribute` (their own value when `value` is omitted, as in
 * mentor matching's "same gender"). Used only for the person who asked.
 */
export const CircleWishSchema = z.object({
  attribute: z.string().trim().min(1),
  value: z.string().trim().min(1).optional(),
  /** The words as written, for messages. */
  written: z.string().optional(),
});
export type CircleWish = z.infer<typeof CircleWishSchema>;

export const ParticipantSchema = z.object({
  id: Id,
  label: z.string(),
  email: z.string().optional(),
  attributes: AttributesSchema.default({}),
  /** Who they report to, as written (a name, email or id); matched to participants when solving. */
  reportsTo: z.string().trim().min(1).optional(),
  wishes: z.array(CircleWishSchema).default([]),
  ...Where,
});
export type Participant = z.infer<typeof ParticipantSchema>;

/** A person kept in a circle (named as the circles CSV names it, e.g. "Circle 3"). */
export const CircleLockSchema = z.object({
  person: Id,
  circle: z.string().trim().min(1, 'a circle name must not be empty'),
  ...Where,
});
export type CircleLock = z.infer<typeof CircleLockSchema>;

/** Two participants who met in an earlier season (a circle or a mentorship): not to be together again. */
export const PreviousPairSchema = z.object({
  a: Id,
  b: Id,
  /** What brought them together, for messages: "circle Circle 2 (2025)", "mentorship". */
  source: z.string().default('an earlier season'),
  ...Where,
});
export type PreviousPair = z.infer<typeof PreviousPairSchema>;

/** The default circle size range. */
export const DEFAULT_CIRCLE_SIZE = { min: 4, max: 6 } as const;
/** Distinct values of the across attribute each circle should hold, by default. */
export const DEFAULT_MIN_DISTINCT = 3;

/** Settings with their defaults; `z.input` for what callers pass. */
export const CirclesOptionsSchema = z
  .object({
    /** Smallest circle. Default DEFAULT_CIRCLE_SIZE.min. */
    minSize: z.number().int().min(2).default(DEFAULT_CIRCLE_SIZE.min),
    /** Largest circle. Default DEFAULT_CIRCLE_SIZE.max. */
    maxSize: z.number().int().min(2).default(DEFAULT_CIRCLE_SIZE.max),
    /**
     * The attribute whose values each circle mixes (work unit, sector). Default: the first work
     * unit, organisation or sector attribute of the participants that forms groups; none found,
     * no mixing rule.
     */
    across: z.string().trim().min(1).optional(),
    /** Distinct values of `across` per circle (capped at the circle's size). Default DEFAULT_MIN_DISTINCT. */
    minDistinct: z.number().int().min(1).default(DEFAULT_MIN_DISTINCT),
    /**
     * The attribute naming who each participant reports to, for participants given without
     * `reportsTo` (people of an open project, whose columns are attributes). Default: none.
     */
    reportsTo: z.string().trim().min(1).optional(),
    /** The attribute holding each participant's identity wish, for participants given without wishes; read as the file's identity column is. Default: none. */
    identity: z.string().trim().min(1).optional(),
    /** Relation layers whose ties count as "already tied". Default: every layer of the network. */
    relations: z.array(z.string().trim().min(1)).optional(),
    /** Seed of the random start, the search and the random baseline. Default DEFAULT_SEED. */
    seed: z.number().int().default(DEFAULT_SEED),
    /**
     * Search steps per participant: the search runs `iterationsPerPerson x participants` steps
     * (at least 20,000, at most 1,000,000), a fixed budget so that a seed gives the same circles
     * on any machine.
     */
    iterationsPerPerson: z.number().int().min(0).default(400),
    /**
     * People at the edge: in the network with at most this many contacts (distinct people tied
     * to them in the chosen relations). Default: the fewest-ties quarter of the participants found
     * in the network (at least 1 contact).
     */
    edgeMaxContacts: z.number().int().min(0).optional(),
    /** Well connected: at least this many contacts. Default: the most-ties quarter of the participants in the network. */
    connectedMinContacts: z.number().int().min(1).optional(),
  })
  .refine((o) => o.minSize <= o.maxSize, { message: 'the smallest circle size must not be above the largest', path: ['minSize'] });
export type CirclesOptions = z.infer<typeof CirclesOptionsSchema>;
export type CirclesOptionsInput = z.input<typeof CirclesOptionsSchema>;
