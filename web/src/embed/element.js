/* <loss-playground>: the playground as a custom element, without an iframe.
 * Attributes are the shortcode's and the embed URL's: losses, data, preset,
 * panels, theme, lang, options, view ("fit": the fit lab alone). The widget lives in a Shadow DOM, so the
 * host page's CSS does not leak in; it is themed from outside through CSS
 * custom properties (--bg, --card, --text, --muted, --accent, --border, ...)
 * set on the element. It never touches the host page's URL. */
import { startApp } from '../app/start.js';

const STYLES = ['lossplay.css'];
const ATTRIBUTES = ['losses', 'data', 'preset', 'panels', 'theme', 'lang', 'options', 'view'];

// @font-face rules do not work inside a shadow root: add the math font to
// the host document, once, through the FontFace API (no <style> element, so
// a host's strict style-src is not involved).
let fontAdded = false;
function declareFont(base) {
  if (fontAdded || typeof FontFace === 'undefined') return;
  fontAdded = true;
  const face = new FontFace('STIX Two Math', `url("${base}vendor/stix-two-math.woff2") format("woff2")`, { display: 'swap' });
  document.fonts.add(face);
  face.load().catch(() => {}); // without it formulas fall back to the system's math font
}

/** Defines <loss-playground>, its files loading from `base` (the site's folder). */
export function defineElement(base) {
  if (typeof window === 'undefined' || !window.customElements || customElements.get('loss-playground')) return;
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
      declareFont(base);
      const params = new URLSearchParams();
      for (const name of ATTRIBUTES) if (this.hasAttribute(name)) params.set(name, this.getAttribute(name));
      startApp({ root, frame, themeHost: this, params, element: this, site: `${base}index.html`, base }).catch((e) => {
        frame.textContent = e.message;
      });
    }
  }
  customElements.define('loss-playground', LossPlayground);
}
