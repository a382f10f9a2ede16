/**
 * The analysis worker: exposes the engine through comlink. Nothing but wiring lives here.
 */
import '../engine/core/util/zod-setup.ts';
import * as Comlink from 'comlink';
import { engineApi } from './engine-api.ts';

Comlink.expose(engineApi);
