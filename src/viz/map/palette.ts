/**
 * Colour-blind-safe colours. They live in the engine (src/engine/report/palette.ts) so the HTML
 * report's map colours groups as the app's map does.
 */
export * from '../../engine/report/palette.ts';
