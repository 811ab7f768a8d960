/* Starts the loss core for the bundles: the Emscripten glue (the MODULARIZE
 * factory build/wasm/lossplay-core.js, bundled in, so no global is shared)
 * with load-core.js handing it the wasm: fetched as a binary on http(s),
 * from lossplay-core-wasm.js on file://, read from beside dist/lossplay.js
 * in Node. */
import createLossplayCore from '../../../build/wasm/lossplay-core.js';
import { loadCore } from './load-core.js';
import { apiError } from './lossplay-error.js';

// The folder the running bundle came from, where the wasm sits beside it;
// read now, while the bundle's own <script> is the current one.
const here = typeof document !== 'undefined' && document.currentScript && document.currentScript.src
  ? new URL('.', document.currentScript.src).href
  : null;

/** options: {base} (the folder of lossplay-core.wasm), {factory}, {moduleArgs}. */
export async function startCore(options = {}) {
  const base = options.base || here || (typeof document !== 'undefined' ? document.baseURI : undefined);
  try {
    return await loadCore({ factory: options.factory || createLossplayCore, base, moduleArgs: options.moduleArgs || {} });
  } catch (e) {
    throw apiError('core_load_failed', { reason: (e.params && e.params.reason) || e.message }, e.message);
  }
}
