/* The masthead's controls (language, number format, theme, "Copy link"),
 * the skip links, the export buttons, the presets' pressed state and the
 * notice about links: each a patch to the store or an action of the app
 * (copy, export). */
import { messageText } from './messages.js';
import { activePreset } from '../state/presets.js';

export function createPageControls(ctx, actions) {
  const { $, store, root } = ctx;
  const lang = $('lang');
  const theme = $('theme');
  const digits = $('digits');
  lang.addEventListener('change', () => store.update({ lang: lang.value }));
  theme.addEventListener('change', () => store.update({ theme: theme.value }));
  digits.addEventListener('change', () => store.update({ digits: digits.value }));
  $('copy-link').addEventListener('click', () => actions.copyLink());
  for (const kind of ['csv', 'json', 'png']) $(`export-${kind}`).addEventListener('click', () => actions.exportAs(kind));
  // Skip links move focus themselves: a #fragment does not reach into a
  // shadow root, and focus (not just scrolling) is what a keyboard needs.
  for (const a of root.querySelectorAll('.skip-link')) {
    a.addEventListener('click', (e) => {
      const target = $(a.hash.slice(1));
      if (!target || target.closest('[hidden]')) return;
      e.preventDefault();
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    });
  }
  return {
    render(state, tr) {
      lang.value = state.lang;
      theme.value = state.theme;
      digits.value = state.digits === 'fixed' ? 'fixed' : 'sig';
      const on = activePreset(state);
      for (const b of root.querySelectorAll('button[data-preset]')) b.setAttribute('aria-pressed', String(b.dataset.preset === on));
      const box = $('link-notice');
      const text = state.notice ? messageText(state.notice.message, tr) : '';
      box.textContent = text;
      box.hidden = !text;
      box.classList.toggle('notice-alert', Boolean(state.notice && state.notice.alert));
    },
  };
}
