/* The masthead's controls (language, theme, "Copy link"), the export
 * buttons and the notice about links: each a patch to the store or an
 * action of the app (copy, export). */
import { messageText } from './messages.js';

export function createPageControls(ctx, actions) {
  const { $, store } = ctx;
  const lang = $('lang');
  const theme = $('theme');
  lang.addEventListener('change', () => store.update({ lang: lang.value }));
  theme.addEventListener('change', () => store.update({ theme: theme.value }));
  $('copy-link').addEventListener('click', () => actions.copyLink());
  for (const kind of ['csv', 'json', 'png']) $(`export-${kind}`).addEventListener('click', () => actions.exportAs(kind));
  return {
    render(state, tr) {
      lang.value = state.lang;
      theme.value = state.theme;
      const box = $('link-notice');
      const text = state.notice ? messageText(state.notice.message, tr) : '';
      box.textContent = text;
      box.hidden = !text;
      box.classList.toggle('notice-alert', Boolean(state.notice && state.notice.alert));
    },
  };
}
