/**
 * `netweave results` on the coalition sample (data/samples/coalition/results with the sample's
 * system map, and the wave-2 survey with the roster as the people network), as a user runs it:
 * the JSON shape of issue #21, the turn-the-curve CSVs, what stderr says, and bad input
 * (a value that is not a number, an unknown result, a missing file, a wrong command line).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ResultsReport } from '../src/engine/features/results/analyze-results.ts';
import { COALITION_DIR as coalition } from './helpers/samples.ts';
import { netweave } from './helpers/cli.ts';

// Each run starts a Node process (about a second; the survey import adds one or two).
vi.setConfig({ testTimeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), 'nw-results-'));
const at = (name: string): string => join(coalition, name);
const results = ['--results', at('results/results.csv'), '--indicators', at('results/indicators.csv'), '--actions', at('results/actions.csv')];
const more = ['--strategies', at('results/strategies.csv'), '--commitments', at('results/commitments.csv'), '--scorecard', at('results/scorecard-data-values.csv')];
const map = ['--links', at('systemmap/links.csv'), '--factors', at('systemmap/factors.csv'), '--actors', at('systemmap/actors.csv')];
const survey = ['--survey', at('survey_wave2.csv'), '--roster', at('people.csv')];
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('netweave results', () => {
  it('joins the results to the map and the people: the sections of the issue, curves as CSV', async () => {
    const out = join(dir, 'results.json');
    const curves = join(dir, 'curves');
    const r = await netweave('results', ...results, ...more, ...map, ...survey, '--as-of', '2025-01-01', '--out', out, '--curves', curves);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: indicators\.csv, row 5, field "date": the dates of the indicator "Asthma emergency visits per 10000 residents" are not in order/);
    expect(r.stderr).toMatch(/warning: actions\.csv, row 7, field "by": "Valley Children's Clinic" is no person or organisation/);
    expect(r.stderr).toMatch(/warning: actions\.csv, row 11, field "factor": "Green jobs pipeline" is not a factor of the system map/);
    expect(r.stderr).toMatch(/netweave: "Clean air in the valley": 2 indicators, 23 upstream, 75 partners \(\d+ not in the cohort\), 2 wrong-direction, 7 unacted leverage, 1 no path; cohort of 18 in \d+ parts/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as ResultsReport;
    expect(report.format).toBe('netweave-results-report');
    expect(report.results.map((x) => x.id)).toEqual(['Clean air in the valley', 'A clean energy economy for all', 'Energy-secure households']);
    const clean = report.results[0]!;
    expect(clean.upstream.find((u) => u.indicator === 'Coal share of electricity (%)' && u.factor === 'Carbon price')).toEqual({ indicator: 'Coal share of electricity (%)', factor: 'Carbon price', label: 'Carbon price', steps: 1, effect: 'down' });
    for (const p of clean.partners) expect(Object.keys(p).sort()).toEqual(['factors', 'id', 'inCohort', 'label', 'people', 'tiedToCohort']);
    expect(clean.partners.find((p) => p.id === 'Faith org 18')).toMatchObject({ inCohort: true });
    expect(clean.wrongDirection.map((w) => w.action)).toEqual(['Switch public housing to electric heating', 'Switch public housing to electric heating']);
    expect(clean.noPath[0]!.reason).toMatch(/^"Clean-air stories in local media" pushes Media coverage, which is 5 links from/);
    expect(clean.unactedLeverage.map((u) => u.factor)).toContain('Political will');
    expect(clean.cohort.sectors!.multiSector).toBe(true);
    expect(clean.introductions.every((i) => i.kind === 'result-partner' && i.result === clean.id)).toBe(true);
    expect(clean.indicators[0]!.trend!.label).toMatch(/^Trend of the actuals/);
    expect(report.results[2]!.flags[0]).toMatch(/has no indicator yet/);
    expect(report.commitments.map((c) => [c.who.text, c.status, c.overdue])).toEqual([
      ['Nonprofit org 23', 'in-progress', false],
      ['Kevin Smith', 'kept', false],
      ['Faith org 18', 'made', false],
      ['Government org 11', 'not-kept', true],
      ['Olga Tanaka', 'kept', false],
    ]);
    expect(readdirSync(curves).sort()).toEqual(['asthma-emergency-visits-per-10000-residents.csv', 'clean-energy-jobs-per-1000-workers.csv', 'coal-share-of-electricity.csv']);
    const jobs = readFileSync(join(curves, 'clean-energy-jobs-per-1000-workers.csv'), 'utf8').trim().split('\n');
    expect(jobs[0]).toBe('indicator,date,actual,target,baseline,trend,trend_note');
    expect(jobs).toContain('Clean energy jobs per 1000 workers,2025-06-30,16.9,21,11.2,' + jobs.find((l) => l.includes('2025-06-30'))!.split(',')[5] + ',trend line');
  });

  it('runs on the results alone, saying what needs the map and the people', async () => {
    const r = await netweave('results', ...results);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/note: No system map was given/);
    expect(r.stderr).toMatch(/note: No people network was given/);
    const report = JSON.parse(r.stdout) as ResultsReport;
    expect(report.results[0]!.upstream).toEqual([]);
  });

  it('stops with file, row and field for a value that is not a number or an unknown result, and writes nothing', async () => {
    const indicators = write('indicators.csv', 'indicator,result,factor,date,value,target,baseline,better\nReadiness,Clean air in the valley,Community health impacts,2021,forty,,,down\n');
    const actions = write('actions.csv', 'action,result,by,factor,direction,start,end,status\nA,Clean water,Kevin Smith,Media coverage,increase,,,\n');
    const out = join(dir, 'never.json');
    const r = await netweave('results', '--results', at('results/results.csv'), '--indicators', indicators, '--actions', actions, ...map, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/indicators\.csv, row 2, field "value": "forty" is not a number/);
    expect(r.stderr).toMatch(/actions\.csv, row 2, field "result": "Clean water" is not a result of the results file/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('says what is wrong with the command line (exit 2)', async () => {
    expect((await netweave('results')).code).toBe(2);
    const steps = await netweave('results', ...results, '--steps', 'many');
    expect(steps.code).toBe(2);
    expect(steps.stderr).toMatch(/--steps expects a whole number from 1 to 10/);
    expect((await netweave('results', ...results, '--as-of', '1/2/2025')).stderr).toMatch(/--as-of expects a date written YYYY-MM-DD/);
    const mapless = await netweave('results', ...results, '--actors', at('systemmap/actors.csv'));
    expect(mapless.code).toBe(2);
    expect(mapless.stderr).toMatch(/needs its links/);
    const help = await netweave('results', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/netweave results --results F --indicators F --actions F/);
    expect((await netweave('results', ...results, '--indicators', join(dir, 'missing.csv'))).code).toBe(1);
  });
});

describe('netweave report --results-report', () => {
  it('adds the results section to the HTML report, and refuses it with consent or a file that is no results report', async () => {
    const json = join(dir, 'for-report.json');
    expect((await netweave('results', ...results, ...more, ...map, ...survey, '--as-of', '2025-01-01', '--out', json)).code).toBe(0);
    const html = join(dir, 'report.html');
    const people = ['--survey', at('survey_wave2.csv'), '--roster', at('people.csv'), '--threads', '1'];
    const r = await netweave('report', ...people, '--results-report', json, '--sections', 'health,results', '--out', html);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('Results: turning the curve');
    expect(text).toContain('Partners with a role');
    expect(text).toContain('trend of the actuals (not a prediction)');
    expect(text).not.toMatch(/<script/i);

    const consent = await netweave('report', ...people, '--consent', 'email', '--results-report', json, '--out', join(dir, 'no.html'));
    expect(consent.code).toBe(2);
    expect(consent.stderr).toMatch(/--results-report .* cannot go with --consent/);
    const other = await netweave('report', ...people, '--results-report', write('other.json', '{"format":"netweave-report"}'), '--out', join(dir, 'no.html'));
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/other\.json.*is not a results report written by netweave results/);
  });
});
