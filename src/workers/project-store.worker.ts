/**
 * The worker that writes projects into this browser's storage (project-store-api.ts). Wiring only.
 */
import * as Comlink from 'comlink';
import { projectStoreApi } from './project-store-api.ts';

Comlink.expose(projectStoreApi);
