/* FitResults across postMessage: the typed arrays' buffers to transfer
 * (each once: a loss's labels may be the data's own y). */
export function transferList(results) {
  const seen = new Set();
  const add = (a) => {
    if (ArrayBuffer.isView(a) && !seen.has(a.buffer)) seen.add(a.buffer);
  };
  add(results.x);
  add(results.y);
  for (const f of results.fits) {
    if (f.labels) add(f.labels.y);
    if (f.path) [f.path.w, f.path.b, f.path.loss].forEach(add);
    if (f.landscape) add(f.landscape.values);
  }
  return [...seen];
}
