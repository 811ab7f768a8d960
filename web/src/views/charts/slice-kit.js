/* The pieces a loss's chart slice is made of (losses/*.js use them): grids
 * of arguments that put one plotted number on the x axis, and where each of
 * the user's samples sits on that axis. No DOM. A slice is {kind, curves:
 * [{args(xs, options), tag?(t), dash?, stride?}], sampleX?, note?(loss, t),
 * gradTag?(t), noGrad?, guides?(options)}; t translates the charts' keys. */

export const consts = (n, v) => new Float64Array(n).fill(v);
export const mapX = (xs, f) => Float64Array.from(xs, f);
export const logit = (p) => Math.log(p) - Math.log1p(-p);
export const sigmoid = (z) => 1 / (1 + Math.exp(-z));

// A [G, width] tensor whose row i is row(xs[i]).
export function rowsOf(xs, width, row) {
  const data = new Float64Array(xs.length * width);
  for (let i = 0; i < xs.length; i++) data.set(row(xs[i]), i * width);
  return { data, shape: [xs.length, width] };
}

export function argmax(values) {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

// ---- where each sample sits on its loss's x axis ----

// x per element, for losses that take ŷ and y element by element.
export const elementX = (f) => (model) => {
  const p = model.prediction && model.prediction.data;
  const y = model.target && model.target.data;
  if (!p || !y || p.length !== y.length) return null;
  return Float64Array.from(p, (v, i) => f(v, y[i]));
};

// x per row of [N, C] scores; the true class is an index or a one-hot row.
export const rowX = (f) => (model) => {
  const P = model.prediction;
  const Y = model.target;
  if (!P || !Y || P.shape.length !== 2) return null;
  const [n, c] = P.shape;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = P.data.subarray(i * c, (i + 1) * c);
    let k;
    if (Y.shape.length === 1 && Y.data.length === n) k = Y.data[i];
    else if (Y.shape.length === 2 && Y.shape[0] === n && Y.shape[1] === c) k = argmax(Y.data.subarray(i * c, (i + 1) * c));
    else return null;
    out[i] = Number.isInteger(k) && k >= 0 && k < c ? f(row, k) : NaN;
  }
  return out;
};

export function softmaxAt(row, k) {
  const top = Math.max(...row);
  let sum = 0;
  for (const v of row) sum += Math.exp(v - top);
  return Math.exp(row[k] - top) / sum;
}

export function scoreMargin(row, k) {
  let other = -Infinity;
  for (let j = 0; j < row.length; j++) if (j !== k) other = Math.max(other, row[j]);
  return row[k] - other;
}

export const guide = (name, label, sign) => (options) => {
  const v = options[name];
  if (!Number.isFinite(v)) return [];
  return sign ? [{ x: -v, label }, { x: v, label }] : [{ x: v, label }];
};

export function residual(y, extra) {
  return Object.assign({
    kind: 'residual',
    curves: [{ args: (xs) => ({ input: mapX(xs, (r) => y + r), target: consts(xs.length, y) }), tag: y ? (t) => t('tagY', { y }) : null }],
    sampleX: elementX((p, v) => p - v),
  }, extra);
}

export const probabilityOf = (p, v) => v * p + (1 - v) * (1 - p);
export const yEqualsOne = (t) => t('tagY', { y: 1 });

