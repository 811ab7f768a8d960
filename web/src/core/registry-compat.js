/* TEMPORARY, deleted at merge: reads the registry fields the C++ side adds
 * (loss.shortZh, arg.shapeEn / arg.shapeZh) and, while they are absent,
 * falls back to the tables below (what web/i18n.js held before). Nothing
 * else in web/src knows these tables. When the core's registry carries the
 * fields, delete the tables and keep the three readers (or inline them). */

// Chinese short names by loss name (the registry has English ones only, for now).
const SHORT_ZH = {
  mse_loss: 'MSE',
  rmse: 'RMSE',
  l1_loss: 'MAE',
  huber_loss: 'Huber',
  smooth_l1_loss: '平滑 L1',
  msle: 'MSLE',
  mape: 'MAPE',
  log_cosh: '对数双曲余弦',
  quantile: '分位数',
  binary_cross_entropy: 'BCE',
  binary_cross_entropy_with_logits: 'BCE（logits）',
  sigmoid_focal_loss: '焦点损失',
  hinge: '铰链',
  squared_hinge: '平方铰链',
  soft_margin_loss: '软间隔',
  hinge_embedding_loss: '铰链嵌入',
  cross_entropy: '交叉熵',
  nll_loss: 'NLL',
  multi_margin_loss: '多分类间隔',
  multilabel_soft_margin_loss: '多标签软间隔',
  categorical_hinge: '分类铰链',
  margin_ranking_loss: '排序间隔',
  cosine_embedding_loss: '余弦嵌入',
  triplet_margin_loss: '三元组间隔',
  poisson_nll_loss: '泊松 NLL',
  gaussian_nll_loss: '高斯 NLL',
  kl_div: 'KL 散度',
  poisson: '泊松（Keras）',
};

// The registry's argument shapes in Chinese, by their exact English text.
const SHAPE_ZH = {
  'any shape': '任意形状',
  'any shape, each value > -1': '任意形状，每个值 > -1',
  'any shape, each value > -1e-7': '任意形状，每个值 > -1e-7',
  'any shape, probabilities in [0, 1]': '任意形状，概率值在 [0, 1] 内',
  'any shape: raw scores (logits)': '任意形状：原始分数（logits）',
  'any shape: scores': '任意形状：分数',
  'any shape: distances': '任意形状：距离',
  'any shape: log-probabilities': '任意形状：对数概率',
  'same as input': '与 input 相同',
  'same as input, each value > -1': '与 input 相同，每个值 > -1',
  'same as input, or [C]': '与 input 相同，或 [C]',
  'same as input, labels in [0, 1]': '与 input 相同，标签在 [0, 1] 内',
  'same as input, labels in {0, 1}': '与 input 相同，标签取 0 或 1',
  'same as input, labels in {-1, +1}': '与 input 相同，标签取 -1 或 +1',
  'same as input, one-hot rows': '与 input 相同，每行为 one-hot',
  'same as input (one dimension may be 1)': '与 input 相同（可以有一个维度为 1）',
  'same as input, or with the last dimension 1 or left out (one per row)': '与 input 相同，或最后一维为 1 或省略（每行一个）',
  'same as input1': '与 input1 相同',
  'same as input1, labels in {-1, +1}': '与 input1 相同，标签取 -1 或 +1',
  'same as anchor': '与 anchor 相同',
  '[C]': '[C]',
  '[C] or same as input': '[C]，或与 input 相同',
  '[N] class indices': '[N]，类别索引',
  '[N] class indices, or [N, C] probabilities / one-hot': '[N] 类别索引，或 [N, C] 概率 / one-hot',
  '[N, C], [N, C, d1, ...] or [C]: raw scores (logits)': '[N, C]、[N, C, d1, ...] 或 [C]：原始分数（logits）',
  '[N, C], [N, C, d1, ...] or [C]: log-probabilities': '[N, C]、[N, C, d1, ...] 或 [C]：对数概率',
  '[N, C] or [C]: scores': '[N, C] 或 [C]：分数',
  '[N, C] or [C]: raw scores (logits)': '[N, C] 或 [C]：原始分数（logits）',
  '[N, D] or [D]: embeddings': '[N, D] 或 [D]：嵌入向量',
  '[N] (or a scalar), labels in {-1, +1}': '[N]（或标量），标签取 -1 或 +1',
};

/** The loss's short name in `lang` ('en' | 'zh'). */
export function shortNameOf(loss, lang) {
  if (!loss) return '';
  if (lang === 'zh') {
    if (typeof loss.shortZh === 'string' && loss.shortZh) return loss.shortZh;
    if (SHORT_ZH[loss.name]) return SHORT_ZH[loss.name];
  }
  return String(loss.shortName != null ? loss.shortName : loss.name);
}

/** An argument's shape text in `lang`. */
export function shapeOf(arg, lang) {
  if (!arg) return '';
  const en = typeof arg.shapeEn === 'string' ? arg.shapeEn : String(arg.shape == null ? '' : arg.shape);
  if (lang !== 'zh') return en;
  if (typeof arg.shapeZh === 'string' && arg.shapeZh) return arg.shapeZh;
  return Object.prototype.hasOwnProperty.call(SHAPE_ZH, en) ? SHAPE_ZH[en] : en;
}

/** An option's range text in `lang` (the registry writes it in English). */
export function rangeOf(opt, lang) {
  const s = String(opt && opt.range != null ? opt.range : '');
  if (lang !== 'zh') return s;
  if (typeof opt.rangeZh === 'string' && opt.rangeZh) return opt.rangeZh;
  const m = /^a whole number in (.+)$/.exec(s);
  if (m) return `${m[1]} 内的整数`;
  if (s === 'true or false') return 'true 或 false';
  return s;
}

/** For the tests: whether the registry already carries the merged fields. */
export const registryHasLanguageFields = (losses) => losses.every((l) => typeof l.shortZh === 'string');
