/**
 * The Program panel's figures in plain words. They live in the engine
 * (src/engine/report/program-words.ts) so the HTML report says things as the app does.
 */
export * from '../../engine/report/program-words.ts';
