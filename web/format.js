/* Number formatting for the page (shapes are worded by i18n.js). */
(function (ui) {
  'use strict';

  // Six significant digits, as the results table promises; exponent form
  // for very large or small magnitudes.
  ui.formatValue = function (v) {
    if (v === 0) return '0.00000';
    const a = Math.abs(v);
    if (a >= 1e6 || a < 1e-4) return v.toExponential(5);
    return v.toPrecision(6);
  };

  // Shorter form for long vectors of gradients.
  ui.formatShort = function (v) {
    if (Number.isNaN(v)) return ui.i18n ? ui.i18n.t('value.undefined') : 'undefined';
    if (v === 0) return '0';
    const a = Math.abs(v);
    if (a >= 1e5 || a < 1e-3) return v.toExponential(3);
    return String(Number(v.toPrecision(4)));
  };

  // Every digit a double holds, for tooltips and copying.
  ui.formatFull = function (v) {
    return String(v);
  };
})((self.LossPlayUI = self.LossPlayUI || {}));
