/**
 * Distributed skills and leadership abilities: the public surface. `skillsReport` builds the
 * report's `skills` and `abilities` sections from an analysed dataset; `importAbilities` reads a
 * self-assessment (CSV or XLSX) and matches its rows to people; the rest are the parts, for the
 * app's Skills view and for tests.
 */
export { skillsReport } from './skills-report.ts';
export type {
  AbilitiesSection,
  AbilityPersonEntry,
  CommunityTable,
  PersonSkills,
  SkillPositionView,
  SkillsReport,
  SkillsReportOptions,
  SkillsSection,
} from './skills-report.ts';
export { importAbilities, abilityFromHeader } from './abilities-import.ts';
export type { AbilitiesImport, AbilitiesImportOptions, AbilityPerson, AbilityRowMatch } from './abilities-import.ts';
export { readScore } from './ability-scores.ts';
export type { ScoreReading } from './ability-scores.ts';
export {
  ABILITIES_TEMPLATE_HEADERS,
  LEADERSHIP_ABILITIES,
  LEADERSHIP_SCALE,
  abilitiesTemplateCsv,
  abilityPeopleNoun,
  leadershipAbility,
} from './leadership-abilities.ts';
export type { AbilityDefinition } from './leadership-abilities.ts';
export { abilityStats, groupProfiles, scoresOf, strengthsAndGrowth } from './abilities-profile.ts';
export type { AbilityStats, GroupAbilityProfile, ProfileOptions } from './abilities-profile.ts';
export { abilityPosition, averageRanks, spearman } from './ability-position.ts';
export type { AbilityPosition, PositionOptions, UntappedAbility, UntappedPerson } from './ability-position.ts';
export { skillTable } from './skill-table.ts';
export type { SkillTable, SkillTableOptions } from './skill-table.ts';
export { BUILT_IN_SYNONYMS, compactSkillKey, foldSkillNames, singularCandidates, skillKey, tidySkill } from './skill-names.ts';
export type { SkillFolding, SkillFoldRule, SkillNameOptions, SkillNames, SkillVariant } from './skill-names.ts';
export { checkboxFamilies, isCheckMark, splitOptionName, surveyAttributeHeaders, tickedOptions } from './checkbox-columns.ts';
export { mergeSuggestions } from './merge-suggestions.ts';
export type { AnySuggestion } from './merge-suggestions.ts';
export type { CheckboxFamily, CheckboxMember } from './checkbox-columns.ts';
export { skillCoverage, rareThresholdFor, communityLabel } from './skill-coverage.ts';
export type {
  CommunitySkills,
  Coverage,
  CoverageOptions,
  SkillCoverage,
  SkillMatrix,
  SkillMatrixGroup,
  StrandedCode,
  StrandedReason,
} from './skill-coverage.ts';
export { UNREACHABLE, distancesFrom, groupDistances, personSkillReach, shareWithin, skillDistances, stepsFrom } from './skill-distances.ts';
export type { ContactRows, PersonSkillReach } from './skill-distances.ts';
export { skillIntroductions } from './skill-introductions.ts';
export type { IntroductionOptions, SkillIntroduction, SkillIntroductionPurpose } from './skill-introductions.ts';
export { learningCandidates } from './learning-candidates.ts';
export type { LearningCandidate, LearningEntry, LearningOptions, LearningWhy } from './learning-candidates.ts';
export { groupingAttributes } from './grouping-attributes.ts';
export {
  AbilityAssessmentSchema,
  AbilityResponseSchema,
  AbilityScaleSchema,
  ABILITY_ASSESSMENT_VERSION,
} from '../model/abilities.ts';
export type { AbilityAssessment, AbilityAssessmentInput, AbilityResponse, AbilityScale, AbilityScaleInput } from '../model/abilities.ts';
