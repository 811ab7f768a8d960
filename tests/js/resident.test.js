'use strict';
// Resident tensors (lp.tensor, lp.parseTensor, column), terms from compute,
// and lp.parse from UTF-8 bytes: what the page's worker relies on, checked
// through the built API in dist/ against the copy-in path it replaces.

const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLossPlay } = require('./lossplay-dist.js');

const bytes = (s) => new TextEncoder().encode(s);
const sameNumbers = (a, b, what) => {
  assert.equal(a.length, b.length, `${what}: length`);
  for (let i = 0; i < a.length; i++) assert.ok(Object.is(a[i], b[i]), `${what}[${i}]: ${a[i]} vs ${b[i]}`);
};
const thrown = (fn) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected a LossPlayError');
};

test('lp.tensor copies in once and reads back the same numbers and shape', async () => {
  const { lp } = await loadLossPlay();
  const t = lp.tensor(new Float64Array([1, -2.5, 3e-300, 4]), [2, 2]);
  assert.deepEqual(t.shape, [2, 2]);
  assert.equal(t.size, 4);
  sameNumbers(t.read(), [1, -2.5, 3e-300, 4], 'read');
  assert.deepEqual(lp.tensor([7, 8, 9]).shape, [3], 'the shape defaults to [length]');
  const e = thrown(() => lp.tensor([1, 2, 3], [2, 2]));
  assert.equal(e.code, 'count_mismatch');
  assert.equal(thrown(() => lp.tensor(['1', 2])).code, 'argument_element_not_number');
});

test('lp.parseTensor from text and from bytes gives what lp.parse gives', async () => {
  const { lp } = await loadLossPlay();
  const text = '1.5, 2\n-3e2 ４\n0.1 -0\n';
  const parsed = lp.parse(text);
  for (const source of [text, bytes(text)]) {
    const h = lp.parseTensor(source);
    assert.deepEqual(h.shape, parsed.shape);
    sameNumbers(h.read(), parsed.data, 'parseTensor');
    h.free();
  }
  const e = thrown(() => lp.parseTensor(bytes('1 2\n3 x4')));
  assert.equal(e.code, 'not_a_number');
  assert.deepEqual([e.line, e.column, e.token], [2, 3, 'x4']);
});

test('column(j) of a [rows, cols] tensor is that column, and refuses other columns', async () => {
  const { lp } = await loadLossPlay();
  const table = lp.parseTensor('1 10 100\n2 20 200\n3 30 300\n4 40 400');
  const c = table.column(1);
  assert.deepEqual(c.shape, [4]);
  sameNumbers(c.read(), [10, 20, 30, 40], 'column 1');
  sameNumbers(table.column(2).read(), [100, 200, 300, 400], 'column 2');
  for (const j of [3, -1, 0.5]) {
    const e = thrown(() => table.column(j));
    assert.equal(e.code, 'column_out_of_range', `column(${j})`);
  }
  assert.equal(thrown(() => c.column(0)).code, 'column_out_of_range', 'a 1-D tensor has no columns');
});

test('compute with handles gives bit for bit what it gives with arrays, terms included', async () => {
  const { lp } = await loadLossPlay();
  const n = 1001;
  const x = new Float64Array(n), y = new Float64Array(n), s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = Math.sin(i) * 3;
    y[i] = Math.cos(i * 0.7) * 2;
    s[i] = i % 3 ? 1 : -1;
  }
  const hx = lp.tensor(x), hy = lp.tensor(y), hs = lp.tensor(s);
  const cases = [
    ['mse_loss', { input: x, target: y }, { input: hx, target: hy }, {}],
    ['l1_loss', { input: x, target: y }, { input: hx, target: hy }, { reduction: 'sum' }],
    ['huber_loss', { input: x, target: y }, { input: hx, target: hy }, { delta: 0.5 }],
    ['hinge_embedding_loss', { input: x, target: s }, { input: hx, target: hs }, {}],
    ['soft_margin_loss', { input: x, target: s }, { input: hx, target: hs }, { reduction: 'none' }],
  ];
  for (const [loss, plain, resident, options] of cases) {
    const a = lp.compute(loss, plain, options), b = lp.compute(loss, resident, options);
    sameNumbers(b.loss.data, a.loss.data, `${loss} loss`);
    sameNumbers(b.grad.data, a.grad.data, `${loss} grad`);
    sameNumbers(b.terms.data, a.terms.data, `${loss} terms`);
    const none = lp.compute(loss, resident, { ...options, reduction: 'none' });
    sameNumbers(b.terms.data, none.loss.data, `${loss} terms against reduction none`);
    assert.ok(b.grad.data instanceof Float64Array && b.terms.data instanceof Float64Array);
  }
});

test('a freed handle is refused with tensor_freed wherever it is used', async () => {
  const { lp } = await loadLossPlay();
  const t = lp.tensor([1, 2, 3]);
  const other = lp.tensor([1, 2, 4]);
  t.free();
  t.free(); // twice does nothing
  assert.equal(t.freed, true);
  assert.equal(thrown(() => t.read()).code, 'tensor_freed');
  assert.equal(thrown(() => t.column(0)).code, 'tensor_freed');
  const e = thrown(() => lp.compute('mse_loss', { input: t, target: other }));
  assert.equal(e.code, 'tensor_freed');
  assert.equal(e.params.arg, 'input');
  assert.equal(lp.compute('mse_loss', { input: other, target: [1, 2, 3] }).value, 1 / 3, 'other handles still work');
});

test('outputs stay valid when the wasm memory grows afterwards', async () => {
  const { lp } = await loadLossPlay();
  const r = lp.compute('mse_loss', { input: [1, 2, 3], target: [0, 0, 0] }, { reduction: 'none' });
  const big = lp.tensor(new Float64Array(4e6)); // 32 MB: grows the heap
  sameNumbers(r.grad.data, [2, 4, 6], 'grad after growth');
  sameNumbers(r.terms.data, [1, 4, 9], 'terms after growth');
  big.free();
});

test('lp.parse reads UTF-8 bytes as it reads text, errors placed in code points', async () => {
  const { lp } = await loadLossPlay();
  const text = '１，2；3\r\n4 5 6';
  const a = lp.parse(text), b = lp.parse(bytes(text));
  assert.deepEqual(b.shape, a.shape);
  sameNumbers(b.data, a.data, 'parse(bytes)');
  const bad = '１　２ 三\n';
  const e1 = thrown(() => lp.parse(bad)), e2 = thrown(() => lp.parse(bytes(bad)));
  assert.deepEqual([e2.code, e2.line, e2.column, e2.token], [e1.code, e1.line, e1.column, e1.token]);
  assert.deepEqual([e2.line, e2.column, e2.token], [1, 5, '三']);
  assert.equal(thrown(() => lp.parse(new Uint16Array(3))).code, 'text_not_string');
});
