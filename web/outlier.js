/* The outlier experiment: one extra sample, far from the rest, added to the
 * computation (never to the user's text), so that MSE's sensitivity and the
 * robustness of MAE and Huber show side by side as it is dragged. */
(function (ui) {
  'use strict';

  const STRINGS = {
    'outlier.toggle': { en: 'Add an outlier', zh: '加入一个离群点' },
    'outlier.size': { en: 'Outlier residual ŷ − y', zh: '离群点的误差 ŷ − y' },
    'outlier.help': {
      en: 'One extra sample with this residual joins the data for every selected loss; your text is left as it is.',
      zh: '在数据中额外加入一个误差为该值的样本，对所有选中的损失同时生效；输入框中的文字不会改变。',
    },
    'outlier.unsupported': {
      en: 'The outlier needs ŷ and y as two lists of the same length.',
      zh: '离群点实验需要 ŷ 和 y 是等长的一维数据。',
    },
  };

  if (ui.i18n) ui.i18n.register(STRINGS);

  function text(key) {
    if (ui.i18n && ui.i18n.t) return ui.i18n.t(key);
    return STRINGS[key][ui.lang === 'zh' ? 'zh' : 'en'];
  }

  /** ŷ and y with one more sample: y at the mean of y, ŷ = y + residual. null if not 1-D pairs. */
  function withOutlier(prediction, target, residual) {
    if (!prediction || !target || prediction.shape.length !== 1 || target.shape.length !== 1) return null;
    const n = prediction.data.length;
    if (n === 0 || target.data.length !== n) return null;
    let mean = 0;
    for (const v of target.data) mean += v / n;
    const p = new Float64Array(n + 1);
    const y = new Float64Array(n + 1);
    p.set(prediction.data);
    y.set(target.data);
    y[n] = mean;
    p[n] = mean + residual;
    return { prediction: { data: p, shape: [n + 1] }, target: { data: y, shape: [n + 1] } };
  }

  /** A checkbox, a slider and a number box, kept in step. */
  class OutlierControl {
    constructor(container, onChange) {
      this.onChange = onChange;
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = 'outlier-on';
      const boxLabel = document.createElement('label');
      boxLabel.htmlFor = box.id;
      boxLabel.textContent = text('outlier.toggle');
      const slider = document.createElement('input');
      slider.type = 'range';
      slider.id = 'outlier-slider';
      slider.min = '-50';
      slider.max = '50';
      slider.step = '0.5';
      slider.value = '10';
      const number = document.createElement('input');
      number.type = 'number';
      number.id = 'outlier-size';
      number.step = 'any';
      number.value = '10';
      const numberLabel = document.createElement('label');
      numberLabel.htmlFor = number.id;
      numberLabel.textContent = text('outlier.size');
      slider.setAttribute('aria-label', text('outlier.size'));
      const help = document.createElement('p');
      help.className = 'outlier-help';
      help.textContent = text('outlier.help');
      const row = document.createElement('div');
      row.className = 'outlier-controls';
      row.append(numberLabel, slider, number);
      const head = document.createElement('div');
      head.className = 'outlier-toggle';
      head.append(box, boxLabel);
      container.append(head, row, help);
      this.relabel = () => {
        boxLabel.textContent = text('outlier.toggle');
        numberLabel.textContent = text('outlier.size');
        slider.setAttribute('aria-label', text('outlier.size'));
        help.textContent = text('outlier.help');
      };
      this.box = box;
      this.slider = slider;
      this.number = number;
      this.row = row;
      this.help = help;
      this.sync();
      box.addEventListener('change', () => {
        this.sync();
        this.onChange();
      });
      slider.addEventListener('input', () => {
        number.value = slider.value;
        this.onChange();
      });
      number.addEventListener('input', () => {
        if (Number.isFinite(Number(number.value)) && number.value.trim() !== '') slider.value = number.value;
        this.onChange();
      });
    }

    sync() {
      this.row.hidden = !this.box.checked;
      this.help.hidden = !this.box.checked;
    }

    /** The residual when the experiment is on and the number is valid, else null. */
    residual() {
      if (!this.box.checked) return null;
      const v = Number(this.number.value);
      return this.number.value.trim() !== '' && Number.isFinite(v) ? v : null;
    }

    unsupported() {
      return text('outlier.unsupported');
    }
  }

  ui.outlier = { withOutlier, OutlierControl, STRINGS };
})((self.LossPlayUI = self.LossPlayUI || {}));
