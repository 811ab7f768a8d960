// The fit charts' pure parts (web/src/fit/charts/): scales and ticks, the
// landscape's log colour map and its picture, contour lines, the grid's
// window, hit-testing, the lines chart's y window, the player's timing, and
// the charts' string table in both languages.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { importWeb } = require('./support/web-src.js');

let M;
let L;
let P;
let S;
test.before(async () => {
  M = await importWeb('fit/charts/maths.js');
  L = await importWeb('fit/charts/lines-maths.js');
  P = await importWeb('fit/charts/player-maths.js');
  ({ fitChartsStrings: S } = await importWeb('i18n/strings/fit-charts.js'));
});

// ---- scales and ticks ----

test('a linear scale maps its domain onto its range and back (a y axis runs downwards)', () => {
  const y = M.linear(-10, 30, 300, 20);
  assert.equal(y(-10), 300);
  assert.equal(y(30), 20);
  assert.equal(y(10), 160);
  assert.equal(y.invert(160), 10);
  assert.equal(y.invert(y(7.25)), 7.25);
});

test('ticks are round numbers 1, 2 or 5 × 10^k apart inside the domain', () => {
  assert.deepEqual(M.niceTicks(0, 10, 5).ticks, [0, 2, 4, 6, 8, 10]);
  assert.deepEqual(M.niceTicks(-0.55, 0.55, 5).ticks, [-0.4, -0.2, 0, 0.2, 0.4]);
  const t = M.niceTicks(3.7, 61.2, 5);
  assert.equal(t.step, 10);
  assert.deepEqual(t.ticks, [10, 20, 30, 40, 50, 60]);
  assert.deepEqual(M.niceTicks(5, 5).ticks, [5], 'an empty domain: its one value');
});

test('tick labels: the decimals the step needs, a true minus, exponents for large values', () => {
  assert.equal(M.tickLabel(-0.2, 0.2), '−0.2');
  assert.equal(M.tickLabel(2, 0.5), '2.0');
  assert.equal(M.tickLabel(1e-17, 0.5), '0.0', 'a rounding residue is 0');
  assert.equal(M.tickLabel(200000, 100000), '2e5');
  assert.equal(M.tickLabel(-150000, 50000), '−1.5e5');
});

test('ticks that fit their axis: fewer when the labels are wide', () => {
  const measure = (s) => 7 * s.length; // 7 px a character
  const wide = M.fittingTicks(-200000, 200000, 240, measure);
  const widest = Math.max(...wide.ticks.map((v) => measure(M.tickLabel(v, wide.step))));
  assert.ok((widest + 14) * wide.ticks.length <= 240, `${wide.ticks.length} ticks of ${widest} px in 240 px`);
  assert.ok(wide.ticks.length >= 2);
  assert.ok(M.fittingTicks(0, 10, 600, measure).ticks.length >= 6, 'room enough: many ticks');
});

test('numbers for legends and sentences: 3 significant digits, a true minus, — for NaN', () => {
  assert.equal(M.num(4.127272727), '4.13');
  assert.equal(M.num(-6.8), '−6.8');
  assert.equal(M.num(2), '2');
  assert.equal(M.num(NaN), '—');
  assert.equal(M.num(Infinity), '∞');
  assert.equal(M.num(1.59e12), '1.59e+12');
});

// ---- the log colour map ----

test('the log colour scale runs from 0 at the minimum to 1 at the maximum and gives the valley room', () => {
  const s = M.logScale([5, 1005, NaN, 6, 55]);
  assert.equal(s.lo, 5);
  assert.equal(s.hi, 1005);
  assert.ok(Math.abs(s.t(5)) < 1e-12);
  assert.ok(Math.abs(s.t(1005) - 1) < 1e-12);
  assert.ok(Number.isNaN(s.t(NaN)));
  // A linear scale would put F = min + 1% of the span at 0.01: the log one far higher.
  assert.ok(s.t(15) > 0.3, `t(min + 1%) = ${s.t(15)}`);
  for (let v = 5; v < 1005; v += 50) assert.ok(s.t(v + 25) > s.t(v), 'increasing');
  assert.ok(Math.abs(s.value(s.t(123)) - 123) < 1e-9, 'value() inverts t()');
});

test('the ramp grows lighter from end to end, so it reads the same on a light or a dark page', () => {
  const luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
  let last = -1;
  for (let i = 0; i <= 50; i++) {
    const l = luminance(M.ramp(i / 50));
    assert.ok(l > last, `lightness at ${i / 50}: ${l} after ${last}`);
    last = l;
  }
  assert.deepEqual(M.ramp(-1), M.ramp(0));
  assert.deepEqual(M.ramp(2), M.ramp(1));
});

test('the heatmap picture: row 0 (b = bMin) at the bottom, NaN cells in grey stripes outside the scale', () => {
  const values = Float64Array.from([1, 2, 3, NaN, 10, NaN]); // 3 columns, 2 rows
  const land = { columns: 3, rows: 2, values };
  const s = M.logScale(values);
  const px = M.heatPixels(land, s);
  const rgb = (c, imageRow) => Array.from(px.slice(4 * (imageRow * 3 + c), 4 * (imageRow * 3 + c) + 3));
  assert.deepEqual(rgb(0, 1), M.ramp(0), 'F = 1, the minimum, bottom left');
  assert.deepEqual(rgb(1, 0), M.ramp(1), 'F = 10, the maximum, top middle');
  const grey = rgb(0, 0);
  assert.equal(grey[0], grey[1]);
  assert.equal(grey[1], grey[2], 'NaN: grey');
  assert.notDeepEqual(rgb(2, 0), grey, 'the next NaN cell along the row is the other stripe');
  for (let i = 3; i < px.length; i += 4) assert.equal(px[i], 255);
});

// ---- contours ----

test('marching squares: every segment lies on the level, for a linear field exactly', () => {
  const columns = 12;
  const rows = 9;
  const f = (c, r) => 2 * c + 3 * r;
  const values = new Float64Array(columns * rows);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) values[r * columns + c] = f(c, r);
  const seg = M.contourSegments(values, columns, rows, 17.5);
  assert.ok(seg.length >= 4 * 5, `${seg.length / 4} segments`);
  for (let i = 0; i < seg.length; i += 2) assert.ok(Math.abs(f(seg[i], seg[i + 1]) - 17.5) < 1e-9);
});

test('contours of a bowl close around its minimum; squares with a NaN corner give none', () => {
  const n = 21;
  const values = new Float64Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) values[r * n + c] = (c - 10) ** 2 + (r - 10) ** 2;
  const seg = M.contourSegments(values, n, n, 25);
  // Each endpoint is about 5 from the centre, and the ring goes all the way round.
  const angles = new Set();
  for (let i = 0; i < seg.length; i += 2) {
    const d = Math.hypot(seg[i] - 10, seg[i + 1] - 10);
    assert.ok(Math.abs(d - 5) < 0.3, `radius ${d}`);
    angles.add(Math.floor(((Math.atan2(seg[i + 1] - 10, seg[i] - 10) + Math.PI) / (2 * Math.PI)) * 8) % 8);
  }
  assert.equal(angles.size, 8, 'all eight octants');
  values[10 * n + 15] = NaN; // (c 15, r 10): on the ring
  const holed = M.contourSegments(values, n, n, 25);
  assert.ok(holed.length < seg.length);
  for (let i = 0; i < holed.length; i += 2) assert.ok(!(Math.abs(holed[i] - 15) < 1 && Math.abs(holed[i + 1] - 10) < 1));
});

test('all levels in one pass give each level’s own segments; an infinite corner counts as outside the domain', () => {
  const n = 15;
  const values = new Float64Array(n * n);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) values[r * n + c] = Math.exp((c - 7) / 3) + (r - 7) ** 2;
  const levels = [2, 5, 20, 60];
  const all = M.contourAll(values, n, n, levels);
  assert.equal(all.length, 4);
  levels.forEach((level, i) => assert.deepEqual(all[i], M.contourSegments(values, n, n, level)));
  values[0] = Infinity;
  assert.ok(M.contourAll(values, n, n, [values[1] - 0.01]).every((seg) => { for (let i = 0; i < seg.length; i += 2) if (seg[i] < 1 && seg[i + 1] < 1) return false; return true; }));
});

test('contour levels are spaced evenly on the log scale, strictly inside it', () => {
  const s = M.logScale([1, 1000]);
  const levels = M.contourLevels(s, 4);
  assert.equal(levels.length, 4);
  levels.forEach((v, i) => assert.ok(Math.abs(s.t(v) - (i + 1) / 5) < 1e-12));
});

// ---- the landscape's window and the path ----

test('grid points are cell centres: column c is w = wMin + c (wMax − wMin) / (columns − 1)', () => {
  const land = { wMin: 0, wMax: 4, bMin: -1, bMax: 1, columns: 5, rows: 3 };
  assert.deepEqual(M.gridPoint(land, 2, 1), { w: 2, b: 0 });
  assert.deepEqual(M.gridPoint(land, 4, 2), { w: 4, b: 1 });
  assert.deepEqual(M.landscapeDomain(land), { w: [-0.5, 4.5], b: [-1.5, 1.5] });
});

test('the frame to draw: null is the path’s end; past the end stops there', () => {
  const path = { w: new Float64Array(5), b: new Float64Array(5) };
  assert.equal(M.frameIndex(path, null), 4);
  assert.equal(M.frameIndex(path, 2), 2);
  assert.equal(M.frameIndex(path, 40), 4);
  assert.equal(M.frameIndex(path, -3), 0);
  assert.equal(M.frameIndex(null, 2), -1);
});

// ---- hit-testing and keyboard steps ----

test('hit-testing finds the nearest point within the radius, or none', () => {
  const xs = [10, 50, 52, 200];
  const ys = [10, 50, 58, 10];
  assert.equal(M.nearestPoint(xs, ys, 51, 51, 12), 1);
  assert.equal(M.nearestPoint(xs, ys, 52, 57, 12), 2);
  assert.equal(M.nearestPoint(xs, ys, 120, 120, 12), -1);
});

test('a keyboard step is a round 50th of the span, ten times that with Shift; moves stay clean numbers', () => {
  assert.equal(M.keyStep(0, 60, false), 1);
  assert.equal(M.keyStep(0, 60, true), 10);
  assert.equal(M.keyStep(-2, 2, false), 0.1);
  assert.equal(M.roundTo(4.4 + 0.1, 0.1), 4.5);
  assert.equal(M.roundTo(0.1 + 0.2, 0.1), 0.3);
});

test('σ is symmetric and never overflows', () => {
  assert.equal(M.sigmoid(0), 0.5);
  assert.ok(Math.abs(M.sigmoid(3) + M.sigmoid(-3) - 1) < 1e-15);
  assert.equal(M.sigmoid(-1000), 0);
  assert.equal(M.sigmoid(1000), 1);
});

// ---- the lines chart ----

const outlier = () => {
  const x = Float64Array.from({ length: 10 }, (_, i) => i + 1);
  const y = x.map((v) => 2 * v + 1);
  y[9] = 60;
  return { x, y };
};

test('the lines chart’s y window holds the data and the fits’ ends, not the animated steps, nor a diverged path', () => {
  const { x, y } = outlier();
  const path = (w, b) => ({ w: Float64Array.from([0, w]), b: Float64Array.from([0, b]), status: 'converged' });
  const mse = { loss: 'mse_loss', optimum: { w: 4.127, b: -6.8, status: 'found' }, path: path(4.127, -6.8) };
  const [lo, hi] = L.lineDomain({ x, y, fits: [mse] });
  assert.ok(lo <= 4.127 + -6.8 && hi >= 60, `[${lo}, ${hi}] holds the line at x = 1 and the point 60`);
  // A diverged path ends far away: the window does not follow it.
  const wild = { loss: 'mse_loss', optimum: { w: NaN, b: NaN, status: 'no_finite_optimum' }, path: Object.assign(path(1e6, 1e6), { status: 'diverged' }) };
  assert.deepEqual(L.lineDomain({ x, y, fits: [wild] }), L.lineDomain({ x, y, fits: [] }));
  // A steep fit stretches the window by at most one data span beyond the data.
  const steep = { loss: 'l1_loss', optimum: { w: 500, b: 0, status: 'found' }, path: path(500, 0) };
  const [, top] = L.lineDomain({ x, y, fits: [steep] });
  const span = 60 - 3;
  assert.ok(top <= 60 + span + 0.1 * 2 * span + 1e-9 && top >= 60 + span, `top ${top}`);
});

test('classification: the two classes are the lowest and highest label; hinge losses are drawn as boundaries', () => {
  assert.deepEqual(L.classOf(Float64Array.from([0, 1, 1, 0])), { low: 0, high: 1 });
  assert.deepEqual(L.classOf(Float64Array.from([-1, 1, NaN])), { low: -1, high: 1 });
  assert.ok(L.isScoreLoss({ loss: 'hinge' }));
  assert.ok(L.isScoreLoss({ loss: 'squared_hinge' }));
  assert.ok(!L.isScoreLoss({ loss: 'binary_cross_entropy_with_logits', labels: { mapping: 'none' } }));
});

// ---- the player ----

test('the player plays a short path at 20 steps a second and a long one within 5 s; speed multiplies', () => {
  assert.equal(P.playbackRate(21, 1), 20 / 1.5, 'a 20-step path takes 1.5 s, not 1');
  assert.equal(P.playbackRate(61, 1), 20);
  assert.equal(P.playbackRate(1001, 1), 200);
  assert.equal(P.playbackRate(1001, 4), 800);
  assert.equal(P.playbackRate(1001, 0.5), 100);
});

// ---- the strings ----

test('every fit-charts string has English and Chinese with the same placeholders, and counts have plural forms', () => {
  const placeholders = (s) => [...s.matchAll(/\{(\w+)(?:\|[^{}|]*\|[^{}|]*)?\}/g)].map((m) => m[1]).sort();
  for (const [key, e] of Object.entries(S)) {
    assert.ok(key.startsWith('fitCharts.'), key);
    assert.ok(e.en && e.zh, `${key}: both languages`);
    assert.deepEqual([...new Set(placeholders(e.zh))], [...new Set(placeholders(e.en))], `${key}: placeholders`);
    assert.ok(!/\{(?:n|count)\} (?:points|steps|numbers|values)\b/.test(e.en), `${key}: bare count before a plural`);
    // No English words left in Chinese but loss names, symbols and key names.
    const words = e.zh.replace(/\{[^}]*\}/g, '').match(/[A-Za-z]{2,}/g) || [];
    const allowed = new Set(['BCE', 'focal', 'hinge', 'squared', 'Shift']);
    assert.deepEqual(words.filter((w) => !allowed.has(w)), [], `${key}: ${e.zh}`);
  }
  assert.equal(S['fitCharts.axisW'].zh, '斜率 w');
  assert.equal(S['fitCharts.axisB'].zh, '截距 b');
});
