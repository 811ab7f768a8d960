/* The charts' numbers (no DOM): the grid of each axis kind, the core run
 * over it (every value plotted comes from lp.compute), and which of the
 * user's samples lie on which curve. tr: {t, name(spec), error(e)}. */
import { extrasFor } from '../../losses/index.js';
import { consts } from './slice-kit.js';

export const GRID_STEPS = 400; // a curve has GRID_STEPS + 1 points
export const TABLE_STRIDE = 20; // the curve tables list every 20th grid point
const MAX_MARKS = 500; // samples circled on the curves

function niceUp(v) {
  const power = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 3, 4, 5, 10]) if (m * power >= v * (1 - 1e-12)) return m * power;
  return 10 * power;
}

export const KINDS = ['residual', 'probability', 'margin', 'input', 'cosine'];
// [block title, x axis, y axis of the gradient curve, note under it]
export const KIND_TEXT = {
  residual: ['kindResidual', 'axisResidual', 'axisGradPerPoint', null],
  probability: ['kindProbability', 'axisProbability', 'axisGradProbability', 'noteGradP'],
  margin: ['kindMargin', 'axisMargin', 'axisGradMargin', 'noteGradMargin'],
  input: ['kindInput', 'axisInput', 'axisGradPerPoint', null],
  cosine: ['kindCosine', 'axisCosine', 'axisGradPerPoint', null],
};

// The grid of each axis kind: fixed for probabilities and cosines, wide
// enough for the pasted data otherwise. Computed once per model so the
// axis holds still while a slider moves.
export function gridFor(kind, model) {
  const p = model.prediction && model.prediction.data;
  const y = model.target && model.target.data;
  const paired = p && y && p.length === y.length;
  const spread = (f) => {
    let m = 0;
    if (paired) for (let i = 0; i < p.length; i++) { const v = Math.abs(f(p[i], y[i])); if (Number.isFinite(v)) m = Math.max(m, v); }
    return m;
  };
  let lo;
  let hi;
  let first = 0;
  let last = GRID_STEPS;
  if (kind === 'probability') {
    lo = 0; hi = 1; first = 1; last = GRID_STEPS - 1; // p = 0 and 1 are the curves' poles
  } else if (kind === 'cosine') {
    lo = -1; hi = 1;
  } else if (kind === 'input') {
    let a = -1;
    let b = 3;
    if (p) for (const v of p) if (Number.isFinite(v)) { a = Math.min(a, v); b = Math.max(b, v); }
    lo = -niceUp(-a * 1.1);
    hi = niceUp(b * 1.1);
  } else {
    const r = niceUp(Math.max(3, 1.1 * spread(kind === 'margin' ? (u, v) => u * v : (u, v) => u - v)));
    lo = -r; hi = r;
  }
  const xs = new Float64Array(last - first + 1);
  for (let i = first; i <= last; i++) xs[i - first] = lo + ((hi - lo) * i) / GRID_STEPS;
  const rows = [];
  for (let i = first; i <= last; i++) if (i % TABLE_STRIDE === 0 || i === first || i === last) rows.push(i - first);
  return { xs, rows, min: lo, max: hi };
}

// Runs the core over xs; a loss that rejects some points (outside its
// domain) is retried point by point so the rest of its curve still shows.
export function evaluate(lp, name, options, curve, xs) {
  const opts = Object.assign({}, options, { reduction: 'none' });
  const run = (part) => {
    const r = lp.compute(name, curve.args(part, options), opts);
    const stride = curve.stride || 1;
    const grad = new Float64Array(part.length);
    for (let i = 0; i < part.length; i++) grad[i] = r.grad.data[i * stride];
    return { loss: Float64Array.from(r.loss.data), grad };
  };
  try {
    return run(xs);
  } catch (error) {
    const mid = Math.floor(xs.length / 2);
    try {
      run(xs.subarray(mid, mid + 1));
    } catch (e) {
      return { loss: consts(xs.length, NaN), grad: consts(xs.length, NaN), error: e };
    }
    const out = { loss: consts(xs.length, NaN), grad: consts(xs.length, NaN) };
    for (let i = 0; i < xs.length; i++) {
      try {
        const one = run(xs.subarray(i, i + 1));
        out.loss[i] = one.loss[0];
        out.grad[i] = one.grad[0];
      } catch (e) { /* outside the domain: a gap in the curve */ }
    }
    return out;
  }
}

// Which samples lie on which curve: the core's value at the sample's x,
// computed the curve's way, must equal the sample's own loss.
export function findMarks(lp, entry, slice, model) {
  if (!entry.perSample || !slice.sampleX) return null;
  let xs = null;
  // Only the first MAX_MARKS samples are ringed: for element-wise pairs,
  // their x is computed for those alone, not for a million.
  const P = model.prediction;
  const Y = model.target;
  const n = entry.perSample.length;
  if (n > MAX_MARKS && P && Y && P.shape.length === 1 && Y.shape.length === 1 && P.data.length === n && Y.data.length === n) {
    const head = (t) => ({ data: t.data.subarray(0, MAX_MARKS), shape: [MAX_MARKS] });
    model = Object.assign({}, model, { prediction: head(P), target: head(Y) });
    entry = Object.assign({}, entry, { perSample: entry.perSample.subarray(0, MAX_MARKS) });
  }
  try {
    xs = slice.sampleX(model, entry);
  } catch (e) {
    return null; // an unexpected shape: no rings, the curve still shows
  }
  if (!xs || xs.length !== entry.perSample.length) return null;
  const shown = xs.length > MAX_MARKS ? xs.subarray(0, MAX_MARKS) : xs;
  const marks = slice.curves.map(() => []);
  const usable = [];
  for (let i = 0; i < shown.length; i++) if (Number.isFinite(shown[i])) usable.push(i);
  if (!usable.length) return null;
  const at = Float64Array.from(usable, (i) => shown[i]);
  slice.curves.forEach((curve, c) => {
    const r = evaluate(lp, entry.spec.name, entry.options, curve, at);
    usable.forEach((i, j) => {
      const want = entry.perSample[i];
      const got = r.loss[j];
      if (Number.isFinite(got) && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want))) marks[c].push(i);
    });
  });
  return marks.some((m) => m.length) ? { xs: shown, byCurve: marks } : null;
}

function optionsWith(entry, overrides) {
  return Object.assign({}, entry.options, overrides[entry.spec.name]);
}

function curveLabel(entry, curve, tr) {
  const tag = curve.tag ? curve.tag(tr.t) : '';
  return tag ? `${tr.name(entry.spec)} (${tag})` : tr.name(entry.spec);
}

// Every curve of the model, grouped by axis kind, with notes for the
// losses that have none. Marks say which samples to circle (found once
// per model); their heights follow the live options.
export function buildCurves(lp, model, grids, marksCache, overrides, tr) {
  const groups = new Map();
  const notes = [];
  for (const entry of model.losses) {
    const spec = entry.spec;
    const slice = extrasFor(spec.name).slice;
    if (!spec.reductions.includes('none')) {
      notes.push(tr.t('noteBatchOnly', { loss: tr.name(spec), reductions: spec.reductions.join(', ') }));
      continue;
    }
    if (!slice) {
      notes.push(tr.t('noteNoSlice', { loss: tr.name(spec) }));
      continue;
    }
    if (!groups.has(slice.kind)) groups.set(slice.kind, { kind: slice.kind, grid: grids[slice.kind], series: [], guides: [], notes: [] });
    const group = groups.get(slice.kind);
    const options = optionsWith(entry, overrides);
    if (slice.note) group.notes.push(slice.note(tr.name(spec), tr.t));
    const marks = marksCache.get(entry);
    slice.curves.forEach((curve, c) => {
      const r = evaluate(lp, spec.name, options, curve, group.grid.xs);
      if (r.error) {
        if (c === 0) group.notes.push(tr.t('noteFailed', { loss: tr.name(spec), message: tr.error(r.error) }));
        return;
      }
      const series = { entry, label: curveLabel(entry, curve, tr), color: entry.color, dash: Boolean(curve.dash), loss: r.loss, grad: slice.noGrad ? null : r.grad, gradTag: slice.gradTag ? slice.gradTag(tr.t) : '' };
      if (marks && marks.byCurve[c].length) {
        const idx = marks.byCurve[c];
        const at = Float64Array.from(idx, (i) => marks.xs[i]);
        const m = evaluate(lp, spec.name, options, curve, at);
        series.marks = { x: at, loss: m.loss, grad: m.grad, samples: idx };
      }
      group.series.push(series);
    });
    if (slice.guides) for (const g of slice.guides(options)) group.guides.push(Object.assign({ color: entry.color }, g));
  }
  const ordered = KINDS.filter((k) => groups.has(k)).map((k) => groups.get(k));
  return { groups: ordered, notes };
}

