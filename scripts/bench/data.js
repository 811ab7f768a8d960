// Inputs for scripts/bench.sh, made the same way as tests/bench/native-bench.cpp
// (xorshift32, seed 12345) so every peer times the same numbers.
'use strict';

const CLASSES = 10;

function random() {
  let s = 12345;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/** {input, target, inputShape, targetShape} for `loss` with n samples. */
function makeCase(loss, n) {
  const r = random();
  if (loss === 'cross_entropy') {
    const input = new Float64Array(n * CLASSES);
    for (let i = 0; i < input.length; i++) input[i] = r() * 4 - 2;
    const target = new Float64Array(n);
    for (let i = 0; i < n; i++) target[i] = Math.floor(r() * CLASSES);
    return { input, target, inputShape: [n, CLASSES], targetShape: [n] };
  }
  const input = new Float64Array(n);
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = r();
    const b = r();
    if (loss === 'binary_cross_entropy') {
      input[i] = 0.01 + 0.98 * a;
      target[i] = b < 0.5 ? 0 : 1;
    } else if (loss === 'binary_cross_entropy_with_logits') {
      input[i] = a * 8 - 4;
      target[i] = b < 0.5 ? 0 : 1;
    } else if (loss === 'hinge' || loss === 'hinge_embedding_loss') {
      input[i] = a * 4 - 2;
      target[i] = b < 0.5 ? -1 : 1;
    } else {
      input[i] = a * 10;
      target[i] = b * 10;
    }
  }
  return { input, target, inputShape: [n], targetShape: [n] };
}

/** The parse benchmark's text: n numbers, toFixed(6), one per line. */
function makeText(n) {
  const r = random();
  const parts = new Array(n);
  for (let i = 0; i < n; i++) parts[i] = (r() * 10).toFixed(6);
  return `${parts.join('\n')}\n`;
}

/**
 * The page's inputs: n rows of ŷ and y as the texts of two files (one
 * number a line, six decimals), their MSE and its sum, from the same seed.
 */
function makeColumns(n) {
  const r = random();
  const yhat = new Array(n);
  const y = new Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    y[i] = Number((r() * 10).toFixed(6));
    yhat[i] = Number((y[i] + r() * 2 - 1).toFixed(6));
    sum += (yhat[i] - y[i]) ** 2;
  }
  return { yhat: `${yhat.join('\n')}\n`, y: `${y.join('\n')}\n`, mse: sum / n, sum };
}

/**
 * The fit benches' line, as native-bench.cpp's --fit-KIND:LOSS makes it:
 * x in [0, 10), y = 2x + 1 + noise in [-0.5, 0.5) with 1% outliers (+50);
 * labels (0/1, or ±1 for the hinge losses) for the classifiers.
 */
function makeFitLine(loss, n) {
  const r = random();
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const unit = loss === 'binary_cross_entropy_with_logits' || loss === 'sigmoid_focal_loss';
  const signed = loss === 'hinge' || loss === 'squared_hinge';
  for (let i = 0; i < n; i++) {
    x[i] = r() * 10;
    const u = r();
    const v = r();
    if (unit) y[i] = u < 1 / (1 + Math.exp(-(x[i] - 5))) ? 1 : 0;
    else if (signed) y[i] = u < 1 / (1 + Math.exp(-(x[i] - 5))) ? 1 : -1;
    else y[i] = 2 * x[i] + 1 + (u - 0.5) + (v < 0.01 ? 50 : 0);
  }
  return { x, y };
}

module.exports = { makeCase, makeText, makeColumns, makeFitLine, CLASSES };
