/* The pipeline's worker (bundled into lossplay-worker.js as a string and
 * started from a Blob URL, so it also runs from file://). Holds its own
 * core, instantiated from the WebAssembly.Module the page compiled; the
 * data boxes' bytes (transferred, by id); and a cache of readings and
 * results, so a change computes only what it changed. Messages are data:
 *   in:  {type: 'init', module} | {type: 'data', id, bytes | text} | {type: 'drop', id}
 *        | {type: 'run', run, state, big: {box: id}} | {type: 'cancel', run}
 *   out: {type: 'ready'} | {type: 'failed', error} | {type: 'progress', run, step}
 *        | {type: 'done', run, wire} | {type: 'cancelled', run} | {type: 'error', run, error}
 */
import createLossplayCore from '../../../build/wasm/lossplay-core.js';
import { LossPlay } from '../core/lossplay.js';
import { computeSteps, createCache } from '../compute/compute.js';
import { findHints } from '../compute/hints.js';
import { drive, Cancelled } from './drive.js';
import { toWire, plainError } from './wire.js';
import { installHere } from '../input/more.js';

installHere(); // the worker reads everything itself: Python literals, comma readings

let lp = null;
const cache = createCache();
const data = new Map(); // id -> Uint8Array
let latest = 0;
const cancelled = new Set();
let queue = Promise.resolve();

async function init(module) {
  const core = await createLossplayCore({
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module));
      return {};
    },
  });
  lp = new LossPlay(core);
}

async function run(m) {
  if (m.run !== latest || cancelled.has(m.run)) {
    self.postMessage({ type: 'cancelled', run: m.run });
    return;
  }
  const sources = {};
  for (const box of ['predictions', 'targets']) {
    const id = m.big && m.big[box];
    sources[box] = id ? { id, bytes: data.get(id) || new Uint8Array(0) } : m.state.texts[box];
  }
  try {
    const out = await drive(computeSteps(m.state, lp, { sources, cache, findHints }), {
      onStep: (step) => self.postMessage({ type: 'progress', run: m.run, step }),
      isStale: () => m.run !== latest || cancelled.has(m.run),
    });
    const { wire, transfer } = toWire(out);
    self.postMessage({ type: 'done', run: m.run, wire }, transfer);
  } catch (e) {
    if (e instanceof Cancelled) self.postMessage({ type: 'cancelled', run: m.run });
    else self.postMessage({ type: 'error', run: m.run, error: plainError(e) });
  }
}

self.onmessage = (event) => {
  const m = event.data;
  if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
  if (m.type === 'init' && m.module instanceof WebAssembly.Module && !lp) {
    init(m.module).then(() => self.postMessage({ type: 'ready' }), (e) => self.postMessage({ type: 'failed', error: plainError(e) }));
  } else if (m.type === 'data' && typeof m.id === 'string' && m.bytes instanceof Uint8Array) {
    data.set(m.id, m.bytes);
  } else if (m.type === 'data' && typeof m.id === 'string' && typeof m.text === 'string') {
    data.set(m.id, new TextEncoder().encode(m.text)); // pasted text: encoded here, not on the page
  } else if (m.type === 'drop' && typeof m.id === 'string') {
    data.delete(m.id);
  } else if (m.type === 'cancel' && typeof m.run === 'number') {
    cancelled.add(m.run);
  } else if (m.type === 'run' && typeof m.run === 'number' && m.state && typeof m.state === 'object' && lp) {
    latest = Math.max(latest, m.run);
    queue = queue.then(() => run(m));
  }
};
