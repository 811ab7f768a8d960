/* PyTorch code that reproduces what the page computed, on the user's data.
 *
 *   const code = ui.pytorchCode(lp.loss('huber_loss'), {input, target}, {delta: 0.5}, 'mean');
 *   const {code, files} = ui.pytorchCode.build(spec, args, options, reduction);
 *   const block = new ui.CodeBlock(container);  block.set(code, files);
 *
 * The code uses float64 tensors holding the user's numbers in full precision
 * (shapes kept, class indices as torch.long, requires_grad on the prediction
 * argument), calls torch.nn.functional with every non-default option spelled
 * out (losses PyTorch lacks are written out from their definitions), runs
 * backward on the loss (on its sum for reduction='none', as the page does)
 * and prints the loss and the gradient in full precision.
 *
 * Large data: the code writes at most INLINE_LIMIT (1000) numbers itself.
 * Beyond that the largest tensors (ties together) move to text files, named
 * predictions.txt, targets.txt or <argument>.txt, read with numpy.loadtxt;
 * `files` holds their text ({name, text}) and CodeBlock offers them for
 * download. */
(function (ui) {
  'use strict';

  const STRINGS = {
    header: { en: 'lossplay: {title} ({name}) on your data, in float64 as on the page.', zh: 'lossplay：用你的数据计算{title}（{name}），与页面一样使用 float64。' },
    runWith: { en: 'Run with Python 3 and PyTorch (checked with PyTorch 1.13).', zh: '用 Python 3 和 PyTorch 运行（已用 PyTorch 1.13 验证）。' },
    fromFile: { en: '{arg}: {count} numbers, more than this code writes out ({limit} in all), so they are read from {file}. Put that file beside this script (the page saves it with "Download {file}").', zh: '{arg}：共 {count} 个数，超过代码中直接写出的上限（共 {limit} 个），因此从 {file} 读取。请把该文件放在本脚本旁边（页面上的“下载 {file}”可保存它）。' },
    classIndices: { en: '{arg}: class indices, whole numbers as torch.long', zh: '{arg}：类别索引，整数，类型为 torch.long' },
    notInTorch: { en: '{name} is not in torch.nn.functional: written out from its definition.', zh: '{name} 不在 torch.nn.functional 中：按其定义直接写出。' },
    focal: { en: "torchvision.ops.sigmoid_focal_loss, written out (torchvision is not needed).", zh: 'torchvision.ops.sigmoid_focal_loss 的定义，直接写出（不需要 torchvision）。' },
    logCosh: { en: 'log(cosh(d)) computed stably: log1p(2 sinh(|d|/2)^2) below 1, |d| + log1p(exp(-2|d|)) - log 2 above.', zh: '稳定地计算 log(cosh(d))：|d| < 1 时用 log1p(2 sinh(|d|/2)^2)，否则用 |d| + log1p(exp(-2|d|)) - log 2。' },
    rmseNote: { en: 'RMSE is the square root of the mean squared error; it is defined with reduction mean only.', zh: 'RMSE 是均方误差的平方根，只定义了 mean 归约。' },
    noneSum: { en: "reduction='none' leaves one loss per element: backward on their sum gives the gradient the page shows.", zh: "reduction='none' 保留每个元素的损失：对它们的和做 backward，得到页面上显示的梯度。" },
    noTensor: { en: 'no values for {arg}', zh: '{arg} 没有数值' },
    noCode: { en: 'no PyTorch code is known for {name}', zh: '没有 {name} 的 PyTorch 代码' },
    codeLabel: { en: 'PyTorch code', zh: 'PyTorch 代码' },
    copy: { en: 'Copy', zh: '复制' },
    copyLabel: { en: 'Copy the PyTorch code', zh: '复制 PyTorch 代码' },
    copied: { en: 'Copied', zh: '已复制' },
    selected: { en: 'Selected: press Ctrl+C (⌘C on a Mac) to copy', zh: '已选中：按 Ctrl+C（Mac 上为 ⌘C）复制' },
    filesNeeded: { en: 'This code reads its data from:', zh: '此代码从以下文件读取数据：' },
    downloadFile: { en: 'Download {file}', zh: '下载 {file}' },
  };

  const INLINE_LIMIT = 1000;
  const WIDTH = 88;
  const COMMENT_WIDTH = 76;
  const INDEX_LOSSES = new Set(['cross_entropy', 'nll_loss', 'multi_margin_loss']);
  const COPIED_MS = 2000;

  function currentLang(lang) {
    const l = lang || (typeof ui.lang === 'function' ? ui.lang() : ui.lang);
    return l === 'zh' ? 'zh' : 'en';
  }

  // Registered with the page's i18n module as "code.<name>" when it is loaded.
  const PREFIX = 'code.';

  function t(key, vars, lang) {
    if (ui.i18n && typeof ui.i18n.has === 'function' && ui.i18n.has(PREFIX + key)) return ui.i18n.t(PREFIX + key, vars, currentLang(lang));
    const entry = STRINGS[key];
    const text = entry ? entry[currentLang(lang)] || entry.en : key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (vars && name in vars ? String(vars[name]) : m));
  }

  // ---- Python literals ----

  /** A float literal Python reads back to the same double. */
  function pyFloat(v) {
    if (Number.isNaN(v)) return "float('nan')";
    if (v === Infinity) return "float('inf')";
    if (v === -Infinity) return "float('-inf')";
    if (Object.is(v, -0)) return '-0.0';
    const s = String(v);
    return /[.e]/.test(s) ? s : `${s}.0`;
  }

  const pyInt = (v) => (Number.isInteger(v) ? String(v) : pyFloat(v));

  function pyOption(opt, value) {
    if (opt.type === 'boolean') return value ? 'True' : 'False';
    if (opt.type === 'integer') return pyInt(value);
    return pyFloat(value);
  }

  const pyShape = (shape) => (shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`);

  const product = (shape) => shape.reduce((a, b) => a * b, 1);

  // A list's items wrapped at WIDTH; `col` is the column of its '['.
  function wrapList(items, col) {
    if (!items.length) return '[]';
    const pad = ' '.repeat(col + 1);
    const lines = [];
    let line = '[';
    items.forEach((item, i) => {
      const piece = item + (i === items.length - 1 ? ']' : ',');
      const start = lines.length ? 0 : col;
      if (i > 0 && start + line.length + 1 + piece.length > WIDTH) {
        lines.push(line);
        line = pad + piece;
      } else {
        line += (i > 0 ? ' ' : '') + piece;
      }
    });
    lines.push(line);
    return lines.join('\n');
  }

  // Nested lists in the tensor's shape, one row per line for matrices.
  function nested(data, offset, shape, fmt, col) {
    if (shape.length === 0) return fmt(data[offset]);
    if (shape.length === 1) {
      const items = new Array(shape[0]);
      for (let i = 0; i < shape[0]; i++) items[i] = fmt(data[offset + i]);
      return wrapList(items, col);
    }
    const step = product(shape.slice(1));
    const rows = [];
    for (let i = 0; i < shape[0]; i++) rows.push(nested(data, offset + i * step, shape.slice(1), fmt, col + 1));
    return `[${rows.join(`,\n${' '.repeat(col + 1)}`)}]`;
  }

  // Calls wrapped after a comma, continuation aligned with the '('.
  function wrapCall(head, args) {
    const pad = ' '.repeat(head.length);
    const lines = [];
    let line = head;
    args.forEach((arg, i) => {
      const piece = arg + (i === args.length - 1 ? ')' : ',');
      if (i > 0 && line.length + 1 + piece.length > WIDTH) {
        lines.push(line);
        line = pad + piece;
      } else {
        line += (i > 0 ? ' ' : '') + piece;
      }
    });
    if (!args.length) line += ')';
    lines.push(line);
    return lines.join('\n');
  }

  // ---- the tensors ----

  function asTensor(value) {
    if (ArrayBuffer.isView(value) || Array.isArray(value)) return { data: value, shape: [value.length] };
    return { data: value.data, shape: Array.from(value.shape === undefined ? [value.data.length] : value.shape) };
  }

  const sameShape = (a, b) => a.length === b.length && a.every((d, i) => d === b[i]);

  // Class indices: what the core reads as such (the target has the input's
  // shape without its class dimension).
  function isIndexTarget(spec, tensors) {
    if (!INDEX_LOSSES.has(spec.name)) return false;
    const input = tensors.find((x) => x.role === 'prediction');
    const target = tensors.find((x) => x.role === 'target');
    if (!input || !target) return false;
    if (spec.name !== 'cross_entropy') return true;
    const s = input.shape;
    return sameShape(target.shape, s.length <= 1 ? [] : [s[0]].concat(s.slice(2)));
  }

  function fileNameFor(arg) {
    if (arg.role === 'prediction') return 'predictions.txt';
    if (arg.role === 'target') return 'targets.txt';
    return `${arg.name}.txt`;
  }

  function collectTensors(spec, args, lang) {
    const tensors = [];
    for (const arg of spec.args) {
      const value = args[arg.name];
      if (value === undefined || value === null) {
        if (arg.required) throw new Error(t('noTensor', { arg: arg.name }, lang));
        continue;
      }
      const tensor = asTensor(value);
      tensors.push({ name: arg.name, role: arg.role, required: arg.required, data: tensor.data, shape: tensor.shape, long: false, file: null });
    }
    if (isIndexTarget(spec, tensors)) tensors.find((x) => x.role === 'target').long = true;
    return tensors;
  }

  // The largest tensors (equal sizes together) go to files until at most
  // INLINE_LIMIT numbers remain inline.
  function planFiles(tensors) {
    let inline = tensors.reduce((n, x) => n + x.data.length, 0);
    while (inline > INLINE_LIMIT) {
      const biggest = Math.max(...tensors.filter((x) => !x.file).map((x) => x.data.length));
      for (const x of tensors) {
        if (!x.file && x.data.length === biggest) {
          x.file = fileNameFor(x);
          inline -= x.data.length;
        }
      }
    }
  }

  // A data file: one row per line for a matrix, one number per line
  // otherwise; numbers in full precision.
  function fileText(x) {
    const fmt = x.long ? pyInt : (v) => String(v);
    const width = x.shape.length === 2 ? x.shape[1] : 1;
    const lines = [];
    for (let i = 0; i < x.data.length; i += width) {
      const row = [];
      for (let j = i; j < Math.min(i + width, x.data.length); j++) row.push(fmt(x.data[j]));
      lines.push(row.join(' '));
    }
    return `${lines.join('\n')}\n`;
  }

  function tensorLines(x, lang) {
    const dtype = x.long ? 'torch.long' : 'torch.float64';
    const tail = x.role === 'prediction' ? `dtype=${dtype}, requires_grad=True` : `dtype=${dtype}`;
    const lines = [];
    if (x.long) lines.push(...commentLines(t('classIndices', { arg: x.name }, lang)));
    if (x.file) {
      for (const c of commentLines(t('fromFile', { arg: x.name, count: x.data.length, limit: INLINE_LIMIT, file: x.file }, lang))) lines.push(c);
      const np = `np.loadtxt('${x.file}', dtype=${x.long ? 'np.int64' : 'np.float64'}, ndmin=1).reshape(${pyShape(x.shape)})`;
      lines.push(wrapCall(`${x.name} = torch.tensor(`, [np, tail]));
      return lines;
    }
    const fmt = x.long ? pyInt : pyFloat;
    const head = `${x.name} = torch.tensor(`;
    const oneLine = nested(x.data, 0, x.shape, fmt, head.length);
    const single = `${head}${oneLine}, ${tail})`;
    if (!oneLine.includes('\n') && single.length <= WIDTH) lines.push(single);
    else lines.push(`${head}\n    ${nested(x.data, 0, x.shape, fmt, 4)},\n    ${tail})`);
    return lines;
  }

  // Columns a monospace font gives: CJK characters take two.
  function displayWidth(text) {
    let w = 0;
    for (const ch of text) w += /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
    return w;
  }

  // Words, breakable at spaces and after Chinese punctuation.
  function commentPieces(text) {
    const pieces = [];
    let cur = '';
    for (const ch of text) {
      if (ch === ' ') {
        if (cur) pieces.push({ text: cur, space: true });
        cur = '';
        continue;
      }
      cur += ch;
      if ('，。；：、）'.includes(ch)) {
        pieces.push({ text: cur, space: false });
        cur = '';
      }
    }
    if (cur) pieces.push({ text: cur, space: true });
    return pieces;
  }

  // A comment wrapped shorter than code, to read on narrow screens.
  function commentLines(text) {
    const lines = [];
    let line = '#';
    let gap = ' ';
    for (const piece of commentPieces(text)) {
      if (line.length > 1 && displayWidth(line) + gap.length + displayWidth(piece.text) > COMMENT_WIDTH) {
        lines.push(line);
        line = '#';
        gap = ' ';
      }
      line += gap + piece.text;
      gap = piece.space ? ' ' : '';
    }
    lines.push(line);
    return lines;
  }

  // ---- the computation ----

  function optionValue(spec, options, name) {
    const opt = spec.options.find((o) => o.name === name);
    const given = options && options[name];
    return given === undefined ? opt.default : given;
  }

  // Losses torch.nn.functional lacks, from the definitions the core follows
  // (x = input, y = target). Each returns the lines that compute `per`
  // (one loss per element, or per row) from `input` and `target`.
  const CUSTOM = {
    msle: () => ['per_element = (torch.log1p(input) - torch.log1p(target)) ** 2'],
    mape: () => ['per_element = 100 * torch.abs(target - input) / torch.clamp(torch.abs(target), min=1e-7)'],
    log_cosh: (o, lang) => [
      ...commentLines(t('logCosh', null, lang)),
      'd = input - target',
      'a = torch.abs(d)',
      'small = torch.log1p(2 * torch.sinh(torch.clamp(a, max=1) / 2) ** 2)',
      'large = a + torch.log1p(torch.exp(-2 * a)) - math.log(2)',
      'per_element = torch.where(a < 1, small, large)',
    ],
    quantile: (o) => [
      `tau = ${o('tau')}`,
      'd = target - input',
      'per_element = torch.maximum(tau * d, (tau - 1) * d)',
    ],
    poisson: () => ['per_element = input - target * torch.log(input + 1e-7)'],
    hinge: (o) => [`margin = ${o('margin')}`, 'per_element = torch.clamp(margin - target * input, min=0)'],
    squared_hinge: (o) => [`margin = ${o('margin')}`, 'per_element = torch.clamp(margin - target * input, min=0) ** 2'],
    categorical_hinge: () => [
      'neg = ((1 - target) * input).amax(dim=-1)  # the best wrong score',
      'pos = (target * input).sum(dim=-1)  # the true score',
      'per_element = torch.clamp(neg - pos + 1, min=0)  # one loss per row',
    ],
    sigmoid_focal_loss: (o, lang) => [
      ...commentLines(t('focal', null, lang)),
      `alpha = ${o('alpha')}`,
      `gamma = ${o('gamma')}`,
      'p = torch.sigmoid(input)',
      "ce_loss = F.binary_cross_entropy_with_logits(input, target, reduction='none')",
      'p_t = p * target + (1 - p) * (1 - target)',
      'per_element = ce_loss * ((1 - p_t) ** gamma)',
      'if alpha >= 0:',
      '    alpha_t = alpha * target + (1 - alpha) * (1 - target)',
      '    per_element = alpha_t * per_element',
    ],
  };

  const DEFINITIONS = {
    msle: '(log1p(ŷ) - log1p(y))^2',
    mape: '100 |y - ŷ| / max(|y|, 1e-7)',
    log_cosh: 'log(cosh(ŷ - y))',
    quantile: 'max(τ d, (τ - 1) d), d = y - ŷ',
    poisson: 'ŷ - y log(ŷ + 1e-7)',
    hinge: 'max(0, margin - y ŷ)',
    squared_hinge: 'max(0, margin - y ŷ)^2',
    categorical_hinge: 'max(0, max_j((1 - y_j) ŷ_j) - Σ_j y_j ŷ_j + 1)',
    sigmoid_focal_loss: '',
  };

  function reducedLine(reduction) {
    if (reduction === 'none') return 'loss = per_element';
    return `loss = per_element.${reduction === 'sum' ? 'sum' : 'mean'}()`;
  }

  function computeLines(spec, tensors, options, reduction, lang) {
    const o = (name) => pyOption(spec.options.find((x) => x.name === name), optionValue(spec, options, name));
    if (spec.name === 'rmse') {
      return [...commentLines(t('rmseNote', null, lang)), "loss = torch.sqrt(F.mse_loss(input, target, reduction='mean'))"];
    }
    if (CUSTOM[spec.name]) {
      const lines = commentLines(t('notInTorch', { name: spec.name }, lang));
      if (DEFINITIONS[spec.name]) lines.push(`# ${spec.name} = ${DEFINITIONS[spec.name]}`);
      return lines.concat(CUSTOM[spec.name](o, lang), [reducedLine(reduction)]);
    }
    if (!spec.pytorch) throw new Error(t('noCode', { name: spec.name }, lang));
    const fn = spec.pytorch.replace(/^torch\.nn\.functional\./, 'F.');
    const args = tensors.filter((x) => x.required).map((x) => x.name);
    for (const x of tensors) if (!x.required) args.push(`${x.name}=${x.name}`);
    args.push(`reduction='${reduction}'`);
    for (const opt of spec.options) {
      const value = optionValue(spec, options, opt.name);
      if (value !== opt.default) args.push(`${opt.name}=${pyOption(opt, value)}`);
    }
    return [wrapCall(`loss = ${fn}(`, args)];
  }

  /**
   * {code, files}: the Python program and the data files it reads (empty
   * unless the data are large). `reduction` is the one the page used; one
   * the loss does not offer falls back to its default, as on the page.
   * options.lang ('en' | 'zh') picks the comments' language.
   */
  function build(spec, args, options, reduction, settings = {}) {
    const lang = settings.lang;
    const used = spec.reductions.includes(reduction) ? reduction : spec.defaultReduction;
    const tensors = collectTensors(spec, args, lang);
    planFiles(tensors);
    const prediction = tensors.find((x) => x.role === 'prediction');
    const title = currentLang(lang) === 'zh' ? spec.titleZh : spec.titleEn;
    const lines = [...commentLines(t('header', { title, name: spec.name }, lang)), ...commentLines(t('runWith', null, lang))];
    if (spec.name === 'log_cosh') lines.push('import math');
    if (tensors.some((x) => x.file)) lines.push('import numpy as np');
    lines.push('import torch', 'import torch.nn.functional as F', '');
    for (const x of tensors) lines.push(...tensorLines(x, lang));
    lines.push('', ...computeLines(spec, tensors, options, used, lang));
    if (used === 'none') lines.push(...commentLines(t('noneSum', null, lang)), 'loss.sum().backward()');
    else lines.push('loss.backward()');
    lines.push('', "print('loss =', loss.tolist())", `print('${prediction.name}.grad =', ${prediction.name}.grad.tolist())`);
    const files = tensors.filter((x) => x.file).map((x) => ({ name: x.file, arg: x.name, text: fileText(x) }));
    return { code: `${lines.join('\n')}\n`, files };
  }

  /** The Python program (a string); see build for the data files. */
  function pytorchCode(spec, args, options, reduction, settings) {
    return build(spec, args, options, reduction, settings).code;
  }

  // ---- the Copy button ----

  function selectContents(node) {
    const range = document.createRange();
    range.selectNodeContents(node);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // The old way, for pages without the Clipboard API (http://, file:// in
  // some browsers): copies the current selection.
  function execCopy() {
    try {
      return document.execCommand('copy');
    } catch (e) {
      return false;
    }
  }

  /**
   * Copies `text`: navigator.clipboard when it works, else selects `node`'s
   * text and tries the old copy command. Resolves to 'clipboard', 'command'
   * or 'selected' (the text is selected for the user to copy).
   */
  async function copyText(text, node) {
    if (typeof navigator !== 'undefined' && navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      try {
        await navigator.clipboard.writeText(text);
        return 'clipboard';
      } catch (e) {
        // denied or unavailable: fall back below
      }
    }
    if (node) {
      selectContents(node);
      if (execCopy()) return 'command';
    }
    return 'selected';
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * A code listing with a Copy button, appended to `container`.
   * settings: {label} (the heading, default "PyTorch code"), {onCopy(how)}.
   * .set(code, files) shows code (text only) and, when files is not empty,
   * a download button per data file. .copy() copies and announces politely.
   */
  class CodeBlock {
    constructor(container, settings = {}) {
      this.settings = settings;
      this._code = '';
      this._files = [];
      this.root = el('div', 'lp-codeblock');
      const bar = el('div', 'lp-codeblock-bar');
      this.label = el('span', 'lp-codeblock-label', settings.label || t('codeLabel'));
      this.button = el('button', 'lp-codeblock-copy', t('copy'));
      this.button.type = 'button';
      this.button.setAttribute('aria-label', t('copyLabel'));
      this.button.addEventListener('click', () => this.copy());
      bar.append(this.label, this.button);
      this.pre = el('pre', 'lp-codeblock-pre');
      this.pre.tabIndex = 0; // scrollable by keyboard on narrow screens
      this.pre.setAttribute('aria-label', settings.label || t('codeLabel'));
      this.codeNode = el('code', 'lp-codeblock-code language-python');
      this.pre.append(this.codeNode);
      this.filesBox = el('div', 'lp-codeblock-files');
      this.filesBox.hidden = true;
      this.status = el('span', 'lp-codeblock-status');
      this.status.setAttribute('role', 'status');
      this.status.setAttribute('aria-live', 'polite');
      this.root.append(bar, this.pre, this.filesBox, this.status);
      container.append(this.root);
      // The labels follow the page's language; the code itself is the
      // caller's to rebuild (its comments were written in one language).
      this._unsubscribe = ui.i18n && typeof ui.i18n.onChange === 'function' ? ui.i18n.onChange(() => this.relabel()) : null;
    }

    /** Removes the block from the page. */
    destroy() {
      if (this._unsubscribe) this._unsubscribe();
      clearTimeout(this._reset);
      this.root.remove();
    }

    get code() {
      return this._code;
    }

    set(code, files = []) {
      this._code = String(code);
      this._files = files.slice();
      this.codeNode.textContent = this._code;
      this.filesBox.replaceChildren();
      this.filesBox.hidden = this._files.length === 0;
      if (this._files.length) {
        this.filesBox.append(el('span', 'lp-codeblock-files-label', t('filesNeeded')));
        for (const file of this._files) {
          const button = el('button', 'lp-codeblock-file', t('downloadFile', { file: file.name }));
          button.type = 'button';
          button.addEventListener('click', () => this.downloadFile(file));
          this.filesBox.append(button);
        }
      }
    }

    downloadFile(file) {
      const blob = new Blob([file.text], { type: 'text/plain;charset=utf-8' });
      if (ui.exportResults) return ui.exportResults.download(file.name, blob);
      const url = URL.createObjectURL(blob);
      const link = el('a');
      link.href = url;
      link.download = file.name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      return undefined;
    }

    async copy() {
      const how = await copyText(this._code, this.codeNode);
      const message = how === 'selected' ? t('selected') : t('copied');
      // Emptied first so that a second copy is announced again.
      this.status.textContent = '';
      setTimeout(() => {
        this.status.textContent = message;
      }, 50);
      if (how !== 'selected') {
        this.button.textContent = t('copied');
        this.button.classList.add('lp-codeblock-copied');
        clearTimeout(this._reset);
        this._reset = setTimeout(() => {
          this.button.textContent = t('copy');
          this.button.classList.remove('lp-codeblock-copied');
        }, COPIED_MS);
      }
      if (this.settings.onCopy) this.settings.onCopy(how);
      return how;
    }

    /** Texts in the page's current language (after a language switch). */
    relabel() {
      this.label.textContent = this.settings.label || t('codeLabel');
      this.button.textContent = t('copy');
      this.button.setAttribute('aria-label', t('copyLabel'));
      this.set(this._code, this._files);
    }
  }

  pytorchCode.build = build;
  pytorchCode.copyText = copyText;
  pytorchCode.INLINE_LIMIT = INLINE_LIMIT;
  pytorchCode.strings = STRINGS;
  ui.pytorchCode = pytorchCode;
  ui.CodeBlock = CodeBlock;
  (ui.stringTables = ui.stringTables || {}).pytorchCode = STRINGS;
  if (ui.i18n && typeof ui.i18n.register === 'function') {
    ui.i18n.register(Object.fromEntries(Object.entries(STRINGS).map(([k, v]) => [PREFIX + k, v])));
  }
})(((typeof self !== 'undefined' ? self : globalThis).LossPlayUI = (typeof self !== 'undefined' ? self : globalThis).LossPlayUI || {}));
