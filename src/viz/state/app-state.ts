/**
 * Everything the app shows that is not the project itself, as one state of signals: the open
 * project, its analysis, and display state kept apart from both (selection, filters, encodings,
 * which panels are open). Components read the signals; named actions (../actions) write them.
 *
 * Every key has a default (`getDefaultAppState`) and a line in `APP_STATE_STORAGE` saying where,
 * if anywhere, it is kept between visits: in the project (saved with it, so a reopened project
 * looks as it was left) or in this browser (a preference of the person using it).
 */
import { batch, effect, signal, untracked, type Signal } from '@preact/signals';
import type { AnalysisResult } from '../../engine/analysis/analysis-result.ts';
import type { Project } from '../../engine/core/model/project.ts';
import type { InputIssue } from '../../engine/core/util/issues.ts';
import type { ImportSummary } from '../format/import-summary.ts';

export type Status =
  | { kind: 'idle' }
  | { kind: 'working'; task: string; step: string; fraction: number; cancellable: boolean }
  | { kind: 'error'; message: string; issues?: InputIssue[] };

export interface MetricRange {
  metric: string;
  min: number;
  max: number;
}

export interface Filters {
  /** attribute -> values to keep (an absent attribute keeps everyone). */
  attributes: Record<string, string[]>;
  /** Relation layers hidden on the map. */
  hiddenRelations: string[];
  range: MetricRange | null;
}

export interface AppState {
  project: Project | null;
  analysis: AnalysisResult | null;
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
}

export function getDefaultAppState(): AppState {
  return {
    project: null,
    analysis: null,
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
  };
}

/** Where a key is kept between visits: with the project, in this browser, or not at all. */
export type Storage = { project: true } | { browser: true } | { none: true };

export const APP_STATE_STORAGE: { readonly [K in keyof AppState]: Storage } = {
  // The project is stored whole (IndexedDB and .netweave.json); its analysis is computed again.
  project: { project: true },
  analysis: { none: true },
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
};

export type AppSignals = { readonly [K in keyof AppState]: Signal<AppState[K]> };

/** The state as signals, one per key, starting from the defaults (and `initial`). */
export function createAppState(initial: Partial<AppState> = {}): AppSignals {
  const start = { ...getDefaultAppState(), ...initial };
  return Object.fromEntries(Object.entries(start).map(([key, value]) => [key, signal(value)])) as unknown as AppSignals;
}

export type Listener = (state: AppState, previous: AppState) => void;

/**
 * The state read and written as one object, for the imperative parts (the sigma map, the shell
 * while panels move onto components): `set` writes several keys at once, `subscribe` hears every
 * change with the state before it.
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
