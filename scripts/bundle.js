#!/usr/bin/env node
// Bundles the page's ES modules (web/src/) with esbuild into classic scripts
// (IIFE), so they run from file:// and under a strict CSP:
//   lossplay-app.js       the page and the <loss-playground> element (one bundle)
//   lossplay-later.js     what the first view does not show (PyTorch code, export), fetched on first use
//   lossplay-examples.js  examples.html's own code
//   lossplay.js           the JS API: global LossPlay in a page, module.exports in Node
//   lossplay-element.js   the small loader host pages include
//   embed.js              the iframe loader host pages include (standalone, unchanged)
// Usage: node scripts/bundle.js OUT_DIR [--entry file.js=name.js ...] [--no-minify]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'web', 'src');

// TEMPORARY until the merge: web/src/i18n/strings/errors.js (the core's
// error templates) comes from the C++ side. Without it, an empty table
// stands in and errors show their English message.
const ERRORS = path.join(SRC, 'i18n', 'strings', 'errors.js');
let warned = false;
const optionalErrors = {
  name: 'optional-errors-table',
  setup(build) {
    build.onResolve({ filter: /\/errors\.js$/ }, (args) => {
      const file = path.resolve(args.resolveDir, args.path);
      if (file !== ERRORS || fs.existsSync(ERRORS)) return undefined;
      return { path: file, namespace: 'missing-errors' };
    });
    build.onLoad({ filter: /.*/, namespace: 'missing-errors' }, () => {
      if (!warned) console.warn('bundle: web/src/i18n/strings/errors.js is missing: core errors stay English until it is merged');
      warned = true;
      return { contents: 'export const errorStrings = {};', loader: 'js' };
    });
  },
};

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
      // The wasm glue stays its own file (required beside lossplay.js in Node).
      external: ['./lossplay-core.js'],
      plugins: [optionalErrors],
      logLevel: 'warning',
    });
    if (result.errors.length) throw new Error(`bundle ${b.name} failed`);
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
