// Starts a TypeScript worker under Node: worker_threads cannot load .ts files directly, so
// this plain module registers tsx's loader and then imports the real entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
