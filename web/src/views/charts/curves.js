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
// [block title, x axis, symbol of the gradient curve's y axis, note under it]
export const KIND_TEXT = {
  residual: ['kindResidual', 'axisResidual', 'symGrad', null],
  probability: ['kindProbability', 'axisProbability', 'symGradP', 'noteGradP'],
  margin: ['kindMargin', 'axisMargin', 'symGradMargin', 'noteGradMargin'],
  input: ['kindInput', 'axisInput', 'symGrad', null],
  cosine: ['kindCosine', 'axisCosine', 'symGrad', null],
};

// How far the data reach, in one pass (data can be long): the largest
// |ŷ − y| and |y·ŷ| (residual, margin), the finite range of ŷ (lo, hi,
// with -1 and 3 in it, for the input axis) and of ŷ and y together
// (both: [min, max] or null, for ŷ against y).
export function dataSpan(model) {
  const p = model.prediction && model.prediction.data;
  const y = model.target && model.target.data;
  let residual = 0;
  let margin = 0;
  let pMin = Infinity;
  let pMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  if (p) {
    const paired = y && p.length === y.length;
    for (let i = 0; i < p.length; i++) {
      const v = p[i];
      if (v < pMin && v > -Infinity) pMin = v;
      if (v > pMax && v < Infinity) pMax = v;
      if (!paired) continue;
      const w = y[i];
      if (w < yMin && w > -Infinity) yMin = w;
      if (w > yMax && w < Infinity) yMax = w;
      const d = Math.abs(v - w);
      const m = Math.abs(v * w);
      if (d > residual && d < Infinity) residual = d;
      if (m > margin && m < Infinity) margin = m;
    }
  }
  const lo = Math.min(-1, pMin);
  const hi = Math.max(3, pMax);
  const bothMin = Math.min(pMin, yMin);
  const bothMax = Math.max(pMax, yMax);
  return { residual, margin, lo, hi, both: bothMin <= bothMax ? [bothMin, bothMax] : null };
}

// The grid of each axis kind: fixed for probabilities and cosines, wide
// enough for the pasted data otherwise (span: dataSpan(model)). Computed
// once per model so the axis holds still while a slider moves.
export function gridFor(kind, span) {
  let lo;
  let hi;
  let first = 0;
  let last = GRID_STEPS;
  if (kind === 'probability') {
    lo = 0; hi = 1; first = 1; last = GRID_STEPS - 1; // p = 0 and 1 are the curves' poles
  } else if (kind === 'cosine') {
    lo = -1; hi = 1;
  } else if (kind === 'input') {
    lo = -niceUp(-span.lo * 1.1);
    hi = niceUp(span.hi * 1.1);
  } else {
    const r = niceUp(Math.max(3, 1.1 * (kind === 'margin' ? span.margin : span.residual)));
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

// Only the first rows can be circled: the model and entry cut to their
// first `rows` rows (views, no copies), so a sample's x is found for those
// alone and not for a million. Tensors of another length stay whole.
function headOf(model, entry, rows) {
  const P = model.prediction;
  const n = P && P.shape.length ? P.shape[0] : 0;
  if (!(n > rows)) return { model, entry };
  const cut = (t) => {
    if (!t || !t.data || !t.data.subarray || !t.shape || t.shape[0] !== n) return t;
    const per = t.data.length / n;
    return { data: t.data.subarray(0, rows * per), shape: [rows].concat(t.shape.slice(1)) };
  };
  const perSample = entry.perSample;
  let cutSamples = null;
  if (perSample.length === P.data.length) cutSamples = perSample.subarray(0, (rows * P.data.length) / n);
  else if (perSample.length === n) cutSamples = perSample.subarray(0, rows);
  else return { model, entry };
  const args = {};
  for (const [k, v] of Object.entries(entry.args || {})) args[k] = cut(v);
  return {
    model: Object.assign({}, model, { prediction: cut(P), target: cut(model.target) }),
    entry: Object.assign({}, entry, { perSample: cutSamples, args }),
  };
}

// Which samples lie on which curve: the core's value at the sample's x,
// computed the curve's way, must equal the sample's own loss.
export function findMarks(lp, entry, slice, model) {
  if (!entry.perSample || !slice.sampleX) return null;
  let xs = null;
  const head = headOf(model, entry, MAX_MARKS);
  try {
    xs = slice.sampleX(head.model, head.entry);
  } catch (e) {
    return null; // an unexpected shape: no rings, the curve still shows
  }
  if (!xs || xs.length !== head.entry.perSample.length) return null;
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

// The gradient card's one convention: ∂L/∂ŷᵢ of the loss as it was
// reduced, as the bars show it (PyTorch's .grad). Along a curve the core
// gives one sample's slope; the mean divides it by the number of terms
// (batchmean by the rows), sum and none leave it as it is.
export function gradFactor(entry, model) {
  const n = entry.perSample ? entry.perSample.length : 0;
  if (entry.reduction === 'mean' && n > 0) return { kind: 'mean', factor: 1 / n, n };
  const P = model && model.prediction;
  const rows = P && P.shape.length ? P.shape[0] : 0;
  if (entry.reduction === 'batchmean' && rows > 0) return { kind: 'batchmean', factor: 1 / rows, n: rows };
  return { kind: 'sum', factor: 1, n };
}

const times = (values, f) => (f === 1 ? values : values.map((v) => v * f));

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
      // The reductions in the page's language ({key} params are translated).
      const reductions = spec.reductions.length === 1 ? { key: `reductionWord.${spec.reductions[0]}` } : spec.reductions.join(', ');
      notes.push(tr.t('noteBatchOnly', { loss: tr.name(spec), reductions }));
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
    const { factor } = gradFactor(entry, model);
    slice.curves.forEach((curve, c) => {
      const r = evaluate(lp, spec.name, options, curve, group.grid.xs);
      if (r.error) {
        if (c === 0) group.notes.push(tr.t('noteFailed', { loss: tr.name(spec), message: tr.error(r.error) }));
        return;
      }
      const series = { entry, label: curveLabel(entry, curve, tr), color: entry.color, dash: Boolean(curve.dash), loss: r.loss, grad: slice.noGrad ? null : times(r.grad, factor), gradTag: slice.gradTag ? slice.gradTag(tr.t) : '' };
      if (marks && marks.byCurve[c].length) {
        const idx = marks.byCurve[c];
        const at = Float64Array.from(idx, (i) => marks.xs[i]);
        const m = evaluate(lp, spec.name, options, curve, at);
        series.marks = { x: at, loss: m.loss, grad: times(m.grad, factor), samples: idx };
      }
      group.series.push(series);
    });
    if (slice.guides) for (const g of slice.guides(options)) group.guides.push(Object.assign({ color: entry.color }, g));
  }
  const ordered = KINDS.filter((k) => groups.has(k)).map((k) => groups.get(k));
  return { groups: ordered, notes };
}

