/* The study note's worked examples, one per section, as the page's presets.
 * Numbers are the note's own where it gives them; each preset also picks
 * the losses that section discusses. Loading one is a state patch
 * (state/serialize.js presetPatch); activePreset tells which one the view
 * still shows (its button is pressed). */
export const PRESETS = [
  {
    id: 'mse',
    label: 'MSE',
    labelZh: '均方误差',
    predictions: '1 3 5',
    targets: '2 4 6',
    losses: ['mse_loss', 'rmse'],
    // The first view: its formulas come with the page (scripts/site/render-formulas.js);
    // the other presets' with the later chunk, as any other loss's (weight budget).
    formulasFirst: true,
  },
  {
    // The RMSE section takes the square root of the MSE example.
    id: 'rmse',
    label: 'RMSE',
    labelZh: '均方根误差',
    predictions: '1 3 5',
    targets: '2 4 6',
    losses: ['rmse'],
  },
  {
    id: 'mae',
    label: 'MAE',
    labelZh: '平均绝对误差',
    predictions: '1 3 5',
    targets: '2 5 7',
    losses: ['l1_loss', 'mse_loss'],
  },
  {
    id: 'huber',
    label: 'Huber',
    labelZh: 'Huber',
    predictions: '2.5 3.2 3.8',
    targets: '2 3 4',
    losses: ['huber_loss', 'mse_loss', 'l1_loss'],
    options: { huber_loss: { delta: 1 } },
  },
  {
    // The MSLE section gives a formula but no numbers: the note's first
    // regression example, beside MSE for comparison.
    id: 'msle',
    label: 'MSLE',
    labelZh: '均方对数误差',
    predictions: '1 3 5',
    targets: '2 4 6',
    losses: ['mse_loss', 'msle'],
  },
  {
    id: 'cross_entropy',
    label: 'Cross-entropy',
    labelZh: '交叉熵',
    predictions: '0.7 0.2 0.1\n0.1 0.8 0.1\n0.2 0.3 0.5',
    targets: '1 0 0\n0 1 0\n0 0 1',
    losses: ['cross_entropy'],
  },
  {
    // The BCE section gives no numbers: sigmoid outputs (probabilities) with
    // 0/1 labels, as it describes, for the hinge example's four samples.
    id: 'bce',
    label: 'BCE',
    labelZh: '二元交叉熵',
    predictions: '0.8 0.1 0.7 0.2',
    targets: '1 0 1 0',
    losses: ['binary_cross_entropy'],
  },
  {
    id: 'hinge',
    label: 'Hinge',
    labelZh: '铰链损失',
    predictions: '0.8 -0.9 0.7 -0.6',
    targets: '1 -1 1 -1',
    losses: ['hinge', 'hinge_embedding_loss'],
  },
];

const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

/** The id of the preset the state still shows (its numbers, losses and options), or null once the user edits away. */
export function activePreset(state) {
  if (!state || !state.texts || Object.values(state.big || {}).some(Boolean)) return null;
  for (const p of PRESETS) {
    if (state.texts.predictions !== p.predictions || state.texts.targets !== p.targets) continue;
    if (!sameSet(state.losses, p.losses)) continue;
    const optionsKept = Object.entries(p.options || {}).every(([loss, values]) => Object.entries(values)
      .every(([name, v]) => state.options[loss] && String(state.options[loss][name]).trim() !== '' && Number(state.options[loss][name]) === v));
    if (optionsKept) return p.id;
  }
  return null;
}
