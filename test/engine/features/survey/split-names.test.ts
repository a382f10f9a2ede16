import { describe, expect, it } from 'vitest';
import { nonPersonReason } from '../../../../src/engine/people/non-person.ts';
import { splitNames } from '../../../../src/engine/features/survey/split-names.ts';

const names = (cell: string): string[] => splitNames(cell).map((n) => n.name);

describe('splitNames', () => {
  it('splits on commas, semicolons, new lines, " and ", "&"', () => {
    expect(names('Maria Lopez, J. Chen; bob smith')).toEqual(['Maria Lopez', 'J. Chen', 'bob smith']);
    expect(names('Maria Lopez\nJin Chen\r\nBob Smith')).toEqual(['Maria Lopez', 'Jin Chen', 'Bob Smith']);
    expect(names('Maria Lopez and Jin Chen & Bob Smith')).toEqual(['Maria Lopez', 'Jin Chen', 'Bob Smith']);
    expect(names('Maria Lopez&Jin Chen | Bob Smith • Ana Okafor')).toEqual(['Maria Lopez', 'Jin Chen', 'Bob Smith', 'Ana Okafor']);
  });

  it('reads "Last, First", also inside a list of other names', () => {
    expect(splitNames("Rivera, Ingrid and Ana O'Neil")).toEqual([
      { text: 'Rivera, Ingrid', name: 'Ingrid Rivera', lastFirst: true },
      { text: "Ana O'Neil", name: "Ana O'Neil", lastFirst: false },
    ]);
    expect(names('Yesenia Jones,Nia O.,Smith, Fatima')).toEqual(['Yesenia Jones', 'Nia O.', 'Fatima Smith']);
    expect(names('Santos, Omar; Jennifer Hernandez')).toEqual(['Omar Santos', 'Jennifer Hernandez']);
    expect(names("O'Neil, A.")).toEqual(["A. O'Neil"]);
    expect(names('de la Cruz, Maria')).toEqual(['Maria de la Cruz']);
    expect(names('Smith, Fatima, Jones, Elena')).toEqual(['Fatima Smith', 'Elena Jones']);
    // Three single words are three given names, not a "Last, First" and a leftover.
    expect(names('Kevin, Maria, Jose')).toEqual(['Kevin', 'Maria', 'Jose']);
    expect(names('Maria Lopez, PhD, Jin Chen')).toEqual(['Maria Lopez, PhD', 'Jin Chen']);
  });

  it('drops list bullets and numbers and wrapping quotes', () => {
    expect(names('1. Maria Lopez\n2) Jin Chen\n- Bob Smith\n* "Ana Okafor"')).toEqual(['Maria Lopez', 'Jin Chen', 'Bob Smith', 'Ana Okafor']);
    expect(names('A. Chen')).toEqual(['A. Chen']);
  });

  it('keeps names in other scripts', () => {
    expect(names('李小龙、Мария Иванова; محمد علي')).toEqual(['李小龙', 'Мария Иванова', 'محمد علي']);
  });

  it('returns answers that name nobody for the caller to report', () => {
    expect(names('n/a')).toEqual(['n/a']);
    expect(names('Jin Chen and my whole team')).toEqual(['Jin Chen', 'my whole team']);
    expect(splitNames('   ')).toEqual([]);
  });

  it('splits a 10,000-character cell, nothing lost', () => {
    const cell = Array.from({ length: 800 }, (_, i) => `Person Number${String.fromCharCode(97 + (i % 26))}${i}`).join(', ').slice(0, 10_000);
    const split = splitNames(cell);
    expect(split.length).toBeGreaterThan(400);
    expect(split.map((n) => n.text).join(', ')).toBe(cell.trim());
  });

  it('reads long runs of blanks in one pass, splitting as before around tabs and "and"', () => {
    const blanks = ' '.repeat(200_000);
    const begun = performance.now();
    expect(names(`Ana${blanks}Lopez\u0000${blanks}and${blanks}Ben Brooks`)).toEqual(['Ana Lopez\u0000', 'Ben Brooks']);
    expect(names(`Ana${' \t'.repeat(50_000)}Ben`)).toEqual(['Ana', 'Ben']);
    expect(performance.now() - begun).toBeLessThan(1_000);
    // A tab alone before "and" ends the name there, a tab among spaces takes "and" with it.
    expect(names('Ana\tand Ben')).toEqual(['Ana', 'and Ben']);
    expect(names('Ana \t  and Ben')).toEqual(['Ana', 'Ben']);
    expect(names('Ana\uFEFF\uFEFFLopez')).toEqual(['AnaLopez']);
  });
});

describe('nonPersonReason', () => {
  it('recognises answers that name nobody', () => {
    for (const text of ['n/a', 'N/A', 'none', 'None.', '-', '--', '?', 'nobody', 'no one', 'my whole team', 'everyone in my org', 'the board', 'All of them', 'our staff', 'see above']) {
      expect(nonPersonReason(text), text).toBeDefined();
    }
    expect(nonPersonReason('https://example.org/people')).toBeDefined();
    expect(nonPersonReason('555 123 4567')).toBeDefined();
    expect(nonPersonReason('x'.repeat(200))).toContain('free text');
  });

  it('lets names through', () => {
    for (const text of ['Maria Lopez', 'J. Chen', 'A. Chen', "Ana O'Neil", '李小龙', 'Мария Иванова', 'Robert M.', 'Maria de la Cruz']) {
      expect(nonPersonReason(text), text).toBeUndefined();
    }
  });
});
