/**
 * Relationship surveys: the public surface. `detectSurveyLayout` proposes what each column of a
 * survey export means; `importSurvey` turns exports (plus an optional roster and the user's saved
 * decisions) into a dataset with every written name resolved and every judgement listed;
 * `runSurveyImport` is the same pipeline as the command line runs it, non-interactively.
 */
export { importSurvey } from './import-survey.ts';
export type { ImportSurveyInput, ImportSurveyOptions, RosterSource, SurveyImport, SurveySource, UnresolvedName } from './import-survey.ts';
export { detectSurveyLayout } from './survey-layout.ts';
export type { DetectLayoutOptions } from './survey-layout.ts';
export { normalizeSurveyTable } from './header-rows.ts';
export type { NormalizedSurveyTable } from './header-rows.ts';
export { readSurveyTable, isWorkbook } from './read-table.ts';
export type { ReadTableOptions } from './read-table.ts';
export { runSurveyImport } from './run-survey-import.ts';
export type { SurveyRun, SurveyRunInput } from './run-survey-import.ts';
export { ACCEPT_SCORE, AUTO_RESOLVE_THRESHOLD, CONTENDER_MARGIN } from './resolve-names.ts';
export { decisionBook, parseDecisionsJson } from './decisions.ts';
export { readRoster } from './roster.ts';
export type { Roster, RosterColumns, RosterPerson } from './roster.ts';
export { NameMatcher, editDistance, parseName, scoreName } from './name-match.ts';
export type { KnownPerson, NameCandidate, NameScore } from './name-match.ts';
export { emailOf, foldText, nameFromEmail, nameKey, nameTokens, tidyLabel } from './name-normalize.ts';
export { areNicknames, nicknameVariants, NICKNAME_GROUP_COUNT } from './nicknames.ts';
export { splitNames } from './split-names.ts';
export type { WrittenName } from './split-names.ts';
export { nonPersonReason } from './non-person.ts';
export { DEFAULT_SCALE_PHRASES, defaultScale, defaultScaleWeight, weightOf } from './grid-scale.ts';
export { relationNameFor } from './relation-name.ts';
export { parseTimestamp } from './timestamps.ts';
export { combineRelations, reciprocityByRelation, withCombinedRelation } from './relations.ts';
export type { CombineOptions, RelationReciprocity } from './relations.ts';
export type { DuplicateSubmission, SurveyFileHygiene, SurveyHygiene } from './hygiene.ts';
export {
  AmbiguitySchema,
  ResolutionCandidateSchema,
  ResolutionDecisionSchema,
  ResolutionDecisionsFileSchema,
  ResolutionDecisionsSchema,
  ResolutionEntrySchema,
  SurveyLayoutSchema,
} from '../model/survey.ts';
export type {
  Ambiguity,
  ResolutionCandidate,
  ResolutionDecision,
  ResolutionDecisionsFile,
  ResolutionEntry,
  ResolutionStatus,
  SurveyLayout,
  SurveyLayoutInput,
  SurveyQuestion,
} from '../model/survey.ts';
