/* The fit lab's computation (no DOM), in two pure steps:
 *   readFitData(lp, fit, readData)             the boxes read with the page's own reader (input/read.js:
 *                                              the same parsing, line and column errors; a two-column
 *                                              table in either box gives x and y) -> {x, y, errors, table}
 *   computeFit(fitApi, data, fit, meta, opts)  per selected loss: labels (labels.js), the optimiser's path,
 *                                              the exact optimum and the landscape -> FitResults
 * (see the interfaces of issue 11). The first needs the loss core (lp.parse) and runs on the page; the
 * second only the fit core, so it runs in the fit worker (fit/worker-entry.js) or, when none starts, on
 * the page. A failure of one loss is that loss's error; the others still fit. The reader is handed
 * in, not imported: the worker's bundle then carries no reader and no string tables. */
import { pairTable } from '../input/table-pairing.js';
import { plainError } from '../pipeline/wire.js';
import { FIT_KINDS, mapLabels } from './labels.js';

export const GRID = 100; // the landscape's cells per side, up to GRID_FULL_SAMPLES samples
const GRID_FULL_SAMPLES = 10000;
const GRID_MIN = 30;
const MARGIN = 1.25; // the window holds the path and the start with a quarter to spare

const BOXES = { x: 'predictions', y: 'targets' }; // table-pairing.js's names for the two boxes

function readBox(readData, lp, text) {
  if (!text || !text.trim()) return { reading: null, error: null };
  try {
    return { reading: readData(lp, text), error: null };
  } catch (e) {
    return { reading: null, error: plainError(e) };
  }
}

const valuesOf = (tensor) => Float64Array.from(tensor.data);

/**
 * The two boxes as numbers: {x, y: Float64Array | null, errors: {x?, y?, pair?}, table: null | {from: 'x' | 'y', setAside}}.
 * A table (two columns or more) gives x (its first column) and y (its second) when the other box is empty,
 * or when it was pasted or opened into its box (fit.split) and has a header or a row count unlike the other
 * box's count of numbers: the other box's text is then set aside, not cleared (table-pairing.js's rules).
 * readData: input/read.js's.
 */
export function readFitData(lp, fit, readData) {
  const boxes = { predictions: readBox(readData, lp, fit.x), targets: readBox(readData, lp, fit.y) };
  const errors = {};
  if (boxes.predictions.error) errors.x = boxes.predictions.error;
  if (boxes.targets.error) errors.y = boxes.targets.error;
  const empty = (name) => !(name === 'predictions' ? fit.x : fit.y).trim();
  const split = fit.split ? BOXES[fit.split] : null;
  const paired = errors.x || errors.y ? null : pairTable({ split, columns: null }, boxes, empty);
  if (paired && !paired.offerOnly) {
    const table = { from: paired.table.from === BOXES.x ? 'x' : 'y', setAside: paired.table.setAside };
    return { x: valuesOf(paired.prediction), y: valuesOf(paired.target), errors, table };
  }
  const x = boxes.predictions.reading ? valuesOf(boxes.predictions.reading.tensor) : null;
  const y = boxes.targets.reading ? valuesOf(boxes.targets.reading.tensor) : null;
  if (!errors.x && !errors.y) {
    if (!x || !y || !x.length || !y.length) errors.pair = { code: 'fit_empty', params: {} };
    else if (x.length !== y.length) errors.pair = { code: 'fit_lengths', params: { nx: x.length, ny: y.length } };
  }
  return { x, y, errors, table: null };
}

/** The landscape's cells per side for n samples: fewer for large data, so it stays interactive. */
export function gridSize(n) {
  if (n <= GRID_FULL_SAMPLES) return GRID;
  return Math.max(GRID_MIN, Math.round(GRID * Math.sqrt(GRID_FULL_SAMPLES / n)));
}

const finite = (v) => typeof v === 'number' && Number.isFinite(v);

/**
 * The landscape's window: centred on the optimum (or the path's end when
 * there is no finite optimum), wide enough for the whole path and the start,
 * with a margin; never narrower than a small floor (a path that starts at the
 * optimum), and a diverged path's flight does not stretch it past ten times
 * the start's distance.
 */
export function landscapeWindow(path, optimum, start) {
  const ws = path ? Array.from(path.w) : [];
  const bs = path ? Array.from(path.b) : [];
  const found = optimum && finite(optimum.w) && finite(optimum.b);
  const cw = found ? optimum.w : ws.length ? ws[ws.length - 1] : start[0];
  const cb = found ? optimum.b : bs.length ? bs[bs.length - 1] : start[1];
  const reach = (c, values, s) => {
    const floor = Math.max(1, 0.1 * Math.abs(c));
    const cap = 10 * Math.max(floor, Math.abs(s - c));
    let m = Math.abs(s - c);
    for (const v of values) if (finite(v)) m = Math.max(m, Math.abs(v - c));
    return Math.max(floor, Math.min(cap, m)) * MARGIN;
  };
  const hw = reach(cw, ws, start[0]);
  const hb = reach(cb, bs, start[1]);
  return { wMin: cw - hw, wMax: cw + hw, bMin: cb - hb, bMax: cb + hb };
}

function fitOne(api, loss, fit, x, y, meta) {
  const one = {
    loss, label: (meta && meta.label) || loss, color: (meta && meta.color) || '#2563eb',
    kind: FIT_KINDS[loss] || 'regression', labels: null, path: null, optimum: null, landscape: null, error: null,
  };
  const options = fit.options[loss] || {};
  try {
    one.labels = mapLabels(loss, y);
  } catch (e) {
    one.error = plainError(e);
    return one;
  }
  const ly = one.labels.y;
  try {
    const p = api.run(loss, options, x, ly, { optimizer: fit.optimizer, lr: fit.lr, steps: fit.steps, w0: fit.start[0], b0: fit.start[1] });
    one.path = { w: p.w, b: p.b, loss: p.loss, status: p.status, stopReason: p.stopReason, stopStep: p.stopStep };
  } catch (e) {
    one.error = plainError(e); // the data, the options: nothing else of this loss can work either
    return one;
  }
  try {
    const o = api.optimum(loss, options, x, ly);
    one.optimum = { w: o.w, b: o.b, loss: o.loss, status: o.status, method: o.method };
  } catch (e) {
    one.optimum = null; // no exact method for this loss: the path still shows
    one.optimumError = plainError(e);
  }
  const cells = gridSize(x.length);
  const window = landscapeWindow(one.path, one.optimum, fit.start);
  try {
    const l = api.landscape(loss, options, x, ly, Object.assign({ columns: cells, rows: cells }, window));
    one.landscape = Object.assign({}, window, { columns: cells, rows: cells, values: l.values, method: l.method });
  } catch (e) {
    one.landscape = null;
    one.landscapeError = plainError(e);
  }
  return one;
}

/**
 * FitResults for `fit` (state.fit) on `data` (readFitData's): one FitOne per
 * selected loss, in fit.losses' order. meta: {[loss]: {label, color}} (the
 * page's names and colours). opts.between: an async function awaited before
 * each loss (a yield, so a newer run can be noticed); opts.stale(): true when
 * this run is no longer wanted: computeFit then resolves to null.
 */
export async function computeFit(api, data, fit, meta, opts = {}) {
  const x = data.x;
  let y = data.y;
  const errors = Object.assign({}, data.errors);
  const results = { x: x || new Float64Array(0), y: y || new Float64Array(0), errors, fits: [] };
  if (Object.keys(errors).length || !x || !y) return results;
  if (fit.moved && fit.moved.index < y.length) {
    y = Float64Array.from(y);
    y[fit.moved.index] = fit.moved.y; // the dragged point; the box keeps its text
    results.y = y;
  }
  for (const loss of fit.losses) {
    if (opts.between) await opts.between();
    if (opts.stale && opts.stale()) return null;
    results.fits.push(fitOne(api, loss, fit, x, y, meta && meta[loss]));
  }
  return results;
}
