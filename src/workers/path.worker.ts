/** A browser path worker (see path-api.ts). */
import '../engine/core/util/zod-setup.ts';
import * as Comlink from 'comlink';
import { pathApi } from './path-api.ts';

Comlink.expose(pathApi);
