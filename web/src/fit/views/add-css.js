/* Adds a view's CSS text once to the document or the shadow root that
 * holds its container (an embed's widget), keyed by name. */
import { el } from '../../views/dom.js';

export function addCss(container, name, text) {
  const root = container.getRootNode ? container.getRootNode() : document;
  const host = root && root.nodeType === 11 ? root : document.head; // 11: a shadow root
  if (host.querySelector(`style[data-fit-css="${name}"]`)) return;
  host.append(el('style', { 'data-fit-css': name, text }));
}
