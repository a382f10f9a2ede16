/**
 * Peer circles kept with a project: the choices last made in the app (who takes part, the rules),
 * the people locked to a circle, and the last circles formed with what the app shows of them
 * (explanations, rules relaxed, baselines), so they come back on reload. The circles themselves
 * are formed in src/engine/features/circles; these schemas only say what is kept.
 */
import { z } from 'zod';
import { DEFAULT_SEED } from '../util/rng.ts';

/** What the user chose in the app ('' = not chosen). */
export const CircleChoicesSchema = z.object({
  /** Who takes part: everyone, people with one attribute value, or a participants file (read again each time). */
  who: z.enum(['everyone', 'attribute', 'file']).default('everyone'),
  whoAttribute: z.string().default(''),
  whoValue: z.string().default(''),
  across: z.string().default(''),
  minDistinct: z.number().int().min(1).default(3),
  minSize: z.number().int().min(2).default(4),
  maxSize: z.number().int().min(2).default(6),
  reportsTo: z.string().default(''),
  identity: z.string().default(''),
  seed: z.number().int().default(DEFAULT_SEED),
});
export type CircleChoices = z.infer<typeof CircleChoicesSchema>;

const Figures = z.object({ pairs: z.number(), newPairs: z.number(), circlesMeetingUnitRule: z.number() });

/** The last circles formed, as shown (unknown keys are dropped when kept). */
export const SavedCirclesResultSchema = z.object({
  circles: z.array(
    z.object({
      name: z.string(),
      explanation: z.string(),
      members: z.array(z.object({ id: z.string(), label: z.string(), unit: z.string().nullable(), locked: z.boolean(), inNetwork: z.boolean(), edge: z.boolean() })),
    }),
  ),
  metrics: Figures.extend({ circles: z.number(), people: z.number() }),
  baselines: z.object({ random: Figures, greedy: Figures }),
  relaxed: z.array(z.object({ constraint: z.string(), people: z.array(z.string()), circle: z.string().optional(), message: z.string() })),
  unknownReportsTo: z.array(z.object({ person: z.string(), label: z.string(), written: z.string() })),
  notInNetwork: z.array(z.string()),
  settings: z.object({ across: z.string().nullable(), minDistinct: z.number(), minSize: z.number(), maxSize: z.number(), seed: z.number() }),
});
export type SavedCirclesResult = z.infer<typeof SavedCirclesResultSchema>;

export const ProjectCirclesSchema = z.object({
  choices: CircleChoicesSchema.default(CircleChoicesSchema.parse({})),
  /** People kept in a circle when solving again: person id and circle name. */
  locks: z.array(z.object({ person: z.string().min(1), circle: z.string().min(1) })).default([]),
  /** The last circles formed, or null. */
  last: SavedCirclesResultSchema.nullable().default(null),
});
export type ProjectCircles = z.infer<typeof ProjectCirclesSchema>;
