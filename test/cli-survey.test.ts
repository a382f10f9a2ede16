/**
 * `netweave analyze --survey` as a user runs it: survey exports (CSV or XLSX) and a roster in,
 * a report with every written name's resolution out.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../src/engine/io/csv-read.ts';
import { readSoFar } from '../src/engine/core/util/result.ts';
import type { Report } from '../src/engine/report/types.ts';
import { makeXlsx } from './fixtures/survey/make-xlsx.ts';
import { COALITION_DIR as coalition } from './helpers/samples.ts';
import { netweave } from './helpers/cli.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = join(root, 'data/survey-example');


const tmp = (): string => mkdtempSync(join(tmpdir(), 'nw-survey-'));

describe('netweave analyze --survey', () => {
  it('imports the example survey with its roster and reports every name written', async () => {
    const out = join(tmp(), 'report.json');
    const r = await netweave('analyze', '--survey', join(example, 'survey.csv'), '--roster', join(example, 'roster.csv'), '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    const resolution = report.resolution ?? [];
    expect(resolution.length).toBeGreaterThan(40);
    for (const entry of resolution) {
      expect(Object.keys(entry).sort()).toEqual(['confidence', 'person', 'question', 'respondent', 'written']);
      expect(entry.confidence).toBeGreaterThanOrEqual(0);
      expect(entry.confidence).toBeLessThanOrEqual(1);
    }
    const find = (respondent: string, written: string) => resolution.find((e) => e.respondent === respondent && e.written === written);
    expect(find('Amara Osei', 'Kate Walsh')).toMatchObject({ person: 'Katherine Walsh', question: 'advice' });
    expect(find('Chiara Bianchi', 'Bob Dalton')).toMatchObject({ person: 'Robert Dalton', question: 'collaborate' });
    expect(find('Hana Kimura', 'Mendoza, Luis')).toMatchObject({ person: 'Luis Mendoza', confidence: 1 });
    expect(find('Mariam Nasser', 'my whole team')).toMatchObject({ person: null, confidence: 0 });
    expect(find('Elif Yilmaz', 'Elif Yilmaz')).toMatchObject({ person: null });
    // Ambiguous names: resolved by the best match above the threshold, and listed in the warnings.
    expect(find('Dev Kapoor', 'J. Chen')?.person).toBe('Jia Chen');
    expect(find('Mariam Nasser', 'J. Chen')?.person).toBe('Jun Chen');
    const ambiguous = report.warnings.filter((w) => w.code === 'ambiguous-name-resolved');
    expect(ambiguous.map((w) => w.row)).toEqual([5, 13]);
    expect(ambiguous[0]?.message).toMatch(/"J\. Chen".*could be "Jia Chen".*or "Jun Chen"/);
    expect(report.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['blank-row', 'duplicate-submission', 'self-nomination', 'not-a-person', 'not-on-roster']));
    // Nodes keep roster and survey attributes, email included.
    const amara = report.nodes.find((n) => n.id === 'Amara Osei');
    expect(amara?.attributes).toMatchObject({ email: 'amara.osei@lakeside-food.example', organization: 'Lakeside Food Bank', region: 'North', responded: true });
    expect(report.nodes.find((n) => n.id === 'Pedro Ramos')?.attributes).toMatchObject({ responded: false, email: 'pedro.ramos@eastside-farms.example' });
    expect(report.settings.directed).toBe(true);
    expect(report.dataset.relations).toEqual(['collaborate', 'advice']);
  });

  it('reads the survey from an XLSX workbook the same way', async () => {
    const dir = tmp();
    const csv = readSoFar(readCsv(readFileSync(join(example, 'survey.csv'), 'utf8'), { file: 'survey.csv' }));
    if (csv === undefined) throw new Error('example survey');
    writeFileSync(join(dir, 'survey.xlsx'), makeXlsx([{ name: 'Form Responses 1', rows: [csv.headers, ...csv.records.map((r) => r.cells)] }]));
    const fromCsv = join(dir, 'csv.json');
    const fromXlsx = join(dir, 'xlsx.json');
    expect((await netweave('analyze', '--survey', join(example, 'survey.csv'), '--roster', join(example, 'roster.csv'), '--out', fromCsv)).code).toBe(0);
    const r = await netweave('analyze', '--survey', join(dir, 'survey.xlsx'), '--roster', join(example, 'roster.csv'), '--out', fromXlsx);
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(readFileSync(fromCsv, 'utf8')) as Report;
    const b = JSON.parse(readFileSync(fromXlsx, 'utf8')) as Report;
    expect(b.resolution).toEqual(a.resolution);
    expect(b.edges).toEqual(a.edges);
  });

  it('leaves ambiguous names unresolved below --match-threshold and re-applies --decisions', async () => {
    const dir = tmp();
    const strict = join(dir, 'strict.json');
    expect((await netweave('analyze', '--survey', join(example, 'survey.csv'), '--roster', join(example, 'roster.csv'), '--match-threshold', '0.95', '--out', strict)).code).toBe(0);
    const report = JSON.parse(readFileSync(strict, 'utf8')) as Report;
    expect(report.resolution?.filter((e) => e.written === 'J. Chen').map((e) => e.person)).toEqual([null, null]);
    expect(report.warnings.filter((w) => w.code === 'ambiguous-name')).toHaveLength(2);

    const decisions = join(dir, 'decisions.json');
    writeFileSync(
      decisions,
      JSON.stringify({ format: 'netweave-resolution-decisions', version: 1, decisions: [{ action: 'match', written: 'J. Chen', respondent: 'Dev Kapoor', person: 'Jun Chen' }] }),
    );
    const decided = join(dir, 'decided.json');
    const r = await netweave('analyze', '--survey', join(example, 'survey.csv'), '--roster', join(example, 'roster.csv'), '--decisions', decisions, '--out', decided);
    expect(r.code, r.stderr).toBe(0);
    const after = JSON.parse(readFileSync(decided, 'utf8')) as Report;
    expect(after.resolution?.find((e) => e.respondent === 'Dev Kapoor' && e.written === 'J. Chen')).toMatchObject({ person: 'Jun Chen', confidence: 1 });
  });

  it('works without a roster, clustering the names written', async () => {
    const out = join(tmp(), 'report.json');
    const r = await netweave('analyze', '--survey', join(example, 'survey.csv'), '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.resolution?.find((e) => e.written === 'Kate Walsh')?.person).toBe('Katherine Walsh');
    expect(report.nodes.find((n) => n.id === 'Hana Kimura' || n.label === 'Hana Kimura')).toBeDefined();
  });

  it('rejects a wrong command line with exit code 2, unusable input with 1', async () => {
    expect((await netweave('analyze', '--roster', join(example, 'roster.csv'))).code).toBe(2);
    expect((await netweave('analyze', '--survey', join(example, 'survey.csv'), '--match-threshold', '2')).code).toBe(2);
    const dir = tmp();
    writeFileSync(join(dir, 'anon.csv'), 'Colour,Who do you work with?\nblue,"Maria Lopez, Jin Chen"\n');
    const r = await netweave('analyze', '--survey', join(dir, 'anon.csv'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/anon\.csv, row 1: no column says who answered/);
    const missing = await netweave('analyze', '--survey', join(dir, 'nope.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/file not found/);
  });

  it('runs the two-wave coalition survey with its roster (data/samples/coalition)', async () => {
    const out = join(tmp(), 'report.json');
    const r = await netweave(
      'analyze',
      '--survey',
      join(coalition, 'survey_wave1.csv'),
      '--survey',
      join(coalition, 'survey_wave2.csv'),
      '--roster',
      join(coalition, 'people.csv'),
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(report.summary.nodes).toBe(120);
    expect(new Set(report.resolution?.map((e) => e.wave))).toEqual(new Set(['survey_wave1', 'survey_wave2']));
    const people = JSON.parse(readFileSync(join(coalition, 'truth/people.json'), 'utf8')) as Array<{ id: string; email: string }>;
    const mentions = JSON.parse(readFileSync(join(coalition, 'truth/mentions.json'), 'utf8')) as Array<{ wave: number; respondent: string; person: string; question: string }>;
    const emailOf = new Map(report.nodes.map((n) => [n.id, n.attributes['email']]));
    const idOf = new Map(people.map((p) => [p.email, p.id]));
    const truthId = (id: string): string => idOf.get(String(emailOf.get(id))) ?? `?${id}`;
    const truth = new Set(mentions.map((m) => `${m.wave}|${m.respondent}|${m.question}|${m.person}`));
    const found = new Set(
      (report.resolution ?? [])
        .filter((e) => e.person !== null)
        .map((e) => `${e.wave?.slice(-1)}|${truthId(e.respondent)}|${e.question}|${truthId(e.person as string)}`),
    );
    const hits = [...found].filter((p) => truth.has(p)).length;
    expect(hits / found.size).toBeGreaterThanOrEqual(0.98);
    expect(hits / truth.size).toBeGreaterThanOrEqual(0.98);
  }, 60_000);
});
