/* What is wrong with a data box, said right under it: its read error (with
 * line, column and token, and "Show me"), ŷ and y that do not fit (once,
 * under the box the user last edited), and commas that may be decimal
 * commas or thousands separators (with the other reading one click away).
 * The box gets aria-invalid and aria-describedby pointing here. */
import { el } from './dom.js';
import { errorText, messageText } from './messages.js';
import { offsetOf } from './alerts.js';
import { commaExample } from '../input/commas.js';

const BOXES = ['predictions', 'targets'];

/** The box a pairing problem is shown at: the one edited last, else ŷ. */
export const boxAtFault = (state) => (BOXES.includes(state.edited) ? state.edited : 'predictions');

// Selects the error's token in the box, as the alert's "Show me" did.
function showMe(area, error, tr) {
  return el('button', {
    type: 'button', class: 'link-button',
    onclick: () => {
      const start = offsetOf(area.value, error.line, error.column);
      const token = String(error.token || '');
      const end = start + (token.endsWith('…') ? 0 : token.length);
      area.focus();
      area.setSelectionRange(start, Math.max(start, end));
    },
  }, tr.t('error.showMe'));
}

/**
 * One message area per box, right under the box (before its "Open file…"
 * control). onCommas(name, style|null) asks for a reading of the commas.
 */
export function createBoxMessages(areas, onCommas) {
  const nodes = {};
  const described = {};
  for (const name of BOXES) {
    nodes[name] = el('div', { id: `${name}-message`, class: 'box-message', 'aria-live': 'polite', hidden: true });
    areas[name].after(nodes[name]);
    described[name] = areas[name].getAttribute('aria-describedby') || '';
  }

  function render(state, out, tr) {
    const fault = boxAtFault(state);
    for (const name of BOXES) {
      const box = out.boxes[name];
      const area = areas[name];
      const node = nodes[name];
      const parts = [];
      let invalid = false;
      if (box.error) {
        invalid = true;
        const p = el('p', { class: 'box-error' }, errorText(box.error, tr));
        if (box.error.line && !(state.big && state.big[name])) p.append(' ', showMe(area, box.error, tr));
        parts.push(p);
      } else if (out.pairError && name === fault) {
        invalid = true;
        parts.push(el('p', { class: 'box-error' }, messageText(out.pairError, tr)));
      }
      const commas = box.commas;
      if (commas && !(out.table && out.table.from === name)) {
        const text = state.texts[name] || '';
        if (commas.applied) {
          parts.push(el('p', { class: 'box-warning' }, tr.t(commas.style === 'decimal' ? 'commas.appliedDecimal' : 'commas.appliedThousands'), ' ',
            el('button', { type: 'button', class: 'link-button', 'data-action': 'commas-back', onclick: () => onCommas(name, null) }, tr.t('commas.back'))));
        } else {
          // As the reader would write them: 1.5, 3.5 or 1000, 2000.
          const values = commaExample(text, commas.style).map((v) => String(v)).join(tr.lang === 'zh' ? '、' : ', ');
          parts.push(el('p', { class: 'box-warning' }, tr.t(commas.style === 'decimal' ? 'commas.decimal' : 'commas.thousands'), ' ',
            el('button', { type: 'button', class: 'link-button', 'data-action': 'commas-apply', onclick: () => onCommas(name, commas.style) }, tr.t('commas.readAs', { values }))));
        }
      }
      node.replaceChildren(...parts);
      node.hidden = parts.length === 0;
      node.classList.toggle('is-error', invalid);
      if (invalid) area.setAttribute('aria-invalid', 'true');
      else area.removeAttribute('aria-invalid');
      area.setAttribute('aria-describedby', parts.length ? `${name}-message ${described[name]}`.trim() : described[name]);
    }
  }

  return { render, nodes };
}
