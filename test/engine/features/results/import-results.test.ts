/**
 * The results templates read and put together: the coalition sample's files as a user would
 * drop them, the templates the app offers, and the bad input of issue #21 (dates out of order
 * or twice, values that are not numbers, unknown results, a scorecard's values merged with the
 * template's targets, a result with no indicator).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessResultsFileKind, importResultsFiles, type ResultsSourceFile } from '../../../../src/engine/features/results/import-results.ts';
import { RESULTS_FILE_KINDS, type ResultsFileKind } from '../../../../src/engine/features/results/results-file-kinds.ts';
import { RESULTS_TEMPLATES, resultsTemplateCsv } from '../../../../src/engine/features/results/templates.ts';
import { readDay, readNumber } from '../../../../src/engine/features/results/table-cells.ts';
import { parseResultsSet } from '../../../../src/engine/core/model/results.ts';
import { RESULTS_DIR } from './helpers.ts';
import { workbook } from '../../../helpers/workbook.ts';

const file = (kind: ResultsFileKind, name: string, text: string): ResultsSourceFile => ({ kind, name, text });
const sample = (kind: ResultsFileKind, name: string): ResultsSourceFile => file(kind, name, readFileSync(`${RESULTS_DIR}${name}`, 'utf8'));
const RESULTS = 'result,population,condition\nReady,Children,Ready to learn\n';
const where = (issues: Array<{ file?: string; row?: number; field?: string; code: string }>): string[] => issues.map((i) => `${i.code} ${i.file}:${i.row}:${i.field}`);

describe('importResultsFiles', () => {
  it('reads the coalition sample: results, indicators sorted by date, measures, actions, commitments and the scorecard', () => {
    const read = importResultsFiles([
      sample('results', 'results.csv'),
      sample('indicators', 'indicators.csv'),
      sample('strategies', 'strategies.csv'),
      sample('actions', 'actions.csv'),
      sample('commitments', 'commitments.csv'),
      sample('scorecard', 'scorecard-data-values.csv'),
    ]);
    expect(read.ok, JSON.stringify(read.issues)).toBe(true);
    if (!read.ok) return;
    const set = read.value;
    expect(set.results.map((r) => r.id)).toEqual(['Clean air in the valley', 'A clean energy economy for all', 'Energy-secure households']);
    const asthma = set.indicators.find((i) => i.id.startsWith('Asthma'))!;
    expect(asthma).toMatchObject({ result: 'Clean air in the valley', factor: 'Community health impacts', better: 'down', baseline: 84, source: 'County hospital discharge data' });
    expect(asthma.points.map((p) => p.date)).toEqual(['2019-01-01', '2020-01-01', '2021-01-01', '2022-01-01', '2023-01-01', '2024-01-01', '2027-01-01']);
    expect(asthma.points.at(-1)).toMatchObject({ target: 55 });
    expect(asthma.points.at(-1)!.actual).toBeUndefined();
    // The scorecard's mid-2025 value joins the template's yearly ones; its measure value joins the strategy's.
    expect(set.indicators.find((i) => i.id.startsWith('Clean energy jobs'))!.points.at(-1)).toMatchObject({ date: '2025-06-30', actual: 16.9, target: 21, note: 'Mid-year estimate' });
    expect(set.measures.find((m) => m.id === 'Homes weatherised')!.points.map((p) => [p.date, p.actual, p.target])).toEqual([['2023-12-31', 95, 100], ['2024-01-01', 180, 250], ['2025-01-01', 310, 500]]);
    expect(set.measures.map((m) => m.kind)).toEqual(['how-much', 'how-well', 'better-off', 'how-much', 'how-well', 'better-off']);
    expect(set.actions).toHaveLength(10);
    expect(set.actions[0]).toMatchObject({ by: ['Resident org 9', 'Faith org 2', 'Elena Singh'], factor: 'Energy efficiency programs', direction: 'increase', start: '2024-03-01', end: '2025-10-31', status: 'in-progress' });
    expect(set.commitments.map((c) => c.status)).toEqual(['in-progress', 'kept', 'made', 'not-kept', 'kept']);
    expect(where(read.issues)).toEqual(['dates-out-of-order indicators.csv:5:date', 'no-indicator results.csv:4:undefined']);
    // What was read validates as a saved set would.
    expect(parseResultsSet(JSON.parse(JSON.stringify(set))).ok).toBe(true);
  });

  it('reads every template it offers, together', () => {
    const read = importResultsFiles(RESULTS_FILE_KINDS.map((kind) => file(kind, RESULTS_TEMPLATES[kind].file, resultsTemplateCsv(kind))));
    expect(read.ok, JSON.stringify(read.issues)).toBe(true);
    if (read.ok) expect(read.value.indicators[0]!.points.at(-1)).toMatchObject({ date: '2025-01-01', target: 70 });
  });

  it('names file, row and field for a value that is not a number, and keeps nothing', () => {
    const read = importResultsFiles([file('results', 'results.csv', RESULTS), file('indicators', 'ind.csv', 'indicator,result,factor,date,value,target,baseline,better\nReadiness,Ready,F,2021,48,,,up\nReadiness,Ready,F,2022,about 50,,,up\nReadiness,Ready,F,2023,,sixty,,up\n')]);
    expect(read.ok).toBe(false);
    expect(read.ok ? undefined : read.partial).toBeUndefined();
    expect(read.issues.filter((i) => i.level === 'error').map((i) => `${i.file}:${i.row}:${i.field} ${i.message}`)).toEqual(['ind.csv:3:value "about 50" is not a number', 'ind.csv:4:target "sixty" is not a number']);
  });

  it('merges a date given twice with the same values, and refuses two different values on one date', () => {
    const same = importResultsFiles([file('indicators', 'ind.csv', 'indicator,result,date,value,better\nR,Ready,2021,48,up\nR,Ready,2021,48,up\n')]);
    expect(same.ok).toBe(true);
    if (same.ok) expect(same.value.indicators[0]!.points).toHaveLength(1);
    expect(where(same.issues)).toContain('duplicate-date ind.csv:3:date');
    const clash = importResultsFiles([file('indicators', 'ind.csv', 'indicator,result,date,value,better\nR,Ready,2021,48,up\nR,Ready,2021,50,up\n')]);
    expect(clash.ok).toBe(false);
    expect(clash.issues.find((i) => i.level === 'error')).toMatchObject({ code: 'duplicate-date', file: 'ind.csv', row: 3, field: 'date' });
    expect(clash.issues.find((i) => i.level === 'error')!.message).toMatch(/48 \(ind\.csv row 2\) and 50/);
  });

  it('refuses a result the results file does not list, and takes results from names without one', () => {
    const unknown = importResultsFiles([file('results', 'results.csv', RESULTS), file('actions', 'actions.csv', 'action,result,by,factor,direction,start,end,status\nA,Readdy,Ana,F,increase,,,\n')]);
    expect(unknown.ok).toBe(false);
    expect(unknown.issues[0]).toMatchObject({ code: 'unknown-result', file: 'actions.csv', row: 2, field: 'result' });
    const named = importResultsFiles([file('actions', 'actions.csv', 'action,result,by,factor,direction\nA,Ready,Ana; Org B,F,up\n')]);
    expect(named.ok).toBe(true);
    if (named.ok) expect(named.value.actions[0]).toMatchObject({ result: 'Ready', by: ['Ana', 'Org B'], direction: 'increase', status: 'planned' });
    expect(named.issues.map((i) => i.code)).toEqual(['results-from-names', 'no-indicator']);
  });

  it('says what a bad keyword or date should be, and which columns are missing', () => {
    const read = importResultsFiles([
      file('actions', 'actions.csv', 'action,result,by,factor,direction,start,end,status\nA,R,Ana,F,sideways,2024-02-30,,\nB,R,Ana,F,increase,,,maybe\n'),
      file('commitments', 'c.csv', 'who,what\nAna,x\n'),
    ]);
    expect(read.ok).toBe(false);
    expect(read.issues.filter((i) => i.level === 'error').map((i) => `${i.file}:${i.row}:${i.field}:${i.code}`)).toEqual(['actions.csv:2:direction:bad-direction', 'actions.csv:2:start:bad-date', 'actions.csv:3:status:bad-status', 'c.csv:1:undefined:missing-column']);
  });

  it('reads a Clear Impact data-values file with its own headers and MM/DD/YYYY dates', () => {
    const read = importResultsFiles([
      file('indicators', 'ind.csv', 'indicator,result,factor,date,value,target,baseline,better\nReadiness,Ready,F,2021,48,,48,up\n'),
      file('scorecard', 'export.csv', 'ID,Measure Type,Actual Value Date,Target Value,Actual Value,Comment\nreadiness,i,03/15/2022,55,51.5,\nUnlisted,I,2022-03-15,,7,\n'),
    ]);
    expect(read.ok, JSON.stringify(read.issues)).toBe(true);
    if (!read.ok) return;
    expect(read.value.indicators[0]!.points).toEqual([{ date: '2021-01-01', actual: 48, file: 'ind.csv', row: 2 }, { date: '2022-03-15', actual: 51.5, target: 55, file: 'export.csv', row: 2 }]);
    expect(read.value.indicators[1]).toMatchObject({ id: 'Unlisted', result: null });
    expect(where(read.issues)).toContain('unknown-indicator export.csv:3:undefined');
  });
});

describe('importResultsFiles with a workbook', () => {
  it('reads an indicators sheet like the CSV, and names the workbook, row and field of a bad value', () => {
    const rows = [['indicator', 'result', 'factor', 'date', 'value', 'target', 'baseline', 'better'], ['Readiness', 'Ready', 'F', '2022', '51', '55', '48', 'up'], ['Readiness', 'Ready', 'F', '2021', '48', '', '', '']];
    const read = importResultsFiles([{ kind: 'indicators', name: 'indicators.xlsx', text: '', bytes: workbook(rows) }]);
    expect(read.ok, JSON.stringify(read.issues)).toBe(true);
    if (read.ok) expect(read.value.indicators[0]!.points.map((p) => [p.date, p.actual, p.target])).toEqual([['2021-01-01', 48, undefined], ['2022-01-01', 51, 55]]);
    const bad = importResultsFiles([{ kind: 'indicators', name: 'indicators.xlsx', text: '', bytes: workbook([rows[0]!, ['Readiness', 'Ready', 'F', '2022', 'n/a', '', '', 'up']]) }]);
    expect(bad.issues.find((i) => i.level === 'error')).toMatchObject({ file: 'indicators.xlsx', row: 2, field: 'value' });
  });
});

describe('guessResultsFileKind', () => {
  it('tells every template and a Clear Impact export by its headers, and says nothing of other tables', () => {
    for (const kind of RESULTS_FILE_KINDS) expect(guessResultsFileKind(resultsTemplateCsv(kind).split('\n')[0]!.split(','))).toBe(kind);
    expect(guessResultsFileKind(['ID', 'Measure Type', 'Actual Value Date', 'Target Value', 'Actual Value', 'Comment'])).toBe('scorecard');
    expect(guessResultsFileKind(['source', 'target', 'weight'])).toBeUndefined();
  });
});

describe('readDay and readNumber', () => {
  it('read the periods and formats indicators come in', () => {
    expect(['2021', '2021-03', '2021 Q2', 'Q4 2020', '06/30/2024', '2024-06-30', 'Mar 5, 2024', '2024-02-30', 'soon'].map(readDay)).toEqual(['2021-01-01', '2021-03-01', '2021-04-01', '2020-10-01', '2024-06-30', '2024-06-30', '2024-03-05', undefined, undefined]);
    expect(['45%', '$1200', '12,500', '1,5', '-3.2', 'n/a'].map((t) => readNumber(t, false))).toEqual([45, 1200, 12500, undefined, -3.2, undefined]);
    expect(readNumber('1,5', true)).toBe(1.5);
  });
});
