/* The page's side of the fit worker: start() compiles the fit core on the
 * main thread (load-fit.js's compiledFit), starts the worker from a Blob URL
 * of its code (a string in this chunk) and hands it the module. run() sends
 * the data read on the page and the fit state, and resolves to FitResults,
 * or null when a newer run made it stale. If the worker cannot start, the
 * same computeFit runs on the page, a loss at a time with a yield between. */
import { compiledFit } from './load-fit.js';
import { startBlobWorker } from '../pipeline/blob-worker.js';
import { loadFit } from './fit-api.js';
import { computeFit } from './compute-fit.js';

const between = () => new Promise((resolve) => setTimeout(resolve, 0));

export function createFitRunner(base, code) {
  let worker = null;
  let ready = null;
  let runs = 0;
  let mode = 'starting'; // 'worker' | 'page'
  let pageApi = null;
  const pending = new Map(); // run -> {resolve, reject}

  function onMessage(event) {
    if (event.currentTarget !== worker || event.target !== worker) return; // our own worker only
    const m = event.data;
    if (!m || typeof m !== 'object' || typeof m.run !== 'number' || !pending.has(m.run)) return;
    const p = pending.get(m.run);
    pending.delete(m.run);
    if (m.type === 'done') p.resolve(m.run === runs ? m.results : null);
    else if (m.type === 'cancelled') p.resolve(null);
    else if (m.type === 'error') p.reject(Object.assign(new Error(m.error && m.error.message), m.error));
  }

  async function startWorker() {
    if (typeof Worker !== 'function') throw new Error('no Worker');
    const module = await compiledFit(base);
    const w = await startBlobWorker(code, module, 'the fit worker');
    worker = w;
    w.addEventListener('message', onMessage);
    w.addEventListener('error', () => fallBack());
  }

  // The worker died or never started: pending runs and the next ones go to the page.
  function fallBack() {
    if (worker) worker.terminate();
    worker = null;
    mode = 'page';
    for (const p of pending.values()) p.resolve(null);
    pending.clear();
  }

  function start() {
    if (!ready) {
      ready = startWorker().then(() => { mode = 'worker'; }, (e) => {
        console.warn(`lossplay: the fit runs on the page: ${e.message}`);
        fallBack();
      });
    }
    return ready;
  }

  async function onPage(run, data, fit, meta) {
    if (!pageApi) pageApi = loadFit({ base });
    const api = await pageApi;
    return computeFit(api, data, fit, meta, { between, stale: () => run !== runs });
  }

  return {
    start,
    get mode() { return mode; },
    /** FitResults for (data, fit), or null when a newer run came first. */
    async run(data, fit, meta) {
      const mine = ++runs;
      await start();
      if (mine !== runs) return null;
      if (!worker) return onPage(mine, data, fit, meta);
      return new Promise((resolve, reject) => {
        pending.set(mine, { resolve, reject });
        // Copies of the data go over (the page keeps its own for the charts).
        worker.postMessage({ type: 'run', run: mine, data: { x: data.x, y: data.y, errors: data.errors }, fit, meta });
      });
    },
    destroy() {
      if (worker) worker.terminate();
      worker = null;
    },
  };
}
