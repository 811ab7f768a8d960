'use strict';
// The JS API under hostile and extreme input, as a stranger's code or a
// crafted page would call it: random shapes for every argument of every
// loss (optional ones too, mismatched on purpose), values near the ends of
// float64, things that are not data at all. Every refusal must be a
// LossPlayError with a code, params and a sentence (never a bare word from
// inside the core, never a TypeError), and finite inputs must never give an
// Infinity or NaN without saying so. A seeded generator makes every run the
// same; a failure prints the call that caused it.

const test = require('node:test');
const assert = require('node:assert/strict');
const { loadLossPlay } = require('./lossplay-dist.js');
const { generator } = require('../fuzz/random.js');

const EXTREME = [0, 1, -1, 0.5, 2, -100, 1e300, -1e300, 1e155, -1e155, 1e-300, 5e-324, 1.7976931348623157e308, 3, 7];

// A message a user can act on is a sentence, not a word such as "vector".
function assertSentence(e, call) {
  assert.ok(e instanceof Error, `${call}: threw ${e}`);
  assert.equal(e.name, 'LossPlayError', `${call}: threw a ${e.name} (${e.message})`);
  assert.equal(typeof e.code, 'string', `${call}: the error has no code (${e.message})`);
  assert.ok(e.code.length > 0, `${call}: empty code`);
  assert.ok(e.params && typeof e.params === 'object', `${call}: the error has no params`);
  assert.ok(/\s/.test(e.message.trim()) && e.message.length >= 12, `${call}: a bare message ${JSON.stringify(e.message)}`);
}

function describe(loss, args, options) {
  const shapes = Object.entries(args).map(([k, v]) => `${k}: [${v.shape}] = ${Array.from(v.data).slice(0, 4)}`);
  return `${loss}(${shapes.join('; ')}, ${JSON.stringify(options)})`;
}

test('random shapes for every argument of every loss: a result or a sentence', async () => {
  const { lp } = await loadLossPlay();
  const rand = generator(7);
  let refused = 0;
  let computed = 0;
  for (let k = 0; k < 6000; k++) {
    const loss = rand.pick(lp.losses);
    const args = {};
    // Most arguments share one shape, so that some calls get past the checks.
    const randomShape = () => Array.from({ length: rand.int(4) }, () => rand.int(5));
    const common = randomShape();
    for (const a of loss.args) {
      if (!a.required && rand.int(2)) continue;
      const shape = rand.int(10) < 7 ? common.slice() : randomShape();
      const n = shape.reduce((x, y) => x * y, 1);
      args[a.name] = { data: Float64Array.from({ length: n }, () => rand.int(3) - 1 + rand.next()), shape };
    }
    const options = { reduction: rand.pick([...loss.reductions, 'bogus']) };
    for (const o of loss.options) if (rand.int(3) === 0) options[o.name] = o.type === 'boolean' ? rand.int(2) === 1 : rand.pick(EXTREME);
    const call = describe(loss.name, args, options);
    try {
      const r = lp.compute(loss.name, args, options);
      computed++;
      assert.ok(r.grad.data instanceof Float64Array, `${call}: a gradient`);
    } catch (e) {
      refused++;
      assertSentence(e, call);
      assert.notEqual(e.kind, 'internal', `${call}: an internal error (${e.message})`);
    }
  }
  assert.ok(computed > 300 && refused > 300, `both paths are exercised (${computed} computed, ${refused} refused)`);
});

test('finite inputs never give Infinity or NaN silently: an overflow error names the element', async () => {
  const { lp } = await loadLossPlay();
  const rand = generator(11);
  const silent = [];
  for (let k = 0; k < 4000 && silent.length < 5; k++) {
    const loss = rand.pick(lp.losses.filter((l) => l.args.every((a) => !a.required || ['prediction', 'target'].includes(a.role))));
    const target = loss.args.find((a) => a.role === 'target');
    const n = 1 + rand.int(4);
    const x = Float64Array.from({ length: n }, () => rand.pick(EXTREME) * (rand.int(2) ? 1 : -1));
    // Targets a loss accepts: labels, probabilities or anything, by group.
    const y = Float64Array.from({ length: n }, () => rand.pick([0, 1, -1, 0.5, 1e300, 1e155, 2]));
    const options = {};
    for (const o of loss.options) if (rand.int(2) && o.type === 'real') options[o.name] = rand.pick(EXTREME);
    const args = { input: { data: x, shape: [n] } };
    if (target) args[target.name] = { data: y, shape: [n] };
    const call = describe(loss.name, args, options);
    try {
      const r = lp.compute(loss.name, args, options);
      const bad = [...r.loss.data, ...r.grad.data].find((v) => !Number.isFinite(v));
      if (bad !== undefined) silent.push(`${call} gave ${bad}`);
    } catch (e) {
      assertSentence(e, call);
      if (e.code === 'overflow') {
        assert.match(e.message, /\[\d+\]/, `${call}: the overflow names its element`);
      }
    }
  }
  assert.deepEqual(silent, [], 'non-finite results returned without a word');
});

test('what is not data is refused with a LossPlayError, never a TypeError', async () => {
  const { lp } = await loadLossPlay();
  const bare = Object.create(null);
  bare.data = [1, 2];
  const trap = {};
  Object.defineProperty(trap, 'data', { get() { throw new Error('getter ran'); } });
  const cases = [
    ['parse(null-prototype object)', () => lp.parse(Object.create(null))],
    ['parse(symbol)', () => lp.parse(Symbol('x'))],
    ['parse(object whose toString throws)', () => lp.parse({ toString() { throw new Error('boom'); } })],
    // Data in a null-prototype object is still data: computed, or refused in words.
    ['compute(null-prototype args)', () => lp.compute('mse_loss', Object.assign(Object.create(null), { input: [1], target: [2] })), true],
    ['compute(input null-prototype tensor)', () => lp.compute('mse_loss', { input: bare, target: [1, 2] }), true],
    ['compute(BigInt64Array)', () => lp.compute('mse_loss', { input: new BigInt64Array(2), target: [1, 2] })],
    ['compute(DataView)', () => lp.compute('mse_loss', { input: new DataView(new ArrayBuffer(16)), target: [1, 2] })],
    ['compute(throwing getter)', () => lp.compute('mse_loss', { input: trap, target: [1, 2] })],
    ['compute(string data)', () => lp.compute('mse_loss', { input: '1 2', target: [1, 2] })],
    ['compute(symbol name)', () => lp.compute(Symbol('mse'), { input: [1], target: [1] })],
    ['compute(shape of strings)', () => lp.compute('mse_loss', { input: { data: [1, 2], shape: ['2'] }, target: [1, 2] })],
    ['compute(shape too large)', () => lp.compute('mse_loss', { input: { data: [1, 2], shape: [2 ** 40, 2 ** 40] }, target: [1, 2] })],
    ['compute(option an object)', () => lp.compute('huber_loss', { input: [1], target: [2] }, { delta: { valueOf: () => 1 } })],
    ['compute(options null-prototype)', () => lp.compute('huber_loss', { input: [1], target: [2] }, Object.create(null)), true],
  ];
  for (const [call, f, mayPass] of cases) {
    let error = null;
    try {
      f();
    } catch (e) {
      error = e;
    }
    if (mayPass && error === null) continue;
    assert.ok(error, `${call}: refused`);
    assertSentence(error, call);
  }
});
