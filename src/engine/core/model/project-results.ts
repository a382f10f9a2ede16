/**
 * Results kept with a project: the files they were read from (as CSV text, so a file added later,
 * such as this year's indicator values, is read together with the rest), the set they make, and
 * the story behind each indicator's curve as the user wrote it in the app (it wins over a story
 * column of the files, which a re-read would otherwise put back).
 */
import { z } from 'zod';
import { ResultsSetSchema } from './results.ts';

export const StoredResultsFileSchema = z.object({
  name: z.string().min(1),
  /** What the file holds (a results file kind: results, indicators, strategies, actions, commitments, scorecard). */
  kind: z.string().min(1),
  text: z.string(),
});
export type StoredResultsFile = z.infer<typeof StoredResultsFileSchema>;

export const ProjectResultsSchema = z.object({
  files: z.array(StoredResultsFileSchema).default([]),
  set: ResultsSetSchema,
  /** Indicator id to the story behind its curve. */
  stories: z.record(z.string(), z.string()).default({}),
});
export type ProjectResults = z.infer<typeof ProjectResultsSchema>;
