/**
 * What every action works with: the state, the engine in its worker, this browser's project store,
 * and the few things only the page can do (save a file, ask the map for a picture), handed in by
 * the shell so actions stay free of the DOM.
 */
import type { AppStore } from '../state/app-state.ts';
import type { ProjectDb } from '../state/project-db.ts';
import type { EngineClient } from '../../workers/engine-client.ts';
import type { DownloadFile } from './exports.ts';

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
  /** Autosave's timer, and analysis generations (a newer one drops an older one's drawing). */
  runtime: { saveTimer: ReturnType<typeof setTimeout> | null; saveDue: number; shown: number };
}

export function createAppContext(store: AppStore, engine: EngineClient, db: ProjectDb, page: PageServices): AppContext {
  return { store, engine, db, page, runtime: { saveTimer: null, saveDue: 0, shown: 0 } };
}

/** Shows a running task in the status line. */
export function setWorking(ctx: AppContext, task: string, step: string, cancellable: boolean, fraction = 0): void {
  ctx.store.set({ status: { kind: 'working', task, step, fraction, cancellable } });
}
