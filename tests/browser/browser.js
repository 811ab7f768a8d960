// Shared set-up of the browser tests: Debian's Chromium through
// playwright-core, a fresh profile, and dist/ served on 127.0.0.1.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { serve } = require('../../scripts/serve.js');

const ROOT = path.join(__dirname, '..', '..');
// LOSSPLAY_DIST points the tests at another assembled site (scripts/assemble-site.sh DIR).
const DIST = process.env.LOSSPLAY_DIST ? path.resolve(process.env.LOSSPLAY_DIST) : path.join(ROOT, 'dist');

// options.locale sets the browser's language (navigator.language), as a
// reader's browser would.
async function launch(options = {}) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/ is not built: run scripts/build.sh first');
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lossplay-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    locale: options.locale,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
  const server = await serve(DIST, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  return {
    context,
    base,
    async close() {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Opens the page and records every request it makes.
async function openPage(context, url, viewport = { width: 1280, height: 900 }) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]');
  return { page, requests, pageErrors };
}

module.exports = { launch, openPage, ROOT, DIST };
