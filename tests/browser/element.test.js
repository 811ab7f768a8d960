// <loss-playground>: the widget without an iframe, on a blog page served
// from another origin, with the script included twice.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { launch } = require('./browser.js');
const { serve } = require('../../scripts/serve.js');

let browser;
let hostServer;
let hostUrl;
before(async () => {
  browser = await launch();
  const site = browser.base.replace(/\/$/, '');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lossplay-host-'));
  // The host's own CSS must not reach inside the widget.
  fs.writeFileSync(path.join(dir, 'post.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,">
<style>textarea { background: rgb(255, 0, 0); } .orange { --accent: rgb(217, 72, 15); }</style>
<script src="${site}/lossplay-element.js" defer></script>
<script src="${site}/lossplay-element.js" defer></script>
</head><body><h1>Losses</h1>
<loss-playground id="a" losses="mse,mae,huber" data="1 3 5 | 2 4 6"></loss-playground>
<p>Between the widgets.</p>
<loss-playground id="b" class="orange" preset="cross_entropy" panels="results,formulas" theme="dark"></loss-playground>
</body></html>`);
  hostServer = await serve(dir, 0);
  hostUrl = `http://127.0.0.1:${hostServer.address().port}/post.html`;
});
after(async () => {
  if (browser) await browser.close();
  if (hostServer) hostServer.close();
});

async function openHost() {
  const page = await browser.context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(hostUrl);
  await page.waitForSelector('loss-playground#a[data-ready="true"]');
  await page.waitForSelector('loss-playground#b[data-ready="true"]');
  return { page, errors, requests };
}

const valueIn = (page, id, shortName) => page.locator(`loss-playground#${id}`).locator('#results tbody tr')
  .filter({ has: page.locator('.loss-short', { hasText: new RegExp(`^${shortName}$`) }) }).locator('td.value');

test('two elements compute on a page that includes the script twice', async () => {
  const { page, errors } = await openHost();
  assert.equal((await valueIn(page, 'a', 'MSE').textContent()).trim(), '1.00000');
  assert.equal((await valueIn(page, 'a', 'Huber').textContent()).trim(), '0.500000');
  assert.equal((await valueIn(page, 'b', 'Cross-entropy').textContent()).trim(), '0.799169');
  assert.equal(await page.evaluate(() => document.querySelectorAll('script[src$="/lossplay-app.js"]').length), 1, 'the page scripts load once');
  assert.deepEqual(errors, []);
  await page.close();
});

test("the host's CSS stays out, CSS variables theme it, and the host's URL and language are untouched", async () => {
  const { page } = await openHost();
  const area = page.locator('loss-playground#a').locator('#predictions');
  assert.notEqual(await area.evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(255, 0, 0)');
  const link = page.locator('loss-playground#b').locator('.embed-open');
  assert.equal(await link.evaluate((e) => getComputedStyle(e).color), 'rgb(217, 72, 15)');
  assert.equal(await page.locator('loss-playground#b').getAttribute('data-theme'), 'dark');
  assert.equal(await page.locator('loss-playground#a').locator('.card-data').isVisible(), true);
  assert.equal(await page.locator('loss-playground#b').locator('.card-data').isVisible(), false);
  await page.locator('loss-playground#a').locator('#predictions').fill('1 3 9');
  await page.waitForFunction(() => {
    const row = document.querySelector('loss-playground#a').shadowRoot.querySelector('#results tbody tr td.value');
    return row && row.textContent.trim() === '3.66667'; // residuals -1, -1, 3
  });
  assert.equal(page.url(), hostUrl);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.close();
});

test('every request stays on the blog or the lossplay site', async () => {
  const { page, requests } = await openHost();
  const site = browser.base;
  const host = hostUrl.replace('post.html', '');
  for (const url of requests) {
    if (url.startsWith('data:')) continue;
    assert.ok(url.startsWith(site) || url.startsWith(host), `request outside the two sites: ${url}`);
  }
  assert.ok(requests.some((u) => u.endsWith('stix-two-math.woff2')), 'the math font loads from the site');
  await page.close();
});
