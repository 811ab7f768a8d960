// Share links, exports and the PyTorch code on the real page.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { launch, openPage } = require('./browser.js');
const { valueOf } = require('./results.js');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

test('the URL carries the whole view: opening it restores data, losses, options and language', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await page.click('button[data-preset="huber"]');
  await page.getByLabel(/Huber δ/).fill('0.1');
  await page.getByLabel('Predictions (ŷ)').fill('2.5，3.2，3.8，9');
  await page.getByLabel('Targets (y)').fill('2 3 4 4');
  await page.getByLabel('Language').selectOption('zh');
  await page.waitForFunction(() => /#s=/.test(location.href) && document.documentElement.lang === 'zh-CN');
  await page.waitForTimeout(500); // the link is written after a short pause
  const url = page.url();
  const huber = await valueOf(page, 'Huber');
  await page.close();

  const { page: again } = await openPage(browser.context, url);
  assert.equal(await again.getByLabel('预测值 ŷ').inputValue(), '2.5，3.2，3.8，9');
  assert.equal(await again.locator('html').getAttribute('lang'), 'zh-CN');
  assert.equal(await again.locator('#opt-huber_loss-delta').inputValue(), '0.1');
  await again.waitForFunction(() => document.querySelectorAll('#results tbody tr').length === 3);
  assert.equal(await valueOf(again, 'Huber'), huber);
  await again.close();
});

test('a damaged link says so and opens the default view', async () => {
  const { page } = await openPage(browser.context, `${browser.base}#s=zAAAAbroken.123456`);
  await page.locator('#link-notice').waitFor();
  // Worded in full (its words come with the later chunk), not a bare key.
  assert.match(await page.locator('#link-notice').textContent(), /(damaged|cannot be opened): .*Nothing from it was applied\.$/);
  assert.equal(await valueOf(page, 'MSE'), '1.00000');
  await page.close();
});

test('results export as CSV and JSON with full precision', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await page.click('button[data-preset="huber"]');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  assert.match(text, /huber_loss/);
  assert.match(text, /0\.05500000000000003/); // every digit of PyTorch's value
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const doc = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(doc.format, 'lossplay-results/1');
  assert.ok(doc.losses.some((l) => l.name === 'huber_loss' && l.value === 0.05500000000000003));
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  assert.equal(fs.readFileSync(await png.path()).subarray(1, 4).toString(), 'PNG');
  await page.close();
});

test('each formula card offers the PyTorch code for the numbers on screen', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await page.click('button[data-preset="huber"]');
  const card = page.locator('.formula-card').filter({ hasText: 'Huber loss' });
  await card.locator('.code-fold summary').click();
  const code = await card.locator('code.lp-codeblock-code').textContent();
  assert.match(code, /import torch/);
  assert.match(code, /F\.huber_loss\(/);
  assert.match(code, /2\.5, 3\.2, 3\.8/);
  assert.match(code, /backward\(\)/);
  await page.close();
});
