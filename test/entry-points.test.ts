/**
 * One pipeline, two entry points: the CLI (`netweave analyze`, run in-process through `main`)
 * and the app's analysis worker (`engineApi.analyze`, fed the project's settings through
 * `projectAnalysisOptions`) give the same report sections and the same people CSV for the same
 * options, on an undirected network, a directed one, a two-wave survey and a relation subset.
 *
 * The one option the app sets differently on purpose: it asks for no per-person skill lists (it
 * never shows them), so `skills.people` (and the setting saying so) is left out of the comparison.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from '../src/cli.ts';
import { engineApi } from '../src/workers/engine-api.ts';
import { ProjectSettingsSchema, type ProjectSettings } from '../src/engine/core/model/project.ts';
import { projectAnalysisOptions } from '../src/engine/project/project-analysis.ts';
import { buildReport } from '../src/engine/report/build-report.ts';
import { peopleCsv } from '../src/engine/export/people-csv.ts';
import { importFiles } from '../src/engine/io/import-files.ts';
import { runSurveyImport } from '../src/engine/features/survey/run-survey-import.ts';
import { nameSurveyWaves } from '../src/engine/features/change/name-waves.ts';
import { orThrow } from '../src/engine/core/util/result.ts';
import type { Dataset } from '../src/engine/core/model/dataset.ts';
import type { ReportResolutionEntry } from '../src/engine/report/types.ts';
import type { InputIssue } from '../src/engine/core/util/issues.ts';
import { fileURLToPath } from 'node:url';
import { COALITION_DIR } from './helpers/samples.ts';

const demo = (name: string): string => fileURLToPath(new URL(`../data/demo/${name}`, import.meta.url));
const coalition = (name: string): string => join(COALITION_DIR, name);
const read = (path: string) => ({ name: path.split('/').at(-1)!, text: readFileSync(path, 'utf8') });

async function cli(args: string[]): Promise<{ report: Record<string, unknown>; csv: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'nw-entry-'));
  const json = join(dir, 'report.json');
  const csv = join(dir, 'people.csv');
  expect(await main(['analyze', ...args, '--threads', '1', '--out', json])).toBe(0);
  expect(await main(['analyze', ...args, '--threads', '1', '--format', 'csv', '--out', csv])).toBe(0);
  return { report: JSON.parse(readFileSync(json, 'utf8')) as Record<string, unknown>, csv: readFileSync(csv, 'utf8') };
}

/**
 * The app's run: the project's settings as options. Import issues the app shows when the files
 * are read; the CLI's report lists them too, so they are handed over here for the comparison.
 */
async function app(dataset: Dataset, settings: Partial<ProjectSettings>, imported: { issues?: InputIssue[]; resolution?: ReportResolutionEntry[] } = {}) {
  engineApi.setDataset(dataset);
  const options = projectAnalysisOptions({ settings: ProjectSettingsSchema.parse(settings), abilities: null });
  const result = await engineApi.analyze({ ...options, importWarnings: imported.issues ?? [] });
  const resolution = imported.resolution;
  const report = JSON.parse(JSON.stringify(buildReport(dataset, result, resolution ? { resolution } : {}))) as Record<string, unknown>;
  return { report, csv: peopleCsv(dataset, result) };
}

/** Every section of both reports equal, per-person skill lists aside. */
function expectSameReports(fromCli: Record<string, unknown>, fromApp: Record<string, unknown>): void {
  for (const report of [fromCli, fromApp]) {
    const skills = report.skills as { people?: unknown; settings?: { perPerson?: unknown } } | undefined;
    if (skills) {
      delete skills.people;
      delete skills.settings?.perPerson;
    }
  }
  expect(Object.keys(fromApp).sort()).toEqual(Object.keys(fromCli).sort());
  for (const key of Object.keys(fromCli)) {
    expect(fromApp[key], `section ${key}`).toEqual(fromCli[key]);
  }
}

function expectSameCsv(fromCli: string, fromApp: string): void {
  const [cliHeader, ...cliRows] = fromCli.trimEnd().split('\n');
  const [appHeader, ...appRows] = fromApp.trimEnd().split('\n');
  expect(appHeader).toBe(cliHeader);
  expect(appRows).toEqual(cliRows);
}

const demoDataset = (): Dataset =>
  orThrow(importFiles([read(demo('ties.csv')), read(demo('people.csv'))], { kinds: { 'people.csv': 'nodes', 'ties.csv': 'edges' } })).value;

function coalitionWaves(): { dataset: Dataset; issues: InputIssue[]; resolution: ReportResolutionEntry[] } {
  const run = orThrow(runSurveyImport({ surveys: [coalition('survey_wave1.csv'), coalition('survey_wave2.csv')].map(read), roster: read(coalition('people.csv')) }));
  const named = nameSurveyWaves(run.value, ['w1', 'w2']);
  return { dataset: named.dataset, issues: run.issues, resolution: named.resolution };
}

describe('the CLI and the app run one pipeline', () => {
  it('on an undirected network (one relation of the demo)', async () => {
    const fromCli = await cli(['--edges', demo('ties.csv'), '--nodes', demo('people.csv'), '--relation', 'collaboration', '--seed', '7']);
    const fromApp = await app(demoDataset(), { relations: ['collaboration'], seed: 7 });
    expect((fromCli.report.settings as { directed: boolean }).directed).toBe(false);
    expectSameReports(fromCli.report, fromApp.report);
    expectSameCsv(fromCli.csv, fromApp.csv);
    expect(fromCli.csv.split('\n')[0]).toContain('coreScore');
    expect(fromCli.csv.split('\n')[0]).not.toContain('inDegree');
  });

  it('on a directed network (every relation of the demo, grouped by sector)', async () => {
    const fromCli = await cli(['--edges', demo('ties.csv'), '--nodes', demo('people.csv'), '--group-by', 'sector']);
    const fromApp = await app(demoDataset(), { groupBy: 'sector' });
    expect((fromCli.report.settings as { directed: boolean }).directed).toBe(true);
    expect(fromCli.report.equity).toBeDefined();
    expectSameReports(fromCli.report, fromApp.report);
    expectSameCsv(fromCli.csv, fromApp.csv);
    expect(fromCli.csv.split('\n')[0]).toContain('inDegree');
  });

  it('on a two-wave survey, with the change between waves', async () => {
    const args = ['--wave', `w1=${coalition('survey_wave1.csv')}`, '--wave', `w2=${coalition('survey_wave2.csv')}`, '--roster', coalition('people.csv')];
    const fromCli = await cli(args);
    const { dataset, ...imported } = coalitionWaves();
    const fromApp = await app(dataset, {}, imported);
    expect(fromCli.report.change).toBeDefined();
    expectSameReports(fromCli.report, fromApp.report);
    expectSameCsv(fromCli.csv, fromApp.csv);
  });

  it('on a subset of the relations: the change section compares only the chosen ones', async () => {
    const { dataset, ...imported } = coalitionWaves();
    const relation = dataset.relations[0]!.name;
    const args = ['--wave', `w1=${coalition('survey_wave1.csv')}`, '--wave', `w2=${coalition('survey_wave2.csv')}`, '--roster', coalition('people.csv'), '--relation', relation];
    const fromCli = await cli(args);
    const fromApp = await app(dataset, { relations: [relation] }, imported);
    expect((fromApp.report.change as { settings: { relations: string[] } }).settings.relations).toEqual([relation]);
    expectSameReports(fromCli.report, fromApp.report);
    expectSameCsv(fromCli.csv, fromApp.csv);
  });
});
