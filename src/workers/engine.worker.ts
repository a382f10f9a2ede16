/**
 * The analysis worker: exposes the engine through comlink. Nothing but wiring lives here.
 */
import '../engine/core/util/zod-setup.ts';
import * as Comlink from 'comlink';
import { usePathEngine } from '../engine/algorithms/metrics/shortest-paths.ts';
import { engineApi } from './engine-api.ts';

// Small networks' passes run here: the WebAssembly kernel, as on the path workers.
usePathEngine('wasm');

Comlink.expose(engineApi);
