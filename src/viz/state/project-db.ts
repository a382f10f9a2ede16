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
 */
import { openDB, type IDBPDatabase } from 'idb';
import { PROJECT_VERSION, ProjectSchema, type Project } from '../../engine/core/model/project.ts';
import { isPackedDataset, packedDatasetProblem, packedOf, rememberPacked, unpackDatasetInSlices } from '../../engine/core/model/packed-dataset.ts';
import { isPackedLayout, packedLayoutOf, packedLayoutProblem, unpackLayout } from '../../engine/core/model/packed-layout.ts';
import { yieldToPage } from '../../workers/yield-to-page.ts';

/** The project without its dataset and layout: what the schema checks when those are packed. */
const ProjectShellSchema = ProjectSchema.omit({ dataset: true, layout: true });
const LayoutSchema = ProjectSchema.shape.layout;

type ProjectShell = Omit<Project, 'dataset'>;

/**
 * A stored shell, checked. Its layout is unpacked when `withLayout` (opening the project); a
 * listing only needs to know it is sound.
 */
function parseShell(raw: object, withLayout: boolean): ProjectShell | null {
  const stored = (raw as { layout?: unknown }).layout;
  let layout: Project['layout'] = {};
  if (isPackedLayout(stored)) {
    if (packedLayoutProblem(stored) !== null) return null;
    if (withLayout) layout = unpackLayout(stored);
  } else {
    // Saved before layouts were packed.
    const parsed = LayoutSchema.safeParse(stored);
    if (!parsed.success) return null;
    layout = parsed.data;
  }
  const shell = ProjectShellSchema.safeParse(raw);
  return shell.success ? { ...shell.data, layout } : null;
}

/** A stored project's people count and validity, without unpacking it. */
function shellOf(raw: unknown): { project: ProjectShell; people: number } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const dataset = (raw as { dataset?: unknown }).dataset;
  if (isPackedDataset(dataset) || isDatasetRef(dataset)) {
    const shell = parseShell(raw, false);
    return shell ? { project: shell, people: isDatasetRef(dataset) ? dataset.people : dataset.people.count } : null;
  }
  const parsed = ProjectSchema.safeParse(raw);
  return parsed.success ? { project: parsed.data, people: parsed.data.dataset.people.length } : null;
}

const DB_NAME = 'netweave';
const STORE = 'projects';
const META = 'meta';
/** Packed datasets by project id (from version 2; older projects keep theirs inline). */
const DATASETS = 'datasets';

/** Stands in a stored project for its dataset, kept in DATASETS under the project's id. */
interface DatasetRef {
  format: 'netweave-dataset-ref';
  people: number;
}

function isDatasetRef(value: unknown): value is DatasetRef {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'netweave-dataset-ref' && typeof (value as { people?: unknown }).people === 'number';
}

export interface ProjectListing {
  id: string;
  name: string;
  updatedAt: string;
  people: number;
  /** Why a stored project cannot be opened (damaged storage, a newer netweave); listed so it never vanishes without a word. */
  damaged?: string;
}

/** A stored entry that does not read as a project, listed by what can still be read of it. */
function damagedListing(raw: unknown): ProjectListing | null {
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

export class ProjectDb {
  private db: Promise<IDBPDatabase>;
  /** The dataset last written for each project id, by identity: unchanged ones are not written again. */
  private written = new Map<string, Project['dataset']>();

  constructor() {
    // Opened inside a promise: where the browser keeps nothing, even touching indexedDB can
    // throw, and that must fail the first read or save (said on the status line), not the app.
    this.db = Promise.resolve().then(() => this.open());
    this.db.catch(() => undefined);
  }

  private open(): Promise<IDBPDatabase> {
    return openDB(DB_NAME, 2, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          db.createObjectStore(STORE, { keyPath: 'id' });
          db.createObjectStore(META);
        }
        if (oldVersion < 2) db.createObjectStore(DATASETS);
      },
    });
  }

  async save(project: Project): Promise<void> {
    const db = await this.db;
    const tx = db.transaction([STORE, DATASETS, META], 'readwrite');
    const datasetChanged = this.written.get(project.id) !== project.dataset;
    const ref: DatasetRef = { format: 'netweave-dataset-ref', people: project.dataset.people.length };
    await Promise.all([
      tx.objectStore(STORE).put({ ...project, dataset: ref, layout: packedLayoutOf(project.layout) }),
      datasetChanged ? tx.objectStore(DATASETS).put(packedOf(project.dataset), project.id) : null,
      tx.objectStore(META).put(project.id, 'current'),
      tx.done,
    ]);
    this.written.set(project.id, project.dataset);
  }

  async load(id: string): Promise<Project | null> {
    const db = await this.db;
    const raw: unknown = await db.get(STORE, id);
    const stored = (raw as { dataset?: unknown } | undefined)?.dataset;
    const dataset: unknown = isDatasetRef(stored) ? await db.get(DATASETS, id) : stored;
    if (!isPackedDataset(dataset)) {
      // Saved before datasets were packed.
      const parsed = ProjectSchema.safeParse(raw);
      return parsed.success ? parsed.data : null;
    }
    const shell = parseShell(raw as object, true);
    if (shell === null || packedDatasetProblem(dataset) !== null) return null;
    const unpacked = await unpackDatasetInSlices(dataset, { between: yieldToPage });
    rememberPacked(unpacked, dataset);
    // Read from DATASETS, it is there already; kept inline (saved by version 1), the next save
    // writes it there.
    if (isDatasetRef(stored)) this.written.set(id, unpacked);
    return { ...shell, dataset: unpacked };
  }

  async current(): Promise<Project | null> {
    const id: unknown = await (await this.db).get(META, 'current');
    return typeof id === 'string' ? this.load(id) : null;
  }

  async setCurrent(id: string): Promise<void> {
    await (await this.db).put(META, id, 'current');
  }

  async list(): Promise<ProjectListing[]> {
    const all: unknown[] = await (await this.db).getAll(STORE);
    return all
      .map((raw): ProjectListing | null => {
        const shell = shellOf(raw);
        return shell ? { id: shell.project.id, name: shell.project.name, updatedAt: shell.project.updatedAt, people: shell.people } : damagedListing(raw);
      })
      .filter((p) => p !== null)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async rename(id: string, name: string): Promise<void> {
    const db = await this.db;
    const raw: unknown = await db.get(STORE, id);
    // Renamed in storage as stored: nothing to unpack.
    if (shellOf(raw) !== null) await db.put(STORE, { ...(raw as object), name, updatedAt: new Date().toISOString() });
  }

  async remove(id: string): Promise<void> {
    const db = await this.db;
    const tx = db.transaction([STORE, DATASETS, META], 'readwrite');
    const current: unknown = await tx.objectStore(META).get('current');
    await Promise.all([tx.objectStore(STORE).delete(id), tx.objectStore(DATASETS).delete(id), current === id ? tx.objectStore(META).delete('current') : null, tx.done]);
    this.written.delete(id);
  }
}
