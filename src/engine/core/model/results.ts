/**
 * Results-based accountability (Friedman, "Trying Hard Is Not Good Enough", 2005): population
 * results in plain words, the indicators that measure them (dated actuals and targets, better
 * when up or down), strategies with their performance measures (how much did we do, how well
 * did we do it, is anyone better off), aligned actions (who pushes which system-map factor, in
 * which direction) and public commitments. These zod schemas are the single source of truth for
 * the CSV imports, a saved project and the results report.
 *
 * Records keep names as written (`by`, `who`, `factor`): they are linked to the people network
 * and the system map when the results are analysed, so a name matching no one is kept, listed,
 * and links as soon as the person or factor is added. `file` and `row` say where a record came
 * from, for messages.
 */
import { z } from 'zod';
import type { InputIssue } from '../util/issues.ts';
import { zodIssuesToInputIssues } from '../util/zod-issues.ts';
import { fail, resultOrNothing, type Result } from '../util/result.ts';

export const RESULTS_VERSION = 1 as const;

const Id = z.string().trim().min(1, 'an id must not be empty');
/** A calendar day, `YYYY-MM-DD`. */
export const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a date is written YYYY-MM-DD' });
const Origin = { file: z.string().optional(), row: z.number().int().positive().optional() };

/** Which way an indicator should move: `up` (more is better) or `down` (less is better). */
export const BetterSchema = z.enum(['up', 'down']);
export type Better = z.infer<typeof BetterSchema>;

/** Which way an action pushes its factor. */
export const DirectionSchema = z.enum(['increase', 'decrease']);
export type Direction = z.infer<typeof DirectionSchema>;

/** The three kinds of performance measure. */
export const MEASURE_KINDS = ['how-much', 'how-well', 'better-off'] as const;
export const MeasureKindSchema = z.enum(MEASURE_KINDS);
export type MeasureKind = z.infer<typeof MeasureKindSchema>;
export const MEASURE_KIND_WORDS: Record<MeasureKind, string> = {
  'how-much': 'How much did we do?',
  'how-well': 'How well did we do it?',
  'better-off': 'Is anyone better off?',
};

export const ACTION_STATUSES = ['planned', 'in-progress', 'done', 'stopped'] as const;
export const ActionStatusSchema = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

export const COMMITMENT_STATUSES = ['made', 'in-progress', 'kept', 'not-kept'] as const;
export const CommitmentStatusSchema = z.enum(COMMITMENT_STATUSES);
export type CommitmentStatus = z.infer<typeof CommitmentStatusSchema>;

/** A population result: "Children in Riverbend enter school ready to learn". */
export const ResultSchema = z.object({
  id: Id,
  /** The population it is for ("children under 6 in Riverbend"). */
  population: z.string().default(''),
  /** The condition of well-being, in plain words. */
  condition: z.string().default(''),
  ...Origin,
});
export type RbaResult = z.infer<typeof ResultSchema>;

/** One dated point of an indicator or measure: the actual, the target, or both. */
export const DataPointSchema = z
  .object({
    date: DaySchema,
    actual: z.number().finite().optional(),
    target: z.number().finite().optional(),
    note: z.string().optional(),
    ...Origin,
  })
  .refine((p) => p.actual !== undefined || p.target !== undefined, { error: 'a data point needs an actual value or a target' });
export type DataPoint = z.infer<typeof DataPointSchema>;

/** An indicator: a population-level measure of a result, tied to the system-map factor it measures. */
export const IndicatorSchema = z.object({
  id: Id,
  /** The result it measures; null when a scorecard file names an indicator no result lists. */
  result: z.string().nullable(),
  /** The system-map factor it measures, as written (an id or label); null when none is given. */
  factor: z.string().nullable().default(null),
  better: BetterSchema.default('up'),
  baseline: z.number().finite().optional(),
  /** Where the data come from. */
  source: z.string().default(''),
  /** The story behind the curve: why it looks as it does. */
  story: z.string().default(''),
  /** Points in date order, one per date. */
  points: z.array(DataPointSchema).default([]),
  ...Origin,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** A strategy: what partners do together to turn the curve of a result. */
export const StrategySchema = z.object({
  id: Id,
  result: Id,
  description: z.string().default(''),
  ...Origin,
});
export type Strategy = z.infer<typeof StrategySchema>;

/** A performance measure of a strategy. */
export const PerformanceMeasureSchema = z.object({
  id: Id,
  strategy: Id,
  kind: MeasureKindSchema,
  better: BetterSchema.default('up'),
  points: z.array(DataPointSchema).default([]),
  ...Origin,
});
export type PerformanceMeasure = z.infer<typeof PerformanceMeasureSchema>;

/** An action aligned to a result: what is done, by whom, which factor it pushes and which way. */
export const AlignedActionSchema = z.object({
  id: Id,
  result: Id,
  /** People or organisations, as written (names, emails or ids). */
  by: z.array(z.string().trim().min(1)).default([]),
  /** The system-map factor it pushes, as written; null when none is given. */
  factor: z.string().nullable().default(null),
  direction: DirectionSchema,
  start: DaySchema.optional(),
  end: DaySchema.optional(),
  status: ActionStatusSchema.default('planned'),
  ...Origin,
});
export type AlignedAction = z.infer<typeof AlignedActionSchema>;

/** A public commitment: who committed to which result, when, and whether it was kept. */
export const CommitmentSchema = z.object({
  who: z.string().trim().min(1, 'a commitment needs someone who made it'),
  result: Id,
  /** What they committed to do, in their words. */
  what: z.string().default(''),
  date: DaySchema.optional(),
  /** By when. */
  due: DaySchema.optional(),
  status: CommitmentStatusSchema.default('made'),
  ...Origin,
});
export type Commitment = z.infer<typeof CommitmentSchema>;

export const ResultsSetSchema = z.object({
  format: z.literal('netweave-results').default('netweave-results'),
  version: z.literal(RESULTS_VERSION).default(RESULTS_VERSION),
  results: z.array(ResultSchema).default([]),
  indicators: z.array(IndicatorSchema).default([]),
  strategies: z.array(StrategySchema).default([]),
  measures: z.array(PerformanceMeasureSchema).default([]),
  actions: z.array(AlignedActionSchema).default([]),
  commitments: z.array(CommitmentSchema).default([]),
});
export type ResultsSet = z.infer<typeof ResultsSetSchema>;
export type ResultsSetInput = z.input<typeof ResultsSetSchema>;

export function emptyResultsSet(): ResultsSet {
  return { format: 'netweave-results', version: RESULTS_VERSION, results: [], indicators: [], strategies: [], measures: [], actions: [], commitments: [] };
}

/**
 * What the schema cannot see: duplicate ids, records naming a result or strategy that is not
 * there, points of one series on the same date or out of order. Unknown people and factors are
 * not checked here (they are linked, or listed, when the results are analysed).
 */
export function checkResultsSet(set: ResultsSet, file?: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const at = (field: string): { field: string; file?: string } => ({ field, ...(file !== undefined ? { file } : {}) });
  const error = (code: string, message: string, field: string): void => {
    issues.push({ level: 'error', code, message, ...at(field) });
  };
  const unique = (what: string, list: ReadonlyArray<{ id: string }>, key: string): Set<string> => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) error('duplicate-id', `two ${what} have the id "${item.id}"`, `${key}.${i}.id`);
      seen.add(item.id);
    });
    return seen;
  };
  const results = unique('results', set.results, 'results');
  unique('indicators', set.indicators, 'indicators');
  const strategies = unique('strategies', set.strategies, 'strategies');
  unique('measures', set.measures, 'measures');
  unique('actions', set.actions, 'actions');
  const known = (list: ReadonlyArray<{ result: string | null }>, key: string): void => {
    list.forEach((item, i) => {
      if (item.result !== null && !results.has(item.result)) error('unknown-result', `"${item.result}" is not a result`, `${key}.${i}.result`);
    });
  };
  known(set.indicators, 'indicators');
  known(set.strategies, 'strategies');
  known(set.actions, 'actions');
  known(set.commitments, 'commitments');
  set.measures.forEach((m, i) => {
    if (!strategies.has(m.strategy)) error('unknown-strategy', `"${m.strategy}" is not a strategy`, `measures.${i}.strategy`);
  });
  const series = (list: ReadonlyArray<{ points: DataPoint[] }>, key: string): void => {
    list.forEach((item, i) => {
      item.points.forEach((p, j) => {
        const before = item.points[j - 1];
        if (before !== undefined && before.date >= p.date) error('unordered-points', `the points are not in date order, one per date (${before.date}, then ${p.date})`, `${key}.${i}.points.${j}.date`);
      });
    });
  };
  series(set.indicators, 'indicators');
  series(set.measures, 'measures');
  return issues;
}

/** Validates results from outside (a saved project, a worker message). Never throws; a failure carries nothing. */
export function parseResultsSet(data: unknown, file?: string): Result<ResultsSet> {
  const parsed = ResultsSetSchema.safeParse(data);
  if (!parsed.success) return fail(zodIssuesToInputIssues(parsed.error.issues, data, file));
  return resultOrNothing(parsed.data, checkResultsSet(parsed.data, file));
}
