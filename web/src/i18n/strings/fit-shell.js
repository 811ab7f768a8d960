/* The fit lab's frame: the tabs (fitTabStrings, in the page's first load:
 * they show before the lab is opened), why a link's fit keys are refused
 * (fitShareStrings, in the later chunk with share.js's) and the fit panel's
 * own words (fitShellStrings, in lossplay-fitlab.js). */

export const fitTabStrings = {
  'view.tabs': { en: 'Views', zh: '视图' },
  'view.scores': { en: 'Scores', zh: '评分' },
  'view.fit': { en: 'Fit lab', zh: '拟合实验' },
  'view.loading': { en: 'Loading the fit lab…', zh: '正在加载拟合实验…' },
  'view.loadFailed': { en: 'The fit lab could not be loaded: {message}', zh: '拟合实验加载失败：{message}' },
};

export const fitShareStrings = {
  'share.expectView': { en: '"scores" or "fit"', zh: '“scores”或“fit”' },
  'share.expectOptimizer': { en: '"gd", "momentum" or "adam"', zh: '“gd”、“momentum”或“adam”' },
  'share.expectPositive': { en: 'a number above 0', zh: '大于 0 的数' },
  'share.expectSteps': { en: 'a whole number from 1 to {max}', zh: '1 到 {max} 之间的整数' },
  'share.expectPair': { en: 'two numbers [w, b]', zh: '两个数 [w, b]' },
  'share.expectBox': { en: '"x" or "y"', zh: '“x”或“y”' },
};

export const fitShellStrings = {
  'fit.intro': {
    en: 'The model is ŷ = w·x + b (for a classifier, p = σ(w·x + b)). Each selected loss fits its own line to your points with the optimiser you choose, and its exact optimum is marked too.',
    zh: '模型为 ŷ = w·x + b（分类时为 p = σ(w·x + b)）。每个选中的损失函数用你选择的优化器各自拟合一条直线，并标出它的精确最优解。',
  },
  'fit.data': { en: 'Data', zh: '数据' },
  'fit.x': { en: 'x (inputs)', zh: 'x（输入）' },
  'fit.y': { en: 'y (targets)', zh: 'y（目标值）' },
  'fit.dataHint': {
    en: 'Numbers separated by spaces, commas or new lines; a two-column table in either box gives x and y.',
    zh: '用空格、逗号或换行分隔的数字；在任一框中粘贴两列表格即可同时得到 x 和 y。',
  },
  'fit.presets': { en: 'Examples', zh: '示例' },
  'fit.openFile': { en: 'Open a file…', zh: '打开文件…' },
  'fit.fileRead': { en: 'Read {name}: {n|# point|# points}.', zh: '已读取 {name}：{n} 个点。' },
  'fit.fileFailed': { en: '{name} could not be read: {message}', zh: '无法读取 {name}：{message}' },
  'fit.split': { en: 'The table gave x (its first column) and y (its second).', zh: '表格的第一列作为 x，第二列作为 y。' },
  'fit.splitAside': {
    en: 'The table in {box} gave x (its first column) and y (its second); the other box’s numbers are set aside, its text kept.',
    zh: '{box} 中的表格给出了 x（第一列）和 y（第二列）；另一个框中的数字暂不使用，其文本保持不变。',
  },
  'fit.read': { en: '{n|# point|# points}', zh: '{n} 个点' },
  // compute-fit.js's own error codes (translated like the core's, by code).
  'error.fit_lengths': { en: 'x has {nx|# number|# numbers} and y has {ny}: each x needs its y.', zh: 'x 有 {nx} 个数，y 有 {ny} 个：每个 x 都需要对应的 y。' },
  'error.fit_empty': { en: 'Give some numbers in x and y to fit.', zh: '在 x 和 y 中填入数字即可拟合。' },
  'fit.losses': { en: 'Losses', zh: '损失函数' },
  'fit.regression': { en: 'Regression: ŷ = w·x + b', zh: '回归：ŷ = w·x + b' },
  'fit.classification': { en: 'Classification: p = σ(w·x + b)', zh: '分类：p = σ(w·x + b)' },
  'fit.optionBad': { en: '{option} must be a number in {range}.', zh: '{option} 必须是 {range} 中的数。' },
  'fit.training': { en: 'Training', zh: '训练' },
  'fit.optimizer': { en: 'Optimiser', zh: '优化器' },
  'fit.opt.gd': { en: 'Gradient descent', zh: '梯度下降' },
  'fit.opt.momentum': { en: 'Momentum', zh: '动量' },
  'fit.opt.adam': { en: 'Adam', zh: 'Adam' },
  'fit.lr': { en: 'Learning rate', zh: '学习率' },
  'fit.steps': { en: 'Steps', zh: '步数' },
  'fit.start': { en: 'Start: w = {w}, b = {b}', zh: '起点：w = {w}，b = {b}' },
  'fit.resetStart': { en: 'Start from (0, 0)', zh: '从 (0, 0) 出发' },
  'fit.lrBad': { en: 'The learning rate must be a number above 0.', zh: '学习率必须是大于 0 的数。' },
  'fit.stepsBad': { en: 'Steps must be a whole number from 1 to 10000.', zh: '步数必须是 1 到 10000 之间的整数。' },
  'fit.results': { en: 'Fit results', zh: '拟合结果' },
  'fit.chart': { en: 'The data and each loss’s line', zh: '数据与各损失函数的拟合直线' },
  'fit.landscapes': { en: 'Loss landscapes', zh: '损失曲面' },
  'fit.landscapesHint': {
    en: 'Each loss over (w, b) with the optimiser’s path; drag the start point to run again from there.',
    zh: '每个损失函数在 (w, b) 上的取值与优化路径；拖动起点即可从那里重新运行。',
  },
  'fit.code': { en: 'PyTorch code', zh: 'PyTorch 代码' },
  'fit.smallGrid': { en: 'Large data: the landscapes use {n}×{n} cells.', zh: '数据较多：损失曲面使用 {n}×{n} 个格点。' },
  'fit.moved': { en: 'Point {n} moved to y = {y}.', zh: '第 {n} 个点移到了 y = {y}。' },
  'fit.undoMove': { en: 'Put it back', zh: '放回原处' },
  'fit.noLoss': { en: 'Choose a loss to fit.', zh: '请选择一个损失函数进行拟合。' },
};
