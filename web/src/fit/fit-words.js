/* What the results table says in words (pure, no DOM): how a path ended
 * and what an optimum that is not a point means. */

const KNOWN_REASONS = new Set(['non_finite', 'exploding', 'msle_domain']);

/** How the path ended: "ran all 1000 steps", "diverged at step 7: ...; not a result". */
export function statusText(path, tr) {
  if (path.status === 'converged') return tr.t('fit.status.converged');
  if (path.status === 'ran_all_steps') return tr.t('fit.status.ran_all_steps', { steps: path.w.length - 1 });
  const reason = KNOWN_REASONS.has(path.stopReason)
    ? tr.t(`fit.reason.${path.stopReason}`)
    : tr.t('fit.reason.other', { code: path.stopReason });
  return tr.t('fit.status.diverged', { step: path.stopStep, reason });
}

/** The status while the animation shows step k (< the path's last): where, and how it will end. */
export function playingText(path, k, tr) {
  return tr.t('fit.status.playing', { step: k, last: path.w.length - 1, end: statusText(path, tr) });
}

/** The words for an optimum that is not a point, or null for a found one. */
export function optimumWords(optimum, tr) {
  if (!optimum) return tr.t('fit.optimum.none');
  if (optimum.status === 'no_finite_optimum' || optimum.status === 'not_identifiable') return tr.t(`fit.optimum.${optimum.status}`);
  return null;
}
