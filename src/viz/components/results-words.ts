/**
 * Results in plain words. They live in the engine (src/engine/report/results-words.ts) so the
 * HTML report says things as the app does.
 */
export * from '../../engine/report/results-words.ts';
