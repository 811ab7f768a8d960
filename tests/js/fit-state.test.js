// The fit lab's keys of the link (state/schema.js): `view` and `fit` are
// optional (a link made before them still opens), and a fit is refused,
// with the field named, when a type, a length, a loss, a number, the
// learning rate or the step count is wrong. toLink/fromLink round-trip it.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { importWeb } = require('./support/web-src.js');
const { loadLossPlay } = require('./lossplay-dist.js');

let schema;
let serialize;
let store;
let lp;
let i18n;
test.before(async () => {
  schema = await importWeb('state/schema.js');
  serialize = await importWeb('state/serialize.js');
  store = await importWeb('state/store.js');
  i18n = await importWeb('i18n/translate.js');
  i18n.addStrings((await importWeb('i18n/strings/share.js')).shareStrings);
  i18n.addStrings((await importWeb('i18n/strings/fit-shell.js')).fitShareStrings);
  ({ lp } = await loadLossPlay());
});

const BASE = { v: 1, lang: 'en', theme: null, reduction: 'mean', losses: ['mse_loss'], options: {}, data: { predictions: '1', targets: '1', extra: {} }, columns: null };
const FIT = { x: '1 2 3', y: '3 5 7', losses: ['mse_loss', 'l1_loss'], options: { huber_loss: { delta: 0.5 } }, optimizer: 'adam', lr: 0.05, steps: 500, start: [0, 0] };

test('a link without view and fit opens as before; with them they come back in canonical form', () => {
  const old = schema.validate(BASE, lp);
  assert.equal('view' in old, false);
  assert.equal('fit' in old, false);
  const both = schema.validate(Object.assign({}, BASE, { view: 'fit', fit: FIT }), lp);
  assert.equal(both.view, 'fit');
  assert.deepEqual(both.fit, Object.assign({}, FIT, { moved: null, preset: null }));
  assert.equal('view' in schema.validate(Object.assign({}, BASE, { view: 'scores' }), lp), false, 'the default view is left out');
});

test('a bad fit is refused with its field named', () => {
  const cases = [
    [{ view: 'charts' }, 'view'],
    [{ fit: Object.assign({}, FIT, { x: 3 }) }, 'fit.x'],
    [{ fit: Object.assign({}, FIT, { x: 'x'.repeat(1024 * 1024 + 1) }) }, 'fit.x'],
    [{ fit: Object.assign({}, FIT, { losses: ['not_a_loss'] }) }, 'not_a_loss'],
    [{ fit: Object.assign({}, FIT, { options: { huber_loss: { delta: Infinity } } }) }, 'options.huber_loss.delta'],
    [{ fit: Object.assign({}, FIT, { optimizer: 'sgd' }) }, 'fit.optimizer'],
    [{ fit: Object.assign({}, FIT, { lr: 0 }) }, 'fit.lr'],
    [{ fit: Object.assign({}, FIT, { lr: -0.1 }) }, 'fit.lr'],
    [{ fit: Object.assign({}, FIT, { steps: 0 }) }, 'fit.steps'],
    [{ fit: Object.assign({}, FIT, { steps: 10001 }) }, 'fit.steps'],
    [{ fit: Object.assign({}, FIT, { steps: 2.5 }) }, 'fit.steps'],
    [{ fit: Object.assign({}, FIT, { start: [0, NaN] }) }, 'fit.start'],
    [{ fit: Object.assign({}, FIT, { start: [0] }) }, 'fit.start'],
    [{ fit: Object.assign({}, FIT, { moved: { index: -1, y: 2 } }) }, 'fit.moved.index'],
    [{ fit: Object.assign({}, FIT, { moved: { index: 1, y: '2' } }) }, 'fit.moved.y'],
    [{ fit: Object.assign({}, FIT, { extra: 1 }) }, 'fit.extra'],
    [{ fit: { x: '1' } }, 'fit.y'],
    [{ fit: Object.assign({}, FIT, { split: 'targets' }) }, 'fit.split'],
  ];
  for (const [patch, field] of cases) {
    assert.throws(() => schema.validate(Object.assign({}, BASE, patch), lp), (e) => {
      assert.ok(e instanceof schema.ShareLinkError, `${field}: ${e}`);
      assert.ok(e.message.includes(field), `${field} named in: ${e.message}`);
      assert.match(e.message, /Nothing from it was applied\.$/);
      return true;
    }, field);
  }
  assert.equal(schema.validate(Object.assign({}, BASE, { fit: Object.assign({}, FIT, { steps: 10000, lr: 1e-9 }) }), lp).fit.steps, 10000, 'the bounds are allowed');
});

test('the store\'s view and fit go into the link and come back as a patch', () => {
  const state = Object.assign(store.initialState('en'), { losses: ['mse_loss'], texts: { predictions: '1', targets: '1' }, view: 'fit',
    fit: Object.assign({}, FIT, { moved: { index: 2, y: 20 }, preset: 'note', split: 'y' }) });
  const link = schema.validate(serialize.toLink(state, lp), lp);
  assert.equal(link.view, 'fit');
  assert.deepEqual(link.fit, state.fit);
  const patch = serialize.fromLink(link);
  assert.equal(patch.view, 'fit');
  assert.deepEqual(patch.fit, state.fit);
  assert.equal(serialize.fromLink(schema.validate(BASE, lp)).view, 'scores', 'an old link opens the scores');
  const embed = serialize.embedPatch(new URLSearchParams('view=fit'), store.initialState('en'), lp, true);
  assert.equal(embed.patch.view, 'fit', 'view=fit in an embed');
});
