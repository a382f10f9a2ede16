/**
 * The system map mode: switching to it, analysing the map in the worker, picking loops and
 * factors, and editing with undo. Edits are saved with the project as they are made (and kept
 * by an analysis of the people network that lands meanwhile).
 */
import type { AppContext } from './context.ts';
import { analyseResults } from './results-analysis.ts';
import { drawParts, updateProject } from './analysis.ts';
import { analyseMap, ensureEditor } from './system-map-analysis.ts';
import type { MapTab, Mode, SystemMapState } from '../state/app-state.ts';
import type { SystemMap } from '../../engine/core/model/systemmap.ts';
import type { InputIssue } from '../../engine/core/util/issues.ts';
import { edit, redo, undo, type EditorResult } from '../../engine/features/systemmap/edit-history.ts';
import type { EditOperation } from '../../engine/features/systemmap/edit.ts';

function patchMap(ctx: AppContext, patch: Partial<SystemMapState>): void {
  ctx.store.set({ systemMap: { ...ctx.store.get().systemMap, ...patch } });
}

/** People network or system map. Back to people, the network's results are drawn again. */
export async function setMode(ctx: AppContext, mode: Mode): Promise<void> {
  const { store } = ctx;
  const { project, view } = store.get();
  if (mode === 'people') {
    store.set({ mode });
    if (view) await drawParts(ctx, view);
    return;
  }
  if (mode === 'results') {
    store.set({ mode });
    await analyseResults(ctx);
    return;
  }
  if (!project?.systemMap) return;
  store.set({
    mode,
    // The map's summary and how to use it live in the settings drawer.
    drawers: { ...store.get().drawers, settings: { ...store.get().drawers.settings, open: true } },
  });
  ensureEditor(ctx, project.systemMap);
  await analyseMap(ctx, project.systemMap);
}

export function showMapTab(ctx: AppContext, tab: MapTab): void {
  ctx.store.set({ mapTab: tab });
}

/** A factor picked on the map or in a list: traced, and the editor opens on it. */
export function selectFactor(ctx: AppContext, factor: string | null, openEditor = false): void {
  patchMap(ctx, { selection: { factor, loop: null } });
  if (factor && openEditor) ctx.store.set({ mapTab: 'edit' });
}

/** A loop, by its factors in order, traced on the map (null clears it). */
export function highlightLoop(ctx: AppContext, factors: string[] | null): void {
  const report = ctx.store.get().systemMap.report;
  const activeLoop = factors ? report?.loops.find((l) => l.factors === factors)?.id ?? null : null;
  patchMap(ctx, { activeLoop, selection: { factor: null, loop: factors } });
}

function applyEdit(ctx: AppContext, run: (state: NonNullable<SystemMapState['editor']>) => EditorResult): void {
  const { store } = ctx;
  const shown = store.get().project?.systemMap;
  if (!shown) return;
  ensureEditor(ctx, shown);
  const current = store.get().systemMap;
  if (!current.editor) return;
  const result = run(current.editor);
  if (!result.ok) {
    store.set({ status: { kind: 'error', message: `That edit could not be made: ${result.error}` } });
    return;
  }
  if (result.warnings.length > 0) store.set({ notices: result.warnings.map((message) => ({ level: 'warning' as const, code: 'map-edit', message })) });
  const map = result.state.map;
  const factorGone = current.selection.factor !== null && !map.factors.some((f) => f.id === current.selection.factor);
  patchMap(ctx, { editor: result.state, ...(factorGone ? { selection: { factor: null, loop: null } } : {}) });
  updateProject(ctx, { systemMap: map });
  void analyseMap(ctx, map);
}

export function editMap(ctx: AppContext, operation: EditOperation): void {
  applyEdit(ctx, (state) => edit(state, operation));
}

export function undoMapEdit(ctx: AppContext): void {
  applyEdit(ctx, undo);
}

export function redoMapEdit(ctx: AppContext): void {
  applyEdit(ctx, redo);
}

/** A system map imported into the open project: it replaces any map before, laid out afresh. */
export async function systemMapImported(ctx: AppContext, map: SystemMap, issues: InputIssue[]): Promise<void> {
  if (!ctx.store.get().project) return;
  updateProject(ctx, { systemMap: map, systemMapLayout: {} });
  ctx.store.set({ notices: issues.filter((i) => i.level === 'warning') });
  patchMap(ctx, { selection: { factor: null, loop: null }, activeLoop: null, report: null });
  await setMode(ctx, 'systemmap');
}
