/**
 * Projects in the browser's IndexedDB (never on a server). Everything read back is validated
 * with the project schema, so a stale or damaged entry cannot break the app.
 *
 * The dataset is stored packed (columns of typed arrays, see engine/core/model/packed-dataset.ts):
 * IndexedDB copies a million tie objects in about a second on the page's thread, the packed
 * columns in milliseconds. Reading back checks the columns and unpacks them in slices. The map
 * layout is stored packed for the same reason (engine/core/model/packed-layout.ts).
 *
 * The dataset lives in a store of its own, written only when it changed: autosaves after a layout
 * run or a settings change then copy the project's small parts, not 50,000 people again.
 *
 * Writes and the reading of a project go through the storage worker where there is one
 * (workers/project-store-api.ts): IndexedDB's copies then happen off the page. This class still
 * owns the database: it makes and upgrades it before the worker writes.
 */
import { deleteDB, openDB, wrap, type IDBPDatabase } from 'idb';
import { PROJECT_VERSION, ProjectSchema, type Project } from '../../engine/core/model/project.ts';
import { isPackedDataset, packedDatasetProblem, packedOf, rememberPacked, unpackDatasetInSlices, type PackedDataset } from '../../engine/core/model/packed-dataset.ts';
import { isPackedLayout, packedLayoutOf, packedLayoutProblem, rememberPackedLayout, unpackLayoutInSlices } from '../../engine/core/model/packed-layout.ts';
import type { Dataset } from '../../engine/core/model/dataset.ts';
import { yieldToPage } from '../../workers/yield-to-page.ts';
import { recordBytes, stringBytes } from '../../workers/stored-size.ts';
import { CURRENT, DATASETS, DB_NAME, DB_VERSION, META, STORE } from '../../workers/project-store-api.ts';
import { StorageWorkerFailed, type ProjectStoreClient } from '../../workers/project-store-client.ts';

/** The project without its dataset and layout: what the schema checks when those are packed. */
const ProjectShellSchema = ProjectSchema.omit({ dataset: true, layout: true });
const LayoutSchema = ProjectSchema.shape.layout;

type ProjectShell = Omit<Project, 'dataset'>;

/**
 * A stored shell, checked. A packed layout is checked, not unpacked (its layout is empty here):
 * a listing only needs to know it is sound, and opening the project unpacks it in slices
 * (`layoutOf`).
 */
function parseShell(raw: object): ProjectShell | null {
  const stored = (raw as { layout?: unknown }).layout;
  let layout: Project['layout'] = {};
  if (isPackedLayout(stored)) {
    if (packedLayoutProblem(stored) !== null) return null;
  } else {
    // Saved before layouts were packed.
    const parsed = LayoutSchema.safeParse(stored);
    if (!parsed.success) return null;
    layout = parsed.data;
  }
  const shell = ProjectShellSchema.safeParse(raw);
  return shell.success ? { ...shell.data, layout } : null;
}

/** A stored shell's layout: unpacked in slices when packed (noted as the packed form for the next save). */
async function layoutOf(raw: object, shell: ProjectShell): Promise<Project['layout']> {
  const stored = (raw as { layout?: unknown }).layout;
  if (!isPackedLayout(stored)) return shell.layout;
  const layout = await unpackLayoutInSlices(stored, yieldToPage);
  // Saved again unchanged (every autosave), it need not be packed again.
  rememberPackedLayout(layout, stored);
  return layout;
}

/** A stored project's people count and validity, without unpacking it. */
function shellOf(raw: unknown): { project: ProjectShell; people: number } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const dataset = (raw as { dataset?: unknown }).dataset;
  if (isPackedDataset(dataset) || isDatasetRef(dataset)) {
    const shell = parseShell(raw);
    return shell ? { project: shell, people: isDatasetRef(dataset) ? dataset.people : dataset.people.count } : null;
  }
  const parsed = ProjectSchema.safeParse(raw);
  return parsed.success ? { project: parsed.data, people: parsed.data.dataset.people.length } : null;
}

/**
 * Stands in a stored project for its dataset, kept in DATASETS under the project's id, with the
 * size of that record (the Projects dialog shows it without reading every dataset back).
 */
interface DatasetRef {
  format: 'netweave-dataset-ref';
  people: number;
  /** About how many bytes the dataset's record takes (absent in projects saved before sizes were shown). */
  bytes?: number;
}

/** What `save` writes for a project: its record (dataset by reference, layout packed) and, apart, its packed dataset. */
export interface StoredRecords {
  project: Omit<Project, 'dataset' | 'layout'> & { dataset: DatasetRef; layout: ReturnType<typeof packedLayoutOf> };
  dataset: PackedDataset;
}

const datasetSizes = new WeakMap<Dataset, number>();

/** A dataset's stored size, measured once per dataset (an autosave after a layout run does not measure it again). */
function datasetBytes(dataset: Dataset, known?: number): number {
  let bytes = datasetSizes.get(dataset);
  if (bytes === undefined) {
    bytes = known ?? recordBytes(packedOf(dataset));
    datasetSizes.set(dataset, bytes);
  }
  return bytes;
}

/**
 * The records `save` writes. `measured` false leaves a dataset size not known yet out of its
 * reference: the storage worker measures the dataset as it writes it.
 */
export function storedRecords(project: Project, measured = true): StoredRecords {
  const dataset = packedOf(project.dataset);
  const bytes = measured ? datasetBytes(project.dataset) : datasetSizes.get(project.dataset);
  const ref: DatasetRef = { format: 'netweave-dataset-ref', people: project.dataset.people.length, ...(bytes === undefined ? {} : { bytes }) };
  return { project: { ...project, dataset: ref, layout: packedLayoutOf(project.layout) }, dataset };
}

/**
 * Everything one project keeps in this browser, in bytes: its record, its dataset kept apart (the
 * size its record holds, else `datasetRecord`'s, read back for projects saved before sizes were
 * kept; a dataset kept inline by version 1 is part of the record), and the note that it is the
 * current project.
 */
export function storedBytes(raw: unknown, current: boolean, datasetRecord?: unknown): number {
  const stored = typeof raw === 'object' && raw !== null ? (raw as { dataset?: unknown }).dataset : undefined;
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const apart = isDatasetRef(stored) && typeof stored.bytes === 'number' ? stored.bytes : datasetRecord === undefined ? 0 : recordBytes(datasetRecord);
  const pointer = current && typeof id === 'string' ? stringBytes(CURRENT) + stringBytes(id) : 0;
  return recordBytes(raw) + apart + pointer;
}

function isDatasetRef(value: unknown): value is DatasetRef {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'netweave-dataset-ref' && typeof (value as { people?: unknown }).people === 'number';
}

export interface ProjectListing {
  id: string;
  name: string;
  updatedAt: string;
  people: number;
  /** About how many bytes it keeps in this browser, everything stored for it counted. */
  bytes: number;
  /** Why a stored project cannot be opened (damaged storage, a newer netweave); listed so it never vanishes without a word. */
  damaged?: string;
}

/** A stored entry that does not read as a project, listed by what can still be read of it. */
function damagedListing(raw: unknown): Omit<ProjectListing, 'bytes'> | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const entry = raw as { id?: unknown; name?: unknown; updatedAt?: unknown; version?: unknown };
  if (typeof entry.id !== 'string') return null;
  const newer = typeof entry.version === 'number' && entry.version > PROJECT_VERSION;
  return {
    id: entry.id,
    name: typeof entry.name === 'string' && entry.name.trim() !== '' ? entry.name : 'Unnamed project',
    updatedAt: typeof entry.updatedAt === 'string' ? entry.updatedAt : '',
    people: 0,
    damaged: newer ? 'saved by a newer version of netweave: update netweave to open it' : "this browser's copy is damaged and cannot be opened",
  };
}

/** Thrown by a write asked for in private mode (a bug: the app asks for none then). */
export class PrivateModeError extends Error {
  constructor() {
    super('private mode: netweave writes nothing to this browser');
    this.name = 'PrivateModeError';
  }
}

/**
 * The projects kept in this browser. Reading never makes the database (a browser where netweave
 * kept nothing is left so, also after the Projects dialog listed nothing, or everything was
 * forgotten); the first save makes it.
 */
export class ProjectDb {
  /** The open connection, opened on first use; null while the browser has no database. */
  private connection: Promise<IDBPDatabase | null> | null = null;
  /** The dataset last written for each project id, by identity: unchanged ones are not written again. */
  private written = new Map<string, Project['dataset']>();
  /** Private mode: reads and removals only. */
  private keepsNothing = false;
  /** Tells netweave's other tabs what was removed here (they close it rather than save it again). */
  private channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${DB_NAME}.removed`);
  /** Projects handed to the storage worker and not yet written, by id. */
  private inWorker = new Map<string, Project>();
  /** The saves under way: a removal waits for them, so a project removed is not written again after. */
  private saving = new Set<Promise<void>>();

  /** `writer`: the storage worker's client, where saves are written off the page. */
  constructor(private readonly writer: ProjectStoreClient | null = null) {}

  /** Hears what another tab removed: a project's id, or null for everything. */
  onRemovedElsewhere(listener: (id: string | null) => void): void {
    if (this.channel) this.channel.onmessage = (event: MessageEvent) => {
      const id: unknown = (event.data as { id?: unknown } | null)?.id;
      if (id === null || typeof id === 'string') listener(id);
    };
  }

  private tellOthers(id: string | null): void {
    try {
      this.channel?.postMessage({ id });
    } catch {
      // No other tab hears it: nothing more to do.
    }
  }

  /**
   * The database as it is, opened on first use inside a promise: where the browser keeps nothing,
   * even touching indexedDB can throw, and that must fail the first read or save (said on the
   * status line), not the app.
   */
  private db(): Promise<IDBPDatabase | null> {
    if (this.connection === null) {
      this.connection = Promise.resolve().then(() => this.openExisting());
      this.connection.catch(() => undefined);
    }
    return this.connection;
  }

  /** The database to write to: made, or brought to this version, first where needed (never in private mode). */
  private async writable(): Promise<IDBPDatabase> {
    if (this.keepsNothing) throw new PrivateModeError();
    const connection = this.db();
    const existing = await connection;
    if (existing !== null && existing.version >= DB_VERSION) return existing;
    // Only the first caller replaces the connection; others wait for the one it opens.
    if (this.connection === connection) {
      existing?.close();
      this.connection = Promise.resolve().then(() => this.open());
      this.connection.catch(() => undefined);
    }
    const made = await this.connection;
    if (made === null) throw new Error('the database could not be opened');
    return made;
  }

  private open(): Promise<IDBPDatabase> {
    return openDB(DB_NAME, DB_VERSION, {
      // Each store made where it is missing (a database made elsewhere, as a test does, may lack some).
      upgrade(db) {
        if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'id' });
        if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
        if (!db.objectStoreNames.contains(DATASETS)) db.createObjectStore(DATASETS);
      },
      // Another tab forgetting everything (or a newer netweave) waits for this connection: closed,
      // and opened again when next needed.
      blocking: () => void this.disconnect(),
    });
  }

  /**
   * The database as it is: opened at whatever version it has, without making or upgrading it.
   * Where there is none, the browser's first step would create it: that step is
   * aborted (which leaves nothing behind) and there is nothing to read.
   */
  private async openExisting(): Promise<IDBPDatabase | null> {
    // Asked first where the browser can say (not even an empty store is touched then).
    const names = await indexedDB.databases?.().catch(() => null);
    if (names && !names.some((d) => d.name === DB_NAME)) return null;
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DB_NAME);
      let none = false;
      request.onupgradeneeded = () => {
        none = true;
        request.transaction?.abort();
      };
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => void this.disconnect();
        resolve(wrap(db));
      };
      request.onerror = (event) => {
        event.preventDefault();
        if (none) resolve(null);
        else reject(request.error ?? new Error('the database could not be opened'));
      };
    });
  }

  /** Closes the connection (it opens again when needed). */
  private async disconnect(): Promise<void> {
    const open = this.connection;
    this.connection = null;
    const db = await open?.catch(() => null);
    db?.close();
  }

  /**
   * Private mode on: from now on nothing is written (saving refuses); the projects already kept
   * can still be listed, opened and removed.
   */
  setPrivate(on: boolean): void {
    this.keepsNothing = on;
  }

  /**
   * Writes a project. `onPage`: written by the page at once, not handed to the storage worker
   * (the page is closing: a worker's write still being handed over would be lost with it).
   */
  async save(project: Project, options: { onPage?: boolean } = {}): Promise<void> {
    const task = this.write(project, options.onPage === true);
    this.saving.add(task);
    try {
      await task;
    } finally {
      this.saving.delete(task);
    }
  }

  /** The projects the storage worker is writing now, not yet stored: what a closing page writes itself. */
  writingInWorker(): Project[] {
    return [...this.inWorker.values()];
  }

  private async write(project: Project, onPage: boolean): Promise<void> {
    const db = await this.writable();
    const datasetChanged = this.written.get(project.id) !== project.dataset;
    const inWorker = !onPage && this.writer?.available === true;
    // A dataset the worker writes is measured there too (some 20-30 ms at 50,000 people).
    let records = storedRecords(project, !(inWorker && datasetChanged));
    if (inWorker && this.writer) {
      this.inWorker.set(project.id, project);
      try {
        const bytes = await this.writer.write({ project: records.project, ...(datasetChanged ? { dataset: records.dataset } : {}) });
        if (bytes !== null) datasetSizes.set(project.dataset, bytes);
        this.written.set(project.id, project.dataset);
        return;
      } catch (error) {
        // A worker that could not run: the page writes instead (and measures). Storage's own refusals stand.
        if (!(error instanceof StorageWorkerFailed)) throw error;
        records = storedRecords(project);
      } finally {
        if (this.inWorker.get(project.id) === project) this.inWorker.delete(project.id);
      }
    }
    const tx = db.transaction([STORE, DATASETS, META], 'readwrite');
    await Promise.all([
      tx.objectStore(STORE).put(records.project),
      datasetChanged ? tx.objectStore(DATASETS).put(records.dataset, project.id) : null,
      tx.objectStore(META).put(project.id, CURRENT),
      tx.done,
    ]);
    this.written.set(project.id, project.dataset);
  }

  /**
   * A stored project's record and its dataset record (undefined when kept inline), through the
   * storage worker where there is one (read on the page, a big dataset was one long task).
   */
  private async readRecords(db: IDBPDatabase, id: string): Promise<{ project: unknown; dataset: unknown } | null> {
    if (this.writer?.available) {
      try {
        return await this.writer.read(id);
      } catch (error) {
        if (!(error instanceof StorageWorkerFailed)) throw error;
      }
    }
    const project: unknown = await db.get(STORE, id);
    if (project === undefined) return null;
    const stored = (project as { dataset?: unknown } | null)?.dataset;
    return { project, dataset: isDatasetRef(stored) && db.objectStoreNames.contains(DATASETS) ? await db.get(DATASETS, id) : undefined };
  }

  async load(id: string): Promise<Project | null> {
    const db = await this.db();
    if (db === null) return null;
    const read = await this.readRecords(db, id);
    if (read === null) return null;
    const raw = read.project;
    const stored = (raw as { dataset?: unknown } | undefined)?.dataset;
    const dataset: unknown = isDatasetRef(stored) ? read.dataset : stored;
    if (!isPackedDataset(dataset)) {
      // Saved before datasets were packed.
      const parsed = ProjectSchema.safeParse(raw);
      return parsed.success ? parsed.data : null;
    }
    const shell = parseShell(raw as object);
    if (shell === null || packedDatasetProblem(dataset) !== null) return null;
    const layout = await layoutOf(raw as object, shell);
    // Slices of 20,000 records: 50,000 tie objects and the collection they bring were a long task.
    const unpacked = await unpackDatasetInSlices(dataset, { between: yieldToPage, sliceSize: 20_000 });
    rememberPacked(unpacked, dataset);
    datasetBytes(unpacked, isDatasetRef(stored) ? stored.bytes : undefined);
    // Read from DATASETS, it is there already; kept inline (saved by version 1), the next save
    // writes it there.
    if (isDatasetRef(stored)) this.written.set(id, unpacked);
    return { ...shell, layout, dataset: unpacked };
  }

  async current(): Promise<Project | null> {
    const db = await this.db();
    const id: unknown = db === null ? undefined : await db.get(META, CURRENT);
    return typeof id === 'string' ? this.load(id) : null;
  }

  async setCurrent(id: string): Promise<void> {
    await (await this.writable()).put(META, id, CURRENT);
  }

  /** Every project kept in this browser, newest first, with what each keeps (damaged ones too). */
  async list(): Promise<ProjectListing[]> {
    const db = await this.db();
    if (db === null) return [];
    const all: unknown[] = await db.getAll(STORE);
    const current: unknown = await db.get(META, CURRENT);
    const hasDatasets = db.objectStoreNames.contains(DATASETS);
    const listed = await Promise.all(
      all.map(async (raw): Promise<ProjectListing | null> => {
        const shell = shellOf(raw);
        const listing = shell ? { id: shell.project.id, name: shell.project.name, updatedAt: shell.project.updatedAt, people: shell.people } : damagedListing(raw);
        if (listing === null) return null;
        // A dataset whose record does not say its size (saved before sizes were kept) is read and measured.
        const ref = (raw as { dataset?: unknown }).dataset;
        const apart: unknown = hasDatasets && !(isDatasetRef(ref) && typeof ref.bytes === 'number') && !isPackedDataset(ref) ? await db.get(DATASETS, listing.id) : undefined;
        return { ...listing, bytes: storedBytes(raw, current === listing.id, apart) };
      }),
    );
    return listed.filter((p) => p !== null).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async rename(id: string, name: string): Promise<void> {
    const db = await this.writable();
    const raw: unknown = await db.get(STORE, id);
    // Renamed in storage as stored: nothing to unpack.
    if (shellOf(raw) !== null) await db.put(STORE, { ...(raw as object), name, updatedAt: new Date().toISOString() });
  }

  /** Removes a project and everything kept for it (its record, its dataset, the note that it opens next). Allowed in private mode: it removes, never writes. */
  async remove(id: string): Promise<void> {
    await Promise.allSettled([...this.saving]);
    const db = await this.db();
    this.written.delete(id);
    if (db === null) return;
    const stores = db.objectStoreNames.contains(DATASETS) ? [STORE, DATASETS, META] : [STORE, META];
    const tx = db.transaction(stores, 'readwrite');
    const current: unknown = await tx.objectStore(META).get(CURRENT);
    await Promise.all([
      tx.objectStore(STORE).delete(id),
      stores.includes(DATASETS) ? tx.objectStore(DATASETS).delete(id) : null,
      current === id ? tx.objectStore(META).delete(CURRENT) : null,
      tx.done,
    ]);
    this.tellOthers(id);
  }

  /**
   * Deletes netweave's whole database in this browser. Another tab still holding it open is asked
   * to let go (`blocked` is called while it has not); resolves once the database is gone.
   */
  async forgetAll(blocked?: () => void): Promise<void> {
    await Promise.allSettled([...this.saving]);
    await this.disconnect();
    this.written.clear();
    // Told first: a tab that closes its project lets go of the database sooner.
    this.tellOthers(null);
    await deleteDB(DB_NAME, { blocked: () => blocked?.() });
  }
}

/** What the browser says this site uses and may use, where it says (`navigator.storage.estimate()`). */
export async function browserEstimate(): Promise<{ usage: number; quota: number } | null> {
  try {
    const estimate = await navigator.storage?.estimate?.();
    return estimate && typeof estimate.usage === 'number' && typeof estimate.quota === 'number' ? { usage: estimate.usage, quota: estimate.quota } : null;
  } catch {
    return null;
  }
}
