#!/usr/bin/env node
// scripts/bench.sh's page benchmark: the playground end to end in headless
// Chromium, the way a reader meets it. For N rows in each box it times
//   file:  two files opened on the ŷ and y boxes -> the MSE row shows the value
//   paste: Ctrl+V of the ŷ numbers (the y file already open) -> the MSE row
// with the longest main-thread task seen meanwhile (PerformanceObserver
// 'longtask'), and its peer in the same page: `text.split('\n').map(Number)`
// on both texts and a plain MSE loop. Ratios are page ÷ peer, all from one
// run. Prints a table and writes build/bench/page*.json.
//   node scripts/bench/page.js [--quick] [--out FILE] [--sizes 1e5,1e6]
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { launch, openPage } = require('../../tests/browser/browser.js');
const { makeColumns } = require('./data.js'); // the same numbers as the kernel bench's
const { benchArgs } = require('./cli.js');

const ROOT = path.join(__dirname, '..', '..');
const { quick, option, out } = benchArgs('page');
const SIZES = option('--sizes', quick ? '1e4' : '1e5,1e6').split(',').map(Number);
const SETTLE_MS = 2000; // after the result shows, what still runs (the charts) before the longest task is read
const TIMEOUT_MS = 180000; // per measurement: a page that takes longer is reported as such

// Collects long tasks from the start, before the page's own scripts run.
const OBSERVE = `
  self.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) self.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

// Resolves with the page time (performance.now()) at which the MSE row reads
// `mse` to its six significant digits, polling every frame.
function mseShown(page, mse) {
  return page.waitForFunction((want) => {
    for (const row of document.querySelectorAll('#results tbody tr')) {
      const name = row.querySelector('.loss-short');
      const cell = row.querySelector('td.value');
      if (!name || !cell || name.textContent !== 'MSE') continue;
      const shown = Number(cell.textContent.trim().replace(/[^0-9eE+\-.]/g, ''));
      if (Number.isFinite(shown) && Math.abs(shown - want) <= 1e-5 * Math.abs(want)) return performance.now();
    }
    return false;
  }, mse, { polling: 'raf', timeout: TIMEOUT_MS }).then((h) => h.jsonValue());
}

async function longestSince(page, t0) {
  return page.evaluate((since) => self.__longtasks.filter((e) => e.start + e.duration >= since)
    .reduce((m, e) => Math.max(m, e.duration), 0), t0);
}

async function fresh(browser) {
  await browser.context.addInitScript(OBSERVE);
  const { page } = await openPage(browser.context, `${browser.base}index.html?lang=en`, { width: 1366, height: 900 });
  return page;
}

// Stamps the page time of the first `change` of a file input or `paste`, so
// the clock starts in the page, not in the driver.
const STAMP = () => {
  self.__t0 = null;
  const stamp = () => { if (self.__t0 === null) self.__t0 = performance.now(); };
  document.addEventListener('change', stamp, true);
  document.addEventListener('paste', stamp, true);
};

async function measureFile(browser, files, mse) {
  const page = await fresh(browser);
  await page.evaluate(STAMP);
  const inputs = page.locator('input[type=file]');
  const done = mseShown(page, mse);
  await inputs.nth(0).setInputFiles(files.yhat);
  await inputs.nth(1).setInputFiles(files.y);
  const t1 = await done;
  const t0 = await page.evaluate(() => self.__t0);
  await page.waitForTimeout(SETTLE_MS); // the charts draw after the results show: their tasks count too
  const longest = await longestSince(page, t0);
  await page.close();
  return { ms: t1 - t0, longestTaskMs: longest };
}

async function measurePaste(browser, files, text, mse) {
  const page = await fresh(browser);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: browser.base.replace(/\/$/, '') });
  // y from its file first; then ŷ by Ctrl+V into the ŷ box.
  const inputs = page.locator('input[type=file]');
  await inputs.nth(1).setInputFiles(files.y);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const box = page.getByLabel(/^Predictions/).first();
  await box.click();
  await page.keyboard.press('Control+A');
  await page.evaluate(STAMP);
  const done = mseShown(page, mse);
  await page.keyboard.press('Control+V');
  const t1 = await done;
  const t0 = await page.evaluate(() => self.__t0);
  await page.waitForTimeout(SETTLE_MS); // the charts draw after the results show: their tasks count too
  const longest = await longestSince(page, t0);
  await page.close();
  return { ms: t1 - t0, longestTaskMs: longest };
}

// The peer: what a page author would write by hand, on the same texts in the
// same browser: split + Number for both boxes and one MSE loop. Best of 5.
async function measurePeer(browser, texts) {
  const page = await fresh(browser);
  const ms = await page.evaluate(([a, b]) => {
    let best = Infinity;
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      const x = a.trim().split('\n').map(Number);
      const y = b.trim().split('\n').map(Number);
      let s = 0;
      for (let i = 0; i < x.length; i++) { const d = x[i] - y[i]; s += d * d; }
      self.__peer = s / x.length;
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  }, [texts.yhat, texts.y]);
  await page.close();
  return ms;
}

const fmt = (v) => (v === null ? '—' : v < 100 ? v.toFixed(1) : v.toFixed(0));
const rat = (a, b) => (a === null || !b ? '—' : `${(a / b).toFixed(2)}×`);

async function settle(promise) {
  try {
    return await promise;
  } catch (e) {
    return { ms: null, longestTaskMs: null, error: e.message.split('\n')[0] };
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lossplay-page-bench-'));
  const browser = await launch();
  const rows = [];
  try {
    for (const n of SIZES) {
      const texts = makeColumns(n);
      const files = { yhat: path.join(dir, `yhat-${n}.txt`), y: path.join(dir, `y-${n}.txt`) };
      fs.writeFileSync(files.yhat, texts.yhat);
      fs.writeFileSync(files.y, texts.y);
      const row = { n, megabytes: Buffer.byteLength(texts.yhat) / 1e6 };
      row.peerMs = await measurePeer(browser, texts);
      row.file = await settle(measureFile(browser, files, texts.mse));
      row.paste = await settle(measurePaste(browser, files, texts.yhat, texts.mse));
      rows.push(row);
      console.log(`page ${String(n).padStart(8)} rows (${row.megabytes.toFixed(1)} MB a box)  peer split+Number+MSE ${fmt(row.peerMs)} ms  ` +
        `file→MSE ${fmt(row.file.ms)} ms (${rat(row.file.ms, row.peerMs)} the peer, longest task ${fmt(row.file.longestTaskMs)} ms)  ` +
        `paste→MSE ${fmt(row.paste.ms)} ms (${rat(row.paste.ms, row.peerMs)}, longest task ${fmt(row.paste.longestTaskMs)} ms)` +
        `${row.file.error ? `  file: ${row.file.error}` : ''}${row.paste.error ? `  paste: ${row.paste.error}` : ''}`);
    }
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ when: new Date().toISOString(), quick, page: rows }, null, 1)}\n`);
  console.log(`wrote ${path.relative(ROOT, out)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
