/**
 * Projects in the browser's IndexedDB (never on a server). Everything read back is validated
 * with the project schema, so a stale or damaged entry cannot break the app.
 *
 * The dataset is stored packed (columns of typed arrays, see engine/model/packed-dataset.ts):
 * IndexedDB copies a million tie objects in about a second on the page's thread, the packed
 * columns in milliseconds. Reading back checks the columns and unpacks them in slices.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { ProjectSchema, type Project } from '../../engine/model/project.ts';
import { isPackedDataset, packedDatasetProblem, packedOf, rememberPacked, unpackDatasetInSlices } from '../../engine/model/packed-dataset.ts';
import { yieldToPage } from '../../workers/yield-to-page.ts';

/** The project without its dataset: what the schema checks when the dataset is packed. */
const ProjectShellSchema = ProjectSchema.omit({ dataset: true });

/** A stored project's people count and validity, without unpacking it. */
function shellOf(raw: unknown): { project: Omit<Project, 'dataset'>; people: number } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const dataset = (raw as { dataset?: unknown }).dataset;
  if (isPackedDataset(dataset)) {
    const shell = ProjectShellSchema.safeParse(raw);
    return shell.success ? { project: shell.data, people: dataset.people.count } : null;
  }
  const parsed = ProjectSchema.safeParse(raw);
  return parsed.success ? { project: parsed.data, people: parsed.data.dataset.people.length } : null;
}

const DB_NAME = 'netweave';
const STORE = 'projects';
const META = 'meta';

export interface ProjectListing {
  id: string;
  name: string;
  updatedAt: string;
  people: number;
}

export class ProjectDb {
  private db: Promise<IDBPDatabase>;

  constructor() {
    this.db = openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore(STORE, { keyPath: 'id' });
        db.createObjectStore(META);
      },
    });
  }

  async save(project: Project): Promise<void> {
    const db = await this.db;
    const tx = db.transaction([STORE, META], 'readwrite');
    await tx.objectStore(STORE).put({ ...project, dataset: packedOf(project.dataset) });
    await tx.objectStore(META).put(project.id, 'current');
    await tx.done;
  }

  async load(id: string): Promise<Project | null> {
    const raw: unknown = await (await this.db).get(STORE, id);
    const dataset = (raw as { dataset?: unknown } | undefined)?.dataset;
    if (!isPackedDataset(dataset)) {
      // Saved before datasets were packed.
      const parsed = ProjectSchema.safeParse(raw);
      return parsed.success ? parsed.data : null;
    }
    const shell = ProjectShellSchema.safeParse(raw);
    if (!shell.success || packedDatasetProblem(dataset) !== null) return null;
    const unpacked = await unpackDatasetInSlices(dataset, { between: yieldToPage });
    rememberPacked(unpacked, dataset);
    return { ...shell.data, dataset: unpacked };
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
      .map(shellOf)
      .filter((p) => p !== null)
      .map(({ project, people }) => ({ id: project.id, name: project.name, updatedAt: project.updatedAt, people }))
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
    await db.delete(STORE, id);
    if ((await db.get(META, 'current')) === id) await db.delete(META, 'current');
  }
}
