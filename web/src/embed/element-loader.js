/* lossplay-element.js: what a host page includes to get <loss-playground>.
 *
 *   <script src="lossplay/lossplay-element.js" defer></script>
 *   <loss-playground losses="mse,mae,huber" data="1 3 5 | 2 4 6"></loss-playground>
 *
 * A small loader: it adds the site's one bundle, lossplay-app.js (which
 * defines the element), from beside itself, once per page however many
 * times it is included. */
(() => {
  if (typeof document === 'undefined') return;
  const script = document.currentScript;
  const src = new URL('lossplay-app.js', script ? script.src : location.href).href;
  if (document.querySelector(`script[src="${src}"]`)) return;
  const s = document.createElement('script');
  s.src = src;
  document.head.append(s);
})();
