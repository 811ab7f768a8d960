/* Entry of lossplay-app.js, the site's one bundle: defines <loss-playground>
 * and, in index.html (which holds <div id="lossplay-app">), starts the page. */
import { startApp } from './start.js';
import { defineElement } from '../embed/element.js';

const script = document.currentScript;
// The folder of the site's files: where this bundle came from.
const base = new URL('.', script ? script.src : location.href).href;

defineElement(base);

function startPage() {
  const frame = document.getElementById('lossplay-app');
  if (!frame) return; // loaded for the custom element into someone else's page
  startApp({
    root: document, frame, themeHost: document.documentElement, base,
    params: new URLSearchParams(location.search), site: new URL('index.html', location.href).href,
  }).catch((e) => console.error(e));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startPage);
else startPage();
