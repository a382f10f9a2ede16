/** A browser path worker (see path-api.ts). */
import '../engine/core/util/zod-setup.ts';
import * as Comlink from 'comlink';
import { usePathEngine } from '../engine/algorithms/metrics/shortest-paths.ts';
import { pathApi } from './path-api.ts';

// The app's Content-Security-Policy allows WebAssembly ('wasm-unsafe-eval'), so the passes take
// the WebAssembly kernel (JavaScript where the browser has none: the same numbers).
usePathEngine('wasm');

Comlink.expose(pathApi);
