/**
 * The system map mode of the app: the map of factors and causal links in the middle, its summary
 * in the settings drawer, loops / leverage / who works where / edit as tabs in the details drawer,
 * and the factors as a table. The map (sigma) is imperative, driven by the state here.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { Drawer, type DrawerProps } from './components/drawer.tsx';
import { Tabs } from './components/tabs.tsx';
import { Placed } from './components/imperative.tsx';
import { SystemMapSummary } from './components/systemmap-summary.tsx';
import { LoopsPanel } from './components/systemmap-loops.tsx';
import { LeveragePanel } from './components/systemmap-leverage.tsx';
import { ActorsPanel } from './components/systemmap-actors.tsx';
import { MapEditor } from './components/systemmap-editor.tsx';
import { factorColumns } from './components/systemmap-table.ts';
import { identityKey } from './components/identity-key.ts';
import { VirtualTableView, type TableData } from './components/virtual-table.tsx';
import type { AppStore, DrawerId, MapTab } from './state/app-state.ts';
import type { SystemMapView } from './map/system-map-view.ts';
import type { SystemMapReport } from '../engine/features/systemmap/analyze-systemmap.ts';
import type { EditOperation } from '../engine/features/systemmap/edit.ts';
import { redoLabel, undoLabel } from '../engine/features/systemmap/edit-history.ts';
import { signal, useComputed } from '@preact/signals';

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
  // The project's map, not the project: a layout saved after a drag draws nothing again.
  const projectMap = useComputed(() => s.project.value?.systemMap ?? null).value;
  const { report, analysed, editor, selection, activeLoop } = s.systemMap.value;
  const tab = s.mapTab.value;
  const map = editor?.map ?? projectMap;

  // The map is drawn with each analysis of it (after an edit too; one that failed draws the map
  // without loops), never with the report of another map, and traces what is picked.
  useEffect(() => {
    if (analysed) view.show(analysed, report, store.get().project?.systemMapLayout ?? {});
    view.select(store.get().systemMap.selection);
  }, [analysed, report]);
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
        <Drawer {...drawer('settings')} scrolls>
          <div class="side">
            <SystemMapSummary map={map} report={report} />
          </div>
        </Drawer>
        <Placed node={view.root} class="map-slot" />
        <Drawer {...drawer('details')} class="panel">
          <Tabs label="Views" tabs={MAP_TABS} current={tab} choose={actions.choose} />
          {/* Scrollable regions take focus, so keyboard users can scroll them. */}
          <div class="panel-body" tabIndex={0} role="region" aria-label="Selected view">
            {tab === 'edit' ? (
              <MapEditor map={map} selected={selection.factor} actions={panelActions} />
            ) : !report ? (
              <p>The map has not been analysed yet.</p>
            ) : tab === 'leverage' ? (
              <LeveragePanel key={identityKey(report)} report={report} selectFactor={actions.selectFactor} />
            ) : tab === 'actors' ? (
              <ActorsPanel key={identityKey(report)} report={report} />
            ) : (
              <LoopsPanel report={report} activeLoop={activeLoop} trace={(loop) => actions.highlightLoop(loop ? loop.factors : null)} />
            )}
          </div>
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
