import { describe, expect, it } from 'vitest';
import { importSummaryLines } from '../../src/viz/format/import-summary.ts';

describe('the import summary', () => {
  it('leads with people, ties, response rate and who is known only from others', () => {
    const lines = importSummaryLines({ people: 120, ties: 633, relations: 2, responses: { respondents: 84, nonRespondents: 36, responseRate: 0.7, written: 1172, resolved: 1170 } });
    expect(lines.headline).toBe('Survey imported');
    expect(lines.figures).toEqual(['120 people', '633 ties', '2 relations', '84 answered the survey (response rate 70%)', "36 people are known only from others' answers", '1,170 of 1,172 names written matched to people']);
    expect(importSummaryLines({ people: 12, ties: 15, relations: 1 }).figures).toEqual(['12 people', '15 ties', '1 relation']);
  });
});
