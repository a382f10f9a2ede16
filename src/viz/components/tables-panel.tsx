/**
 * The tables drawer: everything the map shows, as tables (people with their measures, groups).
 * Picking a person's row selects them; picking a group shows only that group.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { Tabs } from './tabs.tsx';
import { VirtualTableView, type TableData } from './virtual-table.tsx';
import { GROUP_TABLE_LABEL, PEOPLE_TABLE_LABEL, groupColumns, peopleColumns } from './people-columns.ts';
import { isVisible, labelOf, PEOPLE_TABLE_SORT, type ViewModel } from '../state/view-model.ts';
import { hasFilters, type Filters } from '../state/filters.ts';
import type { TableTab } from '../state/app-state.ts';

const TABLE_TABS = [
  ['people', 'People'],
  ['groups', 'Groups'],
] as const;

export interface TablesPanelProps {
  view: ViewModel;
  tab: TableTab;
  choose: (tab: TableTab) => void;
  selected: string | null;
  /** The map's filters: the people table shows the people the map shows. */
  filters: Filters;
  pickPerson: (id: string) => void;
  pickGroup: (group: number) => void;
  /**
   * The people in the table's order (sorted, filtered), for the map's arrow keys; null with the
   * groups shown. Listed when first asked for: at 50,000 rows, listing the ids at each sort was
   * 10 ms of the table's first drawing.
   */
  peopleOrder: (ids: (() => readonly string[]) | null) => void;
}

export function TablesPanel({ view, tab, choose, selected, filters, pickPerson, pickGroup, peopleOrder }: TablesPanelProps) {
  return (
    <>
      <Tabs label="Tables" tabs={TABLE_TABS} current={tab} choose={choose} />
      <div class="table-host">
        {/* A new project's table starts afresh (no filter text or sort of the one before); the host stays. */}
        {tab === 'people' ? <PeopleTable key={view.project.id} view={view} selected={selected} filters={filters} pick={pickPerson} order={peopleOrder} /> : <GroupTable key={view.project.id} view={view} pick={pickGroup} />}
      </div>
    </>
  );
}

/** Columns are built once per analysis: a project change (a layout saved, an introduction marked) keeps them. */
function useTableData(build: () => TableData, deps: unknown[]) {
  const data = useSignal<TableData>(null as unknown as TableData);
  const built = useMemo(build, deps);
  data.value = built;
  return data;
}

function PeopleTable({ view, selected, filters, pick, order }: { view: ViewModel; selected: string | null; filters: Filters; pick: (id: string) => void; order: TablesPanelProps['peopleOrder'] }) {
  const columns = useMemo(() => peopleColumns(view), [view.analysis, view.categorical]);
  const data = useTableData(
    () => ({
      columns,
      rowCount: view.ids.length,
      searchText: (r: number) => labelOf(view, view.ids[r]!),
      include: hasFilters(filters) ? (r: number) => isVisible(view, filters, r) : undefined,
    }),
    [columns, filters],
  );
  const row = selected ? view.indexOf.get(selected) ?? null : null;
  const highlighted = useSignal<{ row: number | null }>({ row });
  // A new object only when the selection moved: the table scrolls to it then, not on every redraw.
  if (highlighted.peek().row !== row) highlighted.value = { row };
  // The map's arrow keys go through people in the table's order while it is shown.
  useEffect(() => () => order(null), []);
  return (
    <div class="vt-host">
      <VirtualTableView label={PEOPLE_TABLE_LABEL} data={data} highlighted={highlighted} onPick={(r) => pick(view.ids[r]!)} initialSort={PEOPLE_TABLE_SORT} onOrder={(rows) => order(() => Array.from(rows, (r) => view.ids[r]!))} />
    </div>
  );
}

function GroupTable({ view, pick }: { view: ViewModel; pick: (group: number) => void }) {
  const groups = view.analysis.communities;
  const data = useTableData(() => ({ columns: groupColumns(view), rowCount: groups.length, searchText: (r: number) => groups[r]!.members.map((id) => labelOf(view, id)).join(' ') }), [view.analysis]);
  const highlighted = useSignal<{ row: number | null }>({ row: null });
  return (
    <div class="vt-host">
      <VirtualTableView label={GROUP_TABLE_LABEL} data={data} highlighted={highlighted} onPick={(r) => pick(groups[r]!.id)} />
    </div>
  );
}
