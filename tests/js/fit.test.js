// The fit lab's JS API (web/src/fit/fit-api.js) over the fit core's own
// WebAssembly module (build/wasm/lossplay-fit.wasm): every golden case of
// tests/golden/fit/fit-cases.json (optima from scipy, paths from
// torch.optim, made by tests/golden/gen_fit.py) to the tolerances the C++
// test uses, the "Done when" data, a divergent learning rate, the
// errors a user meets, and the landscape against the objective.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { importWeb } = require('./support/web-src.js');

const ROOT = path.join(__dirname, '..', '..');
const GOLDEN = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'golden', 'fit', 'fit-cases.json'), 'utf8'));

let fit; // loadFit()'s API
let LossPlayError;
let i18n;
test.before(async () => {
  if (!fs.existsSync(path.join(ROOT, 'build', 'wasm', 'lossplay-fit.wasm'))) {
    throw new Error('build/wasm/lossplay-fit.wasm is missing: run scripts/build.sh before the JS tests');
  }
  fit = await (await importWeb('fit/fit-api.js')).loadFit();
  ({ LossPlayError } = await importWeb('core/lossplay-error.js'));
  i18n = await importWeb('i18n/translate.js');
  const errors = await importWeb('i18n/strings/errors.js');
  (await importWeb('i18n/error-strings.js')).addErrorStrings(errors);
  i18n.addStrings(errors.facadeErrorStrings);
  i18n.addStrings((await importWeb('i18n/strings/api.js')).apiStrings);
});

const close = (got, want, rtol, atol) => Math.abs(got - want) <= atol + rtol * Math.abs(want);
// The generator writes non-finite numbers as strings.
const number = (v) => (typeof v === 'number' ? v : { inf: Infinity, '-inf': -Infinity, nan: NaN }[v]);
const dataOf = (name) => GOLDEN.data[name];

test('the golden file holds optima and paths', () => {
  assert.equal(GOLDEN.format, 'lossplay-fit/1');
  assert.ok(GOLDEN.optima.length >= 50, `${GOLDEN.optima.length} optima`);
  assert.ok(GOLDEN.paths.length >= 12, `${GOLDEN.paths.length} paths`);
});

test('every exact optimum matches scipy', async (t) => {
  for (const c of GOLDEN.optima) {
    await t.test(c.id, () => {
      const d = dataOf(c.data);
      const o = fit.optimum(c.loss, c.options, d.x, d.y);
      assert.equal(o.status, c.status, `${o.method}`);
      if (c.status === 'no_finite_optimum') {
        assert.ok(Number.isNaN(o.w) && Number.isNaN(o.b), `w ${o.w}, b ${o.b}`);
        return;
      }
      // The loss there is no higher than scipy's (to rounding), and equal to it.
      assert.ok(o.loss <= c.loss_value + 1e-11 * (1 + c.loss_value), `${o.method}: loss ${o.loss} vs scipy ${c.loss_value}`);
      assert.ok(close(o.loss, c.loss_value, 1e-10, 1e-12), `${o.method}: loss ${o.loss} vs scipy ${c.loss_value}`);
      if (c.unique) {
        assert.ok(close(o.w, c.w, 1e-7, 1e-8), `${o.method}: w ${o.w} vs scipy ${c.w}`);
        assert.ok(close(o.b, c.b, 1e-7, 1e-8), `${o.method}: b ${o.b} vs scipy ${c.b}`);
      }
    });
  }
});

test('every optimiser path matches torch.optim step for step', async (t) => {
  for (const c of GOLDEN.paths) {
    await t.test(c.id, () => {
      const d = dataOf(c.data);
      const h = c.hyper;
      const settings = { optimizer: c.optimizer, lr: c.lr, steps: c.steps, w0: c.start[0], b0: c.start[1], tolerance: 0 };
      if (h.momentum !== undefined) settings.momentum = h.momentum;
      if (h.betas) [settings.beta1, settings.beta2] = h.betas;
      if (h.eps !== undefined) settings.eps = h.eps;
      const p = fit.run(c.loss, c.options, d.x, d.y, settings);
      assert.ok(p.w instanceof Float64Array && p.b instanceof Float64Array && p.loss instanceof Float64Array);
      assert.ok(p.w.length === p.b.length && p.b.length === p.loss.length);
      const torchFinite = c.path.every((pt) => pt.every((v) => Number.isFinite(number(v))));
      if (torchFinite) {
        assert.equal(p.status, 'ran_all_steps');
        assert.equal(p.w.length, c.path.length);
      } else {
        // torch runs on to inf; the core stops where the loss explodes.
        assert.equal(p.status, 'diverged');
        assert.equal(p.stopReason, 'exploding');
        assert.ok(p.w.length < c.path.length && p.w.length > 5, `${p.w.length} points`);
      }
      for (let k = 0; k < p.w.length; k++) {
        const [w, b, loss] = c.path[k].map(number);
        assert.ok(Number.isFinite(p.loss[k]), `step ${k} loss ${p.loss[k]}`);
        assert.ok(close(p.w[k], w, 1e-12, 1e-13), `step ${k} w ${p.w[k]} vs torch ${w}`);
        assert.ok(close(p.b[k], b, 1e-12, 1e-13), `step ${k} b ${p.b[k]} vs torch ${b}`);
        assert.ok(close(p.loss[k], loss, 1e-12, 1e-14), `step ${k} loss ${p.loss[k]} vs torch ${loss}`);
      }
    });
  }
});

// The "Done when": x = 1..10, y = 2x + 1 with the last y set to 60.
function doneWhen() {
  const x = Array.from({ length: 10 }, (_, i) => i + 1);
  const y = x.map((v) => 2 * v + 1);
  y[9] = 60;
  return { x, y };
}

test("Done when: MSE's slope is the least-squares slope, MAE's is 2", () => {
  const { x, y } = doneWhen();
  // The least-squares slope, computed here: Σ(x - x̄)(y - ȳ) / Σ(x - x̄)².
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  const slope = sxy / sxx;
  const mse = fit.optimum('mse_loss', {}, x, y);
  assert.equal(mse.status, 'found');
  assert.ok(Math.abs(mse.w - slope) <= 1e-9 * slope, `MSE slope ${mse.w} vs least squares ${slope}`);
  assert.ok(Math.abs(mse.b - (my - slope * mx)) <= 1e-9, `MSE intercept ${mse.b}`);
  assert.ok(mse.w > 4, 'the outlier pulls MSE');
  const mae = fit.optimum('l1_loss', {}, Float64Array.from(x), Float64Array.from(y));
  assert.equal(mae.status, 'found');
  assert.ok(Math.abs(mae.w - 2) <= 1e-9, `MAE slope ${mae.w}`);
  assert.ok(Math.abs(mae.b - 1) <= 1e-9, `MAE intercept ${mae.b}`);
  // Adam with MAE walks to the same line.
  const path = fit.run('l1_loss', {}, x, y, { optimizer: 'adam', lr: 0.05, steps: 2000 });
  assert.ok(Math.abs(path.w[path.w.length - 1] - 2) < 0.05, `Adam's MAE slope ${path.w[path.w.length - 1]}`);
});

test('a divergent learning rate is reported as diverged, and its path stays finite', () => {
  const { x, y } = doneWhen();
  const p = fit.run('mse_loss', {}, x, y, { optimizer: 'gd', lr: 0.1, steps: 400 });
  assert.equal(p.status, 'diverged');
  assert.equal(p.stopReason, 'exploding');
  assert.ok(p.stopStep > 0 && p.stopStep <= 400, `stopStep ${p.stopStep}`);
  assert.ok(p.w.length < 401);
  for (let k = 0; k < p.w.length; k++) assert.ok(Number.isFinite(p.w[k]) && Number.isFinite(p.b[k]) && Number.isFinite(p.loss[k]));
  // A small rate on the same data runs every step.
  const q = fit.run('mse_loss', {}, x, y, { optimizer: 'gd', lr: 0.01, steps: 50, tolerance: 0 });
  assert.equal(q.status, 'ran_all_steps');
  assert.equal(q.w.length, 51);
});

/** The LossPlayError fn throws, checked to have `code` and a template in both languages. */
function failure(fn, code, params = {}) {
  let error;
  assert.throws(fn, (e) => {
    error = e;
    return true;
  });
  assert.ok(error instanceof LossPlayError, `${error && error.name}: ${error && error.message}`);
  assert.equal(error.code, code, error.message);
  for (const [name, value] of Object.entries(params)) assert.deepEqual(error.params[name], value, `params.${name}`);
  assert.ok(i18n.has(`error.${code}`), `errors.js has error.${code}`);
  const zh = i18n.translateError(error, 'zh');
  assert.notEqual(zh, error.message, 'a Chinese template, not the English message');
  assert.doesNotMatch(zh, /\{\w+\}/, `every placeholder filled: ${zh}`);
  assert.doesNotMatch(i18n.translateError(error, 'en'), /\{\w+\}/);
  return error;
}

test('what a fit refuses comes back as a LossPlayError with its code and params', () => {
  const { x, y } = doneWhen();
  failure(() => fit.optimum('margin_ranking_loss', {}, x, y), 'fit_loss_unsupported', { loss: 'margin_ranking_loss' });
  failure(() => fit.run('cosine_embedding_loss', {}, x, y, {}), 'fit_loss_unsupported', { loss: 'cosine_embedding_loss' });
  failure(() => fit.optimum('no_such_loss', {}, x, y), 'unknown_loss', { loss: 'no_such_loss' });
  failure(() => fit.optimum('poisson_nll_loss', {}, x, y), 'fit_no_exact_method', { loss: 'poisson_nll_loss' });
  failure(() => fit.run('mse_loss', {}, x, y, { optimizer: 'sgd' }), 'fit_setting_out_of_range', { option: 'optimizer', value: 'sgd' });
  failure(() => fit.run('mse_loss', {}, x, y, { lr: -1 }), 'fit_setting_out_of_range');
  failure(() => fit.run('mse_loss', {}, x, y, { steps: 2.5 }), 'fit_setting_out_of_range', { option: 'steps', value: 2.5 });
  failure(() => fit.optimum('mse_loss', {}, [1, 2, 3], [1, 2]), 'shape_mismatch', { shape: [3], other_shape: [2] });
  failure(() => fit.optimum('mse_loss', {}, [], []), 'empty_argument');
  failure(() => fit.optimum('mse_loss', {}, [1, NaN], [1, 2]), 'fit_not_finite', { arg: 'x' });
  failure(() => fit.optimum('huber_loss', { delta: -1 }, x, y), 'option_out_of_range');
  failure(() => fit.optimum('hinge', {}, [1, 2], [0, 1]), 'fit_label_signed');
  failure(() => fit.optimum('binary_cross_entropy_with_logits', {}, [1, 2], [-1, 1]), 'fit_label_unit');
  failure(() => fit.optimum('mse_loss', {}, 'text', [1]), 'argument_not_numbers', { arg: 'x' });
  failure(() => fit.optimum('mse_loss', {}, [1, 2], new BigInt64Array(2)), 'argument_not_numbers', { arg: 'y' });
  failure(() => fit.optimum('mse_loss', {}, [1, '2'], [1, 2]), 'argument_element_not_number', { arg: 'x', element: 1 });
  failure(() => fit.run('mse_loss', {}, x, y, { lr: '0.1' }), 'option_not_number', { option: 'lr' });
  failure(() => fit.landscape('mse_loss', {}, x, y, { wMin: 1, wMax: 0, bMin: 0, bMax: 1 }), 'fit_setting_out_of_range');
  failure(() => fit.landscape('mse_loss', {}, x, y, { wMin: 0, wMax: 1, bMin: 0, bMax: 1, columns: 1 }), 'fit_setting_out_of_range', { option: 'columns' });
  // After a failure the core is still usable.
  assert.equal(fit.optimum('mse_loss', {}, x, y).status, 'found');
});

test("an objective's gradient matches central differences, and a freed one is refused", () => {
  const d = dataOf('heavy');
  for (const [loss, options] of [['mse_loss', {}], ['huber_loss', { delta: 0.7 }], ['log_cosh', {}], ['quantile', { tau: 0.3 }]]) {
    const f = fit.objective(loss, options, d.x, d.y);
    assert.equal(f.size, d.x.length);
    const w = 0.37;
    const b = -0.21;
    const g = f.gradient(w, b);
    assert.equal(g.value, f.value(w, b));
    const h = 1e-6;
    const nw = (f.value(w + h, b) - f.value(w - h, b)) / (2 * h);
    const nb = (f.value(w, b + h) - f.value(w, b - h)) / (2 * h);
    assert.ok(close(g.dw, nw, 1e-6, 1e-7), `${loss} dF/dw ${g.dw} vs ${nw}`);
    assert.ok(close(g.db, nb, 1e-6, 1e-7), `${loss} dF/db ${g.db} vs ${nb}`);
    f.free();
    failure(() => f.value(w, b), 'tensor_freed', { arg: 'objective' });
  }
});

test("the landscape has the grid's shape and its cells are the objective's values", () => {
  const { x, y } = doneWhen();
  for (const [loss, options] of [['mse_loss', {}], ['l1_loss', {}], ['huber_loss', { delta: 1.5 }], ['log_cosh', {}]]) {
    const grid = { wMin: 0, wMax: 5, bMin: -8, bMax: 4, columns: 101, rows: 60 };
    const l = fit.landscape(loss, options, x, y, grid);
    assert.ok(l.values instanceof Float64Array);
    assert.equal(l.values.length, 101 * 60);
    assert.deepEqual([l.columns, l.rows, l.wMin, l.wMax, l.bMin, l.bMax], [101, 60, 0, 5, -8, 4]);
    assert.equal(l.outsideDomain, 0);
    const f = fit.objective(loss, options, x, y);
    for (const [r, c] of [[0, 0], [0, 100], [59, 0], [59, 100], [17, 42], [30, 40]]) {
      const w = grid.wMin + (c * (grid.wMax - grid.wMin)) / (grid.columns - 1);
      const b = grid.bMin + (r * (grid.bMax - grid.bMin)) / (grid.rows - 1);
      const want = f.value(w, b);
      assert.ok(close(l.values[r * grid.columns + c], want, 1e-10, 1e-13), `${loss} cell (${r}, ${c}) ${l.values[r * grid.columns + c]} vs ${want}`);
    }
    // The grid's lowest cell lies beside the exact optimum.
    const o = fit.optimum(loss, options, x, y);
    let k = 0;
    for (let i = 1; i < l.values.length; i++) if (l.values[i] < l.values[k]) k = i;
    assert.ok(Math.abs(grid.wMin + (k % 101) * 0.05 - o.w) <= 0.05 + 1e-12, `${loss}: lowest cell's w vs optimum ${o.w}`);
    assert.ok(Math.abs(grid.bMin + Math.floor(k / 101) * (12 / 59) - o.b) <= 12 / 59 + 1e-12, `${loss}: lowest cell's b vs optimum ${o.b}`);
    f.free();
  }
  // MSLE: NaN where ŷ leaves its domain, counted.
  const g = dataOf('growth');
  const m = fit.landscape('msle', {}, g.x, g.y, { wMin: -3, wMax: 3, bMin: -3, bMax: 3, columns: 50, rows: 50 });
  const nans = m.values.reduce((s, v) => s + (Number.isNaN(v) ? 1 : 0), 0);
  assert.ok(nans > 0 && nans < 2500, `${nans} NaN cells`);
  assert.equal(m.outsideDomain, nans);
});

// Above a million terms the four term-by-term losses switch to the
// display-precision method (fit.hpp), built for wasm with simd128: every
// cell within the bound its method names (1e-9; focal with labels 0 and 1,
// summed in floats: 1e-5) of F plus F's own rounding (4u a term's |z| +
// |y| + 1; MSLE: plus the mean of log1p(ŷ)²), NaN cells where the exact
// method's; focal with soft labels keeps 1e-9.
test('a large landscape of BCE, focal, log-cosh and MSLE is within display precision of the objective', () => {
  let s = 7;
  const random = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const n = 401;
  const x = new Float64Array(n);
  const labels = new Float64Array(n);
  const line = new Float64Array(n);
  const growth = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = 6 * random() - 3;
    labels[i] = random() < 1 / (1 + Math.exp(-2 * x[i])) ? 1 : 0;
    line[i] = 2 * x[i] + 4 + (random() - 0.5) + (i % 40 === 3 ? 30 : 0);
    growth[i] = Math.exp(0.3 * (x[i] + 3)) - 1 + 0.1 * random();
  }
  const grid = { wMin: -1, wMax: 5, bMin: -6, bMax: 6, columns: 60, rows: 50 };
  const soft = labels.map((t, i) => (i % 3 ? t : 0.3));
  const cases = [
    ['binary_cross_entropy_with_logits', labels, 1e-9],
    ['sigmoid_focal_loss', labels, 1e-5],
    ['sigmoid_focal_loss', soft, 1e-9],
    ['log_cosh', line, 1e-9],
    ['msle', growth, 1e-9],
  ];
  for (const [loss, y, bound] of cases) {
    const l = fit.landscape(loss, {}, x, y, grid);
    assert.equal(l.method, `terms, display precision (relative error ≤ ${bound.toExponential()})`);
    const f = fit.objective(loss, {}, x, y);
    let nans = 0;
    for (let r = 0; r < grid.rows; r++) {
      for (let c = 0; c < grid.columns; c++) {
        const w = c === grid.columns - 1 ? grid.wMax : grid.wMin + c * ((grid.wMax - grid.wMin) / (grid.columns - 1));
        const b = r === grid.rows - 1 ? grid.bMax : grid.bMin + r * ((grid.bMax - grid.bMin) / (grid.rows - 1));
        const got = l.values[r * grid.columns + c];
        let want;
        try {
          want = f.value(w, b);
        } catch {
          assert.ok(Number.isNaN(got), `${loss} (${w}, ${b}) outside the domain: ${got}`);
          nans++;
          continue;
        }
        let rounding = 0;
        let scale = Math.abs(want);
        for (let i = 0; i < n; i++) {
          const z = w * x[i] + b;
          rounding += (4 * 2 ** -53 * (Math.abs(z) + Math.abs(y[i]) + 1)) / n;
          if (loss === 'msle') scale += Math.log1p(z) ** 2 / n;
        }
        assert.ok(Math.abs(got - want) <= bound * scale + rounding, `${loss} (${w}, ${b}) ${got} vs ${want}`);
      }
    }
    assert.equal(l.outsideDomain, nans);
    if (loss === 'msle') assert.ok(nans > 0, 'some MSLE cells leave the domain');
    f.free();
  }
});

test('a fit core that cannot start is a LossPlayError naming lossplay-fit.wasm', async () => {
  const { loadFit } = await importWeb('fit/fit-api.js');
  const error = await loadFit({ factory: () => Promise.reject(new Error('no memory')) }).then(() => null, (e) => e);
  failure(() => { throw error; }, 'fit_core_load_failed', { file: 'lossplay-fit.wasm', reason: 'no memory' });
  assert.match(i18n.translateError(error, 'en'), /lossplay-fit\.wasm\): no memory/);
});
