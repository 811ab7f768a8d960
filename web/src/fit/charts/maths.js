/* The fit charts' pure maths: linear scales and their ticks, number labels,
 * the landscape's log colour map, contour lines by marching squares, the
 * grid's window, and hit-testing. No DOM here, so Node tests it. */

/** A linear map from [d0, d1] to [r0, r1], with .invert. */
export function linear(d0, d1, r0, r1) {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = (v) => r0 + (v - d0) * k;
  f.invert = (p) => (k === 0 ? d0 : d0 + (p - r0) / k);
  f.domain = [d0, d1];
  f.range = [r0, r1];
  return f;
}

/** About `count` round ticks (1, 2 or 5 × 10^k apart) inside [lo, hi]; their step too. */
export function niceTicks(lo, hi, count = 5) {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return { ticks: Number.isFinite(lo) ? [lo] : [], step: 1 };
  const raw = (hi - lo) / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const step = (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  const ticks = [];
  const first = Math.ceil(lo / step - 1e-9);
  for (let i = first; i * step <= hi + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { ticks, step };
}

/**
 * Ticks whose labels fit `pixels` of axis: fewer ticks until the widest
 * label (measure(text) in pixels) leaves a gap of `gap` between them.
 */
export function fittingTicks(lo, hi, pixels, measure, gap = 14) {
  let count = Math.max(2, Math.floor(pixels / 60));
  for (;;) {
    const t = niceTicks(lo, hi, count);
    const widest = Math.max(0, ...t.ticks.map((v) => measure(tickLabel(v, t.step))));
    if (count <= 2 || (widest + gap) * t.ticks.length <= pixels) return t;
    count--;
  }
}

/** A tick's label: as many decimals as its step needs, a true minus sign. */
export function tickLabel(v, step) {
  // Large or tiny round values as 2e5, 1.5e−5: short enough for a phone's axis.
  if (v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(step) < 1e-4)) {
    return Number(v.toPrecision(6)).toExponential().replace(/\.?0+e/, 'e').replace('e+', 'e').replace(/-/g, '−');
  }
  const decimals = Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
  const s = Math.abs(v) < step * 1e-6 ? (0).toFixed(decimals) : v.toFixed(decimals);
  return s.replace('-', '−');
}

/** A value for a sentence or a legend: 3 significant digits, a true minus sign; NaN as '—'. */
export function num(v, digits = 3) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  let s;
  if (a !== 0 && (a >= 1e6 || a < 1e-4)) s = v.toExponential(digits - 1);
  else s = String(Number(v.toPrecision(digits)));
  return s.replace('-', '−');
}

/** [lo, hi] of the finite values, widened by `pad` of its span on each side (a point: ±1). */
export function paddedExtent(arrays, pad = 0.08) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (v - v === 0) { if (v < lo) lo = v; if (v > hi) hi = v; } // finite
    }
  }
  if (lo === Infinity) return [0, 1];
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(lo))) return [lo - 1, hi + 1];
  const span = hi - lo;
  return [lo - span * pad, hi + span * pad];
}

// ---- the landscape's colours ----

// Stops of a perceptually even ramp (dark violet → teal → yellow, as viridis):
// its lightness rises monotonically, so it reads the same on a light or dark page.
const RAMP = [
  [68, 1, 84], [72, 40, 120], [62, 74, 137], [49, 104, 142], [38, 130, 142],
  [31, 158, 137], [53, 183, 121], [109, 205, 89], [180, 222, 44], [253, 231, 37],
];

/** [r, g, b] of t in [0, 1] on the ramp. */
export function ramp(t) {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - i;
  const a = RAMP[i];
  const b = RAMP[i + 1];
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}

/**
 * The log colour scale of a landscape: t(F) in [0, 1] from log(F − min + δ),
 * δ a thousandth of the span, so the valley near the optimum keeps its detail
 * and far walls do not wash it out. Works for any finite values (not only ≥ 0).
 */
export function logScale(values) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (lo === Infinity) return { lo: NaN, hi: NaN, t: () => NaN, value: () => NaN };
  const delta = Math.max((hi - lo) * 1e-3, 1e-300);
  const a = Math.log(delta);
  const span = Math.log(hi - lo + delta) - a || 1;
  return {
    lo,
    hi,
    /** F -> [0, 1] (NaN for NaN). */
    t: (v) => (Number.isFinite(v) ? (Math.log(v - lo + delta) - a) / span : NaN),
    /** [0, 1] -> F: the legend's labels. */
    value: (t) => lo - delta + Math.exp(a + t * span),
  };
}

/**
 * The landscape as RGBA pixels, one per cell, row 0 (b = bMin) at the bottom.
 * Cells outside the loss's domain (NaN) are grey stripes: hatched, never a colour of the scale.
 */
export function heatPixels(landscape, scale, out) {
  const { columns, rows, values } = landscape;
  const px = out || new Uint8ClampedArray(columns * rows * 4);
  const lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) { const c = ramp(i / 255); lut[3 * i] = c[0]; lut[3 * i + 1] = c[1]; lut[3 * i + 2] = c[2]; }
  for (let r = 0; r < rows; r++) {
    const line = (rows - 1 - r) * columns;
    for (let c = 0; c < columns; c++) {
      const v = values[r * columns + c];
      const o = 4 * (line + c);
      if (Number.isFinite(v)) {
        const k = 3 * Math.round(255 * scale.t(v));
        px[o] = lut[k]; px[o + 1] = lut[k + 1]; px[o + 2] = lut[k + 2];
      } else {
        const g = ((c + rows - 1 - r) & 3) < 2 ? 150 : 200;
        px[o] = g; px[o + 1] = g; px[o + 2] = g;
      }
      px[o + 3] = 255;
    }
  }
  return px;
}

// ---- contours ----

/** `count` levels evenly spaced on the log scale, inside (0, 1) of it. */
export function contourLevels(scale, count = 8) {
  const levels = [];
  for (let i = 1; i <= count; i++) levels.push(scale.value(i / (count + 1)));
  return levels;
}

/**
 * Marching squares: the segments where the grid crosses each of `levels`, in
 * grid coordinates (c, r as fractions). A square with a NaN corner gives none.
 * Returns one flat Float64Array [c0, r0, c1, r1, ...] per level. One pass
 * over the grid reads each square once for all the levels.
 */
export function contourAll(values, columns, rows, levels) {
  const out = levels.map(() => []);
  const px = [0, 0, 0, 0];
  const py = [0, 0, 0, 0];
  for (let r = 0; r < rows - 1; r++) {
    for (let c = 0; c < columns - 1; c++) {
      const i = r * columns + c;
      const v0 = values[i]; const v1 = values[i + 1]; const v2 = values[i + columns + 1]; const v3 = values[i + columns];
      // v - v is NaN for NaN and ±∞: one test for "all four finite".
      if (v0 - v0 + (v1 - v1) + (v2 - v2) + (v3 - v3) !== 0) continue;
      const lo = Math.min(v0, v1, v2, v3);
      const hi = Math.max(v0, v1, v2, v3);
      for (let l = 0; l < levels.length; l++) {
        const level = levels[l];
        if (level < lo || level >= hi) continue;
        const k = (v0 > level ? 1 : 0) | (v1 > level ? 2 : 0) | (v2 > level ? 4 : 0) | (v3 > level ? 8 : 0);
        const pairs = SQUARES[k];
        if (!pairs.length) continue;
        // The crossing on each edge: bottom (0-1), right (1-2), top (3-2), left (0-3).
        px[0] = c + cut(v0, v1, level); py[0] = r;
        px[1] = c + 1; py[1] = r + cut(v1, v2, level);
        px[2] = c + cut(v3, v2, level); py[2] = r + 1;
        px[3] = c; py[3] = r + cut(v0, v3, level);
        const list = out[l];
        for (let j = 0; j < pairs.length; j += 2) list.push(px[pairs[j]], py[pairs[j]], px[pairs[j + 1]], py[pairs[j + 1]]);
      }
    }
  }
  return out.map((list) => Float64Array.from(list));
}

// Where along an edge from value a to value b the level falls.
const cut = (a, b, level) => (a === b ? 0.5 : (level - a) / (b - a));

/** The segments of one level: contourAll for a single level. */
export function contourSegments(values, columns, rows, level) {
  return contourAll(values, columns, rows, [level])[0];
}

// Which edges each of the 16 corner patterns joins (saddles 5 and 10 split one way).
const SQUARES = [
  [], [3, 0], [0, 1], [3, 1], [1, 2], [3, 0, 1, 2], [0, 2], [3, 2],
  [3, 2], [0, 2], [3, 2, 0, 1], [1, 2], [3, 1], [0, 1], [3, 0], [],
];

// ---- the landscape's window ----

/** The grid's w and b at column c, row r (fractions allowed). */
export function gridPoint(landscape, c, r) {
  const { wMin, wMax, bMin, bMax, columns, rows } = landscape;
  return { w: wMin + (c * (wMax - wMin)) / (columns - 1), b: bMin + (r * (bMax - bMin)) / (rows - 1) };
}

/** The axes' domains: the grid points are cell centres, so the picture reaches half a cell beyond them. */
export function landscapeDomain(landscape) {
  const { wMin, wMax, bMin, bMax, columns, rows } = landscape;
  const dw = (wMax - wMin) / (columns - 1) / 2;
  const db = (bMax - bMin) / (rows - 1) / 2;
  return { w: [wMin - dw, wMax + dw], b: [bMin - db, bMax + db] };
}

/** The path's last step to draw: frame null (or past the end) means its end. */
export function frameIndex(path, frame) {
  const n = path ? path.w.length : 0;
  if (n === 0) return -1;
  if (frame === null || frame === undefined || !Number.isFinite(frame)) return n - 1;
  return Math.max(0, Math.min(n - 1, Math.floor(frame)));
}

// ---- hit-testing ----

/** Index of the point (xs[i], ys[i]) nearest (x, y) within `radius`, or −1. */
export function nearestPoint(xs, ys, x, y, radius) {
  let best = -1;
  let bestD = radius * radius;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i] - x;
    const dy = ys[i] - y;
    const d = dx * dx + dy * dy;
    if (d <= bestD) { best = i; bestD = d; }
  }
  return best;
}

/** A keyboard step for a span: a round value about a 50th of it (Shift: ten times more). */
export function keyStep(lo, hi, large) {
  const { step } = niceTicks(lo, hi, 50);
  return large ? step * 10 : step;
}

/** Rounds v to the step's decimals, so keyboard moves give clean numbers (4.5, not 4.499999). */
export function roundTo(v, step) {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return Number(v.toFixed(Math.min(12, decimals + 1)));
}

export const sigmoid = (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
