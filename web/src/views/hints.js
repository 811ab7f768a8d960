/* The learner hints as dismissible notes; a dismissed hint is a patch to
 * state.dismissed and stays hidden until the page reloads. */
import { el } from './dom.js';

export function renderHints(ctx, state, hints, tr, onAction) {
  const box = ctx.$('hints');
  const visible = hints.filter((h) => !state.dismissed.includes(h.id));
  box.replaceChildren();
  box.hidden = visible.length === 0;
  for (const h of visible) {
    const card = el('div', { class: 'hint-card', role: 'note', 'data-hint': h.id }, el('p', { class: 'hint-text', text: tr.t(h.key, h.params) }));
    if (h.action) {
      card.append(el('button', { type: 'button', class: 'hint-action', text: tr.t(h.action.key), onclick: () => onAction(h.action.kind, h) }));
    }
    card.append(el('button', {
      type: 'button', class: 'hint-dismiss', 'aria-label': tr.t('hint.dismiss'), text: '×',
      onclick: () => ctx.store.update((s) => ({ dismissed: s.dismissed.concat([h.id]) })),
    }));
    box.append(card);
  }
}
