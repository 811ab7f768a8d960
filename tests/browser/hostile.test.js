// Hostile input in the browser: markup and javascript: URLs in everything a
// stranger can hand the page (the data boxes, CSV headers, JSON keys, file
// names, share links, embed parameters, <loss-playground> attributes).
// Each test asserts that nothing ran (a tripwire the payloads would set),
// nothing was inserted as markup (no element carries an on* attribute or a
// javascript: URL), no request left the site, and the user's text was kept.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { checkCode } = require('../fuzz/link-check.js');
const { launch, openPage, DIST } = require('./browser.js');

// Each payload would set window.top.__tripwire if it were ever run.
const RUN = 'window.top.__tripwire=(window.top.__tripwire||0)+1';
const PAYLOADS = [
  `<img src=x onerror="${RUN}">`,
  `"><svg onload="${RUN}">`,
  `<script>${RUN}</script>`,
  `javascript:${RUN}`,
  `</textarea><iframe src="javascript:${RUN}"></iframe>`,
  // A request to another host (loopback, so nothing leaves this machine).
  '<img src="http://127.0.0.2:9/leak">',
];
const MARK = '<b id="lossplay-injected">bold</b>';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  if (browser) await browser.close();
});

// Refuses (and records) any request that does not go to the site itself.
async function guard(page, base) {
  const outside = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  return outside;
}

async function open(url, base = browser.base) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const outside = await guard(page, base);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"], loss-playground', { timeout: 20000 });
  return { page, outside, errors };
}

// Walks the document and every open shadow root: elements that are markup
// from the payloads rather than the page's own.
function injected(page) {
  return page.evaluate(() => {
    const found = [];
    const visit = (root) => {
      for (const node of root.querySelectorAll('*')) {
        for (const attr of node.attributes) {
          if (/^on/i.test(attr.name)) found.push(`<${node.localName} ${attr.name}>`);
          if (/^\s*javascript:/i.test(attr.value) && ['href', 'src', 'action', 'formaction'].includes(attr.name)) {
            found.push(`<${node.localName} ${attr.name}=javascript:>`);
          }
        }
        if (node.id === 'lossplay-injected') found.push('<b id=lossplay-injected>');
        if (node.shadowRoot) visit(node.shadowRoot);
      }
    };
    visit(document);
    return { found, tripwire: window.__tripwire || 0 };
  });
}

async function assertClean(what, page, outside) {
  await page.waitForTimeout(300); // let an onerror or a late request happen if it would
  const { found, tripwire } = await injected(page);
  assert.equal(tripwire, 0, `${what}: a payload ran`);
  assert.deepEqual(found, [], `${what}: markup was inserted`);
  assert.deepEqual(outside, [], `${what}: a request left the site`);
}

test('markup typed or pasted into the data boxes stays text, is kept, and survives a share link', async () => {
  const { page, outside } = await open(browser.base);
  const predictions = `1 3 5 ${PAYLOADS.join(' ')} ${MARK}`;
  const targets = `y_true\n${PAYLOADS[0]}\n${MARK}`;
  await page.locator('#predictions').fill(predictions);
  await page.locator('#targets').fill(targets);
  await page.waitForTimeout(500);
  await assertClean('data boxes', page, outside);
  assert.equal(await page.locator('#predictions').inputValue(), predictions, 'ŷ text kept as typed');
  assert.equal(await page.locator('#targets').inputValue(), targets, 'y text kept as typed');
  // The page says what is wrong with the text, quoting it as text.
  await page.locator('#predictions-message').waitFor();
  const alert = await page.locator('#alert, #predictions-info, #targets-info, #predictions-message, #targets-message').allTextContents();
  assert.ok(alert.join(' ').length > 0, 'an error is shown for the markup');

  await page.waitForFunction(() => /#s=/.test(location.href));
  await page.waitForTimeout(500);
  const link = page.url();
  await page.close();
  const again = await open(link);
  await assertClean('reopened share link', again.page, again.outside);
  assert.equal(await again.page.locator('#predictions').inputValue(), predictions, 'the link restores ŷ exactly');
  assert.equal(await again.page.locator('#targets').inputValue(), targets, 'the link restores y exactly');
  await again.page.close();
});

test('CSV headers and JSON keys carrying markup are shown as text', async () => {
  const { page, outside } = await open(browser.base);
  const csv = `${PAYLOADS[0]},${MARK}\n1,2\n3,4\n5,6`;
  await page.locator('#targets').fill('');
  await page.locator('#predictions').fill(csv);
  await page.waitForTimeout(500);
  await assertClean('CSV header', page, outside);
  assert.equal(await page.locator('#predictions').inputValue(), csv);
  const json = `{"${PAYLOADS[1].replace(/"/g, '\\"')}": [1, 2, 3], "${MARK.replace(/"/g, '\\"')}": [4, 5, 6]}`;
  await page.locator('#predictions').fill(json);
  await page.waitForTimeout(500);
  await assertClean('JSON keys', page, outside);
  assert.equal(await page.locator('#predictions').inputValue(), json);
  await page.close();
});

test('a file whose name is markup is opened as data and its name shown as text', async () => {
  const { page, outside } = await open(browser.base);
  const name = `${PAYLOADS[0]}${MARK}.csv`;
  await page.locator('#predictions ~ .file-input input[type=file]').setInputFiles({
    name, mimeType: 'text/csv', buffer: Buffer.from('1\n3\n5\n'),
  });
  await page.waitForFunction(() => document.querySelector('#predictions').value.includes('5'));
  await assertClean('file name', page, outside);
  const status = await page.locator('#predictions ~ .file-input .file-input-status').textContent();
  assert.ok(status.includes('<img'), `the file name is quoted as text: ${status}`);
  await page.close();
});

test('share links with markup in every string field are refused or applied as text, never run', async () => {
  // Links crafted by hand, not by the page's encoder: the page's own link
  // for a view gives the fields, each string field in turn carries markup,
  // and the body is re-encoded with a valid check code (a CRC-32, so the
  // link reaches the schema and the views) and with a wrong one.
  const { page: first } = await open(browser.base);
  await first.locator('#predictions').fill('1 3 5');
  await first.waitForFunction(() => /#s=/.test(location.href));
  await first.waitForTimeout(500);
  const s = decodeURIComponent(new URL(first.url()).hash.replace(/^#s=/, ''));
  await first.close();
  const body = s.slice(0, s.lastIndexOf('.'));
  const bytes = body.startsWith('z') ? zlib.inflateRawSync(Buffer.from(body.slice(1), 'base64url')) : Buffer.from(body, 'base64url');
  const state = JSON.parse(bytes.toString('utf8'));

  const link = (value, valid = true) => {
    const json = JSON.stringify(value);
    return `#s=${Buffer.from(json, 'utf8').toString('base64url')}.${valid ? checkCode(Buffer.from(json, 'utf8')) : 'AAAAAA'}`;
  };
  // Every path to a string (or a string in a list) of the state.
  const paths = [];
  const walk = (value, at) => {
    if (typeof value === 'string') paths.push(at);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, at.concat(k));
  };
  walk(state, []);
  assert.ok(paths.length >= 3, `the page's link has string fields: ${JSON.stringify(state)}`);
  const links = [link(state)];
  for (const at of paths) {
    for (const payload of [PAYLOADS[0], PAYLOADS[3], MARK]) {
      const copy = structuredClone(state);
      let node = copy;
      for (const k of at.slice(0, -1)) node = node[k];
      node[at[at.length - 1]] = payload;
      links.push(link(copy), link(copy, false));
    }
  }
  links.push(`#s=${encodeURIComponent(PAYLOADS[0])}`, `#s=${encodeURIComponent(PAYLOADS[3])}`, `?s=${encodeURIComponent(MARK)}`);
  let shownAsText = 0;
  for (const tail of links) {
    const { page, outside } = await open(`${browser.base}${tail}`);
    await assertClean(`link ${tail.slice(0, 60)}`, page, outside);
    if ((await page.locator('#predictions').inputValue()) === MARK) shownAsText++;
    await page.close();
  }
  // The link whose ŷ text is markup is a valid link: it opens, as text.
  assert.equal(shownAsText, 1, 'the valid link with markup as its ŷ text opens with that text in the box');
});

test('embed parameters carrying markup are refused or shown as text', async () => {
  const names = ['losses', 'data', 'preset', 'panels', 'theme', 'lang', 'options', 'id'];
  for (const name of names) {
    for (const payload of [PAYLOADS[0], PAYLOADS[3], MARK]) {
      const url = `${browser.base}index.html?embed=1&${name}=${encodeURIComponent(payload)}`;
      const { page, outside } = await open(url);
      await assertClean(`embed ${name}=${payload.slice(0, 20)}`, page, outside);
      await page.close();
    }
  }
});

test('<loss-playground> attributes carrying markup are refused or shown as text', async () => {
  const host = path.join(DIST, 'hostile-element-host.html');
  const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const elements = ['losses', 'data', 'preset', 'panels', 'theme', 'lang', 'options']
    .map((name) => `<loss-playground ${name}="${attr(PAYLOADS[0] + MARK)}"></loss-playground>`);
  fs.writeFileSync(host, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<script src="lossplay-element.js" defer></script></head><body>${elements.join('\n')}</body></html>`);
  try {
    const { page, outside } = await open(`${browser.base}hostile-element-host.html`);
    // Every widget has rendered something into its shadow root.
    await page.waitForFunction(() => [...document.querySelectorAll('loss-playground')]
      .every((e) => e.shadowRoot && e.shadowRoot.querySelector('.lp-app') && e.shadowRoot.querySelector('.lp-app').childElementCount > 0),
    null, { timeout: 20000 });
    await assertClean('element attributes', page, outside);
    await page.close();
  } finally {
    fs.rmSync(host, { force: true });
  }
});
