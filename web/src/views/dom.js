/* The one DOM helper: el(tag, attrs, ...children) builds an element.
 * attrs: class, text (textContent), on<event> (a listener), anything else an
 * attribute (true gives an empty one; null, undefined and false are left
 * out). Children are nodes or strings (as text): never markup. */

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

let nextId = 0;
/** A page-unique id with `prefix`. */
export function uid(prefix) {
  nextId++;
  return `${prefix}-${nextId}`;
}
