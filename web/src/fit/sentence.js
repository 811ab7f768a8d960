/* The outlier lesson in one sentence: how each fit's slope changed between
 * two results (before and after a point was dragged, or another preset's
 * data): "MSE's slope moved from 2.00 to 4.13; MAE's stayed at 2.00."
 *
 * A fit's slope is its exact optimum's w (the loss's own answer, whatever
 * the optimiser did); a fit without one (an error, no finite optimum, w not
 * identifiable) is left out. Slopes are written with two decimals, more for
 * small slopes (two significant digits, up to six decimals); a slope moved
 * when its written value changed. Pure: no DOM. */

/** The slope the sentence speaks of, or null. */
export function slopeOf(fit) {
  if (!fit || fit.error || !fit.optimum || fit.optimum.status !== 'found') return null;
  return Number.isFinite(fit.optimum.w) ? fit.optimum.w : null;
}

// Two decimals, or enough for two significant digits of the smaller slope.
function decimalsFor(values) {
  const smallest = Math.min(...values.map((v) => Math.abs(v)).filter((a) => a > 0));
  if (!Number.isFinite(smallest) || smallest >= 0.1) return 2;
  return Math.min(6, Math.max(2, 1 - Math.floor(Math.log10(smallest))));
}

const write = (v, digits) => {
  const s = v.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s; // no "-0.00"
};

/**
 * The sentence in tr's language, or null when no slope changed (or no fit is in both).
 * before, after: FitResults; fits are matched by loss.
 */
export function describeShift(before, after, tr) {
  if (!before || !after) return null;
  const pairs = [];
  for (const fit of after.fits || []) {
    const old = (before.fits || []).find((f) => f.loss === fit.loss);
    const from = slopeOf(old);
    const to = slopeOf(fit);
    if (from === null || to === null) continue;
    pairs.push({ label: fit.label || fit.loss, from, to });
  }
  if (!pairs.length) return null;
  const digits = decimalsFor(pairs.flatMap((p) => [p.from, p.to]));
  for (const p of pairs) {
    p.fromText = write(p.from, digits);
    p.toText = write(p.to, digits);
    p.moved = p.fromText !== p.toText;
  }
  if (!pairs.some((p) => p.moved)) return null;
  // The ones that moved first: they are the news.
  const ordered = pairs.filter((p) => p.moved).concat(pairs.filter((p) => !p.moved));
  const clauses = ordered.map((p, i) => {
    if (p.moved) return tr.t(i === 0 ? 'fit.shift.movedFirst' : 'fit.shift.moved', { loss: p.label, from: p.fromText, to: p.toText });
    return tr.t('fit.shift.stayed', { loss: p.label, at: p.toText });
  });
  return clauses.join(tr.t('fit.shift.join')) + tr.t('fit.shift.end');
}
