/** The map's layout worker (see layout-api.ts). */
import * as Comlink from 'comlink';
import { layoutApi } from './layout-api.ts';

Comlink.expose(layoutApi);
