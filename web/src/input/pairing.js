/* Which tensors are ŷ and y (no DOM): the two boxes as read, or one
 * cross-entropy sample typed the natural way (ŷ `0.7 0.2 0.1`, y `0`) read
 * as shape [1, 3]; a table in either box is split by the lazily loaded
 * readers (input/table-pairing.js), asked for here when one is there. */
import { extrasFor } from '../losses/index.js';
import { readersMore } from './extensions.js';

const hasColumns = (box) => Boolean(box.reading && box.reading.columns && box.reading.columns.length >= 2);

// One reshaped pair per reading, so the results cache (by tensor identity) still hits.
const samples = new WeakMap();

/**
 * ŷ as one sample of class scores: when a chosen loss takes class indices,
 * ŷ holds a plain list of at least two numbers and y holds one number.
 * Returns {prediction, target, classes} or null.
 */
function oneClassSample(chosen, p, y) {
  if (!p || !y || !chosen.some((l) => extrasFor(l.name).classIndexTarget)) return null;
  const ps = p.tensor.shape;
  const ys = y.tensor.shape;
  if (ps.length !== 1 || ps[0] < 2 || ys.length > 1 || y.tensor.data.length !== 1) return null;
  let memo = samples.get(p.tensor);
  if (!memo || memo.y !== y.tensor) {
    memo = {
      y: y.tensor,
      prediction: { data: p.tensor.data, shape: [1, ps[0]] },
      target: { data: y.tensor.data, shape: [1] },
      classes: ps[0],
    };
    samples.set(p.tensor, memo);
  }
  return memo;
}

/**
 * {prediction, target, table, tableOffer, classSample, needsMore}. table:
 * {names, columns, from, setAside} when a table gave both (from: its box;
 * setAside: the other box held something that is not used); tableOffer:
 * the box holding a table that state.split 'off' keeps whole; classSample:
 * {classes} when ŷ was read as one sample of class scores; needsMore when
 * a table is there and the lazily loaded readers are not.
 */
export function pairBoxes(state, boxes, isEmpty, chosen) {
  let tableOffer = null;
  let needsMore = false;
  if (hasColumns(boxes.predictions) || hasColumns(boxes.targets)) {
    const more = readersMore();
    const split = more ? more.pairTable(state, boxes, isEmpty) : null;
    needsMore = !more;
    if (split && !split.offerOnly) return Object.assign(split, { classSample: null, needsMore });
    if (split) tableOffer = split.tableOffer;
  }
  const p = boxes.predictions.reading;
  const y = boxes.targets.reading;
  const sample = oneClassSample(chosen, p, y);
  if (sample) return { prediction: sample.prediction, target: sample.target, table: null, tableOffer, classSample: { classes: sample.classes }, needsMore };
  return { prediction: p && p.tensor, target: y && y.tensor, table: null, tableOffer, classSample: null, needsMore };
}
