/* The fit view's charts: the fitted lines over the data, the loss
 * landscapes and the player of the optimiser's path (web/src/fit/views/). */

export const fitChartsStrings = {
  // ---- the fitted lines ----
  'fitCharts.linesTitle': { en: 'The data and each loss’s fitted line', zh: '数据与各损失函数拟合出的直线' },
  'fitCharts.classesTitle': { en: 'The data and each loss’s decision curve', zh: '数据与各损失函数的决策曲线' },
  'fitCharts.axisX': { en: 'x', zh: 'x' },
  'fitCharts.axisY': { en: 'y', zh: 'y' },
  'fitCharts.axisClass': { en: 'class, and p = σ(w·x + b)', zh: '类别，及 p = σ(w·x + b)' },
  'fitCharts.pointsGroup': { en: 'Data points: drag one, or focus it and press ↑ ↓ (Shift: larger steps), ← → for the next', zh: '数据点：拖动某个点，或聚焦后按 ↑ ↓ 移动（按住 Shift 步长更大），← → 换下一个点' },
  'fitCharts.point': { en: 'point {i}: x = {x}, y = {y}', zh: '第 {i} 个点：x = {x}，y = {y}' },
  'fitCharts.pointName': { en: 'point {i} (x = {x})', zh: '第 {i} 个点（x = {x}）' },
  'fitCharts.pointClass': { en: 'point {i}: x = {x}, class {y}', zh: '第 {i} 个点：x = {x}，类别 {y}' },
  'fitCharts.tooManyToDrag': { en: 'With {n|# point|# points} the points are not draggable (up to {max} are).', zh: '共 {n} 个点，点不可拖动（最多 {max} 个点时可拖动）。' },
  'fitCharts.legendAt': { en: 'w = {w}, b = {b}', zh: 'w = {w}，b = {b}' },
  'fitCharts.legendOptimum': { en: 'exact optimum (dashed): w = {w}, b = {b}', zh: '精确最优解（虚线）：w = {w}，b = {b}' },
  'fitCharts.legendBoundary': { en: 'decision boundary x = −b/w = {x} (score w·x + b > 0 on the arrow’s side: class {high})', zh: '决策边界 x = −b/w = {x}（箭头一侧得分 w·x + b > 0：类别 {high}）' },
  'fitCharts.legendNoBoundary': { en: 'no decision boundary: w = 0', zh: '没有决策边界：w = 0' },
  'fitCharts.legendCurve': { en: 'curve p = σ(w·x + b)', zh: '曲线 p = σ(w·x + b)' },
  'fitCharts.labelsSigned': { en: 'labels given to the loss as −1 and +1', zh: '标签以 −1 和 +1 交给损失函数' },
  'fitCharts.labelsUnit': { en: 'labels given to the loss as 0 and 1', zh: '标签以 0 和 1 交给损失函数' },
  'fitCharts.diverged': { en: 'diverged at step {step}: learning rate too large', zh: '在第 {step} 步发散：学习率过大' },
  'fitCharts.leftDomain': { en: 'stopped at step {step}: the path left the loss’s domain', zh: '在第 {step} 步停止：路径离开了损失函数的定义域' },
  'fitCharts.notIdentifiable': { en: 'no single optimum: many (w, b) fit equally well', zh: '没有唯一的最优解：许多 (w, b) 拟合得一样好' },
  'fitCharts.noFiniteOptimum': { en: 'no finite optimum: the loss keeps falling as |w| grows', zh: '没有有限的最优解：|w| 越大损失越小' },
  'fitCharts.sentenceLines': {
    en: '{n|# point|# points} with one fitted line ŷ = w·x + b per loss, in the loss’s colour: solid at step {k} of the path, dashed at the exact optimum. {fits}',
    zh: '{n} 个数据点，每个损失函数一条拟合直线 ŷ = w·x + b（用该损失的颜色）：实线是路径第 {k} 步，虚线是精确最优解。{fits}',
  },
  'fitCharts.sentenceClasses': {
    en: '{n|# point|# points} at their classes (bottom and top). For BCE and focal loss the curve p = σ(w·x + b); for hinge and squared hinge, whose outputs are scores, not probabilities, the vertical line where the score w·x + b changes sign. Solid at step {k} of the path, dashed at the exact optimum. {fits}',
    zh: '{n} 个数据点画在各自的类别上（下方与上方）。BCE 与 focal 损失画曲线 p = σ(w·x + b)；hinge 与 squared hinge 的输出是得分而不是概率，画得分 w·x + b 变号处的竖线。实线是路径第 {k} 步，虚线是精确最优解。{fits}',
  },
  'fitCharts.sentenceFit': { en: '{loss}: w = {w}, b = {b}.', zh: '{loss}：w = {w}，b = {b}。' },
  'fitCharts.sentenceFitNote': { en: '{loss}: {note}.', zh: '{loss}：{note}。' },
  'fitCharts.noData': { en: 'No data to draw yet.', zh: '还没有可画的数据。' },

  // ---- the landscape ----
  'fitCharts.landscapeTitle': { en: 'Loss landscape of {loss}', zh: '{loss} 的损失曲面' },
  'fitCharts.axisW': { en: 'slope w', zh: '斜率 w' },
  'fitCharts.axisB': { en: 'intercept b', zh: '截距 b' },
  'fitCharts.colourScale': { en: 'F(w, b), log colour scale', zh: 'F(w, b)，对数色标' },
  'fitCharts.outside': { en: 'outside the loss’s domain', zh: '超出损失函数的定义域' },
  'fitCharts.optimumMark': { en: 'optimum ({w}, {b})', zh: '最优解 ({w}, {b})' },
  'fitCharts.start': { en: 'start of the path: w = {w}, b = {b}. Drag it, or press the arrow keys (Shift: larger steps)', zh: '路径起点：w = {w}，b = {b}。可拖动，或按方向键移动（按住 Shift 步长更大）' },
  'fitCharts.grid': { en: '{columns} × {rows} grid', zh: '{columns} × {rows} 网格' },
  'fitCharts.sentenceLandscape': {
    en: '{loss}: the path of {n|# optimiser step|# optimiser steps} from ({w0}, {b0}) ends at ({w}, {b}); {optimum}.',
    zh: '{loss}：优化器从 ({w0}, {b0}) 出发走了 {n} 步，停在 ({w}, {b})；{optimum}。',
  },
  'fitCharts.sentenceDiverged': {
    en: '{loss}: the path from ({w0}, {b0}) {status}; {optimum}.',
    zh: '{loss}：从 ({w0}, {b0}) 出发的路径{status}；{optimum}。',
  },
  'fitCharts.sentenceNoPath': { en: '{loss}: {optimum}.', zh: '{loss}：{optimum}。' },
  'fitCharts.noExact': { en: 'no exact optimum was computed', zh: '没有计算精确最优解' },
  'fitCharts.optimumIs': { en: 'the exact optimum is ({w}, {b})', zh: '精确最优解是 ({w}, {b})' },
  'fitCharts.noLandscape': { en: 'No landscape for {loss}.', zh: '{loss} 没有损失曲面。' },
  'fitCharts.contours': { en: 'Lines: equal loss (log-spaced).', zh: '等高线：损失相等（按对数间隔）。' },

  // ---- the player ----
  'fitCharts.player': { en: 'The optimiser’s path', zh: '优化器的路径' },
  'fitCharts.play': { en: 'Play', zh: '播放' },
  'fitCharts.pause': { en: 'Pause', zh: '暂停' },
  'fitCharts.back': { en: 'Step back', zh: '后退一步' },
  'fitCharts.forward': { en: 'Step forward', zh: '前进一步' },
  'fitCharts.speed': { en: 'Speed', zh: '速度' },
  'fitCharts.frame': { en: 'Step of the path', zh: '路径的步数' },
  'fitCharts.stepOf': { en: 'step {k} of {n}', zh: '第 {k} 步，共 {n} 步' },
};
