/* The documented JS API over the WebAssembly loss core (dist/lossplay.js):
 *
 *   const lp = await LossPlay.load();            // browser: global LossPlay; Node: require()
 *   const { data, shape } = lp.parse('1 3 5');   // Float64Array, [3]
 *   lp.parse(bytes)                               // the same from a Uint8Array of UTF-8 (a file's bytes)
 *   const r = lp.compute('mse_loss', { input: [1, 3, 5], target: [2, 4, 6] });
 *   r.value        // 1           (a number when the result is a scalar)
 *   r.grad.data    // Float64Array [-0.667, -0.667, -0.667]
 *   r.terms.data   // Float64Array [1, 1, 1]: the per-element losses, what
 *                  // reduction 'none' gives, from the same single pass
 *
 * Only some outputs: options.outputs lists what to copy out, of 'value'
 * (loss and value), 'grad' and 'terms'; the rest come back null. Default
 * all three. The same single pass and the same checks run (an overflow is
 * refused whatever is asked for); what is saved is the copy out, e.g.
 *   lp.compute('mse_loss', args, { outputs: ['value', 'grad'] })   // no terms
 *
 * Resident tensors stay in the wasm heap between calls (no copy-in per call):
 *   const t = lp.tensor(float64Array, shape?);   // one copy in; shape defaults to [length]
 *   const p = lp.parseTensor(textOrBytes);       // parsed straight into the heap
 *   t.shape, t.size; t.read() -> Float64Array (a copy); t.free()
 *   p.column(j)    // column j of a [rows, cols] tensor as a new resident [rows] tensor
 *   lp.compute('mse_loss', { input: p.column(0), target: t })   // handles wherever tensors go
 * A handle used after free() throws a LossPlayError with code 'tensor_freed'. Handles are
 * instances of LossPlay.TensorHandle.
 * Handles the program drops are freed when garbage-collected, but free()
 * gives the memory back at once.
 *
 * Outputs (loss, grad, terms, read()) are Float64Array copies made in bulk,
 * never views of wasm memory (which growth would invalidate). With
 * reduction 'none', terms is the same object as loss.
 *
 * Every failure is thrown as a LossPlayError with code, params and an
 * English message; a parse error also carries line, column and token
 * (column counted in code points, whether text or bytes came in). */
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

// Frees the heap memory of handles the program dropped without free().
const dropped = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry(({ core, id }) => core.tensorFree(id))
  : null;

const freedError = (arg) => apiError('tensor_freed', { arg }, `${arg} is a tensor handle that has been freed`);

/** A tensor resident in the wasm heap (made by lp.tensor, lp.parseTensor or column()). */
export class TensorHandle {
  constructor(core, id, shape) {
    this._core = core;
    this._id = id;
    this._token = {};
    /** The sizes, e.g. [rows, cols] (read-only). */
    this.shape = Object.freeze(shape.slice());
    /** The number of elements. */
    this.size = shape.reduce((a, b) => a * b, 1);
    if (dropped) dropped.register(this, { core, id }, this._token);
  }

  /** True once free() has been called. */
  get freed() {
    return this._id === 0;
  }

  /** The id the core knows it by; throws tensor_freed once freed. */
  _live(arg = 'tensor') {
    if (this._id === 0) throw freedError(arg);
    return this._id;
  }

  /** A copy of the numbers as a Float64Array. */
  read() {
    const r = this._core.tensorRead(this._live());
    if (!r.ok) throw new LossPlayError(r);
    return r.data;
  }

  /** Column j of a [rows, cols] tensor, as a new resident [rows] tensor (a strided copy in the core). */
  column(j) {
    if (typeof j !== 'number') throw apiError('column_out_of_range', { column: NaN, shape: this.shape.slice() }, `there is no column ${shown(j)} in a tensor of shape [${this.shape.join(', ')}]: column() takes a [rows, columns] tensor and a column from 0 to columns - 1`);
    const r = this._core.tensorColumn(this._live(), j);
    if (!r.ok) throw new LossPlayError(r);
    return new TensorHandle(this._core, r.id, r.shape);
  }

  /** Gives the memory back; later use throws tensor_freed. Freeing twice does nothing. */
  free() {
    if (this._id === 0) return;
    this._core.tensorFree(this._id);
    if (dropped) dropped.unregister(this._token);
    this._id = 0;
  }
}

// Text as UTF-8 bytes: a Uint8Array goes as it is, text is encoded once.
function utf8Bytes(text) {
  if (text instanceof Uint8Array) return text;
  if (typeof text !== 'string' && typeof text !== 'number') {
    throw apiError('text_not_string', { type: typeName(text) }, `lp.parse and lp.parseTensor take text (a string or a Uint8Array of UTF-8), not ${typeName(text)}`);
  }
  return utf8.encode(String(text));
}

const OUTPUTS = { value: 1, grad: 2, terms: 4 };

// options.outputs (a list of 'value', 'grad', 'terms') as the core's bit mask.
function outputMask(list) {
  const bad = () => apiError('outputs_not_list', { value: shown(list) }, `options.outputs must be a list of 'value', 'grad' and 'terms', not ${shown(list)}`);
  if (!Array.isArray(list)) throw bad();
  let mask = 0;
  for (const o of list) {
    if (typeof o !== 'string' || !Object.prototype.hasOwnProperty.call(OUTPUTS, o)) throw bad();
    mask |= OUTPUTS[o];
  }
  return mask;
}

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

  /** Parses pasted text (a string, or a Uint8Array of UTF-8 bytes) into {data: Float64Array, shape}. */
  parse(text) {
    const r = this._core.parse(utf8Bytes(text));
    if (!r.ok) throw new LossPlayError(r);
    return { data: r.data, shape: r.shape };
  }

  /** Parses text or UTF-8 bytes straight into a resident tensor: a TensorHandle. */
  parseTensor(text) {
    const r = this._core.parseTensor(utf8Bytes(text));
    if (!r.ok) throw new LossPlayError(r);
    return new TensorHandle(this._core, r.id, r.shape);
  }

  /**
   * Copies numbers into the wasm heap once: `data` is a Float64Array, a
   * typed array or a plain array of numbers, or {data, shape}; `shape`
   * (default [length]) must hold as many elements. Returns a TensorHandle.
   */
  tensor(data, shape) {
    const t = reading('the tensor', () => toTensor('tensor', shape === undefined ? data : { data, shape }));
    const r = this._core.tensorCreate(t.data, t.shape);
    if (!r.ok) throw new LossPlayError(r);
    return new TensorHandle(this._core, r.id, r.shape);
  }

  /**
   * Runs a loss. `args` maps argument names (input, target, weight, ...) to
   * tensors; `options` holds reduction and the loss's options.
   * Tensors are arrays, typed arrays, {data, shape} or TensorHandles.
   * Returns {loss, grad, gradArg, terms, value}: loss, grad and terms are
   * {data: Float64Array, shape}; terms holds the per-element losses before
   * reduction (what reduction 'none' gives); value is loss.data[0] when the
   * loss is a scalar. options.outputs (default ['value', 'grad', 'terms'])
   * says which to copy out; the others are null (value undefined). Terms
   * left out are not even stored by the pointwise losses (a faster pass).
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
      if (value instanceof TensorHandle) tensors[key] = { resident: value._live(key) };
      else if (value !== undefined && value !== null) tensors[key] = reading(`argument '${key}'`, () => toTensor(key, value));
    }
    options = reading('the options', () => Object.fromEntries(Object.entries(options)));
    if ('outputs' in options) options.outputs = outputMask(options.outputs);
    const r = this._core.compute(name, tensors, options);
    if (!r.ok) throw new LossPlayError(r);
    return {
      loss: r.loss,
      grad: r.grad,
      gradArg: r.gradArg,
      terms: r.terms,
      value: r.loss && r.loss.shape.length === 0 ? r.loss.data[0] : undefined,
    };
  }
}

/** Loads the core (options as loadCore takes them) and wraps it. */
export async function load(options = {}) {
  const core = await startCore(options);
  return new LossPlay(core);
}
