/* The learner hints as dismissible notes, one per family of traps at a
 * time (the next of a family shows when its first is closed). A hint's
 * buttons apply its fix (onAction); closing one is a patch to
 * state.dismissed, which the share link carries. The hints' texts come with
 * lossplay-later.js: most views have no hint, so the first load does not
 * carry them. */
import { el } from './dom.js';
import { familyOf } from '../compute/hint-watch.js';
import { has, addStrings } from '../i18n/translate.js';

let asked = null; // the later chunk's strings, once asked for

/** The hints to show now: the first not dismissed of each family, and how many wait behind each. */
export function visibleHints(hints, dismissed) {
  const open = hints.filter((h) => !dismissed.includes(h.id));
  const first = new Map();
  for (const h of open) {
    const f = familyOf(h.id);
    if (!first.has(f)) first.set(f, { hint: h, waiting: 0 });
    else first.get(f).waiting++;
  }
  return [...first.values()];
}

export function renderHints(ctx, state, hints, tr, onAction) {
  const box = ctx.$('hints');
  const visible = visibleHints(hints || [], state.dismissed);
  box.replaceChildren();
  box.hidden = visible.length === 0;
  if (!visible.length) return;
  if (!has('hint.dismiss')) {
    // The texts are not here yet: fetch them once, then draw the hints again.
    box.setAttribute('aria-busy', 'true');
    if (!asked) asked = ctx.later().then((later) => addStrings(later.hintStrings));
    asked.then(() => {
      box.removeAttribute('aria-busy');
      if (box.isConnected && ctx.store.get() === state) renderHints(ctx, state, hints, tr, onAction);
    }, () => { asked = null; });
    return;
  }
  for (const { hint: h, waiting } of visible) {
    const card = el('div', { class: 'hint-card', role: 'note', 'data-hint': h.id }, el('p', { class: 'hint-text', text: tr.t(h.key, h.params) }));
    for (const action of h.actions || []) {
      card.append(el('button', { type: 'button', class: 'hint-action', text: tr.t(action.key), onclick: () => onAction(action.fix, h) }));
    }
    if (waiting) card.append(el('span', { class: 'hint-more', text: tr.t('hint.more', { count: waiting }) }));
    card.append(el('button', {
      type: 'button', class: 'hint-dismiss', 'aria-label': tr.t('hint.dismiss'), text: '×',
      onclick: () => ctx.store.update((s) => ({ dismissed: s.dismissed.concat([h.id]) })),
    }));
    box.append(card);
  }
}
