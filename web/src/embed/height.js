/* Inside an iframe, the widget tells its host page its height (embed.js on
 * the host sizes the frame). Never used by the <loss-playground> element. */

export function reportHeight(id) {
  if (window.parent === window) return;
  let last = 0;
  const post = () => {
    // The content's own height (scrollHeight never drops below the frame's).
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'lossplay:height', id: id || null, height }, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}
