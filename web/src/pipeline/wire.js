/* compute()'s result across postMessage (no DOM): toWire() in the worker
 * turns it into plain data whose typed arrays are fresh copies, listed for
 * transfer (the worker's cache keeps its own; the main thread gets them
 * without a copy on its side); fromWire() on the main thread puts the
 * registry entries back by name. Errors travel as their fields (code,
 * params, line, column, token): the views translate them by code. */

const ERROR_FIELDS = ['name', 'message', 'code', 'params', 'kind', 'key', 'line', 'column', 'token', 'reason'];

export function plainError(e) {
  if (e === null || e === undefined) return e;
  if (typeof e !== 'object') return { message: String(e) };
  const out = {};
  for (const k of ERROR_FIELDS) {
    if (e[k] !== undefined) out[k] = e[k];
  }
  if (out.message === undefined) out.message = String(e);
  return out;
}

// Scanned here, in the worker, so the page need not loop over the values.
function hasNaN(t) {
  if (!t || !t.data) return false;
  const d = t.data;
  for (let i = 0; i < d.length; i++) if (d[i] !== d[i]) return true;
  return false;
}

export function toWire(out) {
  const copies = new Map();
  const transfer = [];
  const arr = (a) => {
    if (!ArrayBuffer.isView(a)) return a;
    if (!copies.has(a)) {
      const c = a.slice();
      copies.set(a, c);
      transfer.push(c.buffer);
    }
    return copies.get(a);
  };
  const tensor = (t) => (t && typeof t === 'object' && 'data' in t ? { data: arr(t.data), shape: t.shape } : t);
  const boxes = {};
  for (const [name, b] of Object.entries(out.boxes)) {
    const r = b.reading;
    boxes[name] = { reading: r ? { kind: r.kind, summary: r.summary, header: r.header, shape: r.tensor.shape } : null, error: plainError(b.error), commas: b.commas || null };
  }
  const results = out.results.map((r) => {
    const w = { loss: r.loss.name, reduction: r.reduction, options: r.options };
    if (r.failure) return Object.assign(w, { error: r.error, failure: plainError(r.failure), pairError: Boolean(r.pairError) });
    w.args = {};
    for (const [k, v] of Object.entries(r.args)) w.args[k] = tensor(v);
    w.result = { loss: tensor(r.result.loss), grad: tensor(r.result.grad), gradArg: r.result.gradArg, value: r.result.value, gradHasNaN: hasNaN(r.result.grad) };
    w.perSample = arr(r.perSample);
    w.outlier = r.outlier ? { without: r.outlier.without, error: plainError(r.outlier.error) } : r.outlier;
    w.outlierIndex = r.outlierIndex;
    return w;
  });
  const errors = out.errors.map((e) => Object.assign({}, e, e.error ? { error: plainError(e.error) } : {}));
  const wire = {
    needsMore: false, // the worker has every reader
    boxes, table: out.table, tableOffer: out.tableOffer || null, classSample: out.classSample || null, pairError: out.pairError || null, prediction: tensor(out.prediction), target: tensor(out.target), outlierIndex: out.outlierIndex,
    chosen: out.chosen.map((l) => l.name), colors: out.colors, results, errors, extras: out.extras, hints: out.hints,
  };
  return { wire, transfer };
}

/** The worker's plain result as compute() gives it; `lp` for the registry entries. */
export function fromWire(wire, lp) {
  const results = wire.results.map((r) => Object.assign({}, r, { loss: lp.loss(r.loss) }));
  return Object.assign({}, wire, { chosen: wire.chosen.map((n) => lp.loss(n)), results });
}
