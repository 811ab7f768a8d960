/* The outlier experiment. */

export const outlierStrings = {
  'outlier.toggle': { en: 'Add an outlier', zh: '加入一个离群点' },
  'outlier.size': { en: 'Outlier residual ŷ − y', zh: '离群点的误差 ŷ − y' },
  'outlier.help': {
    en: 'One extra sample with this residual joins the data (y at the mean of y) in every result, chart, export and link; your text is left as it is.',
    zh: '在数据中额外加入一个误差为该值的样本（y 取 y 的平均值），所有结果、图表、导出和链接都包含它；输入框中的文字不会改变。',
  },
  'outlier.col.without': { en: 'Without the outlier', zh: '不含离群点' },
  'outlier.ratio': { en: '(with it: ×{times})', zh: '（含离群点：×{times}）' },
  'outlier.unsupported': {
    en: 'The outlier needs ŷ and y as two lists of the same length.',
    zh: '离群点实验需要 ŷ 和 y 是等长的一维数据。',
  },
};
