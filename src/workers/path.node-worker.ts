/** A Node worker_threads path worker (see path-api.ts), wired through comlink's node adapter. */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { pathApi } from './path-api.ts';

Comlink.expose(pathApi, nodeEndpoint(parentPort!));
