/* compute(state, lp): the PURE step from the view's state to what the views
 * show. No DOM and no globals: it runs in the pipeline's worker, or on the
 * main thread (pipeline/). Reads the data boxes (input/read.js: text, or
 * the UTF-8 bytes of a large paste or file), picks the table's columns,
 * runs every selected loss once (its value, per-sample terms and gradient
 * come from one call; with the outlier experiment on, that call takes the
 * data with the extra sample, and one more gives the value without), and finds the
 * learner hints. computeSteps() is the same work as a generator that stops
 * before each read and each loss, so a driver can report progress, yield
 * and cancel there; a cache (createCache) keeps readings and results
 * between runs, so a change computes only what it changed. Errors come
 * back as data ({label, error} or {message} with keys and params): the
 * views translate them. */
import { readData, readBytes } from '../input/read.js';
import { withOutlier } from './outlier.js';
import { pairBoxes } from '../input/pairing.js';
import { readersMore, NeedsMore } from '../input/extensions.js';

export const COLORS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#9333ea', '#ea580c', '#0d9488'];

/**
 * What stays between runs: each box's last reading, the extra arguments
 * parsed, and lp.compute's results by (loss, the arguments' identities,
 * options). Results of other data are dropped at the end of a run.
 */
export function createCache() {
  return { boxes: {}, extras: new Map(), calls: new Map(), ids: new WeakMap(), next: 1, outlier: null, handles: new Map(), hints: null };
}

// The data as a resident tensor of the core (lp.tensor), made once per
// tensor and kept while a run uses it: the core then reads it in place,
// with no copy into its heap per call.
function resident(lp, cache, tensor, live) {
  if (!tensor || typeof tensor !== 'object' || !ArrayBuffer.isView(tensor.data)) return tensor;
  let h = cache.handles.get(tensor);
  if (!h) {
    h = lp.tensor(tensor.data, tensor.shape);
    cache.handles.set(tensor, h);
  }
  live.add(tensor);
  return h;
}

function idOf(cache, tensor) {
  if (!tensor || typeof tensor !== 'object') return '-';
  if (!cache.ids.has(tensor)) cache.ids.set(tensor, cache.next++);
  return cache.ids.get(tensor);
}

// lp with compute() remembered in the cache for this run's data.
function cachedLp(lp, cache, used, live) {
  const compute = (name, args, options) => {
    const key = `${name}|${Object.keys(args).map((k) => `${k}=${idOf(cache, args[k])}`).join(',')}|${JSON.stringify(options)}`;
    used.add(key);
    const hit = cache.calls.get(key);
    if (hit) {
      cache.calls.delete(key); // to the end of the map: most recently used
      cache.calls.set(key, hit);
      if (hit.error) throw hit.error;
      return hit.r;
    }
    try {
      const handles = {};
      for (const [k, v] of Object.entries(args)) handles[k] = resident(lp, cache, v, live);
      const r = lp.compute(name, handles, options);
      cache.calls.set(key, { r });
      return r;
    } catch (e) {
      cache.calls.set(key, { error: e });
      throw e;
    }
  };
  return Object.assign(Object.create(lp), { compute });
}

// What the cache keeps of results this run did not use (see computeSteps).
const SPARE_BYTES = 64 * 1024 * 1024;
function resultBytes(hit) {
  if (!hit.r) return 0;
  const arrays = new Set([hit.r.loss, hit.r.grad, hit.r.terms].filter(Boolean).map((t) => t.data));
  return [...arrays].reduce((n, a) => n + a.byteLength, 0);
}

// A box's data: text, or UTF-8 bytes ({bytes, id}) kept out of any text box.
const isBytes = (source) => source && typeof source === 'object' && source.bytes instanceof Uint8Array;
const isEmpty = (source) => !source || (isBytes(source) ? source.bytes.length === 0 : String(source).trim() === '');

// A box: {reading, error, commas}; reading and error null when it is empty.
// commas: {style, applied} when its commas may be decimal commas or
// thousands separators (input/commas.js); applied when state.commas asks
// for that reading.
// needs: {more} set when the box needs the lazily loaded readers.
function readBox(lp, source, cache, name, asked, needs) {
  const more = readersMore();
  const text = isBytes(source) || isEmpty(source) ? null : String(source);
  if (!more && text !== null && text.includes(',')) needs.more = true; // its commas may be decimal commas
  const style = more && text !== null ? more.commaStyle(text) : null;
  const applied = Boolean(style && asked === style);
  // (read again once the lazy readers come: the commas may then say more)
  const key = isBytes(source) ? `#${source.id}` : `${more ? 'm' : ''}${applied ? style : ''}|${String(source)}`;
  const last = cache && cache.boxes[name];
  if (last && last.key === key) return last.value;
  let value;
  if (isEmpty(source)) value = { reading: null, error: null, commas: null };
  else {
    const commas = style ? { style, applied } : null;
    try {
      value = { reading: isBytes(source) ? readBytes(lp, source.bytes) : readData(lp, applied ? more.withCommas(text, style) : text), error: null, commas };
    } catch (e) {
      if (e instanceof NeedsMore) {
        needs.more = true;
        return { reading: null, error: null, commas: null }; // read again once they are loaded
      }
      value = { reading: null, error: e, commas };
    }
  }
  if (cache) cache.boxes[name] = { key, value };
  return value;
}

// The loss's options as numbers; null (with an error) when a box is not one.
function optionsFor(loss, state, errors) {
  const options = {};
  const given = state.options[loss.name] || {};
  for (const opt of loss.options) {
    const v = given[opt.name];
    if (opt.type === 'boolean') {
      options[opt.name] = v === undefined ? opt.default : Boolean(v);
      continue;
    }
    const text = v === undefined ? String(opt.default) : String(v).trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) {
      errors.push({ message: { key: 'error.optionNumber', params: { loss: loss.shortName, label: opt.label, range: { range: opt } } } });
      return null;
    }
    options[opt.name] = value;
  }
  return options;
}

// The loss's arguments: ŷ and y from the main boxes, the others from its
// extra boxes. null (with an error) when a required one is missing.
function argsFor(loss, lp, state, prediction, target, errors, extras, cache) {
  const args = {};
  for (const arg of loss.args) {
    if (arg.role === 'prediction') args[arg.name] = prediction;
    else if (arg.role === 'target') args[arg.name] = target;
    else {
      const id = `${loss.name}:${arg.name}`;
      const text = state.extra[id] || '';
      if (text.trim() === '') {
        extras[id] = { empty: true };
        if (arg.required) {
          errors.push({ message: { key: 'error.missingArg', params: { loss: loss.shortName, arg: arg.name, help: { pick: arg, field: 'help' }, box: `${loss.shortName}: ${arg.name}` } } });
          return null;
        }
        continue;
      }
      try {
        let parsed = cache && cache.extras.get(id);
        if (!parsed || parsed.text !== text) {
          parsed = { text, tensor: lp.parse(text) };
          if (cache) cache.extras.set(id, parsed);
        }
        args[arg.name] = parsed.tensor;
        extras[id] = { shape: args[arg.name].shape };
      } catch (e) {
        extras[id] = { invalid: true };
        errors.push({ label: `${loss.shortName} ${arg.name}`, error: e, field: `arg-${loss.name}-${arg.name}` });
        return null;
      }
    }
  }
  return args;
}

// The outlier experiment's data: ŷ and y with the extra sample appended,
// made once per (ŷ, y, residual) so the results of a slider position
// cache too; null when the experiment is off or its box holds no number;
// {error} when the data cannot take one more sample (not two lists).
function outlierData(state, prediction, target, cache) {
  if (!state.outlier.on || !prediction || !target) return null;
  const text = String(state.outlier.residual).trim();
  const residual = Number(text);
  if (text === '' || !Number.isFinite(residual)) return null;
  let ext = cache && cache.outlier;
  if (!ext || ext.prediction !== prediction || ext.target !== target || ext.residual !== residual) {
    ext = { prediction, target, residual, extended: withOutlier(prediction, target, residual) };
    if (cache) cache.outlier = ext;
  }
  if (!ext.extended) return { error: { key: 'outlier.unsupported' } };
  return Object.assign({ index: prediction.data.length }, ext.extended);
}

// A loss's arguments with ŷ and y swapped for the outlier's data; null
// when one of its other arguments is given (a weight or a second input
// has the data's length, so it cannot take the extra sample).
function withOutlierArgs(loss, args, ext) {
  const moved = Object.assign({}, args);
  for (const arg of loss.args) {
    if (arg.role === 'prediction') moved[arg.name] = ext.prediction;
    else if (arg.role === 'target') moved[arg.name] = ext.target;
    else if (args[arg.name] !== undefined) return null;
  }
  return moved;
}

/**
 * The work of compute() as a generator: yields {stage: 'read', box} before
 * reading a box and {stage: 'loss', loss, index, count} before each loss,
 * and returns what compute() returns. options: {sources: {predictions,
 * targets} (text or {bytes, id}; default state.texts), cache, findHints
 * (compute/hints.js's; without it, hints is null)}.
 */
export function* computeSteps(state, lp, options = {}) {
  const cache = options.cache || null;
  const sources = options.sources || state.texts;
  const used = new Set();
  const live = new Set(); // the tensors this run handed to the core
  const core = cache ? cachedLp(lp, cache, used, live) : lp;
  const errors = [];
  const boxes = {};
  const needs = { more: false };
  for (const name of ['predictions', 'targets']) {
    if (isBytes(sources[name])) yield { stage: 'read', box: name };
    boxes[name] = readBox(lp, sources[name], cache, name, state.commas && state.commas[name], needs);
  }
  for (const [name, label] of [['predictions', 'field.predictions'], ['targets', 'field.targets']]) {
    if (boxes[name].error) errors.push({ label: { key: label }, error: boxes[name].error, field: name });
  }
  const chosen = lp.losses.filter((l) => state.losses.includes(l.name));
  const { prediction, target, table, tableOffer, classSample, needsMore } = pairBoxes(state, boxes, (name) => isEmpty(sources[name]), chosen);
  if (needsMore) needs.more = true;
  let pairError = null; // ŷ and y do not fit: said once, at the boxes
  // With the outlier on, the extra sample is part of the data: every
  // result, chart and export uses it; the value without it stays for the table.
  const ext = outlierData(state, prediction, target, cache);
  const extended = ext && !ext.error ? ext : null;
  // A loss keeps its colour whatever else is selected: by its place in the registry.
  const colors = new Map(chosen.map((l) => [l.name, COLORS[lp.losses.indexOf(l) % COLORS.length]]));
  const wanted = state.reduction;
  const results = [];
  const optionsByLoss = {};
  const extras = {};
  if (prediction && target) {
    for (let index = 0; index < chosen.length; index++) {
      const loss = chosen[index];
      const options = optionsFor(loss, state, errors);
      if (!options) continue;
      optionsByLoss[loss.name] = options;
      const reduction = loss.reductions.includes(wanted) ? wanted : loss.defaultReduction;
      const args = argsFor(loss, lp, state, prediction, target, errors, extras, cache);
      if (!args) continue;
      yield { stage: 'loss', loss: loss.name, index, count: chosen.length };
      try {
        // One call: the value, the per-sample terms and the gradient.
        const o = Object.assign({ reduction }, options);
        const moved = extended && withOutlierArgs(loss, args, extended);
        let outlier = ext && ext.error ? { error: ext.error } : null;
        let r;
        if (moved) {
          r = core.compute(loss.name, moved, o);
          // The same loss without the extra sample (cached: a drag computes it once).
          let without;
          try {
            without = core.compute(loss.name, args, o).value;
          } catch (e) {
            without = undefined;
          }
          outlier = { without };
        } else {
          r = core.compute(loss.name, args, o);
          if (extended) outlier = { error: { key: 'outlier.unsupported' } };
        }
        results.push({
          loss, reduction, options, args: moved || args, result: r, perSample: r.terms.data,
          outlier, outlierIndex: moved ? extended.index : null,
        });
      } catch (e) {
        const more = readersMore();
        if (!more) needs.more = true;
        const pairing = more && more.pairMessage(e, prediction, target);
        results.push({ loss, reduction, options, error: e.message, failure: e, pairError: Boolean(pairing) });
        if (!pairing) errors.push({ label: loss.shortName, error: e });
        else if (!pairError) pairError = pairing;
      }
    }
  }
  if (pairError) {
    // For the alert while the boxes are hidden (an embed's results alone).
    const label = results.filter((r) => r.pairError).map((r) => r.loss.shortName).join(', ');
    errors.push({ label, error: pairError, field: 'pair' });
  }
  // Hints read the reader's own data: the extra sample is the page's, not theirs.
  // (null: not looked for; the finder comes with a later chunk, see hint-watch.js)
  // The same data, losses and options find the same hints: a drag of the
  // outlier's slider does not look again.
  const hintKey = [options.findHints, prediction, target, state.losses, state.options];
  const same = cache && cache.hints && cache.hints.key.every((v, i) => v === hintKey[i]);
  const hints = same ? cache.hints.value
    : options.findHints ? options.findHints({ lp: core, chosen, options: optionsByLoss, prediction, target }) : null;
  if (cache && !same) cache.hints = { key: hintKey, value: hints };
  if (cache) {
    // Keep what this run used: results for other data would only hold memory.
    // Results of this data that this run did not use (a loss toggled off, a
    // slider's earlier position) are kept, most recent first, up to
    // SPARE_BYTES of arrays: toggling back is then free, while a slider
    // dragged through a hundred positions at 1e6 rows holds no gigabytes.
    let spare = 0;
    const id = idOf(cache, prediction);
    const ofThisData = (key) => key.includes(`=${id},`) || key.includes(`=${id}|`); // not "=12" for id 1
    for (const [key, hit] of [...cache.calls].reverse()) {
      if (used.has(key)) continue;
      spare += ofThisData(key) ? resultBytes(hit) : Infinity;
      if (spare > SPARE_BYTES) cache.calls.delete(key);
    }
    for (const [tensor, h] of cache.handles) {
      if (live.has(tensor) || tensor === prediction || tensor === target) continue;
      h.free();
      cache.handles.delete(tensor);
    }
  }
  return {
    needsMore: needs.more, boxes, table, tableOffer, classSample, pairError,
    prediction: extended ? extended.prediction : prediction, target: extended ? extended.target : target,
    outlierIndex: extended ? extended.index : null, chosen, colors, results, errors, extras, hints,
  };
}

/**
 * What the views show for `state`: {boxes: {predictions, targets}, table,
 * classSample, pairError ({key, params}: ŷ and y do not fit), needsMore (the
 * lazily loaded readers are needed: load them and compute again),
 * prediction, target (with the outlier's sample when it is on),
 * outlierIndex (that sample's index in them and in each result's per-sample
 * arrays, or null), chosen, colors, results, errors, extras, hints}.
 * options as computeSteps takes them.
 */
export function compute(state, lp, options) {
  const steps = computeSteps(state, lp, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
