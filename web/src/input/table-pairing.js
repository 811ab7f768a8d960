/* A table in either box giving both ŷ and y (no DOM; in the lazily loaded
 * readers, input/more.js). A table splits into ŷ and y when
 *   - the other box is empty (either box may hold it), or
 *   - the table was pasted, opened or dropped into its box (state.split
 *     names that box) and it has a header row, or its row count differs
 *     from the other box's count of numbers: whatever the other box holds
 *     is then set aside (its text is kept). A headerless matrix with as
 *     many rows as y has numbers reads as a matrix (class scores with
 *     their class indices), not as a table.
 * state.split === 'off' (the notice's "undo") never splits. */

const BOXES = ['predictions', 'targets'];
const other = (name) => (name === 'predictions' ? 'targets' : 'predictions');

const numbersIn = (reading) => (reading ? reading.tensor.data.length : -1);
const rowsOf = (reading) => reading.tensor.shape[0];

export function isTable(reading) {
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

/**
 * {prediction, target, table, tableOffer} from a table, or null when no
 * table gives ŷ and y. table: {names, columns, from, setAside}; tableOffer:
 * the box holding a table that state.split 'off' keeps whole.
 */
export function pairTable(state, boxes, isEmpty) {
  const from = tableBox(state, boxes, isEmpty);
  if (!from) {
    const tableOffer = state.split === 'off' ? BOXES.find((name) => isTable(boxes[name].reading)) || null : null;
    return tableOffer ? { offerOnly: true, tableOffer } : null;
  }
  const t = boxes[from].reading;
  const count = t.columns.length;
  const names = t.columns.map((c, i) => (t.header && t.header[i]) || c.name || null);
  const fits = (i) => Number.isInteger(i) && i >= 0 && i < count;
  const chosen = state.columns && fits(state.columns.prediction) && fits(state.columns.target)
    ? state.columns : { prediction: 0, target: Math.min(1, count - 1) };
  const column = (i) => ({ data: t.columns[i].values, shape: [t.columns[i].values.length] });
  return {
    prediction: column(chosen.prediction),
    target: column(chosen.target),
    table: { names, columns: chosen, from, setAside: !isEmpty(other(from)) },
    tableOffer: null,
  };
}
