/**
 * The app as it starts: makes the state, the engine client, the project store and the maps, draws
 * the app, and opens the last project (or the demo). Loaded by the entry (main.ts) in stages.
 */
import { h, render } from 'preact';
import { effect } from '@preact/signals';
import { App } from './app.tsx';
import { AppStore, createAppState } from './state/app-state.ts';
import { keepBrowserState, loadBrowserState } from './state/browser-state.ts';
import { ProjectDb } from './state/project-db.ts';
import { createAppContext } from './actions/context.ts';
import { updateProject } from './actions/analysis.ts';
import { saveNow } from './actions/autosave.ts';
import { openStart, removedElsewhere } from './actions/projects.ts';
import { followEncodings, followSelection } from './actions/people.ts';
import { filesDropped } from './actions/sharing.ts';
import { selectFactor } from './actions/system-map.ts';
import { MapView } from './map/map-view.ts';
import { SystemMapView } from './map/system-map-view.ts';
import { EngineClient, STALL_MS } from '../workers/engine-client.ts';
import { ProjectStoreClient } from '../workers/project-store-client.ts';
import { download } from './dom.ts';
import { yieldToPage } from '../workers/yield-to-page.ts';

export function start(root: HTMLElement): void {
  // Private mode is in the page's address (?private=1): storing the choice would store something,
  // and the address lasts through a reload of this tab without being kept anywhere else.
  const privateMode = new URLSearchParams(location.search).has('private');
  const store = new AppStore(createAppState({ ...loadBrowserState(), privateMode }));
  keepBrowserState(store);
  effect(() => {
    const address = new URL(location.href);
    if (store.signals.privateMode.value) address.searchParams.set('private', '1');
    else address.searchParams.delete('private');
    if (address.href !== location.href) history.replaceState(history.state, '', address);
  });
  const db = new ProjectDb(new ProjectStoreClient());
  db.setPrivate(privateMode);
  // The stall budget is read at each file task; end-to-end tests shorten it through this global.
  const engine = new EngineClient({ stallMs: () => (globalThis as { netweaveStallMs?: number }).netweaveStallMs ?? STALL_MS });
  let map: MapView | null = null;
  const ctx = createAppContext(store, engine, db, {
    saveFiles: (files) => files.forEach((file) => download(file.name, file.content, file.type)),
    mapPicture: (name) => map?.exportPng(name) ?? Promise.resolve(),
    isSmallScreen: () => window.matchMedia('(max-width: 600px)').matches,
  });
  map = new MapView(store, (positions, projectId) => {
    // Positions of a map still arranging another project's people are not this project's.
    if (store.get().project?.id === projectId) updateProject(ctx, { layout: positions });
  });
  const systemMap = new SystemMapView(
    (factor) => selectFactor(ctx, factor, true),
    (positions) => updateProject(ctx, { systemMapLayout: positions }),
  );
  // A project deleted (or everything forgotten) in another tab closes here rather than be saved again.
  db.onRemovedElsewhere((id) => removedElsewhere(ctx, id));
  followSelection(ctx);
  followEncodings(ctx);
  // Files dropped anywhere are imported.
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length > 0) void filesDropped(ctx, files);
  });
  // Escape clears the selection, unless it closed something first (a dialog, the Export menu, a
  // typed search) or the map used it (it leaves its focus mode before the selection is cleared).
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented || !store.get().selected) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest('dialog, [role="menu"], input, select, textarea')) return;
    store.set({ selected: null });
  });
  // Changes waiting for autosave are written when the page is hidden or closed.
  const flush = (): void => void saveNow(ctx, true);
  window.addEventListener('pagehide', flush);
  // Leaving a project that is not kept anywhere (private mode, or storage refused) asks first.
  window.addEventListener('beforeunload', (e) => {
    const { project, privateMode: keepsNothing, storageProblem } = store.get();
    if (!project || (!keepsNothing && storageProblem === null)) return;
    e.preventDefault();
    // Older browsers ask only when this is set.
    e.returnValue = true;
  });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
  void yieldToPage().then(() => {
    // The boot message goes: Preact draws into an empty container.
    root.replaceChildren();
    render(h(App, { ctx, map, systemMap }), root);
    void openStart(ctx);
  });
}
