// load-core.js: starts the WebAssembly loss core, from a web server or from
// file://. On http(s) it fetches lossplay-core.wasm as a binary (compiled
// while it downloads when the server says application/wasm); where that
// cannot work (file://, a failed fetch, a connect-src that forbids it) it
// adds lossplay-core-wasm.js, a classic script that carries the same bytes
// as base64 and hands them over in an event on its own <script> element, so
// no global is shared. Outside a page (Node) the glue finds its .wasm itself.

export const WASM_FILE = 'lossplay-core.wasm';
export const WASM_SCRIPT = 'lossplay-core-wasm.js';
/** The event lossplay-core-wasm.js dispatches on its <script>; detail is a Uint8Array. */
export const WASM_EVENT = 'lossplay:wasm';

// One compile per wasm address, however many widgets a page starts.
const compiled = new Map();

function coreError(reason) {
  const e = new Error(`lossplay could not load its WebAssembly core (${WASM_FILE}): ${reason}`);
  e.code = 'core_load_failed';
  e.params = { file: WASM_FILE, reason };
  return e;
}

export async function fetchAndCompile(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const type = (response.headers.get('content-type') || '').split(';')[0].trim();
  // compileStreaming insists on the MIME type; otherwise read it all first.
  if (type === 'application/wasm' && WebAssembly.compileStreaming) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

export function bytesFromScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    let bytes = null;
    // The script runs (and dispatches) before its load event fires.
    script.addEventListener(WASM_EVENT, (event) => { bytes = event.detail; });
    script.onload = () => {
      script.remove();
      if (bytes instanceof Uint8Array) resolve(bytes);
      else reject(new Error(`${url} ran but handed over no wasm`));
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`cannot load ${url}`));
    };
    script.src = url;
    document.head.append(script);
  });
}

async function compileCore(base) {
  const wasmUrl = new URL(WASM_FILE, base).href;
  const reasons = [];
  if (/^https?:$/.test(new URL(base).protocol)) {
    try {
      return await fetchAndCompile(wasmUrl);
    } catch (e) {
      reasons.push(e.message);
    }
  }
  try {
    return await WebAssembly.compile(await bytesFromScript(new URL(WASM_SCRIPT, base).href));
  } catch (e) {
    reasons.push(e.message);
  }
  throw coreError(reasons.join('; '));
}

/**
 * Resolves to the compiled WebAssembly.Module of the core at `base` (the
 * one the page started with, or a new compile): the pipeline's worker is
 * handed it, so it compiles nothing itself.
 */
export function compiledCore(base) {
  const root = new URL(base, document.baseURI).href;
  const key = new URL(WASM_FILE, root).href;
  if (!compiled.has(key)) {
    const compiling = compileCore(root);
    compiled.set(key, compiling);
    compiling.catch(() => compiled.delete(key));
  }
  return compiled.get(key);
}

/**
 * Resolves to the Emscripten module instance of the core.
 *   factory     createLossplayCore, the MODULARIZE glue's factory
 *   base        the address of the folder that holds lossplay-core.wasm and
 *               lossplay-core-wasm.js (needed in a page; ignored in Node)
 *   moduleArgs  more Emscripten module arguments (optional)
 * Fails with an Error whose code is 'core_load_failed' and whose params
 * are {file, reason}.
 */
export async function loadCore({ factory, base, moduleArgs = {} } = {}) {
  if (typeof factory !== 'function') throw new TypeError('loadCore needs factory: the createLossplayCore function');
  if (typeof document === 'undefined') return factory({ ...moduleArgs });
  if (base === undefined || base === null) throw new TypeError('loadCore needs base: the folder of lossplay-core.wasm');
  const wasmModule = await compiledCore(base); // a failed compile is tried again by a later call
  let fail;
  const failed = new Promise((resolve, reject) => { fail = reject; });
  const ready = factory({
    ...moduleArgs,
    // The glue hands us its imports; we instantiate the module compiled above.
    instantiateWasm(imports, receiveInstance) {
      WebAssembly.instantiate(wasmModule, imports).then(
        (instance) => receiveInstance(instance, wasmModule),
        (e) => fail(coreError(e.message)));
      return {}; // the exports arrive through receiveInstance
    },
  });
  return Promise.race([ready, failed]);
}
