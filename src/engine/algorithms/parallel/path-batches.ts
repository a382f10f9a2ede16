/**
 * Shortest-path passes split into a fixed set of source batches. The batches depend only on the
 * number of nodes, each starts from zero partial sums, and they are merged in batch order, so
 * the result is bit-for-bit the same whether one thread or a pool of workers runs them.
 */
import type { Csr } from '../../core/graph/csr.ts';
import { emptyPathPartials, mergePathPartials, shortestPathPass, type PathPartials, type PathPassOptions } from '../metrics/shortest-paths.ts';
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';

/** Enough batches to keep every core busy to the end, few enough that merging stays cheap. */
export const PATH_BATCH_COUNT = 64;

export interface SourceBatch {
  index: number;
  from: number;
  to: number;
}

export function sourceBatches(n: number, count = PATH_BATCH_COUNT): SourceBatch[] {
  const batches: SourceBatch[] = [];
  const size = Math.max(1, Math.ceil(n / count));
  for (let from = 0, index = 0; from < n; from += size, index++) batches.push({ index, from, to: Math.min(n, from + size) });
  return batches;
}

/** Options of one path pass, without the source range (the runner sets it per batch). */
export type PathJob = Omit<PathPassOptions, 'from' | 'to'>;

/** Runs path passes somewhere: in this thread or on a pool of workers. */
export interface PathRunner {
  run(csr: Csr, job: PathJob, hooks?: RunHooks): Promise<PathPartials>;
  /** How many threads run the passes (for reports and benchmarks). */
  readonly threads: number;
}

/** Merges batch results as they arrive, in batch order, holding only those that came early. */
export class OrderedMerger {
  private next = 0;
  private waiting = new Map<number, PathPartials>();
  readonly total: PathPartials;

  constructor(n: number, symmetric: boolean) {
    this.total = emptyPathPartials(n, symmetric);
  }

  add(index: number, partial: PathPartials): void {
    this.waiting.set(index, partial);
    for (let p = this.waiting.get(this.next); p !== undefined; p = this.waiting.get(this.next)) {
      mergePathPartials(this.total, p);
      this.waiting.delete(this.next);
      this.next++;
    }
  }
}

/** Whether the passes keep one set of distance sums (see PathPartials.symmetric). */
export function isSymmetric(csr: Csr, job: PathJob): boolean {
  return !csr.directed && job.sources === undefined;
}

/** All batches in this thread, in order. */
export function runPathBatches(csr: Csr, job: PathJob, hooks?: RunHooks): PathPartials {
  const batches = sourceBatches(job.sources?.length ?? csr.n);
  const merger = new OrderedMerger(csr.n, isSymmetric(csr, job));
  batches.forEach((batch, i) => {
    checkCancelled(hooks);
    hooks?.onProgress?.('shortest paths', i / batches.length);
    merger.add(batch.index, shortestPathPass(csr, { ...job, from: batch.from, to: batch.to }));
  });
  hooks?.onProgress?.('shortest paths', 1);
  return merger.total;
}

export const inThreadRunner: PathRunner = {
  threads: 1,
  run: (csr, job, hooks) => Promise.resolve(runPathBatches(csr, job, hooks)),
};
