'use strict';
// web/src/input/read.js in Node: readData on what readers paste (plain
// numbers, full-width punctuation, CSV/TSV with a header, spreadsheet
// columns, JSON arrays), the positions its errors give, and their code and
// params (translated by code). lp is the built API in dist/.

const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLossPlay } = require('./lossplay-dist.js');
const { importWeb } = require('./support/web-src.js');

let lp;
let ui; // {readData, ReadError}
let i18n; // the translator
let LossPlayError;
test.before(async () => {
  ({ lp } = await loadLossPlay());
  ui = await importWeb('input/read.js');
  // The readers the page loads lazily (literals, JSON error positions, commas), installed as the worker does.
  (await importWeb('input/more.js')).installHere();
  i18n = await importWeb('i18n/translate.js');
  ({ LossPlayError } = require('./lossplay-dist.js').requireLossPlay());
});

// The error in Chinese when a template for its code is there (the core's
// come with errors.js from the registry side); its English message otherwise.
function zh(e) {
  return i18n.translateError(e, 'zh');
}
const hasTemplate = (e) => i18n.has(`error.${e.code}`);

function read(text) {
  return ui.readData(lp, text);
}

/** The error readData throws for `text`. */
function failure(text) {
  let error;
  assert.throws(() => read(text), (e) => {
    error = e;
    return true;
  });
  assert.ok(error instanceof ui.ReadError || error instanceof LossPlayError, `expected a read error, got ${error}`);
  assert.equal(error.name, 'LossPlayError');
  assert.equal(error.kind, 'parse');
  assert.equal(typeof error.code, 'string');
  assert.equal(typeof error.params, 'object');
  assert.equal(error.params.line, error.line, 'the position is a param too');
  if (hasTemplate(error)) assert.equal(i18n.translateError(error, 'en'), error.message, 'the English template gives the message');
  return error;
}

function assertAt(error, code, line, column, token) {
  assert.deepEqual(
    { code: error.code, line: error.line, column: error.column, token: error.token },
    { code, line, column, token },
    error.message,
  );
}

function values(column) {
  return Array.from(column.values);
}

// ---- plain numbers ----

test('plain numbers go to lp.parse and read as a vector', () => {
  const r = read('1 3 5');
  assert.equal(r.kind, 'numbers');
  assert.ok(r.tensor.data instanceof Float64Array);
  assert.deepEqual(Array.from(r.tensor.data), [1, 3, 5]);
  assert.deepEqual(r.tensor.shape, [3]);
  assert.equal(r.columns, null);
  assert.equal(r.header, null);
  assert.deepEqual(r.summary, { en: 'Read 3 numbers.', zh: '读取了 3 个数。' });
});

test('one number, and nothing at all', () => {
  assert.deepEqual(read('  42\n').summary, { en: 'Read 1 number.', zh: '读取了 1 个数。' });
  const empty = read(' \n\t ');
  assert.equal(empty.kind, 'numbers');
  assert.deepEqual(empty.tensor.shape, [0]);
  assert.equal(read('').tensor.data.length, 0);
  assert.equal(ui.readData(lp, null).tensor.data.length, 0);
});

test('the plain path hands the text to lp.parse unchanged, once', () => {
  const seen = [];
  const fake = { parse: (text) => (seen.push(text), lp.parse(text)) };
  const text = '1, 2; 3\t4\r\n5 6 7 8\n';
  ui.readData(fake, text);
  assert.deepEqual(seen, [text]);
});

test('full-width punctuation and digits from a Chinese input method', () => {
  assert.deepEqual(Array.from(read('１，２；３、４').tensor.data), [1, 2, 3, 4]);
  assert.deepEqual(Array.from(read('0．5，－1．5').tensor.data), [0.5, -1.5]);
  assert.deepEqual(Array.from(read('1\u30002\u00a03').tensor.data), [1, 2, 3]);
});

test('a matrix without a header still lists its columns, named null', () => {
  const r = read('0.7 0.2 0.1\n0.1 0.8 0.1');
  assert.equal(r.kind, 'numbers');
  assert.deepEqual(r.tensor.shape, [2, 3]);
  assert.equal(r.header, null);
  assert.equal(r.columns.length, 3);
  assert.deepEqual(r.columns.map((c) => [c.name, c.index]), [[null, 0], [null, 1], [null, 2]]);
  assert.deepEqual(values(r.columns[1]), [0.2, 0.8]);
  assert.ok(r.columns[1].values instanceof Float64Array);
  assert.equal(r.columns[1].values, r.columns[1].values, 'a column is copied out once');
  assert.deepEqual(r.summary, { en: 'Read a 2 × 3 matrix: 2 rows, 3 columns.', zh: '读取了 2 × 3 矩阵：2 行，3 列。' });
});

test('class indices and one-hot rows read as numbers', () => {
  assert.deepEqual(read('0 2 1').tensor.shape, [3]);
  const oneHot = read('1 0 0\n0 1 0\n0 0 1');
  assert.deepEqual(oneHot.tensor.shape, [3, 3]);
  assert.deepEqual(Array.from(oneHot.tensor.data), [1, 0, 0, 0, 1, 0, 0, 0, 1]);
});

// ---- tables with a header row ----

test('CSV with a header row', () => {
  const r = read('y_pred,y_true\n1,2\n3,4\n5,6\n');
  assert.equal(r.kind, 'table');
  assert.deepEqual(r.header, ['y_pred', 'y_true']);
  assert.deepEqual(r.tensor.shape, [3, 2]);
  assert.deepEqual(Array.from(r.tensor.data), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(r.columns.map((c) => c.name), ['y_pred', 'y_true']);
  assert.deepEqual(values(r.columns[0]), [1, 3, 5]);
  assert.deepEqual(values(r.columns[1]), [2, 4, 6]);
  assert.deepEqual(r.summary, {
    en: 'Read a table with a header row ("y_pred", "y_true"): 3 rows × 2 columns.',
    zh: '读取了带表头（“y_pred”、“y_true”）的表格：3 行 × 2 列。',
  });
});

test('TSV pasted from a spreadsheet, with \\r\\n line ends', () => {
  const r = read('prediction\ttarget\r\n0.5\t1\r\n0.25\t0\r\n0.125\t1\r\n');
  assert.equal(r.kind, 'table');
  assert.deepEqual(r.header, ['prediction', 'target']);
  assert.deepEqual(r.tensor.shape, [3, 2]);
  assert.deepEqual(values(r.columns[0]), [0.5, 0.25, 0.125]);
  assert.deepEqual(values(r.columns[1]), [1, 0, 1]);
});

test('two columns from a spreadsheet without a header', () => {
  const r = read('0.5\t1\r\n0.25\t0\r\n');
  assert.equal(r.kind, 'numbers');
  assert.deepEqual(values(r.columns[0]), [0.5, 0.25]);
  assert.deepEqual(values(r.columns[1]), [1, 0]);
});

test('header names: quotes, semicolons, spaces, a byte-order mark, Chinese', () => {
  assert.deepEqual(read('"y, pred";"y ""true"""\n1;2').header, ['y, pred', 'y "true"']);
  assert.deepEqual(read('\ufeffpred,true\n1,2').header, ['pred', 'true']);
  assert.deepEqual(read('pred true\n1 2').header, ['pred', 'true']);
  assert.deepEqual(read('"pred one" "true one"\n1 2').header, ['pred one', 'true one']);
  const zh = read('预测值，真实值\n１，２\n3，4');
  assert.equal(zh.kind, 'table');
  assert.deepEqual(zh.header, ['预测值', '真实值']);
  assert.deepEqual(Array.from(zh.tensor.data), [1, 2, 3, 4]);
});

test("pandas' blank index name and a spreadsheet's trailing comma", () => {
  const pandas = read(',y_pred,y_true\n0,1.5,2\n1,3,4');
  assert.deepEqual(pandas.header, ['', 'y_pred', 'y_true']);
  assert.deepEqual(pandas.columns.map((c) => c.name), [null, 'y_pred', 'y_true']);
  assert.match(pandas.summary.en, /\(column 1, "y_pred", "y_true"\)/);
  assert.deepEqual(read('a,b,\n1,2,\n3,4,').header, ['a', 'b']);
});

test('a single headed column reads as a vector with one column', () => {
  const r = read('loss\n0.1\n0.2\n0.3');
  assert.equal(r.kind, 'table');
  assert.deepEqual(r.tensor.shape, [3]);
  assert.deepEqual(r.columns.map((c) => c.name), ['loss']);
  assert.deepEqual(values(r.columns[0]), [0.1, 0.2, 0.3]);
  assert.deepEqual(r.summary.en, 'Read a column headed "loss": 3 numbers.');
});

test('a header over one data row is a 1 × n table', () => {
  const r = read('a,b,c\n1,2,3');
  assert.deepEqual(r.tensor.shape, [1, 3]);
  assert.match(r.summary.en, /1 row × 3 columns/);
});

test('the header line is blanked, not removed, before lp.parse sees the text', () => {
  const seen = [];
  const fake = { parse: (text) => (seen.push(text), lp.parse(text)) };
  ui.readData(fake, '\n  a,b\r\n1,2\r\n');
  ui.readData(fake, 'a,b\n1,2\n');
  assert.deepEqual(seen, ['\n  \r\n1,2\r\n', '\n1,2\n']);
});

// Decided: inf, -inf and nan count as numbers when looking for a header, so
// a first line of numbers is never swallowed as a header; lp.parse then says
// which token is not finite.
test('header detection is not fooled by exponents, signs, inf or nan', () => {
  const exp = read('1e-3 2E+3\n-1.5e-2 .5');
  assert.equal(exp.kind, 'numbers');
  assert.deepEqual(Array.from(exp.tensor.data), [1e-3, 2e3, -1.5e-2, 0.5]);
  assertAt(failure('1e-3 -inf\n1 2'), 'not_finite', 1, 6, '-inf');
  assertAt(failure('nan,1\n1,2'), 'not_finite', 1, 1, 'nan');
  assertAt(failure('Infinity\n1'), 'not_finite', 1, 1, 'Infinity');
  assert.equal(read('１．５，２\n1,2').kind, 'numbers');
  assert.equal(read('−1 +2\n3 4').kind, 'numbers');
});

test('no header unless the next line has as many fields, all numbers', () => {
  assertAt(failure('x y z\n1 2'), 'not_a_number', 1, 1, 'x');
  assertAt(failure('pred,true\nunit,unit\n1,2'), 'not_a_number', 1, 1, 'pred');
  assertAt(failure('pred,true'), 'not_a_number', 1, 1, 'pred');
  assertAt(failure('pred,true\n\n'), 'not_a_number', 1, 1, 'pred');
});

// ---- errors in tables ----

test('ragged tables name the short row', () => {
  const plain = failure('1 2\n3 4\n5');
  assertAt(plain, 'ragged_rows', 3, 1, '5');
  if (hasTemplate(plain)) assert.match(zh(plain), /^第 3 行/);
  assertAt(failure('a,b\n1,2\n3\n'), 'ragged_rows', 3, 1, '3');
  assertAt(failure('a,b\n1,2\n3,4,5'), 'ragged_rows', 3, 1, '3');
});

test('error positions after a stripped header point into the original text', () => {
  const e = failure('pred,true\n1,2\n3,abc');
  assertAt(e, 'not_a_number', 3, 3, 'abc');
  assert.equal(e.message, 'line 3, column 3: expected a number, found "abc"');
  if (hasTemplate(e)) assert.match(zh(e), /^第 3 行第 3 列.*abc/);
  assertAt(failure('\r\n\r\n  a\tb\r\n1\t2\r\n3\tx'), 'not_a_number', 5, 3, 'x');
  assertAt(failure('  预测 真实\n1 2\n3 1e999'), 'out_of_range', 3, 3, '1e999');
  assertAt(failure('a b\n1 2\n１ ２ ３'), 'ragged_rows', 3, 1, '１');
});

test('errors of lp.parse come through as they are: code, params, position', () => {
  const e = failure('1 2 x');
  assertAt(e, 'not_a_number', 1, 5, 'x');
  assert.equal(e.message, 'line 1, column 5: expected a number, found "x"');
  assert.deepEqual({ line: e.params.line, column: e.params.column, token: e.params.token }, { line: 1, column: 5, token: 'x' });
  const big = failure('1 1e400');
  assert.equal(big.code, 'out_of_range');
  if (hasTemplate(big)) assert.match(zh(big), /float64/);
});

// ---- JSON ----

test('JSON 1-D and 2-D arrays', () => {
  const one = read('[2, 4, 6]');
  assert.equal(one.kind, 'json');
  assert.deepEqual(one.tensor.shape, [3]);
  assert.deepEqual(Array.from(one.tensor.data), [2, 4, 6]);
  assert.equal(one.columns, null);
  assert.deepEqual(one.summary, { en: 'Read a JSON array of 3 numbers.', zh: '读取了 JSON 数组：3 个数。' });

  const two = read('  [[0.7, 0.2, 0.1],\n   [0.1, 0.8, 0.1],\n   [0.2, 0.3, 0.5]]\n');
  assert.equal(two.kind, 'json');
  assert.deepEqual(two.tensor.shape, [3, 3]);
  assert.deepEqual(Array.from(two.tensor.data), [0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.2, 0.3, 0.5]);
  assert.deepEqual(values(two.columns[2]), [0.1, 0.1, 0.5]);
  assert.equal(two.summary.en, 'Read a JSON array of shape 3 × 3 (9 numbers).');
});

test('JSON: integers, floats, exponents, deeper arrays, empty arrays', () => {
  assert.deepEqual(Array.from(read('[-1, 0, 2.5, 1e-3, -2E+2]').tensor.data), [-1, 0, 2.5, 1e-3, -200]);
  const cube = read('[[[1,2],[3,4]],[[5,6],[7,8]]]');
  assert.deepEqual(cube.tensor.shape, [2, 2, 2]);
  assert.equal(cube.columns, null);
  assert.deepEqual(read('[]').tensor.shape, [0]);
  assert.deepEqual(read('[[], []]').tensor.shape, [2, 0]);
});

test('JSON typed with full-width brackets and commas', () => {
  assert.deepEqual(Array.from(read('【1，2，3】').tensor.data), [1, 2, 3]);
  assert.deepEqual(read('［［1，0］，［0，1］］').tensor.shape, [2, 2]);
});

test('JSON syntax errors give line, column and token', () => {
  assertAt(failure('[1, 2,\n 3,,4]'), 'json_syntax', 2, 4, ',');
  assertAt(failure('[1, 2,,3]'), 'json_syntax', 1, 7, ',');
  assertAt(failure('[1 2]'), 'json_syntax', 1, 4, '2');
  assertAt(failure('[1, 2'), 'json_syntax_end', 1, 6, '');
  assertAt(failure('[1, .5]'), 'json_syntax', 1, 5, '.5');
  assertAt(failure('[1, 01]'), 'json_syntax', 1, 5, '01');
  assertAt(failure('[1, NaN]'), 'json_syntax', 1, 5, 'NaN');
  assertAt(failure('[1]\n[2]'), 'json_trailing', 2, 1, '[');
  const e = failure('[1,\n  2 3]');
  assert.equal(e.message, 'line 2, column 5: JSON syntax: expected "," or "]", found "3"');
  assert.equal(zh(e), '第 2 行第 5 列：JSON 语法错误：这里应是“,”或“]”，读到“3”');
  assert.equal(zh(failure('[1, 2')), '第 1 行第 6 列：JSON 语法错误：这里应是“,”或“]”，却已到文本结尾');
});

test('JSON elements that are not numbers are named', () => {
  const n = failure('[1,\n 2,\n null]');
  assertAt(n, 'json_not_number', 3, 2, 'null');
  assert.equal(n.message, 'line 3, column 2: expected a number in the JSON array, found null');
  assert.equal(zh(n), '第 3 行第 2 列：JSON 数组里应是数字，读到 null');
  assert.equal(failure('[1, {"a": 1}]').message, 'line 1, column 5: expected a number in the JSON array, found "{"');
  assertAt(failure('[1, "2"]'), 'json_not_number', 1, 5, '"2"');
  assertAt(failure('[true]'), 'json_not_number', 1, 2, 'true');
  assertAt(failure('[1, {"a": 1}]'), 'json_not_number', 1, 5, '{');
  assertAt(failure('[[1, 2], 3]'), 'json_not_array', 1, 10, '3');
  assertAt(failure('[1, [2]]'), 'json_nested', 1, 5, '[');
  assertAt(failure('[1e999]'), 'json_out_of_range', 1, 2, '1e999');
});

test('JSON rows of different lengths', () => {
  const short = failure('[[1, 2],\n [3]]');
  assertAt(short, 'json_row_shorter', 2, 4, ']');
  assert.match(short.message, /ends after 1 of 2 elements/);
  assert.deepEqual([short.params.count, short.params.n], [1, 2]);
  assert.match(zh(short), /只有 1 个元素/);
  assertAt(failure('[[1, 2], [3, 4, 5]]'), 'json_row_longer', 1, 17, '5');
});

test('JSON columns count code points, as lp.parse does', () => {
  assertAt(failure('["😀", 1]'), 'json_not_number', 1, 2, '"😀"');
  assertAt(failure('[1, 😀]'), 'json_syntax', 1, 5, '😀');
  assertAt(failure('\u3000[1，😀，x]'), 'json_syntax', 1, 5, '😀');
  assertAt(failure('[1, "a😀b", x]'), 'json_not_number', 1, 5, '"a😀b"');
});

test('long tokens in errors are cut at 32 code points', () => {
  const e = failure(`[${'x'.repeat(40)}]`);
  assert.equal(e.token, `${'x'.repeat(32)}…`);
});

// ---- language and strings ----

test('every string has English and Chinese', async () => {
  const { TABLES } = await importWeb('i18n/strings/all.js');
  const table = Object.assign({}, TABLES.input, TABLES.inputMore);
  assert.ok(Object.keys(table).length > 20);
  for (const [key, value] of Object.entries(table)) {
    assert.ok(/^(input|pair|split|commas|error)\./.test(key), key);
    assert.equal(typeof value.en, 'string', key);
    assert.equal(typeof value.zh, 'string', key);
    assert.ok(value.en && value.zh, key);
  }
});

// ---- Python and PyTorch literals ----

const NOTE = [1, 3, 5];

test("the note's torch.tensor line, tensor(...), np.array(...), lists and tuples read as the plain numbers", () => {
  const plain = read('1 3 5');
  for (const text of [
    'torch.tensor([1, 3, 5], dtype=torch.float32)',
    'torch.tensor([1, 3, 5],dtype=torch.float32)',
    'tensor([1., 3., 5.])',
    'np.array([1, 3, 5])',
    'numpy.asarray([1,3,5])',
    '[1, 3, 5]',
    '[1, 3, 5,]',
    '(1, 3, 5)',
    '  torch.tensor([1, 3, 5], requires_grad=True)\n',
    "torch.tensor([1, 3, 5], dtype=torch.float64, device='cpu', requires_grad=True)",
    'tensor([1., 3., 5.], grad_fn=<AddBackward0>)',
    "torch.tensor([1, 3, 5], device=torch.device('cuda', 0), requires_grad=True,)",
    "torch.tensor((1, 3, 5), device=torch.device('cuda', 0))",
  ]) {
    const r = read(text);
    assert.deepEqual(Array.from(r.tensor.data), NOTE, text);
    assert.deepEqual(r.tensor.shape, plain.tensor.shape, text);
  }
  assert.equal(read('torch.tensor([1, 3, 5])').summary.en, 'Read a Python list of 3 numbers.');
  assert.equal(read('torch.tensor([1, 3, 5])').summary.zh, '读取了 Python 列表：3 个数。');
  assert.equal(read('[7]').summary.en, 'Read a JSON array of 1 number.');
  assert.equal(read('(7,)').summary.en, 'Read a Python list of 1 number.');
});

test('nested lists and tuples are matrices; a scalar tensor is one number', () => {
  const m = read('torch.tensor([[0.7, 0.2, 0.1],\n              [0.1, 0.8, 0.1]])');
  assert.deepEqual(m.tensor.shape, [2, 3]);
  assert.deepEqual(Array.from(m.tensor.data), [0.7, 0.2, 0.1, 0.1, 0.8, 0.1]);
  assert.deepEqual(read('[[0.7,0.2,0.1],[0.1,0.8,0.1]]').tensor.shape, [2, 3]);
  assert.deepEqual(read('((1, 2), (3, 4))').tensor.shape, [2, 2]);
  assert.deepEqual(read('[(1, 2), (3, 4)]').tensor.shape, [2, 2]);
  assert.deepEqual(Array.from(read('torch.tensor(0)').tensor.data), [0]);
  assert.deepEqual(Array.from(read('tensor(2.5, dtype=torch.float64)').tensor.data), [2.5]);
});

test('errors in literals point at line, column and token of the text as typed', () => {
  assertAt(failure('torch.tensor([1, x, 5], dtype=torch.float32)'), 'json_syntax', 1, 18, 'x');
  assertAt(failure('torch.tensor([1,\n 3,\n null])'), 'json_not_number', 3, 2, 'null');
  const open = failure('torch.tensor([1, 3, 5]');
  assertAt(open, 'literal_unclosed', 1, 23, '');
  assert.equal(open.message, 'line 1, column 23: the "(" at line 1, column 13 is not closed: expected ")" at the end');
  const arg = failure('torch.tensor([1, 3, 5], 7)');
  assertAt(arg, 'literal_argument', 1, 25, '7');
  assert.equal(zh(arg), '第 1 行第 25 列：数字之后只能是 torch.tensor 的关键字参数，读到“7”');
  assertAt(failure('tensor([[1, 2], [3]])'), 'json_row_shorter', 1, 19, ']');
  // A long tail that is no keyword argument is refused at once (no pattern backtracking over it).
  const started = performance.now();
  assert.equal(failure(`torch.tensor([1], dtype=${' '.repeat(20000)}x y()`).code, 'literal_argument');
  assert.ok(performance.now() - started < 1000);
});

test('a header row or plain text starting with a letter is not taken for a literal', () => {
  assert.equal(read('y_pred,y_true\n1,2\n3,4').kind, 'table');
  assertAt(failure('abc 1 2'), 'not_a_number', 1, 1, 'abc');
});

// ---- commas ----

test('decimal commas and thousands separators are noticed; 1,5,3 and CSV rows are not', async () => {
  const { commaStyle, withCommas } = await importWeb('input/commas.js');
  assert.equal(commaStyle('1,5 3,5'), 'decimal');
  assert.equal(commaStyle('0,7;0,2;0,1'), 'decimal');
  assert.equal(commaStyle('1,5\t2,5\n3,5\t4,5'), 'decimal');
  assert.equal(commaStyle('1,000 2,000'), 'thousands');
  assert.equal(commaStyle('12,345,678.5 1,000'), 'thousands');
  assert.equal(commaStyle('1,5,3'), null, 'two commas in one token: three numbers');
  assert.equal(commaStyle('1,2\n3,4'), null, 'one token per line: a two-column CSV');
  assert.equal(commaStyle('y_pred,y_true\n1,2'), null);
  assert.equal(commaStyle('[1,5, 3,5]'), null);
  assert.equal(commaStyle('1.5 2,5'), null, 'points and commas together: no guess');
  assert.equal(commaStyle('1 3 5'), null);
  // The other readings, read by the same reader.
  assert.deepEqual(Array.from(read(withCommas('1,5 3,5', 'decimal')).tensor.data), [1.5, 3.5]);
  assert.deepEqual(Array.from(read(withCommas('1,000 2,000', 'thousands')).tensor.data), [1000, 2000]);
  assert.deepEqual(Array.from(read('1,5 3,5').tensor.data), [1, 5, 3, 5], 'by default commas stay separators');
});

// ---- ŷ and y together ----

test('a table in either box splits into ŷ and y; a matrix with as many rows as y has numbers does not', async () => {
  const { pairBoxes } = await importWeb('input/pairing.js');
  const box = (text) => ({ reading: text ? read(text) : null, error: null });
  const pairOf = (p, y, split, chosen = []) => {
    const boxes = { predictions: box(p), targets: box(y) };
    return pairBoxes({ split, columns: null }, boxes, (n) => !(n === 'predictions' ? p : y), chosen);
  };
  const csv = 'y_pred,y_true\n1,2\n3,4\n5,6\n7,8';
  let r = pairOf(csv, '2 4 6', 'predictions');
  assert.deepEqual([Array.from(r.prediction.data), Array.from(r.target.data)], [[1, 3, 5, 7], [2, 4, 6, 8]]);
  assert.deepEqual({ from: r.table.from, setAside: r.table.setAside }, { from: 'predictions', setAside: true });
  r = pairOf('2 4 6', csv, 'targets');
  assert.deepEqual(Array.from(r.prediction.data), [1, 3, 5, 7]);
  assert.equal(r.table.from, 'targets');
  r = pairOf('', '1\t2\n3\t4', null);
  assert.equal(r.table.from, 'targets', 'the other box empty: split without being asked');
  r = pairOf(csv, '2 4 6', 'off');
  assert.equal(r.table, null);
  assert.equal(r.tableOffer, 'predictions');
  r = pairOf('0.7 0.3\n0.2 0.8', '0 1', 'predictions');
  assert.equal(r.table, null, 'rows = y count, no header: class scores');
  assert.deepEqual(r.prediction.shape, [2, 2]);
});

test('one cross-entropy sample typed as a list reads as shape [1, C], only for losses of class indices', async () => {
  const { pairBoxes } = await importWeb('input/pairing.js');
  const boxes = { predictions: { reading: read('0.7 0.2 0.1'), error: null }, targets: { reading: read('0'), error: null } };
  const ce = pairBoxes({}, boxes, () => false, [lp.loss('cross_entropy')]);
  assert.deepEqual([ce.prediction.shape, ce.target.shape, ce.classSample], [[1, 3], [1], { classes: 3 }]);
  const value = lp.compute('cross_entropy', { input: ce.prediction, target: ce.target }, { reduction: 'mean' }).value;
  assert.ok(Math.abs(value - 0.767949548903625) < 1e-12, String(value)); // log(e^0.7 + e^0.2 + e^0.1) - 0.7
  const mse = pairBoxes({}, boxes, () => false, [lp.loss('mse_loss')]);
  assert.deepEqual(mse.prediction.shape, [3]);
  assert.equal(mse.classSample, null);
});

test('ŷ and y that do not fit are said in plain words, once', async () => {
  const { compute } = await importWeb('compute/compute.js');
  const { initialState } = await importWeb('state/store.js');
  const state = Object.assign(initialState('en'), { losses: ['mse_loss', 'l1_loss', 'huber_loss'], texts: { predictions: '1 3 5 7', targets: '2 4 6' } });
  const out = compute(state, lp);
  assert.deepEqual(out.pairError, { key: 'pair.counts', params: { p: { key: 'input.numbersMany', params: { n: 4 } }, y: { key: 'input.numbersMany', params: { n: 3 } } } });
  assert.equal(i18n.t(out.pairError.key, out.pairError.params, 'en'), 'ŷ has 4 numbers, y has 3 numbers: give as many of each.');
  assert.equal(i18n.t(out.pairError.key, out.pairError.params, 'zh'), 'ŷ 有 4 个数，y 有 3 个数：两边的个数要一样多。');
  assert.deepEqual(out.errors.map((e) => [e.field, e.label]), [['pair', 'MSE, MAE, Huber']], 'once, not once per loss');
  assert.ok(out.results.every((r) => r.pairError));
  const one = compute(Object.assign({}, state, { texts: { predictions: '1', targets: '2 4' } }), lp);
  assert.equal(i18n.t(one.pairError.key, one.pairError.params, 'en'), 'ŷ has 1 number, y has 2 numbers: give as many of each.');
  const ce = compute(Object.assign({}, state, { losses: ['cross_entropy'], texts: { predictions: '1 2\n3 4', targets: '0 1 1' } }), lp);
  assert.equal(i18n.t(ce.pairError.key, ce.pairError.params, 'en'), 'ŷ has 2 rows of class scores, y has 3 labels: give one class index per row of ŷ.');
});

// ---- a million numbers ----

test('a million numbers: readData against lp.parse alone (reported, not asserted)', (t) => {
  const numbers = Array.from({ length: 1e6 }, (_, i) => ((i * 7919) % 10007) / 97);
  const texts = {
    'one per line': numbers.map((x) => x.toFixed(4)).join('\n'),
    'one line': numbers.map((x) => x.toFixed(4)).join(' '),
    '1000 x 1000 CSV': Array.from({ length: 1000 }, (_, r) => numbers.slice(r * 1000, r * 1000 + 1000).map((x) => x.toFixed(4)).join(',')).join('\n'),
  };
  const median = (list) => list.slice().sort((a, b) => a - b)[list.length >> 1];
  const time = (fn) => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  };
  for (const [name, text] of Object.entries(texts)) {
    const direct = lp.parse(text);
    const read = ui.readData(lp, text);
    assert.deepEqual(read.tensor.shape, direct.shape);
    assert.equal(read.tensor.data.length, direct.data.length);
    const base = [];
    const ours = [];
    for (let k = 0; k < 7; k++) {
      base.push(time(() => lp.parse(text)));
      ours.push(time(() => ui.readData(lp, text)));
    }
    // The JavaScript readData adds, with lp.parse taken out of the picture.
    const fake = { parse: () => direct };
    const overhead = time(() => {
      for (let k = 0; k < 20; k++) ui.readData(fake, text);
    }) / 20;
    t.diagnostic(`${name}: lp.parse ${median(base).toFixed(1)} ms, readData ${median(ours).toFixed(1)} ms, ` +
      `ratio ${(median(ours) / median(base)).toFixed(3)}; readData's own work ${overhead.toFixed(3)} ms`);
  }
  const header = `y_pred,y_true\n${texts['one per line'].split('\n').reduce((rows, x, i, all) => (i % 2 ? rows : rows + `${x},${all[i + 1]}\n`), '')}`;
  const json = `[${numbers.join(',')}]`;
  const plain = header.slice(header.indexOf('\n'));
  const base = [];
  const table = [];
  const parsedJson = [];
  for (let k = 0; k < 5; k++) {
    base.push(time(() => lp.parse(plain)));
    table.push(time(() => ui.readData(lp, header)));
    parsedJson.push(time(() => ui.readData(lp, json)));
  }
  t.diagnostic(`CSV with a header, 500000 × 2: lp.parse ${median(base).toFixed(1)} ms, readData ${median(table).toFixed(1)} ms, ` +
    `ratio ${(median(table) / median(base)).toFixed(3)}`);
  t.diagnostic(`JSON array of 1e6 numbers: readData ${median(parsedJson).toFixed(1)} ms`);
});

test('how the boxes are read (a split table, comma readings) travels in the share link; old links read as typed', async () => {
  const { toLink, fromLink } = await importWeb('state/serialize.js');
  const { validate } = await importWeb('state/schema.js');
  const { initialState } = await importWeb('state/store.js');
  const state = Object.assign(initialState('en'), {
    losses: ['mse_loss'], texts: { predictions: 'y_pred,y_true\n1,2', targets: '1,5 3,5' },
    split: 'predictions', commas: { targets: 'decimal' },
  });
  const link = validate(JSON.parse(JSON.stringify(toLink(state, lp))), lp);
  assert.deepEqual(link.reading, { split: 'predictions', commas: { predictions: null, targets: 'decimal' } });
  const patch = fromLink(link);
  assert.equal(patch.split, 'predictions');
  assert.deepEqual(patch.commas, { predictions: null, targets: 'decimal' });
  const plain = toLink(initialState('en'), lp);
  assert.equal('reading' in plain, false, 'as typed: no field, the link stays as before');
  assert.deepEqual(fromLink(validate(plain, lp)).commas, {});
  const bad = JSON.parse(JSON.stringify(toLink(state, lp)));
  bad.reading.commas.targets = 'roman';
  assert.throws(() => validate(bad, lp), /reading\.commas\.targets/);
});
