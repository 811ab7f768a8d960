/* The fit view's words that CODE's modules write: the presets' names, the
 * label mappings, the label errors, the PyTorch program's comments, the
 * results table, the code view and the outlier sentence. */

export const fitTextStrings = {
  // Presets (presets.js).
  'fit.preset.note': { en: 'Small example', zh: '小例子' },
  'fit.preset.outlier': { en: 'A line with one outlier', zh: '一条直线加一个离群点' },
  'fit.preset.heavy': { en: 'Heavy-tailed noise', zh: '重尾噪声' },
  'fit.preset.classes': { en: 'Two classes on a line', zh: '直线上的两类点' },

  // Labels (labels.js).
  'fit.labels.toSigned': { en: '{loss} takes labels −1 and +1: 0 was read as −1.', zh: '{loss} 使用标签 −1 和 +1：0 按 −1 处理。' },
  'fit.labels.toUnit': { en: '{loss} takes labels 0 and 1: −1 was read as 0.', zh: '{loss} 使用标签 0 和 1：−1 按 0 处理。' },
  'error.fit_labels_for_logits': {
    en: '{arg}{index} is {value}: {loss} takes labels 0 and 1 (or soft labels between them), or −1 and +1',
    zh: '{arg}{index} 为 {value}：{loss} 使用标签 0 和 1（或介于两者之间的软标签），或 −1 和 +1',
  },
  'error.fit_labels_for_margin': {
    en: '{arg}{index} is {value}: {loss} takes labels −1 and +1, or 0 and 1',
    zh: '{arg}{index} 为 {value}：{loss} 使用标签 −1 和 +1，或 0 和 1',
  },
  'error.fit_labels_mixed': {
    en: '{arg}{otherIndex} is {other} but {arg}{index} is {value}: labels are either 0 and 1 or −1 and +1, not both',
    zh: '{arg}{otherIndex} 为 {other}，而 {arg}{index} 为 {value}：标签要么用 0 和 1，要么用 −1 和 +1，不能混用',
  },
  'error.fit_loss_not_offered': { en: '{loss} is not one of the losses this view fits', zh: '{loss} 不在此视图可拟合的损失之列' },

  // The PyTorch program (pytorch-fit.js).
  'fit.code.header': {
    en: 'lossplay: the line ŷ = w·x + b fitted with {loss} by {optimizer}, in float64 as on the page.',
    zh: 'lossplay：以 {loss} 为损失、用{optimizer}拟合直线 ŷ = w·x + b，与页面一样使用 float64。',
  },
  'fit.code.prints': { en: 'It prints the path as the page drew it: step, w, b, loss.', zh: '它打印页面上画出的路径：步数、w、b、损失。' },
  'fit.code.gd': { en: 'gradient descent', zh: '梯度下降' },
  'fit.code.momentum': { en: 'gradient descent with momentum', zh: '带动量的梯度下降' },
  // Spaced in Chinese: the header writes "用{optimizer}拟合", and a Latin word between
  // Chinese characters takes a space on each side (用 Adam 拟合, 用梯度下降拟合).
  'fit.code.adam': { en: 'Adam', zh: ' Adam ' },
  'fit.code.slope': { en: 'the slope, from the start', zh: '斜率，从起点出发' },
  'fit.code.intercept': { en: 'the intercept, from the start', zh: '截距，从起点出发' },
  'fit.code.tolerance': { en: 'the page stops once |dF/dw| and |dF/db| are this small', zh: '|dF/dw| 与 |dF/db| 都不超过此值时页面停止' },
  'fit.code.fromFile': {
    en: '{count|# point|# points}: more than this code writes out, so x and y are read from {file} (one "x y" pair a line). Put it beside this script.',
    zh: '共 {count} 个点，多于代码中直接写出的数量，因此从 {file} 读取 x 和 y（每行一对 "x y"）。请把该文件放在脚本旁边。',
  },
  'fit.code.noCode': { en: 'no PyTorch code is known for {loss}', zh: '没有 {loss} 的 PyTorch 代码' },

  // The code view (views/code-view.js).
  'fit.codeView.title': { en: 'PyTorch code for this fit', zh: '此拟合的 PyTorch 代码' },
  'fit.codeView.pick': { en: 'Code for', zh: '代码对应的损失' },
  'fit.codeView.copy': { en: 'Copy', zh: '复制' },
  'fit.codeView.copyLabel': { en: 'Copy the PyTorch code', zh: '复制 PyTorch 代码' },
  'fit.codeView.copied': { en: 'Copied', zh: '已复制' },
  'fit.codeView.selected': { en: 'Selected: press Ctrl+C (⌘C on a Mac) to copy', zh: '已选中：按 Ctrl+C（Mac 上为 ⌘C）复制' },
  'fit.codeView.download': { en: 'Download {file}', zh: '下载 {file}' },
  'fit.codeView.none': { en: 'Select a loss that could be fitted to see its code.', zh: '选择一个能够拟合的损失即可看到代码。' },

  // The results table (views/results-table.js).
  'fit.table.caption': {
    en: 'w and b fitted with each loss (ŷ = w·x + b, or p = σ(w·x + b) for a classifier): where the optimiser got to, and the exact optimum',
    zh: '用各损失拟合的 w 与 b（模型见上方说明）：优化器到达的位置与精确最优解',
  },
  'fit.table.captionFrame': {
    en: 'w and b fitted with each loss (ŷ = w·x + b, or p = σ(w·x + b) for a classifier), at step {step} of the animation, and the exact optimum',
    zh: '用各损失拟合的 w 与 b（模型见上方说明）：动画第 {step} 步的位置与精确最优解',
  },
  'fit.table.loss': { en: 'Loss', zh: '损失函数' },
  'fit.table.w': { en: 'slope w', zh: '斜率 w' },
  'fit.table.b': { en: 'intercept b', zh: '截距 b' },
  'fit.table.value': { en: 'final loss', zh: '最终损失' },
  'fit.table.valueFrame': { en: 'loss', zh: '损失' },
  'fit.table.steps': { en: 'steps', zh: '步数' },
  'fit.table.status': { en: 'status', zh: '状态' },
  'fit.table.optW': { en: 'optimum w', zh: '最优解 w' },
  'fit.table.optB': { en: 'optimum b', zh: '最优解 b' },
  'fit.status.converged': { en: 'converged (the gradient vanished)', zh: '已收敛（梯度趋于零）' },
  'fit.status.ran_all_steps': { en: '{steps|ran its one step|ran all # steps}', zh: '已走完全部 {steps} 步' },
  'fit.status.diverged': { en: 'diverged at step {step}: {reason}; not a result', zh: '在第 {step} 步发散：{reason}；不是拟合结果' },
  'fit.status.playing': { en: 'step {step} of {last} shown (the path: {end})', zh: '显示第 {step} 步，共 {last} 步（整条路径：{end}）' },
  'fit.reason.non_finite': { en: 'the loss or a parameter became infinite or NaN', zh: '损失或参数变为无穷大或 NaN' },
  'fit.reason.exploding': { en: 'the loss grew without bound (try a smaller learning rate)', zh: '损失无限增大（请减小学习率）' },
  'fit.reason.msle_domain': { en: 'the line went below ŷ = −1, where MSLE is undefined', zh: '直线落到 ŷ = −1 以下，MSLE 在那里无定义' },
  'fit.reason.other': { en: 'the loss could not be evaluated ({code})', zh: '无法计算损失（{code}）' },
  'fit.optimum.not_identifiable': {
    en: 'any w: every x is the same, so only w·x + b matters (w = 0 shown)',
    zh: 'w 不唯一：所有 x 都相同，只有 w·x + b 起作用（取 w = 0）',
  },
  'fit.optimum.no_finite_optimum': {
    en: 'none: the loss keeps falling as |w| or |b| grows (the classes are separable or all alike)',
    zh: '不存在：|w| 或 |b| 越大损失越小（两类可以完全分开或只有一类）',
  },
  'fit.optimum.none': { en: 'not computed', zh: '未计算' },
  'fit.table.noPath': { en: 'no path', zh: '无路径' },
  'fit.table.error': { en: 'not fitted: {message}', zh: '未能拟合：{message}' },
  'fit.table.empty': { en: 'No loss is selected.', zh: '尚未选择损失函数。' },

  // The outlier lesson (sentence.js).
  'fit.shift.movedFirst': { en: "{loss}'s slope moved from {from} to {to}", zh: '{loss} 的斜率从 {from} 变为 {to}' },
  'fit.shift.moved': { en: "{loss}'s moved from {from} to {to}", zh: '{loss} 的斜率从 {from} 变为 {to}' },
  'fit.shift.stayed': { en: "{loss}'s stayed at {at}", zh: '{loss} 的斜率保持在 {at}' },
  'fit.shift.join': { en: '; ', zh: '；' },
  'fit.shift.end': { en: '.', zh: '。' },
};
