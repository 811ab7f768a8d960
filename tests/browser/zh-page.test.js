// The Chinese page in Chromium (issue 10, item 11): no English words in
// its visible text outside a small allow-list (loss names, PyTorch, code),
// and formulas with a spoken form in words of the page's language.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage } = require('./browser.js');
const { importWeb } = require('../js/support/web-src.js');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

// Words that are names, not English: products, formats, PyTorch's own
// names, the math's function names, the core's short names and the
// losses' English titles shown beside the Chinese ones (read from the page).
const ALLOWED = new Set([
  'lossplay', 'PyTorch', 'torch', 'nn', 'functional', 'Python', 'JSON', 'CSV', 'PNG', 'TSV', 'NumPy', 'numpy', 'GitHub',
  'logits', 'logit', 'softmax', 'sigmoid', 'log', 'exp', 'max', 'min', 'sign', 'clip', 'cosh', 'tanh', 'cos', 'argmax',
  'sqrt', 'inf', 'nan', 'true', 'false', 'one', 'hot', 'SVM', 'Ctrl', 'WebAssembly', 'MathML', 'float64',
  'HingeEmbeddingLoss', 'log_softmax', 'reduction', // PyTorch's names, as the note writes them
  'd1', // a shape's dimension, [N, C, d1, ...]
]);

// The visible words of Latin letters in the page's text, where they stand,
// leaving out code, data boxes, quoted values ('mean' as PyTorch spells
// it), the losses' English names given beside the Chinese (marked lang=en,
// or the title's gloss) and the identifiers of formulas (<mi>, such as y).
function visibleWords(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const skip = 'code, pre, textarea, script, style, [lang|="en"], mi, annotation, .loss-short, .loss-title, .option-name, .title-zh, [aria-hidden="true"]';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip)) continue;
      if (typeof parent.checkVisibility === 'function' && !parent.checkVisibility()) continue;
      if (parent.closest('[hidden]')) continue;
      const text = node.data.replace(/'[^']*'|‘[^’]*’|"[^"]*"/g, ' ');
      for (const m of text.matchAll(/[A-Za-z][A-Za-z_0-9]+/g)) {
        const where = parent.id || parent.className || parent.tagName.toLowerCase();
        out.push({ word: m[0], where: String(where).slice(0, 40), text: node.data.trim().slice(0, 80) });
      }
    }
    return out;
  });
}

async function englishOn(page, lp) {
  const names = new Set(ALLOWED);
  for (const l of lp.losses) {
    for (const w of `${l.shortName} ${l.shortZh || ''} ${l.titleZh} ${l.name} ${l.pytorch || ''}`.split(/[^A-Za-z_0-9]+/)) if (w) names.add(w);
    for (const o of l.options) names.add(o.name);
    for (const a of l.args) names.add(a.name);
  }
  return (await visibleWords(page)).filter((w) => !names.has(w.word));
}

test('the Chinese page shows no English words outside names, for every preset and the outlier and hints', async () => {
  const { loadLossPlay } = require('../js/lossplay-dist.js');
  const { lp } = await loadLossPlay();
  const { page } = await openPage(browser.context, `${browser.base}?lang=zh`);
  const bad = [];
  const presets = await page.locator('button[data-preset]').evaluateAll((bs) => bs.map((b) => b.dataset.preset));
  assert.ok(presets.length >= 5, 'the presets are there');
  for (const preset of presets) {
    await page.click(`button[data-preset="${preset}"]`);
    await page.locator('#outlier-on').check();
    await page.locator('.formula-card').first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(300); // hints and formulas that come with the later chunk
    for (const w of await englishOn(page, lp)) bad.push(`${preset}: "${w.word}" in ${w.where}: ${w.text}`);
    await page.locator('#outlier-on').uncheck();
  }
  assert.deepEqual([...new Set(bad)], []);
  await page.close();
});

test('a bad box and a loss with extra inputs read in Chinese too', async () => {
  const { loadLossPlay } = require('../js/lossplay-dist.js');
  const { lp } = await loadLossPlay();
  const share = await importWeb('state/share-link.js');
  const s = await share.encode({
    v: 1, lang: 'zh', reduction: 'mean', losses: ['mse_loss', 'huber_loss', 'kl_div', 'margin_ranking_loss'],
    data: { predictions: '1 3 5 7', targets: '2 4 6', extra: {} },
  });
  const { page } = await openPage(browser.context, `${browser.base}#s=${s}`);
  await page.waitForTimeout(300);
  const words = (await englishOn(page, lp)).map((w) => `"${w.word}" in ${w.where}: ${w.text}`);
  assert.deepEqual([...new Set(words)], []);
  await page.close();
});

test('each formula has a spoken form in words of the page\'s language', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await page.click('button[data-preset="mse"]');
  const mse = page.locator('.formula-card').first().locator('.math').first();
  await mse.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('.formula-card .math[aria-label]'));
  assert.equal(await mse.getAttribute('role'), 'img');
  assert.equal(await mse.getAttribute('aria-label'),
    'L equals 1 over n times the sum over i from 1 to n of left paren y hat sub i minus y sub i right paren squared');
  const gradient = page.locator('.formula-card').first().locator('.math').nth(1);
  assert.match(await gradient.getAttribute('aria-label'), /^the partial derivative of L with respect to y hat sub i equals 2 over n times/);
  await page.getByLabel('Language').selectOption('zh');
  await page.waitForFunction(() => /等于/.test(document.querySelector('.formula-card .math').getAttribute('aria-label') || ''));
  assert.equal(await page.locator('.formula-card').first().locator('.math').first().getAttribute('aria-label'),
    'L 等于 n 分之 1 乘以 对 i 从 1 到 n 求和，左括号 y 帽 下标 i 减 y 下标 i 右括号 的平方');
  // A case split reads as cases (Huber): "… if … ; … otherwise".
  await page.getByLabel('语言').selectOption('en').catch(() => page.locator('#lang').selectOption('en'));
  await page.click('button[data-preset="huber"]');
  await page.waitForFunction(() => [...document.querySelectorAll('.formula-card .math[aria-label]')].some((m) => / otherwise$/.test(m.getAttribute('aria-label'))));
  await page.close();
});
