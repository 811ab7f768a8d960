/* The alert box under the data: every error of the last computation, each
 * with a "Show me" button that selects the place in the text that is wrong. */
import { el } from './dom.js';
import { alertText } from './messages.js';

// Textarea selection uses UTF-16 offsets; the core counts code points.
export function offsetOf(text, line, column) {
  let i = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', i);
    if (next < 0) return text.length;
    i = next + 1;
  }
  for (let c = 1; c < column && i < text.length; c++) {
    const code = text.codePointAt(i);
    i += code > 0xffff ? 2 : 1;
  }
  return i;
}

// The data boxes' own errors, and ŷ and y that do not fit ('pair'), are said
// under the boxes (views/box-messages.js); here only while the boxes are
// not shown (an embed without its data panel).
const AT_THE_BOX = ['predictions', 'targets', 'pair'];
function shownAtTheBox(e, fieldFor) {
  if (!AT_THE_BOX.includes(e.field)) return false;
  const area = fieldFor(e.field === 'pair' ? 'predictions' : e.field);
  return Boolean(area && !area.closest('[hidden]'));
}

export function renderAlerts(box, errors, tr, fieldFor) {
  box.replaceChildren();
  errors = errors.filter((e) => !shownAtTheBox(e, fieldFor));
  for (const e of errors) {
    const item = el('p', { class: 'alert-item' }, alertText(e, tr));
    const field = e.field && fieldFor(e.field);
    if (field && e.error && e.error.line) {
      item.append(' ', el('button', {
        type: 'button', class: 'link-button',
        onclick: () => {
          const start = offsetOf(field.value, e.error.line, e.error.column);
          const token = String(e.error.token || '');
          const end = start + (token.endsWith('…') ? 0 : token.length);
          field.focus();
          field.setSelectionRange(start, Math.max(start, end));
        },
      }, tr.t('error.showMe')));
    }
    box.append(item);
  }
  box.classList.toggle('alert-shown', errors.length > 0);
}
