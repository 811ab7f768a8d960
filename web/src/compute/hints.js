/* Learner hints (no DOM): the traps of the study note, spotted in the data
 * the user pasted, each with the number they probably meant and, where one
 * click can mend it, the fix as data (a state patch the page applies: see
 * hintAction in app/start.js). Each hint belongs to a family of traps; the
 * view shows one hint per family at a time. Which losses a trap watches
 * comes from their hintFamily (losses/*.js). */
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

// Fixes rewrite the boxes only for data small enough to hold as text.
const FIX_LIMIT = 10000;
// Numbers as text a box reads back exactly; a matrix one row per line.
function asText(t, f = (v) => v) {
  const width = t.shape.length >= 2 ? t.shape[t.shape.length - 1] : t.data.length || 1;
  const lines = [];
  for (let i = 0; i < t.data.length; i += width) lines.push(Array.from(t.data.slice(i, i + width), (v) => String(f(v))).join(' '));
  return lines.join('\n');
}

// log_softmax over the last dimension.
function logSoftmax(t) {
  const c = t.shape.length ? t.shape[t.shape.length - 1] : 1;
  const out = new Float64Array(t.data.length);
  for (let i = 0; i < t.data.length; i += c) {
    let m = -Infinity;
    for (let k = 0; k < c; k++) m = Math.max(m, t.data[i + k]);
    let s = 0;
    for (let k = 0; k < c; k++) s += Math.exp(t.data[i + k] - m);
    const l = m + Math.log(s);
    for (let k = 0; k < c; k++) out[i + k] = t.data[i + k] - l;
  }
  return { data: out, shape: t.shape };
}

// The largest distance from 1 of Σ exp(row) (log-probabilities sum to 1).
function worstRowSum(t) {
  const c = t.shape.length ? t.shape[t.shape.length - 1] : 1;
  let worst = 1;
  for (let i = 0; i < t.data.length; i += c) {
    let s = 0;
    for (let k = 0; k < c; k++) s += Math.exp(t.data[i + k]);
    if (Math.abs(s - 1) > Math.abs(worst - 1)) worst = s;
  }
  return worst;
}

import { familyOf } from './hint-watch.js';

export { familyOf };

/**
 * The hints that apply. model: {lp, chosen: [registry entries], options:
 * {lossName: {...}}, prediction, target} (tensors {data, shape}).
 * Returns [{id, key, params, actions?: [{key, kind, patch}]}], translated
 * by the view; a fix is {kind: 'loss', from, to} (switch a loss) or
 * {kind: 'texts', predictions?, targets?, loss?: {from, to}} (new box
 * texts, and a loss switched with them).
 */
export function findHints(model) {
  const { lp, chosen, prediction: p, target: y } = model;
  const names = new Set(chosen.map((l) => l.name));
  const optionsOf = (name) => (model.options && model.options[name]) || {};
  const hints = [];
  if (!p || !y) return hints;
  const small = p.data.length <= FIX_LIMIT && y.data.length <= FIX_LIMIT;
  const switchTo = (key, from, to) => ({ key, fix: { kind: 'loss', from, to } });

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
      actions: small ? [{ key: 'hint.ce_probabilities.action', fix: { kind: 'texts', predictions: asText(logs) } }] : [],
    });
    // Class indices in y: NLL on log ŷ is the textbook loss, as PyTorch writes it.
    const indices = y.shape.length === 1 && p.shape.length === 2 && y.shape[0] === p.shape[0] && every(y.data, (v) => Number.isInteger(v) && v >= 0 && v < p.shape[1]);
    if (small && indices && !names.has('nll_loss')) {
      hints[hints.length - 1].actions.push({ key: 'hint.ce_probabilities.nll', fix: { kind: 'texts', predictions: asText(logs), loss: { from: 'cross_entropy', to: 'nll_loss' } } });
    }
  }

  if (names.has('binary_cross_entropy')) {
    const bad = count(p.data, (v) => !(v >= 0 && v <= 1));
    if (bad) {
      const fixed = tryValue(lp, 'binary_cross_entropy_with_logits', { input: p, target: y }, {});
      hints.push({
        id: 'bce_range', key: 'hint.bce_range', params: { count: bad, fixed: shown(fixed) },
        actions: [switchTo('hint.bce_range.action', 'binary_cross_entropy', 'binary_cross_entropy_with_logits')],
      });
    } else if (isBinary(p) && isBinary(y)) {
      // log(0) is clamped to −100 in PyTorch: each confident miss costs exactly 100.
      const misses = count(Array.from(p.data, (v, i) => v !== y.data[i]), Boolean);
      if (misses) {
        hints.push({
          id: 'bce_hard', key: 'hint.bce_hard',
          params: { value: shown(tryValue(lp, 'binary_cross_entropy', { input: p, target: y }, {})), count: misses },
        });
      }
    }
  }

  if (names.has('binary_cross_entropy_with_logits')) {
    const bad = count(y.data, (v) => !(v >= 0 && v <= 1));
    if (bad) {
      hints.push({
        id: 'bce_logits_targets', key: 'hint.bce_logits_targets',
        params: { value: shown(tryValue(lp, 'binary_cross_entropy_with_logits', { input: p, target: y }, {})), count: bad, mse: shown(tryValue(lp, 'mse_loss', { input: p, target: y }, {})) },
        actions: [switchTo('hint.bce_logits_targets.action', 'binary_cross_entropy_with_logits', 'mse_loss')],
      });
    }
  }

  if (names.has('kl_div') && !optionsOf('kl_div').log_target && p.shape.join() === y.shape.join() && p.data.length) {
    const sum = worstRowSum(p);
    if (Math.abs(sum - 1) > 1e-6) {
      const fixed = logSoftmax(p);
      hints.push({
        id: 'kl_unnormalised', key: 'hint.kl_unnormalised',
        params: { value: shown(tryValue(lp, 'kl_div', { input: p, target: y }, optionsOf('kl_div'))), sum: shown(sum), fixed: shown(tryValue(lp, 'kl_div', { input: fixed, target: y }, optionsOf('kl_div'))) },
        actions: small ? [{ key: 'hint.kl_unnormalised.action', fix: { kind: 'texts', predictions: asText(fixed) } }] : [],
      });
    }
  }

  if (names.has('mape') && p.shape.length === 1 && y.shape.length === 1 && p.data.length === y.data.length) {
    const zeros = count(y.data, (v) => v === 0);
    if (zeros && zeros < y.data.length) {
      const keep = Array.from(y.data, (v) => v !== 0);
      const pick = (t) => ({ data: Float64Array.from(t.data).filter((v, i) => keep[i]), shape: [y.data.length - zeros] });
      const kept = { input: pick(p), target: pick(y) };
      hints.push({
        id: 'mape_zero', key: 'hint.mape_zero',
        params: { count: zeros, value: shown(tryValue(lp, 'mape', { input: p, target: y }, {})), fixed: shown(tryValue(lp, 'mape', kept, {})) },
        actions: small ? [
          { key: 'hint.mape_zero.action', fix: { kind: 'texts', predictions: asText(kept.input), targets: asText(kept.target) } },
          switchTo('hint.mape_zero.mae', 'mape', 'l1_loss'),
        ] : [switchTo('hint.mape_zero.mae', 'mape', 'l1_loss')],
      });
    }
  }

  for (const name of HINGE_LOSSES) {
    if (!names.has(name) || !isBinary(y) || !y.data.includes(0)) continue;
    const mapped = { data: Float64Array.from(y.data, (v) => (v === 0 ? -1 : v)), shape: y.shape };
    const spec = lp.loss(name);
    hints.push({
      id: `hinge_01:${name}`,
      key: 'hint.hinge_01',
      params: { loss: spec.shortName, fixed: shown(tryValue(lp, name, { input: p, target: mapped }, optionsOf(name))) },
      actions: [{ key: 'hint.hinge_01.action', fix: { kind: 'zero-labels' } }],
    });
  }

  if (names.has('msle')) {
    const bad = count(p.data, (v) => !(v > -1)) + count(y.data, (v) => !(v > -1));
    if (bad) hints.push({ id: 'msle_domain', key: 'hint.msle_domain', params: { count: bad } });
  }

  // Labels in ŷ and something else in y: the boxes are probably swapped.
  const binaryChosen = BINARY_LOSSES.some((n) => names.has(n));
  const hingeChosen = HINGE_LOSSES.some((n) => names.has(n));
  const swapped =
    (binaryChosen && isBinary(p) && !isBinary(y) && every(y.data, (v) => v >= 0 && v <= 1)) ||
    (names.has('cross_entropy') && isOneHot(p) && !isOneHot(y) && p.shape.join() === y.shape.join()) ||
    (hingeChosen && isSign(p) && !isSign(y) && !isBinary(y));
  if (swapped) {
    // Swapped boxes come first in their family: the other hints read the boxes the wrong way round.
    const at = hints.findIndex((h) => familyOf(h.id) === 'inputs' || familyOf(h.id) === 'targets');
    const hint = { id: 'swapped', key: 'hint.swapped', actions: [{ key: 'hint.swapped.action', fix: { kind: 'swap' } }] };
    hints.splice(at < 0 ? hints.length : at, 0, hint);
  }

  if (names.has('hinge_embedding_loss')) {
    const fixed = tryValue(lp, 'hinge', { input: p, target: y }, {});
    hints.push({
      id: 'hinge_embedding', key: 'hint.hinge_embedding', params: { fixed: shown(fixed) },
      actions: names.has('hinge') ? [] : [switchTo('hint.hinge_embedding.action', 'hinge_embedding_loss', 'hinge')],
    });
  }
  return hints;
}
