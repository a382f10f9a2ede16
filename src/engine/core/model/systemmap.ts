/**
 * A system map (a causal loop diagram): factors joined by signed causal links, plus the actors
 * (organisations or people) that work on factors. These zod schemas are the single source of
 * truth for the records; the importers build maps of this shape, the editor changes them, and a
 * saved project validates them with `parseSystemMap` when they come back in.
 *
 * A link `from -> to` with polarity `+` means "when `from` rises, `to` rises" (they move in the
 * same direction); `-` means "when `from` rises, `to` falls". At most one link joins an ordered
 * pair of factors; a pair whose sources disagree on the sign is one link marked `ambiguous`.
 */
import { z } from 'zod';
import { AttributesSchema } from './records.ts';
import type { InputIssue } from '../util/issues.ts';
import { zodIssuesToInputIssues } from '../util/zod-issues.ts';
import { fail, resultOrNothing, type Result } from '../util/result.ts';

export const SYSTEM_MAP_VERSION = 1 as const;

const Id = z.string().trim().min(1, 'an id must not be empty');

export const PolaritySchema = z.enum(['+', '-']);
/** `+`: the two factors move in the same direction; `-`: in opposite directions. */
export type Polarity = z.infer<typeof PolaritySchema>;

/** A factor (a variable of the system): "Political will", "Cost of renewable power". */
export const FactorSchema = z.object({
  id: Id,
  label: z.string(),
  description: z.string().default(''),
  tags: z.array(z.string()).default([]),
  /** Any other columns of the source (Kumu type, units, ...). */
  attributes: AttributesSchema.default({}),
});
export type Factor = z.infer<typeof FactorSchema>;
export type FactorInput = z.input<typeof FactorSchema>;

/** A causal link between two factors. */
export const CausalLinkSchema = z.object({
  id: Id,
  from: Id,
  to: Id,
  polarity: PolaritySchema,
  /** How strong the effect is, on the source's own scale (Kumu's 1..3, a 0..1 weight, ...). */
  strength: z.number().finite().positive('a strength must be a positive number').optional(),
  /** The effect takes noticeably long to show (drawn as || on a causal loop diagram). */
  delay: z.boolean().default(false),
  note: z.string().optional(),
  /**
   * The sign is uncertain: a Kumu type of `+-` or `-+`, or two sources that disagree. `polarity`
   * then holds the first sign given; loops through the link are flagged as uncertain.
   */
  ambiguous: z.boolean().optional(),
  attributes: AttributesSchema.optional(),
});
export type CausalLink = z.infer<typeof CausalLinkSchema>;
export type CausalLinkInput = z.input<typeof CausalLinkSchema>;

/** An organisation or person that works on factors of the map. */
export const ActorSchema = z.object({
  id: Id,
  label: z.string(),
  attributes: AttributesSchema.default({}),
});
export type Actor = z.infer<typeof ActorSchema>;

/** "Actor works on factor": the overlay that joins the system map to the people network. */
export const WorksOnSchema = z.object({
  actor: Id,
  factor: Id,
  note: z.string().optional(),
});
export type WorksOn = z.infer<typeof WorksOnSchema>;

export const SystemMapSchema = z.object({
  format: z.literal('netweave-systemmap').default('netweave-systemmap'),
  version: z.literal(SYSTEM_MAP_VERSION),
  name: z.string().default('Untitled system map'),
  description: z.string().optional(),
  factors: z.array(FactorSchema),
  links: z.array(CausalLinkSchema).default([]),
  actors: z.array(ActorSchema).default([]),
  worksOn: z.array(WorksOnSchema).default([]),
});
export type SystemMap = z.infer<typeof SystemMapSchema>;
export type SystemMapInput = z.input<typeof SystemMapSchema>;

/** An empty map, the starting point of a map drawn by hand. */
export function emptySystemMap(name = 'Untitled system map'): SystemMap {
  return {
    format: 'netweave-systemmap',
    version: SYSTEM_MAP_VERSION,
    name,
    factors: [],
    links: [],
    actors: [],
    worksOn: [],
  };
}

/**
 * Problems that the schema alone cannot see: duplicate ids, links or works-on entries naming a
 * factor or actor that does not exist, two links for one ordered pair. Self-loops are legal
 * (a factor that feeds itself) and not reported here.
 */
export function checkSystemMap(map: SystemMap, file?: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const error = (code: string, message: string, field: string): void => {
    issues.push({ level: 'error', code, message, field, ...(file !== undefined ? { file } : {}) });
  };
  const factorIds = new Set<string>();
  map.factors.forEach((factor, i) => {
    if (factorIds.has(factor.id)) error('duplicate-id', `two factors have the id "${factor.id}"`, `factors.${i}.id`);
    factorIds.add(factor.id);
  });
  const actorIds = new Set<string>();
  map.actors.forEach((actor, i) => {
    if (actorIds.has(actor.id)) error('duplicate-id', `two actors have the id "${actor.id}"`, `actors.${i}.id`);
    if (factorIds.has(actor.id)) error('duplicate-id', `"${actor.id}" is the id of both a factor and an actor`, `actors.${i}.id`);
    actorIds.add(actor.id);
  });
  const linkIds = new Set<string>();
  const pairs = new Set<string>();
  map.links.forEach((link, i) => {
    if (linkIds.has(link.id)) error('duplicate-id', `two links have the id "${link.id}"`, `links.${i}.id`);
    linkIds.add(link.id);
    for (const end of ['from', 'to'] as const) {
      if (!factorIds.has(link[end])) error('unknown-factor', `the link names "${link[end]}", which is not a factor of the map`, `links.${i}.${end}`);
    }
    const pair = JSON.stringify([link.from, link.to]);
    if (pairs.has(pair)) error('duplicate-link', `a second link from "${link.from}" to "${link.to}"; a pair of factors has at most one link`, `links.${i}`);
    pairs.add(pair);
  });
  map.worksOn.forEach((entry, i) => {
    if (!actorIds.has(entry.actor)) error('unknown-actor', `"${entry.actor}" is not an actor of the map`, `worksOn.${i}.actor`);
    if (!factorIds.has(entry.factor)) error('unknown-factor', `"${entry.factor}" is not a factor of the map`, `worksOn.${i}.factor`);
  });
  return issues;
}

export type ParseSystemMapResult = Result<SystemMap>;

/** Validates a map from outside (a saved project, a worker message). Never throws; a failure carries no map. */
export function parseSystemMap(data: unknown, file?: string): ParseSystemMapResult {
  const parsed = SystemMapSchema.safeParse(data);
  if (!parsed.success) return fail(zodIssuesToInputIssues(parsed.error.issues, data, file));
  return resultOrNothing(parsed.data, checkSystemMap(parsed.data, file));
}
