/* The player's timing: how many path steps a second, so a path of any
 * length plays in a few seconds at 1× (a short one never flashes by). */

/** Steps per second for a path of `length` points at `speed` (1 = normal). */
export function playbackRate(length, speed = 1) {
  const steps = Math.max(1, length - 1);
  // At 1×: 20 steps a second for short paths, the whole path within 5 s for long ones.
  const seconds = Math.min(5, Math.max(1.5, steps / 20));
  return (steps / seconds) * (Number.isFinite(speed) && speed > 0 ? speed : 1);
}
