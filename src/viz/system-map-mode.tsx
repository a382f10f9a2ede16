/**
 * The system map mode of the app: the map of factors and causal links in the middle, its summary
 * in the settings drawer, loops / leverage / who works where / edit as tabs in the details drawer,
 * and the factors as a table. The map (sigma) is imperative, driven by the state here.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { Drawer, type DrawerProps } from './components/drawer.tsx';
import { Tabs } from './components/tabs.tsx';
import { Imperative, Placed } from './components/imperative.tsx';
import { VirtualTableView, type TableData } from './components/virtual-table.tsx';
import { renderActors, renderEditor, renderLeverage, renderLoops } from './panels/systemmap-panels.ts';
import { formatNumber } from './state/view-model.ts';
import type { AppStore, DrawerId, MapTab } from './state/app-state.ts';
import type { SystemMapView } from './map/system-map-view.ts';
import type { Column } from './panels/sort-rows.ts';
import type { SystemMapReport } from '../engine/features/systemmap/analyze-systemmap.ts';
import type { EditOperation } from '../engine/features/systemmap/edit.ts';
import { redoLabel, undoLabel } from '../engine/features/systemmap/edit-history.ts';
import { signal } from '@preact/signals';

export const MAP_TABS: ReadonlyArray<readonly [MapTab, string]> = [
  ['loops', 'Loops'],
  ['leverage', 'Leverage'],
  ['actors', 'Who works where'],
  ['edit', 'Edit'],
];

export interface SystemMapModeActions {
  choose: (tab: MapTab) => void;
  highlightLoop: (factors: string[] | null) => void;
  selectFactor: (factor: string | null) => void;
  edit: (operation: EditOperation) => void;
  undo: () => void;
  redo: () => void;
}

export interface SystemMapModeProps {
  store: AppStore;
  view: SystemMapView;
  drawer: (id: DrawerId) => Omit<DrawerProps, 'children'>;
  actions: SystemMapModeActions;
}

export function SystemMapMode({ store, view, drawer, actions }: SystemMapModeProps) {
  const s = store.signals;
  const project = s.project.value;
  const { report, editor, selection, activeLoop } = s.systemMap.value;
  const tab = s.mapTab.value;
  const map = editor?.map ?? project?.systemMap ?? null;

  // The map is drawn again with each analysis of it (after an edit too), and traces what is picked.
  useEffect(() => {
    if (map) view.show(map, report, store.get().project?.systemMapLayout ?? {});
    view.select(store.get().systemMap.selection);
  }, [report]);
  useEffect(() => view.select(selection), [selection]);
  useEffect(() => () => view.kill(), [view]);

  if (!map) return null;
  const panelActions = {
    highlightLoop: actions.highlightLoop,
    selectFactor: actions.selectFactor,
    edit: actions.edit,
    undo: actions.undo,
    redo: actions.redo,
    undoLabel: editor ? undoLabel(editor) : undefined,
    redoLabel: editor ? redoLabel(editor) : undefined,
  };
  return (
    <>
      <main class="workspace">
        <Drawer {...drawer('settings')}>
          <div class="side">
            <h2>System map</h2>
            <p>
              {map.factors.length} factors, {map.links.length} causal links{map.actors.length ? `, ${map.actors.length} organisations` : ''}.
            </p>
            {report ? (
              <p>
                {report.summary.reinforcing} reinforcing and {report.summary.balancing} balancing loops; {report.summary.gaps} gaps no one works on.
              </p>
            ) : null}
            <p class="explain">Click a loop to trace it on the map, or a factor to edit it. The Export menu saves the map as CSV, for Kumu, or as GraphML.</p>
          </div>
        </Drawer>
        <Placed node={view.root} class="map-slot" />
        <Drawer {...drawer('details')} class="panel">
          <Tabs label="Views" tabs={MAP_TABS} current={tab} choose={actions.choose} />
          <Imperative
            class="panel-body"
            attributes={{ tabIndex: 0, role: 'region', 'aria-label': 'Selected view' }}
            deps={[tab, report, map, selection.factor, activeLoop, editor]}
            draw={(body) => {
              if (tab === 'edit') renderEditor(body, map, selection.factor, panelActions);
              else if (!report) body.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'The map has not been analysed yet.' }));
              else if (tab === 'leverage') renderLeverage(body, report, panelActions);
              else if (tab === 'actors') renderActors(body, report);
              else renderLoops(body, report, panelActions, activeLoop);
            }}
          />
        </Drawer>
      </main>
      <Drawer {...drawer('tables')} tag="section" class="bottom">
        <div class="tabs" role="tablist" aria-label="Tables">
          <button type="button" role="tab" class="active" aria-selected="true" tabIndex={0}>
            Factors
          </button>
        </div>
        <div class="table-host">{report ? <FactorTable report={report} pick={actions.selectFactor} /> : <p class="muted">No analysis yet.</p>}</div>
      </Drawer>
    </>
  );
}

function FactorTable({ report, pick }: { report: SystemMapReport; pick: (factor: string) => void }) {
  const data = useMemo(() => signal<TableData>({ columns: [], rowCount: 0, searchText: () => '' }), []);
  const highlighted = useMemo(() => signal<{ row: number | null }>({ row: null }), []);
  const f = report.factors;
  data.value = useMemo(() => ({ columns: factorColumns(report), rowCount: f.length, searchText: (r: number) => f[r]!.label }), [report]);
  return (
    <div class="vt-host">
      <VirtualTableView label="Factors and their leverage" data={data} highlighted={highlighted} onPick={(r) => pick(f[r]!.id)} initialSort={{ key: 'loops', descending: true }} />
    </div>
  );
}

function factorColumns(report: SystemMapReport): Column[] {
  const f = report.factors;
  const num = (v: number | string): string => formatNumber(v as number);
  return [
    { key: 'label', label: 'Factor', value: (r) => f[r]!.label },
    { key: 'quadrant', label: 'Role', title: 'MICMAC quadrant: driving, linkage, dependent or autonomous', value: (r) => f[r]!.quadrant },
    { key: 'influence', label: 'Influences', numeric: true, title: 'Factors it directly affects', value: (r) => f[r]!.influence, format: num },
    { key: 'dependence', label: 'Depends on', numeric: true, title: 'Factors that directly affect it', value: (r) => f[r]!.dependence, format: num },
    { key: 'loops', label: 'Loops', numeric: true, title: 'Feedback loops it sits in', value: (r) => f[r]!.loops, format: num },
    { key: 'betweenness', label: 'Bridging', numeric: true, title: 'How often it lies on the shortest causal path between two others', value: (r) => f[r]!.betweenness, format: num },
    { key: 'reach', label: 'Reach downstream', numeric: true, title: `Factors reached within ${report.settings.reachSteps} steps`, value: (r) => f[r]!.reach, format: num },
    { key: 'actors', label: 'Organisations', numeric: true, value: (r) => f[r]!.actors.length, format: num },
  ];
}
