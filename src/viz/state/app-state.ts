/**
 * What the app shows: the open project, its analysis, and display state kept apart from both.
 */
import type { AnalysisResult } from '../../engine/analysis/analysis-result.ts';
import type { Project } from '../../engine/core/model/project.ts';
import type { InputIssue } from '../../engine/core/util/issues.ts';
import { Store } from './store.ts';

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
}

export function createAppStore(): Store<AppState> {
  return new Store<AppState>({
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
  });
}

export type AppStore = Store<AppState>;
