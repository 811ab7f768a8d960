// Shared by the browser tests that drive a fixture page: a copy of the
// assembled site (dist/ or LOSSPLAY_DIST) in a temporary folder, with the
// fixture's HTML and its ES-module entry bundled by scripts/bundle.js (the
// modules of web/src/ as they are now). The site build never ships these.
// Call it before requiring ./browser.js: it points LOSSPLAY_DIST at the copy.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..', '..');

/**
 * name: the folder under fixtures/; at: where its files go in the site
 * ('' for the root); entries: {'entry.js': 'bundle.js'}. Returns the site's folder.
 */
function fixtureSite(name, at, entries) {
  const source = process.env.LOSSPLAY_DIST ? path.resolve(process.env.LOSSPLAY_DIST) : path.join(ROOT, 'dist');
  if (!fs.existsSync(path.join(source, 'index.html'))) throw new Error(`${source} is not built: run scripts/build.sh first`);
  const site = fs.mkdtempSync(path.join(os.tmpdir(), `lossplay-${name}-site-`));
  fs.cpSync(source, site, { recursive: true });
  const dir = path.join(__dirname, 'fixtures', name);
  const target = path.join(site, at);
  fs.mkdirSync(target, { recursive: true });
  for (const file of fs.readdirSync(dir)) if (file.endsWith('.html')) fs.copyFileSync(path.join(dir, file), path.join(target, file));
  const args = [path.join(ROOT, 'scripts', 'bundle.js'), target, '--no-minify'];
  for (const [entry, bundle] of Object.entries(entries)) args.push('--entry', `${path.join(dir, entry)}=${bundle}`);
  execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  process.env.LOSSPLAY_DIST = site;
  return site;
}

module.exports = { fixtureSite };
