/* The charts' texts for the tables behind "Show as a table" and for long
 * data (envelope, density, the table of largest values): they come with
 * views/charts/tables.js and scale.js in the page's lazily loaded chunk,
 * not in the first load. */

export const chartsLongStrings = {
  'charts.envelopeNote': { en: 'All {total} samples are drawn: each column spans the smallest to the largest of its {per} or so samples; numbered marks are the largest.', zh: '全部 {total} 个样本都已画出：每列约 {per} 个样本，从最小值画到最大值；编号标出最大的几个。' },
  'charts.densityNote': { en: '{total} points: the darker a cell, the more samples in it; circles mark the {k} farthest from ŷ = y.', zh: '共 {total} 个点：格子越深，其中样本越多；圆圈标出离 ŷ = y 最远的 {k} 个。' },
  'charts.samplesRange': { en: 'samples {a}–{b}', zh: '样本 {a}–{b}' },
  'charts.elementsRange': { en: 'elements {a} to {b}', zh: '元素 {a} 至 {b}' },
  'charts.rangeValue': { en: '{lo} to {hi}', zh: '{lo} 至 {hi}' },
  'charts.topTableCaption': { en: 'Each loss’s {k} largest per-sample losses, of {total} samples (ties in row order)', zh: '每个损失函数最大的 {k} 个逐样本损失（共 {total} 个样本；相同值按行号排列）' },
  'charts.topGradTableCaption': { en: 'Each loss’s {k} largest gradients in size, of {total} inputs (ties in row order)', zh: '每个损失函数绝对值最大的 {k} 个梯度（共 {total} 个输入；相同值按行号排列）' },
  'charts.colLoss': { en: 'Loss', zh: '损失函数' },
  'charts.colRank': { en: 'Rank', zh: '排名' },
  'charts.colValue': { en: 'Loss of the sample', zh: '该样本的损失' },
  'charts.colGradient': { en: '∂L/∂ŷ', zh: '∂L/∂ŷ' },
  'charts.colTarget': { en: 'y', zh: 'y' },
  'charts.colPrediction': { en: 'ŷ', zh: 'ŷ' },
  'charts.colResidual': { en: 'ŷ − y', zh: 'ŷ − y' },
  'charts.curveTableCaption': { en: '{title}: loss of one sample, every {stride}th of {n} points', zh: '{title}：单个样本的损失，{n} 个点中每隔 {stride} 个取一个' },
  'charts.gradTableCaption': { en: '{title}: {what}, every {stride}th of {n} points', zh: '{title}：{what}，{n} 个点中每隔 {stride} 个取一个' },
  'charts.barsTableCaption': { en: 'Loss of each sample (reduction none)', zh: '每个样本的损失（reduction 为 none）' },
  'charts.gradBarsTableCaption': { en: '∂L/∂ŷ for each input, with each loss’s reduction', zh: '每个输入的 ∂L/∂ŷ（按各损失的 reduction）' },
  'charts.scatterTableCaption': { en: 'Each prediction and its target', zh: '每个预测值及其真实值' },
  'charts.firstRows': { en: 'The table lists the first {shown} of {total} rows.', zh: '表格只列出 {total} 行中的前 {shown} 行。' },
};
