// Plain JavaScript peers for scripts/bench.sh: for each loss, a loop that
// computes the mean loss only, and one that also fills the gradient (what
// lp.compute returns), in float64 with the core's clamps.
'use strict';

const { CLASSES } = require('./data.js');

const value = {
  mse_loss(x, y) {
    let s = 0;
    for (let i = 0; i < x.length; i++) { const d = x[i] - y[i]; s += d * d; }
    return s / x.length;
  },
  l1_loss(x, y) {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += Math.abs(x[i] - y[i]);
    return s / x.length;
  },
  huber_loss(x, y) {
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      const d = x[i] - y[i];
      const a = Math.abs(d);
      s += a <= 1 ? 0.5 * d * d : a - 0.5;
    }
    return s / x.length;
  },
  binary_cross_entropy(x, y) {
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      s -= y[i] * Math.max(Math.log(x[i]), -100) + (1 - y[i]) * Math.max(Math.log1p(-x[i]), -100);
    }
    return s / x.length;
  },
  binary_cross_entropy_with_logits(x, y) {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += Math.max(x[i], 0) - x[i] * y[i] + Math.log1p(Math.exp(-Math.abs(x[i])));
    return s / x.length;
  },
  hinge(x, y) {
    let s = 0;
    for (let i = 0; i < x.length; i++) { const m = 1 - y[i] * x[i]; if (m > 0) s += m; }
    return s / x.length;
  },
  hinge_embedding_loss(x, y) {
    let s = 0;
    for (let i = 0; i < x.length; i++) { const m = 1 - x[i]; s += y[i] === 1 ? x[i] : m > 0 ? m : 0; }
    return s / x.length;
  },
  cross_entropy(x, y) {
    const n = y.length;
    let s = 0;
    for (let r = 0; r < n; r++) {
      const o = r * CLASSES;
      let max = -Infinity;
      for (let c = 0; c < CLASSES; c++) max = Math.max(max, x[o + c]);
      let e = 0;
      for (let c = 0; c < CLASSES; c++) e += Math.exp(x[o + c] - max);
      s += max + Math.log(e) - x[o + y[r]];
    }
    return s / n;
  },
};

const withGradient = {
  mse_loss(x, y) {
    const g = new Float64Array(x.length);
    const k = 2 / x.length;
    let s = 0;
    for (let i = 0; i < x.length; i++) { const d = x[i] - y[i]; s += d * d; g[i] = k * d; }
    return [s / x.length, g];
  },
  l1_loss(x, y) {
    const g = new Float64Array(x.length);
    const k = 1 / x.length;
    let s = 0;
    for (let i = 0; i < x.length; i++) { const d = x[i] - y[i]; s += Math.abs(d); g[i] = d > 0 ? k : d < 0 ? -k : 0; }
    return [s / x.length, g];
  },
  huber_loss(x, y) {
    const g = new Float64Array(x.length);
    const k = 1 / x.length;
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      const d = x[i] - y[i];
      const a = Math.abs(d);
      if (a <= 1) { s += 0.5 * d * d; g[i] = k * d; } else { s += a - 0.5; g[i] = d > 0 ? k : -k; }
    }
    return [s / x.length, g];
  },
  binary_cross_entropy(x, y) {
    const g = new Float64Array(x.length);
    const k = 1 / x.length;
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      s -= y[i] * Math.max(Math.log(x[i]), -100) + (1 - y[i]) * Math.max(Math.log1p(-x[i]), -100);
      g[i] = (k * (x[i] - y[i])) / Math.max((1 - x[i]) * x[i], 1e-12);
    }
    return [s / x.length, g];
  },
  binary_cross_entropy_with_logits(x, y) {
    const g = new Float64Array(x.length);
    const k = 1 / x.length;
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      s += Math.max(x[i], 0) - x[i] * y[i] + Math.log1p(Math.exp(-Math.abs(x[i])));
      g[i] = k * (1 / (1 + Math.exp(-x[i])) - y[i]);
    }
    return [s / x.length, g];
  },
  hinge(x, y) {
    const g = new Float64Array(x.length);
    const k = 1 / x.length;
    let s = 0;
    for (let i = 0; i < x.length; i++) { const m = 1 - y[i] * x[i]; if (m > 0) s += m; g[i] = m >= 0 ? -k * y[i] : 0; }
    return [s / x.length, g];
  },
  hinge_embedding_loss(x, y) {
    const g = new Float64Array(x.length);
    const k = 1 / x.length;
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      if (y[i] === 1) { s += x[i]; g[i] = k; } else { const m = 1 - x[i]; if (m > 0) s += m; g[i] = m >= 0 ? -k : 0; }
    }
    return [s / x.length, g];
  },
  cross_entropy(x, y) {
    const n = y.length;
    const g = new Float64Array(x.length);
    let s = 0;
    for (let r = 0; r < n; r++) {
      const o = r * CLASSES;
      let max = -Infinity;
      for (let c = 0; c < CLASSES; c++) max = Math.max(max, x[o + c]);
      let e = 0;
      for (let c = 0; c < CLASSES; c++) { const v = Math.exp(x[o + c] - max); g[o + c] = v; e += v; }
      s += max + Math.log(e) - x[o + y[r]];
      for (let c = 0; c < CLASSES; c++) g[o + c] /= e * n;
      g[o + y[r]] -= 1 / n;
    }
    return [s / n, g];
  },
};

module.exports = { value, withGradient };
