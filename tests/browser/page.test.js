// The playground in headless Chromium, served from dist/ on 127.0.0.1, as a
// reader of the study note would use it.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage } = require('./browser.js');
const { valueOf, expectValue } = require('./results.js');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

async function paste(page, predictions, targets) {
  await page.getByLabel('Predictions (ŷ)').fill(predictions);
  await page.getByLabel('Targets (y)').fill(targets);
}

// The checkbox whose accessible name is the short name followed by the
// loss's title (titles start with a capital: "BCE Binary ...", not "BCE with logits ...").
function checkbox(page, shortName) {
  return page.getByRole('checkbox', { name: new RegExp(`^${shortName} [A-Z]`) });
}

async function select(page, shortNames) {
  await page.locator('#loss-picker details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
  for (const box of await page.locator('#loss-picker input[type=checkbox]').all()) await box.uncheck();
  for (const name of shortNames) await checkbox(page, name).check();
}

test('the page loads without errors and asks nothing outside the site', async () => {
  const { page, requests, pageErrors } = await openPage(browser.context, browser.base);
  await page.waitForTimeout(300);
  assert.deepEqual(pageErrors, []);
  assert.ok(requests.length > 0);
  // blob: URLs of the site's own origin (the compute worker) are memory, not requests out.
  const own = (url) => url.startsWith(browser.base) || url.startsWith(`blob:${new URL(browser.base).origin}/`);
  for (const url of requests) assert.ok(own(url), `request outside the site: ${url}`);
  await page.close();
});

test("every one of the note's losses is one click away: a toggle up front and a checkbox in its group", async () => {
  const { page } = await openPage(browser.context, browser.base);
  const toggles = page.locator('#loss-picker .note-losses button');
  assert.deepEqual(await toggles.allTextContents(), ['MSE', 'RMSE', 'MAE', 'Huber', 'MSLE', 'Cross-entropy', 'BCE', 'Hinge']);
  for (const b of await toggles.all()) assert.equal(await b.isVisible(), true);
  // The first view (the MSE example) has MSE and RMSE pressed.
  assert.deepEqual(await toggles.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-pressed'))),
    ['true', 'true', 'false', 'false', 'false', 'false', 'false', 'false']);
  await page.locator('#loss-picker details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
  for (const name of ['MSE', 'RMSE', 'MAE', 'Huber', 'MSLE', 'Cross-entropy', 'BCE', 'Hinge']) {
    assert.equal(await checkbox(page, name).count(), 1, name);
  }
  await page.close();
});

test("pasting the note's MSE example reads 1.00000", async () => {
  const { page } = await openPage(browser.context, browser.base);
  await select(page, ['MSE']);
  await paste(page, '1 3 5', '2 4 6');
  await expectValue(page, 'MSE', '1.00000');
  assert.equal((await page.locator('#predictions-info').textContent()).trim(), 'Read 3 numbers.');
  await page.close();
});

test("each preset shows PyTorch's value for the note's example", async () => {
  const { page } = await openPage(browser.context, browser.base);
  const expected = [
    ['mse', 'MSE', '1.00000'],
    ['mse', 'RMSE', '1.00000'],
    ['mae', 'MAE', '1.66667'],
    ['huber', 'Huber', '0.0550000'],
    ['cross_entropy', 'Cross-entropy', '0.799169'],
    ['hinge', 'Hinge', '0.250000'],
    ['hinge', 'Hinge embedding', '1.25000'],
  ];
  for (const [preset, loss, value] of expected) {
    await page.click(`button[data-preset="${preset}"]`);
    await expectValue(page, loss, value);
  }
  await page.close();
});

test('bad input is said under its box, naming line, column and token, and keeps the text', async () => {
  const { page } = await openPage(browser.context, browser.base);
  const typed = '1 3 5\n2 x7 4';
  await page.getByLabel('Predictions (ŷ)').fill(typed);
  const alert = page.locator('#predictions-message');
  await assert.doesNotReject(alert.getByText('line 2, column 3').waitFor());
  const message = await alert.textContent();
  assert.ok(await page.getByLabel('Predictions (ŷ)').evaluate((t) => t.getAttribute('aria-describedby').split(' ').includes('predictions-message')));
  assert.match(message, /"x7"/);
  assert.match(message, /expected a number/);
  assert.equal(await page.getByLabel('Predictions (ŷ)').inputValue(), typed);
  assert.equal(await page.getByLabel('Predictions (ŷ)').getAttribute('aria-invalid'), 'true');
  // "Show me" selects the bad token in the text area.
  await alert.getByRole('button', { name: 'Show me' }).click();
  const selected = await page.evaluate(() => {
    const t = document.getElementById('predictions');
    return t.value.slice(t.selectionStart, t.selectionEnd);
  });
  assert.equal(selected, 'x7');
  await page.close();
});

test('full-width punctuation from a Chinese input method is understood', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await select(page, ['MSE']);
  await paste(page, '１，３，５', '２；４；６');
  await expectValue(page, 'MSE', '1.00000');
  assert.equal(await page.locator('#alert').textContent(), '');
  await page.close();
});

test('a shape mismatch is said at the box, not as a number', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await select(page, ['MSE']);
  await paste(page, '1 2 3', '1 2');
  await assert.doesNotReject(page.locator('#targets-message').getByText('ŷ has 3 numbers, y has 2 numbers: give as many of each.').waitFor());
  assert.equal(await page.getByLabel('Targets (y)').getAttribute('aria-invalid'), 'true');
  assert.doesNotMatch(await page.locator('#results').textContent(), /NaN/);
  await page.close();
});

test('reduction and Huber δ controls change the result', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await page.click('button[data-preset="mse"]');
  await page.getByLabel('Reduction').selectOption('sum');
  await expectValue(page, 'MSE', '3.00000');
  assert.match(await page.locator('#results').textContent(), /RMSE is defined with mean only/);

  await page.getByLabel('Reduction').selectOption('mean');
  await page.click('button[data-preset="huber"]');
  const delta = page.getByLabel(/Huber δ/);
  await delta.fill('0.1');
  // residuals 0.5, 0.2, -0.2 with δ = 0.1: 0.1 (|d| - 0.05) each, mean 0.0250000
  await expectValue(page, 'Huber', '0.0250000');
  await delta.fill('0');
  await assert.doesNotReject(page.getByRole('alert').getByText(/delta/).waitFor());
  await page.close();
});

test('the charts draw the selected losses and describe them in words and tables', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await page.click('button[data-preset="huber"]');
  await page.waitForSelector('.lp-chart-curves canvas');
  assert.equal(await page.locator('#charts figure').count(), 4);
  const summary = await page.locator('.lp-chart-bars .lp-chart-summary').textContent();
  assert.match(summary, /Huber/);
  assert.match(summary, /MSE/);
  // The Huber δ slider sits beside its number box and moves it.
  const slider = page.getByRole('slider', { name: /δ of Huber/ });
  await slider.fill('0.1');
  assert.equal(await page.locator('#opt-huber_loss-delta').inputValue(), '0.1');
  await expectValue(page, 'Huber', '0.0250000');
  await page.close();
});

test("an optional argument (BCE's weight) gets its own box and changes the value", async () => {
  const { page } = await openPage(browser.context, browser.base);
  await select(page, ['BCE']);
  await paste(page, '0.9 0.2 0.7', '1 0 1');
  await expectValue(page, 'BCE', '0.228393');
  const weight = page.getByLabel('BCE: weight (optional)');
  assert.ok(await weight.isVisible());
  await weight.fill('1 2 3');
  await expectValue(page, 'BCE', '0.540557');
  await weight.fill('1 2');
  await assert.doesNotReject(page.getByRole('alert').getByText(/BCE: weight has shape \[2\]/).waitFor());
  await select(page, ['MSE']);
  assert.equal(await weight.isVisible(), false);
  await page.close();
});

test('a required extra argument (Gaussian NLL var) is asked for, then used', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await select(page, ['Gaussian NLL']);
  await paste(page, '1 2 3', '1.5 2 2.5');
  await assert.doesNotReject(page.getByRole('alert').getByText(/Gaussian NLL needs var/).waitFor());
  await page.getByLabel('Gaussian NLL: var (required)').fill('0.5 1 2');
  await expectValue(page, 'Gaussian NLL', '0.104167');
  assert.equal(await page.locator('#alert').textContent(), '');
  await page.close();
});

test('every group of the catalogue is listed, and options come from the registry', async () => {
  const { page } = await openPage(browser.context, browser.base);
  const legends = await page.locator('#loss-picker legend').allTextContents();
  assert.deepEqual(legends, ['Regression', 'Binary classification', 'Multiclass classification', 'Ranking and embedding', 'Probabilistic']);
  await select(page, ['Margin ranking']);
  await paste(page, '1 2 3', '1 -1 1');
  await page.getByLabel('Margin ranking: input2 (required)').fill('1.5 2 2.5');
  await page.getByLabel(/Margin ranking m/).fill('0.5');
  await expectValue(page, 'Margin ranking', '0.500000');
  await page.close();
});

test('an outlier shows MSE blowing up while MAE and Huber stay calm, and the text is untouched', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await page.click('button[data-preset="huber"]');
  await page.getByLabel('Add an outlier').check();
  await page.getByLabel('Outlier residual ŷ − y', { exact: true }).first().fill('10');
  // The value column has the outlier in (it is part of the data); the next
  // column keeps the value without it and how many times the outlier makes it.
  const expectOutlier = async (name, want, times) => {
    await expectValue(page, name, want);
    const row = page.locator('#results tbody tr').filter({ has: page.locator('.loss-short', { hasText: new RegExp(`^${name}$`) }) });
    assert.match(await row.locator('td.value-outlier').textContent(), new RegExp(`×${times.replace('.', '\\.')}\\)`));
  };
  // One extra sample with residual 10 beside the note's Huber example.
  await expectOutlier('MSE', '25.0825', '228');
  await expectOutlier('MAE', '2.72500', '9.08');
  await expectOutlier('Huber', '2.41625', '43.9');
  assert.equal(await page.getByLabel('Predictions (ŷ)').inputValue(), '2.5 3.2 3.8');
  // Dragging the slider moves every value together.
  await page.locator('#outlier-slider').fill('-20');
  await page.waitForFunction(() => document.getElementById('outlier-size').value === '-20');
  await expectOutlier('MAE', '5.22500', '17.4');
  await page.close();
});

test('the theme control overrides the system scheme both ways', async () => {
  const { page } = await openPage(browser.context, browser.base);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  await page.getByLabel('Theme').selectOption('dark');
  const dark = await background();
  assert.notEqual(dark, light);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByLabel('Theme').selectOption('light');
  assert.equal(await background(), light);
  await page.getByLabel('Theme').selectOption('auto');
  assert.equal(await background(), dark);
  await page.close();
});

test('a 360 px phone needs no sideways scrolling', async () => {
  const { page } = await openPage(browser.context, browser.base, { width: 360, height: 780 });
  for (const preset of ['mse', 'cross_entropy', 'hinge']) {
    await page.click(`button[data-preset="${preset}"]`);
    await page.getByLabel('Add an outlier').check();
    await page.waitForTimeout(100);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${preset}: the page is ${width} px wide`);
    await page.getByLabel('Add an outlier').uncheck();
  }
  await page.close();
});

test('two columns pasted from a spreadsheet: the user picks which is ŷ and which is y', async () => {
  const { page } = await openPage(browser.context, browser.base);
  await select(page, ['MSE', 'MAPE']);
  await page.getByLabel('Predictions (ŷ)').fill('y_true\ty_pred\r\n2\t1\r\n4\t3\r\n6\t5\r\n');
  await page.getByLabel('Targets (y)').fill('');
  await page.waitForFunction(() => /y_true/.test(document.getElementById('predictions-info').textContent));
  await page.getByLabel('ŷ column').waitFor();
  await expectValue(page, 'MSE', '1.00000');
  // The first column is ŷ by default; MAPE divides by |y|, so the choice shows:
  // ŷ = 2 4 6 against y = 1 3 5, then ŷ = 1 3 5 against y = 2 4 6.
  await expectValue(page, 'MAPE', '51.1111');
  await page.getByLabel('ŷ column').selectOption({ index: 1 });
  await page.getByLabel('y column').selectOption({ index: 0 });
  await expectValue(page, 'MAPE', '30.5556');
  await expectValue(page, 'MSE', '1.00000');
  // The choice is part of the view: the link carries it and reopens it.
  await page.waitForFunction(() => location.hash.includes('s='));
  await page.waitForTimeout(400);
  const { page: again } = await openPage(browser.context, page.url());
  await again.getByLabel('ŷ column').waitFor();
  await expectValue(again, 'MAPE', '30.5556');
  assert.equal(await again.getByLabel('ŷ column').inputValue(), '1');
  await again.close();
  await page.close();
});

test('the keyboard follows the layout: skip links, masthead, data, results, losses, then the charts\' options', async () => {
  const { page } = await openPage(browser.context, `${browser.base}?preset=huber`);
  const order = []; // ids (or skip-link targets) in the order Tab first reaches them
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement && (document.activeElement.id || document.activeElement.hash));
    if (id && !order.includes(id)) order.push(id);
  }
  // The reading order of the grid: data, then results beside it, then the
  // losses under the data, then the options above the charts.
  const expected = ['#data-heading', '#results-heading', '#chart-heading', 'lang', 'theme', 'predictions', 'targets',
    'outlier-on', 'reduction', 'digits', 'export-csv', 'toggle-mse_loss', 'loss-search', 'opt-huber_loss-delta'];
  for (const id of expected) assert.ok(order.includes(id), `Tab never reaches #${id}`);
  const reached = order.filter((id) => expected.includes(id));
  assert.deepEqual(reached, expected, 'Tab order');
  // "Download CSV" was the 43rd stop; the results come right after the data now.
  assert.ok(order.indexOf('export-csv') < 25, `Download CSV is stop ${order.indexOf('export-csv') + 1}`);
  // A skip link moves the focus to its card.
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the results');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results-heading');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reduction');
  await page.close();
});

test('one change renders each chart once: a language, a theme, a keystroke', async () => {
  const { page } = await openPage(browser.context, `${browser.base}?lang=en`);
  const renders = () => page.locator('.lp-charts').getAttribute('data-renders').then(Number);
  const settle = () => page.waitForTimeout(600); // past the typing pause and a few frames
  await settle();
  let count = await renders();
  await page.getByLabel('Language').selectOption('zh');
  await settle();
  assert.equal(await renders(), count + 1, 'a language change');
  assert.equal((await page.locator('.lp-chart-title').first().textContent()).trim(), '损失曲线');
  count = await renders();
  const before = await page.locator('.lp-charts').getAttribute('data-text-color');
  await page.getByLabel('主题').selectOption('dark');
  await settle();
  assert.equal(await renders(), count + 1, 'a theme change');
  assert.notEqual(await page.locator('.lp-charts').getAttribute('data-text-color'), before, 'drawn in the new colours');
  count = await renders();
  await page.locator('#predictions').type(' 7');
  await settle();
  assert.equal(await renders(), count + 1, 'typing, after the pause');
  await page.close();
});

test('embed mode shows the widget the URL asks for and never writes the URL', async () => {
  const data = encodeURIComponent('0.7 0.2 0.1; 0.1 0.8 0.1; 0.2 0.3 0.5 | 0; 1; 2');
  const url = `${browser.base}index.html?embed=1&losses=ce,MSE&data=${data}&panels=results&lang=en`;
  const { page } = await openPage(browser.context, url);
  assert.equal(await page.locator('.masthead').isVisible(), false);
  assert.equal(await page.locator('.card-data').isVisible(), false);
  assert.equal(await page.locator('.card-chart').isVisible(), false);
  await expectValue(page, 'Cross-entropy', '0.799169');
  // MSE cannot take a 3 × 3 ŷ with 3 targets: the widget says so instead of showing a number.
  assert.match(await page.locator('#alert').textContent(), /MSE/);
  assert.ok(await page.locator('#alert').isVisible(), 'the error shows although the data card is hidden');
  await page.waitForTimeout(500);
  assert.equal(page.url(), url);
  assert.match(await page.locator('.embed-open').getAttribute('href'), /index\.html#s=/);
  await page.close();
});

test("a plain link with preset=, losses= and data= (an embed's fallback) opens that view", async () => {
  const url = `${browser.base}index.html?losses=mae&data=${encodeURIComponent('1 3 5 | 2 5 7')}`;
  const { page } = await openPage(browser.context, url);
  await expectValue(page, 'MAE', '1.66667');
  assert.equal(await page.locator('.masthead').isVisible(), true);
  await page.close();
});

test('ŷ and y that do not fit: the charts name the cause in the page\'s language, and a loss\'s own error reads in Chinese too', async () => {
  const { page, pageErrors } = await openPage(browser.context, `${browser.base}?lang=zh`);
  await page.locator('#predictions').fill('1 3 5 7');
  const curves = page.locator('.lp-chart[data-chart="curves"]');
  await page.waitForFunction(() => /ŷ 与 y 对不上/.test(document.querySelector('.lp-chart[data-chart="curves"]').textContent));
  assert.doesNotMatch(await curves.textContent(), /target has shape|input has shape/);
  // A loss's own error (BCE given 1.5): its text comes with the later chunk, in Chinese.
  await page.locator('#predictions').fill('0.5 1.5 0.2');
  await page.locator('#targets').fill('1 0 1');
  await page.getByRole('button', { name: 'BCE', exact: true }).first().click();
  await page.waitForFunction(() => /二元交叉熵|BCE/.test(document.getElementById('alert').textContent) && !/must be|expected/.test(document.getElementById('alert').textContent));
  assert.doesNotMatch(await page.locator('#alert').textContent(), /[a-z]{4,} [a-z]{4,} [a-z]{4,}/, 'no English sentence in the alert');
  assert.deepEqual(pageErrors, []);
  await page.close();
});
