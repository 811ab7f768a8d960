/* The outlier experiment's controls: a checkbox, a slider and a number box,
 * all writing state.outlier ({on, residual}); the extra sample itself is
 * compute's (compute/outlier.js). The slider's range follows the data: a
 * few times their spread, and always the box's value. */
import { el } from './dom.js';

const SLIDER_STEPS = 200; // positions end to end: arrow keys move by a visible amount

// 1, 2, 5, 10, 20, 50, ... at or above x.
function niceCeil(x) {
  const e = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * e >= x) return m * e;
  return 10 * e;
}

/**
 * The slider's half-width for the reader's data (ŷ, y as {data}) and the
 * box's value: five times the data's spread (the largest |ŷ − y| or
 * distance of y from its mean), at least 10, rounded up to 1, 2 or 5 × 10^k,
 * and wide enough for `residual`. `count`: how many of the samples are
 * the reader's (the outlier's own sample, last, is left out).
 */
export function sliderLimit(prediction, target, residual, count) {
  let spread = 0;
  if (prediction && target && prediction.data.length && prediction.data.length === target.data.length) {
    const y = target.data;
    const n = count == null ? y.length : count;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y[i] / n;
    for (let i = 0; i < n; i++) {
      const a = Math.abs(prediction.data[i] - y[i]);
      const b = Math.abs(y[i] - mean);
      if (a > spread && Number.isFinite(a)) spread = a;
      if (b > spread && Number.isFinite(b)) spread = b;
    }
  }
  const want = Math.max(10, 5 * spread, Number.isFinite(residual) ? Math.abs(residual) : 0);
  return niceCeil(want);
}

export function createOutlier(ctx) {
  const { $, store } = ctx;
  const box = el('input', { type: 'checkbox', id: 'outlier-on' });
  const boxLabel = el('label', { for: 'outlier-on' });
  const slider = el('input', { type: 'range', id: 'outlier-slider', min: '-50', max: '50', step: '0.25', value: '10' });
  const number = el('input', { type: 'number', id: 'outlier-size', step: 'any', value: '10' });
  const numberLabel = el('label', { for: 'outlier-size' });
  const help = el('p', { class: 'outlier-help' });
  const row = el('div', { class: 'outlier-controls' }, numberLabel, slider, number);
  $('outlier').append(el('div', { class: 'outlier-toggle' }, box, boxLabel), row, help);
  // Dragging redraws once a frame rather than after the typing pause.
  const set = (patch) => store.update((s) => ({ outlier: Object.assign({}, s.outlier, patch) }), 'frame');
  box.addEventListener('change', () => set({ on: box.checked }));
  slider.addEventListener('input', () => set({ residual: slider.value }));
  number.addEventListener('input', () => set({ residual: number.value }));

  let data = { prediction: null, target: null, count: null };
  let limit = 50;
  function place(residual) {
    if (!store.get().outlier.on) return; // the range is measured when the slider shows
    const v = Number(residual);
    const given = String(residual).trim() !== '' && Number.isFinite(v);
    let next = sliderLimit(data.prediction, data.target, given ? v : NaN, data.count);
    // A value the slider itself set: the range never shrinks under a drag.
    if (given && Number(slider.value) === v) next = Math.max(next, limit);
    if (next !== limit) {
      limit = next;
      slider.min = String(-limit);
      slider.max = String(limit);
      slider.step = String(limit / SLIDER_STEPS);
    }
    if (given && Number(slider.value) !== v) slider.value = String(v);
  }

  return {
    relabel(tr) {
      boxLabel.textContent = tr.t('outlier.toggle');
      numberLabel.textContent = tr.t('outlier.size');
      slider.setAttribute('aria-label', tr.t('outlier.size'));
      help.textContent = tr.t('outlier.help');
    },
    /** The data (the first `count` samples the reader's), for the slider's range. */
    setData(prediction, target, count) {
      if (prediction === data.prediction && target === data.target) return;
      data = { prediction, target, count };
      place(store.get().outlier.residual);
    },
    render(state) {
      const { on, residual } = state.outlier;
      box.checked = on;
      row.hidden = !on;
      help.hidden = !on;
      if (number.value !== residual) number.value = residual;
      place(residual);
    },
  };
}
