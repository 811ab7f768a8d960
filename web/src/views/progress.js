/* Progress of a computation that takes a while (reading a large box, each
 * loss), shown beside the data with a Cancel; hidden for the quick ones. */
import { el } from './dom.js';
import { t } from '../i18n/translate.js';

export const SHOW_AFTER_MS = 200;

export function createProgress(after, onCancel) {
  const text = el('span', { class: 'progress-text' });
  const cancel = el('button', { type: 'button', class: 'progress-cancel' });
  const element = el('div', { class: 'progress', role: 'status', 'aria-live': 'polite', hidden: true }, text, cancel);
  after.after(element);
  cancel.addEventListener('click', () => onCancel());
  let timer = 0;
  let said = null; // {key, params} of the step shown

  // lang: the page's language ('en' | 'zh'): this chunk translates its own strings.
  const show = (lang) => {
    text.textContent = said ? t(said.key, said.params, lang) : '';
    cancel.textContent = t('bigdata.progress.cancel', null, lang);
  };

  return {
    /** A run started: shown if it is still running after SHOW_AFTER_MS. */
    start(lang) {
      clearTimeout(timer);
      said = null;
      cancel.hidden = false;
      timer = setTimeout(() => {
        element.hidden = false;
        show(lang);
      }, SHOW_AFTER_MS);
    },
    step(step, lang) {
      if (step.stage === 'read') said = { key: 'bigdata.progress.read', params: { box: { key: `field.${step.box}` } } };
      else if (step.stage === 'loss') said = { key: 'bigdata.progress.loss', params: { loss: step.loss, i: step.index + 1, n: step.count } };
      if (!element.hidden) show(lang);
    },
    /** The run ended; `message` ({key, params}) stays shown, without Cancel. */
    end(message, lang) {
      clearTimeout(timer);
      said = message || null;
      element.hidden = !message;
      cancel.hidden = true;
      if (message) show(lang);
    },
    relabel(lang) {
      if (!element.hidden) show(lang);
    },
  };
}
