/**
 * A mentorship pairs sheet to hand out: one row per pair as `importMentorships` reads it (mentor,
 * mentee, the season or cohort, the mentee's goal), with example rows to replace.
 */
export function mentorshipsTemplateCsv(): string {
  return ['mentor,mentee,season,goal', 'Maria Lopez,Jin Chen,2025,public speaking', 'Bob Smith,Maria Lopez,2025,grant writing', ''].join('\n');
}
