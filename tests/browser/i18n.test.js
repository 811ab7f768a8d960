// The language layer in Chromium: ?lang=zh picks Chinese on load, and the
// page's own data-i18n attributes (the test writes none) translate the
// static page both ways when the reader switches the language menu.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

// Selector -> key, as index.html should carry them (data-i18n unless an
// attribute is named).
const STATIC = [
  ['title', 'page.title'],
  ['meta[name=description]', 'page.description', 'content'],
  ['.tagline', 'page.tagline'],
  ['label[for=lang]', 'page.language'],
  ['label[for=theme]', 'page.theme'],
  ['#theme option[value=auto]', 'theme.auto'],
  ['#theme option[value=light]', 'theme.light'],
  ['#theme option[value=dark]', 'theme.dark'],
  ['#data-heading', 'data.heading'],
  ['#presets-label', 'data.presets'],
  ['label[for=predictions]', 'data.predictions'],
  ['label[for=targets]', 'data.targets'],
  ['#data-hint', 'data.hint'],
  ['#losses-heading', 'losses.heading'],
  ['label[for=reduction]', 'losses.reduction'],
  ['#reduction option[value=mean]', 'reduction.mean'],
  ['#reduction option[value=sum]', 'reduction.sum'],
  ['#reduction option[value=none]', 'reduction.none'],
  ['#reduction option[value=batchmean]', 'reduction.batchmean'],
  ['#results-heading', 'results.heading'],
  ['#results-empty', 'results.empty'],
  ['#chart-heading', 'chart.heading'],
  ['#formulas-heading', 'formulas.heading'],
  ['.footer p', 'footer.text'],
];

const { fixtureSite } = require('./fixture-site.js');
const SITE = fixtureSite('i18n', '', { 'i18n-fixture.mjs': 'i18n-fixture.bundle.js' });
const { launch, openPage } = require('./browser.js');
const { importWeb } = require('../js/support/web-src.js');

let browser;
let i18n; // the translator, for the texts the page should show
before(async () => {
  browser = await launch();
  i18n = await importWeb('i18n/translate.js');
});
after(async () => {
  if (browser) await browser.close();
  fs.rmSync(SITE, { recursive: true, force: true });
});

const texts = (page) => page.evaluate((rows) => rows.map(([selector, , attr]) => {
  const node = document.querySelector(selector);
  return node ? (attr ? node.getAttribute(attr) : node.textContent) : null;
}), STATIC);
const want = (lang) => STATIC.map(([, key]) => i18n.t(key, null, lang));

test('?lang=zh picks Chinese as the page loads: every static text is the table\'s', async () => {
  const { page, pageErrors } = await openPage(browser.context, `${browser.base}?lang=zh`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await page.locator('#lang').inputValue(), 'zh');
  assert.deepEqual(await texts(page), want('zh'));
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('the language menu translates the static page both ways, attributes included', async () => {
  const { page, pageErrors } = await openPage(browser.context, `${browser.base}?lang=en`);
  const english = await texts(page);
  assert.ok(english.every((t) => t !== null), 'every selector finds its element');
  assert.deepEqual(english, want('en'));
  await page.getByLabel('Language').selectOption('zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.deepEqual(await texts(page), want('zh'));
  assert.equal(await page.title(), 'lossplay · 损失函数演练场');
  assert.equal(await page.locator('label[for=predictions]').textContent(), '预测值 ŷ');
  // The form controls keep working: the label still names its textarea.
  await page.getByLabel('预测值 ŷ').fill('1 2 3');
  assert.equal(await page.locator('#predictions').inputValue(), '1 2 3');
  assert.equal(await page.locator('#reduction').inputValue(), 'mean');
  await page.getByLabel('语言').selectOption('en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.deepEqual(await texts(page), english, 'back to the English of the markup');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('applyTo sets text, never markup, and only the allowed attributes', async () => {
  const { page } = await openPage(browser.context, `${browser.base}i18n-fixture.html`);
  const result = await page.evaluate(() => {
    const box = document.createElement('div');
    const a = document.createElement('button');
    a.append(document.createElement('b'));
    a.setAttribute('data-i18n', 'data.heading');
    a.setAttribute('data-i18n-aria-label', 'data.heading');
    a.setAttribute('data-i18n-onclick', 'data.heading');
    const input = document.createElement('input');
    input.setAttribute('data-i18n-placeholder', 'data.predictions');
    input.setAttribute('data-i18n-title', 'no.such.key');
    box.append(a, input);
    self.fixture.applyTo(box, 'zh');
    return {
      text: a.textContent, children: a.children.length, aria: a.getAttribute('aria-label'),
      onclick: a.getAttribute('onclick'), placeholder: input.placeholder, title: input.getAttribute('title'),
    };
  });
  assert.deepEqual(result, { text: '数据', children: 0, aria: '数据', onclick: null, placeholder: '预测值 ŷ', title: null });
  await page.close();
});

test('screenshots of the page in Chinese (LOSSPLAY_SHOTS=dir)', { skip: !process.env.LOSSPLAY_SHOTS }, async () => {
  const dir = process.env.LOSSPLAY_SHOTS;
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 780 }]]) {
    for (const scheme of ['light', 'dark']) {
      const { page } = await openPage(browser.context, `${browser.base}?lang=zh`, viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: path.join(dir, `i18n-${name}-${scheme}.png`), fullPage: name === 'phone' });
      await page.close();
    }
  }
});

test('with ?lang=zh the page controls built from the state are Chinese too', async () => {
  const b = await launch();
  try {
    const { page } = await openPage(b.context, `${b.base}?lang=zh`);
    assert.equal((await page.locator('#copy-link').textContent()).trim(), '复制链接');
    assert.equal((await page.locator('#export-csv').textContent()).trim(), '下载 CSV');
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.match(await page.locator('#results thead').textContent(), /损失函数/);
  } finally {
    await b.close();
  }
});

test("without ?lang the page follows the browser's language, and ?lang=en overrides it", async () => {
  const b = await launch({ locale: 'zh-CN' });
  try {
    const { page } = await openPage(b.context, b.base);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.equal((await page.locator('label[for=predictions]').textContent()).trim(), '预测值 ŷ');
    await page.close();
    const { page: en } = await openPage(b.context, `${b.base}?lang=en`);
    assert.equal(await en.locator('html').getAttribute('lang'), 'en');
    assert.equal((await en.locator('label[for=predictions]').textContent()).trim(), 'Predictions (ŷ)');
  } finally {
    await b.close();
  }
});
