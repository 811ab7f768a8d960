/* The charts in words and the numbers behind them: the largest values with
 * ties told as ties, a loss curve described for a reader (where it is
 * lowest, how it grows, where your samples sit) and the range of a log
 * axis. No DOM. */

const mag = (v, abs) => (abs ? Math.abs(v) : v);

/**
 * The largest values, ties kept together. found: indices, largest first,
 * ties in row order (topK); limit: how many to mark. Every sample tied
 * with the last marked one joins (up to cap more); ranks count the marked
 * values strictly larger (ties share a rank); counts: how many samples in
 * all hold each marked value; allTied: every sample has the same value
 * (by size when abs); mixed: values of both signs.
 * One pass over the values.
 */
export function tiedTops(values, found, abs, limit, cap = 10) {
  const base = found.slice(0, limit);
  if (!base.length) return { tops: [], ranks: [], counts: [], allTied: false };
  const magOf = (i) => mag(values[i], abs);
  const ranks = base.map((i) => 1 + base.filter((j) => magOf(j) > magOf(i)).length);
  // found goes on past the marked ones with a smaller value: nothing else
  // ties with them (ties come in row order right after), no pass needed.
  if (found.length > base.length && magOf(found[base.length]) < magOf(base[base.length - 1])) {
    const signs = base.map((i) => Math.sign(values[i]));
    return { tops: base, ranks, counts: base.map((i) => base.filter((j) => magOf(j) === magOf(i)).length), allTied: false, mixed: signs.includes(-1) && signs.includes(1) };
  }
  const wanted = Array.from(new Set(base.map((i) => mag(values[i], abs)))); // at most `limit` values
  const counts = wanted.map(() => 0);
  const last = mag(values[base[base.length - 1]], abs);
  const extra = [];
  let lo = Infinity;
  let hi = -Infinity;
  let finite = 0;
  let negative = false;
  let positive = false;
  // Long data pass here once per model: plain numbers, no lookups per sample.
  for (let i = 0; i < values.length; i++) {
    const m = abs ? Math.abs(values[i]) : values[i];
    if (!(m > -Infinity && m < Infinity)) continue;
    finite++;
    if (values[i] < 0) negative = true;
    else if (values[i] > 0) positive = true;
    if (m < lo) lo = m;
    if (m > hi) hi = m;
    if (m < last) continue;
    for (let k = 0; k < wanted.length; k++) if (m === wanted[k]) counts[k]++;
    if (m === last && extra.length < cap && !base.includes(i)) extra.push(i);
  }
  const tops = base.concat(extra);
  return { tops, ranks: tops.map((i) => 1 + base.filter((j) => magOf(j) > magOf(i)).length), counts: tops.map((i) => counts[wanted.indexOf(magOf(i))]), allTied: values.length > 1 && finite === values.length && lo === hi, mixed: negative && positive };
}

/** [lo, hi] of a log axis over the positive values: whole decades, at most 8 of them. */
export function logRange(arrays) {
  let lo = Infinity;
  let hi = 0;
  for (const a of arrays) for (const v of a) if (v > 0 && v < Infinity) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (!(hi > 0)) return [0.1, 10];
  lo = Math.max(lo, hi * 1e-8);
  const top = Math.pow(10, Math.ceil(Math.log10(hi) + 1e-9));
  const bottom = Math.pow(10, Math.floor(Math.log10(lo)));
  return [bottom, top > bottom ? top : bottom * 10];
}

// How a curve grows from its lowest point to the end of the range: by the
// exponent p of L − min ∝ distance^p, read between 3/4 of the way and the end.
function growth(xs, L, lo, end) {
  if (end === lo) return null;
  const min = L[lo];
  const far = L[end] - min;
  if (!(far > 1e-12 * (1 + Math.abs(min)))) return 'growFlat';
  const q = Math.round(lo + 0.75 * (end - lo));
  const near = L[q] - min;
  if (!(near > 0) || !Number.isFinite(far)) return 'growSteep';
  const p = Math.log(far / near) / Math.log((xs[end] - xs[lo]) / (xs[q] - xs[lo]));
  const kind = p >= 2.5 ? 'growSteep' : p >= 1.6 ? 'growSquare' : p >= 0.6 ? 'growLinear' : 'growSlow';
  // Huber, smooth L1, log-cosh: a square close to the lowest point, a straight line far from it.
  if (kind === 'growLinear' && exponentNear(xs, L, lo, end) >= 1.6) return 'growSquareThenLinear';
  return kind;
}

// The same exponent read close to the lowest point (1/8 to 1/4 of the way).
function exponentNear(xs, L, lo, end) {
  const a = Math.round(lo + 0.125 * (end - lo));
  const b = Math.round(lo + 0.25 * (end - lo));
  if (a === lo || b === a) return NaN;
  const da = L[a] - L[lo];
  const db = L[b] - L[lo];
  if (!(da > 0) || !(db > da)) return NaN;
  return Math.log(db / da) / Math.log((xs[b] - xs[lo]) / (xs[a] - xs[lo]));
}

/**
 * One curve in a sentence. c: the charts ({t, fmt}); group: {grid: {xs}};
 * s: a series {label, loss, marks}; axis: the x axis' short name.
 */
export function describeCurve(c, group, s, axis) {
  const xs = group.grid.xs;
  const L = s.loss;
  let lo = -1;
  let first = -1;
  let last = -1;
  for (let i = 0; i < L.length; i++) {
    if (!Number.isFinite(L[i])) continue;
    if (first < 0) first = i;
    last = i;
    if (lo < 0 || L[i] < L[lo]) lo = i;
  }
  if (lo < 0) return null;
  const where = { loss: s.label, min: c.fmt(L[lo]), axis, x: c.fmt(xs[lo]) };
  const left = growth(xs, L, lo, first);
  const right = growth(xs, L, lo, last);
  let text;
  if (left && right && left === right) text = c.t('curveBoth', Object.assign(where, { growth: c.t(right) }));
  else if (left && right) text = c.t('curveSides', Object.assign(where, { left: c.t(left), right: c.t(right) }));
  else text = c.t('curveOneSide', Object.assign(where, { growth: c.t(left || right || 'growFlat') }));
  return c.t('curveEnd', { text });
}

/** Where your samples sit along a curve's axis, as a sentence (null: none marked). */
export function samplesAt(c, marks, axis) {
  if (!marks) return null;
  const shown = Array.from(marks.x.subarray(0, 5), (x) => c.fmt(x)).join(c.t('itemSep'));
  return c.t('curveSamples', { axis, list: marks.x.length > 5 ? `${shown}…` : shown });
}
