// Share links (web/src/state/share-link.js, checked by state/schema.js) and
// the export of results (web/src/later/export.js) in Node: round trips,
// damaged links, the URL, and CSV/JSON output.
'use strict';
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const { loadLossPlay } = require('./lossplay-dist.js');
const { importWeb } = require('./support/web-src.js');

let share;
let exportResults;
let i18n;
before(async () => {
  share = await importWeb('state/share-link.js');
  exportResults = await importWeb('later/export.js');
  i18n = await importWeb('i18n/translate.js');
  // A link's refusals are worded from strings/share.js, which the page adds with its later chunk.
  i18n.addStrings((await importWeb('i18n/strings/share.js')).shareStrings);
  i18n.addStrings((await importWeb('i18n/strings/fit-shell.js')).fitShareStrings);
});

// ---- helpers ----

// A small deterministic generator, so a failure can be replayed.
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['1', '3.5', '-2e-3', '，', '；', '、', '０．５', '　', ' ', '\n', '\t', '预测', '目标值', '损失函数', 'é', '😀', '"', '\\', '<b>', '&amp;', '</script>', ''];

function randomText(rnd, length) {
  let out = '';
  while (out.length < length) out += PIECES[Math.floor(rnd() * PIECES.length)];
  return out;
}

function randomState(rnd) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const losses = ['mse_loss', 'huber_loss', 'cross_entropy', 'hinge', 'kl_div'].filter(() => rnd() < 0.5);
  const options = {};
  if (rnd() < 0.5) options.huber_loss = { delta: rnd() * 3 };
  if (rnd() < 0.5) options.triplet_margin_loss = { swap: rnd() < 0.5, p: 1 + Math.floor(rnd() * 3) };
  const extra = {};
  if (rnd() < 0.5) extra['binary_cross_entropy:weight'] = randomText(rnd, rnd() * 30);
  if (rnd() < 0.3) extra['gaussian_nll_loss:var'] = '';
  return {
    v: 1,
    lang: pick(['zh', 'en']),
    theme: pick(['light', 'dark', null]),
    reduction: pick(['mean', 'sum', 'none', 'batchmean']),
    losses,
    options,
    data: rnd() < 0.1 ? null : { predictions: randomText(rnd, rnd() * 200), targets: rnd() < 0.2 ? '' : randomText(rnd, rnd() * 200), extra },
    columns: rnd() < 0.5 ? null : { prediction: pick(['ŷ 预测', 0, 3, null]), target: pick(['y', 1, null]) },
    outlier: rnd() < 0.5 ? null : { residual: (rnd() - 0.5) * 100, on: rnd() < 0.5 },
    dismissed: rnd() < 0.5 ? [] : ['swapped', 'hinge_01:hinge'].filter(() => rnd() < 0.7),
  };
}

const base = {
  v: 1,
  lang: 'zh',
  theme: null,
  reduction: 'mean',
  losses: ['mse_loss', 'huber_loss'],
  options: { huber_loss: { delta: 0.5 } },
  data: { predictions: '1 3 5', targets: '2，4，6', extra: {} },
  columns: null,
  outlier: null,
  dismissed: [],
};

// The parameter for a JSON text, with a valid check code: damage that only
// the content checks can catch.
function paramForJson(json) {
  const bytes = new TextEncoder().encode(json);
  return paramForBytes(bytes);
}

function paramForBytes(bytes) {
  const c = share._crc32(bytes);
  const code = Buffer.from([c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]).toString('base64url');
  return `${Buffer.from(bytes).toString('base64url')}.${code}`;
}

async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail('the link was accepted');
  return null;
}

async function assertDamaged(param, reason, pattern) {
  const e = await rejection(share.decode(param));
  assert.ok(e instanceof share.ShareLinkError, `a ShareLinkError, not ${e && e.name}: ${e && e.message}`);
  if (reason) assert.equal(e.reason, reason, e.message);
  if (pattern) assert.match(e.message, pattern);
  assert.match(e.message, /Nothing from it was applied\.$/);
  return e;
}

// ---- share: round trips ----

test('random states survive encode and decode, Chinese and full-width text included', async () => {
  const rnd = random(20261124);
  for (let i = 0; i < 300; i++) {
    const state = randomState(rnd);
    const param = await share.encode(state);
    assert.match(param, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
    assert.deepEqual(await share.decode(param), state, `state ${i}`);
  }
});

test('empty texts and an empty selection round-trip', async () => {
  const state = Object.assign({}, base, { losses: [], options: {}, data: { predictions: '', targets: '', extra: {} } });
  assert.deepEqual(await share.decode(await share.encode(state)), state);
});

test('encode picks the shorter of plain and compressed; plain links decode too', async () => {
  for (const state of [base, Object.assign({}, base, { losses: [], options: {}, data: null })]) {
    const param = await share.encode(state);
    const plain = Buffer.from(JSON.stringify(state)).toString('base64url');
    // deflate wins even on ~100 bytes of JSON (its keys repeat), so a
    // whole state is rarely plain; the plain form must still decode.
    assert.ok(param.length <= plain.length + 7, `${param.length} > ${plain.length} + 7`);
    assert.deepEqual(await share.decode(paramForJson(JSON.stringify(state))), state);
  }
});

test('large data take the compressed form, which is shorter', async () => {
  const rows = Array.from({ length: 400 }, (_, i) => `${(i * 0.37).toFixed(3)}，${(i % 7) - 3}，${i % 3}`).join('\n');
  const state = Object.assign({}, base, { data: { predictions: rows, targets: rows, extra: { 'cross_entropy:weight': '1 2 3' } } });
  const param = await share.encode(state);
  assert.equal(param[0], 'z');
  const plainLength = Buffer.from(JSON.stringify(state)).toString('base64url').length;
  assert.ok(param.length < plainLength / 2, `${param.length} characters against ${plainLength} plain`);
  assert.deepEqual(await share.decode(param), state);
});

test('the page may leave out theme, options, columns, outlier and extra; encode fills them', async () => {
  const state = { v: 1, lang: 'en', reduction: 'sum', losses: ['mse_loss'], data: { predictions: '1', targets: '2' } };
  const back = await share.decode(await share.encode(state));
  assert.deepEqual(back, Object.assign({}, state, { theme: null, options: {}, columns: null, outlier: null, dismissed: [], data: { predictions: '1', targets: '2', extra: {} } }));
});

test('encode refuses a malformed state', async () => {
  await assert.rejects(share.encode(Object.assign({}, base, { losses: 'mse_loss' })), /"losses" must be a list/);
  await assert.rejects(share.encode(Object.assign({}, base, { options: { huber_loss: { delta: NaN } } })), /finite number/);
});

test('data too large for a link are left out and reported as truncated', async () => {
  const rnd = random(7);
  const noise = Array.from({ length: 6000 }, () => rnd().toString().slice(2, 12)).join(' ');
  const state = Object.assign({}, base, { data: { predictions: noise, targets: noise.split('').reverse().join(''), extra: {} } });
  const limited = await share.encodeLimited(state);
  assert.equal(limited.truncated, true);
  assert.ok(limited.param.length <= share.URL_BUDGET);
  const back = await share.decode(limited.param);
  assert.equal(back.data, null);
  assert.deepEqual(back.losses, base.losses);
  const small = await share.encodeLimited(base);
  assert.equal(small.truncated, false);
  assert.deepEqual((await share.decode(small.param)).data, base.data);
});

// ---- share: damaged links ----

test('a link cut short anywhere is refused', async () => {
  for (const state of [base, Object.assign({}, base, { data: { predictions: '1 2 3 '.repeat(200), targets: '4 5 6 '.repeat(200), extra: {} } })]) {
    const param = await share.encode(state);
    for (let n = 0; n < param.length; n += Math.max(1, Math.floor(param.length / 97))) {
      const e = await assertDamaged(param.slice(0, n));
      assert.ok(['check', 'base64'].includes(e.reason), `${n}: ${e.reason} ${e.message}`);
    }
    // A cut that keeps a plausible ending still fails its check.
    const dot = param.lastIndexOf('.');
    await assertDamaged(param.slice(0, dot - 3) + param.slice(dot));
  }
  await assertDamaged((await share.encode(base)).slice(0, -2), 'check', /end is missing/);
});

test('a single-bit change of a link never yields another state', async () => {
  const large = Object.assign({}, base, { data: { predictions: '0.25 '.repeat(300), targets: '1 '.repeat(300), extra: {} } });
  for (const state of [base, large]) {
    const param = await share.encode(state);
    for (let i = 0; i < param.length; i++) {
      for (let bit = 0; bit < 7; bit++) {
        const flipped = param.slice(0, i) + String.fromCharCode(param.charCodeAt(i) ^ (1 << bit)) + param.slice(i + 1);
        // Refused, or (for deflate's unused padding bits in the last byte)
        // the very same state: never a different one.
        const decoded = await share.decode(flipped).catch((e) => e);
        if (decoded instanceof Error) assert.ok(decoded instanceof share.ShareLinkError, `char ${i} bit ${bit}: ${decoded.message}`);
        else assert.deepEqual(decoded, state, `char ${i} bit ${bit} changed the state`);
      }
    }
  }
});

test('the damage is named: bad characters, bad check code, bad compression', async () => {
  const param = await share.encode(base);
  await assertDamaged(`${param.slice(0, 5)}*${param.slice(6)}`, 'base64', /characters that cannot appear/);
  const dot = param.lastIndexOf('.');
  const other = param.slice(0, dot + 1) + (param[dot + 1] === 'A' ? 'B' : 'A') + param.slice(dot + 2);
  await assertDamaged(other, 'checksum', /check code does not match/);
  await assertDamaged(`z${Buffer.from('not deflate at all').toString('base64url')}.AAAAAA`, 'compression', /cannot be unpacked/);
  await assertDamaged('', 'base64', /empty/);
  await assertDamaged('abc', 'check', /end is missing/);
});

test('a link from another version is refused as such', async () => {
  const e = await assertDamaged(paramForJson(JSON.stringify(Object.assign({}, base, { v: 2 }))), 'version');
  assert.match(e.message, /^This link cannot be opened: it was made by another version of lossplay \(link version 2; this page reads version 1\)/);
  await assertDamaged(paramForJson('{"v":"1"}'), 'field', /"v" must be a version number/);
});

test('wrong field types, unknown and missing fields are refused, naming the field', async () => {
  const cases = [
    [{ losses: 'mse_loss' }, /"losses" must be a list of names/],
    [{ losses: ['mse_loss', 'mse_loss'] }, /names "mse_loss" twice/],
    [{ lang: 'fr' }, /"lang" must be "zh" or "en"/],
    [{ theme: 'blue' }, /"theme" must be "light", "dark" or null/],
    [{ reduction: 'max' }, /"reduction" must be one of none, mean, sum, batchmean/],
    [{ options: { huber_loss: { delta: '0.5' } } }, /"options\.huber_loss\.delta" must be a finite number or true\/false/],
    [{ options: { huber_loss: [] } }, /"options\.huber_loss" must be a set of named fields/],
    [{ options: { __proto__x: {} } }, /"options\.__proto__x" must be a name/],
    [{ data: { predictions: 1, targets: '', extra: {} } }, /"data\.predictions" must be text/],
    [{ data: { predictions: '', targets: '', extra: { weight: '1' } } }, /"data\.extra\.weight" must be keyed "loss:argument"/],
    [{ data: { predictions: '', targets: '' } }, /"data\.extra" is missing/],
    [{ data: [] }, /"data" must be a set of texts or null/],
    [{ columns: { prediction: -1, target: 0 } }, /"columns\.prediction" must be a column name/],
    [{ columns: {} }, /"columns\.prediction" is missing/],
    [{ extra: 1 }, /a field lossplay does not know, "extra"/],
  ];
  for (const [change, pattern] of cases) {
    await assertDamaged(paramForJson(JSON.stringify(Object.assign({}, base, change))), 'field', pattern);
  }
  const missing = Object.assign({}, base);
  delete missing.reduction;
  await assertDamaged(paramForJson(JSON.stringify(missing)), 'field', /"reduction" is missing/);
  await assertDamaged(paramForJson('{"__proto__": {"v": 1}, "v": 1}'), 'field', /does not know, "__proto__"/);
  await assertDamaged(paramForJson('[1]'), 'field', /"state" must be a set of named fields/);
});

test('content that is not JSON or not UTF-8 is refused', async () => {
  await assertDamaged(paramForJson('{"v": 1,'), 'json', /not valid JSON/);
  await assertDamaged(paramForBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 'json', /not valid UTF-8/);
});

test('a link that would unpack to more than the limit is refused', async () => {
  const huge = new Uint8Array(9 * 1024 * 1024).fill(32);
  const packed = new Uint8Array(await new Response(new Blob([huge]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  const c = share._crc32(huge);
  const code = Buffer.from([c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]).toString('base64url');
  await assertDamaged(`z${Buffer.from(packed).toString('base64url')}.${code}`, 'size', /unpacks to more than/);
});

test('with the registry, unknown losses, options and inputs are refused', async () => {
  const { lp } = await loadLossPlay();
  assert.deepEqual(await share.decode(await share.encode(base), lp), base);
  const odd = Object.assign({}, base, { losses: ['mse_loss', 'magic_loss'] });
  const param = await share.encode(odd);
  assert.deepEqual((await share.decode(param)).losses, odd.losses);
  await assert.rejects(share.decode(param, lp), /a loss this page does not have, "magic_loss"/);
  await assert.rejects(share.decode(await share.encode(Object.assign({}, base, { options: { huber_loss: { beta: 1 } } })), lp), /option it does not have, "beta"/);
  await assert.rejects(share.decode(await share.encode(Object.assign({}, base, { options: { triplet_margin_loss: { swap: 1 } } })), lp), /must be true or false/);
  await assert.rejects(share.decode(await share.encode(Object.assign({}, base, { options: { cross_entropy: { ignore_index: 0.5 } } })), lp), /must be a whole number/);
  const extra = Object.assign({}, base, { data: { predictions: '', targets: '', extra: { 'mse_loss:weight': '1' } } });
  await assert.rejects(share.decode(await share.encode(extra), lp), /an input it does not have, "weight"/);
});

test('a refused link says why in either language, by key and params', async () => {
  const e = await rejection(share.decode('abc'));
  assert.equal(e.key, 'share.damaged');
  assert.equal(i18n.t(e.key, e.params, 'zh'), '此链接已损坏：它的结尾缺失（可能在复制时被截断了）。链接中的内容均未应用。');
  assert.equal(i18n.t(e.key, e.params, 'en'), e.message);
  const field = await rejection(share.decode(paramForJson(JSON.stringify(Object.assign({}, base, { lang: 'fr' })))));
  assert.match(i18n.t(field.key, field.params, 'zh'), /字段“lang”必须是“zh”或“en”/);
});

test('the outlier is part of the link, on or off, and a link from before it still opens', async () => {
  const on = Object.assign({}, base, { outlier: { residual: -12.5, on: true } });
  assert.deepEqual(await share.decode(await share.encode(on)), on);
  const off = Object.assign({}, base, { outlier: { residual: 0.25, on: false } });
  assert.deepEqual(await share.decode(await share.encode(off)), off, 'off keeps its residual');
  const old = Object.assign({}, base);
  delete old.outlier;
  delete old.dismissed;
  assert.deepEqual(await share.decode(paramForJson(JSON.stringify(old))), base, 'no outlier: off');
  // A link from before "on" existed had an outlier only when it was on.
  const before = Object.assign({}, old, { outlier: { residual: 3 } });
  assert.deepEqual((await share.decode(paramForJson(JSON.stringify(before)))).outlier, { residual: 3, on: true });
  await assertDamaged(paramForJson(JSON.stringify(Object.assign({}, base, { outlier: { residual: 'x' } }))), 'field', /"outlier.residual" must be a finite number/);
  await assertDamaged(paramForJson(JSON.stringify(Object.assign({}, base, { outlier: { residual: 1, on: 'yes' } }))), 'field', /"outlier.on" must be true or false/);
  await assertDamaged(paramForJson(JSON.stringify(Object.assign({}, base, { outlier: { residual: 1, size: 2 } }))), 'field', /does not know, "outlier.size"/);
});

test('the hints a reader closed travel in the link and stay closed', async () => {
  const state = Object.assign({}, base, { dismissed: ['hinge_embedding', 'hinge_01:hinge'] });
  assert.deepEqual(await share.decode(await share.encode(state)), state);
  await assertDamaged(paramForJson(JSON.stringify(Object.assign({}, base, { dismissed: ['<b>'] }))), 'field', /"dismissed" must be a list of names/);
  await assertDamaged(paramForJson(JSON.stringify(Object.assign({}, base, { dismissed: 'swapped' }))), 'field', /"dismissed" must be a list of names/);
});

// ---- share: the URL ----

test('readFromUrl reads #s= and ?s=, and finds nothing without it', async () => {
  const param = await share.encode(base);
  assert.deepEqual(await share.readFromUrl(`https://example.org/play/?lang=zh#embed=1&s=${param}`), base);
  assert.deepEqual(await share.readFromUrl(new URL(`file:///home/me/lossplay/index.html?s=${param}`)), base);
  assert.equal(await share.readFromUrl('https://example.org/play/?lang=zh#results'), null);
  await assert.rejects(share.readFromUrl(`https://example.org/#s=${param.slice(0, 20)}`), share.ShareLinkError);
});

test('linkFor puts s in the fragment and keeps every other part of the URL', async () => {
  const { url, param, truncated } = await share.linkFor(base, 'https://example.org/sub/path/index.html?lang=zh&embed=1#compact&s=old');
  assert.equal(truncated, false);
  assert.equal(url, `https://example.org/sub/path/index.html?lang=zh&embed=1#compact&s=${param}`);
  assert.deepEqual(await share.readFromUrl(url), base);
});

test('writeToUrl is debounced, uses replaceState and keeps the other parameters', async () => {
  const calls = [];
  const saved = { location: global.location, history: global.history };
  global.location = { href: 'http://127.0.0.1:8080/lossplay/?lang=zh#embed' };
  global.history = {
    state: { keep: true },
    replaceState(state, title, url) {
      calls.push({ state, url });
      global.location.href = url;
    },
  };
  try {
    const first = share.writeToUrl(Object.assign({}, base, { reduction: 'sum' }), { delay: 30 });
    const second = share.writeToUrl(base, { delay: 30 });
    const [a, b] = await Promise.all([first, second]);
    assert.equal(calls.length, 1, 'one write for two quick calls');
    assert.deepEqual(a, b);
    assert.equal(a.written, true);
    assert.deepEqual(calls[0].state, { keep: true });
    assert.match(calls[0].url, /^http:\/\/127\.0\.0\.1:8080\/lossplay\/\?lang=zh#embed&s=/);
    assert.deepEqual(await share.readFromUrl(global.location), base);
    await share.writeToUrl(Object.assign({}, base, { lang: 'en' }), { delay: 0 });
    assert.equal(calls.length, 2);
    assert.equal((global.location.href.match(/s=/g) || []).length, 1, 'one s parameter');
    assert.equal((await share.readFromUrl(global.location)).lang, 'en');
    share.clearUrl();
    assert.equal(global.location.href, 'http://127.0.0.1:8080/lossplay/?lang=zh#embed');
  } finally {
    global.location = saved.location;
    global.history = saved.history;
  }
});

test('base64url matches Node and refuses what is not canonical', () => {
  const rnd = random(3);
  for (let n = 0; n < 40; n++) {
    const bytes = Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
    const text = share._base64url.encode(bytes);
    assert.equal(text, Buffer.from(bytes).toString('base64url'));
    assert.deepEqual(share._base64url.decode(text), bytes);
  }
  assert.throws(() => share._base64url.decode('AB'), /characters that cannot appear/); // low bits set
  assert.throws(() => share._base64url.decode('A'), /impossible length/);
  assert.throws(() => share._base64url.decode('AA=='), /characters that cannot appear/);
});

// ---- export ----

// RFC 4180 read back, to check what toCsv writes.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      assert.ok(ch !== '"' && ch !== '\n' && ch !== '\r', `bare ${JSON.stringify(ch)} outside quotes at ${i}`);
      field += ch;
    }
    i++;
  }
  assert.equal(field, '', 'the file ends with CRLF');
  return rows;
}

test('CSV fields are quoted as RFC 4180 asks', () => {
  assert.equal(exportResults.csvField('plain'), 'plain');
  assert.equal(exportResults.csvField('a,b'), '"a,b"');
  assert.equal(exportResults.csvField('say "hi"'), '"say ""hi"""');
  assert.equal(exportResults.csvField('two\nlines'), '"two\nlines"');
  assert.equal(exportResults.csvField('cr\r'), '"cr\r"');
  assert.equal(exportResults.csvField(' 空格，全角 '), ' 空格，全角 ');
  assert.equal(exportResults.csvField(null), '');
  assert.equal(exportResults.csvField(-0.1), '-0.1');
  const rows = [['a', 'b,c', 'd"e'], ['line\r\nbreak', '', '"'], ['预测', 1e-300, NaN]];
  const text = exportResults.toCsv(rows);
  assert.ok(text.endsWith('\r\n'));
  assert.deepEqual(parseCsv(text), rows.map((r) => r.map((x) => (typeof x === 'number' ? exportResults.formatNumber(x) : x))));
});

test('numbers are written in full: each reads back to the same double', () => {
  const rnd = random(11);
  const buf = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < 5000; i++) {
    buf.setUint32(0, Math.floor(rnd() * 2 ** 32));
    buf.setUint32(4, Math.floor(rnd() * 2 ** 32));
    const x = buf.getFloat64(0);
    const text = exportResults.formatNumber(x);
    if (Number.isNaN(x)) {
      assert.equal(text, 'NaN');
      continue;
    }
    assert.ok(Object.is(Number(text), x), `${x} written as ${text}`);
    assert.ok(text.replace(/^-|e.*$|\./g, '').replace(/^0+|0+$/g, '').length <= 17, `${text}: at most 17 significant digits`);
  }
  assert.equal(exportResults.formatNumber(0.1 + 0.2), '0.30000000000000004');
  assert.equal(exportResults.formatNumber(-0), '-0');
  assert.equal(exportResults.formatNumber(-Infinity), '-Infinity');
});

test('results export to CSV and JSON with loss, per-sample loss and gradient', async () => {
  const { lp } = await loadLossPlay();
  const spec = lp.loss('huber_loss');
  const args = { input: lp.parse('2.5 3.2\n3.8 0.1'), target: lp.parse('2, 3\n4, 1') };
  const result = lp.compute('huber_loss', args, { reduction: 'mean', delta: 0.5 });
  const perSample = lp.compute('huber_loss', args, { reduction: 'none', delta: 0.5 }).loss.data;
  const ce = lp.compute('cross_entropy', { input: lp.parse('1 2 3\n3 2 1'), target: [0, 1] }, { reduction: 'none' });
  const model = exportResults.model([
    { loss: spec, reduction: 'mean', options: { delta: 0.5 }, result, perSample },
    { loss: lp.loss('cross_entropy'), reduction: 'none', options: { ignore_index: -100, label_smoothing: 0 }, result: ce },
    { loss: lp.loss('kl_div'), reduction: 'mean', options: {}, error: 'target: "x, y" is not a number' },
  ], { reduction: 'mean' });

  const json = JSON.parse(exportResults.toJson(model));
  assert.equal(json.format, 'lossplay-results/1');
  assert.equal(json.losses[0].value, result.value);
  assert.deepEqual(json.losses[0].grad, { arg: 'input', shape: [2, 2], data: Array.from(result.grad.data) });
  assert.deepEqual(json.losses[0].perSample, { shape: [2, 2], data: Array.from(perSample) });
  assert.equal(json.losses[1].value, null);
  assert.deepEqual(json.losses[1].loss.shape, [2]);
  assert.equal(json.losses[2].error, 'target: "x, y" is not a number');

  const rows = parseCsv(exportResults.toCsv(model));
  assert.deepEqual(rows[0], ['loss', 'reduction', 'options', 'quantity', 'index', 'value']);
  assert.deepEqual(rows[1], ['huber_loss', 'mean', 'delta=0.5', 'loss', '', String(result.value)]);
  const grads = rows.filter((r) => r[0] === 'huber_loss' && r[3] === 'grad_input');
  assert.deepEqual(grads.map((r) => r[4]), ['0,0', '0,1', '1,0', '1,1']);
  assert.deepEqual(grads.map((r) => Number(r[5])), Array.from(result.grad.data));
  assert.equal(rows.filter((r) => r[3] === 'per_sample_loss').length, 4);
  assert.equal(rows.filter((r) => r[0] === 'cross_entropy' && r[3] === 'grad_input').length, 6);
  assert.deepEqual(rows.find((r) => r[0] === 'kl_div'), ['kl_div', 'mean', '', 'error', '', 'target: "x, y" is not a number']);
});

test('JSON holds NaN and infinities as the conformance files do', () => {
  const model = exportResults.model([{ loss: 'x', reduction: 'mean', options: {}, result: { loss: { data: [NaN], shape: [] }, grad: { data: [Infinity, -Infinity], shape: [2] }, gradArg: 'input' } }]);
  const json = JSON.parse(exportResults.toJson(model));
  assert.deepEqual(json.losses[0].loss.data, ['nan']);
  assert.deepEqual(json.losses[0].grad.data, ['inf', '-inf']);
});
