import { describe, expect, it } from 'vitest';
import { NameMatcher, editDistance, parseName, scoreName } from '../../../src/engine/people/name-match.ts';

const score = (written: string, known: string): number => scoreName(parseName(written), parseName(known)).score;

const ROSTER = [
  'Maria Lopez', 'Jin Chen', 'Jun Chen', 'Robert Smith', 'Elizabeth Novak', 'Kevin Cohen', 'Margaret Garcia', 'Daniel Ivanova',
  'Ana Okafor', 'Andre Okafor', 'Maria Garcia Lopez', '李小龙', 'Мария Иванова', 'محمد علي',
];
const matcher = (): NameMatcher =>
  new NameMatcher(ROSTER.map((name, i) => ({ id: `p${i}`, label: name, names: [name], emails: [`${name.split(' ')[0]?.toLowerCase()}${i}@example.org`] })));
const best = (m: NameMatcher, written: string): { id: string; score: number; method: string; others: number } | undefined => {
  const candidates = m.candidates(written);
  const top = candidates[0];
  if (top === undefined) return undefined;
  return { id: m.people[top.person]?.id ?? '', score: top.score, method: top.method, others: candidates.filter((c) => c.score >= top.score - 0.08).length - 1 };
};

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions', () => {
    expect(editDistance('cohen', 'cohen')).toBe(0);
    expect(editDistance('cohn', 'cohen')).toBe(1);
    expect(editDistance('smyth', 'smith')).toBe(1);
    expect(editDistance('cohne', 'cohen')).toBe(1);
    expect(editDistance('abc', 'xyz', 2)).toBe(3);
  });
});

describe('scoreName', () => {
  it('follows the documented score table', () => {
    expect(score('maria lopez', 'Maria Lopez')).toBe(1);
    expect(score('Lopez, Maria'.split(', ').reverse().join(' '), 'Maria Lopez')).toBe(1);
    expect(score('Lopez Maria', 'Maria Lopez')).toBe(0.97);
    expect(score('J. Chen', 'Jin Chen')).toBe(0.85);
    expect(score('Robert S.', 'Robert Smith')).toBe(0.8);
    expect(score('Bob Smith', 'Robert Smith')).toBe(0.9);
    expect(score('Kevin Cohn', 'Kevin Cohen')).toBe(0.9);
    expect(score('Dan Ivanova', 'Daniel Ivanova')).toBe(0.9);
    expect(score('Maria Lopez', 'Maria Garcia Lopez')).toBe(0.97);
    expect(score('Maria Garcia', 'Maria Garcia Lopez')).toBeCloseTo(0.9);
    expect(score('Maria', 'Maria Lopez')).toBeCloseTo(0.55);
    expect(score('Lopez', 'Maria Lopez')).toBeCloseTo(0.6);
    expect(score('Jin Chen', 'Jun Chen')).toBeLessThan(0.9);
    expect(score('Maria Lopez', 'Mario Gomez')).toBe(0);
  });

  it('matches other scripts exactly, not loosely', () => {
    expect(score('李小龙', '李小龙')).toBe(1);
    expect(score('李小', '李小龙')).toBeLessThan(0.75);
    expect(score('мария иванова', 'Мария Иванова')).toBe(1);
    expect(score('محمد علي', 'محمد علي')).toBe(1);
  });
});

describe('NameMatcher', () => {
  it('finds the person a written name means, with how', () => {
    const m = matcher();
    // Maria Garcia Lopez is close (0.97, a middle name left out) but the exact name is p0.
    expect(best(m, 'maria  LOPEZ')).toMatchObject({ id: 'p0', score: 1 });
    expect(best(m, 'Bob Smith')).toMatchObject({ id: 'p3', method: 'nickname (given name)' });
    expect(best(m, 'Liz Novak')).toMatchObject({ id: 'p4' });
    expect(best(m, 'Kevin Chen')).toMatchObject({ id: 'p5', method: 'one-letter typo (surname)' });
    expect(best(m, 'Peggy Garcia')).toMatchObject({ id: 'p6' });
    expect(best(m, 'Smith Robert')).toMatchObject({ id: 'p3' });
    expect(best(m, 'Daniel I.')).toMatchObject({ id: 'p7', method: 'given name and surname initial' });
    expect(best(m, '李小龙')).toMatchObject({ id: 'p11', score: 1 });
    expect(best(m, 'Мария Иванова')).toMatchObject({ id: 'p12', score: 1 });
    expect(best(m, 'محمد علي')).toMatchObject({ id: 'p13', score: 1 });
    expect(best(m, 'JIN1@example.org')).toMatchObject({ id: 'p1', method: 'email' });
  });

  it('reports close competitors instead of guessing', () => {
    const m = matcher();
    expect(best(m, 'J. Chen')).toMatchObject({ score: 0.85, others: 1 });
    expect(best(m, 'A. Okafor')).toMatchObject({ others: 1 });
    // An exact name wins over a one-letter neighbour.
    expect(best(m, 'Jin Chen')).toMatchObject({ id: 'p1', score: 1, others: 0 });
  });

  it('finds nothing for names matching nobody', () => {
    const m = matcher();
    expect(m.candidates('Zelda Quartermaine')).toEqual([]);
    expect(m.candidates('J. Q.')).toEqual([]);
  });

  it('grows while matching and stays fast on 5,000 people (blocked candidates, no pairwise pass)', () => {
    const m = new NameMatcher();
    const first = ['Ana', 'Ben', 'Chloe', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jia'];
    for (let i = 0; i < 5000; i++) m.add({ id: `p${i}`, label: `${first[i % 10]} Surname${i}x`, names: [`${first[i % 10]} Surname${i}x`], emails: [] });
    const started = performance.now();
    for (let i = 0; i < 5000; i++) m.candidates(`${first[i % 10]} Surnam${i}x`);
    expect(performance.now() - started).toBeLessThan(4000);
    expect(m.candidates('Ivo Surname8x')[0]).toMatchObject({ person: 8, score: 1 });
  });
});
