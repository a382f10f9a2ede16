/**
 * Skill name folding: case and spacing, spelling (hyphens, joined words, &), plurals only when
 * the singular is written too, built-in and user synonyms; nothing else is merged, and every
 * fold is reported with its rule.
 */
import { describe, expect, it } from 'vitest';
import { compactSkillKey, foldSkillNames, singularCandidates, tidySkill } from '../../../../src/engine/features/skills/skill-names.ts';

const fold = (written: Array<[string, number]>, options = {}) => foldSkillNames(written, options);

describe('skill names', () => {
  it('tidies spaces, quotes and stray punctuation', () => {
    expect(tidySkill('  "Grant   writing". ')).toBe('Grant writing');
    expect(tidySkill('• facilitation')).toBe('facilitation');
    expect(compactSkillKey('Fund-raising & events')).toBe('fundraisingandevents');
  });

  it('folds case and spacing, shown as the most written spelling', () => {
    const names = fold([['facilitation', 3], ['Facilitation', 1], ['FACILITATION ', 1]]);
    expect(names.names).toEqual(['facilitation']);
    expect(names.nameOf(' Facilitation')).toBe('facilitation');
    expect(names.folding).toEqual([
      {
        skill: 'facilitation',
        variants: [
          { text: 'facilitation', count: 3, rule: 'same' },
          { text: 'FACILITATION', count: 1, rule: 'case-spacing' },
          { text: 'Facilitation', count: 1, rule: 'case-spacing' },
        ],
      },
    ]);
  });

  it('folds hyphens and joined words as spelling', () => {
    const names = fold([['grant writing', 2], ['Grant-writing', 1], ['grantwriting', 1], ['fund raising', 1], ['fundraising', 2]]);
    expect(names.names.sort()).toEqual(['fundraising', 'grant writing']);
    const grant = names.folding.find((f) => f.skill === 'grant writing')!;
    expect(grant.variants.map((v) => v.rule)).toEqual(['same', 'spelling', 'spelling']);
  });

  it('folds a plural only when its singular is written', () => {
    const names = fold([['budget', 3], ['Budgets', 1], ['media relations', 4], ['policies', 1], ['policy', 1], ['coaches', 1], ['coach', 1]]);
    expect(names.nameOf('Budgets')).toBe('budget');
    expect(names.nameOf('policies')).toBe(names.nameOf('policy'));
    expect(names.nameOf('coaches')).toBe(names.nameOf('coach'));
    // No "media relation" written: stays as it is.
    expect(names.nameOf('media relations')).toBe('media relations');
    expect(names.folding.find((f) => f.skill === 'budget')!.variants).toContainEqual({ text: 'Budgets', count: 1, rule: 'plural' });
    expect(singularCandidates('process')).toEqual([]);
    expect(singularCandidates('analysis')).toEqual([]);
    expect(fold([['budgets', 2]], { plurals: false }).names).toEqual(['budgets']);
  });

  it('keeps different skills apart: no fuzzy merging', () => {
    const names = fold([['data analysis', 1], ['data analytics', 1], ['facilitation', 1], ['facilitating', 1]]);
    expect(names.names).toHaveLength(4);
    expect(names.folding).toEqual([]);
  });

  it('applies built-in abbreviations and the user synonyms, reported as synonyms', () => {
    const names = fold([['Comms', 2], ['communications', 1], ['M&E', 1], ['data analytics', 1], ['data analysis', 3]], {
      synonyms: { 'Data Analytics': 'data analysis' },
    });
    expect(names.nameOf('comms')).toBe('communications');
    expect(names.nameOf('M&E')).toBe('monitoring and evaluation');
    expect(names.nameOf('data analytics')).toBe('data analysis');
    const comms = names.folding.find((f) => f.skill === 'communications')!;
    expect(comms.variants).toContainEqual({ text: 'Comms', count: 2, rule: 'synonym' });
    expect(fold([['Comms', 1]], { builtInSynonyms: false }).names).toEqual(['Comms']);
  });
});
