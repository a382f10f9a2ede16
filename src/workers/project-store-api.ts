/**
 * Writing a project into this browser's IndexedDB from a worker, and reading one back. IndexedDB copies what it stores
 * on the thread that asks: on the page, a dataset of 50,000 people and 250,000 ties was a task
 * of 120-190 ms, its layout after a layout run another 60. Here the page only hands over the
 * records in parts (record-parts.ts) and the copy into storage happens in this worker, in one
 * transaction as before: the project's record, its dataset when it changed, and the note that it
 * opens next time. Reading back goes the other way: read here, handed to the page in parts.
 *
 * The page's ProjectDb owns the database (it makes and upgrades it before asking for a write):
 * this worker opens it as it is and never makes it.
 */
import { PartAssembler, type RecordPart } from './record-parts.ts';
import { PartsOutbox, type OfferedBatch } from './parts-transfer.ts';
import { recordBytes } from './stored-size.ts';

export const DB_NAME = 'netweave';
export const DB_VERSION = 2;
export const STORE = 'projects';
export const META = 'meta';
/** Packed datasets by project id (from version 2; older projects keep theirs inline). */
export const DATASETS = 'datasets';
/** The key in META naming the project that opens next time. */
export const CURRENT = 'current';

/**
 * What one save writes: the project's record (keyed by its id) and, when it changed, its packed
 * dataset. A record whose dataset reference has no size yet gets the written dataset's.
 */
export interface StoredWrite {
  project: { id: string; dataset?: { bytes?: number } };
  dataset?: unknown;
}

/** An error as the page reads it: its name (QuotaExceededError...) kept across the thread. */
function plainError(error: unknown): Error {
  if (error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)) {
    const e = error as { name: string; message: string };
    return Object.assign(new Error(e.message), { name: e.name });
  }
  return new Error(String(error));
}

/**
 * The database as it is, never made or upgraded here; for writing, at `DB_VERSION` with every
 * store (reading takes an older one too).
 */
function openExisting(forWriting: boolean): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      // Another tab forgetting everything must not wait for this connection.
      db.onversionchange = () => db.close();
      if (forWriting && (db.version < DB_VERSION || ![STORE, META, DATASETS].every((s) => db.objectStoreNames.contains(s)))) {
        db.close();
        reject(new Error('the database is not ready to be written'));
      } else resolve(db);
    };
    request.onerror = (event) => {
      event.preventDefault();
      reject(request.error ?? new Error('the database could not be opened'));
    };
  });
}

function write(db: IDBDatabase, records: StoredWrite): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction([STORE, DATASETS, META], 'readwrite');
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('the save was stopped'));
    tx.onerror = (event) => event.preventDefault();
    try {
      tx.objectStore(STORE).put(records.project);
      if (records.dataset !== undefined) tx.objectStore(DATASETS).put(records.dataset, records.project.id);
      tx.objectStore(META).put(records.project.id, CURRENT);
    } catch (error) {
      tx.abort();
      reject(error);
    }
  });
}

/**
 * Project `id`'s record and, where it keeps its dataset apart (version 2 on), that record too, in
 * one transaction, begun as soon as the database opened: an upgrade (the page's first save, or
 * another tab's) closes this connection, and must not come between the two reads.
 */
function getProject(db: IDBDatabase, id: string): Promise<{ project: unknown; dataset: unknown } | null> {
  return new Promise((resolve, reject) => {
    const stores = db.objectStoreNames.contains(DATASETS) ? [STORE, DATASETS] : [STORE];
    const tx = db.transaction(stores, 'readonly');
    tx.onabort = () => reject(tx.error ?? new Error('the project could not be read'));
    tx.onerror = (event) => event.preventDefault();
    const request = tx.objectStore(STORE).get(id);
    request.onsuccess = () => {
      const project: unknown = request.result;
      if (project === undefined) return resolve(null);
      const stored = (project as { dataset?: { format?: unknown } } | null)?.dataset;
      if (stored?.format !== 'netweave-dataset-ref' || !stores.includes(DATASETS)) return resolve({ project, dataset: undefined });
      const apart = tx.objectStore(DATASETS).get(id);
      apart.onsuccess = () => resolve({ project, dataset: apart.result });
    };
  });
}

/** A project read and being handed to the page in parts (`read`). */
const reading = new PartsOutbox('This project is no longer being read.');
/** Work per message handed to the page: a few milliseconds of its time (see record-parts.ts). */
const READ_WEIGHT = 20_000;

/** Saves being received, put together as their parts come, until written or dropped. */
const staged = new Map<number, PartAssembler>();

export const projectStoreApi = {
  /** More parts of save `id`. */
  stage(id: number, parts: RecordPart[]): void {
    const save = staged.get(id) ?? new PartAssembler();
    save.add(parts);
    staged.set(id, save);
  },

  /**
   * Puts save `id`'s parts together and writes them in one transaction. Returns the size of the
   * dataset when it measured it, else null.
   */
  async commit(id: number): Promise<number | null> {
    const save = staged.get(id);
    staged.delete(id);
    try {
      if (save === undefined) throw new Error('nothing was handed over to save');
      const records = save.value as StoredWrite;
      const ref = records.project.dataset;
      let bytes: number | null = null;
      if (records.dataset !== undefined && typeof ref === 'object' && ref !== null && typeof ref.bytes !== 'number') {
        bytes = recordBytes(records.dataset);
        ref.bytes = bytes;
      }
      const db = await openExisting(true);
      try {
        await write(db, records);
      } finally {
        db.close();
      }
      return bytes;
    } catch (error) {
      throw plainError(error);
    }
  },

  /**
   * Reads project `id`'s record and its dataset (kept apart from version 2) to hand to the page
   * in parts (`nextReadParts`): read on the page, IndexedDB's copy of a 50,000-person dataset
   * was one long task. Returns the number to take them by, or null when there is no such project.
   */
  async read(id: string): Promise<number | null> {
    try {
      const db = await openExisting(false);
      try {
        const read = await getProject(db, id);
        return read === null ? null : reading.offer(read, READ_WEIGHT);
      } finally {
        db.close();
      }
    } catch (error) {
      throw plainError(error);
    }
  },

  /** The next message's worth of read `n`'s parts; `done` once they are all taken. */
  nextReadParts(n: number): OfferedBatch {
    return reading.take(n);
  },

  /** Forgets save `id`'s parts (the page gave up on it). */
  drop(id: number): void {
    staged.delete(id);
  },
};

export type ProjectStoreApi = typeof projectStoreApi;
