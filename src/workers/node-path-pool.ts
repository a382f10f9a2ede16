/**
 * The path worker pool under Node (CLI, benchmarks, tests): one worker_threads worker per core
 * by default. Call `close()` when done, or the process stays alive.
 *
 * Each thread runs the worker entry beside this module, in the form this module itself runs in:
 * built as JavaScript (dist-cli/, what bin/netweave.mjs runs), path.node-worker.js directly;
 * from TypeScript (vitest, benches under tsx), path.node-worker.ts through
 * node-worker-bootstrap.mjs, which registers tsx first, since worker_threads cannot load .ts.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { PathRunner } from '../engine/algorithms/parallel/path-batches.ts';
import { createPathRunner, type PathRunnerOptions } from './path-pool.ts';
import type { PathApi } from './path-api.ts';

export interface NodePathPool {
  runner: PathRunner;
  close: () => Promise<void>;
}

export function createNodePathPool(size = availableParallelism(), options: PathRunnerOptions = {}): NodePathPool {
  const threads = Array.from({ length: Math.max(1, size) }, startWorker);
  const remotes = threads.map((t) => Comlink.wrap<PathApi>(nodeEndpoint(t)));
  return {
    runner: createPathRunner(remotes, options),
    close: async () => {
      remotes.forEach((r) => r[Comlink.releaseProxy]());
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}

function startWorker(): Worker {
  if (new URL(import.meta.url).pathname.endsWith('.ts')) {
    const entry = new URL('./path.node-worker.ts', import.meta.url).href;
    return new Worker(new URL('./node-worker-bootstrap.mjs', import.meta.url), { workerData: { entry } });
  }
  return new Worker(new URL('./path.node-worker.js', import.meta.url));
}
