// The study note's traps, spotted on the page with the number the reader meant.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage } = require('./browser.js');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

const hint = (page, id) => page.locator(`#hints [data-hint="${id}"]`);

test("the note's cross-entropy example gets the probabilities-are-not-logits hint with 0.424322", async () => {
  const { page } = await openPage(browser.context, browser.base);
  await page.click('button[data-preset="cross_entropy"]');
  await hint(page, 'ce_probabilities').waitFor();
  const text = await hint(page, 'ce_probabilities').textContent();
  assert.match(text, /0\.799169/);
  assert.match(text, /0\.424322/); // -mean(log p[true class]), the note's intent
  await page.getByRole('button', { name: 'Dismiss this hint' }).click();
  assert.equal(await hint(page, 'ce_probabilities').count(), 0);
  await page.close();
});

test('labels 0/1 given to the hinge loss get a hint whose button maps 0 to -1', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await page.click('button[data-preset="hinge"]');
  await page.getByLabel('Targets (y)').fill('1 0 1 0');
  await hint(page, 'hinge_01:hinge').waitFor();
  assert.match(await hint(page, 'hinge_01:hinge').textContent(), /0\.250000/);
  await hint(page, 'hinge_01:hinge').getByRole('button', { name: /Change 0 to −1/ }).click();
  assert.equal(await page.getByLabel('Targets (y)').inputValue(), '1 -1 1 -1');
  await page.close();
});

test('HingeEmbeddingLoss explains how it differs from the SVM hinge', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await page.click('button[data-preset="hinge"]');
  await hint(page, 'hinge_embedding').waitFor();
  assert.match(await hint(page, 'hinge_embedding').textContent(), /not the SVM hinge.*0\.250000/s);
  await page.close();
});

test('swapped boxes and BCE on raw scores are pointed out', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await page.locator('#loss-picker details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; })); // the catalogue's groups start folded
  await page.getByRole('checkbox', { name: /^BCE Binary/ }).check();
  await page.getByRole('checkbox', { name: /^MSE Mean/ }).uncheck();
  await page.getByRole('checkbox', { name: /^RMSE Root/ }).uncheck();
  await page.getByLabel('Predictions (ŷ)').fill('1 0 1');
  await page.getByLabel('Targets (y)').fill('0.9 0.2 0.7');
  await hint(page, 'swapped').waitFor();
  await hint(page, 'swapped').getByRole('button', { name: 'Swap ŷ and y' }).click();
  assert.equal(await page.getByLabel('Predictions (ŷ)').inputValue(), '0.9 0.2 0.7');
  assert.equal(await hint(page, 'swapped').count(), 0);

  await page.getByLabel('Predictions (ŷ)').fill('2.2 -1.4 0.8');
  await page.getByLabel('Targets (y)').fill('1 0 1');
  await hint(page, 'bce_range').waitFor();
  assert.match(await hint(page, 'bce_range').textContent(), /BCE with logits/);
  assert.match(await page.locator('#alert').textContent(), /input\[0\] is 2\.2/);
  await page.close();
});

test('MSLE values at or below -1 are explained', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await page.locator('#loss-picker details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; })); // the catalogue's groups start folded
  await page.getByRole('checkbox', { name: /^MSLE Mean/ }).check();
  await page.getByLabel('Predictions (ŷ)').fill('-1 2 3');
  await hint(page, 'msle_domain').waitFor();
  assert.match(await hint(page, 'msle_domain').textContent(), /greater than −1; 1 of them/);
  await page.close();
});
