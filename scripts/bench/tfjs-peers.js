// tfjs peers for scripts/bench.sh: the same losses through @tensorflow/tfjs
// with its wasm and cpu backends, value and gradient (tf.valueAndGrad), end
// to end from the same Float64Arrays. tfjs computes in float32: it is a peer
// for speed, not for the numbers.
'use strict';

const path = require('node:path');
// The whole of tfjs, not tfjs-core: only its bundle registers the gradients.
const tf = require('@tensorflow/tfjs');
const wasm = require('@tensorflow/tfjs-backend-wasm');

const { CLASSES } = require('./data.js');

let ready = null;
/** Registers both backends once; resolves to the names that work. */
function init() {
  if (!ready) {
    ready = (async () => {
      // The backend's .wasm files, read from node_modules (nothing fetched).
      const dir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
      wasm.setWasmPaths(`${path.join(dir, 'dist')}/`);
      const names = [];
      for (const name of ['wasm', 'cpu']) if (await tf.setBackend(name)) names.push(name);
      return names;
    })();
  }
  return ready;
}

// Each loss as tfjs writes it, and the labels it wants from ours.
const LOSSES = {
  mse_loss: (y, x) => tf.losses.meanSquaredError(y, x),
  l1_loss: (y, x) => tf.losses.absoluteDifference(y, x),
  huber_loss: (y, x) => tf.losses.huberLoss(y, x, undefined, 1),
  binary_cross_entropy: (y, x) => tf.losses.logLoss(y, x),
  binary_cross_entropy_with_logits: (y, x) => tf.losses.sigmoidCrossEntropy(y, x),
  hinge: (y, x) => tf.losses.hingeLoss(y, x), // tfjs maps labels {0, 1} to {-1, 1} itself
  cross_entropy: (y, x) => tf.losses.softmaxCrossEntropy(y, x),
};

/** A function timing one value-and-gradient call on `backend`, or null. */
async function peer(backend, loss, c) {
  const names = await init();
  if (!names.includes(backend) || !LOSSES[loss]) return null;
  const fn = LOSSES[loss];
  let labels = c.target;
  let labelShape = c.targetShape;
  if (loss === 'hinge') labels = c.target.map((v) => (v + 1) / 2);
  if (loss === 'cross_entropy') {
    labels = new Float64Array(c.input.length);
    for (let r = 0; r < c.target.length; r++) labels[r * CLASSES + c.target[r]] = 1;
    labelShape = c.inputShape;
  }
  // tfjs takes no Float64Array: the conversion is part of its time.
  const labels32 = Float32Array.from(labels);
  const grad = tf.valueAndGrad((x) => fn(tf.tensor(labels32, labelShape, 'float32'), x));
  return async () => {
    await tf.setBackend(backend);
    tf.tidy(() => {
      const x = tf.tensor(Float32Array.from(c.input), c.inputShape, 'float32');
      const r = grad(x);
      r.value.dataSync();
      r.grad.dataSync();
    });
  };
}

module.exports = { peer, init };
