/* How the core is loaded today, in ONE place: the Emscripten glue
 * lossplay-core.js (a MODULARIZE factory, createLossplayCore, with the wasm
 * inlined) is a classic script beside the page, or require()d beside
 * dist/lossplay.js in Node. The site's web/src/core/load-core.js replaces
 * this module at merge: same signature, loadCore(options) resolving to the
 * Emscripten module instance.
 *
 * options: {factory} (a createLossplayCore to use), {base} (the URL of the
 * folder holding lossplay-core.js, default: beside the page), {moduleArgs}. */
import { apiError } from './lossplay-error.js';

const GLUE = 'lossplay-core.js';
let injected = null;

// In a page: the glue's global, once its <script> has run (index.html has
// it; the <loss-playground> element adds it).
function factoryInPage(base) {
  if (typeof self !== 'undefined' && typeof self.createLossplayCore === 'function') return Promise.resolve(self.createLossplayCore);
  if (typeof document === 'undefined') return Promise.resolve(null);
  const existing = document.querySelector(`script[src$="${GLUE}"]`);
  if (!injected) {
    injected = new Promise((resolve, reject) => {
      const s = existing || document.createElement('script');
      const done = () => (typeof self.createLossplayCore === 'function' ? resolve(self.createLossplayCore) : reject(new Error(`${GLUE} did not define the core`)));
      s.addEventListener('load', done);
      s.addEventListener('error', () => reject(new Error(`lossplay: cannot load ${s.src}`)));
      if (!existing) {
        s.src = new URL(GLUE, base || document.baseURI).href;
        document.head.append(s);
      }
    });
  }
  return injected;
}

export async function loadCore(options = {}) {
  let factory = options.factory || null;
  // Node: dist/lossplay.js is a CommonJS module with the glue beside it.
  if (!factory && typeof module === 'object' && module && typeof require === 'function' && typeof document === 'undefined') {
    factory = require('./lossplay-core.js');
  }
  if (!factory) factory = await factoryInPage(options.base);
  if (!factory) throw apiError('core_not_loaded', {}, 'lossplay-core.js is not loaded: include it before lossplay.js');
  return factory(options.moduleArgs || {});
}
