/**
 * The table views of everything the map shows: people with their metrics, and groups.
 */
import { VirtualTable, type Column } from './virtual-table.ts';
import { attributeValues, formatNumber, labelOf, metricValue, type ViewModel } from '../state/view-model.ts';
import { METRIC_GLOSSARY } from '../../engine/report/glossary.ts';

const TABLE_METRICS = ['degree', 'inDegree', 'outDegree', 'betweenness', 'closeness', 'harmonic', 'eigenvector', 'pagerank', 'clustering', 'coreness'];

export function peopleColumns(vm: ViewModel): Column[] {
  const directed = vm.analysis.settings.directed;
  const attributeKeys = vm.categorical.slice(0, 3).map((c) => c.key);
  const num = (v: number | string): string => formatNumber(v as number);
  return [
    { key: 'name', label: 'Name', value: (r) => labelOf(vm, vm.ids[r]!) },
    { key: 'group', label: 'Group', numeric: true, title: 'The community this person falls in (1 = largest)', value: (r) => metricValue(vm, 'community', r) + 1 },
    ...attributeKeys.map((key) => ({ key: `attr:${key}`, label: key, value: (r: number) => attributeValues(vm.personOf.get(vm.ids[r]!)?.attributes[key]).join(', ') })),
    ...TABLE_METRICS.filter((m) => directed || (m !== 'inDegree' && m !== 'outDegree')).map((m) => {
      const info = METRIC_GLOSSARY.find((g) => g.id === m)!;
      // Sampled measures say so in their header.
      const estimated = vm.analysis.figures.approximation !== null && (m === 'betweenness' || m === 'closeness' || m === 'harmonic');
      return { key: m, label: estimated ? `${info.name} (est.)` : info.name, title: info.explanation, numeric: true, value: (r: number) => metricValue(vm, m, r), format: num };
    }),
    ...insightColumns(vm),
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

/** Periphery and brokerage columns, when those were computed. */
function insightColumns(vm: ViewModel): Column[] {
  const columns = vm.analysis.insights?.columns;
  if (!columns) return [];
  const num = (v: number | string): string => formatNumber(v as number);
  return [
    { key: 'peripheryScore', label: 'At the edge', numeric: true, title: 'How far toward the edge of the network (0 = core, 1 = furthest out)', value: (r) => columns.peripheryScore[r]!, format: num },
    { key: 'coreScore', label: 'Core score', numeric: true, title: 'Borgatti-Everett coreness: how close to the densely tied core', value: (r) => columns.coreScore[r]!, format: num },
    { key: 'constraint', label: 'Constraint', numeric: true, title: "Burt's constraint: high when all of someone's contacts know each other (low = a broker)", value: (r) => columns.constraint[r]!, format: num },
    { key: 'reach2', label: 'Reach in 2 steps', numeric: true, title: 'Share of the network within two introductions', value: (r) => columns.reach2[r]!, format: (v) => `${Math.round((v as number) * 100)}%` },
  ];
}
