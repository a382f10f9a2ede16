/**
 * What every action works with: the state, the engine in its worker, this browser's project store,
 * and the few things only the page can do (save a file, ask the map for a picture), handed in by
 * the shell so actions stay free of the DOM.
 */
import type { AppStore } from '../state/app-state.ts';
import type { ProjectDb } from '../state/project-db.ts';
import type { EngineClient } from '../../workers/engine-client.ts';
import type { DownloadFile } from './exports.ts';
import type { Project } from '../../engine/core/model/project.ts';

export interface PageServices {
  /** Hands files to the browser to save. */
  saveFiles: (files: DownloadFile[]) => void;
  /** Saves the people map as a picture. */
  mapPicture: (fileName: string) => Promise<void>;
  /** Whether the screen is a phone's (a read-only viewer: no import there). */
  isSmallScreen: () => boolean;
}

export interface AppContext {
  store: AppStore;
  engine: EngineClient;
  db: ProjectDb;
  page: PageServices;
  runtime: Runtime;
}

/** What actions keep between calls; never shown, never saved. */
export interface Runtime {
  /** Autosave's timer, when it is due, and the latest version of each project waiting for it. */
  saveTimer: ReturnType<typeof setTimeout> | null;
  saveDue: number;
  unsaved: Map<string, Project>;
  /** Counts drawings: a newer one stops the parts an older one has still to draw. */
  shown: number;
  /** Counts presentations started: one whose look-ups are still being built stops when a newer one starts. */
  presenting: number;
  /** Counts analyses started: a result that lands after a newer one started is dropped. */
  analyses: number;
  /** The project as the latest analysis started will leave it, so that a change made meanwhile builds on it. */
  pending: Project | null;
  /** Counts requests for the ladder and the ledger: an answer to an older one is dropped. */
  programAsked: number;
  /** Counts results analyses asked for, likewise. */
  resultsAsked: number;
  /** The system map whose analysis is awaited, so that a late report for an older map is dropped. */
  mapAnalysed: unknown;
}

export function createAppContext(store: AppStore, engine: EngineClient, db: ProjectDb, page: PageServices): AppContext {
  return { store, engine, db, page, runtime: { saveTimer: null, saveDue: 0, unsaved: new Map(), shown: 0, presenting: 0, analyses: 0, pending: null, programAsked: 0, resultsAsked: 0, mapAnalysed: null } };
}

/** Shows a running task in the status line. */
export function setWorking(ctx: AppContext, task: string, step: string, cancellable: boolean, fraction = 0): void {
  ctx.store.set({ status: { kind: 'working', task, step, fraction, cancellable } });
}
