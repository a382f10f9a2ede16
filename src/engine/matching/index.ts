/**
 * Mentor matching: the public surface. `parseMentees`, `parseMentors` and `parsePairRules` read
 * spreadsheets; `matchMentors` solves the assignment (Hungarian algorithm with capacities) and
 * explains each pair; `pairsCsv` writes it out; `solveAssignment` and `goalFit` are the parts.
 */
export { matchMentors, BRIDGE_ATTRIBUTES } from './match-mentors.ts';
export type { IdentityCheck, MatchPair, MatchingResult, MentorLoad, UnplacedMentee } from './match-mentors.ts';
export { solveAssignment } from './assignment.ts';
export type { Assignment, AssignmentOptions, AssignmentProblem } from './assignment.ts';
export { goalFit, phraseSimilarity, phraseWords, splitPhrases, stem } from './goal-fit.ts';
export type { GoalFit, GoalMatch } from './goal-fit.ts';
export { parseMentees, parseMentors, parsePairRules } from './import-matching.ts';
export type { MenteeImport, MentorImport } from './import-matching.ts';
export { pairsCsv, PAIRS_CSV_HEADER } from './pairs-csv.ts';
export {
  IdentityPreferenceSchema,
  MatchingInputSchema,
  MatchingOptionsSchema,
  MenteeSchema,
  MentorSchema,
  PairRuleSchema,
} from './model.ts';
export type {
  IdentityPreference,
  MatchingInput,
  MatchingInputDraft,
  MatchingOptions,
  MatchingOptionsInput,
  Mentee,
  Mentor,
  PairRule,
} from './model.ts';
export { networkCommunities } from './network-communities.ts';
export type { NetworkCommunityOptions } from './network-communities.ts';
