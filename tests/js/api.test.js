'use strict';
// What a user of the JS API relies on: the study note's examples, reductions,
// parsing what people paste (Chinese input-method text included), errors that
// say what is wrong, a complete registry, results that stay valid, and inputs
// of a million numbers. Runs against the built module in dist/.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { GOLDEN, loadLossPlay, goldenTensor, accurateSum } = require('./lossplay-dist.js');

const PROBS = [0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.2, 0.3, 0.5];
const ONE_HOT = [1, 0, 0, 0, 1, 0, 0, 0, 1];

/** Cross-entropy of logit rows against class indices (ignored rows skipped), by hand. */
function crossEntropyReference(logits, cols, classes, ignoreIndex = -100) {
  const perRow = [];
  const grad = new Array(logits.length).fill(0);
  let counted = 0;
  classes.forEach((cls, i) => {
    if (cls === ignoreIndex) {
      perRow.push(0);
      return;
    }
    const row = logits.slice(i * cols, (i + 1) * cols);
    const max = Math.max(...row);
    const exps = row.map((x) => Math.exp(x - max));
    const z = exps.reduce((a, b) => a + b, 0);
    perRow.push(-(row[cls] - max - Math.log(z)));
    exps.forEach((e, c) => {
      grad[i * cols + c] = e / z - (c === cls ? 1 : 0);
    });
    counted++;
  });
  return { perRow, grad, counted };
}

function assertAllClose(got, want, tol, what) {
  assert.equal(got.length, want.length, `${what}: length`);
  for (let i = 0; i < want.length; i++) {
    assert.ok(
      Math.abs(got[i] - want[i]) <= tol * Math.max(1, Math.abs(want[i])),
      `${what}[${i}] = ${got[i]}, want ${want[i]}`,
    );
  }
}

/** Checks that fn throws a LossPlayError of `kind` and returns it. */
function thrown(LossPlay, fn, kind) {
  let error;
  assert.throws(fn, (e) => {
    error = e;
    return true;
  });
  assert.ok(error instanceof Error, 'errors are Error instances');
  assert.ok(error instanceof LossPlay.LossPlayError, `expected a LossPlayError, got ${error}`);
  assert.equal(error.name, 'LossPlayError');
  assert.equal(error.kind, kind, `kind of "${error.message}"`);
  assert.equal(typeof error.message, 'string');
  assert.ok(error.message.trim().length > 0, 'an error needs a message');
  return error;
}

/** A deterministic stream of numbers in [0, 1). */
function lcg(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

test('the note\'s MSE example: [1, 3, 5] against [2, 4, 6]', async () => {
  const { lp } = await loadLossPlay();
  const r = lp.compute('mse_loss', { input: [1, 3, 5], target: [2, 4, 6] });
  assert.deepEqual(r.loss.shape, []);
  assert.equal(r.value, 1);
  assert.equal(r.loss.data[0], 1);
  assert.equal(r.gradArg, 'input');
  assert.deepEqual(r.grad.shape, [3]);
  assert.ok(r.grad.data instanceof Float64Array);
  assertAllClose(r.grad.data, [-2 / 3, -2 / 3, -2 / 3], 1e-15, 'grad');

  // Typed arrays and {data, shape} give the same.
  const typed = lp.compute('mse_loss', { input: new Float64Array([1, 3, 5]), target: new Float32Array([2, 4, 6]) });
  assert.equal(typed.value, 1);
  const tensors = lp.compute('mse_loss', {
    input: { data: new Float64Array([1, 3, 5]), shape: [3] },
    target: { data: [2, 4, 6], shape: [3] },
  });
  assert.equal(tensors.value, 1);
  assert.deepEqual(Array.from(tensors.grad.data), Array.from(r.grad.data));
});

test('the note\'s cross-entropy example on probabilities reads 0.799169', async () => {
  const { lp } = await loadLossPlay();
  const r = lp.compute('cross_entropy', {
    input: { data: new Float64Array(PROBS), shape: [3, 3] },
    target: { data: new Float64Array(ONE_HOT), shape: [3, 3] },
  });
  assert.deepEqual(r.loss.shape, []);
  assert.equal(r.value.toFixed(6), '0.799169');
  assert.deepEqual(r.grad.shape, [3, 3]);
  // Softmax is applied to the probabilities, as PyTorch does.
  const ref = crossEntropyReference(PROBS, 3, [0, 1, 2]);
  assert.ok(Math.abs(r.value - accurateSum(ref.perRow) / 3) < 1e-12);
  assertAllClose(r.grad.data, ref.grad.map((g) => g / 3), 1e-12, 'grad');
  // Each gradient row of softmax cross-entropy sums to 0.
  for (let i = 0; i < 3; i++) {
    assert.ok(Math.abs(r.grad.data[3 * i] + r.grad.data[3 * i + 1] + r.grad.data[3 * i + 2]) < 1e-15);
  }
});

test('cross_entropy takes class-index targets', async () => {
  const { LossPlay, lp } = await loadLossPlay();
  const input = { data: new Float64Array(PROBS), shape: [3, 3] };
  const oneHot = lp.compute('cross_entropy', { input, target: { data: new Float64Array(ONE_HOT), shape: [3, 3] } });
  const indices = lp.compute('cross_entropy', { input, target: [0, 1, 2] });
  assert.deepEqual(indices.loss.shape, []);
  assert.ok(Math.abs(indices.value - oneHot.value) < 1e-15, `${indices.value} vs one-hot ${oneHot.value}`);
  assertAllClose(indices.grad.data, Array.from(oneHot.grad.data), 1e-15, 'grad');

  // Other classes, per row, against a hand computation.
  const classes = [2, 0, 1];
  const ref = crossEntropyReference(PROBS, 3, classes);
  const none = lp.compute('cross_entropy', { input, target: classes }, { reduction: 'none' });
  assert.deepEqual(none.loss.shape, [3]);
  assertAllClose(none.loss.data, ref.perRow, 1e-12, 'loss');
  assertAllClose(none.grad.data, ref.grad, 1e-12, 'grad');

  // ignore_index (-100 by default) drops a row from the loss and the mean.
  const ignored = crossEntropyReference(PROBS, 3, [0, 1, -100]);
  const mean = lp.compute('cross_entropy', { input, target: [0, 1, -100] });
  assert.ok(Math.abs(mean.value - accurateSum(ignored.perRow) / 2) < 1e-12, `mean with a row ignored: ${mean.value}`);
  assertAllClose(mean.grad.data, ignored.grad.map((g) => g / 2), 1e-12, 'grad with a row ignored');
  const custom = lp.compute('cross_entropy', { input, target: [0, 7, 2] }, { ignore_index: 7, reduction: 'sum' });
  const refCustom = crossEntropyReference(PROBS, 3, [0, 7, 2], 7);
  assert.ok(Math.abs(custom.value - accurateSum(refCustom.perRow)) < 1e-12);

  // A class index must be a whole number below the class count.
  const outOfRange = thrown(LossPlay, () => lp.compute('cross_entropy', { input, target: [0, 1, 3] }), 'input');
  assert.match(outOfRange.message, /target\[2\]/);
  thrown(LossPlay, () => lp.compute('cross_entropy', { input, target: [0, 0.5, 1] }), 'input');
});

test('reductions none, mean and sum: shapes, values and gradients', async () => {
  const { LossPlay, lp } = await loadLossPlay();
  const input = { data: [1, 2, 3, 4, 5, 6], shape: [2, 3] };
  const target = { data: [1, 0, 5, 4, 9, 0], shape: [2, 3] };
  const squares = [0, 4, 4, 0, 16, 36];

  const none = lp.compute('mse_loss', { input, target }, { reduction: 'none' });
  assert.deepEqual(none.loss.shape, [2, 3]);
  assert.equal(none.value, undefined, 'value is only set for a scalar loss');
  assert.deepEqual(Array.from(none.loss.data), squares);
  assert.deepEqual(none.grad.shape, [2, 3]);
  assert.deepEqual(Array.from(none.grad.data), [0, 4, -4, 0, -8, 12]);

  const sum = lp.compute('mse_loss', { input, target }, { reduction: 'sum' });
  assert.deepEqual(sum.loss.shape, []);
  assert.equal(sum.value, 60);
  assert.deepEqual(sum.grad.shape, [2, 3]);
  assert.deepEqual(Array.from(sum.grad.data), [0, 4, -4, 0, -8, 12]);

  const mean = lp.compute('mse_loss', { input, target }, { reduction: 'mean' });
  const byDefault = lp.compute('mse_loss', { input, target });
  assert.deepEqual(mean.loss.shape, []);
  assert.equal(mean.value, 10);
  assert.equal(byDefault.value, 10, 'mean is the default reduction');
  assertAllClose(mean.grad.data, [0, 4, -4, 0, -8, 12].map((g) => g / 6), 1e-15, 'mean grad');

  // A loss over rows gives one value per row with reduction none.
  const ce = lp.compute(
    'cross_entropy',
    { input: { data: PROBS, shape: [3, 3] }, target: [0, 1, 2] },
    { reduction: 'none' },
  );
  assert.deepEqual(ce.loss.shape, [3]);
  assert.deepEqual(ce.grad.shape, [3, 3]);
  const ceSum = lp.compute('cross_entropy', { input: { data: PROBS, shape: [3, 3] }, target: [0, 1, 2] }, { reduction: 'sum' });
  assert.ok(Math.abs(ceSum.value - accurateSum(ce.loss.data)) < 1e-12);

  // A loss that offers only mean refuses the others, naming what it offers.
  assert.deepEqual(Array.from(lp.loss('rmse').reductions), ['mean']);
  const e = thrown(LossPlay, () => lp.compute('rmse', { input: [1], target: [2] }, { reduction: 'sum' }), 'input');
  assert.match(e.message, /sum/);
  assert.match(e.message, /mean/);
  thrown(LossPlay, () => lp.compute('mse_loss', { input: [1], target: [2] }, { reduction: 'average' }), 'input');
});

test('parse reads Chinese input-method text', async () => {
  const { lp } = await loadLossPlay();
  const r = lp.parse('１，２；３。５　－４');
  assert.ok(r.data instanceof Float64Array);
  assert.deepEqual(Array.from(r.data), [1, 2, 3.5, -4]);
  assert.deepEqual(r.shape, [4]);
  assert.deepEqual(Array.from(lp.parse('０．２５、１ｅ３，＋７').data), [0.25, 1000, 7]);
  assert.deepEqual(Array.from(lp.parse('1, 2,3 ;\t4').data), [1, 2, 3, 4]);
});

test('parse gives a matrix for several lines of several numbers', async () => {
  const { lp } = await loadLossPlay();
  const m = lp.parse('1 2 3\n4 5 6\r\n\n7 8 9\n');
  assert.deepEqual(m.shape, [3, 3], 'rows and columns (a blank line is skipped)');
  assert.deepEqual(Array.from(m.data), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const tab = lp.parse('0.7\t0.2\t0.1\n0.1\t0.8\t0.1');
  assert.deepEqual(tab.shape, [2, 3]);
  const column = lp.parse('1\n2\n3\n');
  assert.deepEqual(column.shape, [3], 'one number per line is a vector');
  assert.deepEqual(lp.parse('-1.5e-3 2E2').shape, [2]);
  assert.deepEqual(Array.from(lp.parse('-1.5e-3 2E2').data), [-0.0015, 200]);
  // A parsed matrix goes straight into compute.
  const r = lp.compute('cross_entropy', { input: lp.parse('0.7 0.2 0.1\n0.1 0.8 0.1\n0.2 0.3 0.5'), target: lp.parse('0 1 2') });
  assert.equal(r.value.toFixed(6), '0.799169');
});

test('parse errors say where: line, column, token and code', async () => {
  const { LossPlay, lp } = await loadLossPlay();
  const e = thrown(LossPlay, () => lp.parse('1 2 3\n4 abc 6'), 'parse');
  assert.equal(e.line, 2);
  assert.equal(e.column, 3);
  assert.equal(e.token, 'abc');
  assert.equal(e.code, 'not_a_number');
  assert.match(e.message, /abc/);
  assert.match(e.message, /line 2/);

  // Columns count characters, not UTF-8 bytes.
  const wide = thrown(LossPlay, () => lp.parse('１，２\n３，ｘ'), 'parse');
  assert.equal(wide.line, 2);
  assert.equal(wide.column, 3);
  assert.equal(wide.token, 'ｘ');

  const ragged = thrown(LossPlay, () => lp.parse('1 2 3\n4 5'), 'parse');
  assert.equal(ragged.code, 'ragged_rows');
  assert.equal(ragged.line, 2);

  assert.equal(thrown(LossPlay, () => lp.parse('1 nan'), 'parse').code, 'not_finite');
  assert.equal(thrown(LossPlay, () => lp.parse('1 -inf'), 'parse').code, 'not_finite');
  const big = thrown(LossPlay, () => lp.parse('1\n1e999'), 'parse');
  assert.equal(big.code, 'out_of_range');
  assert.equal(big.line, 2);
  assert.equal(big.token, '1e999');
  assert.equal(thrown(LossPlay, () => lp.parse('1.2.3'), 'parse').code, 'not_a_number');
});

test('input errors are Errors with messages that say what is wrong', async () => {
  const { LossPlay, lp } = await loadLossPlay();

  const shapes = thrown(
    LossPlay,
    () =>
      lp.compute('mse_loss', {
        input: { data: [1, 2, 3, 4, 5, 6], shape: [2, 3] },
        target: { data: [1, 2, 3, 4, 5, 6], shape: [3, 2] },
      }),
    'input',
  );
  assert.ok(shapes.message.includes('[2, 3]'), `names the input's shape: ${shapes.message}`);
  assert.ok(shapes.message.includes('[3, 2]'), `names the target's shape: ${shapes.message}`);

  const delta = thrown(LossPlay, () => lp.compute('huber_loss', { input: [1], target: [2] }, { delta: 0 }), 'input');
  assert.match(delta.message, /delta/);
  assert.doesNotThrow(() => lp.compute('huber_loss', { input: [1], target: [2] }, { delta: 0.5 }));
  thrown(LossPlay, () => lp.compute('huber_loss', { input: [1], target: [2] }, { delta: -1 }), 'input');
  thrown(LossPlay, () => lp.compute('huber_loss', { input: [1], target: [2] }, { delta: NaN }), 'input');

  const unknownLoss = thrown(LossPlay, () => lp.compute('no_such_loss', { input: [1], target: [2] }), 'input');
  assert.match(unknownLoss.message, /no_such_loss/);
  assert.match(unknownLoss.message, /mse_loss/, 'lists the losses there are');

  const unknownOption = thrown(LossPlay, () => lp.compute('mse_loss', { input: [1], target: [2] }, { dleta: 2 }), 'input');
  assert.match(unknownOption.message, /dleta/);

  const probability = thrown(
    LossPlay,
    () => lp.compute('binary_cross_entropy', { input: [0.5, 1.5, 0.2], target: [0, 1, 1] }),
    'input',
  );
  assert.match(probability.message, /input\[1\]/);
  assert.match(probability.message, /1\.5/);

  const missing = thrown(LossPlay, () => lp.compute('mse_loss', { input: [1, 2] }), 'input');
  assert.match(missing.message, /target/);

  const count = thrown(LossPlay, () => lp.compute('mse_loss', { input: { data: [1, 2, 3], shape: [2, 2] }, target: [1, 2, 3, 4] }), 'input');
  assert.match(count.message, /input/);

  thrown(LossPlay, () => lp.compute('mse_loss', { input: 'not numbers', target: [1] }), 'input');
  thrown(LossPlay, () => lp.compute('mse_loss', { input: [1], target: [2], bias: [0] }), 'input');
  thrown(LossPlay, () => lp.compute('mse_loss', { input: [1], target: [2] }, { reduction: 1 }), 'input');
});

test('the registry describes every loss', async () => {
  const { lp } = await loadLossPlay();
  const losses = lp.losses;
  assert.ok(Array.isArray(losses));
  assert.ok(Object.isFrozen(losses), 'the registry is read-only');
  assert.throws(() => {
    losses.push({});
  }, TypeError);

  const names = losses.map((l) => l.name);
  assert.equal(new Set(names).size, names.length, 'names are unique');
  for (const name of [
    'mse_loss',
    'rmse',
    'l1_loss',
    'huber_loss',
    'msle',
    'cross_entropy',
    'nll_loss',
    'binary_cross_entropy',
    'binary_cross_entropy_with_logits',
    'hinge',
    'hinge_embedding_loss',
  ]) {
    assert.ok(names.includes(name), `${name} is in the registry`);
  }
  assert.equal(lp.loss('no_such_loss'), undefined);

  const nonEmpty = (v, what) => assert.ok(typeof v === 'string' && v.trim().length > 0, `${what} should be a non-empty string`);
  for (const l of losses) {
    const who = l.name;
    assert.equal(lp.loss(who), l);
    assert.ok(Object.isFrozen(l), `${who} is read-only`);
    nonEmpty(l.shortName, `${who}.shortName`);
    nonEmpty(l.titleEn, `${who}.titleEn`);
    nonEmpty(l.titleZh, `${who}.titleZh`);
    assert.match(l.titleZh, /[\u4e00-\u9fff]/, `${who}.titleZh should be Chinese`);
    nonEmpty(l.group, `${who}.group`);
    assert.equal(typeof l.pytorch, 'string');
    if (l.pytorch) assert.match(l.pytorch, /^torch\./, `${who}.pytorch`);
    nonEmpty(l.formula, `${who}.formula`);
    nonEmpty(l.gradient, `${who}.gradient`);
    nonEmpty(l.noteEn, `${who}.noteEn`);
    nonEmpty(l.noteZh, `${who}.noteZh`);

    assert.ok(Array.isArray(l.args) && l.args.length > 0, `${who}.args`);
    const argNames = l.args.map((a) => a.name);
    assert.equal(new Set(argNames).size, argNames.length, `${who}: argument names are unique`);
    assert.equal(l.args.filter((a) => a.role === 'prediction').length, 1, `${who}: one prediction argument`);
    for (const a of l.args) {
      nonEmpty(a.name, `${who} argument name`);
      assert.ok(['prediction', 'target', 'weight', 'extra'].includes(a.role), `${who}.${a.name}.role = ${a.role}`);
      assert.equal(typeof a.required, 'boolean');
      nonEmpty(a.shape, `${who}.${a.name}.shape`);
      nonEmpty(a.helpEn, `${who}.${a.name}.helpEn`);
      nonEmpty(a.helpZh, `${who}.${a.name}.helpZh`);
    }

    assert.ok(l.reductions.length > 0, `${who}.reductions`);
    for (const r of l.reductions) assert.ok(['none', 'mean', 'sum', 'batchmean'].includes(r), `${who} reduction ${r}`);
    assert.ok(l.reductions.includes(l.defaultReduction), `${who}.defaultReduction is offered`);

    const optionNames = l.options.map((o) => o.name);
    assert.equal(new Set(optionNames).size, optionNames.length, `${who}: option names are unique`);
    for (const o of l.options) {
      const what = `${who}.${o.name}`;
      nonEmpty(o.name, `${who} option name`);
      nonEmpty(o.label, `${what}.label`);
      nonEmpty(o.range, `${what}.range`);
      nonEmpty(o.helpEn, `${what}.helpEn`);
      nonEmpty(o.helpZh, `${what}.helpZh`);
      assert.ok(['real', 'integer', 'boolean'].includes(o.type), `${what}.type = ${o.type}`);
      if (o.type === 'boolean') {
        assert.equal(typeof o.default, 'boolean', `${what}.default`);
        continue;
      }
      assert.equal(typeof o.default, 'number', `${what}.default`);
      assert.ok(!Number.isNaN(o.default), `${what}.default is a number`);
      assert.ok(o.min <= o.max, `${what}: min <= max`);
      assert.ok(o.minInclusive ? o.default >= o.min : o.default > o.min, `${what}.default ${o.default} above min ${o.min}`);
      assert.ok(o.maxInclusive ? o.default <= o.max : o.default < o.max, `${what}.default ${o.default} below max ${o.max}`);
      if (o.type === 'integer') assert.ok(Number.isInteger(o.default), `${what}.default is whole`);
    }
  }
});

test('every option accepts its own default', async () => {
  const { lp } = await loadLossPlay();
  const golden = JSON.parse(fs.readFileSync(GOLDEN, 'utf8'));
  for (const l of lp.losses) {
    const c = golden.cases.find((x) => x.loss === l.name && !x.expected.error);
    if (!c) continue; // golden.test.js reports a registered loss without cases
    const args = {};
    for (const [name, t] of Object.entries(c.args)) args[name] = goldenTensor(t);
    for (const o of l.options) {
      assert.doesNotThrow(
        () => lp.compute(l.name, args, { ...c.options, [o.name]: o.default }),
        `${l.name} with ${o.name} = ${o.default}`,
      );
    }
  }
});

test('results are copies: later computes (and wasm memory growth) leave them alone', async () => {
  const { lp } = await loadLossPlay();
  const first = lp.compute('mse_loss', { input: [1, 3, 5], target: [2, 4, 6] }, { reduction: 'none' });
  const parsed = lp.parse('1.5 2.5 -3');
  const lossBefore = Array.from(first.loss.data);
  const gradBefore = Array.from(first.grad.data);
  // A copy owns a buffer of its own size; a view into wasm memory would not.
  assert.equal(first.loss.data.buffer.byteLength, first.loss.data.byteLength);
  assert.equal(first.grad.data.buffer.byteLength, first.grad.data.byteLength);
  assert.equal(parsed.data.buffer.byteLength, parsed.data.byteLength);

  // The input arrays are copied too: changing them later changes nothing.
  const input = new Float64Array([1, 3, 5]);
  const second = lp.compute('mse_loss', { input, target: [2, 4, 6] }, { reduction: 'none' });
  input.fill(100);
  assert.deepEqual(Array.from(second.loss.data), [1, 1, 1]);
  // And results do not share storage.
  second.loss.data[0] = 42;
  assert.deepEqual(Array.from(first.loss.data), lossBefore);

  let n = 2_000_000;
  for (let round = 0; round < 3; round++, n += 500_000) {
    const big = new Float64Array(n);
    for (let i = 0; i < n; i++) big[i] = i % 7;
    const r = lp.compute('mse_loss', { input: big, target: new Float64Array(n) }, { reduction: 'none' });
    assert.equal(r.loss.data.length, n);
    assert.equal(r.loss.data[n - 1], ((n - 1) % 7) ** 2);
    assert.equal(r.grad.data[n - 1], 2 * ((n - 1) % 7));
  }
  const big = lp.compute('l1_loss', { input: new Float64Array(2_000_000).fill(-0.5), target: new Float64Array(2_000_000) });
  assert.equal(big.value, 0.5);

  assert.deepEqual(Array.from(first.loss.data), lossBefore, 'loss unchanged');
  assert.deepEqual(Array.from(first.grad.data), gradBefore, 'grad unchanged');
  assert.deepEqual(first.loss.shape, [3]);
  assert.deepEqual(Array.from(parsed.data), [1.5, 2.5, -3], 'parsed data unchanged');
});

test('a million numbers parsed from text: exact values and an accurate mean', async () => {
  const { lp } = await loadLossPlay();
  const n = 1_000_000;
  const next = lcg(20240611);
  const inputTokens = new Array(n);
  const targetTokens = new Array(n);
  for (let i = 0; i < n; i++) {
    inputTokens[i] = String((next() * 2 - 1) * 10 ** Math.floor(next() * 8 - 4));
    targetTokens[i] = (next() * 100 - 50).toFixed(6);
  }
  // Both read as vectors: the input is one line, the target one number per line.
  const inputText = inputTokens.join(', ');
  const targetText = targetTokens.join('\n');

  const input = lp.parse(inputText);
  const target = lp.parse(targetText);
  assert.deepEqual(input.shape, [n]);
  assert.deepEqual(target.shape, [n]);
  for (let i = 0; i < n; i++) {
    if (input.data[i] !== Number(inputTokens[i])) assert.fail(`input[${i}]: "${inputTokens[i]}" read as ${input.data[i]}`);
    if (target.data[i] !== Number(targetTokens[i])) assert.fail(`target[${i}]: "${targetTokens[i]}" read as ${target.data[i]}`);
  }

  const mse = lp.compute('mse_loss', { input, target });
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) squares[i] = (input.data[i] - target.data[i]) ** 2;
  const want = accurateSum(squares) / n;
  assert.ok(Math.abs(mse.value - want) <= 1e-9 * Math.abs(want), `mse ${mse.value}, want ${want}`);

  const l1 = lp.compute('l1_loss', { input, target });
  const abs = squares.map((_, i) => Math.abs(input.data[i] - target.data[i]));
  const wantL1 = accurateSum(abs) / n;
  assert.ok(Math.abs(l1.value - wantL1) <= 1e-9 * Math.abs(wantL1), `l1 ${l1.value}, want ${wantL1}`);
  assert.equal(l1.grad.data.length, n);
});

// Forged shapes and malformed arguments: each must be refused with a
// LossPlayError, never read or write past a buffer.

test(
  'a shape whose element count overflows 32 bits is refused',
  async () => {
    const { LossPlay, lp } = await loadLossPlay();
    // 3 * 1431655766 = 2^32 + 2: the shape needs 4294967298 numbers, not 2.
    const wrapped = [3, 1431655766];
    thrown(
      LossPlay,
      () => lp.compute('mse_loss', { input: { data: [1, 2], shape: wrapped }, target: { data: [0, 0], shape: wrapped } }),
      'input',
    );
    // 2 * 2147483649 = 2^32 + 2 as well: nll_loss once read and wrote past
    // its buffers with this shape.
    thrown(
      LossPlay,
      () => lp.compute('nll_loss', { input: { data: [1, 2], shape: [2, 2147483649] }, target: [0, 1] }, { reduction: 'none' }),
      'input',
    );
    thrown(
      LossPlay,
      () => lp.compute('cross_entropy', { input: { data: [1, 2], shape: [2, 2147483649] }, target: [0, 0] }),
      'input',
    );
  },
);

test(
  'malformed arguments and options are LossPlayErrors too',
  async () => {
    const { LossPlay, lp } = await loadLossPlay();
    thrown(LossPlay, () => lp.compute('mse_loss', null), 'input');
    thrown(LossPlay, () => lp.compute('mse_loss', { input: [1], target: [2] }, null), 'input');
    thrown(LossPlay, () => lp.compute('mse_loss', { input: new BigInt64Array(2), target: [1, 2] }), 'input');
    thrown(LossPlay, () => lp.compute('mse_loss', { input: ['1', 'x'], target: [1, 2] }), 'input');
    thrown(LossPlay, () => lp.compute('mse_loss', { input: { data: [1, 2], shape: [2 ** 32] }, target: [1, 2] }), 'input');
  },
);

// The page's error strings (an ES module; a data: URL loads it whatever package.json says).
async function loadErrorStrings(name = 'errors.js') {
  const file = require('node:path').join(__dirname, '..', '..', 'web', 'src', 'i18n', 'strings', name);
  const source = fs.readFileSync(file, 'utf8');
  return import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
}

/** A template filled as the core fills it: numbers as the core writes them, lists as "[2, 3]". */
function fillLikeTheCore(template, params) {
  const text = (v) => {
    if (Array.isArray(v)) return `[${v.join(', ')}]`;
    if (typeof v === 'number') return Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v);
    return String(v);
  };
  return template.replace(/\{(\w+)\}/g, (m, name) => (Object.hasOwn(params, name) ? text(params[name]) : m));
}

test('every failure carries a code and params, and its English template is the message', async () => {
  const { LossPlay, lp } = await loadLossPlay();
  const { errorStrings } = await loadErrorStrings();
  const { apiStrings } = await loadErrorStrings('api.js');
  const strings = { ...errorStrings, ...apiStrings };
  const check = (error, code, params) => {
    assert.equal(error.code, code, error.message);
    assert.equal(Object.getPrototypeOf(error.params), Object.prototype, 'params is a plain object');
    for (const [name, value] of Object.entries(params)) assert.deepEqual(error.params[name], value, `${code}: params.${name}`);
    const entry = strings[`error.${code}`];
    assert.ok(entry, `errors.js has error.${code}`);
    assert.equal(fillLikeTheCore(entry.en, error.params), error.message);
    return error;
  };
  const input = (fn) => thrown(LossPlay, fn, 'input');

  // Parse errors keep line, column and token at the top level too.
  const parse = check(thrown(LossPlay, () => lp.parse('1 2 3\n4 5'), 'parse'), 'ragged_rows', {
    line: 2, column: 1, token: '4', count: 2, first_line: 1, first_count: 3,
  });
  assert.equal(parse.line, 2);
  check(thrown(LossPlay, () => lp.parse('1\n2 x'), 'parse'), 'not_a_number', { line: 2, column: 3, token: 'x' });

  check(input(() => lp.compute('mse_loss', { input: [1, 2, 3], target: { data: [1, 2, 3, 4, 5, 6], shape: [2, 3] } })),
    'shape_mismatch', { arg: 'target', shape: [2, 3], other: 'input', other_shape: [3] });
  check(input(() => lp.compute('binary_cross_entropy', { input: { data: [0.5, 0.5, 0.5, NaN], shape: [2, 2] }, target: [1, 1, 1, 1] })),
    'shape_mismatch', { arg: 'target', shape: [4] });
  const nan = check(input(() => lp.compute('binary_cross_entropy', { input: { data: [0.5, 0.5, 0.5, NaN], shape: [2, 2] }, target: { data: [1, 1, 1, 1], shape: [2, 2] } })),
    'bce_probability', { arg: 'input', index: [1, 1] });
  assert.ok(Number.isNaN(nan.params.value), 'NaN stays a number');
  check(input(() => lp.compute('huber_loss', { input: [1], target: [2] }, { delta: -Infinity })),
    'option_out_of_range', { option: 'delta', loss: 'huber_loss', range: '(0, inf)', value: -Infinity });
  check(input(() => lp.compute('cross_entropy', { input: { data: [1, 2, 3, 4], shape: [2, 2] }, target: [0, 5] })),
    'class_index_out_of_range_or_ignored', { arg: 'target', index: [1], value: 5, classes: 2, last: 1, ignore_index: -100 });
  check(input(() => lp.compute('no_such_loss', { input: [1], target: [2] })), 'unknown_loss', { loss: 'no_such_loss' });
  check(input(() => lp.compute('mse_loss', { input: [1], target: [2] }, { delta: 1 })), 'loss_has_no_options', { option: 'delta' });
  check(input(() => lp.compute('mse_loss', { input: [1] })), 'needs_argument', { loss: 'mse_loss', arg: 'target' });
  check(input(() => lp.compute('poisson_nll_loss', { input: [1, -0.5], target: [1, 1] }, { log_input: false })),
    'poisson_rate_domain', { arg: 'input', index: [1], value: -0.5, limit: -1e-8 });

  // The bindings' own checks, and the facade's.
  check(input(() => lp.compute('mse_loss', { input: [1], target: [2] }, { reduction: 1 })), 'reduction_not_string', {});
  check(input(() => lp.compute('mse_loss', { input: [1], target: [2] }, { delta: 'x' })), 'option_not_number', { option: 'delta' });
  check(input(() => lp.compute('mse_loss', { input: { data: [1], shape: [-1] }, target: [2] })), 'bad_shape_sizes', { arg: 'input' });
  check(input(() => lp.compute('mse_loss', { input: 'not numbers', target: [1] })), 'argument_not_array', { arg: 'input' });
  check(input(() => lp.compute('mse_loss', { input: [1, 'x'], target: [1, 2] })), 'argument_element_not_number', { arg: 'input', element: 1, value: '"x"' });
  check(input(() => lp.compute('mse_loss', null)), 'arguments_not_object', {});
  // What the bindings answer when the facade's checks are bypassed.
  const raw = lp._core.compute('mse_loss', { input: 5 }, {});
  assert.deepEqual({ ok: raw.ok, kind: raw.kind, code: raw.code, params: raw.params },
    { ok: false, kind: 'input', code: 'argument_not_tensor', params: { arg: 'input' } });
  assert.equal(raw.message, "argument 'input' must be {data, shape}");
});

test('the registry gives the Chinese short names and shape texts', async () => {
  const { lp } = await loadLossPlay();
  for (const loss of lp.losses) {
    assert.equal(typeof loss.shortZh, 'string', `${loss.name}.shortZh`);
    assert.ok(loss.shortZh.length > 0, `${loss.name}.shortZh`);
    for (const arg of loss.args) {
      assert.equal(arg.shape, arg.shapeEn, `${loss.name}.${arg.name}: shape is the English text`);
      assert.ok(arg.shapeEn.length > 0 && arg.shapeZh.length > 0, `${loss.name}.${arg.name} shapes`);
    }
  }
  assert.equal(lp.loss('smooth_l1_loss').shortZh, '平滑 L1');
  assert.equal(lp.loss('mse_loss').args[1].shapeZh, '与 input 相同');
});

test('options.outputs copies out only what is asked for, with the same numbers and checks', async () => {
  const { LossPlay, lp } = await loadLossPlay();
  const args = { input: [0.5, -2, 3, 7], target: [1, 1, -1, 2] };
  for (const loss of ['mse_loss', 'huber_loss', 'hinge', 'cross_entropy']) {
    const a = loss === 'cross_entropy' ? { input: { data: [1, 2, 3, 4, 5, 6], shape: [2, 3] }, target: [2, 0] } : args;
    const all = lp.compute(loss, a);
    const vg = lp.compute(loss, a, { outputs: ['value', 'grad'] });
    assert.equal(vg.value, all.value, `${loss}: the same value`);
    assert.deepEqual(vg.grad, all.grad, `${loss}: the same gradient`);
    assert.equal(vg.terms, null, `${loss}: no terms when not asked for`);
    const v = lp.compute(loss, a, { outputs: ['value'] });
    assert.equal(v.value, all.value);
    assert.equal(v.grad, null);
    const t = lp.compute(loss, a, { outputs: ['terms'] });
    assert.equal(t.loss, null);
    assert.equal(t.value, undefined);
    assert.deepEqual(t.terms, all.terms);
  }
  // Many leaves of the core's pass (it sums 128 elements at a time), where
  // the terms not asked for are never stored, and each compute after the
  // first writes into the gradient buffer the one before handed back (5003
  // elements: one the core keeps): the same bits.
  const long = { input: Float64Array.from({ length: 5003 }, (_, i) => Math.sin(i) * 10 ** ((i % 7) - 3)), target: Float64Array.from({ length: 5003 }, (_, i) => (i % 2 ? 1 : -1)) };
  for (const loss of ['mse_loss', 'l1_loss', 'huber_loss', 'hinge', 'hinge_embedding_loss', 'log_cosh']) {
    for (const reduction of ['mean', 'sum']) {
      const all = lp.compute(loss, long, { reduction });
      const vg = lp.compute(loss, long, { reduction, outputs: ['value', 'grad'] });
      assert.ok(Object.is(vg.value, all.value), `${loss} ${reduction}: ${vg.value} = ${all.value}`);
      assert.deepEqual(vg.grad, all.grad, `${loss} ${reduction}: the same gradient`);
    }
  }
  // With reduction 'none' the terms are the loss: asking for either gives it.
  const none = lp.compute('mse_loss', args, { reduction: 'none', outputs: ['terms'] });
  assert.deepEqual(Array.from(none.terms.data), [0.25, 9, 16, 25]);
  assert.equal(none.loss, null);
  // An overflow is refused whatever is asked for.
  const e = thrown(LossPlay, () => lp.compute('mse_loss', { input: [1e200], target: [-1e200] }, { outputs: ['grad'] }), 'input');
  assert.match(e.code, /^overflow/);
  for (const bad of ['value', ['value', 'loss'], [1], null]) {
    assert.equal(thrown(LossPlay, () => lp.compute('mse_loss', args, { outputs: bad }), 'input').code, 'outputs_not_list');
  }
});
