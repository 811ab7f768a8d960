/* How the page writes numbers (shared by compute and the views; no DOM).
 * Shapes are worded by the translator (i18n/translate.js). */

/** Six significant digits, as the results table promises; exponent form for very large or small magnitudes. */
export function formatValue(v) {
  if (v === 0) return '0.00000';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return v.toExponential(5);
  return v.toPrecision(6);
}

/** The study note's format (Python's {:.6f}): six decimals, 1.000000 and 0.055000; exponent form where six decimals would hide the value or run long. */
export function formatFixed(v) {
  if (v === 0) return '0.000000';
  const a = Math.abs(v);
  if (!Number.isFinite(v) || a >= 1e15 || a < 1e-6) return formatValue(v);
  return v.toFixed(6);
}

/** The results' number in the display setting `digits`: 'fixed' (the note's six decimals) or 'sig' (six significant digits, the default). */
export function formatIn(digits) {
  return digits === 'fixed' ? formatFixed : formatValue;
}

/** Shorter form for long vectors of gradients; `undefinedText` for NaN. */
export function formatShort(v, undefinedText = 'undefined') {
  if (Number.isNaN(v)) return undefinedText;
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(3);
  return String(Number(v.toPrecision(4)));
}

/** Every digit a double holds, for tooltips and copying. */
export function formatFull(v) {
  return String(v);
}
