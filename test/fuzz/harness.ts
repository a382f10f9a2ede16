/**
 * Runs readers on fuzz inputs in a worker thread with a time budget per input, so that a reader
 * that hangs (a backtracking regular expression, a loop that never ends) is stopped and named
 * instead of stalling the suite: past the budget the worker is terminated, the input is reported
 * as a hang, and a fresh worker takes the next input. A worker that dies (out of memory, a fatal
 * error) is reported as a crash of that input the same way.
 *
 * The worker (fuzz.worker.ts) is TypeScript, so it is started through the repository's
 * node-worker-bootstrap.mjs, which registers tsx first, as the path workers are under vitest.
 */
import { Worker } from 'node:worker_threads';
import type { FuzzInput, Verdict } from './protocol.ts';

/** Per-input time budget: FUZZ_BUDGET_MS, else 5 s (readers take milliseconds on these inputs; the rest is headroom for a busy machine). */
export const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 5000);
/** How long a worker may take to start (load tsx and the engine). */
const START_MS = 60_000;

const BOOTSTRAP = new URL('../../src/workers/node-worker-bootstrap.mjs', import.meta.url);
const ENTRY = new URL('./fuzz.worker.ts', import.meta.url).href;

interface Pending {
  id: number;
  resolve: (verdict: Verdict) => void;
}

export class FuzzWorker {
  private worker: Worker | undefined;
  private started: Promise<void> | undefined;
  private pending: Pending | undefined;
  private nextId = 0;
  /** How many workers were started (each hang or crash costs one). */
  starts = 0;

  constructor(readonly budgetMs = BUDGET_MS) {}

  private start(): Promise<void> {
    if (this.started !== undefined) return this.started;
    this.starts++;
    const worker = new Worker(BOOTSTRAP, { workerData: { entry: ENTRY }, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    this.worker = worker;
    this.started = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the fuzz worker did not start within ${START_MS} ms`)), START_MS);
      worker.on('message', (message: { ready?: true; id?: number; verdict?: Verdict }) => {
        if (message.ready) {
          clearTimeout(timer);
          resolve();
        } else if (this.pending !== undefined && message.id === this.pending.id && message.verdict) {
          const { resolve: done } = this.pending;
          this.pending = undefined;
          done(message.verdict);
        }
      });
      const died = (why: string): void => {
        clearTimeout(timer);
        if (this.worker === worker) this.forget();
        reject(new Error(why));
        if (this.pending !== undefined) {
          const { resolve: done } = this.pending;
          this.pending = undefined;
          done({ outcome: 'crash', problems: [`the worker died: ${why}`], ms: 0 });
        }
      };
      worker.on('error', (error) => died(String(error?.stack ?? error)));
      worker.on('exit', (code) => died(`exit code ${code}`));
    });
    this.started.catch(() => undefined);
    return this.started;
  }

  private forget(): void {
    this.worker = undefined;
    this.started = undefined;
  }

  /** Runs one input; a hang past the budget terminates the worker and is the verdict. */
  async run(input: FuzzInput): Promise<Verdict> {
    await this.start();
    const worker = this.worker!;
    const id = ++this.nextId;
    return new Promise<Verdict>((resolve) => {
      const timer = setTimeout(() => {
        if (this.pending?.id !== id) return;
        this.pending = undefined;
        this.forget();
        void worker.terminate();
        resolve({ outcome: 'hang', problems: [`no answer within the budget of ${this.budgetMs} ms`], ms: this.budgetMs });
      }, this.budgetMs);
      this.pending = {
        id,
        resolve: (verdict) => {
          clearTimeout(timer);
          resolve(verdict);
        },
      };
      worker.postMessage({ id, input });
    });
  }

  /** Runs inputs one after another, each within the budget; a hang or crash does not stop the rest. */
  async runBatch(inputs: readonly FuzzInput[]): Promise<Verdict[]> {
    const verdicts: Verdict[] = [];
    for (const input of inputs) verdicts.push(await this.run(input));
    return verdicts;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.forget();
    if (worker !== undefined) {
      worker.removeAllListeners('exit');
      worker.removeAllListeners('error');
      await worker.terminate();
    }
  }
}
