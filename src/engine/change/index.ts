/**
 * Change over time: the public surface. `listWaves` / `waveDataset` / `wavePairs` cut a dataset
 * into waves (ties carry `wave`); `compareWaves` compares two (ties gained and lost, per-person
 * contacts, coreness and periphery, who moved in from the edge, indicators for every wave);
 * `changeSection` is the report's `change`; `nameSurveyWaves` names survey waves.
 */
export { listWaves, pairKey, waveDataset, wavePairs, waveRelations } from './waves.ts';
export { changeSection, compareWaves, waveProfile, waveProfiles, INDICATORS, INDICATOR_NAMES } from './compare-waves.ts';
export type { ChangeSection, ChangeSectionOptions, GroupBasis, IndicatorName, Indicators, PersonChange, PersonWave, WaveComparison, WaveOptions, WaveProfile } from './compare-waves.ts';
export { nameSurveyWaves } from './name-waves.ts';
