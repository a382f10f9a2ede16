/**
 * Read-only helpers over the open project and its analysis: look-ups by id, attribute columns,
 * visibility under the current filters, percentiles. Pure functions of the state.
 */
import type { AnalysisResult } from '../../engine/analysis/analysis-result.ts';
import type { Person } from '../../engine/core/model/records.ts';
import { attributeValues } from '../../engine/core/model/attribute-values.ts';
import { FILTER_CATEGORY_RULE, isCategorical, profileAttributes } from '../../engine/core/model/attribute-profile.ts';
import type { Project } from '../../engine/core/model/project.ts';
import type { Filters } from './filters.ts';
import { Slicer, type SliceOptions } from './slicer.ts';
import { numericOrder } from './row-order.ts';
import { metricDefinition } from '../../engine/analysis/metric-registry.ts';
import { sortedValues } from '../../engine/report/readable.ts';

export interface ViewModel {
  project: Project;
  analysis: AnalysisResult;
  ids: string[];
  indexOf: Map<string, number>;
  personOf: Map<string, Person>;
  /** Attributes with few enough distinct values to colour or filter by (the attribute profile's FILTER_CATEGORY_RULE). */
  categorical: Array<{ key: string; values: string[] }>;
  /**
   * Every attribute someone has, in first-seen order, numeric when every value given is a number
   * (the people table's columns; found with the look-ups: at 100,000 people it was 30 ms of the
   * table's first drawing).
   */
  attributeKinds: Array<{ key: string; numeric: boolean }>;
}

export { attributeValues };

/** The people table's first order: the most connected first. Sorted ahead with the view's look-ups. */
export const PEOPLE_TABLE_SORT = { key: 'degree', descending: true } as const;

/** The part of a view model that depends only on the dataset and the analysis: look-ups by id, the attributes to filter by. */
export type ViewLookups = Omit<ViewModel, 'project' | 'analysis'>;

/**
 * The look-ups' steps: yields every 32 people (and before the attribute profile), so the same
 * code builds them at once or in slices.
 */
function* lookupSteps(dataset: Project['dataset'], analysis: AnalysisResult): Generator<void, ViewLookups> {
  // Plain loops: at 50,000 people, the pairs and entry arrays of map()/Object.entries() were
  // most of the time (and garbage) of opening the results.
  const ids = analysis.table.ids;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    indexOf.set(ids[i]!, i);
    if ((i & 31) === 31) yield;
  }
  const personOf = new Map<string, Person>();
  const numeric = new Map<string, boolean>();
  const people = dataset.people;
  for (let i = 0; i < people.length; i++) {
    const person = people[i]!;
    personOf.set(person.id, person);
    for (const key in person.attributes) {
      const value = person.attributes[key];
      const blank = value === null || value === undefined || value === '';
      numeric.set(key, (numeric.get(key) ?? true) && (blank || typeof value === 'number'));
    }
    if ((i & 31) === 31) yield;
  }
  const attributeKinds = [...numeric].map(([key, isNumeric]) => ({ key, numeric: isNumeric }));
  // The percentile bands' sorted columns, one a step: the people table reads them first thing.
  for (const [metric, column] of Object.entries(analysis.table.columns)) {
    if (column && metricDefinition(metric)?.display === 'percentile') {
      sortedValues(column);
      yield;
    }
  }
  // The people table's first order, likewise.
  numericOrder(analysis.table.columns[PEOPLE_TABLE_SORT.key], PEOPLE_TABLE_SORT.descending);
  yield;
  const categorical = profileAttributes(people.map((p) => p.attributes))
    .filter((p) => isCategorical(p, FILTER_CATEGORY_RULE))
    .map((p) => ({ key: p.name, values: [...p.values].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).map((v) => v.value) }));
  return { ids, indexOf, personOf, categorical, attributeKinds };
}

export function createViewModel(project: Project, analysis: AnalysisResult): ViewModel {
  const steps = lookupSteps(project.dataset, analysis);
  for (;;) {
    const step = steps.next();
    if (step.done) return { project, analysis, ...step.value };
  }
}

/**
 * The look-ups built in slices (at 50,000 people the two maps are some 50 ms of one task); null
 * when `between` abandons them (a newer analysis is being shown).
 */
export async function viewLookupsInSlices(dataset: Project['dataset'], analysis: AnalysisResult, options: SliceOptions = {}): Promise<ViewLookups | null> {
  const slicer = new Slicer(options);
  const steps = lookupSteps(dataset, analysis);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (slicer.due() && !(await slicer.pause())) return null;
  }
}

export function labelOf(vm: ViewModel, id: string): string {
  return vm.personOf.get(id)?.label || id;
}

export function metricValue(vm: ViewModel, metric: string, index: number): number {
  const column = (vm.analysis.table.columns as Record<string, Float64Array | undefined>)[metric];
  return column ? column[index]! : 0;
}

/** Whether a person passes the filters. */
export function isVisible(vm: ViewModel, filters: Filters, index: number): boolean {
  const person = vm.personOf.get(vm.ids[index]!);
  for (const [key, keep] of Object.entries(filters.attributes)) {
    if (keep.length === 0) continue;
    const values = attributeValues(person?.attributes[key]);
    if (!values.some((v) => keep.includes(v))) return false;
  }
  if (filters.range) {
    const v = metricValue(vm, filters.range.metric, index);
    if (v < filters.range.min || v > filters.range.max) return false;
  }
  return true;
}

/** Share of people with a value at or below this one (0..100). */
export function percentile(column: Float64Array, value: number): number {
  if (column.length === 0) return 0;
  let below = 0;
  for (let i = 0; i < column.length; i++) if (column[i]! <= value) below++;
  return (100 * below) / column.length;
}

const formats = new Map<number, Intl.NumberFormat>();

/** A formatter kept per number of digits: toLocaleString with options builds one per call. */
function significant(digits: number): Intl.NumberFormat {
  let format = formats.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat('en', { maximumSignificantDigits: digits });
    formats.set(digits, format);
  }
  return format;
}

export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (Number.isInteger(value)) return value.toLocaleString('en');
  return significant(digits).format(value);
}
