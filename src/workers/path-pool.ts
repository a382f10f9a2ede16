/**
 * A pool of path workers behind the engine's PathRunner interface: each worker gets a copy of
 * the CSR, then batches of sources are handed out as workers come free, and results are merged
 * in batch order (so any pool size gives identical numbers). Progress is reported per batch;
 * cancellation is checked between batches, and the pool's owner terminates the workers.
 */
import type * as Comlink from 'comlink';
import type { Csr } from '../engine/core/graph/csr.ts';
import { OrderedMerger, isSymmetric, runPathBatches, sourceBatches, type PathJob, type PathRunner } from '../engine/algorithms/parallel/path-batches.ts';
import { CancelledError, type RunHooks } from '../engine/core/util/cancel.ts';
import type { PathApi } from './path-api.ts';

/** The typed arrays a path pass needs, without the id table. */
function passArrays(csr: Csr): Csr {
  return { ...csr, ids: [] };
}

/** Below this many people, copying the graph to workers costs more than the passes: run here. */
export const POOL_MIN_NODES = 2000;

/** Batches queued at each worker at once (see the lanes in `run`). */
const QUEUE_DEPTH = 8;

export interface PathRunnerOptions {
  /** Graphs with fewer people run in the calling thread. Default POOL_MIN_NODES. */
  minNodes?: number;
}

export function createPathRunner(workers: Array<Comlink.Remote<PathApi>>, options: PathRunnerOptions = {}): PathRunner {
  let sentGraph: Csr | null = null;
  const minNodes = options.minNodes ?? POOL_MIN_NODES;
  return {
    threads: workers.length,
    async run(csr: Csr, job: PathJob, hooks?: RunHooks) {
      if (csr.n < minNodes) return runPathBatches(csr, job, hooks);
      if (sentGraph !== csr) {
        // Structured clone copies the arrays once per worker (milliseconds even at 1M edges).
        await Promise.all(workers.map((w) => w.setGraph(passArrays(csr))));
        sentGraph = csr;
      }
      const batches = sourceBatches(job.sources?.length ?? csr.n);
      const merger = new OrderedMerger(csr.n, isSymmetric(csr, job));
      let next = 0;
      let done = 0;
      hooks?.onProgress?.('shortest paths', 0);
      // Each worker holds up to QUEUE_DEPTH batches (its lanes), so it never waits for the
      // calling thread, which may be busy with the rest of the analysis meanwhile. Lane d takes
      // a batch only while more than d batches per worker remain, so the ends stay even.
      const lane = async (worker: Comlink.Remote<PathApi>, depth: number): Promise<void> => {
        while (next < batches.length && (depth === 0 || batches.length - next > depth * workers.length)) {
          if (hooks?.isCancelled?.()) throw new CancelledError();
          const batch = batches[next++]!;
          const partial = await worker.pass(job, batch.from, batch.to);
          merger.add(batch.index, partial);
          done++;
          hooks?.onProgress?.('shortest paths', done / batches.length);
        }
      };
      // Started depth first (every worker's first lane, then every second one...), so the
      // batches come back close to their order and few wait in the merger.
      await Promise.all(Array.from({ length: QUEUE_DEPTH }, (_, depth) => workers.map((worker) => lane(worker, depth))).flat());
      return merger.total;
    },
  };
}
