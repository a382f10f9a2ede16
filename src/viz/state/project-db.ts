/**
 * Projects in the browser's IndexedDB (never on a server). Everything read back is validated
 * with the project schema, so a stale or damaged entry cannot break the app.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { ProjectSchema, type Project } from '../../engine/model/project.ts';

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
    await tx.objectStore(STORE).put(project);
    await tx.objectStore(META).put(project.id, 'current');
    await tx.done;
  }

  async load(id: string): Promise<Project | null> {
    const raw: unknown = await (await this.db).get(STORE, id);
    const parsed = ProjectSchema.safeParse(raw);
    return parsed.success ? parsed.data : null;
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
      .map((raw) => ProjectSchema.safeParse(raw))
      .filter((p) => p.success)
      .map(({ data }) => ({ id: data.id, name: data.name, updatedAt: data.updatedAt, people: data.dataset.people.length }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async rename(id: string, name: string): Promise<void> {
    const project = await this.load(id);
    if (project) await (await this.db).put(STORE, { ...project, name, updatedAt: new Date().toISOString() });
  }

  async remove(id: string): Promise<void> {
    const db = await this.db;
    await db.delete(STORE, id);
    if ((await db.get(META, 'current')) === id) await db.delete(META, 'current');
  }
}
