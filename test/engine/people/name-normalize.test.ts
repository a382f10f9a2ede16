import { describe, expect, it } from 'vitest';
import { emailOf, foldText, nameFromEmail, nameKey, nameTokens, tidyLabel } from '../../../src/engine/people/name-normalize.ts';
import { areNicknames, nicknameVariants, NICKNAME_GROUP_COUNT } from '../../../src/engine/people/nicknames.ts';

describe('name normalisation', () => {
  it('folds case, accents, spaces and apostrophes', () => {
    expect(nameKey('  MARÍA  lópez ')).toBe('maria lopez');
    expect(nameKey("Ana O'Neil")).toBe(nameKey('ana oneil'));
    expect(nameKey('Ana O’Neil')).toBe('ana oneil');
    expect(nameKey('Priya Müller')).toBe('priya muller');
    expect(nameKey('Straße')).toBe('strasse');
    expect(nameKey('Elif Yılmaz')).toBe('elif yilmaz');
  });

  it('keeps non-Latin scripts exactly (marks that change a letter are not dropped)', () => {
    expect(nameKey('Мария Иванова')).toBe('мария иванова');
    expect(nameKey('Йосиф')).toBe('йосиф');
    expect(nameKey('Йосиф')).not.toBe(nameKey('Иосиф'));
    expect(nameKey('محمد علي')).toBe('محمد علي');
    expect(nameKey('李小龙')).toBe('李小龙');
    expect(nameKey('李 小龙')).toBe('李小龙');
    expect(foldText('देवनागरी')).toBe('देवनागरी');
  });

  it('reads initials, titles and suffixes', () => {
    expect(nameTokens('J. Chen')).toEqual([{ text: 'j', initial: true }, { text: 'chen', initial: false }]);
    expect(nameTokens('Dr. J.R. Smith Jr.').map((t) => t.text)).toEqual(['j', 'r', 'smith']);
    expect(nameTokens('JC Smith').filter((t) => t.initial)).toHaveLength(2);
    expect(nameKey('Maria Lopez (Riverbend Transit)')).toBe('maria lopez');
  });

  it('reads emails and names in emails', () => {
    expect(emailOf('Maria.Lopez@Example.org')).toBe('maria.lopez@example.org');
    expect(emailOf('Maria Lopez <maria@example.org>')).toBe('maria@example.org');
    expect(emailOf('Maria Lopez')).toBeUndefined();
    expect(nameKey('MARIA@example.org')).toBe('maria@example.org');
    expect(nameFromEmail('maria.lopez2@example.org')).toBe('maria lopez');
    expect(nameFromEmail('mlopez@example.org')).toBeUndefined();
  });

  it('tidies labels typed in one case only', () => {
    expect(tidyLabel("robert  o'neil")).toBe("Robert O'Neil");
    expect(tidyLabel('JIN CHEN')).toBe('Jin Chen');
    expect(tidyLabel('Maria de la Cruz')).toBe('Maria de la Cruz');
    expect(tidyLabel('Мария')).toBe('Мария');
  });
});

describe('nicknames', () => {
  it('knows common nicknames both ways', () => {
    expect(areNicknames('bob', 'robert')).toBe(true);
    expect(areNicknames('robert', 'bob')).toBe(true);
    expect(areNicknames('liz', 'elizabeth')).toBe(true);
    expect(areNicknames('bill', 'william')).toBe(true);
    expect(areNicknames('kate', 'katherine')).toBe(true);
    expect(areNicknames('jim', 'james')).toBe(true);
    expect(areNicknames('peggy', 'margaret')).toBe(true);
    expect(areNicknames('sasha', 'alexander')).toBe(true);
    expect(areNicknames('bob', 'william')).toBe(false);
    expect(areNicknames('maria', 'mary')).toBe(false);
    expect(nicknameVariants('al')).toEqual(expect.arrayContaining(['albert', 'alan', 'alfred', 'alexander']));
  });

  it('has a table of a few hundred names', () => {
    expect(NICKNAME_GROUP_COUNT).toBeGreaterThan(200);
  });
});
