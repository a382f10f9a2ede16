import { describe, expect, it } from 'vitest';
import { formatIssue, type InputIssue } from '../../../../src/engine/core/util/issues.ts';
import { formatIssueGroup, groupIssues } from '../../../../src/engine/core/util/issue-groups.ts';
import { mergeTies } from '../../../../src/engine/io/merge-ties.ts';
import type { Tie } from '../../../../src/engine/core/model/records.ts';

const tie = (source: string, target: string, directed = false): Tie => ({ source, target, relation: 'tie', directed, weight: 1 });

describe('groupIssues', () => {
  it('keeps a lone issue as it is: formatIssueGroup reads exactly as formatIssue', () => {
    const issue: InputIssue = { level: 'warning', code: 'self-loop', message: '"a" is tied to themself', file: 'e.csv', row: 4, field: 'target' };
    const groups = groupIssues([issue]);
    expect(groups).toEqual([{ level: 'warning', code: 'self-loop', count: 1, message: issue.message, files: ['e.csv'], examples: [issue] }]);
    expect(formatIssueGroup(groups[0]!)).toBe(formatIssue(issue));
  });

  it('makes one group of the reversed duplicates mergeTies reports, apart from plain repeats', () => {
    const drafts = [tie('a', 'b'), tie('b', 'a'), tie('c', 'd'), tie('d', 'c'), tie('c', 'd'), tie('e', 'f'), tie('f', 'e')].map((t, i) => ({
      tie: t,
      origin: { file: 'edges.txt', row: i + 1 },
    }));
    const { issues } = mergeTies(drafts);
    expect(issues).toHaveLength(4);
    const groups = groupIssues(issues, { groupFrom: 2 });
    expect(groups.map((g) => [g.code, g.count])).toEqual([
      ['duplicate-edge', 3],
      ['duplicate-edge', 1],
    ]);
    expect(formatIssueGroup(groups[0]!)).toBe(
      'edges.txt: 3 ties also appear in reverse (b – a after a – b); each was merged into the first one and the weights added: rows 2, 4, 7',
    );
    // The plain repeat (c – d on row 5) stays as its own message.
    expect(formatIssueGroup(groups[1]!)).toBe(formatIssue(issues[2]!));
  });

  it('lists the first rows and says how many more; errors come before warnings; order is otherwise first seen', () => {
    const issues: InputIssue[] = [];
    for (let row = 2; row < 2 + 804; row++) {
      issues.push({ level: 'warning', code: 'duplicate-edge', message: `x – y is the same undirected tie as y – x in row ${row - 1}; merged`, file: 'air.gexf', row });
    }
    issues.push({ level: 'error', code: 'bad-weight', message: 'weight is not a number: "heavy"', file: 'air.gexf', row: 900, field: 'weight' });
    issues.push({ level: 'error', code: 'bad-weight', message: 'weight is negative ("-1"); weights must be above 0', file: 'air.gexf', row: 901, field: 'weight' });
    const groups = groupIssues(issues, { examples: 3, groupFrom: 2 });
    expect(groups.map((g) => [g.level, g.code, g.count, g.examples.length])).toEqual([
      ['error', 'bad-weight', 2, 2],
      ['warning', 'duplicate-edge', 804, 3],
    ]);
    expect(groups.map(formatIssueGroup)).toEqual([
      'air.gexf, field "weight": 2 weights cannot be used; those ties were not read: rows 900, 901',
      'air.gexf: 804 ties also appear in reverse (b – a after a – b); each was merged into the first one and the weights added: rows 2, 3, 4, …',
    ]);
  });

  it('names several files, differing fields, issues without rows, and codes it has no words for', () => {
    const issues: InputIssue[] = [
      { level: 'warning', code: 'unknown-id', message: '"x" is not in the people list', file: 'a.csv', row: 3, field: 'source' },
      { level: 'warning', code: 'unknown-id', message: '"y" is not in the people list', file: 'b.csv', row: 7, field: 'target' },
      { level: 'warning', code: 'odd-thing', message: 'something odd', file: 'c.txt' },
      { level: 'warning', code: 'odd-thing', message: 'something odder', file: 'c.txt' },
    ];
    expect(groupIssues(issues, { groupFrom: 2 }).map(formatIssueGroup)).toEqual([
      '2 files (a.csv, b.csv): 2 names are not declared as people in the file or the people list; they were added as people: a.csv row 3 field "source", b.csv row 7 field "target"',
      'c.txt: 2 warnings like this (odd-thing): something odd',
    ]);
  });

  it('lists a kind with fewer than four issues (by default) one by one, in place', () => {
    const issues: InputIssue[] = [
      { level: 'warning', code: 'self-loop', message: 'a to a', file: 'e.csv', row: 2 },
      { level: 'warning', code: 'unknown-id', message: '"x" is new', file: 'e.csv', row: 3 },
      { level: 'warning', code: 'self-loop', message: 'b to b', file: 'e.csv', row: 4 },
      ...[5, 6, 7, 8].map((row): InputIssue => ({ level: 'warning', code: 'unknown-id', message: 'new', file: 'e.csv', row })),
    ];
    expect(groupIssues(issues).map(formatIssueGroup)).toEqual([
      'e.csv, row 2: a to a',
      'e.csv, row 4: b to b',
      'e.csv: 5 names are not declared as people in the file or the people list; they were added as people: rows 3, 5, 6, 7, 8',
    ]);
  });

  it('groups 1,000,000 issues in one pass', () => {
    const issues: InputIssue[] = [];
    for (let row = 1; row <= 1_000_000; row++) issues.push({ level: 'warning', code: 'self-loop', message: 'a to a', file: 'big.txt', row });
    const groups = groupIssues(issues);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.count).toBe(1_000_000);
    expect(formatIssueGroup(groups[0]!)).toBe('big.txt: 1000000 ties go from a person to themself; they were kept: rows 1, 2, 3, 4, 5, …');
  });
});
