/* Progress of a computation that takes a while (reading a large box, each
 * loss), shown beside the data with a Cancel; hidden for the quick ones. */
import { el } from './dom.js';

export const SHOW_AFTER_MS = 200;

export function createProgress(after, onCancel) {
  const text = el('span', { class: 'progress-text' });
  const cancel = el('button', { type: 'button', class: 'progress-cancel' });
  const element = el('div', { class: 'progress', role: 'status', 'aria-live': 'polite', hidden: true }, text, cancel);
  after.after(element);
  cancel.addEventListener('click', () => onCancel());
  let timer = 0;
  let said = null; // {key, params} of the step shown

  const show = (tr) => {
    text.textContent = said ? tr.t(said.key, said.params) : '';
    cancel.textContent = tr.t('input.progress.cancel');
  };

  return {
    /** A run started: shown if it is still running after SHOW_AFTER_MS. */
    start(tr) {
      clearTimeout(timer);
      said = null;
      cancel.hidden = false;
      timer = setTimeout(() => {
        element.hidden = false;
        show(tr);
      }, SHOW_AFTER_MS);
    },
    step(step, tr) {
      if (step.stage === 'read') said = { key: 'input.progress.read', params: { box: { key: `field.${step.box}` } } };
      else if (step.stage === 'loss') said = { key: 'input.progress.loss', params: { loss: step.loss, i: step.index + 1, n: step.count } };
      if (!element.hidden) show(tr);
    },
    /** The run ended; `message` ({key, params}) stays shown, without Cancel. */
    end(message, tr) {
      clearTimeout(timer);
      said = message || null;
      element.hidden = !message;
      cancel.hidden = true;
      if (message) show(tr);
    },
    relabel(tr) {
      if (!element.hidden) show(tr);
    },
  };
}
