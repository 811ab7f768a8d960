/* The fit view's results table: one row per selected loss with where its
 * optimiser got to (slope w, intercept b, the loss there, the steps taken,
 * how the path ended) and the loss's exact optimum. A diverged path is said
 * in its status, and its numbers are never shown as a result; an optimum
 * that is not a point is said in words. Below the table: the label
 * mappings of the classifiers ("hinge takes labels −1 and +1: ...").
 *
 *   const table = createFitTable(container, { tr });
 *   table.render(results, frame);   // FitResults; frame: a path step, or null for the end */
import { el } from '../../views/dom.js';
import { formatValue } from '../../format.js';
import { mappingNote } from '../labels.js';
import { statusText, playingText, optimumWords } from '../fit-words.js';
import { addStrings } from '../../i18n/translate.js';
import { fitTextStrings } from '../../i18n/strings/fit-text.js';
import css from '../css/code.css';

addStrings(fitTextStrings);

export { css };

const COLUMNS = ['loss', 'w', 'b', 'value', 'steps', 'status', 'optW', 'optB'];

const num = (v) => el('td', { class: 'fit-num', title: String(v), text: formatValue(v) });
const count = (k) => el('td', { class: 'fit-num', text: String(k) });
const words = (text, span = 1) => el('td', { class: 'fit-words', colspan: span > 1 ? span : null, text });

function optimumCells(optimum, tr) {
  const said = optimumWords(optimum, tr);
  // Not identifiable: any w will do (said in words); b is the best constant.
  if (said && optimum && optimum.status === 'not_identifiable') return [words(said), num(optimum.b)];
  if (said) return [words(said, 2)];
  return [num(optimum.w), num(optimum.b)];
}

function pathCells(path, frame, tr) {
  if (!path) return [words(tr.t('fit.table.noPath'), 5)];
  const last = path.w.length - 1;
  const status = el('td', { class: `fit-status fit-status-${path.status}`, text: statusText(path, tr) });
  // A diverged path has no result to show: its numbers stay out of the table.
  if (path.status === 'diverged' || last < 0) return [words('—'), words('—'), words('—'), count(Math.max(last, 0)), status];
  const k = frame === null || frame === undefined ? last : Math.max(0, Math.min(frame, last));
  // Mid-animation the row says where it is, and how the path will end.
  if (k < last) status.textContent = playingText(path, k, tr);
  return [num(path.w[k]), num(path.b[k]), num(path.loss[k]), count(k), status];
}

function lossCell(fit) {
  const swatch = el('span', { class: 'fit-swatch', 'aria-hidden': 'true' });
  swatch.style.backgroundColor = fit.color || 'currentColor';
  return el('th', { scope: 'row', role: 'rowheader' }, swatch, fit.label || fit.loss);
}

// Each cell names its column (data-label) for the phone's layout, where
// rows stack as cards; the explicit roles keep the table a table there.
function label(cells, names) {
  let c = 0;
  for (const cell of cells) {
    const span = Number(cell.getAttribute('colspan') || 1);
    const own = names.slice(c, c + span);
    if (cell.tagName === 'TD') {
      cell.setAttribute('role', 'cell');
      cell.dataset.label = own.join(' · ');
    }
    c += span;
  }
  return cells;
}

function row(fit, frame, tr, names) {
  if (fit.error) {
    const cell = el('td', { role: 'cell', colspan: COLUMNS.length - 1, text: tr.t('fit.table.error', { message: tr.error(fit.error) }) });
    return el('tr', { class: 'fit-row-error', role: 'row' }, lossCell(fit), cell);
  }
  const opt = optimumCells(fit.optimum, tr);
  opt[0].classList.add('fit-optimum');
  const cells = label([lossCell(fit), ...pathCells(fit.path, frame, tr), ...opt], names);
  return el('tr', { role: 'row' }, ...cells);
}

export function createFitTable(container, { tr }) {
  const root = el('div', { class: 'fit-results' });
  container.append(root);
  return {
    render(results, frame = null) {
      const fits = (results && results.fits) || [];
      const dataErrors = results && results.errors ? Object.values(results.errors).filter(Boolean) : [];
      if (!fits.length && dataErrors.length) {
        // Nothing was fitted: the data's error is said at its box, not here.
        root.replaceChildren();
        return;
      }
      if (!fits.length) {
        root.replaceChildren(el('p', { class: 'fit-empty', text: tr.t('fit.table.empty') }));
        return;
      }
      const atFrame = frame !== null && frame !== undefined;
      const caption = el('caption', { text: atFrame ? tr.t('fit.table.captionFrame', { step: frame }) : tr.t('fit.table.caption') });
      const names = COLUMNS.map((c) => tr.t(c === 'value' && atFrame ? 'fit.table.valueFrame' : `fit.table.${c}`));
      const head = el('tr', { role: 'row' }, ...names.map((text) => el('th', { scope: 'col', role: 'columnheader', text })));
      const body = el('tbody', { role: 'rowgroup' }, ...fits.map((f) => row(f, frame, tr, names)));
      const table = el('table', { class: 'fit-table', role: 'table' }, caption, el('thead', { role: 'rowgroup' }, head), body);
      const notes = el('ul', { class: 'fit-notes' });
      for (const fit of fits) {
        const note = mappingNote(fit, tr);
        if (note) notes.append(el('li', { text: note }));
      }
      root.replaceChildren(el('div', { class: 'fit-table-wrap', tabindex: '0', role: 'region', 'aria-label': caption.textContent }, table), notes);
    },
    destroy() {
      root.remove();
    },
  };
}
