/** The fuzz harness's worker: runs one input through its reader and checks what came back (check.ts). */
import { parentPort } from 'node:worker_threads';
import type { FuzzInput, Verdict } from './protocol.ts';
import { judge } from './check.ts';

parentPort!.on('message', async ({ id, input }: { id: number; input: FuzzInput }) => {
  const started = performance.now();
  let verdict: Verdict;
  try {
    verdict = await judge(input);
  } catch (error) {
    verdict = { outcome: 'crash', problems: [`the check itself threw: ${String((error as Error)?.stack ?? error)}`], ms: 0 };
  }
  verdict.ms = performance.now() - started;
  parentPort!.postMessage({ id, verdict });
});
parentPort!.postMessage({ ready: true });
