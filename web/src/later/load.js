/* Loads a chunk of the page's code (lossplay-later.js: the PyTorch code,
 * export, long data's charts; lossplay-data.js: large data) on first use,
 * as a classic script beside the page's bundle: works from file:// and
 * under a CSP with script-src 'self'. The chunk hands its exports to the
 * <script> element created here (an event), never through a global. */

const loading = new Map(); // by URL: one load per page, however many widgets

/** Resolves to the exports that chunk `file` sends in `event` on its <script>. `base`: the folder of the site's files;
 * `shared`: what the chunk takes from the page, set on its <script> before it runs. */
export function loadChunk(file, base, event = 'lossplay:chunk', shared = null) {
  const url = new URL(file, base).href;
  if (!loading.has(url)) {
    loading.set(url, new Promise((resolve, reject) => {
      const s = document.createElement('script');
      if (shared) s.lossplayShared = shared; // what the chunk takes from the page (fit/shared-translate.js)
      s.addEventListener(event, (e) => resolve(e.detail), { once: true });
      s.addEventListener('error', () => {
        loading.delete(url);
        reject(new Error(`lossplay: cannot load ${url}`));
      });
      s.src = url;
      document.head.append(s);
    }));
  }
  return loading.get(url);
}

/** Resolves to {buildCode, CodeBlock, exportResults, chartFigure, chartsScale, moreFormulas, hintStrings, findHints, spokenFormulas, errorStrings}. */
export const loadLater = (base) => loadChunk('lossplay-later.js', base);
