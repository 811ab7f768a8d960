/* fit-api.js: the fit lab's JS API over the fit core (lossplay-fit.wasm, a
 * module of its own, so the page's first load never carries it). For a
 * later chunk, the worker and Node:
 *   const fit = await loadFit({ base });   // base: the folder of lossplay-fit.wasm (a page)
 *   fit.objective(loss, options, x, y)     -> {size, value(w, b), gradient(w, b), free()}
 *   fit.run(loss, options, x, y, settings) -> {w, b, loss: Float64Array, status, stopReason, stopStep}
 *   fit.optimum(loss, options, x, y)       -> {w, b, loss, status, method, iterations, gradientNorm}
 *   fit.landscape(loss, options, x, y, {wMin, wMax, bMin, bMax, columns, rows})
 *                                          -> {values: Float64Array (row r, column c at r * columns + c), ...}
 * The model is ŷ = w·x + b and the objective the loss's mean with its
 * options ({delta: 1}, ...); x and y are arrays or typed arrays of numbers.
 * Failures throw a LossPlayError whose code and params the page translates
 * (i18n/strings/errors.js: the fit_* entries and the loss's own; api.js for the argument checks). */
import createLossplayFit from '../../../build/wasm/lossplay-fit.js';
import { loadFitCore } from './load-fit.js';
import { LossPlayError, apiError } from '../core/lossplay-error.js';

/** A core result with ok: true, or its failure thrown. */
function checked(result) {
  if (!result.ok) throw new LossPlayError(result);
  return result;
}

function numbers(value, arg) {
  // BigInt arrays cannot be copied into doubles (the copy would throw inside the core's call).
  const arrayLike = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView)
    && !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array));
  if (!arrayLike) throw apiError('argument_not_numbers', { arg }, `argument '${arg}' must hold numbers: use a Float64Array or a plain array`);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] !== 'number') {
        throw apiError('argument_element_not_number', { arg, element: i, value: String(value[i]) }, `argument '${arg}' element ${i} is ${String(value[i])}, not a number`);
      }
    }
  }
  return value;
}

function lossName(loss) {
  if (typeof loss !== 'string') throw apiError('loss_name_not_string', { type: typeof loss }, `a fit takes the loss's name as a string, not ${typeof loss}`);
  return loss;
}

function optionsOf(options) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) throw apiError('options_not_object', {}, 'options must be an object: {delta, ...}');
  return options;
}

function settingsOf(settings) {
  if (settings === undefined || settings === null) return {};
  if (typeof settings !== 'object' || Array.isArray(settings)) throw apiError('options_not_object', {}, 'the fit settings must be an object: {optimizer, lr, steps, ...}');
  return settings;
}

function number(value, option) {
  if (typeof value !== 'number') throw apiError('option_not_number', { option }, `option ${option} must be a number or a boolean`);
  return value;
}

class Fit {
  constructor(core) {
    this._core = core;
  }

  // Runs body(id) on a new resident objective and frees it whatever happens.
  _with(loss, options, x, y, body) {
    const { id } = checked(this._core.fitCreate(lossName(loss), optionsOf(options), numbers(x, 'x'), numbers(y, 'y')));
    try {
      return body(id);
    } finally {
      this._core.fitFree(id);
    }
  }

  /** F(w, b) kept in the core for repeated evaluation; call free() when done. */
  objective(loss, options, x, y) {
    const core = this._core;
    const { id, size } = checked(core.fitCreate(lossName(loss), optionsOf(options), numbers(x, 'x'), numbers(y, 'y')));
    let live = true;
    const at = (w, b) => {
      if (!live) throw apiError('tensor_freed', { arg: 'objective' }, 'objective is a tensor handle that has been freed');
      const r = checked(core.fitValue(id, number(w, 'w'), number(b, 'b')));
      return { value: r.value, dw: r.dw, db: r.db };
    };
    return {
      size,
      /** F(w, b). */
      value: (w, b) => at(w, b).value,
      /** {value, dw, db}: F and its gradient with respect to (w, b). */
      gradient: at,
      free() {
        if (live) core.fitFree(id);
        live = false;
      },
    };
  }

  /**
   * The optimiser's path: settings {optimizer: 'gd' | 'momentum' | 'adam', lr, steps, w0, b0,
   * momentum, beta1, beta2, eps, tolerance, explodeFactor}. w[k], b[k], loss[k] are the point
   * after k updates (k = 0 the start). status: 'converged' | 'ran_all_steps' | 'diverged'
   * (stopReason 'non_finite', 'exploding' or the loss's domain code; the path ends at the last
   * sane point, and stopStep is the update that led out).
   */
  run(loss, options, x, y, settings) {
    const s = settingsOf(settings);
    return this._with(loss, options, x, y, (id) => {
      const r = checked(this._core.fitRun(id, s));
      return { w: r.w, b: r.b, loss: r.loss, status: r.status, stopReason: r.stopReason, stopStep: r.stopStep };
    });
  }

  /** The loss's exact minimiser; status 'found' | 'not_identifiable' | 'no_finite_optimum' (w, b NaN). */
  optimum(loss, options, x, y) {
    return this._with(loss, options, x, y, (id) => {
      const r = checked(this._core.fitOptimum(id));
      return { w: r.w, b: r.b, loss: r.loss, status: r.status, method: r.method, iterations: r.iterations, gradientNorm: r.gradientNorm };
    });
  }

  /** F on a grid: columns run over w from wMin to wMax, rows over b; NaN outside the loss's domain. */
  landscape(loss, options, x, y, grid) {
    const g = settingsOf(grid);
    const field = (name, fallback) => number(g[name] === undefined ? fallback : g[name], name);
    return this._with(loss, options, x, y, (id) => {
      const r = checked(this._core.fitLandscape(id, field('wMin', NaN), field('wMax', NaN), field('bMin', NaN),
        field('bMax', NaN), field('columns', 100), field('rows', 100)));
      delete r.ok;
      return r;
    });
  }
}

/**
 * Starts the fit core. In a page: base, the folder that holds lossplay-fit.wasm and
 * lossplay-fit-wasm.js (fetched on http(s), the script on file://); in a worker: wasmModule,
 * a compiled WebAssembly.Module handed over; in Node: nothing (the glue reads its .wasm).
 * Fails with a LossPlayError of code 'fit_core_load_failed' (its template: facadeErrorStrings in
 * i18n/strings/errors.js, which whoever shows the error adds to the translator).
 */
export async function loadFit({ base, wasmModule, factory } = {}) {
  const root = base || (typeof document !== 'undefined' ? document.baseURI : undefined);
  let core;
  try {
    core = await loadFitCore({ factory: factory || createLossplayFit, base: root, wasmModule });
  } catch (e) {
    throw apiError('fit_core_load_failed', { file: 'lossplay-fit.wasm', reason: (e.params && e.params.reason) || e.message }, e.message);
  }
  return new Fit(core);
}
