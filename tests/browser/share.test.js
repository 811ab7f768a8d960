// Share links, export and the PyTorch code block in headless Chromium: the
// native CompressionStream, history.replaceState, Blob downloads, canvas to
// PNG and the clipboard, on a test page (fixtures/share/) bundled into a
// copy of the site.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const SHOTS = process.env.LOSSPLAY_SHOTS; // a folder: screenshots are written there
const { fixtureSite } = require('./fixture-site.js');
const SITE = fixtureSite('share', '', { 'share-fixture.mjs': 'share-fixture.bundle.js' });
const { launch, openPage, DIST } = require('./browser.js');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
  fs.rmSync(SITE, { recursive: true, force: true });
});

const fixtureUrl = (suffix = '') => `${browser.base}share-fixture.html${suffix}`;

const STATE = {
  v: 1,
  lang: 'zh',
  theme: 'dark',
  reduction: 'mean',
  losses: ['mse_loss', 'huber_loss'],
  options: { huber_loss: { delta: 0.5 } },
  data: { predictions: '1，3，5\n<img src=x onerror=alert(1)>', targets: '2 4 6', extra: { 'binary_cross_entropy:weight': '' } },
  columns: null,
  outlier: null,
  dismissed: [],
};

test('share links round-trip in Chromium and writeToUrl never navigates', async () => {
  const { page, pageErrors, requests } = await openPage(browser.context, fixtureUrl('?lang=zh&embed=1'));
  const result = await page.evaluate(async (state) => {
    const share = self.fixture.share;
    self.marker = 'same document';
    const before = history.length;
    const param = await share.encode(state);
    const back = await share.decode(param);
    share.writeToUrl(Object.assign({}, state, { reduction: 'sum' }));
    const written = await share.writeToUrl(state);
    return { param, back, written, href: location.href, marker: self.marker, grew: history.length - before };
  }, STATE);
  assert.deepEqual(result.back, STATE);
  assert.equal(result.written.written, true);
  assert.equal(result.marker, 'same document');
  assert.equal(result.grew, 0, 'replaceState adds no history entry');
  assert.ok(result.href.startsWith(fixtureUrl('?lang=zh&embed=1#s=')), result.href);
  assert.ok(result.href.length < 8000);

  // Opening the link restores the state; the fragment never reached the server.
  const second = await openPage(browser.context, result.href);
  const read = await second.page.evaluate(() => self.fixture.share.readFromUrl(location));
  assert.deepEqual(read, STATE);
  assert.ok(second.requests.every((u) => !u.includes('s=')), 'the state is not sent to the server');
  assert.deepEqual(pageErrors, []);
  assert.ok(requests.every((u) => u.startsWith(browser.base)));
  await second.page.close();
  await page.close();
});

test('a damaged link in the address bar is refused with a clear message', async () => {
  const { page } = await openPage(browser.context, fixtureUrl());
  const good = await page.evaluate((state) => self.fixture.share.encode(state), STATE);
  await page.goto(fixtureUrl(`#s=${good.slice(0, good.length - 10)}`));
  await page.waitForSelector('html[data-ready="true"]');
  const message = await page.evaluate(() => self.fixture.share.readFromUrl(location).then(() => 'accepted', (e) => e.message));
  assert.match(message, /^This link is damaged: .*Nothing from it was applied\.$/);
  await page.close();
});

test('huge data leave the link without them and say so', async () => {
  const { page } = await openPage(browser.context, fixtureUrl());
  const r = await page.evaluate(async (state) => {
    let seed = 1;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const noise = Array.from({ length: 8000 }, () => rnd().toFixed(9)).join('\n');
    const big = Object.assign({}, state, { data: { predictions: noise, targets: noise, extra: {} } });
    const w = await self.fixture.share.writeToUrl(big, { delay: 0 });
    const back = await self.fixture.share.readFromUrl(location);
    return { truncated: w.truncated, length: location.href.length, data: back.data, losses: back.losses };
  }, STATE);
  assert.equal(r.truncated, true);
  assert.ok(r.length <= 8000, `${r.length} characters`);
  assert.equal(r.data, null);
  assert.deepEqual(r.losses, STATE.losses);
  await page.close();
});

test('writeToUrl works on a page opened from disk (file://)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lossplay-share-file-'));
  try {
    for (const name of fs.readdirSync(DIST)) {
      if (/\.(js|css|html)$/.test(name)) fs.copyFileSync(path.join(DIST, name), path.join(dir, name));
    }
    const { page } = await openPage(browser.context, `file://${dir}/share-fixture.html?lang=en`);
    const r = await page.evaluate(async (state) => {
      const w = await self.fixture.share.writeToUrl(state, { delay: 0 });
      return { written: w.written, href: location.href, back: await self.fixture.share.readFromUrl(location) };
    }, STATE);
    assert.equal(r.written, true);
    assert.match(r.href, /^file:\/\/.*share-fixture\.html\?lang=en#s=/);
    assert.deepEqual(r.back, STATE);
    await page.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('CSV, JSON and PNG downloads carry the results', async () => {
  const { page } = await openPage(browser.context, fixtureUrl());
  const save = async (button) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const file = await download.path();
    return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
  };
  const csv = await save('#csv');
  assert.equal(csv.name, 'lossplay-results.csv');
  const text = csv.bytes.toString('utf8');
  assert.ok(text.startsWith('\ufeffloss,reduction,options,quantity,index,value\r\n'));
  assert.match(text, /\r\nhuber_loss,mean,delta=1,loss,,0\.05500000000000003\r\n/);
  assert.match(text, /\r\nhuber_loss,mean,delta=1,grad_input,0,0\.16666666666666666\r\n/);

  const json = JSON.parse((await save('#json')).bytes.toString('utf8'));
  assert.equal(json.losses[0].value, 0.05500000000000003);

  const png = await save('#png');
  assert.equal(png.name, 'lossplay-chart.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // No Blob URL is left behind once the download has started.
  await page.waitForTimeout(1200);
  await page.close();
});

test('canvasToPng fills the background for the theme', async () => {
  const { page } = await openPage(browser.context, fixtureUrl());
  const corners = await page.evaluate(async () => {
    const ex = self.fixture.exportResults;
    const canvas = document.getElementById('chart');
    const pixel = async (blob) => {
      const img = await createImageBitmap(blob);
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return Array.from(ctx.getImageData(0, 0, 1, 1).data);
    };
    const light = await pixel(await ex.canvasToPng(canvas, { theme: 'light' }));
    const dark = await pixel(await ex.canvasToPng(canvas, { theme: 'dark' }));
    document.documentElement.dataset.theme = 'dark';
    const followsPage = await pixel(await ex.canvasToPng(canvas));
    delete document.documentElement.dataset.theme;
    const raw = await pixel(await new Promise((r) => canvas.toBlob(r)));
    return { light, dark, followsPage, raw };
  });
  assert.deepEqual(corners.raw[3], 0, 'the chart itself is transparent');
  assert.deepEqual(corners.light, [255, 255, 255, 255]);
  assert.deepEqual(corners.dark, [0x17, 0x1a, 0x21, 255]);
  assert.deepEqual(corners.followsPage, corners.dark);
  await page.close();
});

test('Copy puts the code on the clipboard and announces it', async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: browser.base.replace(/\/$/, '') });
  const { page } = await openPage(browser.context, fixtureUrl());
  const copy = page.getByRole('button', { name: 'Copy the PyTorch code' }).first();
  await copy.click();
  await page.waitForFunction(() => document.querySelector('.lp-codeblock-status').textContent === 'Copied');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clip, await page.evaluate(() => self.fixture.block.code));
  assert.match(clip, /F\.huber_loss\(input, target, reduction='mean'\)/);
  assert.equal(await copy.textContent(), 'Copied');
  assert.equal(await page.locator('.lp-codeblock-status').first().getAttribute('aria-live'), 'polite');
  await page.close();
});

test('without the Clipboard API, Copy falls back to selecting the code', async () => {
  const { page } = await openPage(browser.context, fixtureUrl());
  const r = await page.evaluate(async () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    document.execCommand = () => false; // as when the old command is refused too
    const how = await self.fixture.block.copy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { how, selected: String(getSelection()), code: self.fixture.block.code, status: document.querySelector('.lp-codeblock-status').textContent };
  });
  assert.equal(r.how, 'selected');
  assert.equal(r.selected.trimEnd(), r.code.trimEnd()); // a selection drops the final newline
  assert.match(r.status, /press Ctrl\+C/);
  await page.close();
});

test('the data files of large code download as text', async () => {
  const { page } = await openPage(browser.context, fixtureUrl());
  const button = page.getByRole('button', { name: 'Download predictions.txt' });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  assert.equal(download.suggestedFilename(), 'predictions.txt');
  const lines = fs.readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(lines.length, 1200);
  assert.equal(Number(lines[1]), Math.sin(1) / 2);
  await page.close();
});

test('the code block fits a phone and reads in both themes', async () => {
  for (const [width, scheme] of [[1280, 'light'], [1280, 'dark'], [360, 'light'], [360, 'dark']]) {
    const { page } = await openPage(browser.context, fixtureUrl(), { width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${width}px ${scheme}: the page scrolls sideways by ${overflow}px`);
    if (SHOTS) {
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `share-${width}-${scheme}.png`), fullPage: true });
    }
    await page.close();
  }
});

test('in Chinese the button, the announcement and link errors are Chinese', async () => {
  const { page } = await openPage(browser.context, fixtureUrl(), { width: 360, height: 800 });
  const r = await page.evaluate(async () => {
    self.fixture.block.relabel('zh');
    self.fixture.largeBlock.relabel('zh');
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => {} }, configurable: true });
    await self.fixture.block.copy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const error = await self.fixture.share.decode('abc').catch((e) => self.fixture.t(e.key, e.params, 'zh'));
    return {
      button: document.querySelector('.lp-codeblock-copy').textContent,
      status: document.querySelector('.lp-codeblock-status').textContent,
      files: document.querySelector('.lp-codeblock-file').textContent,
      error,
    };
  });
  assert.equal(r.button, '已复制');
  assert.equal(r.status, '已复制');
  assert.equal(r.files, '下载 predictions.txt');
  assert.match(r.error, /^此链接已损坏：/);
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'share-360-zh.png'), fullPage: true });
  await page.close();
});
