/**
 * Results from the files a user drops, each named by what it holds (`ResultsFileKind`), put
 * together into one `ResultsSet`:
 *
 * - each indicator's rows become one indicator (result, factor, better, baseline, source and
 *   story from its first row that gives them; rows that disagree are an error naming both);
 * - every series (an indicator's or a measure's points, from its own file and from scorecard
 *   files) is sorted by date, with a warning when the file had them out of order; two points on
 *   one date are merged when they agree or complete each other (an actual from the scorecard, a
 *   target from the template), else an error naming both rows;
 * - results named by other files must be in the results file when one is given (else an error
 *   naming file, row and field); without one, each name becomes a result, with a warning;
 * - a result with no indicator is allowed and flagged; a scorecard id naming no indicator becomes
 *   an indicator of no result, with a warning.
 *
 * Whole import: any error and the result carries no set, so the project keeps what it had.
 * Never throws.
 */
import type { SourceFile } from '../../io/types.ts';
import type { ResultsFileKind } from './results-file-kinds.ts';
import type { CsvTable } from '../../io/csv-read.ts';
import { readSurveyTable } from '../../io/read-table.ts';
import { findColumn } from '../../io/csv-columns.ts';
import type { InputIssue } from '../../core/util/issues.ts';
import { fail, hasErrors, ok, readSoFar, resultOrNothing, type Reading, type Result } from '../../core/util/result.ts';
import { checkResultsSet, ResultsSetSchema, type DataPoint, type ResultsSet, type ResultsSetInput } from '../../core/model/results.ts';
import { zodIssuesToInputIssues } from '../../core/util/zod-issues.ts';
import {
  emptyDrafts,
  parseActionsTable,
  parseCommitmentsTable,
  parseIndicatorsTable,
  parseResultsTable,
  parseScorecardTable,
  parseStrategiesTable,
  type IndicatorDraft,
  type RawPoint,
  type TableDrafts,
} from './import-tables.ts';

/** A table already read, with what it holds. */
export interface ResultsTable {
  kind: ResultsFileKind;
  table: CsvTable;
}

/** A file (CSV or XLSX) with what it holds. */
export type ResultsSourceFile = SourceFile & { kind: ResultsFileKind };

/** Header sets that tell each kind apart, most specific first (headers compared as `findColumn` does). */
const KIND_SIGNS: Array<[ResultsFileKind, string[][]]> = [
  ['scorecard', [['actual value date'], ['measure type', 'actual value']]],
  ['indicators', [['indicator', 'date'], ['indicator', 'value'], ['indicator', 'better']]],
  ['actions', [['action', 'direction']]],
  ['strategies', [['strategy', 'result']]],
  ['commitments', [['who', 'result']]],
  ['results', [['result', 'population'], ['result', 'condition']]],
];

/** What a results table holds, judged from its headers; undefined when it is none of the templates. */
export function guessResultsFileKind(headers: readonly string[]): ResultsFileKind | undefined {
  const has = (name: string): boolean => findColumn(headers, [name]) !== undefined;
  return KIND_SIGNS.find(([, signs]) => signs.some((sign) => sign.every(has)))?.[0];
}

const READERS: Record<ResultsFileKind, (table: CsvTable) => Reading<TableDrafts>> = {
  results: parseResultsTable,
  indicators: parseIndicatorsTable,
  strategies: parseStrategiesTable,
  actions: parseActionsTable,
  commitments: parseCommitmentsTable,
  scorecard: parseScorecardTable,
};

const where = (d: { file: string; row: number }, field?: string): Pick<InputIssue, 'file' | 'row' | 'field'> => ({ file: d.file, row: d.row, ...(field !== undefined ? { field } : {}) });
const fold = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

function merge(into: TableDrafts, part: TableDrafts): void {
  into.results.push(...part.results);
  into.indicators.push(...part.indicators);
  into.strategies.push(...part.strategies);
  into.measures.push(...part.measures);
  into.actions.push(...part.actions);
  into.commitments.push(...part.commitments);
  into.points.push(...part.points);
  into.listsResults ||= part.listsResults;
}

/** An indicator's fields merged over its rows, with the row each was first given in. */
type IndicatorBuild = Omit<IndicatorDraft, 'fields'> & { rows: Record<string, number> };

/** One indicator per id, its fields from the first row that gives them; disagreement is an error. */
function buildIndicators(drafts: readonly IndicatorDraft[], issues: InputIssue[]): Map<string, IndicatorBuild> {
  const byId = new Map<string, IndicatorBuild>();
  for (const d of drafts) {
    const build = byId.get(d.id) ?? { id: d.id, file: d.file, row: d.row, rows: {} };
    byId.set(d.id, build);
    for (const key of ['result', 'factor', 'better', 'baseline', 'source', 'story'] as const) {
      const value = d[key];
      if (value === undefined) continue;
      const known = build[key];
      if (known === undefined) {
        (build as unknown as Record<string, unknown>)[key] = value;
        build.rows[key] = d.row;
      } else if (known !== value) {
        const hard = key === 'result' || key === 'factor' || key === 'better' || key === 'baseline';
        issues.push({
          level: hard ? 'error' : 'warning',
          code: 'conflict',
          message: `the indicator "${d.id}" has the ${key} ${JSON.stringify(known)} in row ${build.rows[key]} and ${JSON.stringify(value)} here${hard ? '' : '; the first is kept'}`,
          ...where(d, d.fields[key]),
        });
      }
    }
  }
  return byId;
}

/** A series' points sorted by date, one per date (see the module note). */
function buildSeries(points: readonly RawPoint[], label: string, issues: InputIssue[]): DataPoint[] {
  const sameFile = points.every((p) => p.file === points[0]?.file);
  for (let i = 1; i < points.length && sameFile; i++) {
    if (points[i]!.date < points[i - 1]!.date) {
      issues.push({ level: 'warning', code: 'dates-out-of-order', message: `the dates of ${label} are not in order (${points[i - 1]!.date} before ${points[i]!.date}); they were sorted`, ...where(points[i]!, 'date') });
      break;
    }
  }
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: Array<DataPoint & { file: string; row: number }> = [];
  for (const p of sorted) {
    const last = out.at(-1);
    const point = { date: p.date, ...(p.actual !== undefined ? { actual: p.actual } : {}), ...(p.target !== undefined ? { target: p.target } : {}), ...(p.note !== undefined ? { note: p.note } : {}), file: p.file, row: p.row };
    if (last === undefined || last.date !== p.date) {
      out.push(point);
      continue;
    }
    const clash = (['actual', 'target'] as const).filter((k) => last[k] !== undefined && p[k] !== undefined && last[k] !== p[k]);
    if (clash.length > 0) {
      issues.push({
        level: 'error',
        code: 'duplicate-date',
        message: `${label} has two ${clash.join(' and ')} values on ${p.date}: ${clash.map((k) => `${last[k]} (${last.file} row ${last.row}) and ${p[k]}`).join('; ')}; keep one`,
        ...where(p, 'date'),
      });
      continue;
    }
    if (p.file === last.file && p.actual === last.actual && p.target === last.target) {
      issues.push({ level: 'warning', code: 'duplicate-date', message: `${label} lists ${p.date} twice with the same values (also row ${last.row}); counted once`, ...where(p, 'date') });
    }
    if (last.actual === undefined && p.actual !== undefined) last.actual = p.actual;
    if (last.target === undefined && p.target !== undefined) last.target = p.target;
    if (last.note === undefined && p.note !== undefined) last.note = p.note;
  }
  return out;
}

/** Puts read tables together into one set. */
export function assembleResults(parts: ReadonlyArray<Reading<TableDrafts>>): Result<ResultsSet> {
  const issues: InputIssue[] = [];
  const drafts = emptyDrafts();
  for (const part of parts) {
    issues.push(...part.issues);
    merge(drafts, readSoFar(part));
  }

  // Results: the results file's, else the names the other files use.
  const results = new Map<string, { id: string; population: string; condition: string; file?: string; row?: number }>();
  for (const r of drafts.results) {
    if (results.has(r.id)) issues.push({ level: 'error', code: 'duplicate-id', message: `the result "${r.id}" is listed twice (also row ${results.get(r.id)!.row})`, ...where(r, 'result') });
    else results.set(r.id, r);
  }
  const resultByName = new Map([...results.keys()].map((id) => [fold(id), id]));
  const created: string[] = [];
  /** The result id a name means, or undefined (an error is already reported). */
  const resultOf = (name: string, at: { file: string; row: number }, field: string): string | undefined => {
    const id = resultByName.get(fold(name));
    if (id !== undefined) return id;
    if (drafts.listsResults) {
      issues.push({ level: 'error', code: 'unknown-result', message: `"${name}" is not a result of the results file (${[...results.keys()].map((k) => JSON.stringify(k)).join(', ') || 'none'})`, ...where(at, field) });
      return undefined;
    }
    results.set(name, { id: name, population: '', condition: '' });
    resultByName.set(fold(name), name);
    created.push(name);
    return name;
  };

  const indicators = buildIndicators(drafts.indicators, issues);
  const measures = new Map(drafts.measures.map((m) => [m.id, m]));
  const indicatorByName = new Map([...indicators.keys()].map((id) => [fold(id), id]));
  const measureByName = new Map([...measures.keys()].map((id) => [fold(id), id]));
  const series = new Map<string, RawPoint[]>();
  for (const p of drafts.points) {
    let key: string | undefined;
    if (p.kind === 'measure') {
      const id = measureByName.get(fold(p.series));
      if (id === undefined) {
        issues.push({ level: 'error', code: 'unknown-measure', message: `"${p.series}" is a performance measure no strategies file lists; add it there (strategy, result, measure, kind) so its values have a home`, ...where(p) });
        continue;
      }
      key = `m\u0000${id}`;
    } else {
      let id = indicatorByName.get(fold(p.series));
      if (id === undefined) {
        id = p.series;
        indicators.set(id, { id, file: p.file, row: p.row, rows: {} });
        indicatorByName.set(fold(id), id);
        issues.push({ level: 'warning', code: 'unknown-indicator', message: `"${id}" is not in the indicators file; its values are kept as an indicator of no result`, ...where(p) });
      }
      key = `i\u0000${id}`;
    }
    const list = series.get(key) ?? [];
    list.push(p);
    series.set(key, list);
  }

  const input: ResultsSetInput = { results: [], indicators: [], strategies: [], measures: [], actions: [], commitments: [] };
  for (const build of indicators.values()) {
    const result = build.result === undefined ? null : resultOf(build.result, { file: build.file, row: build.rows.result ?? build.row }, 'result') ?? null;
    if (build.better === undefined) issues.push({ level: 'warning', code: 'no-better', message: `the indicator "${build.id}" does not say whether up or down is better; read as up (more is better)`, file: build.file, row: build.row, field: 'better' });
    input.indicators!.push({
      id: build.id,
      result,
      factor: build.factor ?? null,
      better: build.better ?? 'up',
      ...(build.baseline !== undefined ? { baseline: build.baseline } : {}),
      source: build.source ?? '',
      story: build.story ?? '',
      points: buildSeries(series.get(`i\u0000${build.id}`) ?? [], `the indicator "${build.id}"`, issues),
      file: build.file,
      row: build.row,
    });
  }
  for (const s of drafts.strategies) {
    const result = resultOf(s.result, s, 'result');
    if (result !== undefined) input.strategies!.push({ id: s.id, result, description: s.description, file: s.file, row: s.row });
  }
  for (const m of measures.values()) {
    input.measures!.push({ id: m.id, strategy: m.strategy, kind: m.kind, better: m.better ?? 'up', points: buildSeries(series.get(`m\u0000${m.id}`) ?? [], `the measure "${m.id}"`, issues), file: m.file, row: m.row });
  }
  const actionIds = new Map<string, number>();
  for (const a of drafts.actions) {
    const result = resultOf(a.result, a, 'result');
    if (result === undefined) continue;
    // Actions are often named by what they do; two rows of the same words are two actions.
    const seen = actionIds.get(a.id) ?? 0;
    actionIds.set(a.id, seen + 1);
    const id = seen === 0 ? a.id : `${a.id} (${seen + 1})`;
    input.actions!.push({ id, result, by: a.by, factor: a.factor, direction: a.direction, ...(a.start !== undefined ? { start: a.start } : {}), ...(a.end !== undefined ? { end: a.end } : {}), status: a.status, file: a.file, row: a.row });
  }
  for (const c of drafts.commitments) {
    const result = resultOf(c.result, c, c.fields.result);
    if (result === undefined) continue;
    input.commitments!.push({ who: c.who, result, what: c.what, ...(c.date !== undefined ? { date: c.date } : {}), ...(c.due !== undefined ? { due: c.due } : {}), status: c.status, file: c.file, row: c.row });
  }
  input.results = [...results.values()].map((r) => ({ id: r.id, population: r.population, condition: r.condition, ...(r.file !== undefined ? { file: r.file } : {}), ...(r.row !== undefined ? { row: r.row } : {}) }));

  if (created.length > 0) issues.push({ level: 'warning', code: 'results-from-names', message: `no results file was given, so ${created.length === 1 ? 'the result' : 'the results'} ${created.map((c) => JSON.stringify(c)).join(', ')} ${created.length === 1 ? 'was' : 'were'} taken from the names the files use, with no population or condition` });
  for (const r of input.results) {
    if (!input.indicators!.some((i) => i.result === r.id)) {
      issues.push({ level: 'warning', code: 'no-indicator', message: `the result "${r.id}" has no indicator yet, so no curve shows how it is doing`, ...(r.file !== undefined ? { file: r.file } : {}), ...(r.row !== undefined ? { row: r.row } : {}) });
    }
  }
  const parsed = ResultsSetSchema.safeParse(input);
  if (!parsed.success) return fail([...issues, ...zodIssuesToInputIssues(parsed.error.issues, input, undefined)]);
  return resultOrNothing(parsed.data, [...issues, ...checkResultsSet(parsed.data)]);
}

/** Reads tables (already read from CSV or a workbook) and puts them together. */
export function importResultsTables(tables: readonly ResultsTable[]): Result<ResultsSet> {
  return assembleResults(tables.map((t) => READERS[t.kind](t.table)));
}

/** Reads files (CSV or XLSX, each with its kind) and puts them together. Never throws. */
export function importResultsFiles(files: readonly ResultsSourceFile[]): Result<ResultsSet> {
  const issues: InputIssue[] = [];
  const tables: ResultsTable[] = [];
  for (const file of files) {
    const read = readSurveyTable(file);
    issues.push(...read.issues);
    if (read.ok) tables.push({ kind: file.kind, table: read.value });
  }
  const assembled = importResultsTables(tables);
  const all = [...issues, ...assembled.issues];
  return assembled.ok && !hasErrors(all) ? ok(assembled.value, all) : fail(all);
}
