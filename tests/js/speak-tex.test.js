// The formulas' spoken forms (scripts/site/speak-tex.js): every formula of
// the registry can be spoken in both languages, and a few read as a person
// would say them.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { speakTex } = require('../../scripts/site/speak-tex.js');
const { loadLossPlay } = require('./lossplay-dist.js');

test('every formula and gradient of the registry has words in English and Chinese, no TeX left', async () => {
  const { lp } = await loadLossPlay();
  for (const loss of lp.losses) {
    for (const field of ['formula', 'gradient']) {
      const { en, zh } = speakTex(loss[field]);
      for (const [lang, words] of [['en', en], ['zh', zh]]) {
        assert.ok(words.length > 10, `${loss.name} ${field} ${lang}: ${words}`);
        assert.doesNotMatch(words, /[\\{}^&]|(?<![a-z])_(?![a-z])/, `${loss.name} ${field} ${lang}: TeX left in "${words}"`);
      }
      assert.match(zh, /[\u4e00-\u9fff]/, `${loss.name} ${field}: no Chinese in "${zh}"`);
    }
  }
});

test('the MSE formula, a gradient and a case split read as words', () => {
  assert.deepEqual(speakTex('L = \\frac{1}{n}\\sum_{i=1}^{n}(\\hat{y}_i - y_i)^2'), {
    en: 'L equals 1 over n times the sum over i from 1 to n of left paren y hat sub i minus y sub i right paren squared',
    zh: 'L 等于 n 分之 1 乘以 对 i 从 1 到 n 求和，左括号 y 帽 下标 i 减 y 下标 i 右括号 的平方',
  });
  assert.equal(speakTex('\\frac{\\partial L}{\\partial \\hat{y}_i} = -\\frac{1}{n}').en,
    'the partial derivative of L with respect to y hat sub i equals negative 1 over n');
  assert.equal(speakTex('\\begin{cases}a & y_i = 1\\\\ 0 & \\text{otherwise}\\end{cases}').en, 'in cases: a if y sub i equals 1; 0 otherwise');
  assert.equal(speakTex('\\begin{cases}a & y_i = 1\\\\ 0 & \\text{otherwise}\\end{cases}').zh, '分情况：当 y 下标 i 等于 1 时为 a；其他情况为 0');
  assert.equal(speakTex('\\left|x\\right|').en, 'the absolute value of x, end absolute value');
});

test('TeX it does not know is an error naming the formula, not words that mislead', () => {
  assert.throws(() => speakTex('\\int_0^1 x'), /unknown command \\int in "\\\\int_0\^1 x"/);
});
