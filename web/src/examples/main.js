/* Entry of lossplay-examples.js, examples.html's own code: the page's
 * language (its menu, ?lang= or the browser's), a Copy button on each code
 * snippet, and the live widgets kept in the page's language. */
import { t, applyTo, detect, addStrings } from '../i18n/translate.js';
import { examplesStrings } from '../i18n/strings/examples.js';
import { errorStrings } from '../i18n/strings/errors.js';

addStrings(examplesStrings);
addStrings(errorStrings); // the page's own bundle, outside index.html's first load

const COPIED_MS = 2000;
let lang = detect(location, navigator);

// Selects the snippet's text, for browsers without a usable clipboard (file://).
function selectText(node) {
  const range = document.createRange();
  range.selectNodeContents(node);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

// A bar with the snippet's label and a Copy button above its <pre>.
function addCopyButton(snippet) {
  const label = snippet.dataset.label || '';
  const code = snippet.querySelector('code');
  const bar = document.createElement('div');
  bar.className = 'snippet-bar';
  const name = document.createElement('span');
  name.className = 'snippet-label';
  name.textContent = label;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'control-button snippet-copy';
  const status = document.createElement('span');
  status.className = 'snippet-status';
  status.setAttribute('role', 'status');
  const relabel = () => {
    button.textContent = t('examples.copy', null, lang);
    button.setAttribute('aria-label', t('examples.copyLabel', { label }, lang));
  };
  relabel();
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.textContent);
      status.textContent = t('examples.copied', null, lang);
    } catch (e) {
      selectText(code);
      status.textContent = t('examples.selected', null, lang);
    }
    setTimeout(() => { status.textContent = ''; }, COPIED_MS);
  });
  bar.append(name, status, button);
  snippet.prepend(bar);
  return relabel;
}

// The live widgets speak the page's language: their address gets lang=.
function widgetsFollow(lang) {
  for (const frame of document.querySelectorAll('iframe[data-lossplay]')) {
    const url = new URL(frame.getAttribute('src'), location.href);
    if (url.searchParams.get('lang') === lang) continue;
    url.searchParams.set('lang', lang);
    frame.src = url.href;
  }
}

function start() {
  const relabels = Array.from(document.querySelectorAll('.snippet'), addCopyButton);
  const menu = document.getElementById('lang');
  const apply = () => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    applyTo(document, lang);
    menu.value = lang;
    for (const relabel of relabels) relabel();
  };
  apply();
  menu.addEventListener('change', () => {
    lang = menu.value === 'zh' ? 'zh' : 'en';
    apply();
    widgetsFollow(lang);
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
