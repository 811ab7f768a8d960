/* The charts' drawing for long data (more than 1000 bars or 5000 points):
 * min/max envelopes for the per-sample bars, a density for ŷ against y, and
 * the table of the largest contributors. It comes with the page's lazily
 * loaded chunk (later/entry.js), since the first view's examples are short;
 * LossCharts (index.js) hands itself in as `charts`. */
import { envelope, bucketStart, extent, density } from './decimate.js';
import { say, table as makeTable } from './tables.js';

// The tables come with this chunk too.
export { curveTables, samplesTable, scatterTable } from './tables.js';

// What it draws with comes from the page's bundle (charts.kit: draw.js,
// the DOM helper), so this chunk carries no second copy of them or uPlot.
let el, TOP, TOP_ROWS, TABLE_ROWS, fmtFull, withAlpha, valueRange, baseOptions, drawBadges, sharedRange,
  drawDiagonal, grouped, sampleNames, clipToPlot;
function use(charts) {
  ({
    el, TOP, TOP_ROWS, TABLE_ROWS, fmtFull, withAlpha, valueRange, baseOptions, drawBadges, sharedRange,
    drawDiagonal, grouped, sampleNames, clipToPlot,
  } = charts.kit);
}

const FAR_POINTS = 10; // circled over the density: farthest from ŷ = y
const DENSITY_CELLS = [200, 100]; // the density's grid, x by y

// Short tick labels for long axes: 250k, 1.5M (zh: 25万, 150万).
function compactCount(v, lang) {
  const trim = (x) => String(Number(x.toPrecision(3)));
  if (lang === 'zh') return v >= 1e8 ? `${trim(v / 1e8)}亿` : v >= 1e4 ? `${trim(v / 1e4)}万` : String(v);
  return v >= 1e6 ? `${trim(v / 1e6)}M` : v >= 1e4 ? `${trim(v / 1e3)}k` : String(v);
}

// The union of every sample's bar in each bucket, 0 to its largest and its
// smallest value: what drawing all the bars would cover, in O(buckets).
// Sample j's bar spans j ± 0.4, so bucket [a, b) spans a + 0.6 to b + 0.4.
function envelopePaths(env) {
  return (u) => {
    const fill = new Path2D();
    const stroke = new Path2D();
    const y0 = u.valToPos(0, 'y', true);
    const minWidth = devicePixelRatio || 1; // one device pixel
    for (let b = 0; b < env.buckets; b++) {
      const lo = env.lo[b];
      const hi = env.hi[b];
      if (lo !== lo) continue; // NaN: nothing finite here
      const x0 = u.valToPos(bucketStart(b, env.n, env.buckets) + 0.6, 'x', true);
      const x1 = Math.max(x0 + minWidth, u.valToPos(bucketStart(b + 1, env.n, env.buckets) + 0.4, 'x', true));
      const top = hi > 0 ? u.valToPos(hi, 'y', true) : y0;
      const bottom = lo < 0 ? u.valToPos(lo, 'y', true) : y0;
      fill.rect(x0, top, x1 - x0, Math.max(bottom - top, minWidth));
      // The outline of the largest (and, below 0, the smallest) values.
      if (hi > 0) { stroke.moveTo(x0, top); stroke.lineTo(x1, top); }
      if (lo < 0) { stroke.moveTo(x0, bottom); stroke.lineTo(x1, bottom); }
    }
    return { fill, stroke, clip: null, flags: 0 };
  };
}

// [r, g, b] of any CSS colour.
function rgbOf(color) {
  const m = withAlpha(color, 1).match(/rgba?\(([^)]+)\)/);
  return m ? m[1].split(',').slice(0, 3).map((v) => Number(v)) : [37, 99, 235];
}

// The density as a small image, one pixel per cell: more samples, more
// opaque (on a log scale, so a lone outlier still shows).
function densityImage(d, color) {
  const canvas = document.createElement('canvas');
  canvas.width = d.bx;
  canvas.height = d.by;
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(d.bx, d.by);
  const [r, g, b] = rgbOf(color);
  const scale = 1 / Math.log1p(Math.max(1, d.max));
  const px = image.data;
  for (let c = 0; c < d.counts.length; c++) {
    const k = d.counts[c];
    if (!k) continue;
    px[4 * c] = r;
    px[4 * c + 1] = g;
    px[4 * c + 2] = b;
    px[4 * c + 3] = Math.round(255 * (0.2 + 0.8 * Math.log1p(k) * scale));
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}

// The density image stretched over [lo, hi]² of the plot, cells kept sharp.
function drawDensity(u, image, lo, hi) {
  clipToPlot(u, (ctx) => {
    const x0 = u.valToPos(lo, 'x', true);
    const x1 = u.valToPos(hi, 'x', true);
    const y0 = u.valToPos(hi, 'y', true);
    const y1 = u.valToPos(lo, 'y', true);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(image, x0, y0, x1 - x0, y1 - y0);
  });
}

// A min/max envelope per data change and bucket count (not per redraw),
// the largest values found in the same pass.
function envelopeOf(charts, values, buckets, abs) {
  const cached = charts.envelopeCache.get(values);
  if (cached && cached.buckets === Math.min(values.length, buckets)) return cached;
  const env = envelope(values, buckets, values.length > TABLE_ROWS ? TOP_ROWS : TOP, abs);
  charts.envelopeCache.set(values, env);
  let found = charts.topCache.get(values);
  if (!found) charts.topCache.set(values, (found = {}));
  found[abs ? 'abs' : 'value'] = env.tops;
  return env;
}

// More samples than bars fit: per pixel column of the plot, the span of
// its samples' bars (0 to the largest, and to the smallest below 0), so
// every sample's value lies inside what is drawn; badges on the largest.
export function envelopeChart(charts, panel, host, columns, abs, names, n, yKey) {
  use(charts);
  const theme = charts.theme;
  const ratio = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
  const buckets = Math.min(n, Math.max(256, Math.round(charts.plotWidth(host) * ratio)));
  const envs = columns.map((c) => envelopeOf(charts, c.values, buckets, abs));
  const count = envs[0].buckets;
  panel.body.append(el('p', { class: 'lp-chart-notes-line', text: say(charts, 'envelopeNote', { total: grouped(n), per: grouped(Math.round(n / count)) }) }));
  const xs = new Float64Array(count);
  for (let b = 0; b < count; b++) xs[b] = (bucketStart(b, n, count) + bucketStart(b + 1, n, count) + 1) / 2;
  const bars = columns.map((c) => ({ values: c.values, tops: charts.topsOf(c.values, abs).slice(0, TOP), color: c.color, label: c.label, center: (i) => i + 1 }));
  const span = extent(envs.flatMap((e) => [e.lo, e.hi])) || [0, 1];
  const yRange = valueRange([span], false, 0.2);
  const rows = (idx) => {
    const a = bucketStart(idx, n, count);
    const b = bucketStart(idx + 1, n, count) - 1;
    if (a === b) return say(charts, names.matrix ? 'elementN' : 'sampleN', { n: names.name(a) });
    return say(charts, names.matrix ? 'elementsRange' : 'samplesRange', { a: names.name(a), b: names.name(b) });
  };
  const options = baseOptions(theme, {
    xLabel: say(charts, names.matrix ? 'axisElement' : 'axisSample'),
    yLabel: say(charts, yKey),
    xName: say(charts, names.matrix ? 'colElement' : 'colSample'),
    xValue: (u, v, s, idx) => (idx == null ? '—' : rows(idx)),
    xScale: { range: () => [0.5, n + 0.5] },
    yScale: { range: () => yRange },
    // No label in the last 5%, where it would be cut at the plot's edge.
    xAxis: { values: (u, splits) => splits.map((v) => (Number.isInteger(v) && v >= 1 && v <= n * 0.95 ? (names.matrix ? names.name(v - 1) : compactCount(v, charts.lang)) : '')) },
    // Gradients of a mean over a million samples are ~1e-6: ticks with
    // their significant digits, not rounded to 0.
    yAxis: { values: (u, splits) => splits.map((v) => String(Number(v.toPrecision(3)))) },
    cursor: { points: { show: false } },
    series: envs.map((env, s) => ({
      label: bars[s].label,
      stroke: bars[s].color,
      fill: withAlpha(bars[s].color, 0.35),
      width: 1,
      paths: envelopePaths(env),
      points: { show: false },
      value: (u, v, si, idx) => {
        if (idx == null || env.lo[idx] !== env.lo[idx]) return '—';
        return env.lo[idx] === env.hi[idx] ? fmtFull(env.hi[idx]) : say(charts, 'rangeValue', { lo: fmtFull(env.lo[idx]), hi: fmtFull(env.hi[idx]) });
      },
    })),
    draw: (u) => drawBadges(u, bars, theme),
  });
  charts.addPlot(host, options, [xs].concat(envs.map((e) => e.hi)), null);
}

// Each loss's largest values (by size when abs), largest first and ties in
// row order, with the row numbers a user finds in their data, ŷ and y.
export function topRowsTable(charts, columns, abs, shape, captionKey, n) {
  use(charts);
  const names = sampleNames(n, shape && shape.length === 2 && shape[0] * shape[1] === n ? shape : null);
  const P = charts.model.prediction;
  const Y = charts.model.target;
  const paired = P && Y && P.data.length === n && Y.data.length === n;
  const head = [say(charts, names.matrix ? 'colElement' : 'colSample'), say(charts, 'colLoss'), say(charts, 'colRank'), say(charts, abs ? 'colGradient' : 'colValue')];
  if (paired) head.push(say(charts, 'colPrediction'), say(charts, 'colTarget'));
  const rows = [];
  for (const c of columns) {
    charts.topsOf(c.values, abs).forEach((i, rank) => {
      const row = [names.name(i), c.label, String(rank + 1), charts.fmt(c.values[i])];
      if (paired) row.push(charts.fmt(P.data[i]), charts.fmt(Y.data[i]));
      rows.push(row);
    });
  }
  const node = makeTable(el, say(charts, captionKey, { k: TOP_ROWS, total: grouped(n) }), head, rows);
  node.dataset.table = 'top';
  return node;
}

// Too many points to tell apart: how many samples fall in each cell,
// shaded, with the farthest from ŷ = y circled (and hoverable).
export function densityPlot(charts, panel, host, P, Y, which) {
  use(charts);
  const theme = charts.theme;
  const span = charts.span.both || [0, 1];
  const [lo, hi] = sharedRange([span[0]], [span[1]]);
  let d = charts.densityCache;
  if (!d || d.P !== P.data || d.Y !== Y.data) {
    d = charts.densityCache = { P: P.data, Y: Y.data, cells: density(Y.data, P.data, lo, hi, DENSITY_CELLS[0], DENSITY_CELLS[1], FAR_POINTS) };
  }
  const image = densityImage(d.cells, theme.accent);
  const order = d.cells.far.slice().sort((a, b) => Y.data[a] - Y.data[b] || P.data[a] - P.data[b]);
  const xs = order.map((i) => Y.data[i]);
  const ys = order.map((i) => P.data[i]);
  panel.body.append(el('p', { class: 'lp-chart-notes-line', text: say(charts, 'densityNote', { total: grouped(P.data.length), k: order.length }) }));
  const options = charts.scatterOptions(xs, ys, order, lo, hi, which, (u) => drawDiagonal(u, xs, ys, lo, hi, theme));
  options.hooks.drawClear = [(u) => drawDensity(u, image, lo, hi)];
  charts.addPlot(host, options, [xs, ys], null);
}
