/**
 * The results templates, one reader per table (CSV, or a workbook sheet read as a `CsvTable`):
 *
 * ```text
 * results.csv      result,population,condition
 * indicators.csv   indicator,result,factor,date,value,target,baseline,better[,source][,story]
 *                  (one row per date; better up or down)
 * strategies.csv   strategy,result,measure,kind,date,value,target[,better][,description]
 *                  (kind how much, how well or better off; a row without a measure is the
 *                  strategy alone)
 * actions.csv      action,result,by,factor,direction,start,end,status
 *                  (by: people or organisations separated by ;)
 * commitments.csv  who,result,what,date,due,status
 * scorecard CSV    id,measure_type,actual_value_date,target_value,actual_value,comment
 *                  (Clear Impact's data-values file; headers matched leniently)
 * ```
 *
 * Each reader gives drafts and raw data points with their file and row; `import-results.ts`
 * puts the tables together (points sorted, one per date, results and indicators checked against
 * each other). A bad cell (a date or number that is not one, an unknown keyword) is an error
 * naming file, row and field; the rest of the table is still read, to report every problem at once.
 */
import type { CsvTable } from '../../io/csv-read.ts';
import { IssueLog } from '../../core/util/issues.ts';
import { resultOf, type Reading } from '../../core/util/result.ts';
import type { ActionStatus, Better, CommitmentStatus, Direction, MeasureKind } from '../../core/model/results.ts';
import { fromWords, readDay, readNumber, rowsOf, type ColumnSpec, type Row } from './table-cells.ts';

export interface Where {
  file: string;
  row: number;
}

/** One dated value as read, before a series is sorted and checked. */
export interface RawPoint extends Where {
  /** The indicator or measure id. */
  series: string;
  kind: 'indicator' | 'measure';
  date: string;
  actual?: number;
  target?: number;
  note?: string;
}

export interface ResultDraft extends Where {
  id: string;
  population: string;
  condition: string;
}

/** An indicator's description cells from one row (blank cells left out). */
export interface IndicatorDraft extends Where {
  id: string;
  result?: string;
  factor?: string;
  better?: Better;
  baseline?: number;
  source?: string;
  story?: string;
  /** The field each cell came from, for messages about disagreeing rows. */
  fields: Record<string, string>;
}

export interface StrategyDraft extends Where {
  id: string;
  result: string;
  description: string;
}

export interface MeasureDraft extends Where {
  id: string;
  strategy: string;
  kind: MeasureKind;
  better?: Better;
}

export interface ActionDraft extends Where {
  id: string;
  result: string;
  by: string[];
  factor: string | null;
  direction: Direction;
  start?: string;
  end?: string;
  status: ActionStatus;
  fields: { by: string; factor: string };
}

export interface CommitmentDraft extends Where {
  who: string;
  result: string;
  what: string;
  date?: string;
  due?: string;
  status: CommitmentStatus;
  fields: { who: string; result: string };
}

export interface TableDrafts {
  results: ResultDraft[];
  indicators: IndicatorDraft[];
  strategies: StrategyDraft[];
  measures: MeasureDraft[];
  actions: ActionDraft[];
  commitments: CommitmentDraft[];
  points: RawPoint[];
  /** Whether the file lists results (so other files' results are checked against it). */
  listsResults: boolean;
}

export function emptyDrafts(): TableDrafts {
  return { results: [], indicators: [], strategies: [], measures: [], actions: [], commitments: [], points: [], listsResults: false };
}

const BETTER: Record<string, Better> = {
  up: 'up', higher: 'up', 'higher is better': 'up', increase: 'up', more: 'up', '+': 'up', h: 'up',
  down: 'down', lower: 'down', 'lower is better': 'down', decrease: 'down', less: 'down', '-': 'down', l: 'down',
};
const DIRECTION: Record<string, Direction> = {
  increase: 'increase', up: 'increase', raise: 'increase', more: 'increase', '+': 'increase', strengthen: 'increase', grow: 'increase',
  decrease: 'decrease', down: 'decrease', reduce: 'decrease', lower: 'decrease', less: 'decrease', '-': 'decrease', weaken: 'decrease',
};
const ACTION_STATUS: Record<string, ActionStatus> = {
  '': 'planned', planned: 'planned', 'not started': 'planned', proposed: 'planned', todo: 'planned', 'to do': 'planned',
  'in progress': 'in-progress', ongoing: 'in-progress', started: 'in-progress', active: 'in-progress', underway: 'in-progress', doing: 'in-progress',
  done: 'done', complete: 'done', completed: 'done', finished: 'done',
  stopped: 'stopped', dropped: 'stopped', cancelled: 'stopped', canceled: 'stopped', 'on hold': 'stopped', abandoned: 'stopped',
};
const COMMITMENT_STATUS: Record<string, CommitmentStatus> = {
  '': 'made', made: 'made', committed: 'made', pledged: 'made', open: 'made',
  'in progress': 'in-progress', ongoing: 'in-progress', underway: 'in-progress',
  kept: 'kept', done: 'kept', met: 'kept', fulfilled: 'kept', complete: 'kept', completed: 'kept',
  'not kept': 'not-kept', missed: 'not-kept', broken: 'not-kept', 'not met': 'not-kept', dropped: 'not-kept', withdrawn: 'not-kept',
};
const MEASURE_KIND: Record<string, MeasureKind> = {
  'how much': 'how-much', 'how much did we do': 'how-much', 'how much did we do?': 'how-much', quantity: 'how-much', 'how many': 'how-much',
  'how well': 'how-well', 'how well did we do it': 'how-well', 'how well did we do it?': 'how-well', quality: 'how-well',
  'better off': 'better-off', 'is anyone better off': 'better-off', 'is anyone better off?': 'better-off', impact: 'better-off', outcome: 'better-off',
};

const spec = (aliases: readonly string[], required = false): ColumnSpec => ({ aliases, required });
const RESULT_ID = ['result', 'result id', 'result name', 'name', 'id'];

/** The list of a keyword table's words, for messages. */
const choices = (table: Record<string, string>): string => [...new Set(Object.values(table))].join(', ');

/**
 * The dated value of a row (its date, value as the actual, target), or null when the row gives
 * none or a cell is bad (an error is then logged with the row and field).
 */
function datedValue({ record, cell, field, decimalComma }: Row<'date' | 'value' | 'target'>, log: IssueLog): { date: string; actual?: number; target?: number } | null {
  let bad = false;
  const out: { date?: string; actual?: number; target?: number } = {};
  const dateText = cell(record, 'date');
  if (dateText !== '') {
    const day = readDay(dateText);
    if (day === undefined) {
      log.error('bad-date', `"${dateText}" is not a date (write it as 2024-06-30, 06/30/2024, 2024 or 2024 Q2)`, { row: record.row, field: field('date') });
      bad = true;
    } else out.date = day;
  }
  for (const key of ['value', 'target'] as const) {
    const text = cell(record, key);
    if (text === '') continue;
    const n = readNumber(text, decimalComma);
    if (n === undefined) {
      log.error('not-a-number', `"${text}" is not a number`, { row: record.row, field: field(key) });
      bad = true;
    } else if (key === 'value') out.actual = n;
    else out.target = n;
  }
  if (bad || (out.actual === undefined && out.target === undefined)) return null;
  if (out.date === undefined) {
    log.error('bad-date', 'this value has no date', { row: record.row, field: field('date') });
    return null;
  }
  return { date: out.date, ...(out.actual !== undefined ? { actual: out.actual } : {}), ...(out.target !== undefined ? { target: out.target } : {}) };
}

/** `results.csv`: result, population, condition. */
export function parseResultsTable(table: CsvTable): Reading<TableDrafts> {
  const log = new IssueLog(table.file);
  const drafts = emptyDrafts();
  drafts.listsResults = true;
  for (const row of rowsOf(table, { result: spec(RESULT_ID, true), population: spec(['population', 'who', 'for whom']), condition: spec(['condition', 'condition of well being', 'condition of wellbeing', 'description', 'statement']) }, 'a results file', log)) {
    const { record, cell, field } = row;
    const id = cell(record, 'result');
    if (id === '') {
    log.error('missing-id', 'this result has no name', { row: record.row, field: field('result') });
    continue;
    }
    drafts.results.push({ id, population: cell(record, 'population'), condition: cell(record, 'condition'), file: table.file, row: record.row });
  }
  return resultOf(drafts, log.issues);
}

/** `indicators.csv`, one row per date. */
export function parseIndicatorsTable(table: CsvTable): Reading<TableDrafts> {
  const log = new IssueLog(table.file);
  const drafts = emptyDrafts();
  for (const row of rowsOf(table, {
    indicator: spec(['indicator', 'indicator id', 'indicator name', 'measure', 'id'], true),
    result: spec(['result', 'result id', 'result name']),
    factor: spec(['factor', 'system factor', 'factor id', 'measures factor']),
    date: spec(['date', 'period', 'time period', 'actual value date', 'year', 'when']),
    value: spec(['value', 'actual', 'actual value']),
    target: spec(['target', 'target value', 'goal']),
    baseline: spec(['baseline', 'baseline value']),
    better: spec(['better', 'better when', 'direction', 'desired direction', 'polarity']),
    source: spec(['source', 'data source']),
    story: spec(['story', 'story behind the curve', 'notes', 'note', 'comment']),
  }, 'an indicators file', log)) {
    const { record, cell, field } = row;
    const id = cell(record, 'indicator');
    if (id === '') {
      log.error('missing-id', 'this row names no indicator', { row: record.row, field: field('indicator') });
      continue;
    }
    const draft: IndicatorDraft = { id, file: table.file, row: record.row, fields: {} };
    for (const key of ['result', 'factor', 'source', 'story'] as const) {
      const text = cell(record, key);
      if (text !== '') {
        draft[key] = text;
        draft.fields[key] = field(key);
      }
    }
    const betterText = cell(record, 'better');
    if (betterText !== '') {
      const better = fromWords(betterText, BETTER);
      if (better === undefined) log.error('bad-better', `"${betterText}" is not a direction; write up (more is better) or down (less is better)`, { row: record.row, field: field('better') });
      else {
        draft.better = better;
        draft.fields.better = field('better');
      }
    }
    const baselineText = cell(record, 'baseline');
    if (baselineText !== '') {
      const baseline = readNumber(baselineText, row.decimalComma);
      if (baseline === undefined) log.error('not-a-number', `the baseline "${baselineText}" is not a number`, { row: record.row, field: field('baseline') });
      else {
        draft.baseline = baseline;
        draft.fields.baseline = field('baseline');
      }
    }
    drafts.indicators.push(draft);
    const value = datedValue(row, log);
    if (value !== null) drafts.points.push({ series: id, kind: 'indicator', ...value, file: table.file, row: record.row });
  }
  return resultOf(drafts, log.issues);
}

/** `strategies.csv`: strategies and their performance measures, one row per measure and date. */
export function parseStrategiesTable(table: CsvTable): Reading<TableDrafts> {
  const log = new IssueLog(table.file);
  const drafts = emptyDrafts();
  const strategies = new Map<string, StrategyDraft>();
  const measures = new Map<string, MeasureDraft>();
  for (const row of rowsOf(table, {
    strategy: spec(['strategy', 'strategy id', 'program', 'strategy name'], true),
    result: spec(['result', 'result id', 'result name'], true),
    measure: spec(['measure', 'performance measure', 'measure id', 'measure name']),
    kind: spec(['kind', 'type', 'measure type', 'category']),
    date: spec(['date', 'period', 'time period', 'year', 'when']),
    value: spec(['value', 'actual', 'actual value']),
    target: spec(['target', 'target value', 'goal']),
    better: spec(['better', 'better when', 'direction']),
    description: spec(['description', 'strategy description', 'what']),
  }, 'a strategies file', log)) {
    const { record, cell, field } = row;
    const id = cell(record, 'strategy');
    const result = cell(record, 'result');
    if (id === '' || result === '') {
      log.error(id === '' ? 'missing-id' : 'missing-result', id === '' ? 'this row names no strategy' : 'this strategy names no result', { row: record.row, field: field(id === '' ? 'strategy' : 'result') });
      continue;
    }
    const known = strategies.get(id);
    if (known === undefined) strategies.set(id, { id, result, description: cell(record, 'description'), file: table.file, row: record.row });
    else {
      if (known.result !== result) log.error('conflict', `the strategy "${id}" is for the result "${known.result}" in row ${known.row}, and "${result}" here`, { row: record.row, field: field('result') });
      if (known.description === '') known.description = cell(record, 'description');
    }
    const measure = cell(record, 'measure');
    if (measure === '') continue;
    const kindText = cell(record, 'kind');
    const kind = fromWords(kindText.replace(/\?$/, ''), MEASURE_KIND);
    if (kind === undefined) {
      log.error('bad-kind', kindText === '' ? `the measure "${measure}" has no kind; write how much, how well or better off` : `"${kindText}" is not a kind of measure; write how much, how well or better off`, { row: record.row, field: field('kind') });
      continue;
    }
    const betterText = cell(record, 'better');
    const better = betterText === '' ? undefined : fromWords(betterText, BETTER);
    if (betterText !== '' && better === undefined) log.error('bad-better', `"${betterText}" is not a direction; write up or down`, { row: record.row, field: field('better') });
    const seen = measures.get(measure);
    if (seen === undefined) measures.set(measure, { id: measure, strategy: id, kind, ...(better !== undefined ? { better } : {}), file: table.file, row: record.row });
    else if (seen.strategy !== id || seen.kind !== kind) log.error('conflict', `the measure "${measure}" is a ${seen.kind} measure of "${seen.strategy}" in row ${seen.row}; this row says ${kind} of "${id}"`, { row: record.row, field: field('measure') });
    const value = datedValue(row, log);
    if (value !== null) drafts.points.push({ series: measure, kind: 'measure', ...value, file: table.file, row: record.row });
  }
  drafts.strategies.push(...strategies.values());
  drafts.measures.push(...measures.values());
  return resultOf(drafts, log.issues);
}

/** `actions.csv`: aligned actions, `by` naming people or organisations separated by `;`. */
export function parseActionsTable(table: CsvTable): Reading<TableDrafts> {
  const log = new IssueLog(table.file);
  const drafts = emptyDrafts();
  for (const row of rowsOf(table, {
    action: spec(['action', 'action id', 'what', 'activity', 'id'], true),
    result: spec(['result', 'result id', 'result name'], true),
    by: spec(['by', 'who', 'partners', 'partner', 'owner', 'lead', 'responsible']),
    factor: spec(['factor', 'system factor', 'pushes', 'factor id']),
    direction: spec(['direction', 'push', 'effect'], true),
    start: spec(['start', 'start date', 'begins', 'from']),
    end: spec(['end', 'end date', 'ends', 'until', 'due']),
    status: spec(['status', 'state', 'progress']),
  }, 'an actions file', log)) {
    const { record, cell, field } = row;
    const id = cell(record, 'action');
    const result = cell(record, 'result');
    let bad = false;
    const problem = (code: string, message: string, key: Parameters<typeof field>[0]): void => {
      log.error(code, message, { row: record.row, field: field(key) });
      bad = true;
    };
    if (id === '') problem('missing-id', 'this row names no action', 'action');
    if (result === '') problem('missing-result', 'this action names no result', 'result');
    const directionText = cell(record, 'direction');
    const direction = fromWords(directionText, DIRECTION);
    if (direction === undefined) problem('bad-direction', directionText === '' ? 'this action has no direction; write increase or decrease' : `"${directionText}" is not a direction; write increase or decrease`, 'direction');
    const statusText = cell(record, 'status');
    const status = fromWords(statusText, ACTION_STATUS);
    if (status === undefined) problem('bad-status', `"${statusText}" is not a status; write one of ${choices(ACTION_STATUS)}`, 'status');
    const days: { start?: string; end?: string } = {};
    for (const key of ['start', 'end'] as const) {
      const text = cell(record, key);
      if (text === '') continue;
      const day = readDay(text);
      if (day === undefined) problem('bad-date', `"${text}" is not a date (write it as 2024-06-30)`, key);
      else days[key] = day;
    }
    if (days.start !== undefined && days.end !== undefined && days.end < days.start) problem('bad-date', `the action ends (${days.end}) before it starts (${days.start})`, 'end');
    if (bad || direction === undefined || status === undefined) continue;
    const by = cell(record, 'by').split(/[;|\n]+/).map((s) => s.trim()).filter((s) => s !== '');
    if (by.length === 0) log.warn('no-one', 'this action names no one who does it', { row: record.row, field: field('by') });
    const factor = cell(record, 'factor');
    drafts.actions.push({ id, result, by, factor: factor === '' ? null : factor, direction, ...days, status, file: table.file, row: record.row, fields: { by: field('by'), factor: field('factor') } });
  }
  return resultOf(drafts, log.issues);
}

/** `commitments.csv`: who committed to which result, what, when, by when, status. */
export function parseCommitmentsTable(table: CsvTable): Reading<TableDrafts> {
  const log = new IssueLog(table.file);
  const drafts = emptyDrafts();
  for (const row of rowsOf(table, {
    who: spec(['who', 'by', 'name', 'person', 'organization', 'organisation', 'partner'], true),
    result: spec(['result', 'result id', 'result name'], true),
    what: spec(['what', 'commitment', 'pledge', 'description']),
    date: spec(['date', 'made on', 'committed on', 'when']),
    due: spec(['due', 'by when', 'deadline', 'due date']),
    status: spec(['status', 'state']),
  }, 'a commitments file', log)) {
    const { record, cell, field } = row;
    const who = cell(record, 'who');
    const result = cell(record, 'result');
    let bad = false;
    if (who === '' || result === '') {
      log.error(who === '' ? 'missing-person' : 'missing-result', who === '' ? 'this commitment names no one' : 'this commitment names no result', { row: record.row, field: field(who === '' ? 'who' : 'result') });
      bad = true;
    }
    const statusText = cell(record, 'status');
    const status = fromWords(statusText, COMMITMENT_STATUS);
    if (status === undefined) {
      log.error('bad-status', `"${statusText}" is not a status; write one of ${choices(COMMITMENT_STATUS)}`, { row: record.row, field: field('status') });
      bad = true;
    }
    const days: { date?: string; due?: string } = {};
    for (const key of ['date', 'due'] as const) {
      const text = cell(record, key);
      if (text === '') continue;
      const day = readDay(text);
      if (day === undefined) {
        log.error('bad-date', `"${text}" is not a date (write it as 2024-06-30)`, { row: record.row, field: field(key) });
        bad = true;
      } else days[key] = day;
    }
    if (bad || status === undefined) continue;
    drafts.commitments.push({ who, result, what: cell(record, 'what'), ...days, status, file: table.file, row: record.row, fields: { who: field('who'), result: field('result') } });
  }
  return resultOf(drafts, log.issues);
}

/**
 * A scorecard's data values (Clear Impact: `id,measure_type,actual_value_date,target_value,
 * actual_value,comment`, measure type `i` indicator or `p` performance measure). The id is an
 * indicator's or measure's id in the other files.
 */
export function parseScorecardTable(table: CsvTable): Reading<TableDrafts> {
  const log = new IssueLog(table.file);
  const drafts = emptyDrafts();
  for (const row of rowsOf(table, {
    id: spec(['id', 'measure id', 'indicator id', 'indicator', 'measure', 'name'], true),
    type: spec(['measure type', 'type', 'measure kind']),
    date: spec(['actual value date', 'date', 'period', 'time period', 'value date'], true),
    value: spec(['actual value', 'actual', 'value'], true),
    target: spec(['target value', 'target']),
    comment: spec(['comment', 'comments', 'note', 'notes']),
  }, 'a scorecard data-values file', log)) {
    const { record, cell, field } = row;
    const id = cell(record, 'id');
    if (id === '') {
      log.error('missing-id', 'this row names no measure id', { row: record.row, field: field('id') });
      continue;
    }
    const type = cell(record, 'type').toLowerCase();
    if (type !== '' && !['i', 'p', 'indicator', 'performance measure', 'measure'].includes(type)) {
      log.error('bad-kind', `"${type}" is not a measure type; write i (indicator) or p (performance measure)`, { row: record.row, field: field('type') });
      continue;
    }
    const value = datedValue(row, log);
    const note = cell(record, 'comment');
    if (value !== null) drafts.points.push({ series: id, kind: type === 'p' || type.includes('measure') ? 'measure' : 'indicator', ...value, ...(note !== '' ? { note } : {}), file: table.file, row: record.row });
  }
  return resultOf(drafts, log.issues);
}
