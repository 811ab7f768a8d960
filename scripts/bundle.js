#!/usr/bin/env node
// Bundles the page's ES modules (web/src/) with esbuild into classic scripts
// (IIFE), so they run from file:// and under a strict CSP:
//   lossplay-app.js       the page and the <loss-playground> element (one bundle)
//   lossplay-later.js     what the first view does not show (PyTorch code, export), fetched on first use
//   lossplay-data.js      large data: their preview, the compute pipeline and its worker's code as a
//                         string (started from a Blob URL, so it runs from file://), fetched when needed
//   lossplay-fitlab.js    the fit lab (issue 11): its views, its compute and its worker's code as a
//                         string (a Blob URL again), fetched when the fit view first shows
//   lossplay-examples.js  examples.html's own code
//   lossplay.js           the JS API: global LossPlay in a page, module.exports in Node
//   lossplay-element.js   the small loader host pages include
//   embed.js              the iframe loader host pages include (standalone, unchanged)
//   lossplay.css          web/lossplay.css: the page's stylesheets and uPlot's, in one
// Usage: node scripts/bundle.js OUT_DIR [--entry file.js=name.js ...] [--no-minify]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'web', 'src');

const BUNDLES = {
  'lossplay-app.js': { entry: 'app/main.js', webGlue: true },
  'lossplay-later.js': { entry: 'later/entry.js' },
  'lossplay-data.js': { entry: 'pipeline/chunk-entry.js' },
  // The fit views import their stylesheets as text (added to the page or the shadow root once).
  // Its translate.js is the page's, handed over when the chunk loads (fit/shared-translate.js).
  'lossplay-fitlab.js': { entry: 'fit/entry.js', loader: { '.css': 'text' }, sharedTranslate: true },
  'lossplay-examples.js': { entry: 'examples/main.js', webGlue: true },
  'lossplay-element.js': { entry: 'embed/element-loader.js' },
  'lossplay.js': {
    entry: 'core/api-entry.js',
    globalName: 'LossPlay',
    // In Node the IIFE's var is module-local: hand it to require().
    footer: "if (typeof module === 'object' && module.exports) module.exports = LossPlay;",
  },
};

const WORKER_CODE = path.join(ROOT, 'build', 'gen', 'worker-code.js');
const FIT_WORKER_CODE = path.join(ROOT, 'build', 'gen', 'fit-worker-code.js');

// Pages' main bundles take the core's browser-only glue (build/wasm/lossplay-core-web.js,
// the same .wasm): Node's paths in the glue would only weigh on the first load.
const webGlue = {
  name: 'lossplay-web-glue',
  setup(build) {
    build.onResolve({ filter: /\/lossplay-core\.js$/ }, (args) => {
      const file = path.resolve(args.resolveDir, args.path);
      if (file !== path.join(ROOT, 'build', 'wasm', 'lossplay-core.js')) return undefined;
      return { path: path.join(ROOT, 'build', 'wasm', 'lossplay-core-web.js') };
    });
  },
};

// The fit lab's chunk takes the page's translate.js at run time (fit/shared-translate.js)
// instead of bundling a second copy with the page's string tables.
const sharedTranslate = {
  name: 'lossplay-shared-translate',
  setup(build) {
    build.onResolve({ filter: /\/i18n\/translate\.js$/ }, (args) => {
      const file = path.resolve(args.resolveDir, args.path);
      if (file !== path.join(SRC, 'i18n', 'translate.js')) return undefined;
      return { path: path.join(SRC, 'fit', 'shared-translate.js') };
    });
  },
};

// build/gen/worker-code.js (fit-worker-code.js): `export default "<the worker's IIFE>"`.
async function workerCode(minify, entry = path.join(SRC, 'pipeline', 'worker-entry.js'), out = WORKER_CODE) {
  const worker = await esbuild.build({
    entryPoints: [entry],
    write: false,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify,
    legalComments: 'none',
    external: ['fs', 'path'],
    logLevel: 'warning',
  });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `export default ${JSON.stringify(worker.outputFiles[0].text)};\n`);
}

async function bundle(outDir, options = {}) {
  const minify = options.minify !== false;
  const list = options.entries || Object.entries(BUNDLES).map(([name, b]) => Object.assign({ name }, b, { entry: path.join(SRC, b.entry) }));
  fs.mkdirSync(outDir, { recursive: true });
  // The worker's bundle, as a string module the data chunk imports.
  if (!options.entries) {
    await workerCode(minify);
    await workerCode(minify, path.join(SRC, 'fit', 'worker-entry.js'), FIT_WORKER_CODE);
  }
  for (const b of list) {
    const result = await esbuild.build({
      entryPoints: [b.entry],
      outfile: path.join(outDir, b.name),
      bundle: true,
      format: 'iife',
      globalName: b.globalName,
      footer: b.footer ? { js: b.footer } : undefined,
      platform: 'browser',
      target: ['chrome100', 'firefox100', 'safari15'],
      minify,
      legalComments: 'none',
      // The wasm glue (bundled in) requires these only when it runs in Node.
      external: ['fs', 'path'],
      // Build-time MathML of the registry's formulas (scripts/site/render-formulas.js):
      // the presets' losses in the page's bundle, the others in the later chunk.
      alias: {
        'lossplay-formulas': path.join(ROOT, 'build', 'gen', 'formulas-first.json'),
        'lossplay-formulas-more': path.join(ROOT, 'build', 'gen', 'formulas-more.json'),
        // Their words for screen readers (speak-tex.js), in the later chunk.
        'lossplay-formulas-spoken': path.join(ROOT, 'build', 'gen', 'formulas-spoken.json'),
        'lossplay-worker-code': WORKER_CODE,
        'lossplay-fit-worker-code': FIT_WORKER_CODE,
      },
      loader: b.loader,
      plugins: [b.webGlue && webGlue, b.sharedTranslate && sharedTranslate].filter(Boolean),
      logLevel: 'warning',
    });
    if (result.errors.length) throw new Error(`bundle ${b.name} failed`);
  }
  // The styles: one minified file for the page and the element.
  if (!options.entries) {
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'web', 'lossplay.css')],
      outfile: path.join(outDir, 'lossplay.css'),
      bundle: true,
      external: ['*.woff2'], // the math font stays its own file, loaded when a formula shows
      minify,
      logLevel: 'warning',
    });
  }
  // embed.js stays a small standalone classic script, copied as written.
  if (!options.entries) fs.copyFileSync(path.join(SRC, 'embed', 'embed.js'), path.join(outDir, 'embed.js'));
}

module.exports = { bundle, BUNDLES, SRC };

if (require.main === module) {
  const args = process.argv.slice(2);
  const out = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--entry') || 'dist';
  // --entry FILE=NAME (repeatable): only these (e.g. a test fixture), as NAME in OUT_DIR.
  const entries = [];
  args.forEach((a, i) => {
    if (a !== '--entry') return;
    const [file, name] = args[i + 1].split('=');
    entries.push({ entry: path.resolve(file), name });
  });
  bundle(path.resolve(out), { minify: !args.includes('--no-minify'), entries: entries.length ? entries : undefined }).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
