// Load and memory (issue 12 item 6): a million rows through the page's
// compute step as its worker runs it (UTF-8 bytes in, one cache), recomputed
// 50 times with changing losses and options. The wasm heap must stop growing
// after the first runs (a leaked tensor or result would grow it by megabytes
// a run) and the JS heap must stay within a bound, while every run's MSE
// stays equal to an independent computation.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const v8 = require('node:v8');
const vm = require('node:vm');
const { loadLossPlay } = require('./lossplay-dist.js');
const { importWeb } = require('./support/web-src.js');
const { generator } = require('../fuzz/random.js');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const N = 1e6;
const RUNS = 50;
const MB = 1024 * 1024;

test(`${N} rows recomputed ${RUNS} times: the wasm heap stops growing and the JS heap stays bounded`, async () => {
  const { lp } = await loadLossPlay();
  const C = await importWeb('compute/compute.js');
  const D = await importWeb('pipeline/drive.js');
  const { initialState } = await importWeb('state/store.js');

  const random = generator(20261207).next;
  const yhat = new Array(N);
  const y = new Array(N);
  let sum = 0;
  for (let i = 0; i < N; i++) {
    y[i] = Math.round(random() * 1e6) / 1e5;
    yhat[i] = Math.round((y[i] + random() * 2 - 1) * 1e5) / 1e5;
    sum += (yhat[i] - y[i]) ** 2;
  }
  const utf8 = new TextEncoder();
  const sources = {
    predictions: { id: 'p', bytes: utf8.encode(yhat.join('\n')) },
    targets: { id: 't', bytes: utf8.encode(y.join('\n')) },
  };
  const mse = sum / N;
  const cache = C.createCache();
  const heap = () => lp._core.HEAP8.buffer.byteLength; // the wasm memory (it grows, never shrinks)
  const jsHeap = () => {
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };

  const lossSets = [['mse_loss', 'huber_loss'], ['mse_loss', 'l1_loss', 'huber_loss'], ['mse_loss', 'smooth_l1_loss']];
  let wasmAfterWarmup = 0;
  let jsAfterWarmup = 0;
  let jsMost = 0;
  for (let run = 0; run < RUNS; run++) {
    const state = Object.assign(initialState('en'), {
      losses: lossSets[run % lossSets.length],
      options: { huber_loss: { delta: String(0.5 + (run % 7) / 4) }, smooth_l1_loss: { beta: String(0.25 + (run % 5) / 4) } },
    });
    const out = await D.drive(C.computeSteps(state, lp, { sources, cache }), { onStep: () => {}, isStale: () => false });
    const row = out.results.find((r) => r.loss.name === 'mse_loss');
    assert.ok(Math.abs(row.result.value - mse) <= 1e-9 * mse, `run ${run}: MSE ${row.result.value}, expected ${mse}`);
    assert.equal(row.perSample.length, N);
    if (run === 2) {
      wasmAfterWarmup = heap();
      jsAfterWarmup = jsHeap();
    } else if (run > 2) {
      jsMost = Math.max(jsMost, jsHeap());
    }
  }
  const wasm = heap();
  // Three rounds of the loss sets have run by the warm-up: every size of
  // allocation the later runs make has been made once.
  assert.equal(wasm, wasmAfterWarmup, `the wasm heap grew from ${wasmAfterWarmup / MB} MB to ${wasm / MB} MB over ${RUNS - 3} recomputes`);
  // The cache keeps the current data's results (a few 8 MB arrays a loss):
  // beyond the warm-up's heap, allow 64 MB of slack for what the GC keeps
  // between runs, far below the 8 MB x 3 arrays x 47 runs a leak would hold.
  assert.ok(jsMost <= jsAfterWarmup + 64 * MB,
    `the JS heap grew from ${(jsAfterWarmup / MB).toFixed(0)} MB to ${(jsMost / MB).toFixed(0)} MB over ${RUNS - 3} recomputes`);
});
