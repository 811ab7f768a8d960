/* The page's side of the compute pipeline (in the data chunk). start()
 * starts the worker from a Blob URL of its code (a string built into the
 * chunk, so it works from file://) and gives it the core's compiled
 * WebAssembly.Module. run(state) sends the boxes'
 * bytes once (transferred) and the state, and resolves to compute()'s
 * result, or null when a newer run or a Cancel made it stale. Progress
 * arrives through onStep. If the worker cannot start, the same compute
 * runs on the main thread, a step at a time with a yield between steps. */
import { compiledCore } from '../core/load-core.js';
import { computeSteps, createCache } from '../compute/compute.js';
import { findHints } from '../compute/hints.js';
import { drive, Cancelled } from './drive.js';
import { fromWire } from './wire.js';
import { dataOf } from './big-data.js';
import { startBlobWorker } from './blob-worker.js';

const BOXES = ['predictions', 'targets'];

// What compute() reads of the state (the rest stays on the page).
const computed = (state) => ({
  texts: state.texts, extra: state.extra, losses: state.losses, options: state.options,
  reduction: state.reduction, columns: state.columns, outlier: state.outlier, split: state.split, commas: state.commas,
});

/** lp: the page's LossPlay (the fallback computes with it); base: the site's folder; code: the worker's. */
export function createPipeline(lp, base, code) {
  let worker = null;
  let ready = null; // resolves true (worker) or false (main thread)
  let runs = 0;
  let live = 0;
  const pending = new Map(); // run -> {resolve, reject, onStep}
  const sent = new Set(); // data ids the worker holds
  const localCache = createCache();
  const local = { bytes: new Map() }; // the fallback's bytes by id
  let mode = 'starting';

  function onMessage(event) {
    // Only our own worker's messages, and only the shapes we know.
    if (event.currentTarget !== worker) return;
    const m = event.data;
    if (!m || typeof m !== 'object' || typeof m.type !== 'string') return;
    const p = typeof m.run === 'number' ? pending.get(m.run) : null;
    if (m.type === 'progress' && p && p.onStep) p.onStep(m.step);
    else if (m.type === 'done' && p) {
      pending.delete(m.run);
      p.resolve(m.run === live ? fromWire(m.wire, lp) : null);
    } else if (m.type === 'cancelled' && p) {
      pending.delete(m.run);
      p.resolve(null);
    } else if (m.type === 'error' && p) {
      pending.delete(m.run);
      p.reject(Object.assign(new Error(m.error && m.error.message), m.error));
    }
  }

  function start() {
    if (ready) return ready;
    ready = (async () => {
      try {
        if (typeof Worker !== 'function') throw new Error('no Worker');
        const module = await compiledCore(base);
        const w = await startBlobWorker(code, module);
        worker = w;
        w.addEventListener('message', onMessage);
        w.addEventListener('error', () => fallBack());
        mode = 'worker';
        return true;
      } catch (e) {
        console.warn(`lossplay: computing on the page (${e.message})`);
        fallBack();
        return false;
      }
    })();
    return ready;
  }

  // The worker is gone: its runs end; the next ones run on the page.
  function fallBack() {
    if (worker) worker.terminate();
    worker = null;
    mode = 'main';
    ready = Promise.resolve(false);
    for (const [run, p] of pending) {
      pending.delete(run);
      p.reject(new Error('the worker stopped'));
    }
  }

  // A file's bytes (read off the main thread), or pasted text as UTF-8.
  async function bytesOf(id) {
    const d = dataOf(id);
    return typeof d === 'string' ? new TextEncoder().encode(d) : new Uint8Array(await d.arrayBuffer());
  }

  async function runInWorker(run, state, onStep) {
    const big = {};
    for (const box of BOXES) {
      const e = state.big && state.big[box];
      if (!e) continue;
      big[box] = e.id;
      if (!sent.has(e.id)) {
        const d = dataOf(e.id);
        if (typeof d === 'string') {
          worker.postMessage({ type: 'data', id: e.id, text: d }); // the worker encodes it
        } else {
          const bytes = new Uint8Array(await d.arrayBuffer());
          if (run !== live) return null;
          worker.postMessage({ type: 'data', id: e.id, bytes }, [bytes.buffer]); // moved, not copied
        }
        sent.add(e.id);
      }
    }
    // The worker forgets data no box holds any more.
    for (const id of sent) {
      if (!Object.values(big).includes(id)) {
        worker.postMessage({ type: 'drop', id });
        sent.delete(id);
      }
    }
    return new Promise((resolve, reject) => {
      pending.set(run, { resolve, reject, onStep });
      worker.postMessage({ type: 'run', run, state: computed(state), big });
    });
  }

  async function runHere(run, state, onStep) {
    const src = {};
    for (const box of BOXES) {
      const e = state.big && state.big[box];
      if (!e) {
        src[box] = state.texts[box];
        continue;
      }
      if (!local.bytes.has(e.id)) local.bytes.set(e.id, await bytesOf(e.id));
      src[box] = { id: e.id, bytes: local.bytes.get(e.id) };
    }
    for (const id of local.bytes.keys()) if (!Object.values(src).some((s) => s && s.id === id)) local.bytes.delete(id);
    try {
      return await drive(computeSteps(state, lp, { sources: src, cache: localCache, findHints }), { onStep, isStale: () => run !== live });
    } catch (e) {
      if (e instanceof Cancelled) return null;
      throw e;
    }
  }

  return {
    start,
    get mode() {
      return mode;
    },
    /** Resolves to compute()'s result for `state`, or null if it went stale. */
    async run(state, onStep) {
      const run = ++runs;
      live = run;
      const inWorker = await start();
      if (run !== live) return null;
      if (inWorker && worker) {
        try {
          return await runInWorker(run, state, onStep);
        } catch (e) {
          if (worker) throw e; // the computation failed, not the worker
        }
      }
      return runHere(run, state, onStep);
    },
    /** Makes the running computation stale: it stops at its next step. */
    cancel() {
      if (worker && pending.has(live)) worker.postMessage({ type: 'cancel', run: live });
      live = ++runs;
    },
  };
}
