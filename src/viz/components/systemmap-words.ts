/**
 * The System map view's words for a funder. They live in the engine
 * (src/engine/report/systemmap-words.ts) so the HTML report says things as the app does.
 */
export * from '../../engine/report/systemmap-words.ts';
