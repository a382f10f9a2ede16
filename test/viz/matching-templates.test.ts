/**
 * The mentees and mentors templates the matching dialog offers: the same as the files in data/,
 * and read by the matcher as they are, two pairs with nothing to report.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchFiles } from '../../src/engine/features/matching/match-files.ts';
import { MENTEES_TEMPLATE_CSV, MENTEES_TEMPLATE_NAME, MENTORS_TEMPLATE_CSV, MENTORS_TEMPLATE_NAME } from '../../src/viz/components/matching-templates.ts';

const data = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');

describe('mentor matching templates', () => {
  it('are the files in data/', () => {
    expect(data(MENTEES_TEMPLATE_NAME)).toBe(MENTEES_TEMPLATE_CSV);
    expect(data(MENTORS_TEMPLATE_NAME)).toBe(MENTORS_TEMPLATE_CSV);
    expect(MENTEES_TEMPLATE_CSV.trim().split('\n')).toHaveLength(3);
    expect(MENTORS_TEMPLATE_CSV.trim().split('\n')).toHaveLength(3);
  });

  it('are read by the matcher without a problem, each mentee paired by goals', () => {
    const result = matchFiles({ mentees: { name: MENTEES_TEMPLATE_NAME, text: MENTEES_TEMPLATE_CSV }, mentors: { name: MENTORS_TEMPLATE_NAME, text: MENTORS_TEMPLATE_CSV } });
    expect(result.issues).toEqual([]);
    if (!result.ok) throw new Error('the templates did not read');
    expect(result.value.placed).toBe(2);
    expect(Object.fromEntries(result.value.pairs.map((p) => [p.mentee, p.mentor]))).toEqual({ 'Ana Ruiz': 'Maria Lopez', 'Sam Okoye': 'Jin Chen' });
    // Ana asked for a mentor of her own gender, and got one.
    expect(result.value.pairs.find((p) => p.mentee === 'Ana Ruiz')?.identity).toEqual([expect.objectContaining({ attribute: 'gender', met: true })]);
  });
});
