/* Learner hints: the traps of the study note, spotted in the data the user
 * pasted, each with the number they probably meant. Pure logic in find();
 * HintList renders them as dismissible notes. */
(function (ui) {
  'use strict';

  const HINGE_LOSSES = ['hinge', 'squared_hinge', 'hinge_embedding_loss', 'soft_margin_loss'];
  const BINARY_LOSSES = ['binary_cross_entropy', 'binary_cross_entropy_with_logits', 'sigmoid_focal_loss'];

  const STRINGS = {
    'hint.ce_probabilities': {
      en: 'Every row of ŷ sums to 1: these look like probabilities, but cross-entropy expects logits (raw scores) and applies softmax itself, so it reads {loss}. The textbook −Σ y log ŷ of these probabilities, which PyTorch computes as cross-entropy on log ŷ (or nll_loss on log ŷ), is {fixed}.',
      zh: 'ŷ 的每一行之和都是 1：这看起来是概率，但交叉熵期望的是 logits（未归一化的分数），会自己再做一次 softmax，所以结果是 {loss}。对这些概率按教科书公式 −Σ y log ŷ 计算（在 PyTorch 中相当于对 log ŷ 求交叉熵，或对 log ŷ 用 nll_loss），结果是 {fixed}。',
    },
    'hint.hinge_01': {
      en: 'The labels y are 0 and 1, but {loss} expects −1 and +1: with a 0 label the score does not count at all. With 0 mapped to −1, {loss} is {fixed}.',
      zh: '标签 y 是 0 和 1，但 {loss} 期望 −1 和 +1：标签为 0 时预测值完全不起作用。把 0 换成 −1 后，{loss} 为 {fixed}。',
    },
    'hint.hinge_01.action': { en: 'Change 0 to −1 in y', zh: '把 y 中的 0 改为 −1' },
    'hint.msle_domain': {
      en: 'MSLE takes log(1 + value), so every value must be greater than −1; {count} of them are not. MSLE suits positive targets that span orders of magnitude, such as prices or counts.',
      zh: 'MSLE 计算 log(1 + 值)，所以每个值都必须大于 −1；这里有 {count} 个不满足。MSLE 适合跨越多个数量级的正数目标，比如价格或计数。',
    },
    'hint.bce_range': {
      en: 'BCE takes probabilities in [0, 1], and {count} values of ŷ are outside: they look like raw scores (logits). BCE with logits applies the sigmoid itself and gives {fixed} on them.',
      zh: 'BCE 要求 ŷ 是 [0, 1] 内的概率，这里有 {count} 个值超出范围：它们看起来是原始分数（logits）。BCE with logits 会自己做 sigmoid，对这些值的结果是 {fixed}。',
    },
    'hint.swapped': {
      en: 'ŷ looks like labels and y like predictions: are the two boxes swapped? Predictions (ŷ) is what the model outputs; Targets (y) holds the true labels.',
      zh: 'ŷ 看起来像标签，y 看起来像预测值：两个输入框是不是填反了？预测值 (ŷ) 是模型的输出，真实值 (y) 是正确的标签。',
    },
    'hint.swapped.action': { en: 'Swap ŷ and y', zh: '交换 ŷ 和 y' },
    'hint.hinge_embedding': {
      en: 'HingeEmbeddingLoss is not the SVM hinge: it reads ŷ as a distance, adding ŷ itself where y = 1 and max(0, margin − ŷ) where y = −1. The hinge formula max(0, 1 − y·ŷ) gives {fixed} on these numbers.',
      zh: 'HingeEmbeddingLoss 不是 SVM 的铰链损失：它把 ŷ 当作距离，y = 1 时直接加上 ŷ，y = −1 时加上 max(0, margin − ŷ)。按铰链损失公式 max(0, 1 − y·ŷ) 计算，这组数据的结果是 {fixed}。',
    },
    'hint.dismiss': { en: 'Dismiss this hint', zh: '关闭此提示' },
    'hint.heading': { en: 'Hints', zh: '提示' },
  };

  if (ui.i18n) ui.i18n.register(STRINGS);

  function text(key, params) {
    if (ui.i18n && ui.i18n.t) return ui.i18n.t(key, params);
    const lang = ui.lang === 'zh' ? 'zh' : 'en';
    const s = (STRINGS[key] && STRINGS[key][lang]) || key;
    return s.replace(/\{(\w+)\}/g, (m, k) => (params && k in params ? String(params[k]) : m));
  }

  function tryValue(lp, name, args, options) {
    try {
      return lp.compute(name, args, Object.assign({ reduction: 'mean' }, options)).value;
    } catch (e) {
      return undefined;
    }
  }

  const shown = (v) => (v === undefined ? '—' : Number.isFinite(v) ? ui.formatValue(v) : String(v));
  const every = (data, f) => Array.prototype.every.call(data, f);
  const count = (data, f) => Array.prototype.reduce.call(data, (n, v) => n + (f(v) ? 1 : 0), 0);

  // Rows (the last dimension) that are probability distributions.
  function rowsSumToOne(t) {
    if (t.shape.length === 0 || t.data.length === 0) return false;
    const c = t.shape[t.shape.length - 1];
    if (c < 2 || !every(t.data, (v) => v >= 0 && v <= 1)) return false;
    for (let i = 0; i < t.data.length; i += c) {
      let s = 0;
      for (let k = 0; k < c; k++) s += t.data[i + k];
      if (Math.abs(s - 1) > 1e-6) return false;
    }
    return true;
  }

  function isOneHot(t) {
    if (t.shape.length < 1 || t.data.length === 0) return false;
    const c = t.shape[t.shape.length - 1];
    if (c < 2) return false;
    for (let i = 0; i < t.data.length; i += c) {
      let ones = 0;
      for (let k = 0; k < c; k++) {
        const v = t.data[i + k];
        if (v === 1) ones++;
        else if (v !== 0) return false;
      }
      if (ones !== 1) return false;
    }
    return true;
  }

  const isBinary = (t) => t.data.length > 0 && every(t.data, (v) => v === 0 || v === 1);
  const isSign = (t) => t.data.length > 0 && every(t.data, (v) => v === 1 || v === -1);

  /**
   * The hints that apply. model: {lp, chosen: [registry entries], options:
   * {lossName: {...}}, prediction, target} (tensors {data, shape}).
   * Returns [{id, text, action?: {label, kind}}].
   */
  function find(model) {
    const { lp, chosen, prediction: p, target: y } = model;
    const names = new Set(chosen.map((l) => l.name));
    const optionsOf = (name) => (model.options && model.options[name]) || {};
    const hints = [];
    if (!p || !y) return hints;

    if (names.has('cross_entropy') && rowsSumToOne(p)) {
      const logs = { data: Float64Array.from(p.data, Math.log), shape: p.shape };
      const args = { input: p, target: y };
      hints.push({
        id: 'ce_probabilities',
        text: text('hint.ce_probabilities', {
          loss: shown(tryValue(lp, 'cross_entropy', args, optionsOf('cross_entropy'))),
          fixed: shown(tryValue(lp, 'cross_entropy', { input: logs, target: y }, optionsOf('cross_entropy'))),
        }),
      });
    }

    for (const name of HINGE_LOSSES) {
      if (!names.has(name) || !isBinary(y) || !y.data.includes(0)) continue;
      const mapped = { data: Float64Array.from(y.data, (v) => (v === 0 ? -1 : v)), shape: y.shape };
      const spec = lp.loss(name);
      hints.push({
        id: `hinge_01:${name}`,
        text: text('hint.hinge_01', { loss: spec.shortName, fixed: shown(tryValue(lp, name, { input: p, target: mapped }, optionsOf(name))) }),
        action: { label: text('hint.hinge_01.action'), kind: 'map-zero-labels' },
      });
    }

    if (names.has('msle')) {
      const bad = count(p.data, (v) => !(v > -1)) + count(y.data, (v) => !(v > -1));
      if (bad) hints.push({ id: 'msle_domain', text: text('hint.msle_domain', { count: bad }) });
    }

    if (names.has('binary_cross_entropy')) {
      const bad = count(p.data, (v) => !(v >= 0 && v <= 1));
      if (bad) {
        const fixed = tryValue(lp, 'binary_cross_entropy_with_logits', { input: p, target: y }, {});
        hints.push({ id: 'bce_range', text: text('hint.bce_range', { count: bad, fixed: shown(fixed) }) });
      }
    }

    // Labels in ŷ and something else in y: the boxes are probably swapped.
    const binaryChosen = BINARY_LOSSES.some((n) => names.has(n));
    const hingeChosen = HINGE_LOSSES.some((n) => names.has(n));
    const swapped =
      (binaryChosen && isBinary(p) && !isBinary(y) && every(y.data, (v) => v >= 0 && v <= 1)) ||
      (names.has('cross_entropy') && isOneHot(p) && !isOneHot(y) && p.shape.join() === y.shape.join()) ||
      (hingeChosen && isSign(p) && !isSign(y) && !isBinary(y));
    if (swapped) {
      hints.push({ id: 'swapped', text: text('hint.swapped'), action: { label: text('hint.swapped.action'), kind: 'swap' } });
    }

    if (names.has('hinge_embedding_loss')) {
      const fixed = tryValue(lp, 'hinge', { input: p, target: y }, {});
      hints.push({ id: 'hinge_embedding', text: text('hint.hinge_embedding', { fixed: shown(fixed) }) });
    }
    return hints;
  }

  /** Renders hints into `container`; dismissed ones stay hidden until the page reloads. */
  class HintList {
    constructor(container, onAction) {
      this.container = container;
      this.onAction = onAction;
      this.dismissed = new Set();
    }

    show(hints) {
      const visible = hints.filter((h) => !this.dismissed.has(h.id));
      this.container.replaceChildren();
      this.container.hidden = visible.length === 0;
      for (const h of visible) {
        const card = document.createElement('div');
        card.className = 'hint-card';
        card.setAttribute('role', 'note');
        card.dataset.hint = h.id;
        const body = document.createElement('p');
        body.className = 'hint-text';
        body.textContent = h.text;
        card.append(body);
        if (h.action) {
          const act = document.createElement('button');
          act.type = 'button';
          act.className = 'hint-action';
          act.textContent = h.action.label;
          act.addEventListener('click', () => this.onAction(h.action.kind, h));
          card.append(act);
        }
        const close = document.createElement('button');
        close.type = 'button';
        close.className = 'hint-dismiss';
        close.setAttribute('aria-label', text('hint.dismiss'));
        close.textContent = '×';
        close.addEventListener('click', () => {
          this.dismissed.add(h.id);
          card.remove();
          this.container.hidden = this.container.children.length === 0;
        });
        card.append(close);
        this.container.append(card);
      }
    }
  }

  ui.hints = { find, HintList, STRINGS };
})((self.LossPlayUI = self.LossPlayUI || {}));
