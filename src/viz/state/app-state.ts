/**
 * Everything the app shows, as one state of signals: the open project, its analysis (the view),
 * and display state kept apart from both (selection, filters, encodings, which tab, dialog and
 * drawers are open). Components read the state; named actions (../actions) write it.
 *
 * Every key has a default (`getDefaultAppState`) and a line in `APP_STATE_STORAGE` saying where,
 * if anywhere, it is kept between visits: in the project (saved with it, so a reopened project
 * looks as it was left) or in this browser (a preference of the person using it).
 */
import { batch, effect, signal, untracked, type Signal } from '@preact/signals';
import type { Project } from '../../engine/core/model/project.ts';
import type { InputIssue } from '../../engine/core/util/issues.ts';
import type { ImportSummary } from '../format/import-summary.ts';
import type { SystemMapReport } from '../../engine/features/systemmap/analyze-systemmap.ts';
import type { EditorState } from '../../engine/features/systemmap/edit-history.ts';
import type { SystemMap } from '../../engine/core/model/systemmap.ts';
import type { ViewModel } from './view-model.ts';
import type { Filters } from './filters.ts';
import type { ProgramParts } from '../../engine/analysis/program-parts.ts';
import type { ResultsReport } from '../../engine/features/results/analyze-results.ts';

export type { Filters, MetricRange } from './filters.ts';

export type Status =
  | { kind: 'idle' }
  | { kind: 'working'; task: string; step: string; fraction: number; cancellable: boolean }
  | { kind: 'error'; message: string; issues?: InputIssue[] };

/** The views of the details drawer, people network mode. */
export type DetailsTab = 'summary' | 'person' | 'periphery' | 'brokers' | 'equity' | 'weaving' | 'skills' | 'program';
/** The views of the details drawer, system map mode. */
export type MapTab = 'loops' | 'leverage' | 'actors' | 'edit';
export type TableTab = 'people' | 'groups';
export type Mode = 'people' | 'systemmap' | 'results';
export type DrawerId = 'settings' | 'details' | 'tables';

export interface DrawerState {
  open: boolean;
  /** Width (or height, at the bottom) in CSS pixels. */
  size: number;
}

/**
 * The parts of the screen that draw a new analysis, each a task of its own after the one before
 * (on a big network each takes tens of milliseconds: together, a pause the user would feel). Each
 * holds the view it shows; a part still holding an older one is drawn next.
 */
export interface Drawn {
  tables: ViewModel | null;
  settings: ViewModel | null;
  details: ViewModel | null;
  map: ViewModel | null;
}

/** The system map mode: its analysis, edit history and what is picked on it. */
export interface SystemMapState {
  report: SystemMapReport | null;
  /** The map `report` was made from (or whose analysis failed): the map drawn. */
  analysed: SystemMap | null;
  editor: EditorState | null;
  /** A factor, or the factors of a loop in order, traced on the map. */
  selection: { factor: string | null; loop: string[] | null };
  activeLoop: string | null;
}

export type Dialog = { kind: 'import'; files: File[] } | { kind: 'projects' } | { kind: 'matching' } | { kind: 'sharing' } | { kind: 'report' } | { kind: 'packets' } | null;

export interface AppState {
  project: Project | null;
  /** The open project with its analysis and look-ups, or null before the first analysis. */
  view: ViewModel | null;
  drawn: Drawn;
  /** Where the project came from: the bundled demo, or the user's own files. */
  isDemo: boolean;
  status: Status;
  selected: string | null;
  hovered: string | null;
  filters: Filters;
  sizeBy: string;
  colorBy: string;
  /** People a list panel asks the map to highlight (periphery, brokers), or null. */
  highlight: string[] | null;
  /** Messages from the last import or analysis worth showing (warnings). */
  notices: InputIssue[];
  /** What the last import found, said first (people, ties, response rate), until dismissed. */
  imported: ImportSummary | null;
  mode: Mode;
  detailsTab: DetailsTab;
  tableTab: TableTab;
  mapTab: MapTab;
  systemMap: SystemMapState;
  dialog: Dialog;
  /** The demo's banner was hidden. */
  bannerHidden: boolean;
  drawers: Record<DrawerId, DrawerState>;
  /** Why this browser is not keeping the project (storage full, unavailable), or null while saves succeed. */
  storageProblem: string | null;
  /** Private mode: nothing is written to this browser's storage (no autosave, no settings kept). */
  privateMode: boolean;
  /**
   * The ladder and the ledger as the project now holds them: from the analysis, then computed
   * again alone when only they change (an introduction recorded, the ladder edited).
   */
  program: ProgramParts | null;
  /** The results mode: the project's results joined to the system map and the people, and what that was made from. */
  results: ResultsState;
}

export interface ResultsState {
  report: ResultsReport | null;
  /** The project the report was made from (its results, map and people): a change to any makes it again. */
  analysed: { results: unknown; systemMap: unknown; dataset: unknown } | null;
}

/** Where drawers start, for someone who never moved them: the map gets the room. */
export const DRAWER_DEFAULTS: Record<DrawerId, DrawerState> = {
  settings: { open: false, size: 260 },
  details: { open: true, size: 380 },
  // Closed at first: at 1366x768 an open table leaves the map under half the window.
  tables: { open: false, size: 240 },
};

export function getDefaultAppState(): AppState {
  return {
    project: null,
    view: null,
    drawn: { tables: null, settings: null, details: null, map: null },
    isDemo: false,
    status: { kind: 'idle' },
    selected: null,
    hovered: null,
    filters: { attributes: {}, hiddenRelations: [], range: null },
    sizeBy: 'degree',
    colorBy: 'community',
    highlight: null,
    notices: [],
    imported: null,
    mode: 'people',
    detailsTab: 'summary',
    tableTab: 'people',
    mapTab: 'loops',
    systemMap: { report: null, analysed: null, editor: null, selection: { factor: null, loop: null }, activeLoop: null },
    dialog: null,
    bannerHidden: false,
    drawers: DRAWER_DEFAULTS,
    storageProblem: null,
    privateMode: false,
    program: null,
    results: { report: null, analysed: null },
  };
}

/** Where a key is kept between visits: with the project, in this browser, or not at all. */
export type Storage = { project: true } | { browser: true } | { none: true };

export const APP_STATE_STORAGE: { readonly [K in keyof AppState]: Storage } = {
  // The project is stored whole (IndexedDB and .netweave.json); its analysis is computed again.
  project: { project: true },
  // Computed again from the project when it opens.
  view: { none: true },
  drawn: { none: true },
  isDemo: { none: true },
  status: { none: true },
  selected: { none: true },
  hovered: { none: true },
  filters: { none: true },
  // Encodings are the project's settings (`settings.sizeBy`, `settings.colorBy`).
  sizeBy: { project: true },
  colorBy: { project: true },
  highlight: { none: true },
  notices: { none: true },
  imported: { none: true },
  mode: { none: true },
  detailsTab: { none: true },
  tableTab: { none: true },
  mapTab: { none: true },
  systemMap: { none: true },
  dialog: { none: true },
  bannerHidden: { none: true },
  // Where the person likes the drawers (browser-state.ts).
  drawers: { browser: true },
  storageProblem: { none: true },
  // Kept in the page's address (?private), never in storage: storing it would store something.
  privateMode: { none: true },
  // Computed from the project (its ledger, ladder and circles).
  program: { none: true },
  // Computed from the project's results, system map and people when the results mode opens.
  results: { none: true },
};

export type AppSignals = { readonly [K in keyof AppState]: Signal<AppState[K]> };

/** The state as signals, one per key, starting from the defaults (and `initial`). */
export function createAppState(initial: Partial<AppState> = {}): AppSignals {
  const start = { ...getDefaultAppState(), ...initial };
  return Object.fromEntries(Object.entries(start).map(([key, value]) => [key, signal(value)])) as unknown as AppSignals;
}

export type Listener = (state: AppState, previous: AppState) => void;

/**
 * The state read and written as one object, for the imperative parts (the sigma maps) and the
 * actions: `set` writes several keys at once, `subscribe` hears every change with the state
 * before it.
 */
export class AppStore {
  /**
   * The last state read, kept until a signal changes: the map's reducers ask for the state once
   * per person per frame, and reading every signal into a new object each time took seconds at
   * 20,000 people.
   */
  private snapshot: AppState | null = null;

  constructor(readonly signals: AppSignals = createAppState()) {
    effect(() => {
      this.read();
      this.snapshot = null;
    });
  }

  /** The current state, without subscribing to it. */
  get(): AppState {
    return (this.snapshot ??= untracked(() => this.read()));
  }

  set(patch: Partial<AppState>): void {
    batch(() => {
      for (const [key, value] of Object.entries(patch)) (this.signals[key as keyof AppState] as Signal<unknown>).value = value;
    });
  }

  subscribe(listener: Listener): () => void {
    let previous: AppState | null = null;
    return effect(() => {
      const state = this.read();
      const before = previous;
      previous = state;
      // Whichever effect runs first after a change, get() inside the listener sees this state.
      this.snapshot = state;
      if (before !== null) untracked(() => listener(state, before));
    });
  }

  private read(): AppState {
    const state = {} as Record<string, unknown>;
    for (const [key, s] of Object.entries(this.signals)) state[key] = (s as Signal<unknown>).value;
    return state as unknown as AppState;
  }
}

export function createAppStore(): AppStore {
  return new AppStore();
}
