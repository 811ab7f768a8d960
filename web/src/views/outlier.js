/* The outlier experiment's controls: a checkbox, a slider and a number box,
 * all writing state.outlier ({on, residual}); the extra sample itself is
 * compute's (compute/outlier.js). */
import { el } from './dom.js';

export function createOutlier(ctx) {
  const { $, store } = ctx;
  const box = el('input', { type: 'checkbox', id: 'outlier-on' });
  const boxLabel = el('label', { for: 'outlier-on' });
  const slider = el('input', { type: 'range', id: 'outlier-slider', min: '-50', max: '50', step: '0.5', value: '10' });
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

  return {
    relabel(tr) {
      boxLabel.textContent = tr.t('outlier.toggle');
      numberLabel.textContent = tr.t('outlier.size');
      slider.setAttribute('aria-label', tr.t('outlier.size'));
      help.textContent = tr.t('outlier.help');
    },
    render(state) {
      const { on, residual } = state.outlier;
      box.checked = on;
      row.hidden = !on;
      help.hidden = !on;
      if (number.value !== residual) number.value = residual;
      const v = Number(residual);
      if (String(residual).trim() !== '' && Number.isFinite(v) && slider.value !== residual) slider.value = residual;
    },
  };
}
