/* <loss-playground>: the playground as a custom element, without an iframe.
 *
 *   <script src="lossplay/lossplay-element.js" defer></script>
 *   <loss-playground losses="mse,mae,huber" data="1 3 5 | 2 4 6"></loss-playground>
 *
 * Attributes are the shortcode's and the embed URL's: losses, data, preset,
 * panels, theme, lang, options. The widget lives in a Shadow DOM, so the
 * host page's CSS does not leak in; it is themed from outside through CSS
 * custom properties (--bg, --card, --text, --muted, --accent, --border, ...)
 * set on the element. It never touches the host page's URL. Including this
 * script twice is harmless. The site's other files load from beside it. */
(function () {
  'use strict';
  if (typeof window === 'undefined' || !window.customElements || customElements.get('loss-playground')) return;

  const script = document.currentScript;
  const base = new URL('.', script ? script.src : location.href).href;
  const SCRIPTS = [
    'vendor/uPlot.iife.min.js', 'vendor/temml.min.js', 'lossplay-core.js', 'lossplay.js', 'i18n.js', 'format.js',
    'input.js', 'presets.js', 'charts.js', 'hints.js', 'share.js', 'export.js', 'pytorch-code.js', 'outlier.js',
    'layout.js', 'app.js',
  ];
  const STYLES = ['vendor/uPlot.min.css', 'style.css', 'input.css', 'share.css', 'charts.css'];
  const ATTRIBUTES = ['losses', 'data', 'preset', 'panels', 'theme', 'lang', 'options'];

  // The page's scripts, in order, once per page however many elements it has.
  let loading = null;
  function loadScripts() {
    if (loading) return loading;
    loading = SCRIPTS.reduce((chain, file) => chain.then(() => new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = base + file;
      s.onload = resolve;
      s.onerror = () => reject(new Error(`lossplay: cannot load ${s.src}`));
      document.head.append(s);
    })), Promise.resolve());
    return loading;
  }

  // @font-face rules do not work inside a shadow root: add the math font to
  // the host document, once, through the FontFace API (no <style> element, so
  // a host's strict style-src is not involved).
  let fontAdded = false;
  function declareFont() {
    if (fontAdded || typeof FontFace === 'undefined') return;
    fontAdded = true;
    const face = new FontFace('STIX Two Math', `url("${base}vendor/stix-two-math.woff2") format("woff2")`, { display: 'swap' });
    document.fonts.add(face);
    face.load().catch(() => {}); // without it formulas fall back to the system's math font
  }

  class LossPlayground extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return; // moved in the page: keep the running widget
      const root = this.attachShadow({ mode: 'open' });
      for (const file of STYLES) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = base + file;
        root.append(link);
      }
      const frame = document.createElement('div');
      frame.className = 'lp-app';
      root.append(frame);
      declareFont();
      const params = new URLSearchParams();
      for (const name of ATTRIBUTES) if (this.hasAttribute(name)) params.set(name, this.getAttribute(name));
      loadScripts()
        .then(() => self.LossPlayUI.startApp({
          root, frame, themeHost: this, params, element: this, site: `${base}index.html`,
        }))
        .catch((e) => {
          frame.textContent = e.message;
        });
    }
  }

  customElements.define('loss-playground', LossPlayground);
})();
