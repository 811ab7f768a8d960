// The outlier experiment in compute (no browser): the extra sample is part
// of every result and of the data the views get, its index is given, the
// value without it is kept for the table, a drag computes only what moved,
// and the worker's wire keeps it all.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLossPlay } = require('./lossplay-dist.js');
const { importWeb } = require('./support/web-src.js');

let lp;
let C;
let W;
let initialState;
let sliderLimit;
test.before(async () => {
  ({ lp } = await loadLossPlay());
  C = await importWeb('compute/compute.js');
  W = await importWeb('pipeline/wire.js');
  ({ initialState } = await importWeb('state/store.js'));
});

const huber = (outlier) => Object.assign(initialState('en'), {
  texts: { predictions: '2.5 3.2 3.8', targets: '2 3 4' },
  losses: ['mse_loss', 'l1_loss', 'huber_loss'],
  outlier,
});

test('with the outlier on, every result takes the data with the extra sample; the value without it stays', () => {
  const out = C.compute(huber({ on: true, residual: '10' }), lp);
  assert.deepEqual(Array.from(out.prediction.data), [2.5, 3.2, 3.8, 13]); // y at the mean of y, ŷ = y + 10
  assert.deepEqual(Array.from(out.target.data), [2, 3, 4, 3]);
  assert.equal(out.outlierIndex, 3);
  const byName = Object.fromEntries(out.results.map((r) => [r.loss.name, r]));
  // F.huber_loss / F.mse_loss / F.l1_loss in float64 on the four samples.
  assert.equal(byName.huber_loss.result.value, 2.4162500000000002);
  assert.equal(byName.mse_loss.result.value, 25.0825);
  assert.equal(byName.l1_loss.result.value, 2.725);
  for (const r of out.results) {
    assert.equal(r.outlierIndex, 3);
    assert.equal(r.perSample.length, 4, `${r.loss.name}: one term per sample, the outlier's too`);
    assert.equal(r.args.input.data.length, 4, `${r.loss.name}: the PyTorch code and exports get the four samples`);
  }
  assert.ok(Math.abs(byName.huber_loss.outlier.without - 0.055) < 1e-15);
  // Off: the reader's data only, no index.
  const off = C.compute(huber({ on: false, residual: '10' }), lp);
  assert.equal(off.outlierIndex, null);
  assert.equal(off.prediction.data.length, 3);
  assert.equal(off.results[0].outlier, null);
});

test('a matrix cannot take the extra sample: said per loss, the data as they are', () => {
  const state = Object.assign(initialState('en'), {
    texts: { predictions: '0.7 0.2 0.1\n0.1 0.8 0.1', targets: '1 0 0\n0 1 0' }, losses: ['cross_entropy'], outlier: { on: true, residual: '5' },
  });
  const out = C.compute(state, lp);
  assert.equal(out.outlierIndex, null);
  assert.deepEqual(out.results[0].outlier.error, { key: 'outlier.unsupported' });
  assert.equal(out.results[0].outlierIndex, null);
});

test('a drag computes each loss once per position; the values without the outlier come from the cache', () => {
  const calls = [];
  const counted = Object.create(lp);
  counted.compute = (name, args, options) => {
    calls.push(`${name} n=${args.input.data ? args.input.data.length : args.input.size}`);
    return lp.compute(name, args, options);
  };
  const cache = C.createCache();
  C.compute(huber({ on: true, residual: '1' }), counted, { cache });
  calls.length = 0;
  C.compute(huber({ on: true, residual: '2' }), counted, { cache });
  assert.deepEqual(calls.sort(), ['huber_loss n=4', 'l1_loss n=4', 'mse_loss n=4'].sort());
});

test('the worker\'s wire keeps the outlier\'s index and the value without it', () => {
  const out = C.compute(huber({ on: true, residual: '10' }), lp);
  const { wire } = W.toWire(out);
  const back = W.fromWire(structuredClone(wire), lp);
  assert.equal(back.outlierIndex, 3);
  assert.equal(back.results[2].outlierIndex, 3);
  assert.ok(Math.abs(back.results[2].outlier.without - 0.055) < 1e-15);
});

test("the slider's range: a few times the data's spread, at least 10, and always the box's value", async () => {
  ({ sliderLimit } = await importWeb('views/outlier.js'));
  const t = (a) => ({ data: Float64Array.from(a) });
  assert.equal(sliderLimit(t([2.5, 3.2, 3.8]), t([2, 3, 4]), 10), 10);
  assert.equal(sliderLimit(t([2.5, 3.2, 3.8]), t([2, 3, 4]), 1000), 1000);
  assert.equal(sliderLimit(t([2500, 3200, 3800]), t([2000, 3000, 4000]), 5), 5000); // 5 × 1000, the spread of y
  assert.equal(sliderLimit(t([1, 2, 3, 13]), t([1, 2, 3, 2]), 10, 3), 10, 'the outlier\'s own sample is left out');
});
