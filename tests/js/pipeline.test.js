// The page's compute pipeline without a browser (issue 9): one core call
// per loss per change, a cache so toggling a loss or changing one option
// computes only that, bytes read like text, results across postMessage as
// copies, and a stale run stopped at its next step.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLossPlay } = require('./lossplay-dist.js');
const { importWeb } = require('./support/web-src.js');

let lp;
let C;
let R;
let W;
let D;
let initialState;
test.before(async () => {
  ({ lp } = await loadLossPlay());
  C = await importWeb('compute/compute.js');
  R = await importWeb('input/read.js');
  W = await importWeb('pipeline/wire.js');
  D = await importWeb('pipeline/drive.js');
  ({ initialState } = await importWeb('state/store.js'));
});

function counting() {
  const calls = [];
  const counted = Object.create(lp);
  counted.compute = (name, args, options) => {
    calls.push(`${name} ${options.reduction}`);
    return lp.compute(name, args, options);
  };
  return { counted, calls };
}

const state = (patch) => Object.assign(initialState('en'), { texts: { predictions: '1 2 3 4', targets: '1.5 2 2 5' } }, patch);

test('one core call per loss per change; a toggled loss or a changed option computes only itself', () => {
  const { counted, calls } = counting();
  const cache = C.createCache();
  const three = state({ losses: ['mse_loss', 'l1_loss', 'huber_loss'] });
  const first = C.compute(three, counted, { cache });
  assert.deepEqual(calls, ['mse_loss mean', 'l1_loss mean', 'huber_loss mean']);
  assert.equal(first.results.length, 3);
  // The per-sample terms come from the same call.
  assert.deepEqual(Array.from(first.results[0].perSample), [0.25, 0, 1, 1]);
  calls.length = 0;
  C.compute(state({ losses: ['mse_loss', 'huber_loss'] }), counted, { cache });
  C.compute(three, counted, { cache });
  assert.deepEqual(calls, [], 'toggling a loss off and on again computes nothing');
  const moved = C.compute(state({ losses: ['mse_loss', 'l1_loss', 'huber_loss'], options: { huber_loss: { delta: '0.5' } } }), counted, { cache });
  assert.deepEqual(calls, ['huber_loss mean'], 'a new delta computes Huber only');
  assert.equal(moved.results[2].result.value, lp.compute('huber_loss', { input: [1, 2, 3, 4], target: [1.5, 2, 2, 5] }, { delta: 0.5 }).value);
  calls.length = 0;
  C.compute(state({ losses: ['mse_loss'], texts: { predictions: '1 2 3 5', targets: '1.5 2 2 5' } }), counted, { cache });
  assert.deepEqual(calls, ['mse_loss mean'], 'new data compute again');
});

test('UTF-8 bytes read as their text does: numbers, a headed table, JSON, a UTF-16 file', () => {
  const enc = (s) => new TextEncoder().encode(s);
  for (const text of ['1 2 3\n4 5 6\n', 'pred,target\n0.5,1\n0.25,0\n', '[[1, 2], [3, 4]]', '，1；2、3']) {
    const a = R.readData(lp, text);
    const b = R.readBytes(lp, enc(text));
    assert.equal(b.kind, a.kind, text);
    assert.deepEqual(b.tensor.shape, a.tensor.shape, text);
    assert.deepEqual(Array.from(b.tensor.data), Array.from(a.tensor.data), text);
    assert.deepEqual(b.header, a.header, text);
  }
  const utf16 = new Uint8Array([0xff, 0xfe, 0x31, 0, 0x20, 0, 0x32, 0]);
  assert.deepEqual(Array.from(R.readBytes(lp, utf16).tensor.data), [1, 2]);
  assert.throws(() => R.readBytes(lp, enc('1 2\nthree 4')), (e) => e.code && e.line === 2);
});

test('a result crosses postMessage as copies of its arrays, the registry entries put back by name', () => {
  const out = C.compute(state({ losses: ['mse_loss'] }), lp, { cache: C.createCache() });
  const { wire, transfer } = W.toWire(out);
  const back = W.fromWire(structuredClone(wire, { transfer }), lp);
  assert.equal(back.results[0].loss, lp.loss('mse_loss'));
  assert.equal(back.results[0].result.value, out.results[0].result.value);
  assert.deepEqual(Array.from(back.results[0].result.grad.data), Array.from(out.results[0].result.grad.data));
  assert.equal(back.results[0].result.gradHasNaN, false);
  assert.ok(out.prediction.data.length > 0, 'the worker keeps its own arrays: only copies were transferred');
  assert.deepEqual(back.boxes.predictions.reading.shape, [4]);
});

test('a run that went stale stops at its next step', async () => {
  let stale = false;
  const steps = [];
  const running = D.drive(C.computeSteps(state({ losses: ['mse_loss', 'l1_loss'] }), lp, {}), {
    onStep: (s) => {
      steps.push(s.loss);
      stale = true;
    },
    isStale: () => stale,
  });
  await assert.rejects(running, (e) => e instanceof D.Cancelled);
  assert.deepEqual(steps, ['mse_loss']);
});
