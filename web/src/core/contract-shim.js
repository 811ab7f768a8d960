/* temporary: removed when the core9 branch lands.
 * The core JS API contract of issue 9 on top of today's lp, for the page's
 * pipeline to code against until the core gives it itself: compute(...)
 * also returns `terms` (the per-sample losses), parse() takes UTF-8 bytes,
 * and tensor()/parseTensor() give handles {shape, size, read(), free(),
 * column(j)} that compute() accepts. Each method is added only where lp
 * lacks it (feature-detected), so the real core's take over as it lands. */

const decoder = new TextDecoder();

// A handle over a JS-side copy (today's core keeps nothing resident).
function handle(data, shape) {
  let live = true;
  const h = {
    shape: shape.slice(),
    size: data.length,
    read() {
      if (!live) throw new Error('lossplay: this tensor was freed');
      return data;
    },
    free() {
      live = false;
    },
    column(j) {
      if (shape.length !== 2 || j < 0 || j >= shape[1]) throw new RangeError(`lossplay: no column ${j} in a tensor of shape [${shape}]`);
      const [rows, cols] = shape;
      const out = new Float64Array(rows);
      for (let r = 0; r < rows; r++) out[r] = data[r * cols + j];
      return handle(out, [rows]);
    },
  };
  return h;
}

const isHandle = (v) => v && typeof v === 'object' && typeof v.read === 'function' && typeof v.free === 'function';

/** `lp` with the contract's methods added where it lacks them; returns lp. */
export function withContract(lp) {
  if (lp.__contract) return lp;
  const parse = lp.parse.bind(lp);
  const compute = lp.compute.bind(lp);
  const probe = lp.losses.find((l) => l.name === 'mse_loss');
  let hasTerms = false;
  try {
    hasTerms = Boolean(probe && compute('mse_loss', { input: [1], target: [0] }, { reduction: 'mean' }).terms);
  } catch (e) {
    hasTerms = false;
  }
  let takesBytes = false;
  try {
    takesBytes = parse(new Uint8Array([49])).data[0] === 1;
  } catch (e) {
    takesBytes = false;
  }
  if (!takesBytes) {
    lp.parse = (text) => {
      if (text instanceof Uint8Array) {
        // Today's core reads bytes already; the public wrapper wants text.
        if (lp._core && typeof lp._core.parse === 'function') {
          const r = lp._core.parse(text);
          if (r.ok) return { data: r.data, shape: r.shape };
        }
        return parse(decoder.decode(text)); // the error path: its own message and position
      }
      return parse(text);
    };
  }
  const unwrap = (args) => {
    const out = {};
    for (const [k, v] of Object.entries(args)) out[k] = isHandle(v) ? { data: v.read(), shape: v.shape } : v;
    return out;
  };
  if (!hasTerms) {
    lp.compute = (name, args, options = {}) => {
      const plain = unwrap(args);
      const r = compute(name, plain, options);
      const spec = lp.loss(name);
      const reduction = options.reduction || (spec && spec.defaultReduction);
      if (reduction === 'none') r.terms = r.loss;
      else if (spec && spec.reductions.includes('none')) r.terms = compute(name, plain, Object.assign({}, options, { reduction: 'none' })).loss;
      else r.terms = null;
      return r;
    };
  } else if (!lp.tensor) {
    lp.compute = (name, args, options) => compute(name, unwrap(args), options);
  }
  if (!lp.tensor) lp.tensor = (data, shape) => handle(data instanceof Float64Array ? data : Float64Array.from(data), shape || [data.length]);
  if (!lp.parseTensor) {
    lp.parseTensor = (textOrBytes) => {
      const t = lp.parse(textOrBytes);
      return handle(t.data, t.shape);
    };
  }
  Object.defineProperty(lp, '__contract', { value: true });
  return lp;
}
