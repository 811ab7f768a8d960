/* Drawing the charts with uPlot: plot options in the page's theme, guides,
 * rings, the outlier's diamond and badges on the canvas, grouped bars or
 * their min/max envelope, ŷ = y over points or a density. (The tables
 * beside each chart are tables.js, in the lazily loaded chunk.) */
import uPlot from 'uplot';
import { el } from '../dom.js';
import { readTheme } from '../theme.js';

export { readTheme };

export const TOP = 3; // largest contributors marked
export const TOP_ROWS = 10; // per loss, in the table of largest contributors (long data)
export const TABLE_ROWS = 200; // per-sample tables stop here and say so

// A count with thousands grouped: 1,000,000 (rows keep plain digits).
export const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

// Ten significant digits: the hover legend, where exact values are asked for.
export function fmtFull(v) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  return String(Number(v.toPrecision(10)));
}

let colorContext = null;
// Any CSS colour with its opacity multiplied by alpha.
export function withAlpha(color, alpha) {
  if (!colorContext) colorContext = document.createElement('canvas').getContext('2d');
  colorContext.fillStyle = '#000';
  colorContext.fillStyle = color;
  const c = colorContext.fillStyle;
  if (c[0] === '#') {
    const n = parseInt(c.slice(1), 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
  }
  const m = c.match(/rgba?\(([^)]+)\)/);
  if (!m) return c;
  const [r, g, b, a = 1] = m[1].split(',').map((s) => Number(s));
  return `rgba(${r}, ${g}, ${b}, ${a * alpha})`;
}


export function plotHeight(width) {
  return width < 480 ? 220 : 260;
}

// y axis width from its longest tick label, so no label is cut off.
function axisSize(u, values, axisIdx, cycle) {
  const axis = u.axes[axisIdx];
  if (cycle > 1) return axis._size;
  let size = axis.ticks.size + axis.gap;
  const longest = (values || []).reduce((a, s) => (String(s).length > a.length ? String(s) : a), '');
  if (longest) {
    u.ctx.font = axis.font[0];
    size += u.ctx.measureText(longest).width / uPlot.pxRatio;
  }
  return Math.ceil(size);
}

// Value range of several arrays, trimmed to the 2nd–98th percentile when
// asked (gradients that run off to infinity near p = 0), always with 0.
export function valueRange(arrays, robust, headroom = 0.08) {
  const all = [];
  for (const a of arrays) for (const v of a) if (v !== null && Number.isFinite(v)) all.push(v);
  if (!all.length) return [0, 1];
  all.sort((a, b) => a - b);
  let lo = all[0];
  let hi = all[all.length - 1];
  if (robust && all.length > 50) {
    lo = all[Math.floor(all.length * 0.02)];
    hi = all[Math.ceil(all.length * 0.98) - 1];
  }
  lo = Math.min(0, lo);
  hi = Math.max(0, hi);
  if (hi - lo < 1e-12) hi = lo + 1;
  // Room above and below, so rings and badges at the ends are not cut.
  const span = hi - lo;
  return [lo - span * (lo < 0 ? headroom : 0.04), hi + span * (hi > 0 ? headroom : 0.04)];
}

export const toPlot = (values) => Array.from(values, (v) => (Number.isFinite(v) ? v : null));

export function baseOptions(theme, cfg) {
  const font = `12px ${theme.font}`;
  const axis = (label, extra) => Object.assign({
    label,
    stroke: theme.muted,
    font,
    labelFont: `600 12px ${theme.font}`,
    labelSize: 18,
    labelGap: 2,
    gap: 4,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1, size: 4 },
  }, extra);
  return {
    width: cfg.width,
    height: plotHeight(cfg.width),
    scales: { x: Object.assign({ time: false }, cfg.xScale), y: cfg.yScale || {} },
    axes: [axis(cfg.xLabel, Object.assign({ size: 30 }, cfg.xAxis)), axis(cfg.yLabel, Object.assign({ size: axisSize }, cfg.yAxis))],
    legend: { live: true },
    cursor: Object.assign({ y: false, drag: { x: false, y: false }, points: { size: 8, fill: theme.card, width: 2 } }, cfg.cursor),
    series: [{ label: cfg.xName, value: cfg.xValue || ((u, v) => fmtFull(v)) }].concat(cfg.series),
    hooks: { draw: cfg.draw ? [cfg.draw] : [] },
    padding: [12, 12, 0, 0],
  };
}

export function clipToPlot(u, paint) {
  const ctx = u.ctx;
  ctx.save();
  ctx.setLineDash([]); // the last series' dash would carry over
  ctx.beginPath();
  ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
  ctx.clip();
  paint(ctx, uPlot.pxRatio);
  ctx.restore();
}

// Dashed vertical lines at δ, β or the margin, labelled, in the loss's colour.
export function drawGuides(u, guides, theme) {
  if (!guides.length) return;
  clipToPlot(u, (ctx, r) => {
    const seen = new Map();
    ctx.font = `600 ${11 * r}px ${theme.font}`;
    ctx.textAlign = 'center';
    for (const g of guides) {
      const x = u.valToPos(g.x, 'x', true);
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
      ctx.strokeStyle = withAlpha(g.color, 0.75);
      ctx.lineWidth = r;
      ctx.setLineDash([4 * r, 4 * r]);
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      const key = Math.round(x / (14 * r));
      const row = seen.get(key) || 0;
      seen.set(key, row + 1);
      ctx.fillStyle = g.color;
      ctx.fillText(g.label, x + 8 * r, u.bbox.top + (12 + 13 * row) * r);
    }
    ctx.setLineDash([]);
  });
}

// The outlier's marker: a diamond outlined in the text colour, above the
// point (x, y) in the plot's values, unlike any ring or badge.
export function drawOutlier(u, x, y, theme, lift = 16) {
  clipToPlot(u, (ctx, r) => {
    const cx = u.valToPos(x, 'x', true);
    const cy = u.valToPos(y, 'y', true) - lift * r;
    const d = 6.5 * r;
    ctx.beginPath();
    ctx.moveTo(cx, cy - d);
    ctx.lineTo(cx + d, cy);
    ctx.lineTo(cx, cy + d);
    ctx.lineTo(cx - d, cy);
    ctx.closePath();
    ctx.fillStyle = theme.card;
    ctx.fill();
    ctx.lineWidth = 2.5 * r;
    ctx.strokeStyle = theme.text;
    ctx.stroke();
  });
}

// Your samples as rings on their curves; the outlier (its index among
// the samples) as a diamond.
export function drawMarks(u, seriesList, which, theme, outlier = null) {
  const diamonds = [];
  clipToPlot(u, (ctx, r) => {
    seriesList.forEach((s, k) => {
      // A plot drawn while a newer model replaces it may have fewer series.
      const plotted = u.series[k + 1];
      if (!s.marks || !plotted || !plotted.show) return;
      const ys = which === 'grad' ? s.marks.grad : s.marks.loss;
      ctx.lineWidth = 2 * r;
      ctx.strokeStyle = s.color;
      ctx.fillStyle = theme.card;
      for (let i = 0; i < ys.length; i++) {
        if (!Number.isFinite(ys[i])) continue;
        if (s.marks.samples[i] === outlier) {
          diamonds.push([s.marks.x[i], ys[i]]);
          continue;
        }
        ctx.beginPath();
        ctx.arc(u.valToPos(s.marks.x[i], 'x', true), u.valToPos(ys[i], 'y', true), 4.5 * r, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      }
    });
  });
  for (const [x, y] of diamonds) drawOutlier(u, x, y, theme, 0);
}

// ---- per-sample helpers ----

// "sample 3" for a vector, "element (2, 1)" for a matrix, 1-based: the
// row a user finds in their data. Names are made when asked, not n of them.
export function sampleNames(count, shape) {
  if (shape && shape.length === 2 && shape[0] * shape[1] === count) {
    const cols = shape[1];
    return { name: (i) => `(${Math.floor(i / cols) + 1}, ${(i % cols) + 1})`, matrix: true };
  }
  return { name: (i) => String(i + 1), matrix: false };
}

// Grouped bars: series s of k sits in slot s of each sample's unit width.
export function barPaths(values, slot, slots, tops, color, theme) {
  const width = 0.8 / slots;
  const n = values.length;
  const x0 = Array.from({ length: n }, (_, i) => i + 1 - 0.4 + slot * width + width * 0.06);
  const top = new Set(tops);
  const fills = Array.from({ length: n }, (_, i) => (top.has(i) ? color : withAlpha(color, 0.45)));
  const strokes = Array.from({ length: n }, (_, i) => (top.has(i) ? theme.text : null));
  return uPlot.paths.bars({
    size: [1, Infinity, 1],
    disp: {
      x0: { unit: 1, values: () => x0 },
      size: { unit: 1, values: () => [width * 0.88] },
      fill: { unit: 3, values: () => fills },
      stroke: { unit: 3, values: () => strokes },
    },
  });
}

// Numbered badges (1, 2, 3) over the largest bars.
export function drawBadges(u, bars, theme) {
  clipToPlot(u, (ctx, r) => {
    ctx.font = `700 ${10 * r}px ${theme.font}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    bars.forEach((b, s) => {
      if (!u.series[s + 1].show) return;
      b.tops.forEach((i, rank) => {
        const v = b.values[i];
        const x = u.valToPos(b.center(i), 'x', true);
        const y = u.valToPos(v, 'y', true) + (v >= 0 ? -10 : 10) * r;
        ctx.fillStyle = b.color;
        ctx.beginPath();
        ctx.arc(x, y, 7 * r, 0, 2 * Math.PI);
        ctx.fill();
        ctx.fillStyle = '#fff';
        ctx.fillText(String(b.ranks ? b.ranks[rank] : rank + 1), x, y + 0.5 * r); // ties share a rank
      });
    });
  });
}

// Both axes of ŷ against y share one range, so the diagonal is ŷ = y.
export function sharedRange(xs, ys) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of xs.concat(ys)) if (v !== null && Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (!Number.isFinite(lo)) return [0, 1];
  if (hi - lo < 1e-12) { lo -= 1; hi += 1; }
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

// Hover picks the point nearest the cursor in both directions, not just in x.
export function nearestPoint(u, fallback) {
  const { left, top } = u.cursor;
  if (left == null || left < 0) return fallback;
  let best = fallback;
  let bestD = Infinity;
  const xs = u.data[0];
  const ys = u.data[1];
  for (let i = 0; i < xs.length; i++) {
    if (ys[i] == null) continue;
    const dx = u.valToPos(xs[i], 'x') - left;
    const dy = u.valToPos(ys[i], 'y') - top;
    const d = dx * dx + dy * dy;
    if (d < bestD) { bestD = d; best = i; }
  }
  return best;
}

// The line ŷ = y and each point's residual as a thin vertical segment.
export function drawDiagonal(u, xs, ys, lo, hi, theme) {
  clipToPlot(u, (ctx, r) => {
    ctx.strokeStyle = theme.muted;
    ctx.lineWidth = 1.25 * r;
    ctx.setLineDash([6 * r, 5 * r]);
    ctx.beginPath();
    ctx.moveTo(u.valToPos(lo, 'x', true), u.valToPos(lo, 'y', true));
    ctx.lineTo(u.valToPos(hi, 'x', true), u.valToPos(hi, 'y', true));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.strokeStyle = withAlpha(theme.accent, 0.45);
    ctx.lineWidth = 1.5 * r;
    ctx.beginPath();
    for (let i = 0; i < xs.length; i++) {
      if (ys[i] == null) continue;
      const x = u.valToPos(xs[i], 'x', true);
      ctx.moveTo(x, u.valToPos(xs[i], 'y', true));
      ctx.lineTo(x, u.valToPos(ys[i], 'y', true));
    }
    ctx.stroke();
  });
}


