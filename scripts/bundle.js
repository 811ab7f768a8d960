#!/usr/bin/env node
// Bundles the page's ES modules (web/src/) with esbuild into classic scripts
// (IIFE), so they run from file:// and under a strict CSP:
//   lossplay-app.js       the page and the <loss-playground> element (one bundle)
//   lossplay-later.js     what the first view does not show (PyTorch code, export), fetched on first use
//   lossplay-worker.js    the compute pipeline's worker, as a string a classic script hands to the page
//                         (started from a Blob URL, so it runs from file://), fetched after the first view
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
  'lossplay-app.js': { entry: 'app/main.js' },
  'lossplay-later.js': { entry: 'later/entry.js' },
  'lossplay-examples.js': { entry: 'examples/main.js' },
  'lossplay-element.js': { entry: 'embed/element-loader.js' },
  'lossplay.js': {
    entry: 'core/api-entry.js',
    globalName: 'LossPlay',
    // In Node the IIFE's var is module-local: hand it to require().
    footer: "if (typeof module === 'object' && module.exports) module.exports = LossPlay;",
  },
};

async function bundle(outDir, options = {}) {
  const minify = options.minify !== false;
  const list = options.entries || Object.entries(BUNDLES).map(([name, b]) => Object.assign({ name }, b, { entry: path.join(SRC, b.entry) }));
  fs.mkdirSync(outDir, { recursive: true });
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
      // Build-time MathML of the registry's formulas (scripts/site/render-formulas.js).
      alias: { 'lossplay-formulas': path.join(ROOT, 'build', 'gen', 'formulas.json') },
      logLevel: 'warning',
    });
    if (result.errors.length) throw new Error(`bundle ${b.name} failed`);
  }
  // The worker: its bundle as a string, handed over by a classic script
  // (pipeline/pipeline.js makes a Blob URL of it).
  if (!options.entries) {
    const worker = await esbuild.build({
      entryPoints: [path.join(SRC, 'pipeline', 'worker-entry.js')],
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
    const code = worker.outputFiles[0].text;
    fs.writeFileSync(path.join(outDir, 'lossplay-worker.js'),
      "(function(){var s=document.currentScript;if(s)s.dispatchEvent(new CustomEvent('lossplay:worker',{detail:" +
      `${JSON.stringify(code)}}));})();\n`);
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
