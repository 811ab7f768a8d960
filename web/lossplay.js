/*
 * lossplay.js: the documented JS API over the WebAssembly loss core.
 *
 * A classic script (no modules, so it also runs from file:// and inside a
 * Blob-URL worker) that is also a CommonJS module for Node:
 *
 *   const lp = await LossPlay.load();            // browser: global LossPlay
 *   const { data, shape } = lp.parse('1 3 5');   // Float64Array, [3]
 *   const r = lp.compute('mse_loss', { input: [1, 3, 5], target: [2, 4, 6] });
 *   r.value        // 1           (a number when the result is a scalar)
 *   r.grad.data    // Float64Array [-0.667, -0.667, -0.667]
 *
 * Every failure is thrown as a LossPlayError (an Error) with kind, code
 * (a stable string: web/src/i18n/strings/errors.js has its wording) and
 * params (an object) besides its English message; a parse error also
 * carries line, column and token.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) module.exports = factory(root);
  else root.LossPlay = factory(root);
})(typeof self !== 'undefined' ? self : this, function (root) {
  'use strict';

  class LossPlayError extends Error {
    constructor(failure) {
      super(failure.message);
      this.name = 'LossPlayError';
      this.kind = failure.kind; // 'parse' | 'input' | 'internal'
      this.code = failure.code; // 'not_a_number', 'shape_mismatch', ...
      this.params = failure.params || {};
      if (failure.kind === 'parse') {
        this.line = failure.line;
        this.column = failure.column;
        this.token = failure.token;
      }
    }
  }

  function deepFreeze(value) {
    if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      Object.values(value).forEach(deepFreeze);
      Object.freeze(value);
    }
    return value;
  }

  function inputError(code, params, message) {
    return new LossPlayError({ kind: 'input', code, params, message });
  }

  // Numbers only: a typed array of floats or ints, or a plain array whose
  // every element is a number (a stray string would otherwise become NaN).
  function checkNumbers(name, data) {
    if (ArrayBuffer.isView(data)) {
      if (data instanceof DataView || data instanceof BigInt64Array || data instanceof BigUint64Array) {
        throw inputError('argument_not_numbers', { arg: name }, `argument '${name}' must hold numbers: use a Float64Array or a plain array`);
      }
      return data;
    }
    if (!Array.isArray(data)) throw inputError('argument_not_array', { arg: name }, `argument '${name}' must be an array or {data, shape}`);
    for (let i = 0; i < data.length; i++) {
      if (typeof data[i] !== 'number') {
        const value = JSON.stringify(data[i]) ?? String(data[i]);
        throw inputError('argument_element_not_number', { arg: name, element: i, value }, `argument '${name}' element ${i} is ${value}, not a number`);
      }
    }
    return data;
  }

  // Accepts a tensor as {data, shape}, a typed array or a plain array (1-D).
  function toTensor(name, value) {
    if (value && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value)) {
      if (!('data' in value)) throw inputError('argument_not_array', { arg: name }, `argument '${name}' must be an array or {data, shape}`);
      const data = checkNumbers(name, value.data);
      const shape = value.shape === undefined ? [data.length] : value.shape;
      if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number')) {
        throw inputError('shape_not_array', { arg: name }, `the shape of '${name}' must be an array of sizes`);
      }
      return { data, shape };
    }
    const data = checkNumbers(name, value);
    return { data, shape: [data.length] };
  }

  const utf8 = new TextEncoder();

  class LossPlay {
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
      if (!args || typeof args !== 'object') throw inputError('arguments_not_object', {}, 'compute needs its arguments as an object: {input, target, ...}');
      if (options === undefined) options = {};
      if (!options || typeof options !== 'object') throw inputError('options_not_object', {}, 'options must be an object: {reduction, ...}');
      const tensors = {};
      for (const [key, value] of Object.entries(args)) {
        if (value !== undefined && value !== null) tensors[key] = toTensor(key, value);
      }
      const r = this._core.compute(String(name), tensors, options);
      if (!r.ok) throw new LossPlayError(r);
      return {
        loss: r.loss,
        grad: r.grad,
        gradArg: r.gradArg,
        value: r.loss.shape.length === 0 ? r.loss.data[0] : undefined,
      };
    }
  }

  /**
   * Loads the core. In a page, lossplay-core.js must be loaded first (it
   * defines createLossplayCore); in Node it is required from beside this file.
   */
  async function load(options = {}) {
    let factory = options.factory || root.createLossplayCore;
    if (!factory && typeof require === 'function') factory = require('./lossplay-core.js');
    if (!factory) throw new Error('lossplay-core.js is not loaded: include it before lossplay.js');
    const core = await factory(options.moduleArgs || {});
    return new LossPlay(core);
  }

  return { load, LossPlay, LossPlayError };
});
