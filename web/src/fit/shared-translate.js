/* i18n/translate.js as lossplay-fitlab.js sees it: the page's own module,
 * handed over on the <script> element that loads the chunk (later/load.js,
 * from views/view-tabs.js), so the chunk carries no second translator and
 * none of the page's string tables, and its tables join the page's.
 * scripts/bundle.js puts it in place of translate.js for this bundle only:
 * Node's tests and the chart harness import translate.js itself. */
const script = typeof document !== 'undefined' ? document.currentScript : null;
const host = script && script.lossplayShared ? script.lossplayShared.translate : null;
if (!host) throw new Error("lossplay-fitlab.js: loaded without the page's translator");

export const {
  addStrings, normalize, has, keys, entry, t, pick, describeShape, translateError, shortNameOf, shapeOf, rangeOf,
  translator, langFromQuery, detect, applyTo,
} = host;
