/**
 * Checkbox columns folded back into their question: bracket names, separators shared by two or
 * more columns, survey-suffixed runs (skills, skills-2) with headers; ticked and unticked cells.
 */
import { describe, expect, it } from 'vitest';
import { checkboxFamilies, splitOptionName, tickedOptions } from '../../../../src/engine/features/skills/checkbox-columns.ts';

describe('checkbox columns', () => {
  it('splits option names', () => {
    expect(splitOptionName('Skills you bring [Facilitation]')).toEqual({ question: 'Skills you bring', option: 'Facilitation', bracket: true });
    expect(splitOptionName('Skills - Legal')).toEqual({ question: 'Skills', option: 'Legal', bracket: false });
    expect(splitOptionName('skills')).toBeUndefined();
  });

  it('finds families: brackets always, separators only when shared', () => {
    const families = checkboxFamilies(['Skills [A]', 'Skills [B]', 'Expertise - X', 'Expertise - Y', 'Time zone - UTC', 'sector']);
    expect(families.map((f) => [f.question, f.members.map((m) => m.option)])).toEqual([
      ['Skills', ['A', 'B']],
      ['Expertise', ['X', 'Y']],
    ]);
  });

  it('reads survey-suffixed runs, with options from the headers when given', () => {
    const families = checkboxFamilies(['skills', 'skills-2', 'skills-3', 'region'], {
      skills: 'Skills you bring [Facilitation]',
      'skills-2': 'Skills you bring [Grant writing]',
    });
    expect(families).toEqual([
      {
        question: 'skills',
        members: [
          { attribute: 'skills', option: 'Facilitation' },
          { attribute: 'skills-2', option: 'Grant writing' },
          { attribute: 'skills-3' },
        ],
      },
    ]);
  });

  it('reads ticks', () => {
    expect(tickedOptions(true, 'Legal')).toEqual(['Legal']);
    expect(tickedOptions(false, 'Legal')).toEqual([]);
    expect(tickedOptions(1, 'Legal')).toEqual(['Legal']);
    expect(tickedOptions(0, 'Legal')).toEqual([]);
    for (const mark of ['x', 'X', '✓', 'yes', 'TRUE', 'checked', 'selected', '1']) expect(tickedOptions(mark, 'Legal')).toEqual(['Legal']);
    for (const blank of ['', 'no', 'FALSE', '0', 'unchecked', 'not selected', 'n/a', '-']) expect(tickedOptions(blank, 'Legal')).toEqual([]);
    expect(tickedOptions('legal', 'Legal')).toEqual(['Legal']);
    expect(tickedOptions('Legal advice (contracts)', 'Legal')).toEqual(['Legal']);
    expect(tickedOptions(null, 'Legal')).toEqual([]);
  });

  it('reads "Other" columns and unknown options as the text written', () => {
    expect(tickedOptions('Spanish interpretation, mapping', 'Other (please specify)')).toEqual(['Spanish interpretation', 'mapping']);
    expect(tickedOptions('x', 'Other')).toEqual([]);
    expect(tickedOptions('Grant writing', undefined)).toEqual(['Grant writing']);
    expect(tickedOptions('x', undefined)).toEqual([]);
  });
});
