/* Loads lossplay-data.js (large data: their preview, the pipeline and its
 * worker) on first use, as a classic script beside the page's bundle, like
 * later/load.js: works from file:// and under a CSP with script-src
 * 'self'. Its exports arrive in a 'lossplay:data' event on the <script>. */

const loading = new Map(); // by URL: one load per page, however many widgets

/** Resolves to {createPipeline, keep, forget, blobOf, textOf, createBigPreview, createProgress}. */
export function loadData(base) {
  const url = new URL('lossplay-data.js', base).href;
  if (!loading.has(url)) {
    loading.set(url, new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.addEventListener('lossplay:data', (e) => resolve(e.detail), { once: true });
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
