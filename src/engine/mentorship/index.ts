/**
 * Mentorships: the public surface. `importMentorships` reads (mentor, mentee[, season, goal])
 * pairs with people resolved by the survey's name matching; `mentorshipTies` / `withMentorships`
 * make the directed `mentorship` layer; `mentorshipReach` and `mentorshipSection` say what the
 * program connected (groups, communities bridged, people in both roles).
 */
export { importMentorships, mentorshipTies, withMentorships, MENTORSHIP, MENTOR_ALIASES, MENTEE_ALIASES, SEASON_ALIASES, GOAL_ALIASES } from './import-mentorships.ts';
export type { MentorshipColumns, MentorshipImport, MentorshipImportOptions } from './import-mentorships.ts';
export { baselineCommunities, mentorshipReach, mentorshipSection, REACH_ATTRIBUTES } from './reach.ts';
export type { AttributeReach, BaselineCommunities, BaselineOptions, MentorshipReach, MentorshipReachOptions, MentorshipSection, MentorshipSectionOptions, PairReach } from './reach.ts';
