/* Loads lossplay-later.js (the PyTorch code and export) on first use, as a
 * classic script beside the page's bundle: works from file:// and under a
 * CSP with script-src 'self'. The chunk hands its exports to the <script>
 * element created here (a 'lossplay:chunk' event), never through a global. */

const loading = new Map(); // by URL: one load per page, however many widgets

/** Resolves to {buildCode, CodeBlock, exportResults, chartsScale}. `base`: the folder of the site's files. */
export function loadLater(base) {
  const url = new URL('lossplay-later.js', base).href;
  if (!loading.has(url)) {
    loading.set(url, new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.addEventListener('lossplay:chunk', (e) => resolve(e.detail), { once: true });
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
