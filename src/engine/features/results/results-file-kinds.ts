/**
 * What each results file holds, the name a user picks it by. Apart from the reading
 * (import-results.ts) so that the app's Results view lists them without loading the readers,
 * which bring the workbook reader with them.
 */
export const RESULTS_FILE_KINDS = ['results', 'indicators', 'strategies', 'actions', 'commitments', 'scorecard'] as const;
export type ResultsFileKind = (typeof RESULTS_FILE_KINDS)[number];
