/**
 * Starting points for mentor matching: a mentees file and a mentors file with the columns the
 * matcher reads (src/engine/features/matching/import-matching.ts) and two example rows each.
 * The same files are in data/ (mentees-template.csv, mentors-template.csv); a test keeps them equal.
 *
 * - mentees: who they are (name, email), the group attributes to bridge or match on (work unit,
 *   gender), their goals ("a; b"), and an identity preference only where they ask for one.
 * - mentors: who they are, the same attributes, their strengths ("a; b") and how many mentees
 *   they can take (capacity; blank counts as one).
 */
export const MENTEES_TEMPLATE_NAME = 'mentees-template.csv';
export const MENTORS_TEMPLATE_NAME = 'mentors-template.csv';

export const MENTEES_TEMPLATE_CSV = [
  'name,email,work unit,gender,goals,prefer same gender',
  'Ana Ruiz,ana.ruiz@example.org,Parks,woman,public speaking; managing budgets,yes',
  'Sam Okoye,sam.okoye@example.org,Library services,man,grant writing; data analysis,no',
  '',
].join('\n');

export const MENTORS_TEMPLATE_CSV = [
  'name,email,work unit,gender,strengths,capacity',
  'Maria Lopez,maria.lopez@example.org,Transit,woman,public speaking; managing budgets; facilitation,2',
  'Jin Chen,jin.chen@example.org,Finance,man,grant writing; data analysis,1',
  '',
].join('\n');
