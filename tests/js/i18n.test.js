'use strict';
// The language layer (web/i18n.js): how the language is chosen, t() and its
// fallbacks, a complete table, and every error message the core and the JS
// facade can produce translated to Chinese with no English left but
// identifiers. Runs against the built module in dist/.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { loadLossPlay } = require('./lossplay-dist.js');
const { caseInputs, readCases } = require('../../scripts/conformance.js');

const ROOT = path.join(__dirname, '..', '..');
require(path.join(ROOT, 'web', 'i18n.js'));
const i18n = globalThis.LossPlayUI.i18n;
const BUILT_IN_KEYS = i18n.keys(); // before any test registers its own

// ---- the "no English left" check ----

// Words a Chinese message may keep: names from the registry are added per
// test; these are the rest (values, libraries, functions, JS names).
const ALLOWED_WORDS = [
  'NaN', 'nan', 'inf', 'PyTorch', 'log', 'exp', 'softmax', 'sigmoid', 'float64', 'Float64Array',
  'true', 'false', 'null', 'undefined', 'MSLE', 'compute', 'options', 'reduction',
];
// Literal code a message may keep as written.
const ALLOWED_LITERALS = ['{data, shape}', '{input, target, ...}', '{reduction, ...}', 'lossplay-core.js', 'lossplay.js'];

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordPattern(words) {
  const sorted = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![A-Za-z0-9_])(?:${sorted.map(escapeRegExp).join('|')})(?![A-Za-z0-9_])`, 'g');
}

/** Runs of 3+ ASCII letters left after removing what may stay English. */
function englishLeft(text, identifiers, extraWords = []) {
  let s = String(text);
  s = s.replace(/“[^”]*”|"[^"]*"|'[^']*'/g, ' '); // quoted: user text or identifiers
  for (const lit of ALLOWED_LITERALS) s = s.split(lit).join(' ');
  s = s.replace(wordPattern([...identifiers, ...ALLOWED_WORDS, ...extraWords]), ' ');
  s = s.replace(/\b\w*\[[\d, ]*\]/g, ' '); // positions and shapes
  s = s.replace(/[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi, ' ');
  return s.match(/[A-Za-z]{3,}/g) || [];
}

function registryIdentifiers(lp) {
  const names = [];
  for (const loss of lp.losses) {
    names.push(loss.name, ...loss.reductions);
    for (const a of loss.args) names.push(a.name);
    for (const o of loss.options) names.push(o.name, o.label);
  }
  return names;
}

// ---- choosing the language ----

test('detect: ?lang= forces a language, otherwise any Chinese browser language picks Chinese', () => {
  const nav = (languages, language) => ({ languages, language: language || languages[0] });
  assert.equal(i18n.detect({ search: '?lang=zh' }, nav(['en-US'])), 'zh');
  assert.equal(i18n.detect({ search: '?lang=en' }, nav(['zh-CN', 'zh'])), 'en');
  assert.equal(i18n.detect({ search: '?x=1&lang=ZH' }, nav(['en'])), 'zh');
  assert.equal(i18n.detect({ search: '?lang=zh-CN' }, nav(['en'])), 'zh');
  assert.equal(i18n.detect('https://example.org/play/?lang=zh#results', nav(['en'])), 'zh');
  assert.equal(i18n.detect(new URL('file:///home/u/lossplay/index.html?lang=en'), nav(['zh-TW'])), 'en');
  // An unknown ?lang= is ignored, not an error.
  assert.equal(i18n.detect({ search: '?lang=fr' }, nav(['zh-HK'])), 'zh');
  assert.equal(i18n.detect({ search: '?lang=' }, nav(['en-GB'])), 'en');
  // The browser's languages: any zh* decides, in any position.
  assert.equal(i18n.detect({ search: '' }, nav(['zh-CN'])), 'zh');
  assert.equal(i18n.detect({ search: '' }, nav(['zh-Hant-TW'])), 'zh');
  assert.equal(i18n.detect({ search: '' }, nav(['en-US', 'zh-CN'])), 'zh');
  assert.equal(i18n.detect({ search: '' }, nav(['fr-FR', 'de'])), 'en');
  assert.equal(i18n.detect({ search: '' }, { language: 'zh' }), 'zh');
  assert.equal(i18n.detect({ search: '' }, { languages: [], language: 'zh-SG' }), 'zh');
  // Not Chinese: a language code that merely starts with the letters.
  assert.equal(i18n.detect({ search: '' }, nav(['zha'])), 'en');
  // Nothing known: English.
  assert.equal(i18n.detect(null, null), 'en');
  assert.equal(i18n.detect(undefined, {}), 'en');
});

test('setLang sets <html lang>, LossPlayUI.lang and notifies listeners on a change', () => {
  const html = { lang: 'en' };
  globalThis.document = { documentElement: html, querySelectorAll: () => [] };
  const origError = console.error;
  const logged = [];
  console.error = (e) => logged.push(e);
  try {
    i18n.setLang('en');
    const seen = [];
    const stop = i18n.onChange((lang) => seen.push(lang));
    i18n.onChange(() => {
      throw new Error('a broken listener');
    });
    const after = [];
    i18n.onChange((lang) => after.push(lang));

    assert.equal(i18n.setLang('zh'), 'zh');
    assert.equal(i18n.lang, 'zh');
    assert.equal(globalThis.LossPlayUI.lang, 'zh');
    assert.equal(html.lang, 'zh-CN');
    assert.deepEqual(seen, ['zh']);
    assert.deepEqual(after, ['zh'], 'a throwing listener does not stop the next one');
    assert.equal(logged.length, 1);

    i18n.setLang('zh'); // no change, no call
    assert.deepEqual(seen, ['zh']);

    i18n.setLang('en-GB');
    assert.equal(html.lang, 'en');
    assert.equal(globalThis.LossPlayUI.lang, 'en');
    assert.deepEqual(seen, ['zh', 'en']);

    stop();
    i18n.setLang('zh_CN');
    assert.deepEqual(seen, ['zh', 'en'], 'unsubscribed');
    assert.equal(i18n.setLang('klingon'), 'en', 'an unknown language is English');
    i18n.lang = 'zh'; // the setter goes through setLang
    assert.equal(html.lang, 'zh-CN');
  } finally {
    i18n.setLang('en');
    console.error = origError;
    delete globalThis.document;
  }
});

// ---- t(), register(), pick() ----

test('t fills {name} placeholders and falls back to English, then to the key', () => {
  i18n.register({
    'test.both': { en: 'Read {what} from {where}.', zh: '从 {where} 读取了 {what}。' },
    'test.onlyEn': { en: 'Only English, {n}' },
  });
  assert.equal(i18n.t('test.both', { what: '3 numbers', where: 'ŷ' }, 'en'), 'Read 3 numbers from ŷ.');
  assert.equal(i18n.t('test.both', { what: '3 个数', where: 'ŷ' }, 'zh'), '从 ŷ 读取了 3 个数。');
  assert.equal(i18n.t('test.onlyEn', { n: 7 }, 'zh'), 'Only English, 7');
  assert.equal(i18n.t('test.no.such.key', { a: 1 }, 'zh'), 'test.no.such.key');
  assert.equal(i18n.t('constructor', null, 'zh'), 'constructor', 'no prototype keys');
  // A missing parameter leaves its placeholder; values are not expanded again.
  assert.equal(i18n.t('test.both', { what: '{where}' }, 'en'), 'Read {where} from {where}.');
  // Numbers stay ASCII digits.
  assert.equal(i18n.t('shape.many', { count: 1234567 }, 'zh'), '1234567 个数');
  // Without a language argument, the current language.
  i18n.setLang('zh');
  try {
    assert.equal(i18n.t('results.selectLoss'), '请至少选择一个损失函数。');
  } finally {
    i18n.setLang('en');
  }
  assert.equal(i18n.t('results.selectLoss'), 'Select at least one loss.');
});

test('register merges entries; a later one overrides only what it gives', () => {
  i18n.register({ 'test.merge': { en: 'One', zh: '一' } });
  i18n.register({ 'test.merge': { zh: '壹' } });
  assert.equal(i18n.t('test.merge', null, 'en'), 'One');
  assert.equal(i18n.t('test.merge', null, 'zh'), '壹');
  assert.doesNotThrow(() => i18n.register(null));
  assert.doesNotThrow(() => i18n.register({ 'test.bad': null, 'test.bad2': 'text' }));
  assert.equal(i18n.has('test.bad'), false);
});

test('pick chooses the Zh/En field of a registry entry or a preset', async () => {
  const { lp } = await loadLossPlay();
  const mse = lp.loss('mse_loss');
  assert.equal(i18n.pick(mse, 'title', 'zh'), '均方误差');
  assert.equal(i18n.pick(mse, 'title', 'en'), 'Mean squared error');
  assert.equal(i18n.pick(mse.args[0], 'help', 'zh'), '预测值 ŷ');
  assert.equal(i18n.pick(mse, 'note', 'en'), mse.noteEn);
  // Presets: label (English) and labelZh.
  const preset = { label: 'MSE example', labelZh: '均方误差示例' };
  assert.equal(i18n.pick(preset, 'label', 'zh'), '均方误差示例');
  assert.equal(i18n.pick(preset, 'label', 'en'), 'MSE example');
  // Missing Chinese falls back to English; nothing at all is ''.
  assert.equal(i18n.pick({ titleEn: 'Only' }, 'title', 'zh'), 'Only');
  assert.equal(i18n.pick({}, 'title', 'zh'), '');
  assert.equal(i18n.pick(null, 'title', 'zh'), '');
});

// ---- the table ----

const placeholders = (s) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

test('every key has English and Chinese, with the same placeholders', () => {
  assert.ok(BUILT_IN_KEYS.length > 150, `only ${BUILT_IN_KEYS.length} keys`);
  for (const key of BUILT_IN_KEYS) {
    const e = i18n.entry(key);
    assert.equal(typeof e.en, 'string', `${key}: en`);
    assert.equal(typeof e.zh, 'string', `${key}: zh`);
    assert.ok(e.en.length > 0 && e.zh.length > 0, `${key}: empty`);
    const en = placeholders(e.en);
    const zh = placeholders(e.zh);
    for (const p of zh) assert.ok(en.has(p), `${key}: {${p}} in zh only`);
    // The singular/plural word of a ragged row has no Chinese counterpart.
    for (const p of en) assert.ok(zh.has(p) || p === 'numbers', `${key}: {${p}} missing in zh`);
  }
});

const SAME_IN_BOTH = new Set(['option.label', 'results.noValue']);

test('the Chinese side of the table is Chinese (identifiers aside)', async () => {
  const { lp } = await loadLossPlay();
  const ids = registryIdentifiers(lp);
  // UI words that are names: products, formats, PyTorch values, short names.
  const names = [
    'lossplay', 'WebAssembly', 'JavaScript', 'torch', 'nn', 'functional', 'logits', 'one-hot', 'hot', 'Keras',
    'English', 'MSE', 'RMSE', 'MAE', 'MAPE', 'BCE', 'NLL', 'Huber', 'KL',
  ];
  for (const key of BUILT_IN_KEYS) {
    const zh = i18n.t(key, null, 'zh');
    const template = zh.replace(/\{\w+\}/g, ' ');
    if (key === 'lang.switchTo' || key === 'lang.switchLabel') continue; // names the other language
    assert.deepEqual(englishLeft(template, ids, names), [], `${key}: ${zh}`);
    // The same text in both languages only where nothing is to translate.
    if (zh === i18n.t(key, null, 'en')) assert.ok(SAME_IN_BOTH.has(key) || key.startsWith('loss.short.'), `${key} is not translated: ${zh}`);
  }
});

// Where each static element of web/index.html takes its text from.
const HTML_KEYS = {
  'page.title': 'title', 'page.description': 'meta[name=description] (content)', 'page.tagline': 'p.tagline',
  'page.language': 'label[for=lang]', 'page.theme': 'label[for=theme]',
  'theme.auto': '#theme option[value=auto]', 'theme.light': '#theme option[value=light]', 'theme.dark': '#theme option[value=dark]',
  'data.heading': '#data-heading', 'data.presets': '#presets-label', 'data.predictions': 'label[for=predictions]',
  'data.targets': 'label[for=targets]', 'data.hint': '#data-hint', 'losses.heading': '#losses-heading',
  'losses.reduction': 'label[for=reduction]', 'reduction.mean': 'option[value=mean]', 'reduction.sum': 'option[value=sum]',
  'reduction.none': 'option[value=none]', 'reduction.batchmean': 'option[value=batchmean]',
  'results.heading': '#results-heading', 'results.col.loss': 'thead th 1', 'results.col.value': 'thead th 2',
  'results.col.reduction': 'thead th 3', 'results.empty': '#results-empty', 'chart.heading': '#chart-heading',
  'formulas.heading': '#formulas-heading', 'footer.text': 'footer p',
  // (the <noscript> text is written in both languages by hand: no script can translate it)
};

test('the English of the static keys is the text of the page markup (web/index.html, web/layout.js)', () => {
  const html = fs.readFileSync(path.join(ROOT, 'web', 'index.html'), 'utf8') + fs.readFileSync(path.join(ROOT, 'web', 'layout.js'), 'utf8');
  for (const key of Object.keys(HTML_KEYS)) {
    const en = i18n.t(key, null, 'en');
    assert.ok(html.includes(`>${en}<`) || html.includes(`"${en}"`), `${key} (${HTML_KEYS[key]}): "${en}" is not in index.html`);
  }
});

test('describeShape, shapeText and rangeText cover the registry in both languages', async () => {
  const { lp } = await loadLossPlay();
  const ids = registryIdentifiers(lp);
  assert.equal(i18n.describeShape([3], 'en'), '3 numbers');
  assert.equal(i18n.describeShape([1], 'en'), '1 number');
  assert.equal(i18n.describeShape([], 'zh'), '1 个数');
  assert.equal(i18n.describeShape([3, 4], 'zh'), '3 × 4 矩阵');
  assert.equal(i18n.describeShape([3, 4], 'en'), '3 × 4 matrix');
  assert.equal(i18n.t('info.read', { what: i18n.describeShape([3], 'zh') }, 'zh'), '已读取 3 个数。');
  for (const loss of lp.losses) {
    assert.ok(i18n.has(`group.${loss.group}`), `group ${loss.group}`);
    assert.equal(i18n.t(`loss.short.${loss.name}`, null, 'en'), loss.shortName, `short name of ${loss.name}`);
    assert.equal(i18n.shortName(loss, 'en'), loss.shortName);
    assert.ok(i18n.shortName(loss, 'zh').length > 0);
    for (const arg of loss.args) {
      const zh = i18n.shapeText(arg.shape, 'zh');
      assert.notEqual(zh === arg.shape && /[a-z]{3,}/.test(arg.shape), true, `${loss.name}.${arg.name}: "${arg.shape}" has no Chinese`);
      assert.deepEqual(englishLeft(zh, ids, ['logits', 'one-hot', 'hot']), [], `${loss.name}.${arg.name}: ${zh}`);
      assert.equal(i18n.shapeText(arg.shape, 'en'), arg.shape);
      assert.ok(i18n.pick(arg, 'help', 'zh'), `${loss.name}.${arg.name} help`);
    }
    for (const opt of loss.options) {
      const zh = i18n.rangeText(opt.range, 'zh');
      assert.deepEqual(englishLeft(zh, ids), [], `${loss.name}.${opt.name}: ${zh}`);
      const help = i18n.t('option.help', { help: i18n.pick(opt, 'help', 'zh'), range: zh }, 'zh');
      assert.deepEqual(englishLeft(help, ids, ['BCE', 'logits', 'with']), [], help);
      assert.equal(i18n.t('option.help', { help: opt.helpEn, range: opt.range }, 'en'), `${opt.helpEn}; ${opt.range}`);
    }
  }
  assert.equal(i18n.rangeText('a whole number in [1, 2]', 'zh'), '[1, 2] 内的整数');
  assert.equal(i18n.rangeText('true or false', 'zh'), 'true 或 false');
  assert.equal(i18n.shapeText('a shape nobody wrote yet', 'zh'), 'a shape nobody wrote yet');
});

// ---- error messages ----

/** The error a call throws (fails if it does not throw a LossPlayError). */
function errorOf(LossPlay, fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof LossPlay.LossPlayError, `not a LossPlayError: ${e}`);
    return e;
  }
  assert.fail('expected an error');
}

// Parse errors a reader can make, each provoked through lp.parse.
const PARSE_INPUTS = [
  '1 x7 3', '1 2\n3 abc', '0。2。3', '1 2 3\n4 5', '1 2\n3', '1 2\n\n3 4 5\n6 7', 'inf', '-NaN', 'Infinity',
  '1e999', '-1e400', '1，2；x', '１２ａ', '1..2', '.', '-', '1e', '0x10', '1_000', '"hello"', "it's", '3.14.15',
  'a'.repeat(60), '１ ２\n３', '２e５x', '\u{1F600}',
];

// Failures beyond the golden files: the registry's, the bindings' and the
// facade's own checks, each as a page or an API user could meet it.
function provokedComputeErrors(lp) {
  const v = (data, shape) => ({ data, shape });
  return [
    () => lp.compute('no_such_loss', { input: [1], target: [1] }),
    () => lp.compute('mse_loss', { input: [1], target: [1], bogus: [1] }),
    () => lp.compute('mse_loss', { input: [1] }),
    () => lp.compute('margin_ranking_loss', { input1: [1], target: [1] }),
    () => lp.compute('mse_loss', { input: v([1, 2, 3], [2]), target: [1, 2] }),
    () => lp.compute('mse_loss', { input: [1], target: [1] }, { reduction: 5 }),
    () => lp.compute('mse_loss', { input: [1], target: [1] }, { reduction: 'batchmean' }),
    () => lp.compute('huber_loss', { input: [1], target: [1] }, { delta: 'x' }),
    () => lp.compute('mse_loss', { input: [1], target: [1] }, { delta: 1 }),
    () => lp.compute('mse_loss', { input: v([1], [-1]), target: [1] }),
    () => lp.compute('mse_loss', { input: v([1], [1.5]), target: [1] }),
    () => lp.compute('mse_loss', { input: v([1], [65536, 65536, 2]), target: [1] }),
    () => lp.compute('mse_loss', { input: new DataView(new ArrayBuffer(8)), target: [1] }),
    () => lp.compute('mse_loss', { input: new BigInt64Array(1), target: [1] }),
    () => lp.compute('mse_loss', { input: 'abc', target: [1] }),
    () => lp.compute('mse_loss', { input: { nodata: [1] }, target: [1] }),
    () => lp.compute('mse_loss', { input: [1, 'a'], target: [1, 2] }),
    () => lp.compute('mse_loss', { input: [1, null], target: [1, 2] }),
    () => lp.compute('mse_loss', { input: v([1], 'x'), target: [1] }),
    () => lp.compute('mse_loss', null),
    () => lp.compute('mse_loss', { input: [1], target: [1] }, 5),
    () => lp.compute('mse_loss', { input: [], target: [] }),
    () => lp.compute('msle', { input: [1, -2], target: [1, 1] }),
    () => lp.compute('cross_entropy', { input: v([1], []), target: v([0], []) }),
    () => lp.compute('cross_entropy', { input: v([], [0, 3]), target: v([], [0]) }),
    () => lp.compute('cross_entropy', { input: v([1, 2, 3, 4], [2, 2]), target: [0, 5] }),
    () => lp.compute('cross_entropy', { input: v([1, 2, 3, 4], [2, 2]), target: [0, 0.5] }),
    () => lp.compute('nll_loss', { input: v([1, 2, 3, 4], [2, 2]), target: v([1, 0, 0, 1], [2, 2]) }),
    () => lp.compute('nll_loss', { input: v([1, 2, 3, 4], [2, 2]), target: [0, 2] }, { ignore_index: 5 }),
    () => lp.compute('multi_margin_loss', { input: v([1, 2, 3, 4], [2, 2]), target: [0, 1, 1] }),
    () => lp.compute('multilabel_soft_margin_loss', { input: v([], [2, 0]), target: v([], [2, 0]) }),
    () => lp.compute('binary_cross_entropy_with_logits', { input: v([1, 2, 3, 4], [2, 2]), target: v([1, 0, 0, 1], [2, 2]), pos_weight: [1, 2, 3] }),
    () => lp.compute('cosine_embedding_loss', { input1: v([1, 2], [2]), input2: v([1, 2], [2]), target: v([1, 1, 1, 1], [2, 2]) }),
    () => lp.compute('gaussian_nll_loss', { input: v([1], []), target: v([1], []), var: [1, 2] }),
    () => lp.compute('gaussian_nll_loss', { input: [1, 2], target: [1, 2], var: [1, -1] }),
    () => lp.compute('kl_div', { input: [-1, -2], target: [0.5, -0.5] }),
    () => lp.compute('poisson_nll_loss', { input: [1, -1], target: [1, 1] }, { log_input: false }),
    () => lp.compute('poisson', { input: [1, -1], target: [1, 1] }),
    () => lp.compute('sigmoid_focal_loss', { input: [1, 2], target: [0, 3] }),
    () => lp.compute('binary_cross_entropy', { input: [0.5, 2], target: [0, 1] }),
    () => lp.compute('triplet_margin_loss', { anchor: [1, 2], positive: [1, 2], negative: [1] }),
  ];
}

// Messages no input reaches (the registry checks first), and the loader's.
const SYNTHETIC_MESSAGES = [
  "missing argument 'target'",
  "missing option 'delta'",
  'lossplay-core.js is not loaded: include it before lossplay.js',
  "argument 'input' must be {data, shape}", // the bindings' check, behind the facade's
  "unknown argument 'x' for kl_div; its arguments are: input, target",
];

test('every error message of the core and the facade reads fully in Chinese', async (t) => {
  const { LossPlay, lp } = await loadLossPlay();
  const ids = registryIdentifiers(lp);
  const messages = new Map(); // English message -> the error (or null)

  const goldenDir = path.join(ROOT, 'tests', 'golden');
  let goldenErrors = 0;
  for (const file of fs.readdirSync(goldenDir).filter((f) => f.endsWith('.json'))) {
    for (const c of readCases(path.join(goldenDir, file))) {
      if (!c.expected.error) continue;
      goldenErrors++;
      const { args, options } = caseInputs(c);
      const e = errorOf(LossPlay, () => lp.compute(c.loss, args, options));
      assert.equal(e.kind, 'input', `${c.id}: ${e.message}`);
      messages.set(e.message, e);
    }
  }
  assert.ok(goldenErrors > 100, `only ${goldenErrors} golden error cases`);
  const fromGolden = messages.size;

  for (const text of PARSE_INPUTS) {
    const e = errorOf(LossPlay, () => lp.parse(text));
    assert.equal(e.kind, 'parse', `${JSON.stringify(text)}: ${e.message}`);
    messages.set(e.message, e);
  }
  for (const call of provokedComputeErrors(lp)) {
    const e = errorOf(LossPlay, call);
    assert.ok(e.kind === 'input', `${e.kind}: ${e.message}`);
    messages.set(e.message, e);
  }
  for (const m of SYNTHETIC_MESSAGES) messages.set(m, null);

  const usedKeys = new Set();
  const codes = new Set();
  for (const [message, error] of messages) {
    const zh = error ? i18n.translateError(error, 'zh') : i18n.translateMessage(message, 'zh');
    assert.notEqual(zh, message, `not translated: ${message}`);
    assert.deepEqual(englishLeft(zh, ids), [], `English left in "${zh}" (from "${message}")`);
    assert.equal(error ? i18n.translateError(error, 'en') : i18n.translateMessage(message, 'en'), message);
    // The pattern is faithful: its English template gives the message back.
    const match = i18n._internal.matchMessage(message);
    assert.ok(match, `no pattern for: ${message}`);
    assert.equal(i18n._internal.render(match, 'en'), message, 'English round trip');
    usedKeys.add(match.key);
    if (match.params.why) usedKeys.add(match.params.why.key);
    if (error && error.kind === 'parse') codes.add(error.code);
  }
  assert.deepEqual([...codes].sort(), ['not_a_number', 'not_finite', 'out_of_range', 'ragged_rows']);
  const rules = [...i18n._internal.MESSAGE_RULES, ...i18n._internal.WHY_RULES];
  const unused = rules.map((r) => r.key).filter((k) => !usedKeys.has(k));
  assert.deepEqual(unused, [], 'every pattern is exercised');
  t.diagnostic(`${messages.size} distinct messages translated (${fromGolden} from ${goldenErrors} golden error cases, ${PARSE_INPUTS.length} parse inputs)`);
});

test('parse errors are translated by code, with line, column and token', async () => {
  const { LossPlay, lp } = await loadLossPlay();
  const e = errorOf(LossPlay, () => lp.parse('1 2 3\n4 5 x7'));
  assert.equal(e.code, 'not_a_number');
  assert.equal(i18n.translateError(e, 'zh'), '第 2 行第 5 列：应为数字，但读到“x7”');
  const r = errorOf(LossPlay, () => lp.parse('1 2 3\n4 5'));
  assert.equal(i18n.translateError(r, 'zh'), '第 2 行有 2 个数，但第 1 行有 3 个：矩阵的每一行必须有同样多的数');
  assert.equal(i18n.translateError(r, 'en'), r.message);
  // A ragged-rows error whose message lost its counts still says where.
  const bare = { kind: 'parse', code: 'ragged_rows', line: 4, column: 1, token: '9', message: 'something else' };
  assert.equal(i18n.translateError(bare, 'zh'), '第 4 行的数字个数与其他行不同：矩阵的每一行必须有同样多的数');
  const empty = { kind: 'parse', code: 'empty', line: 1, column: 1, token: '', message: 'no numbers found' };
  assert.equal(i18n.translateError(empty, 'zh'), '没有读到任何数字');
  // A user's token is only ever a parameter: braces in it are not placeholders.
  const braces = errorOf(LossPlay, () => lp.parse('1 {line}'));
  assert.equal(i18n.translateError(braces, 'zh'), '第 1 行第 3 列：应为数字，但读到“{line}”');
  // The current language is the default.
  i18n.setLang('zh');
  try {
    assert.match(i18n.translateError(e), /^第 2 行/);
  } finally {
    i18n.setLang('en');
  }
  assert.equal(i18n.translateError(e), e.message);
});

test('examples of composed messages read naturally', () => {
  const zh = (m) => i18n.translateMessage(m, 'zh');
  assert.equal(zh('input[1, 0] is -1: the Poisson loss takes log(input + 1e-7), so each input must be greater than -1e-7'),
    'input[1, 0] 为 -1：泊松损失要计算 log(input + 1e-7)，所以每个输入都必须大于 -1e-7');
  assert.equal(zh('option delta of huber_loss must be (0, inf), got -1'), 'huber_loss 的选项 delta 必须在 (0, inf) 内，得到的是 -1');
  assert.equal(zh('option p of multi_margin_loss must be a whole number in [1, 2], got 3'),
    'multi_margin_loss 的选项 p 必须是 [1, 2] 内的整数，得到的是 3');
  assert.equal(zh('target has shape [4] but input has shape [3]: they must match element for element'),
    'target 的形状是 [4]，而 input 的形状是 [3]：两者必须逐元素一一对应');
  assert.equal(zh('target[1] is 4 but input has 4 classes: a class index runs from 0 to 3 (or is ignore_index, -100)'),
    'target[1] 为 4，但 input 只有 4 个类别：类别索引的范围是 0 到 3（或等于 ignore_index，即 -100）');
  assert.equal(zh("reduction 'sum' is not available for rmse; choose mean"), "rmse 不支持归约方式 'sum'；可选：mean");
});

test('unknown messages stay English and nothing throws', () => {
  const odd = [
    'something the core will say one day',
    'input[0] is 3: a reason nobody has written down yet',
    'target has shape [2] but input has shape [3]: a new reason',
    'option q of x must be somewhere, got 1',
    '',
  ];
  for (const m of odd) {
    assert.equal(i18n.translateMessage(m, 'zh'), m);
    assert.equal(i18n.translateError({ kind: 'input', message: m }, 'zh'), m);
  }
  assert.equal(i18n.translateError(new Error('plain failure'), 'zh'), 'plain failure');
  assert.equal(i18n.translateError(null, 'zh'), '');
  assert.equal(i18n.translateError(undefined), '');
  assert.equal(i18n.translateError('a string', 'zh'), 'a string');
  assert.equal(i18n.translateError({}, 'zh'), '[object Object]');
  assert.equal(i18n.translateError({ kind: 'parse', code: 'weird', message: 'line 1: odd' }, 'zh'), 'line 1: odd');
  assert.equal(i18n.translateError({ kind: 'parse', code: 'weird', line: 2, column: 3, token: 'q', message: 'odd' }, 'zh'),
    '第 2 行第 3 列：无法读取“q”');
  const hostile = { kind: 'input', get message() { throw new Error('no'); } };
  assert.doesNotThrow(() => i18n.translateError(hostile, 'zh'));
  assert.equal(i18n.translateMessage(null, 'zh'), '');
});
