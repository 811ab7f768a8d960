/* The losses the fit view offers, and the labels each classifier is given.
 *
 *   FIT_KINDS[loss]          'regression' | 'classification'
 *   mapLabels(loss, y)       -> { mapping, y }: y as the loss expects it
 *   mappingNote(fit, tr)     -> the sentence the view shows for a mapping, or null
 *
 * Labels a classifier accepts (fit.hpp's label section):
 *   BCE with logits, focal:  y in [0, 1] as given (0/1 or soft labels): mapping 'none';
 *                            y in {−1, +1} with some −1: −1 read as 0 ('to_unit').
 *   hinge, squared hinge:    y in {−1, +1} as given: 'none';
 *                            y in {0, 1} with some 0: 0 read as −1 ('to_signed').
 * Nothing else is guessed: two other values (1 and 2, "yes"/"no") would need
 * the page to pick which is the positive class, so they are refused with an
 * error that names the first offending value and where it is. Regression
 * losses take y as it is ('none'); their domains (MSLE's y > −1) are the
 * core's to check. */
import { apiError } from '../core/lossplay-error.js';

export const FIT_KINDS = Object.freeze({
  mse_loss: 'regression',
  l1_loss: 'regression',
  huber_loss: 'regression',
  smooth_l1_loss: 'regression',
  log_cosh: 'regression',
  quantile: 'regression',
  mape: 'regression',
  msle: 'regression',
  binary_cross_entropy_with_logits: 'classification',
  sigmoid_focal_loss: 'classification',
  hinge: 'classification',
  squared_hinge: 'classification',
});

// Which labels each classifier takes: 'unit' ({0, 1} or [0, 1]) or 'signed' ({−1, +1}).
const LABELS = Object.freeze({
  binary_cross_entropy_with_logits: 'unit',
  sigmoid_focal_loss: 'unit',
  hinge: 'signed',
  squared_hinge: 'signed',
});

/** 'unit' | 'signed' for a classifier, null for a regression loss. */
export function labelSet(loss) {
  return LABELS[loss] || null;
}

// A refusal: y[i] is the first value that fits neither convention. params
// {arg, index ("[3]", as the core writes it), element (3), value, loss}.
function refuse(loss, set, y, i) {
  const code = set === 'unit' ? 'fit_labels_for_logits' : 'fit_labels_for_margin';
  const params = { arg: 'y', index: `[${i}]`, element: i, value: y[i], loss };
  const takes = set === 'unit' ? '0 and 1 (or soft labels in [0, 1]), or -1 and +1' : '-1 and +1, or 0 and 1';
  return apiError(code, params, `y[${i}] is ${y[i]}: ${loss} takes labels ${takes}`);
}

// Both conventions at once (0 and −1 in one y): y[i] and y[j] disagree.
function mixed(loss, y, i, j) {
  const params = { arg: 'y', index: `[${j}]`, element: j, value: y[j], other: y[i], otherIndex: `[${i}]`, loss };
  return apiError('fit_labels_mixed', params, `y[${i}] is ${y[i]} but y[${j}] is ${y[j]}: labels are either 0 and 1 or -1 and +1, not both`);
}

const indexOf = (y, ok) => {
  for (let i = 0; i < y.length; i++) if (ok(y[i])) return i;
  return -1;
};

/**
 * y as `loss` expects it: { mapping: 'none' | 'to_signed' | 'to_unit', y: Float64Array }.
 * Throws a LossPlayError when it cannot: code fit_labels_for_logits or fit_labels_for_margin
 * (params {arg, index, element, value, loss}: y[element] fits neither convention) or
 * fit_labels_mixed (0 and −1 both present: params add other, otherIndex). The returned y
 * is a new array when mapped, the given one (as a Float64Array) otherwise.
 */
export function mapLabels(loss, y) {
  if (!Object.prototype.hasOwnProperty.call(FIT_KINDS, loss)) {
    throw apiError('fit_loss_not_offered', { loss }, `${loss} is not one of the fit view's losses`);
  }
  const given = y instanceof Float64Array ? y : Float64Array.from(y);
  const set = LABELS[loss];
  if (!set) return { mapping: 'none', y: given };
  if (set === 'unit') {
    const bad = indexOf(given, (v) => !((v >= 0 && v <= 1) || v === -1));
    if (bad >= 0) throw refuse(loss, set, given, bad);
    const minus = indexOf(given, (v) => v === -1);
    if (minus < 0) return { mapping: 'none', y: given };
    const notSigned = indexOf(given, (v) => v !== -1 && v !== 1);
    if (notSigned >= 0) throw mixed(loss, given, Math.min(minus, notSigned), Math.max(minus, notSigned));
    return { mapping: 'to_unit', y: given.map((v) => (v === -1 ? 0 : 1)) };
  }
  const bad = indexOf(given, (v) => v !== -1 && v !== 0 && v !== 1);
  if (bad >= 0) throw refuse(loss, set, given, bad);
  const zero = indexOf(given, (v) => v === 0);
  if (zero < 0) return { mapping: 'none', y: given };
  const minus = indexOf(given, (v) => v === -1);
  if (minus >= 0) throw mixed(loss, given, Math.min(minus, zero), Math.max(minus, zero));
  return { mapping: 'to_signed', y: given.map((v) => (v === 0 ? -1 : 1)) };
}

/**
 * What the view says under a classifier's results when its labels were mapped
 * ("hinge takes labels −1 and +1: 0 was read as −1."), or null for 'none'.
 * fit: a FitOne ({loss, label, labels: {mapping}}).
 */
export function mappingNote(fit, tr) {
  const mapping = fit && fit.labels && fit.labels.mapping;
  if (mapping === 'to_signed') return tr.t('fit.labels.toSigned', { loss: fit.label || fit.loss });
  if (mapping === 'to_unit') return tr.t('fit.labels.toUnit', { loss: fit.label || fit.loss });
  return null;
}
