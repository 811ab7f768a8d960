/* embed.js (a classic script, not a module: copied to dist/ as written): the loader a host page (a blog post) includes beside its
 * lossplay widgets. Classic script, no dependencies:
 *
 *   <iframe data-lossplay src="lossplay/index.html?embed=1&losses=mse,mae"
 *           title="lossplay" width="100%" height="600" loading="lazy"></iframe>
 *   <script src="lossplay/embed.js" defer></script>
 *
 * A widget posts {type: 'lossplay:height', id, height} to its parent whenever
 * its content changes height; this loader sets that height on the <iframe>
 * the message came from, so the widget never shows a scroll bar of its own.
 * Only <iframe data-lossplay> elements are ever touched; a message whose
 * source is not one of their windows (another frame, the host page itself, a
 * browser extension) is ignored. The loader never reads or writes the host
 * page's URL. Including it twice is harmless: the second copy does nothing.
 *
 * window.LossPlayEmbed = {version, prepare(root), resize(frame, height), clampHeight(h)}
 */
(function (root) {
  'use strict';

  const MESSAGE_TYPE = 'lossplay:height';
  const MIN_HEIGHT = 160;
  const MAX_HEIGHT = 6000;
  // Before the widget reports: about a results table and one chart.
  const INITIAL_HEIGHT = 600;
  // The size a browser gives an iframe nobody sized.
  const DEFAULT_WIDTH = 300;
  const DEFAULT_HEIGHT = 150;
  const SELECTOR = 'iframe[data-lossplay]';

  // The iframe's accessible name when the host gave it none.
  const STRINGS = {
    title: { en: 'lossplay: loss functions on your own numbers', zh: 'lossplay：用你自己的数字试验损失函数' },
  };

  // The host page's language decides the default title.
  function lang() {
    const ui = root.LossPlayUI;
    if (ui && (ui.lang === 'zh' || ui.lang === 'en')) return ui.lang;
    const doc = typeof document !== 'undefined' ? document.documentElement : null;
    return doc && /^zh\b/i.test(doc.lang || '') ? 'zh' : 'en';
  }

  /** A reported height as whole CSS pixels within [MIN_HEIGHT, MAX_HEIGHT]; null if not a number. */
  function clampHeight(height) {
    if (typeof height !== 'number' || !Number.isFinite(height)) return null;
    return Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(height)));
  }

  // Only the exact message a widget sends: a plain object of the right type.
  function isHeightMessage(data) {
    return Boolean(data) && typeof data === 'object' && data.type === MESSAGE_TYPE;
  }

  // The widget iframe whose window sent a message, or null.
  function frameFor(source) {
    if (!source) return null;
    for (const frame of document.querySelectorAll(SELECTOR)) {
      if (frame.contentWindow === source) return frame;
    }
    return null;
  }

  // What a border-box frame adds around the widget's viewport (the host's
  // CSS may give frames borders or padding and box-sizing: border-box).
  function frameChrome(frame) {
    const style = getComputedStyle(frame);
    if (style.boxSizing !== 'border-box') return 0;
    const px = (name) => parseFloat(style[name]) || 0;
    return px('borderTopWidth') + px('borderBottomWidth') + px('paddingTop') + px('paddingBottom');
  }

  /** Gives a widget frame a viewport `height` px tall (clamped); returns that height, or null. */
  function resize(frame, height) {
    const h = clampHeight(height);
    if (h === null) return null;
    frame.style.height = `${h + frameChrome(frame)}px`;
    return h;
  }

  function onMessage(event) {
    if (!isHeightMessage(event.data)) return;
    const frame = frameFor(event.source);
    if (frame) resize(frame, event.data.height);
  }

  // Defaults for widget frames the host wrote by hand: the column's width, a
  // height to start from, lazy loading (it only helps frames added after
  // this runs), a title for screen readers, no inset border. Whatever the
  // host set itself, in attributes or its own CSS, stays: only the browser's
  // defaults (300 × 150 px, 2 px inset border) are replaced.
  function prepareFrame(frame) {
    if (frame.dataset.lossplayReady) return;
    frame.dataset.lossplayReady = 'true';
    if (!frame.hasAttribute('loading')) frame.setAttribute('loading', 'lazy');
    if (!frame.hasAttribute('title')) frame.setAttribute('title', STRINGS.title[lang()]);
    const style = getComputedStyle(frame);
    if (style.borderTopStyle === 'inset') frame.style.border = '0';
    if (!frame.hasAttribute('width') && !frame.style.width && style.width === `${DEFAULT_WIDTH}px`) {
      frame.style.width = '100%';
    }
    if (!frame.hasAttribute('height') && !frame.style.height && parseFloat(style.height) <= DEFAULT_HEIGHT) {
      frame.style.height = `${INITIAL_HEIGHT}px`;
    }
  }

  /** Applies the defaults to every widget frame under root (default: the document). */
  function prepare(base) {
    const scope = base || document;
    if (scope.matches && scope.matches(SELECTOR)) prepareFrame(scope);
    for (const frame of scope.querySelectorAll(SELECTOR)) prepareFrame(frame);
  }

  const api = { version: 1, prepare, resize, clampHeight, isHeightMessage, MIN_HEIGHT, MAX_HEIGHT, strings: STRINGS };

  // In Node (unit tests) only the pure functions are wanted.
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
    return;
  }
  // Included twice: the first copy is already listening.
  if (root.LossPlayEmbed) return;
  root.LossPlayEmbed = api;
  if (typeof window === 'undefined' || typeof document === 'undefined') return;
  window.addEventListener('message', onMessage);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => prepare());
  else prepare();
})(typeof self !== 'undefined' ? self : this);
