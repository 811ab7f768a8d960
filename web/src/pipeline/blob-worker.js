/* Starts a worker from its code as a string (a Blob URL, so it runs from
 * file://), hands it a compiled WebAssembly.Module and waits for its
 * 'ready' (or 'failed'): the loss pipeline's worker and the fit lab's. */

const START_TIMEOUT_MS = 20000;

/** Resolves to the started Worker; rejects when it fails, says 'failed' or stays silent too long. */
export async function startBlobWorker(code, module, name = 'the worker') {
  if (typeof Worker !== 'function') throw new Error('no Worker');
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  const w = new Worker(url);
  URL.revokeObjectURL(url);
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start`)), START_TIMEOUT_MS);
      w.addEventListener('error', (e) => { clearTimeout(timer); reject(new Error(e.message || `${name} failed`)); });
      w.addEventListener('message', function first(e) {
        if (e.currentTarget !== w || !e.data || (e.data.type !== 'ready' && e.data.type !== 'failed')) return;
        w.removeEventListener('message', first);
        clearTimeout(timer);
        if (e.data.type === 'ready') resolve();
        else reject(new Error(e.data.error && e.data.error.message));
      });
      w.postMessage({ type: 'init', module });
    });
  } catch (e) {
    w.terminate();
    throw e;
  }
  return w;
}
