/**
 * What a path worker exposes: hold a copy of the graph's CSR, run shortest-path passes over a
 * batch of sources. The same object serves browser Workers and Node worker_threads.
 */
import * as Comlink from 'comlink';
import type { Csr } from '../engine/core/graph/csr.ts';
import { shortestPathPass, type PathPartials } from '../engine/algorithms/metrics/shortest-paths.ts';
import type { PathJob } from '../engine/algorithms/parallel/path-batches.ts';

let graph: Csr | null = null;

function partialBuffers(p: PathPartials): ArrayBuffer[] {
  return [p.betweenness, p.farIn, p.reachIn, p.harmonicIn, p.farOut, p.reachOut, p.harmonicOut].map((a) => a.buffer as ArrayBuffer);
}

export const pathApi = {
  setGraph(csr: Csr): void {
    graph = csr;
  },

  pass(job: PathJob, from: number, to: number): PathPartials {
    if (graph === null) throw new Error('path worker: no graph was set.');
    const partials = shortestPathPass(graph, { ...job, from, to });
    return Comlink.transfer(partials, partialBuffers(partials));
  },
};

export type PathApi = typeof pathApi;
