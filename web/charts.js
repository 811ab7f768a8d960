/* Teaching charts: loss curves and gradient curves drawn from the core over a
 * grid, per-sample loss and gradient bars with the largest contributors
 * marked, and ŷ against y. Every loss value and gradient plotted comes from
 * lp.compute; this file only lays out grids, places samples and draws.
 * Each chart has a one-sentence summary and a table for screen readers.
 * Needs uPlot (global) in the page; loads in Node too (no DOM use at load). */
(function (ui) {
  'use strict';

  const GRID_STEPS = 400; // a curve has GRID_STEPS + 1 points
  const TABLE_STRIDE = 20; // the curve tables list every 20th grid point
  const TABLE_ROWS = 200; // per-sample tables stop here and say so
  const MAX_BARS = 1000;
  const MAX_POINTS = 5000; // scatter
  const MAX_MARKS = 500; // samples circled on the curves
  const TOP = 3; // largest contributors marked
  const SLIDER_OPTIONS = ['delta', 'beta', 'margin', 'tau', 'gamma', 'alpha', 'label_smoothing'];
  // Slider ends for options the registry leaves unbounded.
  const VISIBLE_RANGE = { delta: [0, 5], beta: [0, 5], gamma: [0, 5], margin: [0, 3], alpha: [0, 1] };

  // ---- strings (English and Simplified Chinese) ----

  const STRINGS = {
    curvesTitle: { en: 'Loss curves', zh: '损失曲线' },
    barsTitle: { en: 'Loss per sample', zh: '每个样本的损失' },
    gradTitle: { en: 'Gradient ∂L/∂ŷ', zh: '梯度 ∂L/∂ŷ' },
    scatterTitle: { en: 'Predictions against targets', zh: '预测值与真实值' },
    showTable: { en: 'Show as a table', zh: '以表格显示' },
    kindResidual: { en: 'Against the residual ŷ − y', zh: '随残差 ŷ − y 变化' },
    kindProbability: { en: 'Against the probability given to the true class', zh: '随真实类别的预测概率变化' },
    kindMargin: { en: 'Against the margin y·ŷ', zh: '随间隔 y·ŷ 变化' },
    kindInput: { en: 'Against the input ŷ, for a fixed y', zh: '随输入 ŷ 变化（y 固定）' },
    kindCosine: { en: 'Against the cosine similarity', zh: '随余弦相似度变化' },
    axisResidual: { en: 'residual ŷ − y', zh: '残差 ŷ − y' },
    axisProbability: { en: 'p, probability of the true class', zh: 'p：真实类别的预测概率' },
    axisMargin: { en: 'margin y·ŷ (> 0: right side)', zh: '间隔 y·ŷ（> 0 为分对）' },
    axisInput: { en: 'ŷ, the loss’s input', zh: 'ŷ：损失的输入' },
    axisCosine: { en: 'cosine similarity cos(x₁, x₂)', zh: '余弦相似度 cos(x₁, x₂)' },
    axisLoss: { en: 'loss', zh: '损失' },
    axisLossPerPoint: { en: 'loss of one sample', zh: '单个样本的损失' },
    axisGradPerPoint: { en: '∂L/∂ŷ of one sample', zh: '单个样本的 ∂L/∂ŷ' },
    axisGradProbability: { en: '∂L/∂p of one sample', zh: '单个样本的 ∂L/∂p' },
    axisGradMargin: { en: '∂L/∂(y·ŷ) of one sample', zh: '单个样本的 ∂L/∂(y·ŷ)' },
    noteGradP: { en: 'Along p the gradient is with respect to the true class’s probability (or logit): for a sample with y = 0 that is −∂L/∂ŷ.', zh: '沿 p 轴的梯度是对真实类别的概率（或 logit）求导：对 y = 0 的样本，它等于 −∂L/∂ŷ。' },
    noteGradMargin: { en: 'Along the margin the gradient is with respect to y·ŷ: for a sample with y = −1 that is −∂L/∂ŷ.', zh: '沿间隔轴的梯度是对 y·ŷ 求导：对 y = −1 的样本，它等于 −∂L/∂ŷ。' },
    axisGrad: { en: '∂L/∂ŷ', zh: '∂L/∂ŷ' },
    axisSample: { en: 'sample', zh: '样本' },
    axisElement: { en: 'element', zh: '元素' },
    axisTarget: { en: 'target y', zh: '真实值 y' },
    axisPrediction: { en: 'prediction ŷ', zh: '预测值 ŷ' },
    colSample: { en: 'Sample', zh: '样本' },
    colElement: { en: 'Element', zh: '元素' },
    colTarget: { en: 'y', zh: 'y' },
    colPrediction: { en: 'ŷ', zh: 'ŷ' },
    colResidual: { en: 'ŷ − y', zh: 'ŷ − y' },
    legendTarget: { en: 'y', zh: 'y' },
    legendPrediction: { en: 'ŷ', zh: 'ŷ' },
    sampleN: { en: 'sample {n}', zh: '样本 {n}' },
    elementN: { en: 'element {n}', zh: '元素 {n}' },
    tagY: { en: 'y = {y}', zh: 'y = {y}' },
    tagVar: { en: 'var = 1', zh: 'var = 1' },
    tagTwoClasses: { en: '2 classes', zh: '2 类' },
    tagTarget1: { en: 'target 1', zh: '目标 1' },
    tagLogit: { en: '∂/∂ logit', zh: '对 logit 求导' },
    tagLogP: { en: '∂/∂ log p', zh: '对 log p 求导' },
    tagX1: { en: '∂/∂x₁', zh: '对 x₁ 求导' },
    curveTableCaption: { en: '{title}: loss of one sample, every {stride}th of {n} points', zh: '{title}：单个样本的损失，{n} 个点中每隔 {stride} 个取一个' },
    gradTableCaption: { en: '{title}: {what}, every {stride}th of {n} points', zh: '{title}：{what}，{n} 个点中每隔 {stride} 个取一个' },
    barsTableCaption: { en: 'Loss of each sample (reduction none)', zh: '每个样本的损失（reduction 为 none）' },
    gradBarsTitle: { en: 'For each input, with each loss’s reduction', zh: '每个输入的梯度（按各损失的 reduction）' },
    gradBarsTableCaption: { en: '∂L/∂ŷ for each input, with each loss’s reduction', zh: '每个输入的 ∂L/∂ŷ（按各损失的 reduction）' },
    scatterTableCaption: { en: 'Each prediction and its target', zh: '每个预测值及其真实值' },
    firstRows: { en: 'The table lists the first {shown} of {total} rows.', zh: '表格只列出 {total} 行中的前 {shown} 行。' },
    firstBars: { en: 'The chart shows the first {shown} of {total}.', zh: '图中只显示 {total} 个中的前 {shown} 个。' },
    noLosses: { en: 'Select a loss to see its curve.', zh: '选择一个损失函数即可看到曲线。' },
    noData: { en: 'Paste predictions and targets to see this chart.', zh: '粘贴预测值和真实值即可看到此图。' },
    noPerSample: { en: 'None of the selected losses gives a value per sample.', zh: '所选损失函数都不给出逐样本的值。' },
    noScatter: { en: 'ŷ against y needs one target per prediction; here they have {p} and {y} numbers.', zh: 'ŷ 与 y 的散点图需要每个预测值对应一个真实值；这里分别有 {p} 个和 {y} 个数。' },
    noGradCurve: { en: 'No gradient curve.', zh: '没有梯度曲线。' },
    noteBatchOnly: { en: '{loss} is defined on the whole batch only ({reductions}), so it has no per-sample curve.', zh: '{loss} 只对整批数据定义（{reductions}），所以没有单样本曲线。' },
    noteNoSlice: { en: '{loss} has no one-number slice to draw here.', zh: '{loss} 没有可以画成一维曲线的切片。' },
    noteFailed: { en: '{loss}: no curve ({message}).', zh: '{loss}：无法画曲线（{message}）。' },
    noteMsleY: { en: '{loss} depends on y as well as on ŷ − y: the curve is for y = {y}.', zh: '{loss} 不仅取决于 ŷ − y，也取决于 y：曲线取 y = {y}。' },
    noteGaussian: { en: '{loss}: the curve uses var = 1.', zh: '{loss}：曲线取 var = 1。' },
    noteBce: { en: '{loss}: a sample with y = 0 sits at p = 1 − ŷ.', zh: '{loss}：y = 0 的样本位于 p = 1 − ŷ 处。' },
    noteLogits: { en: '{loss} takes logits: the curve feeds it logit(p), and its gradient is with respect to that logit.', zh: '{loss} 的输入是 logit：曲线输入 logit(p)，梯度也是对这个 logit 求导。' },
    noteTwoClasses: { en: '{loss}: two classes, scores arranged so the true class gets p.', zh: '{loss}：两个类别，分数使真实类别的概率为 p。' },
    noteTwoClassMargin: { en: '{loss}: two classes; the margin is the true class’s score minus the other’s.', zh: '{loss}：两个类别；间隔为真实类别分数减去另一类的分数。' },
    noteKl: { en: '{loss}: one element whose target probability is 1.', zh: '{loss}：目标概率为 1 的单个元素。' },
    noteRanking: { en: '{loss}: the margin is y·(x₁ − x₂).', zh: '{loss}：间隔为 y·(x₁ − x₂)。' },
    noteTriplet: { en: '{loss}: x is d(anchor, negative) − d(anchor, positive).', zh: '{loss}：x 为 d(anchor, negative) − d(anchor, positive)。' },
    noteFixedY: { en: '{loss}: the curve is for y = {y}.', zh: '{loss}：曲线取 y = {y}。' },
    noteNoGrad: { en: '{loss}: no gradient curve, since its gradient is with respect to a vector.', zh: '{loss}：梯度是对向量求的，所以没有梯度曲线。' },
    noteMarks: { en: 'Circles mark your samples that lie on a curve.', zh: '圆圈标出落在曲线上的样本。' },
    curvesSummary: { en: 'Drawn by the core over a grid. Highest on the plotted range: {list}.', zh: '由计算核心在网格上算出。绘图范围内的最大值：{list}。' },
    curveMax: { en: '{label} {value} at {x}', zh: '{label} 在 {x} 处为 {value}' },
    barsSummary: { en: 'Largest contributors: {list}.', zh: '贡献最大的样本：{list}。' },
    barsAllZero: { en: '{loss} is 0 for every sample', zh: '{loss} 对每个样本都为 0' },
    gradSummary: { en: 'Largest gradients in size: {list}.', zh: '绝对值最大的梯度：{list}。' },
    scatterSummary: { en: '{n} predictions against their targets; the dashed line is ŷ = y. Farthest from it: {which} (y {y}, ŷ {p}).', zh: '{n} 个预测值与真实值；虚线为 ŷ = y。离它最远的是{which}（y {y}，ŷ {p}）。' },
    scatterExact: { en: '{n} predictions against their targets; every one lies on the line ŷ = y.', zh: '{n} 个预测值与真实值；全部落在 ŷ = y 上。' },
    listSep: { en: '; ', zh: '；' },
    itemSep: { en: ', ', zh: '，' },
    sliderLabel: { en: 'Slider: {option} of {loss}', zh: '{loss}：{option} 滑块' },
    undefinedValue: { en: 'undefined', zh: '无定义' },
  };

  // Through the page's i18n module when it is loaded (keys "charts.*"),
  // else from the table above; ui.lang picks the language.
  let registered = null;
  function t(key, params) {
    const i18n = ui.i18n;
    if (i18n && typeof i18n.t === 'function' && typeof i18n.register === 'function') {
      if (registered !== i18n) {
        const entries = {};
        for (const [k, v] of Object.entries(STRINGS)) entries[`charts.${k}`] = v;
        i18n.register(entries);
        registered = i18n;
      }
      return i18n.t(`charts.${key}`, params);
    }
    const entry = STRINGS[key];
    const zh = typeof ui.lang === 'string' && ui.lang.toLowerCase().startsWith('zh');
    const text = entry ? (zh && entry.zh) || entry.en : key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (params && params[name] != null ? String(params[name]) : m));
  }

  function errorText(e) {
    if (ui.i18n && typeof ui.i18n.translateError === 'function') {
      try {
        return ui.i18n.translateError(e);
      } catch (err) { /* fall back to the core's English */ }
    }
    return e.message;
  }

  // A loss's short name, in Chinese when the i18n table has one.
  function lossName(spec) {
    return ui.i18n && typeof ui.i18n.shortName === 'function' ? ui.i18n.shortName(spec) : spec.shortName;
  }

  // ---- numbers ----

  // Six significant digits without trailing zeros: tables and captions.
  function fmt(v) {
    if (v === null || v === undefined || Number.isNaN(v)) return t('undefinedValue');
    if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
    return String(Number(v.toPrecision(6)));
  }

  // Ten significant digits: the hover legend, where exact values are asked for.
  function fmtFull(v) {
    if (v === null || v === undefined || Number.isNaN(v)) return '—';
    if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
    return String(Number(v.toPrecision(10)));
  }

  // The smallest of 1, 2, 2.5, 3, 4, 5 × 10^k that is at least v.
  function niceUp(v) {
    const power = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 3, 4, 5, 10]) if (m * power >= v * (1 - 1e-12)) return m * power;
    return 10 * power;
  }

  const consts = (n, v) => new Float64Array(n).fill(v);
  const mapX = (xs, f) => Float64Array.from(xs, f);
  const logit = (p) => Math.log(p) - Math.log1p(-p);
  const sigmoid = (z) => 1 / (1 + Math.exp(-z));

  // A [G, width] tensor whose row i is row(xs[i]).
  function rowsOf(xs, width, row) {
    const data = new Float64Array(xs.length * width);
    for (let i = 0; i < xs.length; i++) data.set(row(xs[i]), i * width);
    return { data, shape: [xs.length, width] };
  }

  function argmax(values) {
    let best = 0;
    for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
    return best;
  }

  // ---- where each sample sits on its loss's x axis ----

  // x per element, for losses that take ŷ and y element by element.
  const elementX = (f) => (model) => {
    const p = model.prediction && model.prediction.data;
    const y = model.target && model.target.data;
    if (!p || !y || p.length !== y.length) return null;
    return Float64Array.from(p, (v, i) => f(v, y[i]));
  };

  // x per row of [N, C] scores; the true class is an index or a one-hot row.
  const rowX = (f) => (model) => {
    const P = model.prediction;
    const Y = model.target;
    if (!P || !Y || P.shape.length !== 2) return null;
    const [n, c] = P.shape;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const row = P.data.subarray(i * c, (i + 1) * c);
      let k;
      if (Y.shape.length === 1 && Y.data.length === n) k = Y.data[i];
      else if (Y.shape.length === 2 && Y.shape[0] === n && Y.shape[1] === c) k = argmax(Y.data.subarray(i * c, (i + 1) * c));
      else return null;
      out[i] = Number.isInteger(k) && k >= 0 && k < c ? f(row, k) : NaN;
    }
    return out;
  };

  function softmaxAt(row, k) {
    const top = Math.max(...row);
    let sum = 0;
    for (const v of row) sum += Math.exp(v - top);
    return Math.exp(row[k] - top) / sum;
  }

  function scoreMargin(row, k) {
    let other = -Infinity;
    for (let j = 0; j < row.length; j++) if (j !== k) other = Math.max(other, row[j]);
    return row[k] - other;
  }

  // ---- the one-number slice of each loss ----

  // A slice: {kind, curves: [{args(xs, options), tag?, dash?, stride?}], sampleX?, note?, gradTag?, noGrad?, guides?}.
  // curves[].args builds the loss's arguments so that grid value x is the
  // plotted quantity; stride picks the gradient element that moves with x.
  const guide = (name, label, sign) => (options) => {
    const v = options[name];
    if (!Number.isFinite(v)) return [];
    return sign ? [{ x: -v, label }, { x: v, label }] : [{ x: v, label }];
  };

  function residual(y, extra) {
    return Object.assign({
      kind: 'residual',
      curves: [{ args: (xs) => ({ input: mapX(xs, (r) => y + r), target: consts(xs.length, y) }), tag: y ? () => t('tagY', { y }) : null }],
      sampleX: elementX((p, v) => p - v),
    }, extra);
  }

  const probabilityOf = (p, v) => v * p + (1 - v) * (1 - p);
  const yEqualsOne = () => t('tagY', { y: 1 });

  const SLICES = {
    mse_loss: residual(0),
    l1_loss: residual(0),
    huber_loss: residual(0, { guides: guide('delta', 'δ', true) }),
    smooth_l1_loss: residual(0, { guides: guide('beta', 'β', true) }),
    log_cosh: residual(0),
    quantile: residual(0),
    msle: residual(1, { note: (loss) => t('noteMsleY', { loss, y: 1 }) }),
    mape: residual(1, { note: (loss) => t('noteMsleY', { loss, y: 1 }) }),
    gaussian_nll_loss: {
      kind: 'residual',
      curves: [{ args: (xs) => ({ input: xs, target: consts(xs.length, 0), var: consts(xs.length, 1) }), tag: () => t('tagVar') }],
      sampleX: elementX((p, v) => p - v),
      note: (loss) => t('noteGaussian', { loss }),
    },
    binary_cross_entropy: {
      kind: 'probability',
      curves: [{ args: (ps) => ({ input: ps, target: consts(ps.length, 1) }) }],
      sampleX: elementX(probabilityOf),
      note: (loss) => t('noteBce', { loss }),
    },
    binary_cross_entropy_with_logits: {
      kind: 'probability',
      curves: [{ args: (ps) => ({ input: mapX(ps, logit), target: consts(ps.length, 1) }) }],
      sampleX: elementX((z, v) => probabilityOf(sigmoid(z), v)),
      gradTag: () => t('tagLogit'),
      note: (loss) => t('noteLogits', { loss }),
    },
    sigmoid_focal_loss: {
      kind: 'probability',
      curves: [{ args: (ps) => ({ input: mapX(ps, logit), target: consts(ps.length, 1) }), tag: yEqualsOne }],
      sampleX: elementX((z, v) => probabilityOf(sigmoid(z), v)),
      gradTag: () => t('tagLogit'),
      note: (loss) => t('noteLogits', { loss }),
    },
    cross_entropy: {
      kind: 'probability',
      curves: [{
        args: (ps) => ({ input: rowsOf(ps, 2, (p) => [logit(p), 0]), target: consts(ps.length, 0) }),
        stride: 2,
      }],
      sampleX: rowX(softmaxAt),
      gradTag: () => t('tagLogit'),
      note: (loss) => t('noteTwoClasses', { loss }),
    },
    nll_loss: {
      kind: 'probability',
      curves: [{
        args: (ps) => ({ input: rowsOf(ps, 2, (p) => [Math.log(p), Math.log1p(-p)]), target: consts(ps.length, 0) }),
        stride: 2,
      }],
      sampleX: rowX((row, k) => Math.exp(row[k])),
      gradTag: () => t('tagLogP'),
      note: (loss) => t('noteTwoClasses', { loss }),
    },
    multilabel_soft_margin_loss: {
      kind: 'probability',
      curves: [{ args: (ps) => ({ input: rowsOf(ps, 1, (p) => [logit(p)]), target: rowsOf(ps, 1, () => [1]) }) }],
      sampleX: (model) => (model.prediction && model.prediction.shape.length === 2 && model.prediction.shape[1] === 1
        ? elementX((z, v) => probabilityOf(sigmoid(z), v))(model) : null),
      gradTag: () => t('tagLogit'),
      note: (loss) => t('noteLogits', { loss }),
    },
    kl_div: {
      kind: 'probability',
      curves: [{ args: (ps, o) => ({ input: mapX(ps, Math.log), target: consts(ps.length, o.log_target ? 0 : 1) }), tag: () => t('tagTarget1') }],
      sampleX: elementX((logp) => Math.exp(logp)),
      gradTag: () => t('tagLogP'),
      note: (loss) => t('noteKl', { loss }),
    },
    hinge: { kind: 'margin', curves: [{ args: (ms) => ({ input: ms, target: consts(ms.length, 1) }) }], sampleX: elementX((p, v) => p * v), guides: guide('margin', 'm') },
    squared_hinge: { kind: 'margin', curves: [{ args: (ms) => ({ input: ms, target: consts(ms.length, 1) }) }], sampleX: elementX((p, v) => p * v), guides: guide('margin', 'm') },
    soft_margin_loss: { kind: 'margin', curves: [{ args: (ms) => ({ input: ms, target: consts(ms.length, 1) }) }], sampleX: elementX((p, v) => p * v) },
    categorical_hinge: {
      kind: 'margin',
      curves: [{ args: (ms) => ({ input: rowsOf(ms, 2, (m) => [m, 0]), target: rowsOf(ms, 2, () => [1, 0]) }), stride: 2 }],
      sampleX: rowX(scoreMargin),
      note: (loss) => t('noteTwoClassMargin', { loss }),
    },
    multi_margin_loss: {
      kind: 'margin',
      curves: [{ args: (ms) => ({ input: rowsOf(ms, 2, (m) => [m, 0]), target: consts(ms.length, 0) }), stride: 2, tag: () => t('tagTwoClasses') }],
      sampleX: rowX(scoreMargin),
      guides: guide('margin', 'm'),
      note: (loss) => t('noteTwoClassMargin', { loss }),
    },
    margin_ranking_loss: {
      kind: 'margin',
      curves: [{ args: (ms) => ({ input1: ms, input2: consts(ms.length, 0), target: consts(ms.length, 1) }) }],
      sampleX: (model, entry) => {
        const given = entry.args && entry.args.input2;
        const x2 = given && (given.data || given);
        const x1 = model.prediction && model.prediction.data;
        const y = model.target && model.target.data;
        if (!x2 || !x1 || !y || x1.length !== y.length || x2.length !== x1.length) return null;
        return Float64Array.from(x1, (v, i) => y[i] * (v - x2[i]));
      },
      gradTag: () => t('tagX1'),
      guides: guide('margin', 'm'),
      note: (loss) => t('noteRanking', { loss }),
    },
    triplet_margin_loss: {
      kind: 'margin',
      // Anchor at 0, positive and negative on its left, (c ∓ x/2) away: the
      // gap d(a, n) − d(a, p) is x while both distances stay positive.
      curves: [{
        args: (xs) => {
          const c = Math.max(2, Math.max(...Array.from(xs, Math.abs)) / 2 + 1);
          return {
            anchor: rowsOf(xs, 1, () => [0]),
            positive: rowsOf(xs, 1, (x) => [-(c - x / 2)]),
            negative: rowsOf(xs, 1, (x) => [-(c + x / 2)]),
          };
        },
      }],
      noGrad: true,
      guides: guide('margin', 'm'),
      note: (loss) => t('noteTriplet', { loss }),
    },
    hinge_embedding_loss: {
      kind: 'input',
      curves: [
        { args: (xs) => ({ input: xs, target: consts(xs.length, 1) }), tag: () => t('tagY', { y: 1 }) },
        { args: (xs) => ({ input: xs, target: consts(xs.length, -1) }), tag: () => t('tagY', { y: '−1' }), dash: true },
      ],
      sampleX: elementX((p) => p),
      guides: guide('margin', 'm'),
    },
    poisson_nll_loss: {
      kind: 'input',
      curves: [{ args: (xs) => ({ input: xs, target: consts(xs.length, 1) }), tag: yEqualsOne }],
      sampleX: elementX((p) => p),
      note: (loss) => t('noteFixedY', { loss, y: 1 }),
    },
    poisson: {
      kind: 'input',
      curves: [{ args: (xs) => ({ input: xs, target: consts(xs.length, 1) }), tag: yEqualsOne }],
      sampleX: elementX((p) => p),
      note: (loss) => t('noteFixedY', { loss, y: 1 }),
    },
    cosine_embedding_loss: {
      kind: 'cosine',
      curves: [1, -1].map((y) => ({
        args: (cs) => ({
          input1: rowsOf(cs, 2, (c) => [c, Math.sqrt(Math.max(0, 1 - c * c))]),
          input2: rowsOf(cs, 2, () => [1, 0]),
          target: consts(cs.length, y),
        }),
        tag: () => t('tagY', { y: y > 0 ? '1' : '−1' }),
        dash: y < 0,
      })),
      noGrad: true,
      guides: guide('margin', 'm'),
      note: (loss) => t('noteNoGrad', { loss }),
    },
  };

  const KINDS = ['residual', 'probability', 'margin', 'input', 'cosine'];
  // [block title, x axis, y axis of the gradient curve, note under it]
  const KIND_TEXT = {
    residual: ['kindResidual', 'axisResidual', 'axisGradPerPoint', null],
    probability: ['kindProbability', 'axisProbability', 'axisGradProbability', 'noteGradP'],
    margin: ['kindMargin', 'axisMargin', 'axisGradMargin', 'noteGradMargin'],
    input: ['kindInput', 'axisInput', 'axisGradPerPoint', null],
    cosine: ['kindCosine', 'axisCosine', 'axisGradPerPoint', null],
  };

  // The grid of each axis kind: fixed for probabilities and cosines, wide
  // enough for the pasted data otherwise. Computed once per model so the
  // axis holds still while a slider moves.
  function gridFor(kind, model) {
    const p = model.prediction && model.prediction.data;
    const y = model.target && model.target.data;
    const paired = p && y && p.length === y.length;
    const spread = (f) => {
      let m = 0;
      if (paired) for (let i = 0; i < p.length; i++) { const v = Math.abs(f(p[i], y[i])); if (Number.isFinite(v)) m = Math.max(m, v); }
      return m;
    };
    let lo;
    let hi;
    let first = 0;
    let last = GRID_STEPS;
    if (kind === 'probability') {
      lo = 0; hi = 1; first = 1; last = GRID_STEPS - 1; // p = 0 and 1 are the curves' poles
    } else if (kind === 'cosine') {
      lo = -1; hi = 1;
    } else if (kind === 'input') {
      let a = -1;
      let b = 3;
      if (p) for (const v of p) if (Number.isFinite(v)) { a = Math.min(a, v); b = Math.max(b, v); }
      lo = -niceUp(-a * 1.1);
      hi = niceUp(b * 1.1);
    } else {
      const r = niceUp(Math.max(3, 1.1 * spread(kind === 'margin' ? (u, v) => u * v : (u, v) => u - v)));
      lo = -r; hi = r;
    }
    const xs = new Float64Array(last - first + 1);
    for (let i = first; i <= last; i++) xs[i - first] = lo + ((hi - lo) * i) / GRID_STEPS;
    const rows = [];
    for (let i = first; i <= last; i++) if (i % TABLE_STRIDE === 0 || i === first || i === last) rows.push(i - first);
    return { xs, rows, min: lo, max: hi };
  }

  // Runs the core over xs; a loss that rejects some points (outside its
  // domain) is retried point by point so the rest of its curve still shows.
  function evaluate(lp, name, options, curve, xs) {
    const opts = Object.assign({}, options, { reduction: 'none' });
    const run = (part) => {
      const r = lp.compute(name, curve.args(part, options), opts);
      const stride = curve.stride || 1;
      const grad = new Float64Array(part.length);
      for (let i = 0; i < part.length; i++) grad[i] = r.grad.data[i * stride];
      return { loss: Float64Array.from(r.loss.data), grad };
    };
    try {
      return run(xs);
    } catch (error) {
      const mid = Math.floor(xs.length / 2);
      try {
        run(xs.subarray(mid, mid + 1));
      } catch (e) {
        return { loss: consts(xs.length, NaN), grad: consts(xs.length, NaN), error: e };
      }
      const out = { loss: consts(xs.length, NaN), grad: consts(xs.length, NaN) };
      for (let i = 0; i < xs.length; i++) {
        try {
          const one = run(xs.subarray(i, i + 1));
          out.loss[i] = one.loss[0];
          out.grad[i] = one.grad[0];
        } catch (e) { /* outside the domain: a gap in the curve */ }
      }
      return out;
    }
  }

  // Which samples lie on which curve: the core's value at the sample's x,
  // computed the curve's way, must equal the sample's own loss.
  function findMarks(lp, entry, slice, model) {
    if (!entry.perSample || !slice.sampleX) return null;
    let xs = null;
    try {
      xs = slice.sampleX(model, entry);
    } catch (e) {
      return null; // an unexpected shape: no rings, the curve still shows
    }
    if (!xs || xs.length !== entry.perSample.length) return null;
    const shown = xs.length > MAX_MARKS ? xs.subarray(0, MAX_MARKS) : xs;
    const marks = slice.curves.map(() => []);
    const usable = [];
    for (let i = 0; i < shown.length; i++) if (Number.isFinite(shown[i])) usable.push(i);
    if (!usable.length) return null;
    const at = Float64Array.from(usable, (i) => shown[i]);
    slice.curves.forEach((curve, c) => {
      const r = evaluate(lp, entry.spec.name, entry.options, curve, at);
      usable.forEach((i, j) => {
        const want = entry.perSample[i];
        const got = r.loss[j];
        if (Number.isFinite(got) && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want))) marks[c].push(i);
      });
    });
    return marks.some((m) => m.length) ? { xs: shown, byCurve: marks } : null;
  }

  function optionsWith(entry, overrides) {
    return Object.assign({}, entry.options, overrides[entry.spec.name]);
  }

  function curveLabel(entry, curve) {
    const tag = curve.tag ? curve.tag() : '';
    return tag ? `${lossName(entry.spec)} (${tag})` : lossName(entry.spec);
  }

  // Every curve of the model, grouped by axis kind, with notes for the
  // losses that have none. Marks say which samples to circle (found once
  // per model); their heights follow the live options.
  function buildCurves(lp, model, grids, marksCache, overrides) {
    const groups = new Map();
    const notes = [];
    for (const entry of model.losses) {
      const spec = entry.spec;
      const slice = SLICES[spec.name];
      if (!spec.reductions.includes('none')) {
        notes.push(t('noteBatchOnly', { loss: lossName(spec), reductions: spec.reductions.join(', ') }));
        continue;
      }
      if (!slice) {
        notes.push(t('noteNoSlice', { loss: lossName(spec) }));
        continue;
      }
      if (!groups.has(slice.kind)) groups.set(slice.kind, { kind: slice.kind, grid: grids[slice.kind], series: [], guides: [], notes: [] });
      const group = groups.get(slice.kind);
      const options = optionsWith(entry, overrides);
      if (slice.note) group.notes.push(slice.note(lossName(spec)));
      const marks = marksCache.get(entry);
      slice.curves.forEach((curve, c) => {
        const r = evaluate(lp, spec.name, options, curve, group.grid.xs);
        if (r.error) {
          if (c === 0) group.notes.push(t('noteFailed', { loss: lossName(spec), message: errorText(r.error) }));
          return;
        }
        const series = { entry, label: curveLabel(entry, curve), color: entry.color, dash: Boolean(curve.dash), loss: r.loss, grad: slice.noGrad ? null : r.grad, gradTag: slice.gradTag ? slice.gradTag() : '' };
        if (marks && marks.byCurve[c].length) {
          const idx = marks.byCurve[c];
          const at = Float64Array.from(idx, (i) => marks.xs[i]);
          const m = evaluate(lp, spec.name, options, curve, at);
          series.marks = { x: at, loss: m.loss, grad: m.grad, samples: idx };
        }
        group.series.push(series);
      });
      if (slice.guides) for (const g of slice.guides(options)) group.guides.push(Object.assign({ color: entry.color }, g));
    }
    const ordered = KINDS.filter((k) => groups.has(k)).map((k) => groups.get(k));
    return { groups: ordered, notes };
  }

  // ---- DOM and drawing ----

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  let colorContext = null;
  // Any CSS colour with its opacity multiplied by alpha.
  function withAlpha(color, alpha) {
    if (!colorContext) colorContext = document.createElement('canvas').getContext('2d');
    colorContext.fillStyle = '#000';
    colorContext.fillStyle = color;
    const c = colorContext.fillStyle;
    if (c[0] === '#') {
      const n = parseInt(c.slice(1), 16);
      return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
    }
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return c;
    const [r, g, b, a = 1] = m[1].split(',').map((s) => Number(s));
    return `rgba(${r}, ${g}, ${b}, ${a * alpha})`;
  }

  function readTheme(node) {
    const style = getComputedStyle(node);
    const v = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
    return {
      text: v('--text', '#1a1d23'),
      muted: v('--muted', '#5b6270'),
      grid: v('--grid', '#e8ebf0'),
      card: v('--card', '#ffffff'),
      accent: v('--accent', '#2563eb'),
      font: style.fontFamily || 'system-ui, sans-serif',
    };
  }

  function plotHeight(width) {
    return width < 480 ? 220 : 260;
  }

  // y axis width from its longest tick label, so no label is cut off.
  function axisSize(u, values, axisIdx, cycle) {
    const axis = u.axes[axisIdx];
    if (cycle > 1) return axis._size;
    let size = axis.ticks.size + axis.gap;
    const longest = (values || []).reduce((a, s) => (String(s).length > a.length ? String(s) : a), '');
    if (longest) {
      u.ctx.font = axis.font[0];
      size += u.ctx.measureText(longest).width / uPlot.pxRatio;
    }
    return Math.ceil(size);
  }

  // Value range of several arrays, trimmed to the 2nd–98th percentile when
  // asked (gradients that run off to infinity near p = 0), always with 0.
  function valueRange(arrays, robust, headroom = 0.08) {
    const all = [];
    for (const a of arrays) for (const v of a) if (v !== null && Number.isFinite(v)) all.push(v);
    if (!all.length) return [0, 1];
    all.sort((a, b) => a - b);
    let lo = all[0];
    let hi = all[all.length - 1];
    if (robust && all.length > 50) {
      lo = all[Math.floor(all.length * 0.02)];
      hi = all[Math.ceil(all.length * 0.98) - 1];
    }
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
    if (hi - lo < 1e-12) hi = lo + 1;
    // Room above and below, so rings and badges at the ends are not cut.
    const span = hi - lo;
    return [lo - span * (lo < 0 ? headroom : 0.04), hi + span * (hi > 0 ? headroom : 0.04)];
  }

  const toPlot = (values) => Array.from(values, (v) => (Number.isFinite(v) ? v : null));

  function baseOptions(theme, cfg) {
    const font = `12px ${theme.font}`;
    const axis = (label, extra) => Object.assign({
      label,
      stroke: theme.muted,
      font,
      labelFont: `600 12px ${theme.font}`,
      labelSize: 18,
      labelGap: 2,
      gap: 4,
      grid: { stroke: theme.grid, width: 1 },
      ticks: { stroke: theme.grid, width: 1, size: 4 },
    }, extra);
    return {
      width: cfg.width,
      height: plotHeight(cfg.width),
      scales: { x: Object.assign({ time: false }, cfg.xScale), y: cfg.yScale || {} },
      axes: [axis(cfg.xLabel, Object.assign({ size: 30 }, cfg.xAxis)), axis(cfg.yLabel, Object.assign({ size: axisSize }, cfg.yAxis))],
      legend: { live: true },
      cursor: Object.assign({ y: false, drag: { x: false, y: false }, points: { size: 8, fill: theme.card, width: 2 } }, cfg.cursor),
      series: [{ label: cfg.xName, value: cfg.xValue || ((u, v) => fmtFull(v)) }].concat(cfg.series),
      hooks: { draw: cfg.draw ? [cfg.draw] : [] },
      padding: [12, 12, 0, 0],
    };
  }

  function clipToPlot(u, paint) {
    const ctx = u.ctx;
    ctx.save();
    ctx.setLineDash([]); // the last series' dash would carry over
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
    paint(ctx, uPlot.pxRatio);
    ctx.restore();
  }

  // Dashed vertical lines at δ, β or the margin, labelled, in the loss's colour.
  function drawGuides(u, guides, theme) {
    if (!guides.length) return;
    clipToPlot(u, (ctx, r) => {
      const seen = new Map();
      ctx.font = `600 ${11 * r}px ${theme.font}`;
      ctx.textAlign = 'center';
      for (const g of guides) {
        const x = u.valToPos(g.x, 'x', true);
        if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
        ctx.strokeStyle = withAlpha(g.color, 0.75);
        ctx.lineWidth = r;
        ctx.setLineDash([4 * r, 4 * r]);
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
        const key = Math.round(x / (14 * r));
        const row = seen.get(key) || 0;
        seen.set(key, row + 1);
        ctx.fillStyle = g.color;
        ctx.fillText(g.label, x + 8 * r, u.bbox.top + (12 + 13 * row) * r);
      }
      ctx.setLineDash([]);
    });
  }

  // Your samples as rings on their curves.
  function drawMarks(u, seriesList, which, theme) {
    clipToPlot(u, (ctx, r) => {
      seriesList.forEach((s, k) => {
        // A plot drawn while a newer model replaces it may have fewer series.
        const plotted = u.series[k + 1];
        if (!s.marks || !plotted || !plotted.show) return;
        const ys = which === 'grad' ? s.marks.grad : s.marks.loss;
        ctx.lineWidth = 2 * r;
        ctx.strokeStyle = s.color;
        ctx.fillStyle = theme.card;
        for (let i = 0; i < ys.length; i++) {
          if (!Number.isFinite(ys[i])) continue;
          ctx.beginPath();
          ctx.arc(u.valToPos(s.marks.x[i], 'x', true), u.valToPos(ys[i], 'y', true), 4.5 * r, 0, 2 * Math.PI);
          ctx.fill();
          ctx.stroke();
        }
      });
    });
  }

  // ---- per-sample helpers ----

  // "sample 3" for a vector, "element (2, 1)" for a matrix, 1-based.
  function sampleNames(count, shape) {
    const names = new Array(count);
    if (shape && shape.length === 2 && shape[0] * shape[1] === count) {
      for (let i = 0; i < count; i++) names[i] = `(${Math.floor(i / shape[1]) + 1}, ${(i % shape[1]) + 1})`;
      return { names, matrix: true };
    }
    for (let i = 0; i < count; i++) names[i] = String(i + 1);
    return { names, matrix: false };
  }

  // The indices of the TOP largest values (by size when abs), ties by
  // index; one pass, since pasted data can be long.
  function topIndices(values, abs) {
    const best = [];
    const size = (i) => (abs ? Math.abs(values[i]) : values[i]);
    for (let i = 0; i < values.length; i++) {
      const v = size(i);
      if (!(Number.isFinite(v) && v > 0)) continue;
      if (best.length === TOP && v <= size(best[TOP - 1])) continue;
      let at = best.length;
      while (at > 0 && size(best[at - 1]) < v) at--;
      best.splice(at, 0, i);
      if (best.length > TOP) best.pop();
    }
    return best;
  }

  // Grouped bars: series s of k sits in slot s of each sample's unit width.
  function barPaths(values, slot, slots, tops, color, theme) {
    const width = 0.8 / slots;
    const n = values.length;
    const x0 = Array.from({ length: n }, (_, i) => i + 1 - 0.4 + slot * width + width * 0.06);
    const top = new Set(tops);
    const fills = Array.from({ length: n }, (_, i) => (top.has(i) ? color : withAlpha(color, 0.45)));
    const strokes = Array.from({ length: n }, (_, i) => (top.has(i) ? theme.text : null));
    return uPlot.paths.bars({
      size: [1, Infinity, 1],
      disp: {
        x0: { unit: 1, values: () => x0 },
        size: { unit: 1, values: () => [width * 0.88] },
        fill: { unit: 3, values: () => fills },
        stroke: { unit: 3, values: () => strokes },
      },
    });
  }

  // Numbered badges (1, 2, 3) over the largest bars.
  function drawBadges(u, bars, theme) {
    clipToPlot(u, (ctx, r) => {
      ctx.font = `700 ${10 * r}px ${theme.font}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      bars.forEach((b, s) => {
        if (!u.series[s + 1].show) return;
        b.tops.forEach((i, rank) => {
          const v = b.values[i];
          const x = u.valToPos(b.center(i), 'x', true);
          const y = u.valToPos(v, 'y', true) + (v >= 0 ? -10 : 10) * r;
          ctx.fillStyle = b.color;
          ctx.beginPath();
          ctx.arc(x, y, 7 * r, 0, 2 * Math.PI);
          ctx.fill();
          ctx.fillStyle = '#fff';
          ctx.fillText(String(rank + 1), x, y + 0.5 * r);
        });
      });
    });
  }

  function table(caption, head, rows, topCells) {
    const thead = el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col', text: h }))));
    const tbody = el('tbody');
    rows.forEach((row, i) => {
      const tr = el('tr', {}, el('th', { scope: 'row', text: row[0] }));
      row.slice(1).forEach((cell, j) => {
        const td = el('td', { text: cell });
        if (topCells && topCells.has(`${i},${j}`)) td.className = 'lp-top';
        tr.append(td);
      });
      tbody.append(tr);
    });
    return el('table', { class: 'lp-table' }, el('caption', { text: caption }), thead, tbody);
  }

  // ---- the component ----

  const PANELS = [
    ['curves', 'curvesTitle'],
    ['bars', 'barsTitle'],
    ['grad', 'gradTitle'],
    ['scatter', 'scatterTitle'],
  ];

  let instances = 0;

  class LossCharts {
    /**
     * container: an element to fill; lp: a loaded LossPlay (for lp.compute).
     * options.headingLevel: the level of the panel headings (default 3).
     */
    constructor(container, lp, options) {
      this.container = container;
      this.lp = lp;
      this.id = `lp-charts-${++instances}`;
      this.headingLevel = (options && options.headingLevel) || 3;
      this.model = null;
      this.overrides = {};
      this.plots = [];
      this.links = [];
      this.frame = 0;
      this.root = el('div', { class: 'lp-charts' });
      this.panels = {};
      for (const [key] of PANELS) this.panels[key] = this.buildPanel(key);
      container.append(this.root);
      this.watch();
      this.render();
    }

    buildPanel(key) {
      const id = `${this.id}-${key}`;
      const heading = el(`h${this.headingLevel}`, { class: 'lp-chart-title', id: `${id}-title` });
      const summary = el('p', { class: 'lp-chart-summary', id: `${id}-summary` });
      const caption = el('figcaption', { class: 'lp-chart-caption' }, heading, summary);
      const body = el('div', { class: 'lp-chart-body' });
      const tables = el('div', { class: 'lp-table-scroll' });
      const label = el('summary', { class: 'lp-table-toggle' });
      const details = el('details', { class: 'lp-chart-table' }, label, tables);
      const figure = el('figure', { class: `lp-chart lp-chart-${key}`, 'data-chart': key, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-summary` }, caption, body, details);
      this.root.append(figure);
      return { key, figure, heading, summary, body, tables, label, details };
    }

    // Theme and size: redraw when the colour scheme or data-theme changes,
    // resize with the container.
    watch() {
      this.onTheme = () => this.scheduleRender();
      this.media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
      if (this.media) this.media.addEventListener('change', this.onTheme);
      this.mutations = new MutationObserver(this.onTheme);
      this.mutations.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'lang'] });
      // Inside a <loss-playground> element the theme lives on the host.
      const host = this.container.getRootNode && this.container.getRootNode().host;
      if (host) this.mutations.observe(host, { attributes: true, attributeFilter: ['data-theme', 'lang'] });
      this.lastWidth = 0;
      this.resizer = new ResizeObserver(() => {
        const w = this.root.clientWidth;
        if (w !== this.lastWidth) {
          this.lastWidth = w;
          this.scheduleResize();
        }
      });
      this.resizer.observe(this.root);
    }

    scheduleRender() {
      cancelAnimationFrame(this.renderFrame);
      // Notes and labels are built with the curves, so a new language
      // recomputes them too.
      this.renderFrame = requestAnimationFrame(() => {
        if (this.model) this.computeCurves();
        this.render();
      });
    }

    scheduleResize() {
      cancelAnimationFrame(this.resizeFrame);
      this.resizeFrame = requestAnimationFrame(() => {
        for (const p of this.plots) {
          const w = Math.max(160, Math.floor(p.host.clientWidth));
          if (w !== p.plot.width) p.plot.setSize({ width: w, height: plotHeight(w) });
        }
      });
    }

    /**
     * model = {losses: [{spec, options, reduction, color, result, perSample, args?}],
     *          prediction: {data, shape}, target: {data, shape}}.
     */
    update(model) {
      this.model = normalizeModel(model);
      this.overrides = {};
      this.grids = {};
      for (const kind of KINDS) this.grids[kind] = gridFor(kind, this.model);
      this.marks = new Map();
      for (const entry of this.model.losses) {
        const slice = SLICES[entry.spec.name];
        if (slice && entry.spec.reductions.includes('none')) this.marks.set(entry, findMarks(this.lp, entry, slice, this.model));
      }
      this.computeCurves();
      this.render();
    }

    computeCurves() {
      this.curves = this.model ? buildCurves(this.lp, this.model, this.grids, this.marks, this.overrides) : { groups: [], notes: [] };
    }

    destroyPlots() {
      for (const p of this.plots) p.plot.destroy();
      this.plots = [];
    }

    render() {
      cancelAnimationFrame(this.renderFrame);
      this.theme = readTheme(this.root);
      this.root.dataset.textColor = this.theme.text;
      this.destroyPlots();
      for (const [key, title] of PANELS) {
        const panel = this.panels[key];
        panel.heading.textContent = t(title);
        panel.label.textContent = t('showTable');
        panel.body.replaceChildren();
        panel.tables.replaceChildren();
      }
      for (const link of this.links) link.relabel();
      this.renderCurves();
      this.renderBars();
      this.renderGradients();
      this.renderScatter();
    }

    addPlot(host, options, data, role) {
      options.width = Math.max(160, Math.floor(host.clientWidth || this.root.clientWidth || 600));
      options.height = plotHeight(options.width);
      const plot = new uPlot(options, data, host);
      this.plots.push({ plot, host, role });
      return plot;
    }

    empty(panel, text) {
      panel.body.append(el('p', { class: 'lp-chart-empty', text }));
      panel.summary.textContent = text;
    }

    // ---- loss and gradient curves ----

    renderCurves() {
      const panel = this.panels.curves;
      if (!this.model || !this.model.losses.length) return this.empty(panel, t('noLosses'));
      const { groups, notes } = this.curves;
      for (const group of groups) this.curveBlock(panel, group, 'loss');
      if (notes.length) panel.body.append(el('ul', { class: 'lp-chart-notes' }, ...notes.map((n) => el('li', { text: n }))));
      this.curveTables(panel, 'loss');
      this.curveSummary();
    }

    curveBlock(panel, group, which) {
      const series = which === 'grad' ? group.series.filter((s) => s.grad) : group.series;
      if (!series.length) return;
      const [titleKey, axisKey, gradKey, gradNote] = KIND_TEXT[group.kind];
      const host = el('div', { class: 'lp-plot', 'aria-hidden': 'true' });
      const block = el('div', { class: 'lp-plot-block', 'data-kind': group.kind },
        el('p', { class: 'lp-plot-title', text: t(titleKey) }), host);
      const notes = which === 'loss' ? group.notes.slice() : gradNote ? [t(gradNote)] : [];
      if (which === 'loss' && group.series.some((s) => s.marks)) notes.push(t('noteMarks'));
      if (notes.length) block.append(el('ul', { class: 'lp-chart-notes' }, ...notes.map((n) => el('li', { text: n }))));
      panel.body.append(block);
      const theme = this.theme;
      const charts = this;
      const current = () => {
        const g = charts.curves.groups.find((x) => x.kind === group.kind);
        return g ? (which === 'grad' ? g.series.filter((s) => s.grad) : g.series) : [];
      };
      const options = baseOptions(theme, {
        xLabel: t(axisKey),
        yLabel: t(which === 'grad' ? gradKey : 'axisLossPerPoint'),
        xName: t(axisKey).split(/[,，(（:：]/)[0].trim(),
        xScale: { range: () => [group.grid.min, group.grid.max] },
        yScale: { range: (u) => valueRange(u.data.slice(1), which === 'grad') },
        series: series.map((s) => ({
          label: which === 'grad' && s.gradTag ? `${s.label} ${s.gradTag}` : s.label,
          stroke: s.color,
          width: 2,
          dash: s.dash ? [7, 4] : undefined,
          points: { show: false },
          value: (u, v) => fmtFull(v),
        })),
        draw: (u) => {
          const g = charts.curves.groups.find((x) => x.kind === group.kind);
          if (!g) return;
          drawGuides(u, g.guides, theme);
          drawMarks(u, current(), which, theme);
        },
      });
      const data = [Array.from(group.grid.xs)].concat(series.map((s) => toPlot(which === 'grad' ? s.grad : s.loss)));
      this.addPlot(host, options, data, { curve: which, kind: group.kind, count: series.length });
    }

    curveTables(panel, which) {
      for (const group of this.curves.groups) {
        const series = which === 'grad' ? group.series.filter((s) => s.grad) : group.series;
        if (!series.length) continue;
        const [titleKey, axisKey, gradKey] = KIND_TEXT[group.kind];
        const rows = group.grid.rows.map((i) => [fmt(group.grid.xs[i])].concat(series.map((s) => fmt((which === 'grad' ? s.grad : s.loss)[i]))));
        const caption = t(which === 'grad' ? 'gradTableCaption' : 'curveTableCaption', { title: t(titleKey), what: t(gradKey), stride: TABLE_STRIDE, n: group.grid.xs.length });
        const node = table(caption, [t(axisKey)].concat(series.map((s) => s.label)), rows);
        node.dataset.kind = group.kind;
        node.dataset.curve = which;
        panel.tables.append(node);
      }
    }

    curveSummary() {
      const parts = [];
      for (const group of this.curves.groups) {
        for (const s of group.series) {
          let best = -1;
          for (let i = 0; i < s.loss.length; i++) if (Number.isFinite(s.loss[i]) && (best < 0 || s.loss[i] > s.loss[best])) best = i;
          if (best >= 0) parts.push(t('curveMax', { label: s.label, value: fmt(s.loss[best]), x: fmt(group.grid.xs[best]) }));
        }
      }
      const panel = this.panels.curves;
      panel.summary.textContent = parts.length ? t('curvesSummary', { list: parts.join(t('itemSep')) }) : this.curves.notes.join(' ') || t('noLosses');
    }

    // Live slider: recompute the curves with the new option and redraw
    // them in place; everything else waits for the page's next update().
    refreshCurves() {
      this.frame = 0;
      if (!this.model) return;
      const before = this.curves.groups.map((g) => `${g.kind}:${g.series.length}`).join();
      this.computeCurves();
      const after = this.curves.groups.map((g) => `${g.kind}:${g.series.length}`).join();
      if (before !== after) return this.render();
      for (const p of this.plots) {
        if (!p.role || !p.role.curve) continue;
        const group = this.curves.groups.find((g) => g.kind === p.role.kind);
        const series = p.role.curve === 'grad' ? group.series.filter((s) => s.grad) : group.series;
        p.plot.setData([Array.from(group.grid.xs)].concat(series.map((s) => toPlot(p.role.curve === 'grad' ? s.grad : s.loss))));
      }
      for (const key of ['curves', 'grad']) {
        for (const node of this.panels[key].tables.querySelectorAll('table[data-curve]')) node.remove();
      }
      this.curveTables(this.panels.curves, 'loss');
      this.curveTables(this.panels.grad, 'grad');
      this.curveSummary();
    }

    preview(name, optionName, value) {
      if (!this.model || !this.model.losses.some((e) => e.spec.name === name)) return;
      this.overrides[name] = Object.assign({}, this.overrides[name], { [optionName]: value });
      if (!this.frame) this.frame = requestAnimationFrame(() => this.refreshCurves());
    }

    // ---- per-sample loss bars ----

    renderBars() {
      const panel = this.panels.bars;
      if (!this.model || !this.model.losses.length) return this.empty(panel, t('noLosses'));
      if (!this.model.prediction) return this.empty(panel, t('noData'));
      const entries = this.model.losses.filter((e) => e.perSample && e.perSample.length);
      if (!entries.length) return this.empty(panel, t('noPerSample'));
      const columns = entries.map((e) => ({ label: lossName(e.spec), color: e.color, values: e.perSample }));
      const shape = this.model.prediction.shape;
      this.barChart(panel, columns, false, shape, 'axisLoss');
      const parts = columns.map((c, k) => {
        const tops = topIndices(c.values, false);
        if (!tops.length) return t('barsAllZero', { loss: c.label });
        const names = sampleNames(c.values.length, shape.length === 2 && shape[0] * shape[1] === c.values.length ? shape : null);
        const which = (i) => t(names.matrix ? 'elementN' : 'sampleN', { n: names.names[i] });
        return `${c.label} ${tops.map((i) => `${which(i)} (${fmt(c.values[i])})`).join(t('itemSep'))}`;
      });
      panel.summary.textContent = t('barsSummary', { list: parts.join(t('listSep')) });
      this.barTable(panel, columns, false, shape, t('barsTableCaption'));
    }

    barChart(panel, columns, abs, shape, yKey, title) {
      const n = Math.max(...columns.map((c) => c.values.length));
      const shown = Math.min(n, MAX_BARS);
      const names = sampleNames(n, shape && shape.length === 2 && shape[0] * shape[1] === n ? shape : null);
      const host = el('div', { class: 'lp-plot', 'aria-hidden': 'true' });
      panel.body.append(el('div', { class: 'lp-plot-block' }, title ? el('p', { class: 'lp-plot-title', text: title }) : null, host));
      if (n > shown) panel.body.append(el('p', { class: 'lp-chart-notes-line', text: t('firstBars', { shown, total: n }) }));
      const theme = this.theme;
      const width = 0.8 / columns.length;
      const bars = columns.map((c, s) => {
        const values = Array.from({ length: shown }, (_, i) => (i < c.values.length && Number.isFinite(c.values[i]) ? c.values[i] : null));
        // With three samples or fewer, marking "the largest three" marks
        // everything: then only the largest gets a badge.
        const tops = topIndices(c.values.subarray ? c.values.subarray(0, shown) : c.values.slice(0, shown), abs).slice(0, n > TOP ? TOP : 1);
        return { values, tops, color: c.color, label: c.label, center: (i) => i + 1 - 0.4 + s * width + width / 2 };
      });
      const options = baseOptions(theme, {
        xLabel: t(names.matrix ? 'axisElement' : 'axisSample'),
        yLabel: t(yKey),
        xName: t(names.matrix ? 'colElement' : 'colSample'),
        xValue: (u, v) => (v == null ? '—' : names.names[v - 1]),
        xScale: { range: () => [0.5, shown + 0.5] },
        yScale: { range: (u) => valueRange(u.data.slice(1), false, 0.2) },
        xAxis: { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500], values: (u, splits) => splits.map((v) => (Number.isInteger(v) && v >= 1 && v <= shown ? (names.matrix ? names.names[v - 1] : String(v)) : '')) },
        cursor: { points: { show: false } },
        series: bars.map((b, s) => ({
          label: b.label,
          stroke: b.color,
          fill: withAlpha(b.color, 0.45),
          width: 1.5,
          paths: barPaths(b.values, s, bars.length, b.tops, b.color, theme),
          points: { show: false },
          value: (u, v) => fmtFull(v),
        })),
        draw: (u) => drawBadges(u, bars, theme),
      });
      const data = [Array.from({ length: shown }, (_, i) => i + 1)].concat(bars.map((b) => b.values));
      this.addPlot(host, options, data, null);
    }

    barTable(panel, columns, abs, shape, caption) {
      const n = Math.max(...columns.map((c) => c.values.length));
      const names = sampleNames(n, shape && shape.length === 2 && shape[0] * shape[1] === n ? shape : null);
      const shown = Math.min(n, TABLE_ROWS);
      const tops = new Set();
      columns.forEach((c, j) => topIndices(c.values, abs).forEach((i) => tops.add(`${i},${j}`)));
      const rows = [];
      for (let i = 0; i < shown; i++) rows.push([names.names[i]].concat(columns.map((c) => (i < c.values.length ? fmt(c.values[i]) : ''))));
      const node = table(caption, [t(names.matrix ? 'colElement' : 'colSample')].concat(columns.map((c) => c.label)), rows, tops);
      node.dataset.table = 'samples';
      panel.tables.append(node);
      if (n > shown) panel.tables.append(el('p', { class: 'lp-table-note', text: t('firstRows', { shown, total: n }) }));
    }

    // ---- gradients: per input, and along the curves ----

    renderGradients() {
      const panel = this.panels.grad;
      if (!this.model || !this.model.losses.length) return this.empty(panel, t('noLosses'));
      const entries = this.model.losses.filter((e) => e.result && e.result.grad && e.result.grad.data.length);
      const summary = [];
      if (entries.length && this.model.prediction) {
        const columns = entries.map((e) => ({
          label: `${lossName(e.spec)} (${e.reduction || ''})`.replace(' ()', ''),
          name: lossName(e.spec),
          color: e.color,
          values: e.result.grad.data,
          shape: e.result.grad.shape,
        }));
        const shape = columns[0].shape;
        this.barChart(panel, columns, true, shape, 'axisGrad', t('gradBarsTitle'));
        for (const c of columns) {
          const tops = topIndices(c.values, true);
          if (!tops.length) continue;
          const names = sampleNames(c.values.length, c.shape);
          const which = (i) => t(names.matrix ? 'elementN' : 'sampleN', { n: names.names[i] });
          summary.push(`${c.name} ${tops.map((i) => `${which(i)} (${fmt(c.values[i])})`).join(t('itemSep'))}`);
        }
        this.barTable(panel, columns, true, shape, t('gradBarsTableCaption'));
      }
      for (const group of this.curves.groups) this.curveBlock(panel, group, 'grad');
      this.curveTables(panel, 'grad');
      panel.summary.textContent = summary.length ? t('gradSummary', { list: summary.join(t('listSep')) }) : t('noData');
      if (!panel.body.childElementCount) this.empty(panel, t('noData'));
    }

    // ---- ŷ against y ----

    renderScatter() {
      const panel = this.panels.scatter;
      const P = this.model && this.model.prediction;
      const Y = this.model && this.model.target;
      if (!P || !Y) return this.empty(panel, t('noData'));
      if (P.data.length !== Y.data.length) return this.empty(panel, t('noScatter', { p: P.data.length, y: Y.data.length }));
      const n = Math.min(P.data.length, MAX_POINTS);
      const names = sampleNames(P.data.length, P.shape);
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => Y.data[a] - Y.data[b] || P.data[a] - P.data[b]);
      const xs = order.map((i) => Y.data[i]);
      const ys = order.map((i) => (Number.isFinite(P.data[i]) ? P.data[i] : null));
      const [lo, hi] = sharedRange(xs, ys);
      const theme = this.theme;
      const host = el('div', { class: 'lp-plot', 'aria-hidden': 'true' });
      panel.body.append(el('div', { class: 'lp-plot-block' }, host));
      if (P.data.length > n) panel.body.append(el('p', { class: 'lp-chart-notes-line', text: t('firstBars', { shown: n, total: P.data.length }) }));
      const which = (i) => t(names.matrix ? 'elementN' : 'sampleN', { n: names.names[i] });
      const options = baseOptions(theme, {
        xLabel: t('axisTarget'),
        yLabel: t('axisPrediction'),
        xName: t('legendTarget'),
        xValue: (u, v, s, idx) => (idx == null ? '—' : `${fmtFull(v)} · ${which(order[idx])}`),
        xScale: { range: () => [lo, hi] },
        yScale: { range: () => [lo, hi] },
        cursor: { y: true, dataIdx: (u, s, closest) => nearestPoint(u, closest) },
        series: [{
          label: t('legendPrediction'),
          stroke: theme.accent,
          fill: withAlpha(theme.accent, 0.3),
          paths: () => null,
          points: { show: true, size: 10, width: 2, stroke: theme.accent, fill: withAlpha(theme.accent, 0.35) },
          value: (u, v) => fmtFull(v),
        }],
        draw: (u) => drawDiagonal(u, xs, ys, lo, hi, theme),
      });
      this.addPlot(host, options, [xs, ys], null);
      let far = -1;
      for (let i = 0; i < P.data.length; i++) {
        const d = Math.abs(P.data[i] - Y.data[i]);
        if (Number.isFinite(d) && d > 0 && (far < 0 || d > Math.abs(P.data[far] - Y.data[far]))) far = i;
      }
      panel.summary.textContent = far < 0 ? t('scatterExact', { n: P.data.length })
        : t('scatterSummary', { n: P.data.length, which: which(far), y: fmt(Y.data[far]), p: fmt(P.data[far]) });
      const shown = Math.min(P.data.length, TABLE_ROWS);
      const rows = [];
      for (let i = 0; i < shown; i++) rows.push([names.names[i], fmt(Y.data[i]), fmt(P.data[i]), fmt(P.data[i] - Y.data[i])]);
      const node = table(t('scatterTableCaption'), [t(names.matrix ? 'colElement' : 'colSample'), t('colTarget'), t('colPrediction'), t('colResidual')], rows);
      node.dataset.table = 'scatter';
      panel.tables.append(node);
      if (P.data.length > shown) panel.tables.append(el('p', { class: 'lp-table-note', text: t('firstRows', { shown, total: P.data.length }) }));
    }

    // ---- sliders ----

    /**
     * Links the page's number input for a loss option to a range slider:
     * the slider is placed beside the input (both wrapped in
     * span.lp-option-pair where the input was). Moving the slider writes the
     * box and fires its 'input' event (so the page recomputes) and redraws
     * the curves live; typing in the box moves the slider.
     * Returns {range, wrapper, unlink()} or null for a boolean option.
     */
    linkOption(spec, optionName, numberInput) {
      const opt = spec.options.find((o) => o.name === optionName);
      if (!opt || opt.type === 'boolean') return null;
      const r = LossCharts.sliderRange(opt);
      const range = el('input', {
        type: 'range', class: 'lp-range', min: r.min, max: r.max, step: r.step,
        'data-loss': spec.name, 'data-option': opt.name,
      });
      const relabel = () => range.setAttribute('aria-label', t('sliderLabel', { option: opt.label, loss: lossName(spec) }));
      relabel();
      const start = Number(numberInput.value);
      range.value = String(Number.isFinite(start) && numberInput.value.trim() !== '' ? start : opt.default);
      const wrapper = el('span', { class: 'lp-option-pair' });
      numberInput.replaceWith(wrapper);
      wrapper.append(range, numberInput);
      let fromSlider = false;
      const onRange = () => {
        const v = Number(range.valueAsNumber.toFixed(6));
        numberInput.value = String(v);
        fromSlider = true;
        numberInput.dispatchEvent(new Event('input', { bubbles: true }));
        fromSlider = false;
        this.preview(spec.name, opt.name, v);
      };
      const onNumber = () => {
        if (fromSlider) return;
        const text = numberInput.value.trim();
        const v = Number(text);
        if (text === '' || !Number.isFinite(v)) return;
        range.value = String(v);
        this.preview(spec.name, opt.name, v);
      };
      range.addEventListener('input', onRange);
      numberInput.addEventListener('input', onNumber);
      const link = {
        range,
        wrapper,
        relabel,
        unlink: () => {
          range.removeEventListener('input', onRange);
          numberInput.removeEventListener('input', onNumber);
          if (wrapper.parentNode) wrapper.replaceWith(numberInput);
          this.links = this.links.filter((l) => l !== link);
        },
      };
      this.links.push(link);
      return link;
    }

    /** The canvases of every chart, in page order, for PNG export. */
    canvases() {
      return this.plots.map((p) => p.plot.root.querySelector('canvas')).filter(Boolean);
    }

    destroy() {
      cancelAnimationFrame(this.frame);
      cancelAnimationFrame(this.renderFrame);
      cancelAnimationFrame(this.resizeFrame);
      for (const link of this.links.slice()) link.unlink();
      this.destroyPlots();
      if (this.media) this.media.removeEventListener('change', this.onTheme);
      this.mutations.disconnect();
      this.resizer.disconnect();
      this.root.remove();
    }

    /** Whether an option deserves a slider (δ, β, margin, τ, γ, α, ε). */
    static hasSlider(option) {
      return option.type !== 'boolean' && SLIDER_OPTIONS.includes(option.name);
    }

    /** The slider's {min, max, step} for a registry option. */
    static sliderRange(opt) {
      const visible = VISIBLE_RANGE[opt.name] || [0, 5];
      const step = opt.type === 'integer' ? 1 : 0.01;
      let min = Number.isFinite(opt.min) ? opt.min : visible[0];
      let max = Number.isFinite(opt.max) ? opt.max : Math.max(min + 1, visible[1]);
      if (min === opt.min && !opt.minInclusive) min += step;
      if (max === opt.max && !opt.maxInclusive) max -= step;
      return { min, max, step };
    }
  }

  // Both axes of ŷ against y share one range, so the diagonal is ŷ = y.
  function sharedRange(xs, ys) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of xs.concat(ys)) if (v !== null && Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    if (!Number.isFinite(lo)) return [0, 1];
    if (hi - lo < 1e-12) { lo -= 1; hi += 1; }
    const pad = (hi - lo) * 0.08;
    return [lo - pad, hi + pad];
  }

  // Hover picks the point nearest the cursor in both directions, not just in x.
  function nearestPoint(u, fallback) {
    const { left, top } = u.cursor;
    if (left == null || left < 0) return fallback;
    let best = fallback;
    let bestD = Infinity;
    const xs = u.data[0];
    const ys = u.data[1];
    for (let i = 0; i < xs.length; i++) {
      if (ys[i] == null) continue;
      const dx = u.valToPos(xs[i], 'x') - left;
      const dy = u.valToPos(ys[i], 'y') - top;
      const d = dx * dx + dy * dy;
      if (d < bestD) { bestD = d; best = i; }
    }
    return best;
  }

  // The line ŷ = y and each point's residual as a thin vertical segment.
  function drawDiagonal(u, xs, ys, lo, hi, theme) {
    clipToPlot(u, (ctx, r) => {
      ctx.strokeStyle = theme.muted;
      ctx.lineWidth = 1.25 * r;
      ctx.setLineDash([6 * r, 5 * r]);
      ctx.beginPath();
      ctx.moveTo(u.valToPos(lo, 'x', true), u.valToPos(lo, 'y', true));
      ctx.lineTo(u.valToPos(hi, 'x', true), u.valToPos(hi, 'y', true));
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.strokeStyle = withAlpha(theme.accent, 0.45);
      ctx.lineWidth = 1.5 * r;
      ctx.beginPath();
      for (let i = 0; i < xs.length; i++) {
        if (ys[i] == null) continue;
        const x = u.valToPos(xs[i], 'x', true);
        ctx.moveTo(x, u.valToPos(xs[i], 'y', true));
        ctx.lineTo(x, u.valToPos(ys[i], 'y', true));
      }
      ctx.stroke();
    });
  }

  // Typed arrays for the tensors; a missing or unusable tensor becomes null.
  function normalizeModel(model) {
    const tensor = (v) => {
      if (!v || !v.data) return null;
      const data = v.data instanceof Float64Array ? v.data : Float64Array.from(v.data);
      return { data, shape: Array.isArray(v.shape) ? v.shape : [data.length] };
    };
    const losses = ((model && model.losses) || []).filter((e) => e && e.spec).map((e) => Object.assign({}, e, {
      options: e.options || {},
      perSample: e.perSample ? (e.perSample instanceof Float64Array ? e.perSample : Float64Array.from(e.perSample)) : null,
    }));
    return { losses, prediction: tensor(model && model.prediction), target: tensor(model && model.target) };
  }

  LossCharts.strings = STRINGS;
  LossCharts.slices = SLICES;
  LossCharts.gridFor = gridFor;
  ui.LossCharts = LossCharts;
  ui.chartsStrings = STRINGS;
})(((typeof self !== 'undefined' ? self : globalThis).LossPlayUI = (typeof self !== 'undefined' ? self : globalThis).LossPlayUI || {}));
