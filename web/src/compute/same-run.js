/* Whether two runs of compute() would draw the same charts: the same ŷ and
 * y (shape and values) and the same losses with results. Used when the
 * lazily loaded readers arrive and the data are computed again: the
 * messages may change, the charts need not be drawn twice. */

function sameTensor(a, b) {
  if (!a || !b) return a === b;
  if (a.shape.length !== b.shape.length || a.shape.some((n, i) => n !== b.shape[i])) return false;
  if (a.data === b.data) return true;
  if (a.data.length !== b.data.length) return false;
  for (let i = 0; i < a.data.length; i++) if (!Object.is(a.data[i], b.data[i])) return false;
  return true;
}

export function sameRun(a, b) {
  if (!a || !b || !sameTensor(a.prediction, b.prediction) || !sameTensor(a.target, b.target)) return false;
  if (a.results.length !== b.results.length) return false;
  return a.results.every((r, i) => r.loss.name === b.results[i].loss.name && Boolean(r.result) === Boolean(b.results[i].result)
    && (!r.result || r.result.value === b.results[i].result.value || (Number.isNaN(r.result.value) && Number.isNaN(b.results[i].result.value))));
}
