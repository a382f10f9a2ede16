/**
 * The table views of everything the map shows: people with their measures, and groups. Cells read
 * as the metric registry says (counts, percentages, percentile bands) and sort by the raw value,
 * which each cell's tooltip gives; a few columns show at first and the rest are in the table's
 * column chooser.
 */
import type { Column } from './sort-rows.ts';
import { attributeValues, labelOf, metricValue, type ViewModel } from '../state/view-model.ts';
import { metricDefinition, metricsFor, type MetricDefinition } from '../../engine/analysis/metric-registry.ts';
import { resultContext } from '../../engine/report/build-report.ts';
import { defaultPeopleColumns, exactValue, measureHeader, measureReader } from './table-columns.ts';

export const PEOPLE_TABLE_LABEL = 'People and their metrics';
export const GROUP_TABLE_LABEL = 'Groups (communities)';

const WHO = 'Who they are';

/** Every attribute someone has, the categorical ones first; numeric when every value is a number. */
function attributeKeys(vm: ViewModel): Array<{ key: string; numeric: boolean }> {
  const categorical = vm.categorical.map((c) => c.key);
  const rest = vm.attributeKinds.filter((a) => !categorical.includes(a.key));
  return [...categorical.map((key) => ({ key, numeric: false })), ...rest];
}

export function peopleColumns(vm: ViewModel): Column[] {
  const measures = metricsFor('table', resultContext(vm.analysis));
  const attributes = attributeKeys(vm);
  const defaults = defaultPeopleColumns(
    vm.categorical,
    measures.map((m) => m.id),
  );
  const attributeOf = (r: number, key: string) => vm.personOf.get(vm.ids[r]!)?.attributes[key];
  return [
    { key: 'name', label: 'Name', value: (r) => labelOf(vm, vm.ids[r]!) },
    { ...metricColumn(vm, metricDefinition('community')!), key: 'group', align: 'start', width: 'narrow', section: WHO },
    ...attributes.map(
      ({ key, numeric }): Column => ({
        key: `attr:${key}`,
        label: key,
        title: `${key}, as your people file gives it`,
        optional: !defaults.attributes.includes(key),
        section: WHO,
        ...(numeric
          ? { numeric: true, value: (r: number) => (attributeOf(r, key) as number | undefined) ?? Number.NaN, format: (v: number | string) => (Number.isNaN(v) ? '' : String(v)) }
          : { value: (r: number) => attributeValues(attributeOf(r, key)).join(', ') }),
      }),
    ),
    ...measures.map((m) => ({ ...metricColumn(vm, m), optional: !defaults.measures.includes(m.id), section: 'Position in the network' })),
  ];
}

export function groupColumns(vm: ViewModel): Column[] {
  const groups = vm.analysis.communities;
  const group = measureReader(metricDefinition('community')!, []);
  const count = measureReader({ display: 'count' }, []);
  const share = measureReader({ display: 'share' }, []);
  const num = (v: number | string) => count(v as number);
  return [
    { key: 'group', label: 'Group', numeric: true, align: 'start', width: 'narrow', title: 'Groups are numbered from the largest', value: (r) => groups[r]!.id, format: (v) => group(v as number) },
    { key: 'size', label: 'People', numeric: true, value: (r) => groups[r]!.size, format: num },
    {
      key: 'density',
      label: 'Ties inside, of all possible',
      numeric: true,
      title: 'The share of possible ties inside the group that exist: high means everyone knows everyone',
      value: (r) => groups[r]!.density,
      format: (v) => share(v as number),
      cellTitle: exactValue,
    },
    { key: 'internal', label: 'Ties inside', numeric: true, title: 'Ties between two people of the group', value: (r) => groups[r]!.internalEdges, format: num },
    { key: 'external', label: 'Ties to other groups', numeric: true, title: 'Ties from someone in the group to someone outside it', value: (r) => groups[r]!.externalEdges, format: num },
    {
      key: 'mostly',
      label: 'Mostly',
      width: 'wide',
      title: 'The most common value of each attribute in the group, with how many have it',
      value: (r) =>
        Object.entries(groups[r]!.topAttributes)
          .map(([k, values]) => (values[0] ? `${k}: ${values[0].value} (${values[0].count})` : ''))
          .filter(Boolean)
          .slice(0, 3)
          .join(' · '),
    },
  ];
}

/** A measure as the registry reads it, sorted by its raw value, which the cell's tooltip gives. */
function metricColumn(vm: ViewModel, m: MetricDefinition): Column {
  const column = (vm.analysis.table.columns as Record<string, Float64Array | undefined>)[m.id] ?? new Float64Array(vm.ids.length);
  const read = measureReader(m, column);
  return {
    key: m.id,
    label: measureHeader(m, vm.analysis.figures.approximation !== null),
    title: m.explanation,
    numeric: true,
    value: (r: number) => metricValue(vm, m.id, r),
    values: column,
    format: (v) => read(v as number),
    cellTitle: m.display === 'count' || m.display === 'group' || m.display === 'flag' ? undefined : exactValue,
  };
}
