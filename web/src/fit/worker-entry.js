/* The fit worker (bundled as a string into lossplay-fitlab.js and started
 * from a Blob URL, so it runs from file:// too). It holds its own fit core,
 * instantiated from the WebAssembly.Module the page compiled, and runs
 * compute-fit.js's computeFit. Runs are numbered: a newer one makes the
 * older stale, and a stale run stops before its next loss. Messages are data:
 *   in:  {type: 'init', module} | {type: 'run', run, data: {x, y, errors}, fit, meta}
 *   out: {type: 'ready'} | {type: 'failed', error} | {type: 'done', run, results}
 *        | {type: 'cancelled', run} | {type: 'error', run, error} */
import createLossplayFit from '../../../build/wasm/lossplay-fit.js';
import { loadFit } from './fit-api.js';
import { computeFit } from './compute-fit.js';
import { plainError } from '../pipeline/wire.js';
import { transferList } from './worker-wire.js';

let api = null;
let latest = 0;
let queue = Promise.resolve();
// A macrotask: a newer run's message is handled here, between two losses.
const between = () => new Promise((resolve) => setTimeout(resolve, 0));

async function run(m) {
  if (m.run !== latest) {
    self.postMessage({ type: 'cancelled', run: m.run });
    return;
  }
  try {
    const results = await computeFit(api, m.data, m.fit, m.meta, { between, stale: () => m.run !== latest });
    if (!results) self.postMessage({ type: 'cancelled', run: m.run });
    else self.postMessage({ type: 'done', run: m.run, results }, transferList(results));
  } catch (e) {
    self.postMessage({ type: 'error', run: m.run, error: plainError(e) });
  }
}

self.addEventListener('message', (event) => {
  const m = event.data;
  if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
  if (m.type === 'init') {
    loadFit({ wasmModule: m.module, factory: createLossplayFit }).then((fit) => {
      api = fit;
      self.postMessage({ type: 'ready' });
    }, (e) => self.postMessage({ type: 'failed', error: plainError(e) }));
  } else if (m.type === 'run' && typeof m.run === 'number') {
    latest = Math.max(latest, m.run);
    queue = queue.then(() => run(m)); // one run at a time; stale ones end at once
  }
});
