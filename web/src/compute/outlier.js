/* The outlier experiment's data (no DOM): one extra sample, far from the
 * rest, added to the computation, never to the user's text. */

/** ŷ and y with one more sample: y at the mean of y, ŷ = y + residual. null if not 1-D pairs. */
export function withOutlier(prediction, target, residual) {
  if (!prediction || !target || prediction.shape.length !== 1 || target.shape.length !== 1) return null;
  const n = prediction.data.length;
  if (n === 0 || target.data.length !== n) return null;
  let mean = 0;
  for (const v of target.data) mean += v / n;
  const p = new Float64Array(n + 1);
  const y = new Float64Array(n + 1);
  p.set(prediction.data);
  y.set(target.data);
  y[n] = mean;
  p[n] = mean + residual;
  return { prediction: { data: p, shape: [n + 1] }, target: { data: y, shape: [n + 1] } };
}

