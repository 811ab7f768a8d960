// The fit view's pure modules that CODE wrote: labels.js (which labels each
// classifier takes), presets.js (each preset's path reaches its losses'
// optima, checked through the fit core), sentence.js (the outlier lesson's
// sentence, on real fits of the outlier preset) and their strings
// (i18n/strings/fit-text.js: both languages, same placeholders, plurals).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { importWeb } = require('./support/web-src.js');

let fit;
let labels;
let FIT_PRESETS;
let describeShift;
let fitTextStrings;
let i18n;
test.before(async () => {
  fit = await (await importWeb('fit/fit-api.js')).loadFit();
  labels = await importWeb('fit/labels.js');
  ({ FIT_PRESETS } = await importWeb('fit/presets.js'));
  ({ describeShift } = await importWeb('fit/sentence.js'));
  ({ fitTextStrings } = await importWeb('i18n/strings/fit-text.js'));
  i18n = await importWeb('i18n/translate.js');
  i18n.addStrings(fitTextStrings);
});

const nums = (s) => s.trim().split(/\s+/).map(Number);

// ---- labels ----

test('every loss the view offers is a registry loss the fit core fits', () => {
  const kinds = labels.FIT_KINDS;
  assert.deepEqual(Object.keys(kinds).filter((k) => kinds[k] === 'classification').sort(),
    ['binary_cross_entropy_with_logits', 'hinge', 'sigmoid_focal_loss', 'squared_hinge']);
  assert.equal(Object.keys(kinds).filter((k) => kinds[k] === 'regression').length, 8);
  for (const loss of Object.keys(kinds)) {
    const y = kinds[loss] === 'classification' ? labels.mapLabels(loss, [0, 1, 1]).y : [1, 2, 4];
    const o = fit.optimum(loss, {}, [1, 2, 3], y);
    assert.ok(['found', 'not_identifiable', 'no_finite_optimum'].includes(o.status), loss);
  }
});

test('labels: 0/1 and −1/+1 are mapped to what each classifier takes, and said', () => {
  const en = i18n.translator('en');
  const zh = i18n.translator('zh');
  let m = labels.mapLabels('hinge', [0, 1, 1, 0]);
  assert.equal(m.mapping, 'to_signed');
  assert.deepEqual(Array.from(m.y), [-1, 1, 1, -1]);
  assert.equal(labels.mappingNote({ loss: 'hinge', label: 'Hinge', labels: m }, en), 'Hinge takes labels −1 and +1: 0 was read as −1.');
  assert.equal(labels.mappingNote({ loss: 'hinge', label: 'Hinge', labels: m }, zh), 'Hinge 使用标签 −1 和 +1：0 按 −1 处理。');
  m = labels.mapLabels('squared_hinge', [-1, 1]);
  assert.equal(m.mapping, 'none');
  assert.equal(labels.mappingNote({ loss: 'squared_hinge', labels: m }, en), null);
  m = labels.mapLabels('binary_cross_entropy_with_logits', [-1, 1, 1]);
  assert.equal(m.mapping, 'to_unit');
  assert.deepEqual(Array.from(m.y), [0, 1, 1]);
  // Soft labels are BCE's and focal's own.
  m = labels.mapLabels('sigmoid_focal_loss', [0, 0.25, 1]);
  assert.equal(m.mapping, 'none');
  assert.deepEqual(Array.from(m.y), [0, 0.25, 1]);
  // Regression losses take y as given.
  m = labels.mapLabels('mse_loss', new Float64Array([3, -7.5]));
  assert.equal(m.mapping, 'none');
  assert.deepEqual(Array.from(m.y), [3, -7.5]);
  // One class only: still a valid labelling.
  assert.deepEqual(Array.from(labels.mapLabels('hinge', [0, 0]).y), [-1, -1]);
});

test('labels: what fits neither convention is refused at its place, in both languages', () => {
  const en = i18n.translator('en');
  const zh = i18n.translator('zh');
  const refused = (loss, y) => {
    try {
      labels.mapLabels(loss, y);
    } catch (e) {
      return e;
    }
    assert.fail(`${loss} took ${y}`);
  };
  let e = refused('hinge', [1, 2, 1]);
  assert.equal(e.code, 'fit_labels_for_margin');
  assert.equal(e.params.element, 1);
  assert.equal(en.error(e), 'y[1] is 2: hinge takes labels −1 and +1, or 0 and 1');
  assert.match(zh.error(e), /^y\[1\] 为 2：hinge 使用标签/);
  e = refused('hinge', [1, 0.5]);
  assert.equal(e.params.element, 1);
  e = refused('binary_cross_entropy_with_logits', [0, 1, 3]);
  assert.equal(e.code, 'fit_labels_for_logits');
  assert.equal(e.params.element, 2);
  e = refused('binary_cross_entropy_with_logits', [0, 1, -1]);
  assert.equal(e.code, 'fit_labels_mixed');
  assert.equal(en.error(e), 'y[0] is 0 but y[2] is -1: labels are either 0 and 1 or −1 and +1, not both');
  e = refused('squared_hinge', [-1, 1, 0]);
  assert.equal(e.code, 'fit_labels_mixed');
  assert.equal(e.params.element, 2);
  assert.equal(refused('cross_entropy', [0, 1]).code, 'fit_loss_not_offered');
});

// ---- presets ----

test('the presets: the outlier preset is the issue\'s data, the others as documented', () => {
  const byId = Object.fromEntries(FIT_PRESETS.map((p) => [p.id, p]));
  assert.deepEqual(Object.keys(byId), ['note', 'outlier', 'heavy', 'classes']);
  assert.deepEqual(nums(byId.outlier.x), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(nums(byId.outlier.y), [3, 5, 7, 9, 11, 13, 15, 17, 19, 60]);
  assert.deepEqual(byId.outlier.losses, ['mse_loss', 'l1_loss']);
  assert.equal(nums(byId.heavy.x).length, 30);
  assert.equal(nums(byId.heavy.y).length, 30);
  assert.deepEqual(byId.classes.losses, ['binary_cross_entropy_with_logits', 'hinge']);
  for (const p of FIT_PRESETS) {
    assert.equal(nums(p.x).length, nums(p.y).length, p.id);
    for (const loss of p.losses) assert.ok(labels.FIT_KINDS[loss], `${p.id}: ${loss}`);
    for (const lang of ['en', 'zh']) assert.ok(i18n.has(`fit.preset.${p.id}`), `${p.id} has no name`);
  }
});

test('every preset\'s path reaches each of its losses\' optima within its steps', () => {
  for (const p of FIT_PRESETS) {
    const x = nums(p.x);
    for (const loss of p.losses) {
      const { y } = labels.mapLabels(loss, nums(p.y));
      const options = (p.options || {})[loss] || {};
      const o = fit.optimum(loss, options, x, y);
      assert.equal(o.status, 'found', `${p.id} ${loss}`);
      const r = fit.run(loss, options, x, y, { optimizer: p.optimizer, lr: p.lr, steps: p.steps });
      assert.notEqual(r.status, 'diverged', `${p.id} ${loss}`);
      const k = r.w.length - 1;
      // Within 5% of the optimal loss, and the slope within 0.05 (1% of it when larger):
      // the piecewise-linear losses keep stepping across their kink at a constant rate.
      assert.ok(r.loss[k] <= o.loss * 1.05 + 1e-12, `${p.id} ${loss}: loss ${r.loss[k]} vs optimum ${o.loss}`);
      assert.ok(Math.abs(r.w[k] - o.w) <= Math.max(0.05, 0.01 * Math.abs(o.w)), `${p.id} ${loss}: w ${r.w[k]} vs ${o.w}`);
    }
  }
});

// ---- the sentence ----

// FitResults for (x, y) as SHELL's compute makes them (the parts the sentence reads).
function results(x, y, losses) {
  const LABEL = { mse_loss: 'MSE', l1_loss: 'MAE', huber_loss: 'Huber' };
  return {
    x: Float64Array.from(x),
    y: Float64Array.from(y),
    errors: {},
    fits: losses.map((loss) => ({ loss, label: LABEL[loss], optimum: fit.optimum(loss, {}, x, y), error: null })),
  };
}

test('the outlier lesson: MSE\'s slope moves, MAE\'s stays, in both languages', () => {
  const p = FIT_PRESETS.find((q) => q.id === 'outlier');
  const x = nums(p.x);
  const after = nums(p.y);
  const before = after.slice();
  before[9] = 21; // the point on the line
  const r0 = results(x, before, p.losses);
  const r1 = results(x, after, p.losses);
  assert.equal(describeShift(r0, r1, i18n.translator('en')), "MSE's slope moved from 2.00 to 4.13; MAE's stayed at 2.00.");
  assert.equal(describeShift(r0, r1, i18n.translator('zh')), 'MSE 的斜率从 2.00 变为 4.13；MAE 的斜率保持在 2.00。');
  // Back again: it moved back.
  assert.equal(describeShift(r1, r0, i18n.translator('en')), "MSE's slope moved from 4.13 to 2.00; MAE's stayed at 2.00.");
  // Nothing changed: no sentence.
  assert.equal(describeShift(r1, results(x, after, p.losses), i18n.translator('en')), null);
  // Huber moves a little; the ones that moved come first.
  const h0 = results(x, before, ['l1_loss', 'huber_loss', 'mse_loss']);
  const h1 = results(x, after, ['l1_loss', 'huber_loss', 'mse_loss']);
  assert.match(describeShift(h0, h1, i18n.translator('en')), /^Huber's slope moved from 2\.00 to 2\.\d\d; MSE's moved from 2\.00 to 4\.13; MAE's stayed at 2\.00\.$/);
});

test('the sentence: small slopes get more digits; fits without an optimum are left out', () => {
  const x = [1, 2, 3, 4];
  const r0 = results(x, [1, 1.01, 1.02, 1.03], ['mse_loss']);
  const r1 = results(x, [1, 1.01, 1.02, 1.06], ['mse_loss']);
  assert.equal(describeShift(r0, r1, i18n.translator('en')), "MSE's slope moved from 0.010 to 0.019.");
  const broken = { ...r1, fits: [{ ...r1.fits[0], optimum: null, error: { code: 'fit_not_finite', params: {} } }] };
  assert.equal(describeShift(r0, broken, i18n.translator('en')), null);
});

// ---- the strings ----

test('fit-text strings: English and Chinese, the same placeholders, plurals, no English in Chinese', () => {
  const placeholders = (s) => [...s.matchAll(/\{(\w+)(?:\|[^{}|]*\|[^{}|]*)?\}/g)].map((m) => m[1]).sort();
  // Words the Chinese may keep: loss names, symbols, code, units.
  const ALLOWED = /^(?:w|b|x|y|MSE|MSLE|Adam|PyTorch|NaN|Ctrl|C|Mac|dF|dw|db|float|lossplay)$/;
  for (const [key, e] of Object.entries(fitTextStrings)) {
    assert.ok(e.en && e.zh, key);
    assert.deepEqual(placeholders(e.zh), placeholders(e.en), `${key}: placeholders`);
    assert.doesNotMatch(e.en, /\{(?:n|count|steps)\} (?:points|steps|numbers)\b/, `${key}: a bare count before a plural noun`);
    const words = e.zh.replace(/\{[^}]*\}/g, '').match(/[A-Za-z]{1,}/g) || [];
    for (const w of words) assert.match(w, ALLOWED, `${key}: "${w}" in the Chinese`);
  }
  assert.equal(i18n.t('fit.status.ran_all_steps', { steps: 1 }, 'en'), 'ran its one step');
  assert.equal(i18n.t('fit.status.ran_all_steps', { steps: 40 }, 'en'), 'ran all 40 steps');
});

// ---- the table's words ----

test('the table says how each path ended, a diverged one with its step and reason, never as a result', async () => {
  const words = await importWeb('fit/fit-words.js');
  const en = i18n.translator('en');
  const zh = i18n.translator('zh');
  const x = nums('1 2 3 4 5 6 7 8 9 10');
  const y = nums('3 5 7 9 11 13 15 17 19 60');
  // lr 0.1 on x up to 10: MSE's gradient descent explodes.
  const diverged = fit.run('mse_loss', {}, x, y, { optimizer: 'gd', lr: 0.1, steps: 400 });
  assert.equal(diverged.status, 'diverged');
  assert.equal(words.statusText(diverged, en),
    `diverged at step ${diverged.stopStep}: the loss grew without bound (try a smaller learning rate); not a result`);
  assert.match(words.statusText(diverged, zh), new RegExp(`^在第 ${diverged.stopStep} 步发散：损失无限增大`));
  const ran = fit.run('l1_loss', {}, x, y, { optimizer: 'adam', lr: 0.08, steps: 40 });
  assert.equal(words.statusText(ran, en), 'ran all 40 steps');
  assert.equal(words.statusText(ran, zh), '已走完全部 40 步');
  assert.equal(words.playingText(ran, 5, en), 'step 5 of 40 shown (the path: ran all 40 steps)');
  const converged = fit.run('mse_loss', {}, [1, 2, 3], [2, 4, 6], { optimizer: 'gd', lr: 0.1, steps: 5000 });
  assert.equal(converged.status, 'converged');
  assert.equal(words.statusText(converged, en), 'converged (the gradient vanished)');
  // MSLE's line leaving its domain is said as such.
  const domain = { status: 'diverged', stopReason: 'msle_domain', stopStep: 3, w: new Float64Array(3) };
  assert.match(words.statusText(domain, en), /below ŷ = −1, where MSLE is undefined/);
  assert.equal(words.statusText({ ...domain, stopReason: 'focal_label' }, en), 'diverged at step 3: the loss could not be evaluated (focal_label); not a result');
});

test('the table says an optimum that is not a point in words', async () => {
  const words = await importWeb('fit/fit-words.js');
  const en = i18n.translator('en');
  const separable = fit.optimum('binary_cross_entropy_with_logits', {}, [1, 2, 3, 4], [0, 0, 1, 1]);
  assert.equal(separable.status, 'no_finite_optimum');
  assert.match(words.optimumWords(separable, en), /^none: the loss keeps falling/);
  const flat = fit.optimum('mse_loss', {}, [2, 2, 2], [1, 2, 6]);
  assert.equal(flat.status, 'not_identifiable');
  assert.match(words.optimumWords(flat, i18n.translator('zh')), /^w 不唯一：所有 x 都相同/);
  assert.equal(words.optimumWords(fit.optimum('mse_loss', {}, [1, 2, 3], [2, 4, 7]), en), null);
  assert.equal(words.optimumWords(null, en), 'not computed');
});
