// The fit core's own WebAssembly module in Chromium: web/src/fit/fit-api.js,
// bundled as a later chunk would bundle it, loads lossplay-fit.wasm over
// http and lossplay-fit-wasm.js (the same bytes as a script) from file://,
// and fits the Done-when data; a missing module is a clear error;
// the page's first view loads none of it.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { fixtureSite } = require('./fixture-site.js');

const SITE = fixtureSite('fit', 'fixtures/fit', { 'fit-fixture.mjs': 'fit-fixture.bundle.js' });
const { launch, openPage } = require('./browser.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); fs.rmSync(SITE, { recursive: true, force: true }); });

// Least squares on x = 1..10, y = 2x + 1 with y[9] = 60.
const LS_SLOPE = 4.127272727272727;

async function fitOn(url) {
  const { page, requests, pageErrors } = await openPage(browser.context, url);
  const result = await page.evaluate(() => self.fixture.fitDoneWhen());
  await page.close();
  return { result, requests, pageErrors };
}

test('over http the fit core is fetched as lossplay-fit.wasm and fits MSE and MAE', async () => {
  const { result, requests, pageErrors } = await fitOn(`${browser.base}fixtures/fit/fit-fixture.html`);
  assert.equal(result.error, undefined, result.error);
  assert.ok(Math.abs(result.mse - LS_SLOPE) <= 1e-9 * LS_SLOPE, `MSE slope ${result.mse}`);
  assert.ok(Math.abs(result.mae - 2) <= 1e-9, `MAE slope ${result.mae}`);
  assert.equal(result.again, result.mae);
  assert.equal(result.pathLength, 301);
  assert.ok(result.isModule);
  assert.equal(result.handed, result.mse, 'started from the compiled module alone');
  assert.equal(requests.filter((u) => u.endsWith('/lossplay-fit.wasm')).length, 1, requests.join('\n'));
  assert.ok(!requests.some((u) => u.endsWith('lossplay-fit-wasm.js')), 'no inline copy needed over http');
  assert.deepEqual(pageErrors, []);
});

test('from file:// the fit core comes from lossplay-fit-wasm.js', async () => {
  const url = pathToFileURL(path.join(SITE, 'fixtures', 'fit', 'fit-fixture.html')).href;
  const { result, requests, pageErrors } = await fitOn(url);
  assert.equal(result.error, undefined, result.error);
  assert.ok(Math.abs(result.mse - LS_SLOPE) <= 1e-9 * LS_SLOPE, `MSE slope ${result.mse}`);
  assert.ok(Math.abs(result.mae - 2) <= 1e-9, `MAE slope ${result.mae}`);
  assert.ok(requests.some((u) => u.endsWith('/lossplay-fit-wasm.js')), requests.join('\n'));
  assert.deepEqual(pageErrors, []);
});

test('a fit core that is not there fails with fit_core_load_failed, naming the file', async () => {
  const { page } = await openPage(browser.context, `${browser.base}fixtures/fit/fit-fixture.html`);
  const error = await page.evaluate(() => self.fixture.loadFit({ base: new URL('/nowhere/', location.href).href })
    .then(() => null, (e) => ({ code: e.code, params: e.params, message: e.message })));
  await page.close();
  assert.equal(error.code, 'fit_core_load_failed');
  assert.equal(error.params.file, 'lossplay-fit.wasm');
  assert.match(error.params.reason, /404/);
});

test("index.html's first view loads no part of the fit core", async () => {
  const { page, requests } = await openPage(browser.context, `${browser.base}index.html`);
  await page.close();
  assert.ok(requests.some((u) => /lossplay-core/.test(u)), requests.join('\n'));
  assert.ok(!requests.some((u) => /lossplay-fit/.test(u)), requests.join('\n'));
});
