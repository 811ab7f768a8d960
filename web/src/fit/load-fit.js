/* load-fit.js: starts the fit core (lossplay-fit.wasm) the way load-core.js
 * starts the loss core: on http(s) fetched as a binary, else (file://, a
 * failed fetch) from lossplay-fit-wasm.js, the same bytes in a classic
 * script; in a worker from a WebAssembly.Module it was handed; in Node the
 * glue reads its .wasm from beside itself. Kept apart from load-core.js so
 * the page's first load carries none of it. */
import { bytesFromScript, fetchAndCompile } from '../core/load-core.js';

export const FIT_WASM_FILE = 'lossplay-fit.wasm';
export const FIT_WASM_SCRIPT = 'lossplay-fit-wasm.js';

// One compile per address, however many callers start the fit core.
const compiled = new Map();

function loadError(reason) {
  const e = new Error(`lossplay could not load its WebAssembly fit core (${FIT_WASM_FILE}): ${reason}`);
  e.code = 'fit_core_load_failed';
  e.params = { file: FIT_WASM_FILE, reason };
  return e;
}

async function compileFit(root) {
  const reasons = [];
  if (/^https?:$/.test(new URL(root).protocol)) {
    try {
      return await fetchAndCompile(new URL(FIT_WASM_FILE, root).href);
    } catch (e) {
      reasons.push(e.message);
    }
  }
  try {
    return await WebAssembly.compile(await bytesFromScript(new URL(FIT_WASM_SCRIPT, root).href));
  } catch (e) {
    reasons.push(e.message);
  }
  throw loadError(reasons.join('; '));
}

/** Resolves to the compiled WebAssembly.Module of the fit core at `base` (a page only): a worker can be handed it. */
export function compiledFit(base) {
  const root = new URL(base, document.baseURI).href;
  const key = new URL(FIT_WASM_FILE, root).href;
  if (!compiled.has(key)) {
    const compiling = compileFit(root);
    compiled.set(key, compiling);
    compiling.catch(() => compiled.delete(key)); // a later call tries again
  }
  return compiled.get(key);
}

/**
 * Resolves to the Emscripten module instance of the fit core.
 *   factory     createLossplayFit, the glue's factory
 *   base        the folder of lossplay-fit.wasm and lossplay-fit-wasm.js (a page)
 *   wasmModule  a compiled WebAssembly.Module (a worker; optional elsewhere)
 * Fails with an Error whose code is 'fit_core_load_failed' and params {file, reason}.
 */
export async function loadFitCore({ factory, base, wasmModule }) {
  if (!wasmModule) {
    if (typeof document === 'undefined') return factory({});
    if (base === undefined || base === null) throw new TypeError(`loadFit needs base: the folder of ${FIT_WASM_FILE}`);
    wasmModule = await compiledFit(base);
  }
  let fail;
  const failed = new Promise((resolve, reject) => { fail = reject; });
  const ready = factory({
    // The glue hands over its imports; the module compiled above is instantiated with them.
    instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(wasmModule, imports).then(
        (instance) => receiveInstance(instance, wasmModule),
        (e) => fail(loadError(e.message)));
      return {}; // the exports arrive through receiveInstance
    },
  });
  return Promise.race([ready, failed]);
}
