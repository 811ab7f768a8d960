/* When ŷ and y do not fit together (no DOM): one plain message for the
 * data boxes in place of one core error per loss. A loss error whose code
 * says ŷ's and y's shapes disagree becomes {key, params} said once at the
 * box; the loss's row then only points there. Other errors (a class index
 * out of range, a loss that wants another shape) stay the loss's own. */

// The core's codes for "the two shapes do not go together".
const PAIR_CODES = new Set(['shape_mismatch', 'class_target_shape', 'index_target_shape', 'row_target_shape']);

const count = (t) => t.data.length;
// "1 number", "4 numbers" (and rows, labels) in whichever language shows it.
const counted = (stem, n) => ({ key: n === 1 ? `${stem}One` : `${stem}Many`, params: { n } });
const sameShape = (a, b) => a.shape.length === b.shape.length && a.shape.every((n, i) => n === b.shape[i]);

/**
 * The message for ŷ and y, or null when `error` is not about their pairing.
 * prediction, target: the tensors the losses were given.
 */
export function pairMessage(error, prediction, target) {
  if (!error || !PAIR_CODES.has(error.code) || !prediction || !target) return null;
  const p = prediction.shape;
  const y = target.shape;
  if (error.code !== 'shape_mismatch') {
    // Class scores [N, C] with class indices [M]: one label per row.
    if (p.length === 2 && y.length === 1 && y[0] !== p[0]) {
      return { key: 'pair.rowsLabels', params: { rows: counted('pair.rows', p[0]), labels: counted('pair.labels', y[0]) } };
    }
    return null; // the loss's own message says what shape it wants
  }
  if (count(prediction) !== count(target)) {
    return { key: 'pair.counts', params: { p: counted('input.numbers', count(prediction)), y: counted('input.numbers', count(target)) } };
  }
  if (!sameShape(prediction, target)) {
    return { key: 'pair.shapes', params: { p: `[${p.join(', ')}]`, y: `[${y.join(', ')}]` } };
  }
  return null;
}
