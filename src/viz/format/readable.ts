/**
 * Numbers as a network weaver reads them: counts, percentages and percentile bands. The functions
 * live in the engine (src/engine/report/readable.ts) so the HTML report words numbers exactly as
 * the app does.
 */
export * from '../../engine/report/readable.ts';
