/* Learner hints (no DOM): the traps of the study note, spotted in the data
 * the user pasted, each with the number they probably meant. Which losses
 * a trap watches comes from their hintFamily (losses/*.js). */
import { formatValue } from '../format.js';
import { lossesInFamily } from '../losses/index.js';

const HINGE_LOSSES = lossesInFamily('hinge');
const BINARY_LOSSES = lossesInFamily('binary');

function tryValue(lp, name, args, options) {
  try {
    return lp.compute(name, args, Object.assign({ reduction: 'mean' }, options)).value;
  } catch (e) {
    return undefined;
  }
}

const shown = (v) => (v === undefined ? '—' : Number.isFinite(v) ? formatValue(v) : String(v));
const every = (data, f) => Array.prototype.every.call(data, f);
const count = (data, f) => Array.prototype.reduce.call(data, (n, v) => n + (f(v) ? 1 : 0), 0);

// Rows (the last dimension) that are probability distributions.
function rowsSumToOne(t) {
  if (t.shape.length === 0 || t.data.length === 0) return false;
  const c = t.shape[t.shape.length - 1];
  if (c < 2 || !every(t.data, (v) => v >= 0 && v <= 1)) return false;
  for (let i = 0; i < t.data.length; i += c) {
    let s = 0;
    for (let k = 0; k < c; k++) s += t.data[i + k];
    if (Math.abs(s - 1) > 1e-6) return false;
  }
  return true;
}

function isOneHot(t) {
  if (t.shape.length < 1 || t.data.length === 0) return false;
  const c = t.shape[t.shape.length - 1];
  if (c < 2) return false;
  for (let i = 0; i < t.data.length; i += c) {
    let ones = 0;
    for (let k = 0; k < c; k++) {
      const v = t.data[i + k];
      if (v === 1) ones++;
      else if (v !== 0) return false;
    }
    if (ones !== 1) return false;
  }
  return true;
}

const isBinary = (t) => t.data.length > 0 && every(t.data, (v) => v === 0 || v === 1);
const isSign = (t) => t.data.length > 0 && every(t.data, (v) => v === 1 || v === -1);

/**
 * The hints that apply. model: {lp, chosen: [registry entries], options:
 * {lossName: {...}}, prediction, target} (tensors {data, shape}).
 * Returns [{id, key, params, action?: {key, kind}}]: translated by the view.
 */
export function findHints(model) {
  const { lp, chosen, prediction: p, target: y } = model;
  const names = new Set(chosen.map((l) => l.name));
  const optionsOf = (name) => (model.options && model.options[name]) || {};
  const hints = [];
  if (!p || !y) return hints;

  if (names.has('cross_entropy') && rowsSumToOne(p)) {
    const logs = { data: Float64Array.from(p.data, Math.log), shape: p.shape };
    const args = { input: p, target: y };
    hints.push({
      id: 'ce_probabilities',
      key: 'hint.ce_probabilities',
      params: {
        loss: shown(tryValue(lp, 'cross_entropy', args, optionsOf('cross_entropy'))),
        fixed: shown(tryValue(lp, 'cross_entropy', { input: logs, target: y }, optionsOf('cross_entropy'))),
      },
    });
  }

  for (const name of HINGE_LOSSES) {
    if (!names.has(name) || !isBinary(y) || !y.data.includes(0)) continue;
    const mapped = { data: Float64Array.from(y.data, (v) => (v === 0 ? -1 : v)), shape: y.shape };
    const spec = lp.loss(name);
    hints.push({
      id: `hinge_01:${name}`,
      key: 'hint.hinge_01',
      params: { loss: spec.shortName, fixed: shown(tryValue(lp, name, { input: p, target: mapped }, optionsOf(name))) },
      action: { key: 'hint.hinge_01.action', kind: 'map-zero-labels' },
    });
  }

  if (names.has('msle')) {
    const bad = count(p.data, (v) => !(v > -1)) + count(y.data, (v) => !(v > -1));
    if (bad) hints.push({ id: 'msle_domain', key: 'hint.msle_domain', params: { count: bad } });
  }

  if (names.has('binary_cross_entropy')) {
    const bad = count(p.data, (v) => !(v >= 0 && v <= 1));
    if (bad) {
      const fixed = tryValue(lp, 'binary_cross_entropy_with_logits', { input: p, target: y }, {});
      hints.push({ id: 'bce_range', key: 'hint.bce_range', params: { count: bad, fixed: shown(fixed) } });
    }
  }

  // Labels in ŷ and something else in y: the boxes are probably swapped.
  const binaryChosen = BINARY_LOSSES.some((n) => names.has(n));
  const hingeChosen = HINGE_LOSSES.some((n) => names.has(n));
  const swapped =
    (binaryChosen && isBinary(p) && !isBinary(y) && every(y.data, (v) => v >= 0 && v <= 1)) ||
    (names.has('cross_entropy') && isOneHot(p) && !isOneHot(y) && p.shape.join() === y.shape.join()) ||
    (hingeChosen && isSign(p) && !isSign(y) && !isBinary(y));
  if (swapped) {
    hints.push({ id: 'swapped', key: 'hint.swapped', action: { key: 'hint.swapped.action', kind: 'swap' } });
  }

  if (names.has('hinge_embedding_loss')) {
    const fixed = tryValue(lp, 'hinge', { input: p, target: y }, {});
    hints.push({ id: 'hinge_embedding', key: 'hint.hinge_embedding', params: { fixed: shown(fixed) } });
  }
  return hints;
}

