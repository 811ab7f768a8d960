/* Per-sample data made small enough to draw, once per data change, from
 * typed arrays and with no per-element object: min/max envelopes over runs
 * of samples (a bar chart's pixel columns), a binned density of ŷ against
 * y, and the k largest values by an O(n) selection. No DOM. */

/** Bucket b of `buckets` holds samples [bucketStart(b), bucketStart(b + 1)). */
export function bucketStart(b, n, buckets) {
  return Math.floor((b * n) / buckets);
}

/**
 * The smallest and largest finite value of each bucket of `values`:
 * {n, buckets, lo, hi} (Float64Arrays; NaN where a bucket has no finite
 * value). With n <= buckets every sample is its own bucket. With k > 0
 * also tops: topK(values, k, abs), found in the same pass: a bucket is
 * searched for them only when its extremes beat the k-th largest so far.
 */
export function envelope(values, buckets, k = 0, abs = false) {
  const n = values.length;
  const count = Math.max(1, Math.min(n, buckets));
  const lo = new Float64Array(count);
  const hi = new Float64Array(count);
  const idx = new Int32Array(k);
  const val = new Float64Array(k);
  let found = 0;
  let floor = 0; // a size must beat this to be among the k largest
  let start = 0;
  for (let b = 0; b < count; b++) {
    const end = bucketStart(b + 1, n, count);
    let min = Infinity;
    let max = -Infinity;
    for (let i = start; i < end; i++) {
      const v = values[i];
      // NaN fails both tests; ±∞ are not drawn (the table shows them).
      if (v < min && v > -Infinity) min = v;
      if (v > max && v < Infinity) max = v;
    }
    lo[b] = min <= max ? min : NaN;
    hi[b] = min <= max ? max : NaN;
    const size = abs ? Math.max(-min, max) : max;
    if (k > 0 && min <= max && size > floor) {
      for (let i = start; i < end; i++) {
        const v = abs ? Math.abs(values[i]) : values[i];
        if (!(v > floor) || v === Infinity) continue;
        found = insert(idx, val, found, k, i, v);
        if (found === k) floor = val[k - 1];
      }
    }
    start = end;
  }
  return { n, buckets: count, lo, hi, tops: Array.from(idx.subarray(0, found)) };
}

// Inserts index i with size v into the descending lists (at most k long);
// an equal size goes after the ones already there, so ties keep row order.
function insert(idx, val, count, k, i, v) {
  let at = count < k ? count : k - 1;
  while (at > 0 && val[at - 1] < v) {
    idx[at] = idx[at - 1];
    val[at] = val[at - 1];
    at--;
  }
  idx[at] = i;
  val[at] = v;
  return count < k ? count + 1 : k;
}

/**
 * The indices of the k largest finite values above 0 (by size when abs),
 * largest first, equal values in row order. One pass, no sort.
 */
export function topK(values, k, abs) {
  const idx = new Int32Array(k);
  const val = new Float64Array(k);
  let count = 0;
  let floor = 0; // a value must beat this to enter
  for (let i = 0; i < values.length; i++) {
    const v = abs ? Math.abs(values[i]) : values[i]; // Math.abs: no branch to mispredict
    if (!(v > floor) || v === Infinity) continue;
    count = insert(idx, val, count, k, i, v);
    if (count === k) floor = val[k - 1];
  }
  return Array.from(idx.subarray(0, count));
}

/** The smallest and largest finite value of several arrays: [lo, hi], or null. */
export function extent(arrays) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) for (const v of a) if (v > -Infinity && v < Infinity) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * How many (x, y) pairs fall in each cell of a bx × by grid over
 * [lo, hi]² (both axes share the range): {counts (Uint32Array, row 0 at
 * the top, y = hi), bx, by, max, drawn, far}. Pairs with a non-finite
 * value are not counted. far: the k pairs with the largest |y − x|, as
 * found in the same pass.
 */
export function density(xs, ys, lo, hi, bx, by, k = 0) {
  const counts = new Uint32Array(bx * by);
  const sx = bx / (hi - lo);
  const sy = by / (hi - lo);
  const idx = new Int32Array(k);
  const val = new Float64Array(k);
  let found = 0;
  let floor = 0;
  let max = 0;
  let drawn = 0;
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = ys[i];
    if (k > 0) {
      const d = Math.abs(y - x);
      if (d > floor && d !== Infinity) {
        found = insert(idx, val, found, k, i, d);
        if (found === k) floor = val[k - 1];
      }
    }
    if (!(x >= lo && x <= hi && y >= lo && y <= hi)) continue;
    let cx = ((x - lo) * sx) | 0; // >= 0 here, so | 0 is floor
    let cy = ((hi - y) * sy) | 0;
    if (cx >= bx) cx = bx - 1;
    if (cy >= by) cy = by - 1;
    const c = ++counts[cy * bx + cx];
    if (c > max) max = c;
    drawn++;
  }
  return { counts, bx, by, max, drawn, far: Array.from(idx.subarray(0, found)) };
}
