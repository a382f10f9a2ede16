/**
 * The report's results section on the coalition sample: each result's curves as inline SVG with
 * the trend named as a trend, partners with a role, leverage nobody acts on and the commitments;
 * people named only as consent allows (a member who is out is left out of the commitments and
 * the action plan, one who is not to be named is "a member"); organisations by name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../../src/engine/analysis/run-analysis.ts';
import { sharedReport } from '../../../../src/engine/export/report-html/shared-report.ts';
import { analyzeResults } from '../../../../src/engine/features/results/analyze-results.ts';
import { importResultsFiles } from '../../../../src/engine/features/results/import-results.ts';
import type { ResultsFileKind } from '../../../../src/engine/features/results/results-file-kinds.ts';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import { assembleSystemMap } from '../../../../src/engine/features/systemmap/assemble.ts';
import { parseActorsCsv, parseFactorsCsv, parseLinksCsv } from '../../../../src/engine/features/systemmap/import-csv.ts';
import { COALITION_DIR } from '../../../helpers/samples.ts';
import { coalitionDataset, coalitionSystemMap } from './coalition-input.ts';

const file = (name: string) => ({ name: name.split('/').pop()!, text: readFileSync(`${COALITION_DIR}${name}`, 'utf8') });
const KINDS: ResultsFileKind[] = ['results', 'indicators', 'actions', 'strategies', 'commitments'];

describe('the report\'s results section', () => {
  it('draws the curves, the partners and the commitments, naming people only as consent allows', async () => {
    const dataset = coalitionDataset();
    const map = orThrow(assembleSystemMap([parseFactorsCsv(file('systemmap/factors.csv')), parseLinksCsv(file('systemmap/links.csv')), parseActorsCsv(file('systemmap/actors.csv'))])).value;
    const set = orThrow(importResultsFiles(KINDS.map((kind) => ({ ...file(`results/${kind}.csv`), kind })))).value;
    const results = analyzeResults(set, { map, people: dataset });
    const kevin = dataset.people.find((p) => p.label === 'Kevin Smith')!;
    const olga = dataset.people.find((p) => p.label === 'Olga Tanaka')!;
    const made = await sharedReport(
      {
        dataset,
        sharing: { consentColumn: '', consent: { [kevin.id]: 'out', [olga.id]: 'unnamed' }, pseudonymise: false, keepAttributes: [] },
        analysis: async () => null,
        analyze: (d) => runAnalysis(d),
        systemMap: coalitionSystemMap(),
        results,
      },
      { sections: ['results'] },
    );
    const html = made.html;
    expect(html).toContain('Results: turning the curve');
    expect(html).toContain('Asthma emergency visits per 10000 residents');
    expect((html.match(/role="img"/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('trend of the actuals (not a prediction)');
    expect(html).toContain('Partners with a role');
    expect(html).toContain('Leverage points nobody acts on');
    expect(html).toMatch(/Switch public housing to electric heating.*the wrong way/s);
    // Organisations by name; the member who is out nowhere; the unnamed one as "a member".
    expect(html).toContain('Nonprofit org 23');
    expect(html).toContain('Recruit apprentices in the southern counties');
    expect(html).not.toContain('Kevin Smith');
    expect(html).not.toContain('Bring a retirement-date resolution to the commission');
    expect(html).not.toContain('Olga Tanaka');
    expect(html).toMatch(/<td class="">a member<\/td><td class="">A clean energy economy for all<\/td>/);
    expect(html).not.toMatch(/<script/i);
  });
});
