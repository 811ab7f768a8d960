// The layout as a learner meets it (issue 10): a control and what it
// changes on one screen, results in view while typing (desktop 1366x900,
// phone 360x780), the compact loss picker, a preset per section of the note
// with its pressed state, the note's six-decimal format, the favicon and the
// page's accessibility structure.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { pathToFileURL } = require('node:url');
const path = require('node:path');
const { launch, openPage, DIST } = require('./browser.js');
const { expectValue, valueOf } = require('./results.js');

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 360, height: 780 };

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

// An element's box in page coordinates (not the viewport's).
const box = (page, selector) => page.locator(selector).first().evaluate((n) => {
  const r = n.getBoundingClientRect();
  return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left + scrollX, right: r.right + scrollX, width: r.width, height: r.height };
});

test('desktop: the δ slider and the curve it moves fit on one screen, and the results sit beside the boxes', async () => {
  const { page } = await openPage(browser.context, `${browser.base}?preset=huber`, DESKTOP);
  await page.waitForSelector('.lp-chart-curves canvas');
  const slider = await box(page, 'input.lp-range[data-loss="huber_loss"][data-option="delta"]');
  const curve = await box(page, '.lp-chart-curves canvas');
  const predictions = await box(page, '#predictions');
  const firstRow = await box(page, '#results tbody tr');
  console.log(`# desktop 1366x900: δ slider y=${Math.round(slider.top)}, curve y=${Math.round(curve.top)}..${Math.round(curve.bottom)}, ŷ box y=${Math.round(predictions.top)}, results' first row y=${Math.round(firstRow.top)}`);
  const span = Math.max(slider.bottom, curve.bottom) - Math.min(slider.top, curve.top);
  assert.ok(span <= DESKTOP.height, `slider and curve span ${span} px`);
  // Results beside the data (another column), both on the first screen.
  assert.ok(firstRow.left > predictions.right, 'the results are in the column beside the data');
  assert.ok(firstRow.bottom <= DESKTOP.height && predictions.bottom <= DESKTOP.height, 'ŷ box and results on the first screen');
  // Moving the slider changes the value in view.
  const before = await valueOf(page, 'Huber');
  await page.locator('#opt-huber_loss-delta').fill('0.1');
  await page.waitForFunction((b) => {
    for (const row of document.querySelectorAll('#results tbody tr')) {
      if (row.querySelector('.loss-short').textContent === 'Huber') return row.querySelector('td.value').textContent.trim() !== b;
    }
    return false;
  }, before);
  await page.close();
});

test('phone: the results come within one screen of the ŷ box', async () => {
  const { page } = await openPage(browser.context, browser.base, PHONE);
  const predictions = await box(page, '#predictions');
  const firstRow = await box(page, '#results tbody tr');
  console.log(`# phone 360x780: ŷ box y=${Math.round(predictions.top)}, results' first row y=${Math.round(firstRow.top)}`);
  assert.ok(firstRow.bottom - predictions.top <= PHONE.height, `ŷ box at ${predictions.top}, results' first row ends at ${firstRow.bottom}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= PHONE.width, 'no sideways scrolling');
  // Right under the boxes, the values themselves, following each edit.
  const strip = page.locator('#result-strip');
  assert.equal((await strip.innerText()).replace(/\s+/g, ' ').trim(), 'MSE 1.00000 RMSE 1.00000');
  const stripBox = await box(page, '#result-strip');
  assert.ok(stripBox.bottom - predictions.top <= 300, `the values end ${stripBox.bottom - predictions.top} px below the ŷ box's top`);
  await page.locator('#predictions').fill('1 3 8');
  await page.waitForFunction(() => /MSE 2\.00000/.test(document.querySelector('#result-strip').innerText.replace(/\s+/g, ' ')));
  await page.close();
  // On a desktop the results card is beside the boxes: no strip.
  const { page: wide } = await openPage(browser.context, browser.base, { width: 1366, height: 900 });
  assert.equal(await wide.locator('#result-strip').isVisible(), false);
  await wide.close();
});

test('the loss picker: toggles for the note\'s eight, a search in English and Chinese, removable chips, all by keyboard', async () => {
  const { page } = await openPage(browser.context, `${browser.base}?preset=mse`);
  const chips = () => page.locator('#loss-picker .chip .chip-name').allTextContents();
  assert.deepEqual(await chips(), ['MSE', 'RMSE']);
  // A toggle by keyboard.
  await page.locator('#toggle-l1_loss').focus();
  await page.keyboard.press('Space');
  await expectValue(page, 'MAE', '1.00000');
  assert.equal(await page.locator('#toggle-l1_loss').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await chips(), ['MSE', 'RMSE', 'MAE']);
  // The chip's button says what it removes; focus moves on to the next chip.
  await page.getByRole('button', { name: 'Remove MSE' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('#results tr[data-loss="mse_loss"]'));
  assert.deepEqual(await chips(), ['RMSE', 'MAE']);
  assert.equal(await page.locator('#toggle-mse_loss').getAttribute('aria-pressed'), 'false');
  await page.waitForFunction(() => document.activeElement && document.activeElement.getAttribute('aria-label') === 'Remove RMSE');
  // Search by a Chinese name: its group opens, the others hide.
  const search = page.getByLabel('Find a loss');
  await search.fill('交叉熵');
  assert.equal(await page.getByRole('checkbox', { name: /^Cross-entropy / }).isVisible(), true);
  assert.equal(await page.getByRole('checkbox', { name: /^BCE Binary/ }).isVisible(), true);
  assert.equal(await page.locator('details[data-group="regression"]').isVisible(), false);
  // By an English name, and Enter picks the match.
  await search.fill('focal');
  await search.press('Enter');
  await page.locator('#results tr[data-loss="sigmoid_focal_loss"]').waitFor();
  assert.ok((await chips()).includes('Sigmoid focal'), (await chips()).join());
  await search.fill('no such loss');
  assert.match(await page.locator('#loss-search-status').textContent(), /No loss matches "no such loss"/);
  await search.press('Escape');
  assert.equal(await search.inputValue(), '');
  assert.equal(await page.locator('details[data-group="regression"]').isVisible(), true);
  await page.close();
});

test('a preset for each section of the note, pressed while its view lasts', async () => {
  const { page } = await openPage(browser.context, browser.base);
  const pressed = () => page.locator('button[data-preset][aria-pressed="true"]').evaluateAll((bs) => bs.map((b) => b.dataset.preset));
  assert.deepEqual(await page.locator('button[data-preset]').evaluateAll((bs) => bs.map((b) => b.dataset.preset)),
    ['mse', 'rmse', 'mae', 'huber', 'msle', 'cross_entropy', 'bce', 'hinge']);
  assert.deepEqual(await pressed(), ['mse'], 'the first view is the MSE example');
  // MSLE and BCE from their formulas in the note (the note gives no numbers for them).
  const msle = [[1, 2], [3, 4], [5, 6]].reduce((s, [p, y]) => s + (Math.log1p(y) - Math.log1p(p)) ** 2, 0) / 3;
  const bce = [[0.8, 1], [0.1, 0], [0.7, 1], [0.2, 0]].reduce((s, [p, y]) => s - (y * Math.log(p) + (1 - y) * Math.log(1 - p)), 0) / 4;
  const expected = [['rmse', 'RMSE', '1.00000'], ['msle', 'MSLE', msle.toPrecision(6)], ['bce', 'BCE', bce.toPrecision(6)],
    ['huber', 'Huber', '0.0550000'], ['hinge', 'Hinge', '0.250000']];
  for (const [id, loss, value] of expected) {
    await page.click(`button[data-preset="${id}"]`);
    await expectValue(page, loss, value);
    assert.deepEqual(await pressed(), [id]);
  }
  // Editing away from the example clears the pressed state; going back restores it.
  await page.getByLabel('Predictions (ŷ)').fill('0.8 -0.9 0.7 -0.5');
  await page.waitForFunction(() => !document.querySelector('button[data-preset][aria-pressed="true"]'));
  await page.getByLabel('Predictions (ŷ)').fill('0.8 -0.9 0.7 -0.6');
  await page.waitForFunction(() => document.querySelector('button[data-preset="hinge"]').getAttribute('aria-pressed') === 'true');
  // A changed option is an edit too.
  await page.click('button[data-preset="huber"]');
  await page.locator('#opt-huber_loss-delta').fill('0.5');
  await page.waitForFunction(() => !document.querySelector('button[data-preset][aria-pressed="true"]'));
  await page.close();
});

test("the note's six-decimal format is a setting, kept in the link; the default stays six significant digits", async () => {
  const { page } = await openPage(browser.context, `${browser.base}?preset=huber`);
  await expectValue(page, 'Huber', '0.0550000');
  await expectValue(page, 'MAE', '0.300000');
  await page.getByLabel('Numbers').selectOption('fixed');
  await expectValue(page, 'Huber', '0.055000');
  await expectValue(page, 'MAE', '0.300000');
  await page.click('button[data-preset="mse"]');
  await expectValue(page, 'MSE', '1.000000');
  // Full precision stays on hover.
  const title = await page.locator('#results tr[data-loss="mse_loss"] td.value').getAttribute('title');
  assert.equal(Number(title), 1);
  // The link carries it.
  // The link (in the address's fragment) is written after a pause.
  await page.waitForFunction(() => /(^|[#&])s=/.test(location.hash));
  await page.waitForTimeout(500);
  const again = await browser.context.newPage();
  await again.goto(page.url());
  await again.waitForSelector('html[data-ready="true"]');
  assert.equal(await again.getByLabel('Numbers').inputValue(), 'fixed');
  await expectValue(again, 'MSE', '1.000000');
  // Back to the default, and in Chinese too.
  await again.getByLabel('Numbers').selectOption('sig');
  await expectValue(again, 'MSE', '1.00000');
  await again.close();
  await page.close();
});

test('a favicon, and no request of the page fails (http and file://)', async () => {
  const { page } = await openPage(browser.context, browser.base);
  const failed = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await page.waitForTimeout(500);
  assert.deepEqual(failed, []);
  assert.equal(await page.locator('link[rel="icon"]').getAttribute('href'), 'favicon.svg');
  const res = await page.request.get(`${browser.base}favicon.svg`);
  assert.equal(res.status(), 200);
  assert.match(await res.text(), /^<svg /);
  const examples = await browser.context.newPage();
  const examplesFailed = [];
  examples.on('response', (r) => r.status() >= 400 && examplesFailed.push(`${r.status()} ${r.url()}`));
  await examples.goto(`${browser.base}examples.html`);
  await examples.waitForLoadState('load');
  assert.equal(await examples.locator('link[rel="icon"]').getAttribute('href'), 'favicon.svg');
  assert.deepEqual(examplesFailed, []);
  await examples.close();
  // file://: nothing asked that is not there.
  const local = await browser.context.newPage();
  const missing = [];
  local.on('requestfailed', (r) => missing.push(r.url()));
  await local.goto(pathToFileURL(path.join(DIST, 'index.html')).href);
  await local.waitForSelector('html[data-ready="true"]');
  await local.waitForTimeout(300);
  assert.deepEqual(missing, []);
  await local.close();
  await page.close();
});

test('accessibility tree: one h1 with the product name, skip links, landmarks and the regions in reading order', async () => {
  const { page } = await openPage(browser.context, `${browser.base}?lang=en`);
  const tree = await page.locator('body').ariaSnapshot();
  const lines = tree.split('\n');
  const at = (re) => lines.findIndex((l) => re.test(l));
  assert.deepEqual(lines.filter((l) => /heading .*\[level=1\]/.test(l)).map((l) => l.trim()), ['- heading "lossplay" [level=1]']);
  const order = [/- navigation/, /link "Skip to the data"/, /link "Skip to the results"/, /link "Skip to the charts"/,
    /- banner/, /heading "lossplay" \[level=1\]/, /- main/, /region "Data"/, /region "Results"/, /region "Losses"/, /region "Charts"/,
    /region "Formulas and gradients"/, /- contentinfo/];
  const where = order.map((re) => at(re));
  for (let i = 0; i < order.length; i++) assert.ok(where[i] >= 0, `${order[i]} is missing:\n${tree}`);
  assert.deepEqual(where.slice().sort((a, b) => a - b), where, `order:\n${tree}`);
  for (const name of ['Data', 'Results', 'Losses', 'Charts', 'Formulas and gradients']) {
    assert.ok(tree.includes(`heading "${name}" [level=2]`), `${name} is an h2`);
  }
  // Chinese names beside English ones are marked as Chinese, and the reverse.
  assert.equal(await page.locator('#results tr[data-loss="mse_loss"] [lang="zh-CN"]').textContent(), '均方误差');
  assert.equal(await page.locator('label[for="loss-mse_loss"] [lang="zh-CN"]').textContent(), '均方误差');
  await page.getByLabel('Language').selectOption('zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  assert.equal(await page.locator('#results tr[data-loss="mse_loss"] [lang="en"]').textContent(), 'Mean squared error');
  assert.equal(await page.locator('label[for="loss-mse_loss"] [lang="en"]').textContent(), 'Mean squared error');
  const zhTree = await page.locator('body').ariaSnapshot();
  assert.ok(zhTree.includes('link "跳到结果"'), zhTree.slice(0, 400));
  await page.close();
});

// ---- embedding: the widget lays out by its own width ----

const DATA = 'losses=mse,mae,huber&data=1%203%205%20%7C%202%204%206';
const cards = (page, frame) => (frame || page).locator('.card').evaluateAll((cs) => Object.fromEntries(cs.filter((c) => !c.hidden)
  .map((c) => { const r = c.getBoundingClientRect(); return [c.className.match(/card-(\w+)/)[1], { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width }]; })));

test('the default embed at 680 px: one column, data, results and one chart with its controls, at most 1100 px tall', async () => {
  const { page } = await openPage(browser.context, `${browser.base}index.html?embed=1&${DATA}`, { width: 680, height: 600 });
  await page.waitForSelector('.lp-chart-curves canvas');
  const height = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  console.log(`# iframe embed at 680 px: ${height} px tall`);
  assert.ok(height <= 1100, `${height} px`);
  const c = await cards(page);
  assert.deepEqual(Object.keys(c), ['data', 'results', 'chart']);
  assert.ok(Math.abs(c.data.left - c.results.left) < 1 && c.results.top > c.data.bottom, 'one column');
  // The one chart, with the option that moves it.
  assert.deepEqual(await page.locator('.lp-chart').evaluateAll((fs) => fs.filter((f) => f.offsetParent).map((f) => f.dataset.chart)), ['curves']);
  assert.equal(await page.locator('input.lp-range[data-option="delta"]').isVisible(), true);
  // The first Tab reaches the ŷ box: no skip link or masthead control of the full page in the way.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'predictions');
  await page.close();
});

test('hidden panels leave no blank space: panels=results,charts fills the width, wide or narrow', async () => {
  for (const width of [1000, 680]) {
    const { page } = await openPage(browser.context, `${browser.base}index.html?embed=1&panels=results,charts&${DATA}`, { width, height: 600 });
    const c = await cards(page);
    assert.deepEqual(Object.keys(c), ['results', 'chart']);
    assert.ok(c.results.width >= width - 40, `${width}: the results are ${c.results.width} px wide`);
    assert.ok(c.chart.top - c.results.bottom <= 16, `${width}: ${c.chart.top - c.results.bottom} px between results and charts`);
    await page.close();
  }
});

test('<loss-playground> in a 680 px blog column lays out by its own width and stays under 1100 px', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize(DESKTOP);
  // A post on the site's own origin: the element reads the column's width, not the window's 1366.
  await page.route(`${browser.base}post.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post</title><link rel="icon" href="data:,">
<script src="lossplay-element.js" defer></script></head>
<body style="margin:0"><article style="width:680px;margin:0 auto"><h1>A post</h1>
<loss-playground losses="mse,mae,huber" data="1 3 5 | 2 4 6"></loss-playground></article></body></html>`,
  }));
  await page.goto(`${browser.base}post.html`);
  await page.waitForSelector('loss-playground[data-ready="true"]');
  const widget = page.locator('loss-playground');
  await widget.locator('.lp-chart-curves canvas').waitFor();
  const height = await widget.evaluate((n) => Math.ceil(n.getBoundingClientRect().height));
  console.log(`# <loss-playground> in a 680 px column: ${height} px tall`);
  assert.ok(height <= 1100, `${height} px`);
  const c = await cards(page, widget);
  assert.ok(Math.abs(c.data.left - c.results.left) < 1, 'one column');
  assert.ok(c.results.right - c.results.left > 600, 'the results take the column');
  await page.close();
});

test('examples.html fits a 360 px phone: its parameter table stays inside its card', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize(PHONE);
  await page.goto(`${browser.base}examples.html`);
  await page.waitForLoadState('load');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= PHONE.width, 'no sideways scrolling');
  const [table, card] = await Promise.all([box(page, '.params'), box(page, '#parameters')]);
  assert.ok(table.right <= card.right && table.left >= card.left, `table ${table.left}..${table.right}, card ${card.left}..${card.right}`);
  // Every example value is readable: none overflows its cell.
  const clipped = await page.locator('.params code').evaluateAll((cs) => cs.filter((c) => c.getBoundingClientRect().right > c.closest('tr').getBoundingClientRect().right + 1).map((c) => c.textContent));
  assert.deepEqual(clipped, []);
  await page.close();
});
