/**
 * Mentorship pairs: import with the survey's name matching and bad input reported; the directed
 * `mentorship` layer; reach (groups connected, pairs bridging communities of the network without
 * the program's layers, people in both roles).
 */
import { describe, expect, it } from 'vitest';
import { importMentorships, mentorshipTies, withMentorships } from '../../../../src/engine/features/mentorship/import-mentorships.ts';
import { baselineCommunities, mentorshipReach, mentorshipSection } from '../../../../src/engine/features/mentorship/reach.ts';
import { formatIssue } from '../../../../src/engine/core/util/issues.ts';
import { dataset, person, table, withIssues } from '../convenings/helpers.ts';

const people = [
  person('Ana Ruiz', { department: 'Parks', sector: 'Government', email: 'ana@example.org' }),
  person('Ben Ode', { department: 'Parks', sector: 'Government' }),
  person('Cara Diaz', { department: 'Transit', sector: 'Government' }),
  person('Dan Wu', { department: 'Transit', sector: 'Government' }),
  person('Eve Hale', { department: 'Housing', sector: 'Nonprofit' }),
  person('Finn Moss', { department: 'Housing', sector: 'Nonprofit' }),
];

describe('importMentorships', () => {
  it('reads pairs, seasons and goals, resolving names and emails', () => {
    const text = ['Mentor,Mentee,Cohort,Goal', 'ana@example.org,Benjamin Ode,2024,public speaking', 'Cara Diaz,Ana Ruiz,2024,', 'Cara Diaz,Ana Ruiz,2025,budgets'].join('\n');
    const read = withIssues(importMentorships(table(text, 'pairs.csv'), { people }));
    expect(read.mentorships).toEqual([
      { mentor: 'Ana Ruiz', mentee: 'Ben Ode', season: '2024', goal: 'public speaking' },
      { mentor: 'Cara Diaz', mentee: 'Ana Ruiz', season: '2024' },
      { mentor: 'Cara Diaz', mentee: 'Ana Ruiz', season: '2025', goal: 'budgets' },
    ]);
    const ties = mentorshipTies(read.mentorships);
    expect(ties).toEqual([
      { source: 'Ana Ruiz', target: 'Ben Ode', relation: 'mentorship', directed: true, weight: 1, attributes: { seasons: ['2024'], goals: ['public speaking'] } },
      { source: 'Cara Diaz', target: 'Ana Ruiz', relation: 'mentorship', directed: true, weight: 2, attributes: { seasons: ['2024', '2025'], goals: ['budgets'] } },
    ]);
  });

  it('reports a mentee paired with themself, a pair listed twice, a missing name, with file, row and field', () => {
    const text = ['mentor,mentee,season', 'Ana Ruiz,Ana Ruiz,2024', 'Ana Ruiz,ana@example.org,2024', 'Cara Diaz,Dan Wu,2024', 'Cara Diaz,Dan Wu,2024', ',Dan Wu,2024', 'Cara Diaz,Zed Quill,2024'].join('\n');
    const read = withIssues(importMentorships(table(text, 'pairs.csv'), { people, unknownNames: 'leave' }));
    expect(read.mentorships).toEqual([{ mentor: 'Cara Diaz', mentee: 'Dan Wu', season: '2024' }]);
    expect(read.issues.map(formatIssue)).toEqual([
      'pairs.csv, row 2, field "mentee": the mentee "Ana Ruiz" is paired with themself (the mentor "Ana Ruiz" is the same person); the pair was skipped',
      'pairs.csv, row 3, field "mentee": the mentee "ana@example.org" is paired with themself (the mentor "Ana Ruiz" is the same person); the pair was skipped',
      'pairs.csv, row 5, field "mentee": "Cara Diaz" mentoring "Dan Wu" in 2024 is listed again (first in row 4); counted once',
      'pairs.csv, row 6, field "mentor": this row has no mentor; it was skipped',
      'pairs.csv, row 7, field "mentee": "Zed Quill" matches no one known; left out of the mentorship pairs',
    ]);
  });

  it('needs a mentor and a mentee column', () => {
    const read = withIssues(importMentorships(table('coach name,learner name\nA,B', 'x.csv')));
    expect(read.issues[0]).toMatchObject({ level: 'error', code: 'missing-column', file: 'x.csv', row: 1 });
  });
});

describe('mentorship reach', () => {
  const base = dataset(people, [
    // Two tight groups: Parks + Transit, and Housing.
    { source: 'Ana Ruiz', target: 'Ben Ode', relation: 'collaborate' },
    { source: 'Ben Ode', target: 'Cara Diaz', relation: 'collaborate' },
    { source: 'Cara Diaz', target: 'Ana Ruiz', relation: 'collaborate' },
    { source: 'Cara Diaz', target: 'Dan Wu', relation: 'collaborate' },
    { source: 'Dan Wu', target: 'Ana Ruiz', relation: 'collaborate' },
    { source: 'Eve Hale', target: 'Finn Moss', relation: 'collaborate' },
  ]);
  const pairs = [
    { mentor: 'Ana Ruiz', mentee: 'Eve Hale', season: '2024' },
    { mentor: 'Eve Hale', mentee: 'Finn Moss', season: '2025' },
    { mentor: 'Cara Diaz', mentee: 'Ben Ode', season: '2025' },
  ];

  it('counts groups connected, cross pairs and people in both roles', () => {
    const reach = mentorshipReach(pairs, people);
    expect(reach).toMatchObject({ pairs: 3, mentors: 3, mentees: 3, seasons: ['2024', '2025'], bothRoles: ['Eve Hale'] });
    const department = reach.byAttribute.find((a) => a.attribute === 'department')!;
    expect(department).toMatchObject({ groups: 3, groupsConnected: 3, groupPairs: 2, crossPairs: 2, crossShare: 2 / 3 });
    expect(department.links).toEqual([
      { a: 'Parks', b: 'Housing', pairs: 1 },
      { a: 'Transit', b: 'Parks', pairs: 1 },
    ].map((l) => (l.a < l.b ? l : { a: l.b, b: l.a, pairs: l.pairs })).sort((x, y) => (x.a < y.a ? -1 : 1)));
    const sector = reach.byAttribute.find((a) => a.attribute === 'sector')!;
    expect(sector).toMatchObject({ groups: 2, crossPairs: 1 });
    expect(reach.pairList.find((p) => p.mentee === 'Eve Hale')!.crosses).toEqual(['department', 'sector']);
  });

  it('judges bridging on communities found without the mentorship and co-attendance layers', () => {
    const withPairs = withMentorships(base, { mentorships: pairs });
    const communities = baselineCommunities(withPairs)!;
    expect(communities.relations).toEqual(['collaborate']);
    expect(communities.count).toBe(2);
    expect(communities.of.get('Ana Ruiz')).not.toBe(communities.of.get('Eve Hale'));
    const section = mentorshipSection(withPairs)!;
    expect(section.bridgingPairs.map((p) => [p.mentor, p.mentee])).toEqual([['Ana Ruiz', 'Eve Hale']]);
    expect(section.bridgingShare).toBeCloseTo(1 / 3, 12);
    expect(withPairs.ties.filter((t) => t.relation === 'mentorship')).toHaveLength(3);
    expect(mentorshipSection(base)).toBeUndefined();
  });

  it('has no communities when the mentorship layer is the only network', () => {
    const only = withMentorships(dataset(people), { mentorships: pairs });
    const section = mentorshipSection(only)!;
    expect(section.communities).toBeNull();
    expect(section.bridgingShare).toBeNull();
    expect(section.pairList.every((p) => p.bridgesCommunities === null)).toBe(true);
  });
});
