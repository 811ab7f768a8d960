/* The study note's worked examples, as the page's presets. Numbers are the
 * note's own; each preset also picks the losses that section discusses.
 * Loading one is a state patch (state/serialize.js presetPatch). */
export const PRESETS = [
  {
    id: 'mse',
    label: 'MSE example',
    labelZh: '均方误差示例',
    predictions: '1 3 5',
    targets: '2 4 6',
    losses: ['mse_loss', 'rmse'],
  },
  {
    id: 'mae',
    label: 'MAE example',
    labelZh: '平均绝对误差示例',
    predictions: '1 3 5',
    targets: '2 5 7',
    losses: ['l1_loss', 'mse_loss'],
  },
  {
    id: 'huber',
    label: 'Huber example',
    labelZh: 'Huber 示例',
    predictions: '2.5 3.2 3.8',
    targets: '2 3 4',
    losses: ['huber_loss', 'mse_loss', 'l1_loss'],
    options: { huber_loss: { delta: 1 } },
  },
  {
    id: 'cross_entropy',
    label: 'Cross-entropy example',
    labelZh: '交叉熵示例',
    predictions: '0.7 0.2 0.1\n0.1 0.8 0.1\n0.2 0.3 0.5',
    targets: '1 0 0\n0 1 0\n0 0 1',
    losses: ['cross_entropy'],
  },
  {
    id: 'hinge',
    label: 'Hinge example',
    labelZh: '铰链损失示例',
    predictions: '0.8 -0.9 0.7 -0.6',
    targets: '1 -1 1 -1',
    losses: ['hinge', 'hinge_embedding_loss'],
  },
];
