'use strict';
// Shared by the JS tests: loads the built API from dist/ (what the site
// ships), and the helpers that compare numbers the way the golden file's
// README says. Not a test file itself (its name matches no test pattern).

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const FACADE = path.join(DIST, 'lossplay.js');
const CORE = path.join(DIST, 'lossplay-core.wasm');
const GOLDEN = path.join(ROOT, 'tests', 'golden', 'pytorch-cases.json');

/** Requires dist/lossplay.js, or throws saying how to build it. */
function requireLossPlay() {
  const missing = [FACADE, CORE].filter((file) => !fs.existsSync(file));
  if (missing.length) {
    const names = missing.map((file) => path.relative(ROOT, file)).join(', ');
    throw new Error(`dist/ is not built (missing ${names}): run scripts/build.sh before the JS tests`);
  }
  return require(FACADE);
}

let loading = null;

/** Resolves to {LossPlay, lp}: the module and one loaded instance. */
function loadLossPlay() {
  if (!loading) {
    loading = (async () => {
      const LossPlay = requireLossPlay();
      const lp = await LossPlay.load();
      return { LossPlay, lp };
    })();
  }
  return loading;
}

// The format's numbers and closeness rule, shared with scripts/conformance.js.
const { formatTensor: goldenTensor, close } = require('../../scripts/conformance.js');

/**
 * Fails unless `got` ({data, shape}) has the shape of `want` and every value
 * is close; the message lists the first few values that differ.
 */
function assertTensorClose(assert, what, got, want, rtol, atol) {
  assert.ok(got && typeof got === 'object', `${what}: no tensor returned`);
  assert.ok(got.data instanceof Float64Array, `${what}.data should be a Float64Array`);
  assert.deepEqual(Array.from(got.shape), Array.from(want.shape), `${what} shape`);
  assert.equal(got.data.length, want.data.length, `${what}: number of values`);
  const bad = [];
  for (let i = 0; i < want.data.length; i++) {
    if (!close(got.data[i], want.data[i], rtol, atol)) bad.push(i);
  }
  if (bad.length) {
    const shown = bad
      .slice(0, 5)
      .map((i) => `${what}[${i}] = ${got.data[i]}, want ${want.data[i]}`)
      .join('; ');
    assert.fail(`${bad.length} of ${want.data.length} values off (rtol ${rtol}, atol ${atol}): ${shown}`);
  }
}

/** Sum with Neumaier's compensation, the reference for large inputs. */
function accurateSum(values) {
  let sum = 0;
  let c = 0;
  for (const v of values) {
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + c;
}

module.exports = {
  DIST,
  GOLDEN,
  requireLossPlay,
  loadLossPlay,
  goldenTensor,
  close,
  assertTensorClose,
  accurateSum,
};
