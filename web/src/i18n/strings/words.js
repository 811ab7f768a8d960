/* Short words the page puts inside other texts: a reduction's name in a
 * table cell, a legend or a gradient's label, and the words of formulas
 * (\text{…} in the registry's TeX) in the page's language. */

export const wordStrings = {
  'reductionWord.mean': { en: 'mean', zh: '求均值' },
  'reductionWord.sum': { en: 'sum', zh: '求和' },
  'reductionWord.none': { en: 'none', zh: '不归约' },
  'reductionWord.batchmean': { en: 'batchmean', zh: '按批求均值' },
  'mathWord.otherwise': { en: 'otherwise', zh: '其他情况' },
  'mathWord.default': { en: 'default', zh: '默认' },
  'mathWord.the term inside': { en: 'the term inside', zh: '为其中的项' },
};
