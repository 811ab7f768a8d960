/* compute(state, lp): the PURE step from the view's state to what the views
 * show. No DOM and no globals, so it could run in a worker. Reads the data
 * boxes (input/read.js), picks the table's columns, runs every selected
 * loss (and its per-sample values, and the outlier experiment), and finds
 * the learner hints. Errors come back as data ({label, error} or {message}
 * with keys and params): the views translate them. */
import { readData } from '../input/read.js';
import { withOutlier } from './outlier.js';
import { findHints } from './hints.js';

export const COLORS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#9333ea', '#ea580c', '#0d9488'];

// A box: {reading, error}; both null when it is empty.
function readBox(lp, text) {
  if (String(text).trim() === '') return { reading: null, error: null };
  try {
    return { reading: readData(lp, text), error: null };
  } catch (e) {
    return { reading: null, error: e };
  }
}

// ŷ and y: from the two boxes, or from two chosen columns of a table pasted
// into the ŷ box while the y box is empty.
function pair(state, boxes) {
  const p = boxes.predictions.reading;
  const y = boxes.targets.reading;
  const isTable = p && !y && state.texts.targets.trim() === '' && p.columns && p.columns.length >= 2;
  if (!isTable) return { prediction: p && p.tensor, target: y && y.tensor, table: null };
  const count = p.columns.length;
  const names = p.columns.map((c, i) => (p.header && p.header[i]) || c.name || null);
  const fits = (i) => Number.isInteger(i) && i >= 0 && i < count;
  const chosen = state.columns && fits(state.columns.prediction) && fits(state.columns.target)
    ? state.columns : { prediction: 0, target: Math.min(1, count - 1) };
  const column = (i) => ({ data: p.columns[i].values, shape: [p.columns[i].values.length] });
  return { prediction: column(chosen.prediction), target: column(chosen.target), table: { names, columns: chosen } };
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
function argsFor(loss, lp, state, prediction, target, errors, extras) {
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
        args[arg.name] = lp.parse(text);
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

// The loss with the outlier sample added, or null when the experiment is
// off; {error} when this loss cannot take the extra sample.
function outlierValue(state, lp, loss, args, options, reduction, prediction, target) {
  if (!state.outlier.on) return null;
  const text = String(state.outlier.residual).trim();
  const residual = Number(text);
  if (text === '' || !Number.isFinite(residual)) return null;
  const extended = withOutlier(prediction, target, residual);
  if (!extended) return { error: { key: 'outlier.unsupported' } };
  const moved = Object.assign({}, args);
  for (const arg of loss.args) {
    if (arg.role === 'prediction') moved[arg.name] = extended.prediction;
    else if (arg.role === 'target') moved[arg.name] = extended.target;
  }
  try {
    const r = lp.compute(loss.name, moved, Object.assign({ reduction }, options));
    return r.value === undefined ? { error: { key: 'outlier.unsupported' } } : { value: r.value };
  } catch (e) {
    return { error: e };
  }
}

/**
 * What the views show for `state`: {boxes: {predictions, targets}, table,
 * prediction, target, chosen, colors, results, errors, extras, hints}.
 */
export function compute(state, lp) {
  const errors = [];
  const boxes = { predictions: readBox(lp, state.texts.predictions), targets: readBox(lp, state.texts.targets) };
  for (const [name, label] of [['predictions', 'field.predictions'], ['targets', 'field.targets']]) {
    if (boxes[name].error) errors.push({ label: { key: label }, error: boxes[name].error, field: name });
  }
  const { prediction, target, table } = pair(state, boxes);
  const chosen = lp.losses.filter((l) => state.losses.includes(l.name));
  const colors = new Map(chosen.map((l, i) => [l.name, COLORS[i % COLORS.length]]));
  const wanted = state.reduction;
  const results = [];
  const optionsByLoss = {};
  const extras = {};
  if (prediction && target) {
    for (const loss of chosen) {
      const options = optionsFor(loss, state, errors);
      if (!options) continue;
      optionsByLoss[loss.name] = options;
      const reduction = loss.reductions.includes(wanted) ? wanted : loss.defaultReduction;
      const args = argsFor(loss, lp, state, prediction, target, errors, extras);
      if (!args) continue;
      try {
        const r = lp.compute(loss.name, args, Object.assign({ reduction }, options));
        let perSample = null;
        if (reduction === 'none') perSample = r.loss.data;
        else if (loss.reductions.includes('none')) {
          perSample = lp.compute(loss.name, args, Object.assign({}, options, { reduction: 'none' })).loss.data;
        }
        results.push({ loss, reduction, options, args, result: r, perSample, outlier: outlierValue(state, lp, loss, args, options, reduction, prediction, target) });
      } catch (e) {
        results.push({ loss, reduction, options, error: e.message, failure: e });
        errors.push({ label: loss.shortName, error: e });
      }
    }
  }
  const hints = findHints({ lp, chosen, options: optionsByLoss, prediction, target });
  return { boxes, table, prediction, target, chosen, colors, results, errors, extras, hints };
}
