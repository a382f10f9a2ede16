/**
 * Plain words for the Edge, Brokers, Equity and Weave panels. They live in the engine
 * (src/engine/report/insight-words.ts) so the HTML report says things as the app does.
 */
export * from '../../engine/report/insight-words.ts';
