#!/usr/bin/env node
// scripts/bench.sh's kernel and parser benchmark, in Node: lp.compute end to
// end from Float64Array for each loss and N (value, gradient and per-element
// terms copied out), and with resident handles (lp.tensor: no copy-in);
// like for like against the peers, lp.compute asked for what each peer
// computes (outputs ['value', 'grad'] against plain JS value + gradient
// loops and tfjs's valueAndGrad with its wasm and cpu backends, outputs
// ['value'] against JS value loops), and the native core; lp.parse in MB/s (from a string, from UTF-8
// bytes, and lp.parseTensor) against split + Number and the native parser.
// Each time is the best of several runs after a warm-up, all measured in this
// run, so the ratios hold on a noisy machine. Prints a table, a PASS/MISS
// line per target of issue 9 item 4 (full run only: the targets are at
// N = 1e6; where a target takes less time than the floor, the least any
// wasm core takes end to end (floor.js), the line says so), and writes JSON.
//   node scripts/bench/kernels.js [--quick] [--out FILE] [--native BIN] [--loss NAME,...]
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { makeCase, makeText } = require('./data.js');
const { benchArgs } = require('./cli.js');
const js = require('./js-peers.js');
const tfjs = require('./tfjs-peers.js');
const { floor, selfCheck } = require('./floor.js');

const ROOT = path.join(__dirname, '..', '..');
const { quick, out, native, option } = benchArgs('kernels');
const ONLY = option('--loss', null); // a comma-separated list: only these losses (for a quick look at one kernel)

const LOSSES = ['mse_loss', 'l1_loss', 'huber_loss', 'binary_cross_entropy', 'binary_cross_entropy_with_logits', 'hinge', 'hinge_embedding_loss', 'cross_entropy'];
// Issue 9 item 4: these at least 3x faster than JS value+gradient loops and within 1.5x of the native core.
const TARGETS = ['mse_loss', 'l1_loss', 'huber_loss', 'hinge', 'hinge_embedding_loss'];
const TARGET_N = 1e6;
const SIZES = quick ? [1e4, 1e5] : [1e4, 1e5, 1e6];
const BIG = quick ? [] : [1e7]; // MSE only
const BUDGET_MS = quick ? 60 : 400; // time spent per measurement, at least

/** Best time in ms of `f` (sync or async) over repeated runs. */
async function best(f) {
  await f();
  let bestMs = Infinity;
  let spent = 0;
  let runs = 0;
  while (runs < 3 || (spent < BUDGET_MS && runs < 50)) {
    const t0 = process.hrtime.bigint();
    await f();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    bestMs = Math.min(bestMs, ms);
    spent += ms;
    runs++;
  }
  return bestMs;
}

function nativeMs(what, n) {
  if (!fs.existsSync(native)) return null;
  const repeats = n >= 1e6 ? 5 : 20;
  const line = execFileSync(native, [what, String(n), String(repeats)], { encoding: 'utf8' });
  return JSON.parse(line).ms;
}

const fmt = (v) => (v === null || v === undefined ? '—' : v < 10 ? v.toFixed(3) : v.toFixed(1));
const ratio = (a, b) => (a === null || b === null || b === undefined ? null : a / b);
const fmtRatio = (r) => (r === null ? '—' : `${r.toFixed(2)}×`);

async function main() {
  selfCheck();
  const LossPlay = require(path.join(ROOT, 'dist', 'lossplay.js'));
  const lp = await LossPlay.load();
  const backends = await tfjs.init();
  const rows = [];
  const cases = [];
  const chosen = ONLY === null ? LOSSES : LOSSES.filter((l) => ONLY.split(',').includes(l));
  for (const loss of chosen) for (const n of SIZES) cases.push([loss, n]);
  if (chosen.includes('mse_loss')) for (const n of BIG) cases.push(['mse_loss', n]);
  for (const [loss, n] of cases) {
    const c = makeCase(loss, n);
    const tensors = { input: { data: c.input, shape: c.inputShape }, target: { data: c.target, shape: c.targetShape } };
    const row = { loss, n };
    const vg = { reduction: 'mean', outputs: ['value', 'grad'] };
    const v = { reduction: 'mean', outputs: ['value'] };
    row.lossplay = await best(() => lp.compute(loss, tensors, { reduction: 'mean' }));
    row.lossplayValueGrad = await best(() => lp.compute(loss, tensors, vg));
    row.lossplayValue = await best(() => lp.compute(loss, tensors, v));
    const handles = { input: lp.tensor(c.input, c.inputShape), target: lp.tensor(c.target, c.targetShape) };
    row.lossplayResident = await best(() => lp.compute(loss, handles, { reduction: 'mean' }));
    row.lossplayResidentValueGrad = await best(() => lp.compute(loss, handles, vg));
    handles.input.free();
    handles.target.free();
    row.floorValueGrad = await best(floor(c, 1));
    row.floorAll = await best(floor(c, 2));
    row.jsValue = await best(() => js.value[loss](c.input, c.target));
    row.jsValueGrad = await best(() => js.withGradient[loss](c.input, c.target));
    for (const backend of ['wasm', 'cpu']) {
      const key = `tfjs${backend[0].toUpperCase()}${backend.slice(1)}`;
      const f = n <= 1e6 && backends.includes(backend) ? await tfjs.peer(backend, loss, c) : null;
      row[key] = f ? await best(f) : null;
    }
    row.native = nativeMs(loss, n);
    rows.push(row);
    console.log(`${loss.padEnd(32)} ${String(n).padStart(8)}  lossplay all ${fmt(row.lossplay).padStart(7)} ms (resident ${fmt(row.lossplayResident).padStart(7)})  ` +
      `v+g ${fmt(row.lossplayValueGrad).padStart(7)} ms (resident ${fmt(row.lossplayResidentValueGrad).padStart(7)})  value ${fmt(row.lossplayValue).padStart(7)} ms\n` +
      `${''.padEnd(42)}value ÷ js-value ${fmtRatio(ratio(row.lossplayValue, row.jsValue))}  v+g ÷ js-v+g ${fmtRatio(ratio(row.lossplayValueGrad, row.jsValueGrad))}  ` +
      `÷ tfjs-wasm ${fmtRatio(ratio(row.lossplayValueGrad, row.tfjsWasm))}  ÷ tfjs-cpu ${fmtRatio(ratio(row.lossplayValueGrad, row.tfjsCpu))}  ` +
      `all ÷ native ${fmtRatio(ratio(row.lossplay, row.native))}  floor v+g ${fmt(row.floorValueGrad)} ms, all ${fmt(row.floorAll)} ms`);
  }

  const parse = [];
  const mbps = (mb, ms) => (ms ? mb / (ms / 1e3) : null);
  for (const n of quick ? [1e5] : [1e5, 1e6]) {
    const text = makeText(n);
    const bytes = new TextEncoder().encode(text);
    const mb = bytes.length / 1e6;
    const p = { n, megabytes: mb };
    p.lossplay = await best(() => lp.parse(text));
    p.lossplayBytes = await best(() => lp.parse(bytes));
    p.lossplayTensor = await best(() => lp.parseTensor(bytes).free());
    p.splitNumber = await best(() => text.split('\n').map(Number));
    p.native = nativeMs('--parse', n);
    parse.push(p);
    const show = (ms) => `${fmt(mbps(mb, ms) === null ? null : Math.round(mbps(mb, ms)))} MB/s`;
    console.log(`parse ${String(n).padStart(8)} numbers (${mb.toFixed(1)} MB)  lossplay: text ${show(p.lossplay)}, bytes ${show(p.lossplayBytes)}, ` +
      `parseTensor ${show(p.lossplayTensor)}  split+Number ${show(p.splitNumber)}  native ${show(p.native)}`);
  }

  // Issue 9 item 4, at N = 1e6 (a --quick run has no 1e6 row: it says so).
  const verdicts = [];
  const verdict = (ok, what) => {
    verdicts.push({ ok, what });
    console.log(`${ok === null ? 'SKIP' : ok ? 'PASS' : 'MISS'}  ${what}`);
  };
  // Said on a line whose target takes less time than the floor (floor.js).
  const belowFloor = (targetMs, floorMs, out) => (targetMs < floorMs
    ? `; the target, ${fmt(targetMs)} ms, is below the floor, ${fmt(floorMs)} ms: the inputs copied into wasm memory, one two-lane pass writing ${out}, and copied out`
    : '');
  const at = rows.filter((r) => r.n === TARGET_N);
  if (!at.length) {
    verdict(null, `the item-4 targets are at N = ${TARGET_N}: run without --quick`);
  } else {
    // Like for like: lossplay asked for value and gradient (outputs ['value', 'grad']), as the JS loops and
    // tfjs's valueAndGrad compute them; the native core's figure is the full result (terms too), so it is
    // set against lossplay's full result.
    for (const r of at.filter((x) => TARGETS.includes(x.loss))) {
      const js3 = ratio(r.jsValueGrad, r.lossplayValueGrad);
      verdict(js3 >= 3, `${r.loss} at 1e6: lossplay value+gradient end to end ${fmt(r.lossplayValueGrad)} ms = JS value+gradient (${fmt(r.jsValueGrad)} ms) ÷ ${js3.toFixed(2)} (target: ÷ 3 or better; resident ${fmt(r.lossplayResidentValueGrad)} ms, ÷ ${ratio(r.jsValueGrad, r.lossplayResidentValueGrad).toFixed(2)}; with terms ${fmt(r.lossplay)} ms)${belowFloor(r.jsValueGrad / 3, r.floorValueGrad, 'a gradient')}`);
      const nat = ratio(r.lossplay, r.native);
      verdict(nat === null ? null : nat <= 1.5, `${r.loss} at 1e6: lossplay (value, gradient, terms) ÷ native core = ${nat === null ? '—' : nat.toFixed(2)}x (target <= 1.5x)${nat === null ? '' : belowFloor(r.native * 1.5, r.floorAll, 'a gradient and terms')}`);
    }
    for (const r of at) {
      const slower = [['JS value+gradient', r.jsValueGrad], ['tfjs-wasm', r.tfjsWasm]].filter(([, t]) => t !== null && t !== undefined && r.lossplayValueGrad > t);
      const fastest = Math.min(...slower.map(([, t]) => t));
      verdict(slower.length === 0, `${r.loss} at 1e6: value+gradient end to end ${fmt(r.lossplayValueGrad)} ms, not slower than JS value+gradient or tfjs-wasm${slower.length ? ` (slower than ${slower.map(([w, t]) => `${w} ${fmt(t)} ms`).join(', ')})${belowFloor(fastest, r.floorValueGrad, 'a gradient')}` : ''}`);
    }
  }
  const big = parse.find((p) => p.n === TARGET_N);
  if (big) {
    const rate = mbps(big.megabytes, big.lossplayBytes);
    verdict(rate >= 300, `parse of 1e6 numbers from UTF-8 bytes: ${Math.round(rate)} MB/s (target >= 300 MB/s)`);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ when: new Date().toISOString(), quick, node: process.version, kernels: rows, parse, targets: verdicts }, null, 1)}\n`);
  console.log(`wrote ${path.relative(ROOT, out)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
