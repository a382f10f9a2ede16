/**
 * The report as the app makes it from a project: consent from the column and the per-person
 * choices, the analysis run again only when sharing changes something, stored positions carried
 * to the shared ids, codes and a key when the project pseudonymises.
 */
import { describe, expect, it } from 'vitest';
import { emptyDataset, type Dataset } from '../../../../src/engine/core/model/dataset.ts';
import { runAnalysis } from '../../../../src/engine/analysis/run-analysis.ts';
import { sharedReport } from '../../../../src/engine/export/report-html/shared-report.ts';

const names = ['Ana Lima', 'Ben Okafor', 'Cleo Diaz', 'Dev Patel', 'Eve Moreau', 'Fay Wong'];
const dataset: Dataset = {
  ...emptyDataset('Circle'),
  people: names.map((label, i) => ({ id: `p${i}`, label, attributes: { consent: i === 2 ? 'no' : i === 3 ? 'unnamed' : 'yes', email: `${label.split(' ')[0]!.toLowerCase()}@x.org`, sector: i % 2 ? 'Health' : 'Youth' } })),
  relations: [{ name: 'knows', directed: false }],
  ties: [0, 1, 2, 3, 4, 5].flatMap((i) => [{ source: `p${i}`, target: `p${(i + 1) % 6}`, relation: 'knows', directed: false, weight: 1 }]),
} as Dataset;
const layout = Object.fromEntries(names.map((_, i) => [`p${i}`, [Math.cos(i), Math.sin(i)] as [number, number]]));

describe('sharedReport', () => {
  it('applies consent before the analysis and names no one who is out or unnamed', async () => {
    const analysed: Dataset[] = [];
    let asked = 0;
    const made = await sharedReport(
      { dataset, sharing: { consentColumn: 'consent', consent: { p5: 'unnamed' }, pseudonymise: false, keepAttributes: [] }, analysis: async () => (asked++, null), analyze: (d) => (analysed.push(d), runAnalysis(d)), layout },
      { title: 'Circle' },
    );
    // The analysis of everyone is not even asked for: sharing changed the dataset.
    expect(asked).toBe(0);
    expect(analysed[0]!.people.map((p) => p.label)).toEqual(['Ana Lima', 'Ben Okafor', 'Eve Moreau', 'a member', 'a member']);
    expect(made).toMatchObject({ named: 3, unnamed: 2, leftOut: 1, keyCsv: null });
    for (const hidden of ['Cleo Diaz', 'Dev Patel', 'Fay Wong', 'cleo@x.org', 'dev@x.org', 'fay@x.org']) expect(made.html).not.toContain(hidden);
    expect(made.html).toContain('1 member asked not to be included and is left out of every figure; 2 are counted but not named');
  });

  it('reuses the analysis when everyone is named, and draws from the stored positions', async () => {
    const analysis = await runAnalysis(dataset);
    let ran = 0;
    const input = { dataset, sharing: { consentColumn: '', consent: {}, pseudonymise: false, keepAttributes: [] }, analysis: async () => analysis, analyze: (d: Dataset) => (ran++, runAnalysis(d)), layout };
    const a = await sharedReport(input, { sections: ['map'], layoutSeed: 1 });
    const b = await sharedReport(input, { sections: ['map'], layoutSeed: 2 });
    expect(ran).toBe(0);
    expect(a.html).toBe(b.html);
    expect(a.html).not.toContain('class="consent"');
  });

  it('writes codes and gives the key back when the project pseudonymises', async () => {
    const made = await sharedReport({ dataset, sharing: { consentColumn: '', consent: {}, pseudonymise: true, keepAttributes: ['sector'] }, analysis: async () => null, analyze: (d) => runAnalysis(d), layout });
    for (const name of names) expect(made.html).not.toContain(name);
    expect(made.keyCsv).toContain('Ana Lima');
    expect(made.html).toContain('Everyone is shown by a code instead of their name.');
  });
});
