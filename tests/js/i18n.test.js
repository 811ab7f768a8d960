'use strict';
// The language layer (web/src/i18n/): how the language is chosen, t() and its
// fallbacks, every string table complete in both languages, and errors
// translated by code and params (never by parsing their English). Runs
// against the built API in dist/ and the ES modules of web/src/.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { loadLossPlay } = require('./lossplay-dist.js');
const { caseInputs, readCases } = require('../../scripts/conformance.js');
const { importWeb } = require('./support/web-src.js');

const ROOT = path.join(__dirname, '..', '..');
let i18n; // web/src/i18n/translate.js
let TABLES; // web/src/i18n/strings/index.js
test.before(async () => {
  i18n = await importWeb('i18n/translate.js');
  await importWeb('input/more.js'); // the reading strings the page loads lazily (JSON and literal errors)
  ({ TABLES } = await importWeb('i18n/strings/all.js'));
  // The error texts the page adds when the later chunk arrives: the core's templates and the facade's checks.
  (await importWeb('i18n/error-strings.js')).addErrorStrings({
    errorStrings: Object.assign({}, (await importWeb('i18n/strings/errors.js')).errorStrings, (await importWeb('i18n/strings/api.js')).apiStrings),
  });
  // examples.html's table is added by its own bundle; here, to check it too.
  i18n.addStrings(TABLES.examples);
});

// ---- the "no English left" check ----

// Words a Chinese message may keep: names from the registry are added per
// test; these are the rest (values, libraries, functions, JS names).
const ALLOWED_WORDS = [
  'NaN', 'nan', 'inf', 'PyTorch', 'log', 'exp', 'softmax', 'sigmoid', 'float64', 'Float64Array',
  'true', 'false', 'null', 'undefined', 'MSLE', 'compute', 'options', 'reduction',
];
// Literal code a message may keep as written.
const ALLOWED_LITERALS = ['{data, shape}', '{input, target, ...}', '{reduction, ...}', 'lossplay-core.wasm', 'lossplay-core.js', 'lossplay.js'];

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

// ---- t() and pick() ----

test('t fills {name} placeholders and falls back to English, then to the key', () => {
  assert.equal(i18n.t('info.read', { what: '3 numbers' }, 'en'), 'Read 3 numbers.');
  assert.equal(i18n.t('info.read', { what: '3 个数' }, 'zh'), '已读取 3 个数。');
  assert.equal(i18n.t('test.no.such.key', { a: 1 }, 'zh'), 'test.no.such.key');
  assert.equal(i18n.t('constructor', null, 'zh'), 'constructor', 'no prototype keys');
  // A missing parameter leaves its placeholder; values are not expanded again.
  assert.equal(i18n.t('info.read', { other: 1 }, 'en'), 'Read {what}.');
  assert.equal(i18n.t('error.labelled', { label: '{message}', message: 'x' }, 'en'), '{message}: x.');
  // Numbers stay ASCII digits; an unknown language is English.
  assert.equal(i18n.t('shape.many', { count: 1234567 }, 'zh'), '1234567 个数');
  assert.equal(i18n.t('results.selectLoss', null, 'klingon'), 'Select at least one loss.');
  assert.equal(i18n.translator('zh-CN').t('results.selectLoss'), '请至少选择一个损失函数。');
  // Array params read as shapes; number params through the page's formatter.
  assert.equal(i18n.t('info.read', { what: [2, 3] }, 'en'), 'Read [2, 3].');
  assert.equal(i18n.t('info.read', { what: 0.5 }, 'en', (v) => v.toFixed(3)), 'Read 0.500.');
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

test('{count|one|other} picks the plural form by the count, in English; Chinese has one form', () => {
  i18n.addStrings({ 'test.plural': { en: 'Read {n|# number|# numbers}; {n|it is|they are} fine.', zh: '读取了 {n} 个数。' } });
  assert.equal(i18n.t('test.plural', { n: 1 }, 'en'), 'Read 1 number; it is fine.');
  assert.equal(i18n.t('test.plural', { n: 0 }, 'en'), 'Read 0 numbers; they are fine.');
  assert.equal(i18n.t('test.plural', { n: 3 }, 'en'), 'Read 3 numbers; they are fine.');
  assert.equal(i18n.t('test.plural', { n: 1 }, 'zh'), '读取了 1 个数。');
  assert.equal(i18n.t('test.plural', {}, 'en'), 'Read {n|# number|# numbers}; {n|it is|they are} fine.', 'no count: left as it is');
  // The strings the issue found: "a JSON array of 1 numbers", "1 of them are not".
  assert.equal(i18n.t('input.readJson', { n: 1 }, 'en'), 'Read a JSON array of 1 number.');
  assert.equal(i18n.t('input.readJson', { n: 2 }, 'en'), 'Read a JSON array of 2 numbers.');
});

// No English template says "1 numbers": every {count}-like number before a plural noun has its forms.
test('no English template puts a bare count before a plural noun', () => {
  const bad = [];
  for (const [name, table] of Object.entries(TABLES)) {
    for (const [key, e] of Object.entries(table)) {
      if (/\{(?:n|count)\} (?:numbers|values|samples|predictions|rows|columns)\b|\{(?:n|count)\} of them are/.test(e.en) && !SINGULAR_NEVER.has(key)) bad.push(`${name} ${key}: ${e.en}`);
    }
  }
  assert.deepEqual(bad, []);
});

// Keys whose count is never 1 (a chunk of long data, a count above a limit).
const SINGULAR_NEVER = new Set(['code.fromFile', 'bigdata.summary', 'charts.drawingLong', 'input.rowsMany', 'input.colsMany', 'input.numbersMany', 'shape.many', 'results.moreValues', 'chart.truncated']);

// ---- the tables ----

const placeholders = (s) => new Set([...s.matchAll(/\{(\w+)(?:\|[^{}|]*\|[^{}|]*)?\}/g)].map((m) => m[1]));

test('every key of every string table has English and Chinese, with the same placeholders', () => {
  const seen = new Map();
  const names = Object.keys(TABLES);
  assert.ok(names.length >= 11, `only ${names.length} tables`);
  let count = 0;
  for (const [name, table] of Object.entries(TABLES)) {
    for (const [key, e] of Object.entries(table)) {
      count++;
      assert.ok(!seen.has(key), `${key} is in both ${seen.get(key)} and ${name}`);
      seen.set(key, name);
      assert.equal(typeof e.en, 'string', `${name} ${key}: en`);
      assert.equal(typeof e.zh, 'string', `${name} ${key}: zh`);
      assert.ok(e.en.length > 0 && e.zh.length > 0, `${name} ${key}: empty`);
      assert.deepEqual([...placeholders(e.zh)].sort(), [...placeholders(e.en)].sort(), `${name} ${key}: placeholders`);
    }
  }
  assert.ok(count > 350, `only ${count} keys`);
});

// Texts the same in both languages because nothing in them is to translate.
const SAME_IN_BOTH = new Set(['option.label', 'results.noValue', 'charts.tagVar']);

test('the Chinese side of every table is Chinese (identifiers aside)', async () => {
  const { lp } = await loadLossPlay();
  const ids = registryIdentifiers(lp);
  // UI words that are names: products, formats, PyTorch values, short names.
  const names = [
    'lossplay', 'WebAssembly', 'JavaScript', 'torch', 'nn', 'functional', 'logits', 'logit', 'one-hot', 'hot', 'Keras',
    'English', 'MSE', 'RMSE', 'MAE', 'MAPE', 'BCE', 'NLL', 'Huber', 'KL', 'JSON', 'CSV', 'PNG', 'TSV', 'NUL', 'Python',
    'PyTorch', 'numpy', 'torchvision', 'sigmoid_focal_loss', 'ops', 'sinh', 'cosh', 'log1p', 'backward', 'Ctrl', 'Mac',
    'iframe', 'Hugo', 'Shadow', 'DOM', 'CSS', 'HTML', 'Markdown', 'baseURL', 'embed', 'losses', 'data', 'preset',
    'panels', 'theme', 'lang', 'height', 'title', 'results', 'charts', 'formulas', 'light', 'dark', 'zh', 'en', 'id',
    'index', 'html', 'dist', 'static', 'layouts', 'shortcodes', 'web', 'params', 'lossplayPath', 'tools', 'accent',
    'card', 'bg', 'var', 'cos', 'anchor', 'negative', 'positive', 'long', 'none', 'loss-playground', 'playground',
    'lossplay-element', 'element', 'mse', 'mae', 'huber', 'bce', 'ce', 'kl', 'huber_loss', 'Cross-entropy', 'cross_entropy',
    'hinge', 'txt', 'tensor', 'ndmin', 'with', 'residual', 'Ctrl+C', 'DecompressionStream', 'UTF', 'prediction', 'target',
    'HingeEmbeddingLoss', 'SVM', 'max', 'hugo', 'outputs',
  ];
  const bad = [];
  for (const key of i18n.keys()) {
    if (key === 'lang.switchTo' || key === 'lang.switchLabel') continue; // names the other language
    const zh = i18n.t(key, null, 'zh');
    const template = zh.replace(/\{\w+\}/g, ' ');
    const left = englishLeft(template, ids, names);
    if (left.length) bad.push(`${key}: ${left.join(' ')}`);
    if (zh === i18n.t(key, null, 'en') && /[A-Za-z]{3,}/.test(zh) && !SAME_IN_BOTH.has(key)) bad.push(`${key} is not translated: ${zh}`);
  }
  assert.deepEqual(bad, []);
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
  'results.heading': '#results-heading', 'results.empty': '#results-empty', 'chart.heading': '#chart-heading',
  'skip.data': 'a.skip-link 1', 'skip.results': 'a.skip-link 2', 'skip.charts': 'a.skip-link 3', 'page.digits': 'label[for=digits]',
  'digits.sig': '#digits option[value=sig]', 'digits.fixed': '#digits option[value=fixed]',
  'formulas.heading': '#formulas-heading', 'footer.text': 'footer p',
  // (the <noscript> text is written in both languages by hand: no script can translate it)
};

test('the page markup takes its static texts from the table (web/index.html spells its own English too)', () => {
  const page = fs.readFileSync(path.join(ROOT, 'web', 'index.html'), 'utf8');
  const layout = fs.readFileSync(path.join(ROOT, 'web', 'src', 'views', 'layout.js'), 'utf8');
  for (const key of Object.keys(HTML_KEYS)) {
    const en = i18n.t(key, null, 'en');
    const named = (html) => new RegExp(`data-i18n(-[a-z-]+)?="${key.replace(/\./g, '\\.')}"`).test(html);
    assert.ok(named(page) || named(layout), `${key} (${HTML_KEYS[key]}) is not in the markup`);
    // index.html is read before any script runs: its words are its own, and the table's.
    if (named(page)) assert.ok(page.includes(`>${en}<`) || page.includes(`"${en}"`), `${key}: "${en}" is not in index.html`);
  }
  // The layout's words come only from the table: every key it names exists in both languages.
  for (const [, key] of layout.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)) {
    assert.ok(i18n.has(key), `layout.js names ${key}, which the table lacks`);
    assert.notEqual(i18n.t(key, null, 'zh'), '', key);
  }
});

test('short names, shapes and ranges of the registry read in both languages', async () => {
  const { lp } = await loadLossPlay();
  const ids = registryIdentifiers(lp);
  const en = i18n.translator('en');
  const zh = i18n.translator('zh');
  assert.equal(en.describeShape([3]), '3 numbers');
  assert.equal(en.describeShape([1]), '1 number');
  assert.equal(zh.describeShape([]), '1 个数');
  assert.equal(zh.describeShape([3, 4]), '3 × 4 矩阵');
  assert.equal(en.describeShape([3, 4]), '3 × 4 matrix');
  for (const loss of lp.losses) {
    assert.ok(i18n.has(`group.${loss.group}`), `group ${loss.group}`);
    assert.equal(en.shortName(loss), loss.shortName);
    assert.ok(zh.shortName(loss).length > 0);
    for (const arg of loss.args) {
      const shape = zh.shape(arg);
      assert.deepEqual(englishLeft(shape, ids, ['logits', 'one-hot', 'hot']), [], `${loss.name}.${arg.name}: "${shape}" has English left`);
      assert.equal(en.shape(arg), arg.shapeEn || arg.shape);
      assert.ok(zh.pick(arg, 'help'), `${loss.name}.${arg.name} help`);
    }
    for (const opt of loss.options) {
      const range = zh.range(opt);
      assert.deepEqual(englishLeft(range, ids), [], `${loss.name}.${opt.name}: ${range}`);
      const help = zh.t('option.help', { help: zh.pick(opt, 'help'), range });
      assert.deepEqual(englishLeft(help, ids, ['BCE', 'logits', 'with']), [], help);
      assert.equal(en.t('option.help', { help: opt.helpEn, range: opt.range }), `${opt.helpEn}; ${opt.range}`);
    }
  }
  // Every loss and argument carries its Chinese texts in the core's registry.
  for (const loss of lp.losses) {
    assert.ok(loss.shortZh, `${loss.name} has a Chinese short name`);
    for (const arg of loss.args) assert.ok(arg.shapeZh && arg.shapeEn, `${loss.name}.${arg.name} has shape texts in both languages`);
  }
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

test('every error of the core and the facade has a code and params, and reads in Chinese by code', async (t) => {
  const { LossPlay, lp } = await loadLossPlay();
  const ids = registryIdentifiers(lp);
  const errors = [];
  const goldenDir = path.join(ROOT, 'tests', 'golden');
  let goldenErrors = 0;
  for (const file of fs.readdirSync(goldenDir).filter((f) => f.endsWith('.json'))) {
    for (const c of readCases(path.join(goldenDir, file))) {
      if (!c.expected.error) continue;
      goldenErrors++;
      const { args, options } = caseInputs(c);
      const e = errorOf(LossPlay, () => lp.compute(c.loss, args, options));
      assert.equal(e.kind, 'input', `${c.id}: ${e.message}`);
      errors.push(e);
    }
  }
  assert.ok(goldenErrors > 100, `only ${goldenErrors} golden error cases`);
  for (const text of PARSE_INPUTS) {
    const e = errorOf(LossPlay, () => lp.parse(text));
    assert.equal(e.kind, 'parse', `${JSON.stringify(text)}: ${e.message}`);
    errors.push(e);
  }
  for (const call of provokedComputeErrors(lp)) errors.push(errorOf(LossPlay, call));

  const missing = new Set();
  for (const e of errors) {
    assert.equal(typeof e.code, 'string', `no code: ${e.message}`);
    assert.ok(e.code.length > 0, `empty code: ${e.message}`);
    assert.ok(e.params && typeof e.params === 'object' && !Array.isArray(e.params), `params of ${e.code}`);
    if (!i18n.has(`error.${e.code}`)) {
      missing.add(e.code);
      assert.equal(i18n.translateError(e, 'zh'), e.message, 'no template: the English message, unparsed');
      continue;
    }
    const zh = i18n.translateError(e, 'zh');
    assert.notEqual(zh, e.message, `not translated: ${e.message}`);
    assert.deepEqual(englishLeft(zh, ids), [], `English left in "${zh}" (from "${e.message}")`);
  }
  // The facade's own checks are this side's: their templates are here.
  for (const call of provokedComputeErrors(lp).slice(12, 21)) {
    const e = errorOf(LossPlay, call);
    assert.ok(i18n.has(`error.${e.code}`), `the facade's ${e.code} has no template`);
    assert.equal(i18n.translateError(e, 'en'), e.message, `${e.code}: the English template gives the message`);
  }
  assert.deepEqual([...missing].sort(), [], 'codes without a template');
});

test('the core loader\'s error has its code and template', async () => {
  const { LossPlay } = await loadLossPlay();
  const core = await importWeb('core/start-core.js');
  await assert.rejects(core.startCore({ factory: () => Promise.reject(new Error('no memory')) }), (e) => {
    assert.ok(e instanceof LossPlay.LossPlayError || e.name === 'LossPlayError');
    assert.equal(e.code, 'core_load_failed');
    assert.equal(e.params.reason, 'no memory');
    assert.equal(i18n.translateError(e, 'zh'), 'lossplay 无法加载它的 WebAssembly 核心（lossplay-core.wasm）：no memory');
    return true;
  });
  assert.ok(LossPlay.LossPlayError);
});

test('errors without a template stay English and nothing throws', () => {
  assert.equal(i18n.translateError({ kind: 'input', code: 'a_code_nobody_wrote', params: {}, message: 'something new' }, 'zh'), 'something new');
  assert.equal(i18n.translateError({ kind: 'input', message: 'no code at all' }, 'zh'), 'no code at all');
  assert.equal(i18n.translateError(new Error('plain failure'), 'zh'), 'plain failure');
  assert.equal(i18n.translateError(null, 'zh'), '');
  assert.equal(i18n.translateError(undefined), '');
  assert.equal(i18n.translateError('a string', 'zh'), 'a string');
  const hostile = { kind: 'input', code: 'x', get message() { throw new Error('no'); } };
  assert.doesNotThrow(() => i18n.translateError(hostile, 'zh'));
  // A user's token is only ever a parameter: braces in it are not placeholders.
  const e = { kind: 'parse', code: 'json_trailing', params: { line: 1, column: 3, token: '{line}' }, message: 'x' };
  assert.equal(i18n.translateError(e, 'zh'), '第 1 行第 3 列：JSON 语法错误：结尾的“]”之后多出了“{line}”');
});

test('no English message is parsed: the regular-expression layer is gone from web/src', () => {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) files.push(full);
    }
  };
  walk(path.join(ROOT, 'web', 'src'));
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /MESSAGE_RULES|WHY_RULES|matchMessage|translateMessage/, path.relative(ROOT, file));
    assert.doesNotMatch(text, /\.exec\((?:e|error|err)\.message\)|\.message\.match\(/, `${path.relative(ROOT, file)} reads an error's message`);
  }
});
