/**
 * The settings of `analyzeResults`, with their defaults in one place. `ResultsOptionsInput`
 * (every field optional) is what callers pass; `resolveResultsOptions` gives the settings used,
 * which the report records.
 */
import { z } from 'zod';
import { DEFAULT_FORECAST_PERIODS } from './forecast.ts';
import { DEFAULT_UPSTREAM_STEPS } from './upstream.ts';

export const ResultsOptionsSchema = z.object({
  /** Longest causal path followed upstream of an indicator's factor, in links. */
  steps: z.number().int().min(1).max(10).default(DEFAULT_UPSTREAM_STEPS),
  /** Periods the trend of the actuals is carried forward. */
  forecastPeriods: z.number().int().min(0).max(50).default(DEFAULT_FORECAST_PERIODS),
  /** Sectors a cohort needs to count as multi-sector. */
  multiSectorMin: z.number().int().min(2).default(2),
  /** The people attribute naming each person's sector. Default: sector, sectors, industry, field... */
  sectorAttribute: z.string().optional(),
  /** The people attribute naming each person's organisation. Default: organization, organisation, org... */
  organizationAttribute: z.string().optional(),
  /** Relation layers that count as a tie. Default: every relation. */
  relations: z.array(z.string()).optional(),
  /** Most introductions listed per result, best first. */
  maxIntroductions: z.number().int().min(0).default(20),
  /**
   * The map's leverage points (factor ids), when already worked out (`analyzeSystemMap`'s
   * summary.leveragePoints); else computed here from the map's loops and MICMAC influence.
   */
  leveragePoints: z.array(z.string()).optional(),
  /**
   * The day commitments are judged on (`YYYY-MM-DD`): one past its due date and not kept is
   * overdue. Default: none, and `overdue` is null (the engine never reads the clock).
   */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'asOf is written YYYY-MM-DD' }).optional(),
});
export type ResultsOptions = z.infer<typeof ResultsOptionsSchema>;
export type ResultsOptionsInput = z.input<typeof ResultsOptionsSchema>;

/** The settings used: defaults filled in. Throws a RangeError naming the bad setting (a caller's mistake, not user data). */
export function resolveResultsOptions(options: ResultsOptionsInput = {}): ResultsOptions {
  const parsed = ResultsOptionsSchema.safeParse(options);
  if (!parsed.success) throw new RangeError(`results: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
