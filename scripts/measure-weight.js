#!/usr/bin/env node
// measure-weight.js: what a reader's first load of a site's index.html
// weighs. Serves the folder on 127.0.0.1, opens the page in headless
// Chromium with a fresh profile, waits until the results table has rows,
// the fonts are in and the network has been quiet, and lists every request:
// URL path, raw bytes and gzip -9 bytes of each body (computed here, so the
// figure does not depend on whether a server compresses), and the total.
//   node scripts/measure-weight.js [DIR=dist] [--page index.html] [--max-kb 200] [--json] [--fit]
// --fit: the page opened on its fit lab (index.html?view=fit, waiting for the
// fit's results table): what the first load plus the fit lab's chunk, core and
// worker weigh (the first load alone is the default).
// Exits 1 when the total is above --max-kb, when a request leaves the site,
// or when one fails (4xx/5xx, or no answer).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { serve } = require('./serve.js');

const READY = '#results tbody tr';
const FIT_READY = '.fit-lab:not([aria-busy]) .fit-results tbody tr';

function parseArgs(argv) {
  const opts = { dir: 'dist', page: 'index.html', maxKb: null, json: false, ready: READY };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--fit') {
      opts.page = 'index.html?view=fit';
      opts.ready = FIT_READY;
    }
    else if (a === '--page') opts.page = argv[++i];
    else if (a === '--max-kb') {
      opts.maxKb = Number(argv[++i]);
      if (!(opts.maxKb > 0)) throw new Error('--max-kb needs a positive number');
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else opts.dir = a;
  }
  return opts;
}

/**
 * Loads `page` of the site in `dir` and resolves to
 * {files: [{path, type, status, raw, gzip}], total: {raw, gzip}, external: [url], failed: [url + reason]}.
 * Bodies come from Chromium; a body it cannot hand back (a wasm compiled
 * while streaming, say) is read from the served folder instead.
 */
async function measure(dir, { page: pageName = 'index.html', ready = READY, timeout = 20000 } = {}) {
  const { chromium } = require('playwright-core');
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, pageName.split('?')[0]))) throw new Error(`${path.join(root, pageName)} does not exist: build the site first`);
  const server = await serve(root, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lossplay-weight-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const files = [];
  const external = [];
  const failed = [];
  const pending = [];
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    page.on('request', (request) => {
      const url = request.url();
      if (/^(data|blob):/.test(url)) return; // no network: the bytes are inside a file already counted
      if (!url.startsWith(base)) external.push(url);
    });
    page.on('requestfailed', (request) => failed.push(`${request.url()} (${request.failure()?.errorText || 'failed'})`));
    page.on('response', (response) => {
      const url = response.url();
      if (!url.startsWith(base)) return;
      pending.push((async () => {
        const rel = decodeURIComponent(new URL(url).pathname);
        if (response.status() >= 400) failed.push(`${url} (HTTP ${response.status()})`);
        let body;
        try {
          body = await response.body();
        } catch {
          const file = path.join(root, rel.endsWith('/') ? `${rel}index.html` : rel);
          body = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
        }
        files.push({
          path: rel, type: (response.headers()['content-type'] || '').split(';')[0], status: response.status(),
          raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length,
        });
      })());
    });
    await page.goto(base + pageName);
    await page.waitForSelector(ready, { timeout });
    // What the first view fetches after the results: fonts for the math, lazy chunks.
    await page.evaluate(() => document.fonts.ready);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
  } finally {
    await context.close();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(profile, { recursive: true, force: true });
  }
  files.sort((a, b) => b.gzip - a.gzip || a.path.localeCompare(b.path));
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
  return { files, total, external, failed };
}

function table({ files, total }) {
  const kb = (n) => (n / 1024).toFixed(1);
  const rows = [['file', 'type', 'raw KB', 'gzip KB'], ...files.map((f) => [f.path, f.type, kb(f.raw), kb(f.gzip)]),
    [`total (${files.length} files)`, '', kb(total.raw), kb(total.gzip)]];
  const width = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r, n) => r.map((c, i) => (i < 2 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ')
    + (n === 0 || n === rows.length - 2 ? `\n${width.map((w) => '-'.repeat(w)).join('  ')}` : '')).join('\n');
}

module.exports = { measure, table };

if (require.main === module) {
  (async () => {
    const opts = parseArgs(process.argv.slice(2));
    const result = await measure(opts.dir, { page: opts.page, ready: opts.ready });
    if (opts.json) console.log(JSON.stringify(result, null, 2));
    else console.log(table(result));
    let ok = true;
    for (const url of result.external) { console.error(`measure-weight: request leaves the site: ${url}`); ok = false; }
    for (const what of result.failed) { console.error(`measure-weight: request failed: ${what}`); ok = false; }
    if (opts.maxKb !== null && result.total.gzip > opts.maxKb * 1024) {
      console.error(`measure-weight: ${(result.total.gzip / 1024).toFixed(1)} KB gzipped is above the ${opts.maxKb} KB limit`);
      ok = false;
    }
    process.exit(ok ? 0 : 1);
  })().catch((e) => {
    console.error(`measure-weight: ${e.message}`);
    process.exit(2);
  });
}
