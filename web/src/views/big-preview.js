/* The preview that stands in for a data box holding large data (kept as
 * bytes in pipeline/big-data.js): "1,000,000 numbers · 10.9 MB", the first
 * and last rows, and the actions: edit as text (with a warning about the
 * size), clear, download the data back. User text goes in as text only. */
import { el } from './dom.js';
import { formatSize } from '../input/file-text.js';
import { t } from '../i18n/translate.js';

/** area: the box it stands in for; after: where it goes; actions: {edit(), clear(), download()}. */
export function createBigPreview(area, after, actions) {
  const summary = el('p', { class: 'big-summary' });
  const rows = el('pre', { class: 'big-rows' });
  const edit = el('button', { type: 'button', class: 'big-edit' });
  const clear = el('button', { type: 'button', class: 'big-clear' });
  const download = el('button', { type: 'button', class: 'big-download' });
  const warning = el('p', { class: 'big-warning' });
  const element = el('div', { class: 'big-data', role: 'group', hidden: true, 'data-box': area.id },
    summary, rows, el('div', { class: 'big-actions' }, edit, clear, download), warning);
  edit.addEventListener('click', () => actions.edit());
  clear.addEventListener('click', () => actions.clear());
  download.addEventListener('click', () => actions.download());
  after.after(element);

  /** entry: the state's {size, head, tail} or null; count: numbers read (or null); failed: not read. */
  function render(entry, count, failed, lang) {
    const tr = { t: (key, params) => t(key, params, lang) };
    element.hidden = !entry;
    area.hidden = Boolean(entry);
    if (!entry) return;
    const size = formatSize(entry.size);
    element.setAttribute('aria-label', `${area.labels && area.labels[0] ? area.labels[0].textContent : ''} · ${tr.t('bigdata.label')}`);
    summary.textContent = count !== null ? tr.t('bigdata.summary', { n: count.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US'), size })
      : tr.t(failed ? 'bigdata.unread' : 'bigdata.reading', { size });
    const lines = entry.head.slice();
    if (entry.tail.length) lines.push('…', ...entry.tail);
    rows.textContent = lines.join('\n');
    edit.textContent = tr.t('bigdata.edit');
    clear.textContent = tr.t('bigdata.clear');
    download.textContent = tr.t('bigdata.download');
    warning.textContent = tr.t('bigdata.warning', { size });
  }

  return { element, render };
}
