// The fit lab's computation (web/src/fit/compute-fit.js) in Node, on the
// built loss core (dist/lossplay.js, for the page's reader) and the fit core
// (build/wasm/lossplay-fit.wasm): the "Done when" data (MSE's slope
// is least squares', MAE's is 2), a two-column table in either box, read
// errors at their box with line and column, a classifier's labels mapped,
// a loss that cannot fit beside one that can, a diverged path, the
// landscape's window and a stale run dropped.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { importWeb } = require('./support/web-src.js');
const { loadLossPlay } = require('./lossplay-dist.js');

let lp;
let api;
let C;
let readData; // the page's reader, which readFitData is handed
test.before(async () => {
  ({ readData } = await importWeb('input/read.js'));
  ({ lp } = await loadLossPlay());
  api = await (await importWeb('fit/fit-api.js')).loadFit();
  C = await importWeb('fit/compute-fit.js');
});

const OUTLIER = { x: '1 2 3 4 5 6 7 8 9 10', y: '3 5 7 9 11 13 15 17 19 60' };
const fitState = (over) => Object.assign({
  x: OUTLIER.x, y: OUTLIER.y, losses: ['mse_loss', 'l1_loss'], options: {}, optimizer: 'adam', lr: 0.08, steps: 1000,
  start: [0, 0], moved: null, preset: null,
}, over);

// Least squares' slope from the data themselves.
function leastSquares(x, y) {
  const n = x.length;
  const mx = x.reduce((a, v) => a + v, 0) / n;
  const my = y.reduce((a, v) => a + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  const w = sxy / sxx;
  return { w, b: my - w * mx };
}

async function run(fit, meta) {
  return C.computeFit(api, C.readFitData(lp, fit, readData), fit, meta || {});
}

test('the outlier data: MSE fits least squares, MAE the line through the other points', async () => {
  const fit = fitState();
  const r = await run(fit, { mse_loss: { label: 'MSE', color: '#111111' } });
  assert.deepEqual(Array.from(r.x), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(r.errors, {});
  assert.deepEqual(r.fits.map((f) => f.loss), ['mse_loss', 'l1_loss']);
  const [mse, mae] = r.fits;
  assert.equal(mse.label, 'MSE');
  assert.equal(mse.color, '#111111');
  const ls = leastSquares(Array.from(r.x), Array.from(r.y));
  const end = (f) => ({ w: f.path.w[f.path.w.length - 1], b: f.path.b[f.path.b.length - 1] });
  assert.ok(Math.abs(end(mse).w - ls.w) <= 0.01 * Math.abs(ls.w), `MSE's path ends at w ${end(mse).w}, least squares ${ls.w}`);
  assert.ok(Math.abs(mse.optimum.w - ls.w) < 1e-9 * Math.abs(ls.w), `MSE's optimum ${mse.optimum.w}`);
  assert.ok(Math.abs(end(mae).w - 2) <= 0.02, `MAE's path ends at w ${end(mae).w}`);
  assert.ok(Math.abs(mae.optimum.w - 2) < 1e-9, `MAE's optimum ${mae.optimum.w}`);
  for (const f of r.fits) {
    assert.equal(f.kind, 'regression');
    assert.equal(f.labels.mapping, 'none');
    assert.equal(f.error, null);
    assert.equal(f.landscape.columns, 100);
    assert.equal(f.landscape.rows, 100);
    assert.equal(f.landscape.values.length, 100 * 100);
    // The window holds the optimum, the start and every point of the path.
    const L = f.landscape;
    const inside = (w, b) => w >= L.wMin && w <= L.wMax && b >= L.bMin && b <= L.bMax;
    assert.ok(inside(f.optimum.w, f.optimum.b), `${f.loss}: optimum outside the window`);
    assert.ok(inside(0, 0), `${f.loss}: the start outside the window`);
    for (let k = 0; k < f.path.w.length; k++) assert.ok(inside(f.path.w[k], f.path.b[k]), `${f.loss}: path step ${k} outside`);
    assert.ok(Math.abs((L.wMin + L.wMax) / 2 - f.optimum.w) < 1e-9, 'centred on the optimum');
  }
});

test('a moved point is fitted in place of its y; the boxes are read as typed', async () => {
  const r = await run(fitState({ moved: { index: 9, y: 21 }, losses: ['mse_loss'] }));
  assert.equal(r.y[9], 21);
  assert.ok(Math.abs(r.fits[0].optimum.w - 2) < 1e-9, `with y = 2x + 1 again, MSE's slope is 2: ${r.fits[0].optimum.w}`);
});

test('a two-column table in either box gives x and y', async () => {
  const table = 'x,y\n1,3\n2,5\n3,7\n4,9.5';
  for (const [x, y, from] of [[table, '', 'x'], ['', table, 'y'], ['1 3\n2 5\n3 7\n4 9.5', '', 'x']]) {
    const data = C.readFitData(lp, fitState({ x, y }), readData);
    assert.deepEqual(data.errors, {}, `${from}: ${JSON.stringify(data.errors)}`);
    assert.deepEqual(Array.from(data.x), [1, 2, 3, 4]);
    assert.deepEqual(Array.from(data.y), [3, 5, 7, 9.5]);
    assert.deepEqual(data.table, { from, setAside: false });
  }
  // Pasted (or opened) into y while x holds other numbers: the table wins, x's text is set aside.
  const aside = C.readFitData(lp, fitState({ x: '9 9 9', y: table, split: 'y' }), readData);
  assert.deepEqual(aside.errors, {});
  assert.deepEqual(Array.from(aside.x), [1, 2, 3, 4]);
  assert.deepEqual(aside.table, { from: 'y', setAside: true });
  // Typed, not pasted: the boxes read as they are (and their lengths disagree).
  assert.equal(C.readFitData(lp, fitState({ x: '9 9 9', y: table }), readData).errors.pair.code, 'fit_lengths');
});

test('read errors stay at their box with line and column; unequal lengths are the pair\'s error', async () => {
  const bad = C.readFitData(lp, fitState({ x: '1 2\n3 4x 5', y: '1 2 3 4 5' }), readData);
  assert.ok(bad.errors.x, 'x has an error');
  assert.equal(bad.errors.x.line, 2);
  assert.equal(bad.errors.x.column, 3);
  assert.equal(bad.errors.y, undefined);
  const r = await C.computeFit(api, bad, fitState(), {});
  assert.equal(r.fits.length, 0, 'nothing fitted on data in error');
  const uneven = C.readFitData(lp, fitState({ x: '1 2 3', y: '1 2' }), readData);
  assert.deepEqual(uneven.errors, { pair: { code: 'fit_lengths', params: { nx: 3, ny: 2 } } });
  assert.equal(C.readFitData(lp, fitState({ x: '', y: '' }), readData).errors.pair.code, 'fit_empty');
});

test('a classifier gets its labels mapped; a loss that cannot fit says so beside the others', async () => {
  const r = await run(fitState({ x: '-2 -1 -0.5 0.5 1 3', y: '0 0 1 0 1 1', losses: ['hinge', 'binary_cross_entropy_with_logits', 'msle'], optimizer: 'gd', lr: 0.1, steps: 200 }));
  const [hinge, bce, msle] = r.fits;
  assert.equal(hinge.kind, 'classification');
  assert.equal(hinge.labels.mapping, 'to_signed');
  assert.deepEqual(Array.from(hinge.labels.y), [-1, -1, 1, -1, 1, 1]);
  assert.equal(bce.labels.mapping, 'none');
  assert.ok(hinge.path && bce.path, 'both classifiers have a path');
  assert.ok(bce.path.w[bce.path.w.length - 1] > 0, 'BCE\'s slope points the way of the classes');
  assert.equal(msle.error, null, 'MSLE fits y >= 0');
  const three = await run(fitState({ y: '0 1 2 0 1 2 0 1 2 0', losses: ['hinge', 'mse_loss'] }));
  assert.match(three.fits[0].error.code, /^fit_labels_/, 'labels.js refused the three values'); // its own code (labels.js names it)
  assert.equal(three.fits[0].path, null);
  assert.ok(three.fits[1].path, 'MSE still fits');
});

test('a learning rate far too large diverges: the path says so and the window stays bounded', async () => {
  const r = await run(fitState({ losses: ['mse_loss'], optimizer: 'gd', lr: 5, steps: 100 }));
  const f = r.fits[0];
  assert.equal(f.path.status, 'diverged');
  const L = f.landscape;
  // The path's last sane point flew far off (w in the thousands): the window stays near the optimum and the start.
  assert.ok(Math.abs(f.path.w[f.path.w.length - 1]) > 1000, `the path's end ${f.path.w[f.path.w.length - 1]}`);
  assert.ok(Number.isFinite(L.wMin) && L.wMax - L.wMin < 200, `window ${L.wMin}..${L.wMax}`);
  assert.ok(L.wMin < 0 && L.wMax > f.optimum.w, 'it holds the start and the optimum');
});

test('large data get a coarser landscape; a stale run resolves to null', async () => {
  assert.equal(C.gridSize(100), 100);
  assert.equal(C.gridSize(10000), 100);
  assert.ok(C.gridSize(40000) < 100 && C.gridSize(40000) >= 30);
  let stale = false;
  const fit = fitState();
  const r = await C.computeFit(api, C.readFitData(lp, fit, readData), fit, {}, { between: async () => { stale = true; }, stale: () => stale });
  assert.equal(r, null);
});
