/* The documented JS API over the WebAssembly loss core (dist/lossplay.js):
 *
 *   const lp = await LossPlay.load();            // browser: global LossPlay; Node: require()
 *   const { data, shape } = lp.parse('1 3 5');   // Float64Array, [3]
 *   const r = lp.compute('mse_loss', { input: [1, 3, 5], target: [2, 4, 6] });
 *   r.value        // 1           (a number when the result is a scalar)
 *   r.grad.data    // Float64Array [-0.667, -0.667, -0.667]
 *
 * Every failure is thrown as a LossPlayError with code, params and an
 * English message; a parse error also carries line, column and token. */
import { LossPlayError, apiError } from './lossplay-error.js';
// The one place the core is loaded from: the bundled glue, handed its wasm by load-core.js.
import { startCore } from './start-core.js';

export { LossPlayError };

function deepFreeze(value) {
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const shown = (v) => {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
};
const typeName = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

// Numbers only: a typed array of numbers, or a plain array whose every
// element is a number (a stray string would otherwise become NaN).
function checkNumbers(arg, data) {
  if (ArrayBuffer.isView(data)) {
    if (data instanceof DataView || data instanceof BigInt64Array || data instanceof BigUint64Array) {
      throw apiError('argument_not_numbers', { arg }, `argument '${arg}' must hold numbers: use a Float64Array or a plain array`);
    }
    return data;
  }
  if (!Array.isArray(data)) throw apiError('argument_not_array', { arg }, `argument '${arg}' must be an array or {data, shape}`);
  for (let i = 0; i < data.length; i++) {
    if (typeof data[i] !== 'number') {
      const value = shown(data[i]);
      throw apiError('argument_element_not_number', { arg, element: i, value }, `argument '${arg}' element ${i} is ${value}, not a number`);
    }
  }
  return data;
}

// Accepts a tensor as {data, shape}, a typed array or a plain array (1-D).
function toTensor(arg, value) {
  if (value && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value)) {
    if (!('data' in value)) throw apiError('argument_not_array', { arg }, `argument '${arg}' must be an array or {data, shape}`);
    const data = checkNumbers(arg, value.data);
    const shape = value.shape === undefined ? [data.length] : value.shape;
    if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number')) {
      throw apiError('shape_not_array', { arg }, `the shape of '${arg}' must be an array of sizes`);
    }
    return { data, shape: shape.slice() };
  }
  const data = checkNumbers(arg, value);
  return { data, shape: [data.length] };
}

// Runs `read` over what the caller handed in: anything it throws that is
// not our own refusal (a getter that throws, a Proxy, a toString that
// fails) becomes a LossPlayError naming what could not be read.
function reading(what, read) {
  try {
    return read();
  } catch (e) {
    if (e instanceof LossPlayError) throw e;
    const detail = e && typeof e.message === 'string' ? e.message : shown(e);
    throw apiError('unreadable_value', { what, detail }, `${what} could not be read: ${detail}`);
  }
}

const utf8 = new TextEncoder();

export class LossPlay {
  constructor(core) {
    this._core = core;
    /** Every loss the core knows, in display order (read-only). */
    this.losses = deepFreeze(core.registry());
    this._byName = new Map(this.losses.map((l) => [l.name, l]));
  }

  /** The registry entry for `name`, or undefined. */
  loss(name) {
    return this._byName.get(name);
  }

  /** Parses pasted text into {data: Float64Array, shape}. */
  parse(text) {
    if (typeof text !== 'string' && typeof text !== 'number') {
      throw apiError('text_not_string', { type: typeName(text) }, `lp.parse takes text (a string), not ${typeName(text)}`);
    }
    const r = this._core.parse(utf8.encode(String(text)));
    if (!r.ok) throw new LossPlayError(r);
    return { data: r.data, shape: r.shape };
  }

  /**
   * Runs a loss. `args` maps argument names (input, target, weight, ...) to
   * tensors; `options` holds reduction and the loss's options.
   * Returns {loss, grad, gradArg, value}: loss and grad are {data, shape};
   * value is loss.data[0] when the loss is a scalar.
   */
  compute(name, args, options) {
    if (typeof name !== 'string') {
      throw apiError('loss_name_not_string', { type: typeName(name) }, `compute takes the loss's name as a string, not ${typeName(name)}`);
    }
    if (!args || typeof args !== 'object' || Array.isArray(args)) throw apiError('arguments_not_object', {}, 'compute needs its arguments as an object: {input, target, ...}');
    if (options === undefined) options = {};
    if (!options || typeof options !== 'object' || Array.isArray(options)) throw apiError('options_not_object', {}, 'options must be an object: {reduction, ...}');
    // Copied into plain objects of plain values first, so nothing of the
    // caller's (getters, prototypes) is touched again by the core.
    const tensors = {};
    for (const [key, value] of reading('the arguments', () => Object.entries(args))) {
      if (value !== undefined && value !== null) tensors[key] = reading(`argument '${key}'`, () => toTensor(key, value));
    }
    options = reading('the options', () => Object.fromEntries(Object.entries(options)));
    const r = this._core.compute(name, tensors, options);
    if (!r.ok) throw new LossPlayError(r);
    return {
      loss: r.loss,
      grad: r.grad,
      gradArg: r.gradArg,
      value: r.loss.shape.length === 0 ? r.loss.data[0] : undefined,
    };
  }
}

/** Loads the core (options as loadCore takes them) and wraps it. */
export async function load(options = {}) {
  const core = await startCore(options);
  return new LossPlay(core);
}
