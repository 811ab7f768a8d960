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

// ---- the traps with a one-click fix (issue 10); expected numbers from PyTorch float64 ----

const { importWeb } = require('../js/support/web-src.js');

// Opens the page on a link holding these losses and data (English, mean).
async function openWith(losses, predictions, targets, extra = {}) {
  const share = await importWeb('state/share-link.js');
  const s = await share.encode(Object.assign({
    v: 1, lang: 'en', reduction: 'mean', losses, data: { predictions, targets, extra: {} },
  }, extra));
  const { page } = await openPage(browser.context, `${browser.base}#s=${s}`);
  return page;
}

const shortNames = (page) => page.locator('#results tbody tr .loss-short').allTextContents();

test('raw scores given to BCE: one click switches to BCE with logits (0.232200)', async () => {
  const page = await openWith(['binary_cross_entropy'], '2.2 -1.4 0.8', '1 0 1');
  await hint(page, 'bce_range').getByRole('button', { name: 'Use BCE with logits' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('#results tbody tr .loss-short')].map((n) => n.textContent).join() === 'BCE with logits');
  assert.match(await page.locator('#results tbody tr td.value').first().textContent(), /^0\.232200/); // F.binary_cross_entropy_with_logits
  assert.equal(await hint(page, 'bce_range').count(), 0);
  await page.close();
});

test("probabilities given to cross-entropy: one click takes log ŷ and the loss reads the note's 0.424322", async () => {
  const page = await openWith(['cross_entropy'], '0.7 0.2 0.1\n0.1 0.8 0.1\n0.2 0.3 0.5', '1 0 0\n0 1 0\n0 0 1');
  await hint(page, 'ce_probabilities').getByRole('button', { name: 'Replace ŷ by log ŷ' }).click();
  await page.waitForFunction(() => /^0\.424322/.test(document.querySelector('#results tbody tr td.value').textContent));
  assert.match(await page.getByLabel('Predictions (ŷ)').inputValue(), /^-0\.35667494393873\d* -1\.6094379124341\d* -2\.30258509299404\d*\n/);
  assert.equal(await hint(page, 'ce_probabilities').count(), 0, 'log-probabilities no longer sum to 1: the hint is gone');
  await page.close();
});

test('BCE with logits given targets 2, 4, 6 says targets belong in [0, 1] (−11.5438) and offers MSE', async () => {
  const page = await openWith(['binary_cross_entropy_with_logits'], '1 3 5', '2 4 6');
  const card = hint(page, 'bce_logits_targets');
  await card.waitFor();
  assert.match(await card.textContent(), /targets in \[0, 1\].*-11\.5438/s);
  await card.getByRole('button', { name: 'Use MSE instead' }).click();
  await page.waitForFunction(() => document.querySelector('#results tbody tr .loss-short').textContent === 'MSE');
  assert.match(await page.locator('#results tbody tr td.value').first().textContent(), /^1\.00000/);
  await page.close();
});

test('KL with unnormalised log-probabilities (−0.133940): one click normalises ŷ with log-softmax (0.00192914)', async () => {
  const page = await openWith(['kl_div'], '0 -1 -2', '0.7 0.2 0.1');
  const card = hint(page, 'kl_unnormalised');
  await card.waitFor();
  assert.match(await card.textContent(), /sums to 1\.50321.*-0\.133940.*0\.00192914/s);
  await card.getByRole('button', { name: /Normalise ŷ/ }).click();
  await page.waitForFunction(() => /^0\.00192914/.test(document.querySelector('#results tbody tr td.value').textContent));
  assert.equal(await hint(page, 'kl_unnormalised').count(), 0);
  await page.close();
});

test('MAPE with a zero target (3.33333e+08) is explained; dropping the sample gives 20.8333', async () => {
  const page = await openWith(['mape'], '1 3 5', '0 4 6');
  const card = hint(page, 'mape_zero');
  await card.waitFor();
  assert.match(await card.textContent(), /3\.33333e\+8.*20\.8333/s);
  await card.getByRole('button', { name: 'Drop the samples where y = 0' }).click();
  await page.waitForFunction(() => /^20\.8333/.test(document.querySelector('#results tbody tr td.value').textContent));
  assert.equal(await page.getByLabel('Predictions (ŷ)').inputValue(), '3 5');
  assert.equal(await page.getByLabel('Targets (y)').inputValue(), '4 6');
  await page.close();
});

test('hard 0/1 predictions to BCE: the 33.3333 is explained by the −100 clamp of log 0', async () => {
  const page = await openWith(['binary_cross_entropy'], '1 0 1', '1 1 1');
  const card = hint(page, 'bce_hard');
  await card.waitFor();
  assert.match(await card.textContent(), /clamps the log at −100.*the 1 wrong prediction adds exactly 100.*33\.3333/s);
  await page.close();
});

test('one hint per family at a time; a closed hint stays closed through the link', async () => {
  // BCE on hard labels in ŷ and probabilities in y: swapped boxes, and BCE with logits' own trap.
  const page = await openWith(['binary_cross_entropy', 'binary_cross_entropy_with_logits', 'hinge_embedding_loss'], '1 0 1', '0.9 0.2 3');
  await page.locator('#hints .hint-card').first().waitFor();
  const ids = () => page.locator('#hints .hint-card').evaluateAll((cards) => cards.map((c) => c.dataset.hint));
  // Both are about how y is read: one card, saying another waits.
  assert.deepEqual(await ids(), ['bce_logits_targets'], 'one card per family');
  assert.match(await hint(page, 'bce_logits_targets').textContent(), /1 more hint after this one/);
  await hint(page, 'bce_logits_targets').getByRole('button', { name: 'Dismiss this hint' }).click();
  await hint(page, 'hinge_embedding').waitFor();
  assert.deepEqual(await ids(), ['hinge_embedding'], 'the next of the family');
  await hint(page, 'hinge_embedding').getByRole('button', { name: 'Dismiss this hint' }).click();
  await page.waitForFunction(() => !document.querySelector('#hints .hint-card'));
  await page.waitForFunction(() => /#s=/.test(location.href));
  await page.waitForTimeout(500); // the link is written after a short pause
  const url = page.url();
  await page.close();
  const { page: again } = await openPage(browser.context, url);
  await again.locator('#results tbody tr').first().waitFor();
  await again.waitForTimeout(500); // the hints' finder comes with the later chunk
  assert.equal(await again.locator('#hints .hint-card').count(), 0, 'both dismissed in the link');
  await again.close();
});

test('the hinge example shows at most one hint per family', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await page.click('button[data-preset="hinge"]');
  await page.locator('#hints .hint-card').first().waitFor();
  const ids = await page.locator('#hints .hint-card').evaluateAll((cards) => cards.map((c) => c.dataset.hint));
  assert.deepEqual(ids, ['hinge_embedding'], 'one hint, not a stack');
  await page.close();
});

test('probabilities to cross-entropy with class indices: one click switches to NLL on log ŷ (0.424322)', async () => {
  const page = await openWith(['cross_entropy'], '0.7 0.2 0.1\n0.1 0.8 0.1\n0.2 0.3 0.5', '0 1 2');
  await hint(page, 'ce_probabilities').getByRole('button', { name: 'Use NLL on log ŷ' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('#results tbody tr .loss-short')].map((n) => n.textContent).join() === 'NLL');
  assert.match(await page.locator('#results tbody tr td.value').first().textContent(), /^0\.424322/); // F.nll_loss(log p, [0, 1, 2])
  await page.close();
});
