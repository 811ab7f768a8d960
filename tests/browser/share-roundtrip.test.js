// Share links restore every part of the state (issue 10, item 9): a link
// with every key of the schema (state/schema.js LINK_KEYS) set to a value
// unlike the page's default is opened in a fresh page; the page writes the
// link back from its store, which must equal the one opened, and each
// control shows its part. A key added to the schema without an example
// here fails the test, so keys added later are covered too.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, openPage } = require('./browser.js');
const { importWeb } = require('../js/support/web-src.js');

let browser;
let share;
let schema;
before(async () => {
  browser = await launch();
  share = await importWeb('state/share-link.js');
  schema = await importWeb('state/schema.js');
});
after(async () => {
  if (browser) await browser.close();
});

// For each key of the link: a value unlike the default (v aside: there is one version).
const EXAMPLES = {
  v: 1,
  lang: 'zh',
  theme: 'dark',
  reduction: 'sum',
  losses: ['mse_loss', 'huber_loss', 'hinge_embedding_loss', 'margin_ranking_loss'],
  options: { mse_loss: {}, huber_loss: { delta: 0.1 }, hinge_embedding_loss: { margin: 2 }, margin_ranking_loss: { margin: 0.5 } },
  // A table in the ŷ box (its columns chosen below) and a ranking loss's second input.
  data: { predictions: 'a,b,c\n1,2,3\n4,5,6.5\n7,8,9', targets: '', extra: { 'margin_ranking_loss:input2': '0 1 2' } },
  columns: { prediction: 2, target: 0 },
  outlier: { residual: 7.5, on: true },
  dismissed: ['hinge_embedding', 'hinge_01:hinge'],
  logScale: true,
  digits: 'fixed',
  // How the boxes are read: y's commas as thousands separators (the example's y box is empty).
  reading: { split: null, commas: { predictions: null, targets: 'thousands' } },
  // The fit lab shown, with its own data, losses (Huber before MAE), options, optimiser, start and a dragged point.
  view: 'fit',
  fit: {
    x: '1 2 3 4 5', y: '2.5 4.5 7 9 10.5', losses: ['huber_loss', 'l1_loss'], options: { huber_loss: { delta: 0.5 } },
    optimizer: 'momentum', lr: 0.02, steps: 300, start: [1, -1], moved: { index: 4, y: 25 }, preset: 'note', split: 'x',
  },
};

// What a reader sees of each key once the link is open ('zh' page). A key
// without a check here is still compared through the link the page writes back.
const CHECKS = {
  lang: async (page, v) => {
    assert.equal(await page.locator('#lang').inputValue(), v);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  },
  theme: async (page, v) => assert.equal(await page.locator('#theme').inputValue(), v),
  reduction: async (page, v) => assert.equal(await page.locator('#reduction').inputValue(), v),
  losses: async (page, v) => {
    await page.waitForFunction((n) => document.querySelectorAll('#results tbody tr').length === n, v.length);
    assert.deepEqual(await page.locator('#results tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.loss)), v);
  },
  options: async (page, v) => {
    for (const [loss, values] of Object.entries(v)) {
      for (const [name, value] of Object.entries(values)) {
        assert.equal(Number(await page.locator(`#opt-${loss}-${name}`).inputValue()), value, `${loss}.${name} box`);
        // The option's slider beside its chart, where it has one, sits at the same value.
        const slider = page.locator(`input[type=range][data-loss="${loss}"][data-option="${name}"]`);
        if (await slider.count()) assert.equal(Number(await slider.inputValue()), value, `${loss}.${name} slider`);
      }
    }
  },
  data: async (page, v) => {
    assert.equal(await page.locator('#predictions').inputValue(), v.predictions);
    assert.equal(await page.locator('#targets').inputValue(), v.targets);
    for (const [key, text] of Object.entries(v.extra)) {
      const [loss, arg] = key.split(':');
      assert.equal(await page.locator(`#arg-${loss}-${arg}`).inputValue(), text, key);
    }
  },
  columns: async (page, v) => {
    assert.equal(Number(await page.locator('select[id^="column-picker-prediction"]').inputValue()), v.prediction);
    assert.equal(Number(await page.locator('select[id^="column-picker-target"]').inputValue()), v.target);
  },
  outlier: async (page, v) => {
    assert.equal(await page.locator('#outlier-on').isChecked(), v.on);
    assert.equal(Number(await page.locator('#outlier-size').inputValue()), v.residual);
    assert.equal(Number(await page.locator('#outlier-slider').inputValue()), v.residual, 'the slider agrees with the box');
  },
  digits: async (page, v) => assert.equal(await page.locator('#digits').inputValue(), v),
  logScale: async (page, v) => assert.equal(await page.locator('input[data-control="log-scale"]').isChecked(), v),
  view: async (page, v) => {
    assert.equal(await page.locator('#tab-fit').getAttribute('aria-selected'), String(v === 'fit'));
    assert.equal(await page.locator('#fit-view').isVisible(), v === 'fit');
  },
  fit: async (page, v) => {
    const lab = page.locator('.fit-lab');
    await lab.locator('.fit-results table tbody tr').nth(v.losses.length - 1).waitFor();
    assert.equal(await lab.locator('textarea').nth(0).inputValue(), v.x);
    assert.equal(await lab.locator('textarea').nth(1).inputValue(), v.y);
    const checked = await lab.locator('.fit-loss input[type=checkbox]:checked').evaluateAll((boxes) => boxes.map((b) => b.value));
    assert.deepEqual(checked.sort(), v.losses.slice().sort());
    assert.equal(await lab.locator('.fit-optimiser select').inputValue(), v.optimizer);
    assert.equal(Number(await lab.locator('.fit-optimiser input').nth(0).inputValue()), v.lr);
    assert.equal(Number(await lab.locator('.fit-optimiser input').nth(1).inputValue()), v.steps);
    assert.equal(Number(await lab.locator('.fit-option[id*="huber_loss-delta"]').inputValue()), v.options.huber_loss.delta);
    assert.match(await lab.locator('.fit-moved').textContent(), new RegExp(`${v.moved.index + 1}.*${v.moved.y}`));
  },
  dismissed: async (page, v) => {
    for (const id of v) assert.equal(await page.locator(`#hints [data-hint="${id}"]`).count(), 0, `${id} is closed`);
  },
};

test('every key of the link has an example value unlike the default', () => {
  const missing = schema.LINK_KEYS.filter((k) => !(k in EXAMPLES));
  assert.deepEqual(missing, [], 'add an example (and, if it shows, a check) for each new key of the link');
  // The example is a state the schema accepts, with every key in it.
  assert.deepEqual(Object.keys(schema.validate(EXAMPLES)), schema.LINK_KEYS);
});

test('a link with every key set opens in a fresh page with each part restored and written back the same', async () => {
  const link = {};
  for (const key of schema.LINK_KEYS) link[key] = EXAMPLES[key];
  const param = await share.encode(link);
  // Opened as ?s=: the page writes its link back into the fragment (#s=)
  // from its store, so what is read below is the page's, not the one opened.
  const { page, pageErrors } = await openPage(browser.context, `${browser.base}?s=${param}`);
  await page.waitForFunction(() => /[#&]s=/.test(location.hash));
  const back = await share.readFromUrl(page.url());
  for (const key of schema.LINK_KEYS) {
    assert.deepEqual(back[key], schema.validate(link)[key], `"${key}" does not come back from the page's state`);
  }
  for (const key of schema.LINK_KEYS) if (CHECKS[key]) await CHECKS[key](page, link[key]);
  // The views did use it: the hinge-embedding hint (dismissed) is closed, and the outlier row is there.
  assert.ok(await page.locator('td.value-outlier').count() > 0, 'the outlier column is shown');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('each key on its own: a link that changes one key from the defaults restores that key', async () => {
  // The defaults a plain page writes, then one key at a time from the example.
  const { page: plain } = await openPage(browser.context, browser.base);
  await plain.getByLabel('Theme').selectOption('light'); // any change: the page writes its link
  await plain.waitForFunction(() => /#s=/.test(location.href));
  const defaults = await share.readFromUrl(plain.url());
  await plain.close();
  for (const key of schema.LINK_KEYS) {
    if (key === 'v' || key === 'columns') continue; // columns need the table of the example's data
    const link = Object.assign({}, defaults, { [key]: EXAMPLES[key] });
    if (key === 'options' || key === 'data') link.losses = EXAMPLES.losses; // options and extra inputs belong to losses
    const { page } = await openPage(browser.context, `${browser.base}?s=${await share.encode(link)}`);
    await page.waitForFunction(() => /[#&]s=/.test(location.hash));
    const back = await share.readFromUrl(page.url());
    assert.deepEqual(back[key], schema.validate(link)[key], `"${key}" alone does not come back`);
    await page.close();
  }
});
