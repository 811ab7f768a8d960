/* The notice under the boxes when a table gave both ŷ and y ("Read 2
 * columns from the ŷ box: y_pred → ŷ, y_true → y") with its undo, or, after
 * an undo, the way to split it again. */
import { el } from './dom.js';
import { columnLabel } from '../input/read.js';

const boxName = (name, tr) => tr.t(name === 'predictions' ? 'split.boxP' : 'split.boxY');
const other = (name) => (name === 'predictions' ? 'targets' : 'predictions');

/** Placed before `before`; onSplit(value) sets state.split ('off' or a box). */
export function createSplitNotice(before, onSplit) {
  const node = el('div', { class: 'split-notice', role: 'status', hidden: true });
  before.before(node);

  function render(state, out, tr) {
    const table = out.table;
    if (table && table.from) {
      const name = (i) => {
        const n = table.names[i];
        return n ? (tr.lang === 'zh' ? `“${n}”` : `"${n}"`) : columnLabel(null, i, tr.lang);
      };
      const parts = [tr.t('split.done', {
        count: tr.t('split.cols', { n: table.names.length }),
        box: boxName(table.from, tr),
        prediction: name(table.columns.prediction),
        target: name(table.columns.target),
      })];
      if (table.setAside) parts.push(' ', tr.t('split.setAside', { other: boxName(other(table.from), tr) }));
      parts.push(' ', el('button', { type: 'button', class: 'link-button', 'data-action': 'split-undo', onclick: () => onSplit('off') }, tr.t('split.undo')));
      node.replaceChildren(el('p', {}, ...parts));
      node.hidden = false;
    } else if (out.tableOffer) {
      node.replaceChildren(el('p', {}, el('button', { type: 'button', class: 'link-button', 'data-action': 'split-redo', onclick: () => onSplit(out.tableOffer) }, tr.t('split.redo'))));
      node.hidden = false;
    } else {
      node.replaceChildren();
      node.hidden = true;
    }
  }

  return { render, node };
}
