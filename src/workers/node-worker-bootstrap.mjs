// Starts the TypeScript path worker under Node when the pool itself runs from TypeScript (vitest,
// benches under tsx): worker_threads cannot load .ts files directly, so this plain module
// registers tsx's loader (a dev dependency) and then imports the real entry. The built command
// line (dist-cli/) never comes here: its pool starts the built path.node-worker.js directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
