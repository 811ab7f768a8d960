// The reading modules in headless Chromium: the column picker and the "Open
// file…" control on a small fixture page (tests/browser/fixtures/input/),
// bundled into a copy of the site for the run.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { fixtureSite } = require('./fixture-site.js');
const SITE = fixtureSite('input', '', { 'input-fixture.mjs': 'input-fixture.bundle.js' });
const { launch, openPage } = require('./browser.js');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
  fs.rmSync(SITE, { recursive: true, force: true });
});

async function open(viewport) {
  return openPage(browser.context, `${browser.base}input-fixture.html`, viewport);
}

const events = (page) => page.evaluate(() => self.fixture.events.slice());

// Dispatches drag events carrying `files` ({name, type, bytes | text | size})
// on the element matching `selector`, the way a drop from the desktop does.
async function drag(page, selector, types, files) {
  await page.evaluate(([sel, kinds, list]) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const body = f.size !== undefined ? new Uint8Array(f.size) : f.bytes ? Uint8Array.from(f.bytes) : f.text;
      dt.items.add(new File([body], f.name, { type: f.type || 'text/plain' }));
    }
    const target = document.querySelector(sel);
    for (const type of kinds) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [selector, types, files]);
}

// The "Open file…" input added after the textarea #id.
function fileInput(page, id) {
  return page.locator(`#${id} ~ .file-input input[type=file]`);
}

async function status(page, id) {
  return (await page.locator(`#${id} ~ .file-input .file-input-status`).textContent()).trim();
}

test('the fixture loads without errors, asks nothing outside the site, and reads data in the browser', async () => {
  const { page, requests, pageErrors } = await open();
  const r = await page.evaluate(() => {
    const out = self.fixture.readData(self.fixture.lp, 'y_pred\ty_true\r\n1\t2\r\n3\t4\r\n');
    return { kind: out.kind, shape: out.tensor.shape, header: out.header, second: Array.from(out.columns[1].values) };
  });
  assert.deepEqual(r, { kind: 'table', shape: [2, 2], header: ['y_pred', 'y_true'], second: [2, 4] });
  const err = await page.evaluate(() => {
    try {
      self.fixture.readData(self.fixture.lp, '[1,\n 2,\n null]');
    } catch (e) {
      return { code: e.code, line: e.line, column: e.column, token: e.token };
    }
    return null;
  });
  assert.deepEqual(err, { code: 'json_not_number', line: 3, column: 2, token: 'null' });
  assert.deepEqual(pageErrors, []);
  for (const url of requests) assert.ok(url.startsWith(browser.base), `request outside the site: ${url}`);
  await page.close();
});

test('a table in the predictions box shows the column picker with the first two columns', async () => {
  const { page } = await open();
  const picker = page.locator('.column-picker');
  assert.equal(await picker.isVisible(), false);
  await page.getByLabel('Predictions (ŷ)').fill('y_pred,y_true,weight\n1,2,1\n3,4,1\n5,6,1');
  await picker.waitFor({ state: 'visible' });
  assert.equal(await page.getByRole('group', { name: /choose which one holds ŷ/ }).count(), 1);
  const yhat = page.getByLabel('ŷ column');
  const y = page.getByLabel('y column');
  assert.equal(await yhat.inputValue(), '0');
  assert.equal(await y.inputValue(), '1');
  assert.deepEqual(await yhat.locator('option').allTextContents(), ['y_pred (column 1)', 'y_true (column 2)', 'weight (column 3)']);
  assert.deepEqual(await page.evaluate(() => self.fixture.picker.selection()), { prediction: 0, target: 1 });
  assert.equal(await page.locator('#pair').textContent(), 'ŷ = 1 3 5; y = 2 4 6');
  assert.equal(await page.locator('#predictions-info').textContent(),
    'Read a table with a header row ("y_pred", "y_true", "weight"): 3 rows × 3 columns.');
  await page.close();
});

test('the picker is keyboard accessible and reports changes', async () => {
  const { page } = await open();
  await page.getByLabel('Predictions (ŷ)').fill('a\tb\tc\n1\t2\t3\n4\t5\t6');
  const y = page.getByLabel('y column');
  await y.focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await y.inputValue(), '2');
  assert.deepEqual(await page.evaluate(() => self.fixture.picker.selection()), { prediction: 0, target: 2 });
  const changes = (await events(page)).filter((e) => e.type === 'change');
  assert.deepEqual(changes.at(-1).selection, { prediction: 0, target: 2 });
  assert.equal(await page.locator('#pair').textContent(), 'ŷ = 1 4; y = 3 6');
  // Shift+Tab reaches the ŷ select from the y select.
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), await page.getByLabel('ŷ column').getAttribute('id'));
  await page.close();
});

test('choosing the same column twice says so; typing more rows keeps the choice', async () => {
  const { page } = await open();
  const box = page.getByLabel('Predictions (ŷ)');
  await box.fill('p,t\n1,2\n3,4');
  await page.getByLabel('y column').selectOption('0');
  assert.equal((await page.locator('.column-picker-note').textContent()).trim(), 'ŷ and y are the same column.');
  await page.getByLabel('y column').selectOption('1');
  await page.getByLabel('ŷ column').selectOption('1');
  await page.getByLabel('y column').selectOption('0');
  await box.press('End');
  await box.pressSequentially('\n5,6');
  assert.deepEqual(await page.evaluate(() => self.fixture.picker.selection()), { prediction: 1, target: 0 });
  assert.equal(await page.locator('#pair').textContent(), 'ŷ = 2 4 6; y = 1 3 5');
  assert.equal(await page.locator('.column-picker-note').isVisible(), false);
  await page.close();
});

test('a headerless two-column paste names its columns; filling y hides the picker', async () => {
  const { page } = await open();
  await page.getByLabel('Predictions (ŷ)').fill('0.5\t1\r\n0.25\t0\r\n');
  assert.deepEqual(await page.getByLabel('ŷ column').locator('option').allTextContents(), ['column 1', 'column 2']);
  await page.getByLabel('Targets (y)').fill('1 0');
  assert.equal(await page.locator('.column-picker').isVisible(), false);
  await page.close();
});

test('the picker and the file control speak Chinese', async () => {
  const { page } = await open();
  await page.evaluate(() => self.fixture.setLang('zh'));
  await page.getByLabel('Predictions (ŷ)').fill('预测,真实\n1,2\n3,4');
  assert.equal(await page.getByLabel('ŷ 所在列').inputValue(), '0');
  assert.equal(await page.getByLabel('y 所在列').inputValue(), '1');
  assert.deepEqual(await page.getByLabel('ŷ 所在列').locator('option').allTextContents(), ['预测（第 1 列）', '真实（第 2 列）']);
  assert.equal((await page.locator('.file-input-text').first().textContent()), '打开文件…');
  await page.evaluate(() => self.fixture.setLang('en'));
  assert.equal(await page.getByLabel('ŷ column').inputValue(), '0');
  await page.close();
});

test('at 360 px the picker and the file controls fit the screen', async () => {
  const { page } = await open({ width: 360, height: 780 });
  await page.getByLabel('Predictions (ŷ)').fill('a_rather_long_column_name,another_long_column_name\n1,2\n3,4');
  await page.locator('.column-picker').waitFor({ state: 'visible' });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scrolling');
  for (const selector of ['.column-picker-select', '.file-input-button']) {
    for (const box of await page.locator(selector).all()) {
      const b = await box.boundingBox();
      assert.ok(b.x >= 0 && b.x + b.width <= 360, `${selector} inside the screen: ${JSON.stringify(b)}`);
      assert.ok(b.height >= 30, `${selector} is tall enough to tap: ${b.height}`);
    }
  }
  await page.close();
});

test('"Open file…" is a real, labelled file input reachable by keyboard', async () => {
  const { page } = await open();
  const inputs = page.getByLabel('Open file…', { exact: true });
  assert.equal(await inputs.count(), 2);
  for (const [i, field] of [[0, 'Predictions (ŷ)'], [1, 'Targets (y)']]) {
    const input = inputs.nth(i);
    assert.equal(await input.getAttribute('type'), 'file');
    const description = await input.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')).textContent);
    assert.equal(description, field, 'described by its box\'s label');
    // The box's own label still finds the box alone (the page's tests rely on it).
    assert.equal(await page.getByLabel(field).count(), 1);
  }
  assert.ok(await page.locator('.file-input-button').first().isVisible());
  await page.getByLabel('Predictions (ŷ)').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'file');
  const ring = await page.locator('.file-input-button').first().evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.equal(ring, 'solid', 'the focused input shows a focus ring on its button');
  await page.close();
});

test('choosing a file replaces the text and fires input', async () => {
  const { page } = await open();
  const box = page.getByLabel('Predictions (ŷ)');
  await box.fill('9 9 9');
  await fileInput(page, 'predictions').setInputFiles({
    name: 'preds.csv', mimeType: 'text/csv', buffer: Buffer.from('y_pred,y_true\r\n0.9,1\r\n0.2,0\r\n'),
  });
  await page.waitForFunction(() => self.fixture.events.some((e) => e.type === 'loaded'));
  // A textarea's value reads \r\n as \n.
  assert.equal(await box.inputValue(), 'y_pred,y_true\n0.9,1\n0.2,0\n');
  const log = await events(page);
  const loaded = log.findIndex((e) => e.type === 'loaded');
  assert.deepEqual(log[loaded], { type: 'loaded', id: 'predictions', name: 'preds.csv', size: 29 });
  assert.ok(log.slice(0, loaded).some((e) => e.type === 'input' && e.id === 'predictions'), 'input fired before onLoaded');
  assert.equal(await status(page, 'predictions'), 'Loaded preds.csv (29 B).');
  assert.equal(await page.locator('.column-picker').isVisible(), true);
  await page.close();
});

test('binary files, workbooks and empty files are refused and the text is kept', async () => {
  const { page } = await open();
  const box = page.getByLabel('Targets (y)');
  await box.fill('2 4 6');
  const input = fileInput(page, 'targets');
  const cases = [
    ['model.bin', Buffer.from([0x31, 0x20, 0x00, 0x32]), 'file_binary', /model\.bin is not a text file/],
    ['data.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'file_workbook', /looks like a spreadsheet workbook.*Save it as CSV/],
    ['empty.txt', Buffer.alloc(0), 'file_empty', /empty\.txt is empty/],
  ];
  for (const [name, buffer, code, message] of cases) {
    await input.setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await page.waitForFunction((n) => self.fixture.events.some((e) => e.type === 'error' && e.name === n), name);
    const error = (await events(page)).find((e) => e.type === 'error' && e.name === name);
    assert.equal(error.code, code, name);
    assert.match(error.message, message);
    assert.match(await status(page, 'targets'), message);
    assert.match(await status(page, 'targets'), /Your text was kept/);
    assert.equal(await box.inputValue(), '2 4 6', `${name} must not touch the text`);
  }
  assert.ok(await page.locator('#targets ~ .file-input .file-input-status.is-error').isVisible());
  await page.close();
});

test('files over 64 MB are refused without reading them, with the limit said', async () => {
  const { page } = await open();
  const box = page.getByLabel('Predictions (ŷ)');
  await box.fill('1 3 5');
  await drag(page, '#predictions', ['dragenter', 'dragover', 'drop'], [{ name: 'huge.csv', size: 64 * 1024 * 1024 + 1 }]);
  await page.waitForFunction(() => self.fixture.events.some((e) => e.type === 'error'));
  const error = (await events(page)).find((e) => e.type === 'error');
  assert.equal(error.code, 'file_too_large');
  assert.equal(error.message, 'huge.csv is 64.0 MB: files over 64.0 MB (about 6.1 million numbers) are not loaded, so the tab does not run out of memory. Your data were kept.');
  assert.equal(await box.inputValue(), '1 3 5');
  await page.close();
});

test('dragging a file highlights the box; dropping it loads the file', async () => {
  const { page } = await open();
  const box = page.getByLabel('Targets (y)');
  await box.fill('old');
  const file = [{ name: 'targets.tsv', text: '1\t0\t1\n' }];
  await drag(page, '#targets', ['dragenter', 'dragover'], file);
  assert.equal(await box.evaluate((el) => el.classList.contains('drop-active')), true);
  assert.equal(await status(page, 'targets'), 'Drop the file to load it.');
  const colours = await box.evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.equal(colours, 'dashed');
  await drag(page, '#targets', ['dragleave'], file);
  assert.equal(await box.evaluate((el) => el.classList.contains('drop-active')), false);
  assert.equal(await status(page, 'targets'), '');
  await drag(page, '#targets', ['dragenter', 'dragover', 'drop'], file);
  await page.waitForFunction(() => self.fixture.events.some((e) => e.type === 'loaded'));
  assert.equal(await box.inputValue(), '1\t0\t1\n');
  assert.equal(await box.evaluate((el) => el.classList.contains('drop-active')), false);
  assert.equal((await page.locator('#targets-info').textContent()).trim(), 'Read 3 numbers.');
  await page.close();
});

test('dragging text (not a file) is left to the browser', async () => {
  const { page } = await open();
  const prevented = await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', '1 2 3');
    const area = document.getElementById('predictions');
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
    area.dispatchEvent(over);
    return { over: over.defaultPrevented, highlighted: area.classList.contains('drop-active') };
  });
  assert.deepEqual(prevented, { over: false, highlighted: false });
  await page.close();
});

test('a file dropped beside the boxes does not replace the page', async () => {
  const { page } = await open();
  await page.getByLabel('Predictions (ŷ)').fill('1 3 5');
  const prevented = await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['1 2'], 'a.csv'));
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
    const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    document.querySelector('h1').dispatchEvent(over);
    document.querySelector('h1').dispatchEvent(drop);
    return { over: over.defaultPrevented, effect: dt.dropEffect, drop: drop.defaultPrevented };
  });
  assert.deepEqual(prevented, { over: true, effect: 'none', drop: true });
  assert.equal(await page.getByLabel('Predictions (ŷ)').inputValue(), '1 3 5');
  assert.equal((await events(page)).filter((e) => e.type === 'loaded').length, 0);
  await page.close();
});

test('UTF-16 (Excel "Unicode text") and GB18030 files are decoded', async () => {
  const { page } = await open();
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('预测\t真实\r\n1\t2\r\n', 'utf16le')]);
  await fileInput(page, 'predictions').setInputFiles({ name: 'unicode.txt', mimeType: 'text/plain', buffer: utf16 });
  await page.waitForFunction(() => self.fixture.events.some((e) => e.type === 'loaded'));
  assert.equal(await page.getByLabel('Predictions (ŷ)').inputValue(), '预测\t真实\n1\t2\n');
  // "预测,真实" in GBK, as Excel saves CSV on a Chinese system.
  const gbk = Buffer.from([0xd4, 0xa4, 0xb2, 0xe2, 0x2c, 0xd5, 0xe6, 0xca, 0xb5, 0x0a, 0x31, 0x2c, 0x32, 0x0a]);
  await fileInput(page, 'targets').setInputFiles({ name: 'gbk.csv', mimeType: 'text/csv', buffer: gbk });
  await page.waitForFunction(() => self.fixture.events.filter((e) => e.type === 'loaded').length === 2);
  assert.equal(await page.getByLabel('Targets (y)').inputValue(), '预测,真实\n1,2\n');
  await page.close();
});

// ---- on the page itself (index.html of the same site copy) ----

async function openApp(viewport) {
  const opened = await openPage(browser.context, `${browser.base}index.html`, viewport);
  await opened.page.locator('[data-ready="true"]').first().waitFor();
  return opened;
}

// What the browser sends after a paste: the text in, then input with inputType insertFromPaste.
async function pasteInto(page, id, text) {
  await page.evaluate(([box, value]) => {
    const area = document.getElementById(box);
    area.value = value;
    area.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  }, [id, text]);
}

const rowValue = (page, shortName) => page.locator('#results tbody tr')
  .filter({ has: page.locator('.loss-short', { hasText: new RegExp(`^${shortName}$`) }) }).locator('td.value');

async function expectRow(page, shortName, text) {
  const cell = rowValue(page, shortName);
  try {
    await page.waitForFunction(([name, want]) => [...document.querySelectorAll('#results tbody tr')]
      .some((r) => r.querySelector('.loss-short').textContent === name && r.querySelector('td.value').textContent.trim() === want), [shortName, text], { timeout: 5000 });
  } catch {
    assert.fail(`${shortName} should read ${text}, reads ${await cell.textContent().catch(() => 'nothing')}`);
  }
}

test('ŷ 1 3 5 7 with y 2 4 6: the ŷ box is marked and says why, once; the rows point to it', async () => {
  const { page, pageErrors } = await openApp();
  const yhat = page.getByLabel('Predictions (ŷ)');
  await yhat.fill('1 3 5 7');
  const message = page.locator('#predictions-message');
  await message.getByText('ŷ has 4 numbers, y has 3 numbers: give as many of each.').waitFor();
  assert.equal(await yhat.getAttribute('aria-invalid'), 'true');
  assert.deepEqual((await yhat.getAttribute('aria-describedby')).split(' ')[0], 'predictions-message');
  assert.equal(await page.getByLabel('Targets (y)').getAttribute('aria-invalid'), null, 'y is not blamed');
  // Said once on the whole page, not once per loss (the MSE preset has MSE and RMSE).
  assert.equal(await page.getByText('give as many of each').count(), 1);
  assert.equal((await page.locator('#alert').textContent()).trim(), '');
  // The message sits right under the box, not in another column.
  const boxBox = await yhat.boundingBox();
  const msgBox = await message.boundingBox();
  assert.ok(msgBox.y > boxBox.y + boxBox.height - 1 && msgBox.y - (boxBox.y + boxBox.height) < 120, `message ${msgBox.y}, box ends ${boxBox.y + boxBox.height}`);
  assert.ok(Math.abs(msgBox.x - boxBox.x) < 40);
  // Each result row says something short and takes the reader to the box.
  for (const loss of ['MSE', 'RMSE']) {
    assert.equal((await rowValue(page, loss).textContent()).trim(), 'not computed: ŷ and y do not fit go to the ŷ box');
  }
  await rowValue(page, 'MSE').getByRole('button', { name: 'go to the ŷ box' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'predictions');
  assert.equal(await yhat.inputValue(), '1 3 5 7', 'the text is kept');
  // In Chinese, in Chinese only.
  await page.locator('#lang').selectOption('zh');
  await message.getByText('ŷ 有 4 个数，y 有 3 个数：两边的个数要一样多。').waitFor();
  assert.equal((await rowValue(page, 'MSE').textContent()).trim(), '未计算：ŷ 与 y 对不上 转到 ŷ 输入框');
  await page.locator('#lang').selectOption('en');
  // Fixed: the mark and the message go.
  await yhat.fill('1 3 5');
  await expectRow(page, 'MSE', '1.00000');
  assert.equal(await yhat.getAttribute('aria-invalid'), null);
  assert.equal(await message.isVisible(), false);
  assert.ok(!(await yhat.getAttribute('aria-describedby')).includes('predictions-message'));
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('the box edited last is the one marked; a parse error stays under its own box with its position', async () => {
  const { page } = await openApp();
  await page.getByLabel('Targets (y)').fill('2 4');
  await page.locator('#targets-message').getByText('ŷ has 3 numbers, y has 2 numbers: give as many of each.').waitFor();
  assert.equal(await page.getByLabel('Targets (y)').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Predictions (ŷ)').getAttribute('aria-invalid'), null);
  await page.getByLabel('Targets (y)').fill('2 4\n6 x9');
  const message = page.locator('#targets-message');
  await message.getByText(/line 2, column 3/).waitFor();
  assert.match(await message.textContent(), /"x9"/);
  assert.equal(await page.locator('#results-empty').textContent(), 'the y box could not be read: the message is under it. go to the y box');
  await message.getByRole('button', { name: 'Show me' }).click();
  assert.equal(await page.evaluate(() => {
    const t = document.getElementById('targets');
    return t.value.slice(t.selectionStart, t.selectionEnd);
  }), 'x9');
  await page.close();
});

test('a y_pred,y_true CSV opened on the ŷ box of the default page splits into ŷ and y, says so, and can be undone', async () => {
  const { page } = await openApp();
  assert.equal(await page.getByLabel('Targets (y)').inputValue(), '2 4 6', 'the default page holds the MSE example in y');
  await fileInput(page, 'predictions').setInputFiles({ name: 'pairs.csv', mimeType: 'text/csv', buffer: Buffer.from('y_pred,y_true\n1,2\n3,4\n5,6\n7,8\n') });
  const notice = page.locator('.split-notice');
  await notice.getByText('Read 2 columns from the ŷ box: "y_pred" → ŷ, "y_true" → y. The y box is not used (its text is kept).').waitFor();
  await expectRow(page, 'MSE', '1.00000');
  assert.equal(await page.getByLabel('Targets (y)').inputValue(), '2 4 6', "y's text is kept");
  assert.ok(await page.getByLabel('Targets (y)').evaluate((t) => t.classList.contains('is-set-aside')), 'the set-aside box is dimmed');
  assert.equal(await page.getByLabel('Predictions (ŷ)').getAttribute('aria-invalid'), null);
  // Undo: the table is one matrix again, which does not fit y; the way back is offered.
  await notice.getByRole('button', { name: 'Undo: read it as one matrix' }).click();
  await page.locator('#predictions-message').getByText('ŷ has 8 numbers, y has 3 numbers: give as many of each.').waitFor();
  await notice.getByRole('button', { name: 'Split the table into ŷ and y' }).click();
  await expectRow(page, 'MSE', '1.00000');
  await page.close();
});

test('a spreadsheet pasted into the y box splits too; more than two columns bring the picker', async () => {
  const { page } = await openApp();
  await pasteInto(page, 'targets', 'pred\ttrue\tweight\r\n1\t2\t1\r\n3\t4\t1\r\n5\t7\t1\r\n');
  const notice = page.locator('.split-notice');
  await notice.getByText(/^Read 3 columns from the y box: "pred" → ŷ, "true" → y\. The ŷ box is not used/).waitFor();
  await expectRow(page, 'MSE', '2.00000');
  await page.getByLabel('y column').selectOption({ index: 2 });
  await notice.getByText(/"pred" → ŷ, "weight" → y/).waitFor();
  await expectRow(page, 'MSE', '6.66667'); // ŷ 1 3 5 against y 1 1 1
  await page.close();
});

test('one cross-entropy sample typed the natural way: 0.7 0.2 0.1 with y 0', async () => {
  const { page } = await openApp();
  await page.click('button[data-preset="cross_entropy"]');
  await page.getByLabel('Predictions (ŷ)').fill('0.7 0.2 0.1');
  await page.getByLabel('Targets (y)').fill('0');
  await expectRow(page, 'Cross-entropy', '0.767950');
  assert.match(await page.locator('#predictions-info').textContent(), /one sample of 3 class scores \(shape \[1, 3\]\)/);
  // The hint about probabilities now has numbers, not dashes.
  const hints = page.locator('#hints');
  await hints.getByText(/log/).first().waitFor();
  assert.ok(!(await hints.textContent()).includes('—'), await hints.textContent());
  await page.close();
});

test("the note's torch.tensor(...) line gives the same MSE as the plain numbers; its errors are at the box", async () => {
  const { page } = await openApp();
  await expectRow(page, 'MSE', '1.00000');
  await page.getByLabel('Predictions (ŷ)').fill('torch.tensor([1, 3, 5], dtype=torch.float32)');
  await page.getByLabel('Targets (y)').fill('(2, 4, 6)');
  await page.locator('#predictions-info').getByText('Read a Python list of 3 numbers.').waitFor();
  await expectRow(page, 'MSE', '1.00000');
  await page.getByLabel('Predictions (ŷ)').fill('torch.tensor([[0.7, 0.2, 0.1],\n              [0.1, 0.8, 0.1]], requires_grad=True)');
  await page.locator('#predictions-info').getByText('Read a Python list of shape 2 × 3 (6 numbers).').waitFor();
  await page.getByLabel('Predictions (ŷ)').fill('torch.tensor([1, 3, 5], 7)');
  await page.locator('#predictions-message').getByText(/line 1, column 25: expected keyword arguments such as dtype=torch.float32 after the numbers, found "7"/).waitFor();
  assert.equal(await page.getByLabel('Predictions (ŷ)').getAttribute('aria-invalid'), 'true');
  await page.close();
});

test('decimal commas: a warning at the box, a one-click reading the other way, and the way back', async () => {
  const { page } = await openApp();
  const yhat = page.getByLabel('Predictions (ŷ)');
  await page.getByLabel('Targets (y)').fill('1 4');
  await yhat.fill('1,5 3,5');
  const message = page.locator('#predictions-message');
  await message.getByText('Commas were read as separators. Did you mean decimal commas?').waitFor();
  await message.getByRole('button', { name: 'Read as 1.5, 3.5' }).click();
  await expectRow(page, 'MSE', '0.250000');
  assert.equal(await yhat.inputValue(), '1,5 3,5', 'the text is not changed');
  await message.getByText('Commas read as decimal points.').waitFor();
  await message.getByRole('button', { name: 'Read commas as separators' }).click();
  await message.getByText(/Did you mean decimal commas\?/).waitFor();
  await page.close();
});

test('thousands separators: 1,000 2,000 is offered as 1000, 2000; 1,5,3 is three numbers, no warning', async () => {
  const { page } = await openApp();
  await page.getByLabel('Targets (y)').fill('1000 2001');
  await page.getByLabel('Predictions (ŷ)').fill('1,000 2,000');
  const message = page.locator('#predictions-message');
  await message.getByText('Commas were read as separators. Did you mean thousands separators?').waitFor();
  await message.getByRole('button', { name: 'Read as 1000, 2000' }).click();
  await expectRow(page, 'MSE', '0.500000');
  await page.getByLabel('Targets (y)').fill('1 5 3');
  await page.getByLabel('Predictions (ŷ)').fill('1,5,3');
  await expectRow(page, 'MSE', '0.00000');
  assert.equal(await message.isVisible(), false);
  await page.close();
});

test('a 100,000-row y_pred,y_true file opened on the ŷ box of the default page splits (kept as data, read by the worker)', async () => {
  const { page } = await openApp();
  const rows = ['y_pred,y_true'];
  for (let i = 0; i < 100000; i++) rows.push(`${i % 97},${(i % 97) + 1}`); // every residual is 1: MSE 1
  await fileInput(page, 'predictions').setInputFiles({ name: 'pairs.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await page.locator('.split-notice').getByText(/^Read 2 columns from the ŷ box: "y_pred" → ŷ, "y_true" → y\./).waitFor({ timeout: 20000 });
  await expectRow(page, 'MSE', '1.00000');
  assert.equal(await page.getByLabel('Targets (y)').inputValue(), '2 4 6');
  assert.doesNotMatch(await page.locator('.card-data').textContent(), /100000, 2/);
  await page.close();
});

test("a loss's own error: its row says 'not computed' and takes the reader to the reason", async () => {
  const { page } = await openApp();
  await page.click('button[data-preset="cross_entropy"]');
  await page.getByLabel('Targets (y)').fill('0 1 7');
  const cell = rowValue(page, 'Cross-entropy');
  await cell.getByText('not computed').waitFor();
  await cell.getByRole('button', { name: 'why?' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'alert');
  assert.match(await page.locator('#alert').textContent(), /Cross-entropy/);
  await page.close();
});
