/**
 * The table views of everything the map shows: people with their metrics, and groups.
 */
import { VirtualTable, type Column } from './virtual-table.ts';
import { attributeValues, formatNumber, labelOf, metricValue, type ViewModel } from '../state/view-model.ts';
import { metricsFor, type MetricDefinition } from '../../engine/analysis/metric-registry.ts';
import { resultContext } from '../../engine/report/build-report.ts';

export function peopleColumns(vm: ViewModel): Column[] {
  const attributeKeys = vm.categorical.slice(0, 3).map((c) => c.key);
  return [
    { key: 'name', label: 'Name', value: (r) => labelOf(vm, vm.ids[r]!) },
    { key: 'group', label: 'Group', numeric: true, title: 'The community this person falls in (1 = largest)', value: (r) => metricValue(vm, 'community', r) + 1 },
    ...attributeKeys.map((key) => ({ key: `attr:${key}`, label: key, value: (r: number) => attributeValues(vm.personOf.get(vm.ids[r]!)?.attributes[key]).join(', ') })),
    ...metricsFor('table', resultContext(vm.analysis)).map((m) => metricColumn(vm, m)),
  ];
}

export function createPeopleTable(vm: ViewModel, onPick: (id: string) => void): VirtualTable {
  return new VirtualTable({
    label: 'People and their metrics',
    columns: peopleColumns(vm),
    rowCount: vm.ids.length,
    onPick: (r) => onPick(vm.ids[r]!),
    searchText: (r) => labelOf(vm, vm.ids[r]!),
    initialSort: { key: 'degree', descending: true },
  });
}

export function groupColumns(vm: ViewModel): Column[] {
  const groups = vm.analysis.communities;
  return [
    { key: 'group', label: 'Group', numeric: true, value: (r) => groups[r]!.id + 1 },
    { key: 'size', label: 'People', numeric: true, value: (r) => groups[r]!.size },
    { key: 'density', label: 'Density', numeric: true, title: 'Share of possible ties inside the group that exist', value: (r) => groups[r]!.density, format: (v) => `${Math.round((v as number) * 1000) / 10}%` },
    { key: 'internal', label: 'Ties inside', numeric: true, value: (r) => groups[r]!.internalEdges },
    { key: 'external', label: 'Ties to other groups', numeric: true, value: (r) => groups[r]!.externalEdges },
    {
      key: 'mostly',
      label: 'Mostly',
      value: (r) =>
        Object.entries(groups[r]!.topAttributes)
          .map(([k, values]) => (values[0] ? `${k}: ${values[0].value} (${values[0].count})` : ''))
          .filter(Boolean)
          .slice(0, 3)
          .join(' · '),
    },
  ];
}

export function createGroupTable(vm: ViewModel, onPick: (group: number) => void): VirtualTable {
  return new VirtualTable({
    label: 'Groups (communities)',
    columns: groupColumns(vm),
    rowCount: vm.analysis.communities.length,
    onPick: (r) => onPick(vm.analysis.communities[r]!.id),
    searchText: (r) => vm.analysis.communities[r]!.members.map((id) => labelOf(vm, id)).join(' '),
  });
}

function metricColumn(vm: ViewModel, m: MetricDefinition): Column {
  // Sampled measures say so in their header.
  const estimated = m.estimated && vm.analysis.figures.approximation !== null;
  const format = m.display === 'share' ? (v: number | string) => (Number.isFinite(v as number) ? `${Math.round((v as number) * 100)}%` : '–') : (v: number | string) => formatNumber(v as number);
  return { key: m.id, label: estimated ? `${m.label} (est.)` : m.label, title: m.explanation, numeric: true, value: (r: number) => metricValue(vm, m.id, r), format };
}
