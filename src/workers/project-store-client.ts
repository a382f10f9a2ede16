/**
 * The page's side of the storage worker: hands a save's records over in parts, a few
 * milliseconds of the page's time each with a turn of the event loop between them, then has the
 * worker write them in one transaction; reads come back the same way. Where no worker can start (or it failed once),
 * `available` is false, a failed write rejects with StorageWorkerFailed, and the page writes
 * itself.
 */
import * as Comlink from 'comlink';
import type { ProjectStoreApi, StoredWrite } from './project-store-api.ts';
import { sendInParts, takeInParts } from './parts-transfer.ts';

/** Work (array items, see record-parts.ts) posted in one message before the page gets a turn. */
const BATCH_WEIGHT = 20_000;

/** The storage worker could not start or stopped: the page writes itself instead. */
export class StorageWorkerFailed extends Error {
  constructor(reason: string) {
    super(`the storage worker did not run (${reason})`);
    this.name = 'StorageWorkerFailed';
  }
}

export class ProjectStoreClient {
  private api: Comlink.Remote<ProjectStoreApi> | null = null;
  /** Rejects once the worker fails to load or run (a worker's script error answers no call). */
  private failed: Promise<never> | null = null;
  private broken = false;
  private saves = 0;

  /** Whether saves can go through the worker (false where workers cannot start, or after one failed). */
  get available(): boolean {
    return typeof Worker !== 'undefined' && !this.broken;
  }

  private remote(): { api: Comlink.Remote<ProjectStoreApi>; failed: Promise<never> } {
    if (this.api === null || this.failed === null) {
      const worker = new Worker(new URL('./project-store.worker.ts', import.meta.url), { type: 'module', name: 'netweave-storage' });
      this.failed = new Promise<never>((_, reject) => {
        worker.addEventListener('error', (event) => {
          this.broken = true;
          worker.terminate();
          reject(new StorageWorkerFailed(event.message || 'its script did not load'));
        });
      });
      this.failed.catch(() => undefined);
      this.api = Comlink.wrap<ProjectStoreApi>(worker);
    }
    return { api: this.api, failed: this.failed };
  }

  /**
   * Reads project `id`'s record and its dataset record (absent when kept inline by version 1),
   * handed over in parts; null when there is no such project.
   */
  async read(id: string): Promise<{ project: unknown; dataset: unknown } | null> {
    const { api, failed } = this.remote();
    const answer = <T>(call: Promise<T>): Promise<T> => Promise.race([call, failed]);
    const n = await answer(api.read(id));
    if (n === null) return null;
    return (await takeInParts(() => answer(api.nextReadParts(n)))) as { project: unknown; dataset: unknown };
  }

  /**
   * Writes the records; resolves to the dataset's size where the worker measured it (else
   * null), rejects as the worker's write did (its error's name kept).
   */
  async write(records: StoredWrite): Promise<number | null> {
    const { api, failed } = this.remote();
    const id = ++this.saves;
    const answer = <T>(call: Promise<T>): Promise<T> => Promise.race([call, failed]);
    try {
      await sendInParts(records, BATCH_WEIGHT, (batch) => answer(api.stage(id, batch.parts)));
      return await answer(api.commit(id));
    } catch (error) {
      if (!this.broken) void api.drop(id).catch(() => undefined);
      throw error;
    }
  }
}
