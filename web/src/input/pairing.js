/* Which tensors are ŷ and y (no DOM): the two boxes as read, or the two
 * chosen columns of a table held by either box, or one cross-entropy sample
 * typed the natural way (ŷ `0.7 0.2 0.1`, y `0`) read as shape [1, 3].
 *
 * A table splits into ŷ and y when
 *   - the other box is empty (either box may hold it), or
 *   - the table was pasted, opened or dropped into its box (state.split
 *     names that box) and it has a header row, or its row count differs
 *     from the other box's count of numbers: whatever the other box holds
 *     is then set aside (its text is kept). A headerless matrix with as
 *     many rows as y has numbers reads as a matrix (class scores with
 *     their class indices), not as a table.
 * state.split === 'off' (the notice's "undo") never splits. */
import { extrasFor } from '../losses/index.js';

const BOXES = ['predictions', 'targets'];
const other = (name) => (name === 'predictions' ? 'targets' : 'predictions');

const numbersIn = (reading) => (reading ? reading.tensor.data.length : -1);
const rowsOf = (reading) => reading.tensor.shape[0];

function isTable(reading) {
  return Boolean(reading && reading.columns && reading.columns.length >= 2);
}

/** The box whose table gives both ŷ and y, or null. */
export function tableBox(state, boxes, isEmpty) {
  if (state.split === 'off') return null;
  const asked = BOXES.includes(state.split) ? state.split : null;
  for (const name of asked ? [asked, other(asked)] : BOXES) {
    const reading = boxes[name].reading;
    if (!isTable(reading)) continue;
    const them = other(name);
    if (isEmpty(them)) return name;
    if (name === asked && (reading.header || boxes[them].error || rowsOf(reading) !== numbersIn(boxes[them].reading))) return name;
  }
  return null;
}

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
 * {prediction, target, table, tableOffer, classSample}. tableOffer: the box
 * holding a table that state.split 'off' keeps whole. table: {names, columns, from,
 * setAside} when a table gave both (from: its box; setAside: the other box
 * held something that is not used); classSample: {classes} when ŷ was read
 * as one sample of class scores.
 */
export function pairBoxes(state, boxes, isEmpty, chosen) {
  const from = tableBox(state, boxes, isEmpty);
  // After an undo, the box whose table could be split again.
  const tableOffer = state.split === 'off' ? BOXES.find((name) => isTable(boxes[name].reading)) || null : null;
  if (!from) {
    const p = boxes.predictions.reading;
    const y = boxes.targets.reading;
    const sample = oneClassSample(chosen, p, y);
    if (sample) return { prediction: sample.prediction, target: sample.target, table: null, tableOffer, classSample: { classes: sample.classes } };
    return { prediction: p && p.tensor, target: y && y.tensor, table: null, tableOffer, classSample: null };
  }
  const t = boxes[from].reading;
  const count = t.columns.length;
  const names = t.columns.map((c, i) => (t.header && t.header[i]) || c.name || null);
  const fits = (i) => Number.isInteger(i) && i >= 0 && i < count;
  const chosenColumns = state.columns && fits(state.columns.prediction) && fits(state.columns.target)
    ? state.columns : { prediction: 0, target: Math.min(1, count - 1) };
  const column = (i) => ({ data: t.columns[i].values, shape: [t.columns[i].values.length] });
  return {
    prediction: column(chosenColumns.prediction),
    target: column(chosenColumns.target),
    table: { names, columns: chosenColumns, from, setAside: !isEmpty(other(from)) },
    tableOffer: null,
    classSample: null,
  };
}
