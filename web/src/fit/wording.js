/* The fit lab's words in the page's language: one translator the views
 * keep (it follows the language), and the texts written so far, re-worded
 * when the language changes. */
import { translator } from '../i18n/translate.js';

export function createWording(lang) {
  let cur = translator(lang);
  const texts = []; // [node, key or () => text, params?]
  const tr = {
    get lang() { return cur.lang; },
    t: (key, params) => cur.t(key, params),
    error: (e) => cur.error(e),
    pick: (item, field) => cur.pick(item, field),
    shortName: (loss) => cur.shortName(loss),
    range: (opt) => cur.range(opt),
  };
  return {
    tr,
    /** Writes `key` into node now and after each language change. */
    say(node, key, params) {
      texts.push([node, key, params]);
      node.textContent = tr.t(key, params);
      return node;
    },
    /** Writes text() into node now and after each language change. */
    sayWith(node, text) {
      texts.push([node, text]);
      node.textContent = text();
      return node;
    },
    /** Switches to `lang` and re-words every text written. */
    setLang(next) {
      cur = translator(next);
      for (const [node, key, params] of texts) node.textContent = typeof key === 'function' ? key() : tr.t(key, params);
    },
  };
}

/** The number typed in a box, or null when it is not one. */
export function numberIn(text) {
  const s = String(text).trim();
  const v = Number(s);
  return s !== '' && Number.isFinite(v) ? v : null;
}
