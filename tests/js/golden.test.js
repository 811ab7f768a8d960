'use strict';
// PyTorch's reference results (tests/golden/pytorch-cases.json), run through
// the JS API of the built module in dist/: one subtest per case. Cases of a
// loss the registry does not have yet are reported as skipped, except the
// study note's worked examples (blog/*), which must always run and pass.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const {
  GOLDEN,
  loadLossPlay,
  goldenTensor,
  assertTensorClose,
} = require('./lossplay-dist.js');

const golden = JSON.parse(fs.readFileSync(GOLDEN, 'utf8'));

const isBlog = (c) => c.id.startsWith('blog/');

test('the golden file is loss-conformance/1 and has the note\'s examples', () => {
  assert.equal(golden.format, 'loss-conformance/1');
  assert.ok(Array.isArray(golden.cases) && golden.cases.length > 0, 'no cases');
  const ids = golden.cases.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length, 'case ids must be unique');
  assert.ok(golden.cases.filter(isBlog).length >= 8, 'expected at least 8 blog/* cases');
});

function checkCase(LossPlay, lp, c) {
  const args = {};
  for (const [name, tensor] of Object.entries(c.args)) args[name] = goldenTensor(tensor);
  const options = { reduction: 'mean', ...c.options };
  const rtol = c.rtol ?? 1e-9;
  const atol = c.atol ?? 1e-12;

  if (c.expected.error) {
    assert.throws(
      () => lp.compute(c.loss, args, options),
      (e) => {
        assert.ok(e instanceof LossPlay.LossPlayError, `expected a LossPlayError, got ${e}`);
        assert.ok(e instanceof Error);
        assert.equal(e.kind, 'input', `kind of "${e.message}"`);
        assert.equal(typeof e.message, 'string');
        assert.ok(e.message.trim().length > 0, 'the error needs a message');
        return true;
      },
      `${c.id} is invalid input and must be refused`,
    );
    return;
  }

  const r = lp.compute(c.loss, args, options);
  const wantLoss = goldenTensor(c.expected.loss);
  assertTensorClose(assert, 'loss', r.loss, wantLoss, rtol, atol);
  if (wantLoss.shape.length === 0) {
    assert.ok(
      Object.is(r.value, r.loss.data[0]),
      `value (${r.value}) should be the scalar loss (${r.loss.data[0]})`,
    );
  } else {
    assert.equal(r.value, undefined, 'value is only set for a scalar loss');
  }

  const grads = Object.entries(c.expected.grad || {});
  assert.ok(grads.length <= 1, `${c.id}: the golden file gives one gradient per case`);
  for (const [name, tensor] of grads) {
    assert.equal(r.gradArg, name, 'gradArg');
    assertTensorClose(assert, `grad.${name}`, r.grad, goldenTensor(tensor), rtol, atol);
  }
}

test('PyTorch golden cases', async (t) => {
  const { LossPlay, lp } = await loadLossPlay();
  let ran = 0;
  for (const c of golden.cases) {
    const registered = lp.loss(c.loss) !== undefined;
    // A blog case always runs: if its loss is missing, compute fails loudly.
    const skip = registered || isBlog(c) ? false : `${c.loss} is not in the registry yet`;
    if (!skip) ran++;
    await t.test(c.id, { skip }, () => checkCase(LossPlay, lp, c));
  }
  assert.ok(ran > 0, 'no golden case ran');
});

test('every registered loss has golden cases and every blog case a registered loss', async () => {
  const { lp } = await loadLossPlay();
  const covered = new Set(golden.cases.map((c) => c.loss));
  const uncovered = lp.losses.map((l) => l.name).filter((n) => !covered.has(n));
  assert.deepEqual(uncovered, [], 'registered losses with no golden case');
  const missing = golden.cases.filter((c) => isBlog(c) && !lp.loss(c.loss)).map((c) => `${c.id} (${c.loss})`);
  assert.deepEqual(missing, [], 'blog cases whose loss the registry lacks');
});
