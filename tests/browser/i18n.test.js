// The language layer in Chromium: ?lang=zh picks Chinese on load, and the
// data-i18n attributes translate the static page both ways. Until
// index.html loads i18n.js itself, the test adds the script and the
// attributes the way the page will have them.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { launch, openPage, DIST } = require('./browser.js');

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

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

// The page with i18n.js loaded (by the page itself, or added here).
async function openWithI18n(query = '') {
  assert.ok(fs.existsSync(path.join(DIST, 'i18n.js')), `${DIST}/i18n.js is missing: assemble the site again`);
  const opened = await openPage(browser.context, `${browser.base}${query}`);
  const { page } = opened;
  if (!(await page.evaluate(() => Boolean(self.LossPlayUI && self.LossPlayUI.i18n)))) {
    await page.addScriptTag({ url: `${browser.base}i18n.js` });
  }
  await page.evaluate((rows) => {
    for (const [selector, key, attr] of rows) {
      const node = document.querySelector(selector);
      if (node) node.setAttribute(attr ? `data-i18n-${attr}` : 'data-i18n', key);
    }
  }, STATIC);
  return opened;
}

const texts = (page) => page.evaluate((rows) => rows.map(([selector, , attr]) => {
  const node = document.querySelector(selector);
  return node ? (attr ? node.getAttribute(attr) : node.textContent) : null;
}), STATIC);

test('?lang=zh picks Chinese as the page loads', async () => {
  const { page, pageErrors } = await openWithI18n('?lang=zh');
  assert.equal(await page.evaluate(() => self.LossPlayUI.i18n.lang), 'zh');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal(await page.evaluate(() => self.LossPlayUI.lang), 'zh');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('applyTo translates the static page both ways, attributes included', async () => {
  const { page, pageErrors } = await openWithI18n('?lang=en');
  const english = await texts(page);
  assert.ok(english.every((t) => t !== null), 'every selector finds its element');
  const zh = await page.evaluate(() => {
    const calls = [];
    self.LossPlayUI.i18n.onChange((lang) => calls.push(lang));
    self.LossPlayUI.i18n.setLang('zh');
    return calls;
  });
  assert.deepEqual(zh, ['zh']);
  const chinese = await texts(page);
  const want = await page.evaluate((rows) => rows.map(([, key]) => self.LossPlayUI.i18n.t(key, null, 'zh')), STATIC);
  assert.deepEqual(chinese, want);
  assert.equal(await page.title(), 'lossplay · 损失函数演练场');
  assert.equal(await page.locator('label[for=predictions]').textContent(), '预测值 ŷ');
  // The form controls keep working: the label still names its textarea.
  await page.getByLabel('预测值 ŷ').fill('1 2 3');
  assert.equal(await page.locator('#predictions').inputValue(), '1 2 3');
  assert.equal(await page.locator('#reduction').inputValue(), 'mean');

  await page.evaluate(() => self.LossPlayUI.i18n.setLang('en'));
  assert.deepEqual(await texts(page), english, 'back to the English of index.html');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('applyTo sets only the allowed attributes and never parses markup', async () => {
  const { page } = await openWithI18n();
  const result = await page.evaluate(() => {
    const i18n = self.LossPlayUI.i18n;
    i18n.register({ 'test.markup': { en: '<img src=x onerror="window.hacked=1">', zh: '<b>粗</b>' } });
    const box = document.createElement('div');
    const a = document.createElement('button');
    a.setAttribute('data-i18n', 'test.markup');
    a.setAttribute('data-i18n-aria-label', 'data.heading');
    a.setAttribute('data-i18n-onclick', 'test.markup');
    const input = document.createElement('input');
    input.setAttribute('data-i18n-placeholder', 'data.predictions');
    input.setAttribute('data-i18n-title', 'no.such.key');
    box.append(a, input);
    i18n.applyTo(box, 'zh');
    return {
      text: a.textContent, children: a.children.length, aria: a.getAttribute('aria-label'),
      onclick: a.getAttribute('onclick'), placeholder: input.placeholder, title: input.getAttribute('title'),
      hacked: Boolean(window.hacked),
    };
  });
  assert.deepEqual(result, {
    text: '<b>粗</b>', children: 0, aria: '数据', onclick: null, placeholder: '预测值 ŷ', title: null, hacked: false,
  });
  await page.close();
});

test('screenshots of the static page in Chinese', async () => {
  const dir = process.env.LOSSPLAY_SHOTS;
  if (!dir) return; // only when asked: LOSSPLAY_SHOTS=/tmp/dir
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 780 }]]) {
    for (const scheme of ['light', 'dark']) {
      const { page } = await openWithI18n('?lang=zh');
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(() => self.LossPlayUI.i18n.applyTo(document));
      await page.screenshot({ path: path.join(dir, `i18n-${name}-${scheme}.png`), fullPage: name === 'phone' });
      await page.close();
    }
  }
});

test('with ?lang=zh the page controls added by app.js are Chinese too', async () => {
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
