/* The lines chart's pure parts: the two classes of classification data,
 * which losses output scores (drawn as a decision boundary), and the y
 * window that holds the data and the fitted lines without chasing the
 * animation. */

// Hinge and squared hinge output a score w·x + b, not a probability.
const SCORE_LOSSES = new Set(['hinge', 'squared_hinge']);

/** Whether a fit's output is a score (its decision boundary is drawn), not a probability. */
export const isScoreLoss = (fit) => SCORE_LOSSES.has(fit.loss) || (fit.labels && fit.labels.mapping === 'to_signed');

/** The lowest and highest label: the classes drawn at the bottom and the top. */
export function classOf(y) {
  let low = Infinity;
  let high = -Infinity;
  for (const v of y) if (Number.isFinite(v)) { if (v < low) low = v; if (v > high) high = v; }
  if (low === Infinity) return { low: 0, high: 1 };
  return { low, high };
}

/**
 * The y axis of a regression: the data, and each fit's optimum and path end
 * across the x range (not the animated step, so the axis holds still while
 * it plays); lines reach at most one data span beyond the data, so one steep
 * line does not flatten the points. A diverged path is left out.
 */
export function lineDomain(results, pad = 0.08) {
  const x = results.x;
  const y = results.y;
  let xlo = Infinity; let xhi = -Infinity; let lo = Infinity; let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i])) { xlo = Math.min(xlo, x[i]); xhi = Math.max(xhi, x[i]); }
    if (Number.isFinite(y[i])) { lo = Math.min(lo, y[i]); hi = Math.max(hi, y[i]); }
  }
  if (lo === Infinity) return [0, 1];
  const span = Math.max(hi - lo, 1e-9 * Math.max(1, Math.abs(hi)), 1e-300);
  const limit = [lo - span, hi + span];
  const take = (w, b) => {
    if (!Number.isFinite(w) || !Number.isFinite(b)) return;
    for (const xv of [xlo, xhi]) {
      const v = Math.min(limit[1], Math.max(limit[0], w * xv + b));
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  };
  for (const fit of results.fits || []) {
    if (fit.error) continue;
    if (fit.optimum && fit.optimum.status === 'found') take(fit.optimum.w, fit.optimum.b);
    const p = fit.path;
    if (p && p.status !== 'diverged' && p.w.length) take(p.w[p.w.length - 1], p.b[p.b.length - 1]);
  }
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(lo))) return [lo - 1, hi + 1];
  const s = hi - lo;
  return [lo - s * pad, hi + s * pad];
}
