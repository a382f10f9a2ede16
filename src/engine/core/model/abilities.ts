/**
 * Zod schemas for scored abilities: a self-assessment on a numeric scale (by default the
 * collective-leadership template: Engagement, Convening, Sharing, Collaboration, Advocating,
 * each rated 1-5). The CSV/XLSX importer (`skills/abilities-import.ts`) builds an
 * `AbilityAssessment` and checks it with these schemas; a saved project or a JSON file holding one
 * is validated with them too. TS types are inferred from the schemas.
 */
import { z } from 'zod';
import { AttributesSchema } from './records.ts';

export const ABILITY_ASSESSMENT_VERSION = 1 as const;

/** The rating scale: whole-number end points, optional words for each point ("4": "Strong"). */
export const AbilityScaleSchema = z
  .object({
    min: z.number().int().default(1),
    max: z.number().int().default(5),
    /** Words for scale points, keyed by the point as text: `{ "1": "Not yet", ... }`. */
    labels: z.record(z.string(), z.string()).default({}),
  })
  .refine((scale) => scale.min < scale.max, { message: 'the scale must go from a lower to a higher number' });
export type AbilityScale = z.infer<typeof AbilityScaleSchema>;
export type AbilityScaleInput = z.input<typeof AbilityScaleSchema>;

/**
 * One person's answers: the person matched in the network, the name or email as written, where
 * it came from, and a score per ability (null = not answered). Other columns of the file are kept
 * as attributes (an organisation, a region), for grouping.
 */
export const AbilityResponseSchema = z.object({
  person: z.string().trim().min(1, 'a person id must not be empty'),
  written: z.string().default(''),
  file: z.string().optional(),
  /** 1-based row as a spreadsheet shows it. */
  row: z.number().int().min(1).optional(),
  scores: z.record(z.string(), z.number().finite().nullable()),
  attributes: AttributesSchema.default({}),
});
export type AbilityResponse = z.infer<typeof AbilityResponseSchema>;

/** A whole assessment: the abilities asked about, the scale, and one response per person. */
export const AbilityAssessmentSchema = z
  .object({
    format: z.literal('netweave-abilities').default('netweave-abilities'),
    version: z.literal(ABILITY_ASSESSMENT_VERSION),
    abilities: z.array(z.string().trim().min(1)).min(1, 'an assessment needs at least one ability'),
    scale: AbilityScaleSchema.default({ min: 1, max: 5, labels: {} }),
    responses: z.array(AbilityResponseSchema).default([]),
  })
  .superRefine((assessment, ctx) => {
    const seen = new Set<string>();
    assessment.responses.forEach((response, i) => {
      if (seen.has(response.person)) {
        ctx.addIssue({ code: 'custom', path: ['responses', i, 'person'], message: `"${response.person}" has more than one response` });
      }
      seen.add(response.person);
      for (const [ability, score] of Object.entries(response.scores)) {
        if (!assessment.abilities.includes(ability)) {
          ctx.addIssue({ code: 'custom', path: ['responses', i, 'scores', ability], message: `"${ability}" is not one of the assessment's abilities` });
        } else if (score !== null && (score < assessment.scale.min || score > assessment.scale.max)) {
          ctx.addIssue({
            code: 'custom',
            path: ['responses', i, 'scores', ability],
            message: `a score must be between ${assessment.scale.min} and ${assessment.scale.max}, not ${score}`,
          });
        }
      }
    });
  });
export type AbilityAssessment = z.infer<typeof AbilityAssessmentSchema>;
export type AbilityAssessmentInput = z.input<typeof AbilityAssessmentSchema>;
