/* The playground page: builds its controls from the core's registry, parses
 * what is pasted, runs the selected losses and shows values, formulas,
 * gradients and the teaching charts. User text only ever goes into
 * textContent and form values, never into markup. */
(function (ui) {
  'use strict';

  const GROUPS = ['regression', 'binary', 'multiclass', 'ranking', 'probabilistic'];
  const COLORS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#9333ea', '#ea580c', '#0d9488'];
  const DEBOUNCE_MS = 150;
  // The study note's groups start open; the rest of the catalogue folds away
  // (and opens when one of its losses is selected) to keep phones short.
  const OPEN_GROUPS = new Set(['regression', 'binary', 'multiclass']);


  // Short names an embed's `losses=` may use, beside conformance and short names.
  const ALIASES = {
    mse: 'mse_loss', mae: 'l1_loss', huber: 'huber_loss', smooth_l1: 'smooth_l1_loss', logcosh: 'log_cosh',
    bce: 'binary_cross_entropy', bce_logits: 'binary_cross_entropy_with_logits', focal: 'sigmoid_focal_loss',
    soft_margin: 'soft_margin_loss', hinge_embedding: 'hinge_embedding_loss', ce: 'cross_entropy', nll: 'nll_loss',
    multi_margin: 'multi_margin_loss', multilabel: 'multilabel_soft_margin_loss', margin_ranking: 'margin_ranking_loss',
    cosine: 'cosine_embedding_loss', triplet: 'triplet_margin_loss', poisson_nll: 'poisson_nll_loss',
    gaussian_nll: 'gaussian_nll_loss', kl: 'kl_div',
  };
  const PANELS = { data: 'card-data', losses: 'card-losses', results: 'card-results', charts: 'card-chart', formulas: 'card-formulas' };
  const EMBED_PANELS = ['data', 'results', 'charts'];

  const STRINGS = {
    'page.copyLink': { en: 'Copy link', zh: '复制链接' },
    'page.linkCopied': { en: 'Link copied: it reopens this exact view.', zh: '链接已复制：打开它会还原当前的页面。' },
    'page.linkNoData': {
      en: 'The data are too large for a link: the address bar keeps the losses and options but not the numbers.',
      zh: '数据太大，无法放进链接：地址栏中的链接保留了损失函数和选项，但不包含数据。',
    },
    'page.openedNoData': { en: 'This link did not include the data; paste it again.', zh: '这个链接不包含数据，请重新粘贴。' },
    'results.exportCsv': { en: 'Download CSV', zh: '下载 CSV' },
    'results.exportJson': { en: 'Download JSON', zh: '下载 JSON' },
    'results.exportPng': { en: 'Chart as PNG', zh: '图表另存为 PNG' },
    'formulas.code': { en: 'PyTorch code for these numbers', zh: '复现这些数字的 PyTorch 代码' },
    'embed.open': { en: 'Open in the full playground ↗', zh: '在完整的实验台中打开 ↗' },
    'embed.unknownLoss': { en: 'This widget names a loss lossplay does not know: {name}.', zh: '这个小部件指定了 lossplay 不认识的损失函数：{name}。' },
  };
  if (ui.i18n) ui.i18n.register(STRINGS);
  const t = (key, params) => ui.i18n.t(key, params);
  const pick = (entry, field) => ui.i18n.pick(entry, field);
  // A loss's titles with the page's language first.
  const titles = (loss) => t('loss.bothTitles', { en: loss.titleEn, zh: loss.titleZh });

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  // Textarea selection uses UTF-16 offsets; the core counts code points.
  function offsetOf(text, line, column) {
    let i = 0;
    for (let l = 1; l < line; l++) {
      const next = text.indexOf('\n', i);
      if (next < 0) return text.length;
      i = next + 1;
    }
    for (let c = 1; c < column && i < text.length; c++) {
      const code = text.codePointAt(i);
      i += code > 0xffff ? 2 : 1;
    }
    return i;
  }

  class App {
    /**
     * lp: the loaded API. where: {root (document or a shadow root), frame
     * (the .lp-app element holding the layout), themeHost (what carries
     * data-theme), params (URLSearchParams of embed settings), element (the
     * <loss-playground> host, if any), site (URL of index.html)}.
     */
    constructor(lp, where) {
      this.lp = lp;
      this.root = where.root;
      this.frame = where.frame;
      this.themeHost = where.themeHost;
      this.element = where.element || null;
      this.site = where.site;
      this.$ = (id) => this.root.getElementById(id);
      // Colours go to the selected losses in list order, so the few on
      // screen never share one, however long the catalogue.
      this.color = new Map();
      this.selected = new Set();
      this.timer = 0;
      this.texts = []; // setters that re-word the built controls when the language changes
      ui.i18n.applyTo(this.root); // again, now that this file's strings are registered
      this.inputs = { predictions: this.$('predictions'), targets: this.$('targets') };
      this.charts = new ui.LossCharts(this.$('charts'), lp);
      this.hints = new ui.hints.HintList(this.$('hints'), (kind) => this.hintAction(kind));
      this.outlier = new ui.outlier.OutlierControl(this.$('outlier'), () => this.scheduleFrame());
      // Two columns pasted from a spreadsheet into the ŷ box: choose which is which.
      this.columns = new ui.ColumnPicker(this.$('column-picker'), { onChange: () => this.update() });
      for (const area of Object.values(this.inputs)) ui.attachFileInput(area, {});
      this.buildPresets();
      this.buildPicker();
      this.buildOptions();
      this.buildExtraInputs();
      for (const area of Object.values(this.inputs)) area.addEventListener('input', () => this.schedule());
      this.$('reduction').addEventListener('change', () => this.update());
      this.$('theme').addEventListener('change', () => this.setTheme(this.$('theme').value));
      this.$('lang').value = ui.i18n.lang;
      this.$('lang').addEventListener('change', () => ui.i18n.setLang(this.$('lang').value));
      ui.i18n.onChange((lang) => {
        if (this.element) ui.i18n.applyTo(this.root);
        this.$('lang').value = lang;
        for (const set of this.texts) set();
        this.outlier.relabel();
        this.update();
      });
      this.$('copy-link').addEventListener('click', () => this.copyLink());
      this.$('export-csv').addEventListener('click', () => this.exportAs('csv'));
      this.$('export-json').addEventListener('click', () => this.exportAs('json'));
      this.$('export-png').addEventListener('click', () => this.exportAs('png'));
      const params = where.params;
      if (this.element || params.get('embed') === '1' || params.get('embed') === 'true') this.startEmbed(params);
      else this.restore();
    }

    // A loss named by an embed: conformance name, short name or alias.
    lossNamed(name) {
      const key = name.trim().toLowerCase();
      const byName = this.lp.losses.find((l) => l.name === key || l.shortName.toLowerCase() === key);
      return byName ? byName.name : ALIASES[key] && this.lp.loss(ALIASES[key]) ? ALIASES[key] : null;
    }

    // Widget mode for a blog post: the panels, losses, data and options the
    // URL asks for; never writes the URL; tells a parent frame its height.
    startEmbed(params) {
      this.frame.classList.add('embed');
      if (!this.element) document.documentElement.classList.add('embed');
      const panels = (params.get('panels') || EMBED_PANELS.join(',')).split(',').map((p) => p.trim());
      for (const [name, cls] of Object.entries(PANELS)) {
        for (const card of this.root.querySelectorAll(`.${cls}`)) card.hidden = !panels.includes(name);
      }
      // Errors must stay visible when the data card is not shown.
      const firstCard = this.root.querySelector('.card:not([hidden])');
      if (!panels.includes('data') && firstCard) firstCard.prepend(this.$('alert'));
      const unknown = this.applyParams(params, true);
      if (params.get('lang') && this.element) ui.i18n.setLang(params.get('lang'), { page: false });
      if (params.get('theme')) this.setTheme(params.get('theme'), false);
      const open = el('a', { class: 'embed-open', target: '_blank', rel: 'noopener', href: this.site });
      this.say(open, () => t('embed.open'));
      this.root.querySelector('.layout').after(open);
      this.embedLink = open;
      this.update();
      if (unknown.length) this.notice(t('embed.unknownLoss', { name: unknown.join(', ') }), true);
      this.reportHeight(params.get('id'));
    }

    // preset=, losses=, data= and options= of an embed (or of a link built
    // like one, such as the shortcode's fallback); returns unknown loss names.
    applyParams(params, embed) {
      const preset = ui.presets.find((p) => p.id === params.get('preset'));
      if (preset) this.loadPreset(preset);
      else if (embed) {
        this.inputs.predictions.value = '';
        this.inputs.targets.value = '';
      }
      const unknown = [];
      if (params.get('losses')) {
        this.selected = new Set();
        for (const item of params.get('losses').split(',').filter((s) => s.trim())) {
          const name = this.lossNamed(item);
          if (name) this.selected.add(name);
          else unknown.push(item.trim());
        }
        for (const loss of this.lp.losses) this.$(`loss-${loss.name}`).checked = this.selected.has(loss.name);
        this.openSelectedGroups();
      }
      if (params.has('data')) {
        // "ŷ | y", with ";" between the rows of a matrix.
        const [p, y = ''] = params.get('data').split('|');
        this.inputs.predictions.value = p.trim().replace(/\s*;\s*/g, '\n');
        this.inputs.targets.value = y.trim().replace(/\s*;\s*/g, '\n');
      }
      for (const item of (params.get('options') || '').split(',').filter((s) => s.includes(':'))) {
        const [path, value] = item.split(':');
        const [lossPart, option] = path.split('.');
        const name = this.lossNamed(lossPart || '');
        const entry = name && this.optionInputs.get(`opt-${name}-${(option || '').trim()}`);
        if (!entry) continue;
        if (entry.opt.type === 'boolean') entry.input.checked = value.trim() === 'true';
        else entry.input.value = value.trim();
      }
      return unknown;
    }

    // Inside an iframe, tell the host page our height (embed.js sizes the frame).
    reportHeight(id) {
      if (this.element || window.parent === window) return;
      let last = 0;
      const post = () => {
        // The content's own height (scrollHeight never drops below the frame's).
        const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
        if (height === last) return;
        last = height;
        window.parent.postMessage({ type: 'lossplay:height', id: id || null, height }, '*');
      };
      new ResizeObserver(post).observe(document.documentElement);
      post();
    }

    // Opens the view a link describes, or the note's first example.
    async restore() {
      let state = null;
      try {
        state = await ui.share.readFromUrl(location, this.lp);
      } catch (e) {
        this.loadPreset(ui.presets[0]);
        this.notice(e.message, true);
        this.linked = true;
        return;
      }
      const params = new URLSearchParams(location.search);
      if (state) {
        this.applyState(state);
        if (!state.data) this.notice(t('page.openedNoData'), true);
      } else if (['preset', 'losses', 'data'].some((k) => params.has(k))) {
        const unknown = this.applyParams(params, false); // e.g. an embed's no-script link
        this.update();
        if (unknown.length) this.notice(t('embed.unknownLoss', { name: unknown.join(', ') }), true);
      } else {
        this.loadPreset(ui.presets[0]);
      }
      this.linked = true;
    }

    // A message about links that stays until the next one.
    notice(text, isAlert) {
      const box = this.$('link-notice');
      box.textContent = text;
      box.hidden = !text;
      box.classList.toggle('notice-alert', Boolean(isAlert));
    }

    // Keeps the address bar's link in step with the view (replaceState, debounced).
    async writeLink() {
      if (this.embedLink) {
        // The widget's "open in full" link carries its state; the URL stays as it is.
        const { url } = await ui.share.linkFor(this.state(), this.site);
        this.embedLink.href = url;
        return;
      }
      if (!this.linked) return;
      try {
        const r = await ui.share.writeToUrl(this.state());
        if (r && r.written !== false) this.notice(r.truncated ? t('page.linkNoData') : '', false);
      } catch (e) {
        // A state the share module refuses is a bug of ours, not the user's: keep the page working.
        console.error(e);
      }
    }

    async copyLink() {
      const { url, truncated } = await ui.share.linkFor(this.state());
      try {
        await navigator.clipboard.writeText(url);
        this.notice(truncated ? t('page.linkNoData') : t('page.linkCopied'), false);
      } catch (e) {
        this.notice(url, false); // no clipboard (file://, permissions): show it to copy by hand
      }
    }

    exportAs(kind) {
      const results = this.lastResults || [];
      const model = ui.exportResults.model(results, { lang: ui.i18n.lang });
      const X = ui.exportResults;
      if (kind === 'csv') X.download('lossplay-results.csv', X.csvBlob(X.toCsv(model)));
      else if (kind === 'json') X.download('lossplay-results.json', X.jsonBlob(X.toJson(model)));
      else {
        const canvas = stackCanvases(this.charts.canvases());
        if (canvas) X.canvasToPng(canvas).then((blob) => X.download('lossplay-charts.png', blob));
      }
    }

    // ---- building the controls from the registry ----

    // Sets node's text now and again whenever the language changes.
    say(node, words) {
      const set = () => { node.textContent = words(); };
      set();
      this.texts.push(set);
      return node;
    }

    buildPresets() {
      const box = this.$('preset-buttons');
      for (const p of ui.presets) {
        box.append(this.say(el('button', { type: 'button', class: 'preset', 'data-preset': p.id, onclick: () => this.loadPreset(p) }),
          () => pick(p, 'label')));
      }
    }

    buildPicker() {
      const picker = this.$('loss-picker');
      for (const group of GROUPS) {
        const losses = this.lp.losses.filter((l) => l.group === group);
        if (!losses.length) continue;
        const title = () => t(`group.${group}`);
        const fieldset = el('fieldset', { class: 'loss-group' }, this.say(el('legend', { class: 'visually-hidden' }), title));
        const details = el('details', { class: 'loss-fold', 'data-group': group, open: OPEN_GROUPS.has(group) },
          el('summary', {}, this.say(el('span'), title), el('span', { class: 'fold-count', text: ` (${losses.length})` })), fieldset);
        for (const loss of losses) {
          const id = `loss-${loss.name}`;
          const box = el('input', { type: 'checkbox', id, value: loss.name });
          box.addEventListener('change', () => {
            if (box.checked) this.selected.add(loss.name);
            else this.selected.delete(loss.name);
            this.update();
          });
          fieldset.append(
            el('div', { class: 'loss-choice' }, box,
              el('label', { for: id },
                el('span', { class: 'loss-short', text: loss.shortName }),
                this.say(el('span', { class: 'loss-title' }), () => titles(loss)))));
        }
        picker.append(details);
      }
    }

    buildOptions() {
      const box = this.$('options');
      this.pendingSliders = []; // δ, β, margin, τ, γ get a slider once their row is on the page
      this.optionInputs = new Map();
      for (const loss of this.lp.losses) {
        for (const opt of loss.options) {
          const id = `opt-${loss.name}-${opt.name}`;
          let input;
          if (opt.type === 'boolean') {
            input = el('input', { type: 'checkbox', id });
            input.checked = opt.default;
          } else {
            input = el('input', {
              type: 'number', id, inputmode: 'decimal',
              step: opt.type === 'integer' ? '1' : 'any',
              min: Number.isFinite(opt.min) ? String(opt.min) : null,
              max: Number.isFinite(opt.max) ? String(opt.max) : null,
            });
            input.value = String(opt.default);
          }
          input.addEventListener('input', () => this.schedule());
          if (ui.LossCharts.hasSlider(opt)) this.pendingSliders.push([loss, opt.name, input]);
          const label = el('label', { for: id }, `${loss.shortName} ${opt.label}`,
            opt.label !== opt.name ? el('span', { class: 'option-name', text: ` (${opt.name})` }) : null);
          const help = this.say(el('span', { class: 'option-help' }),
            () => t('option.help', { help: pick(opt, 'help'), range: ui.i18n.rangeText(opt.range) }));
          const row = el('div', { class: 'setting option', 'data-loss': loss.name, hidden: true }, label, input, help);
          box.append(row);
          this.optionInputs.set(id, { loss, opt, input, row });
        }
      }
      for (const [loss, name, input] of this.pendingSliders) this.charts.linkOption(loss, name, input);
    }

    // Text areas for the arguments beyond ŷ and y (weights, a variance, the
    // second input of a ranking loss, ...), one per loss and argument, shown
    // while the loss is selected.
    buildExtraInputs() {
      const box = this.$('extra-inputs');
      this.extraInputs = new Map();
      for (const loss of this.lp.losses) {
        for (const arg of loss.args) {
          if (arg.role === 'prediction' || arg.role === 'target') continue;
          const id = `arg-${loss.name}-${arg.name}`;
          const area = el('textarea', { id, rows: '2', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': `${id}-info` });
          area.addEventListener('input', () => this.schedule());
          const label = el('label', { for: id }, `${loss.shortName}: ${arg.name}`,
            this.say(el('span', { class: 'arg-need' }), () => t(arg.required ? 'arg.required' : 'arg.optional')));
          const info = el('p', { id: `${id}-info`, class: 'understood' });
          const field = el('div', { class: 'field extra-field', 'data-loss': loss.name, hidden: true }, label, area, info);
          box.append(field);
          this.extraInputs.set(id, { loss, arg, area, field, info });
        }
      }
    }

    // ---- state changes ----

    // Everything a link needs to reopen this exact view.
    state() {
      const options = {};
      const extra = {};
      for (const name of this.selected) {
        const loss = this.lp.loss(name);
        options[name] = {};
        for (const opt of loss.options) {
          const { input } = this.optionInputs.get(`opt-${name}-${opt.name}`);
          const value = opt.type === 'boolean' ? input.checked : Number(input.value);
          if (opt.type === 'boolean' || (input.value.trim() !== '' && Number.isFinite(value))) options[name][opt.name] = value;
        }
      }
      for (const x of this.extraInputs.values()) {
        if (this.selected.has(x.loss.name) && x.area.value !== '') extra[`${x.loss.name}:${x.arg.name}`] = x.area.value;
      }
      const theme = this.themeHost.dataset.theme || null;
      return {
        v: 1,
        lang: ui.i18n.lang,
        theme,
        reduction: this.$('reduction').value,
        losses: this.lp.losses.filter((l) => this.selected.has(l.name)).map((l) => l.name),
        options,
        data: { predictions: this.inputs.predictions.value, targets: this.inputs.targets.value, extra },
        columns: this.columns.visible ? this.columns.selection() : null,
      };
    }

    // Restores a state read from a link (already validated by share.decode).
    applyState(s) {
      if (s.lang) ui.i18n.setLang(s.lang);
      this.setTheme(s.theme || 'auto', false);
      this.$('reduction').value = s.reduction;
      this.selected = new Set(s.losses);
      for (const loss of this.lp.losses) this.$(`loss-${loss.name}`).checked = this.selected.has(loss.name);
      this.openSelectedGroups();
      for (const { loss, opt, input } of this.optionInputs.values()) {
        const given = s.options[loss.name] && s.options[loss.name][opt.name];
        if (given === undefined) continue;
        if (opt.type === 'boolean') input.checked = Boolean(given);
        else input.value = String(given);
      }
      if (s.data) {
        this.inputs.predictions.value = s.data.predictions;
        this.inputs.targets.value = s.data.targets;
        for (const x of this.extraInputs.values()) x.area.value = s.data.extra[`${x.loss.name}:${x.arg.name}`] || '';
      }
      this.pendingColumns = s.columns;
      this.update();
    }

    openSelectedGroups() {
      for (const d of this.root.querySelectorAll('#loss-picker details')) {
        if (this.lp.losses.some((l) => l.group === d.dataset.group && this.selected.has(l.name))) d.open = true;
      }
    }

    loadPreset(preset) {
      this.inputs.predictions.value = preset.predictions;
      this.inputs.targets.value = preset.targets;
      this.selected = new Set(preset.losses);
      for (const loss of this.lp.losses) this.$(`loss-${loss.name}`).checked = this.selected.has(loss.name);
      this.openSelectedGroups();
      for (const { loss, opt, input } of this.optionInputs.values()) {
        const given = preset.options && preset.options[loss.name] && preset.options[loss.name][opt.name];
        if (given !== undefined) input.value = String(given);
      }
      this.update();
    }

    // What a hint's button does: fix the data the way the hint suggests.
    hintAction(kind) {
      const p = this.inputs.predictions;
      const y = this.inputs.targets;
      if (kind === 'swap') {
        [p.value, y.value] = [y.value, p.value];
      } else if (kind === 'map-zero-labels') {
        y.value = y.value.replace(/(^|[\s,;，；、])0(?:\.0*)?(?=$|[\s,;，；、])/g, '$1-1');
      }
      this.update();
    }

    // "auto" follows prefers-color-scheme (no data-theme); light and dark force one.
    setTheme(theme, redraw = true) {
      if (theme === 'light' || theme === 'dark') this.themeHost.dataset.theme = theme;
      else delete this.themeHost.dataset.theme;
      this.$('theme').value = theme === 'light' || theme === 'dark' ? theme : 'auto';
      if (redraw) this.update();
    }

    // Slider drags redraw once a frame rather than after the typing pause.
    scheduleFrame() {
      if (this.frameRequest) return;
      this.frameRequest = requestAnimationFrame(() => {
        this.frameRequest = 0;
        this.update();
      });
    }

    schedule() {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.update(), DEBOUNCE_MS);
    }

    optionsFor(loss, errors) {
      const options = {};
      for (const opt of loss.options) {
        const { input } = this.optionInputs.get(`opt-${loss.name}-${opt.name}`);
        if (opt.type === 'boolean') {
          options[opt.name] = input.checked;
          continue;
        }
        const text = input.value.trim();
        const value = Number(text);
        if (text === '' || !Number.isFinite(value)) {
          errors.push({ text: t('error.optionNumber', { loss: loss.shortName, label: opt.label, range: ui.i18n.rangeText(opt.range) }) });
          return null;
        }
        options[opt.name] = value;
      }
      return options;
    }

    // The loss's arguments: ŷ and y from the main text areas, the others from
    // its extra inputs. null (with an error) when a required one is missing.
    argsFor(loss, prediction, target, errors) {
      const args = {};
      for (const arg of loss.args) {
        if (arg.role === 'prediction') args[arg.name] = prediction;
        else if (arg.role === 'target') args[arg.name] = target;
        else {
          const x = this.extraInputs.get(`arg-${loss.name}-${arg.name}`);
          const text = x.area.value;
          x.area.removeAttribute('aria-invalid');
          if (text.trim() === '') {
            x.info.textContent = t('arg.info', { help: pick(arg, 'help'), shape: ui.i18n.shapeText(arg.shape) });
            if (arg.required) {
              errors.push({ text: t('error.missingArg', { loss: loss.shortName, arg: arg.name, help: pick(arg, 'help'), box: `${loss.shortName}: ${arg.name}` }) });
              return null;
            }
            continue;
          }
          try {
            args[arg.name] = this.lp.parse(text);
            x.info.textContent = t('info.read', { what: ui.i18n.describeShape(args[arg.name].shape) });
          } catch (e) {
            x.area.setAttribute('aria-invalid', 'true');
            errors.push({ text: t('error.labelled', { label: `${loss.shortName} ${arg.name}`, message: ui.i18n.translateError(e) }), field: x.area, error: e });
            return null;
          }
        }
      }
      return args;
    }

    // Reads a text area (plain numbers, a table with a header, JSON) and says
    // what it understood; null when empty or unreadable (with an error).
    readField(name, label, errors) {
      const area = this.inputs[name];
      const info = this.$(`${name}-info`);
      area.removeAttribute('aria-invalid');
      if (area.value.trim() === '') {
        info.textContent = '';
        return null;
      }
      try {
        const reading = ui.readData(this.lp, area.value);
        info.textContent = reading.summary[ui.i18n.lang] || reading.summary.en;
        return reading;
      } catch (e) {
        area.setAttribute('aria-invalid', 'true');
        info.textContent = '';
        const message = e.messages ? e.messages[ui.i18n.lang] || e.message : ui.i18n.translateError(e);
        errors.push({ text: t('error.labelled', { label: t(label), message }), field: area, error: e });
        return null;
      }
    }

    // ŷ and y: from the two boxes, or from two chosen columns of a table
    // pasted into the ŷ box while the y box is empty.
    readPair(errors) {
      const p = this.readField('predictions', 'field.predictions', errors);
      const y = this.readField('targets', 'field.targets', errors);
      const table = p && !y && this.inputs.targets.value.trim() === '' && p.columns && p.columns.length >= 2;
      if (!table) {
        this.columns.hide();
        return { prediction: p && p.tensor, target: y && y.tensor };
      }
      this.columns.show(p.columns, p.header);
      if (this.pendingColumns) {
        this.columns.choose(this.pendingColumns); // from a shared link
        this.pendingColumns = null;
      }
      const pick = this.columns.selection();
      const column = (i) => ({ data: p.columns[i].values, shape: [p.columns[i].values.length] });
      return { prediction: column(pick.prediction), target: column(pick.target) };
    }

    // ---- computing and showing ----

    update() {
      clearTimeout(this.timer);
      const errors = [];
      const { prediction, target } = this.readPair(errors);
      for (const row of this.$('options').children) row.hidden = !this.selected.has(row.dataset.loss);
      for (const x of this.extraInputs.values()) x.field.hidden = !this.selected.has(x.loss.name);
      this.$('extra-inputs').hidden = ![...this.extraInputs.values()].some((x) => !x.field.hidden);

      const chosen = this.lp.losses.filter((l) => this.selected.has(l.name));
      this.color = new Map(chosen.map((l, i) => [l.name, COLORS[i % COLORS.length]]));
      const wanted = this.$('reduction').value;
      const results = [];
      const optionsByLoss = {};
      if (prediction && target) {
        for (const loss of chosen) {
          const options = this.optionsFor(loss, errors);
          if (!options) continue;
          optionsByLoss[loss.name] = options;
          const reduction = loss.reductions.includes(wanted) ? wanted : loss.defaultReduction;
          const args = this.argsFor(loss, prediction, target, errors);
          if (!args) continue;
          try {
            const r = this.lp.compute(loss.name, args, Object.assign({ reduction }, options));
            let perSample = null;
            if (reduction === 'none') perSample = r.loss.data;
            else if (loss.reductions.includes('none')) {
              perSample = this.lp.compute(loss.name, args, Object.assign({}, options, { reduction: 'none' })).loss.data;
            }
            results.push({ loss, reduction, options, args, result: r, perSample, outlier: this.outlierValue(loss, args, options, reduction, prediction, target) });
          } catch (e) {
            results.push({ loss, reduction, options, error: e.message });
            errors.push({ text: t('error.labelled', { label: loss.shortName, message: ui.i18n.translateError(e) }) });
          }
        }
      }
      this.showErrors(errors);
      this.hints.show(ui.hints.find({ lp: this.lp, chosen, options: optionsByLoss, prediction, target }));
      this.showResults(results, Boolean(prediction && target), chosen.length);
      this.charts.update({
        prediction,
        target,
        losses: results.filter((r) => r.result).map((r) => ({
          spec: r.loss, options: r.options, args: r.args, reduction: r.reduction,
          color: this.color.get(r.loss.name), result: r.result, perSample: r.perSample,
        })),
      });
      this.showFormulas(chosen, results);
      this.lastResults = results;
      for (const id of ['export-csv', 'export-json', 'export-png']) this.$(id).disabled = !results.some((r) => r.result);
      this.writeLink();
    }

    // The loss with the outlier sample added, or null when the experiment is
    // off; {error} when this loss cannot take the extra sample.
    outlierValue(loss, args, options, reduction, prediction, target) {
      const residual = this.outlier.residual();
      if (residual === null) return null;
      const extended = ui.outlier.withOutlier(prediction, target, residual);
      if (!extended) return { error: this.outlier.unsupported() };
      const moved = Object.assign({}, args);
      for (const arg of loss.args) {
        if (arg.role === 'prediction') moved[arg.name] = extended.prediction;
        else if (arg.role === 'target') moved[arg.name] = extended.target;
      }
      try {
        const r = this.lp.compute(loss.name, moved, Object.assign({ reduction }, options));
        return r.value === undefined ? { error: this.outlier.unsupported() } : { value: r.value };
      } catch (e) {
        return { error: e.message };
      }
    }

    showErrors(errors) {
      const box = this.$('alert');
      box.replaceChildren();
      for (const e of errors) {
        const item = el('p', { class: 'alert-item' }, e.text);
        if (e.field && e.error && e.error.line) {
          item.append(' ', el('button', {
            type: 'button', class: 'link-button',
            onclick: () => {
              const start = offsetOf(e.field.value, e.error.line, e.error.column);
              const end = start + (e.error.token.endsWith('…') ? 0 : e.error.token.length);
              e.field.focus();
              e.field.setSelectionRange(start, Math.max(start, end));
            },
          }, t('error.showMe')));
        }
        box.append(item);
      }
      box.classList.toggle('alert-shown', errors.length > 0);
    }

    showResults(results, haveData, chosenCount) {
      const body = this.$('results').tBodies[0];
      body.replaceChildren();
      const empty = this.$('results-empty');
      if (!haveData) empty.textContent = t('results.empty');
      else if (!chosenCount) empty.textContent = t('results.selectLoss');
      empty.hidden = haveData && chosenCount > 0;
      const withOutlier = results.some((r) => r.outlier);
      const headers = ['results.col.loss', 'results.col.value', withOutlier ? 'results.col.outlier' : null, 'results.col.reduction'];
      this.$('results').tHead.rows[0].replaceChildren(...headers.filter(Boolean).map((k) => el('th', { scope: 'col', text: t(k) })));
      const spoken = [];
      for (const r of results) {
        const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
        swatch.style.background = this.color.get(r.loss.name);
        const subtitle = r.loss.titleEn === r.loss.shortName ? r.loss.titleZh : titles(r.loss);
        const name = el('th', { scope: 'row' }, swatch, el('span', { class: 'loss-short', text: r.loss.shortName }),
          el('span', { class: 'loss-title', text: subtitle }));
        let value;
        if (r.error) {
          value = el('td', { class: 'value value-error', text: t('results.notComputed') });
          spoken.push(t('results.spokenNotComputed', { loss: r.loss.shortName }));
        } else {
          value = this.valueCell(r);
          spoken.push(t('results.spokenValue', { loss: r.loss.shortName, value: value.textContent }));
        }
        const wanted = this.$('reduction').value;
        let note = '';
        if (r.reduction !== wanted) {
          note = r.loss.reductions.length === 1 ? t('results.reductionOnly', { loss: r.loss.shortName, reduction: r.reduction })
            : t('results.reductionUnavailable', { wanted, loss: r.loss.shortName });
        }
        const outlierCell = withOutlier ? this.outlierCell(r) : null;
        body.append(el('tr', { 'data-loss': r.loss.name }, name, value, outlierCell, el('td', { class: 'reduction', text: r.reduction + note })));
      }
      this.$('status').textContent = spoken.join(t('list.separator'));
    }

    // The value with the outlier and how many times the value without it.
    outlierCell(r) {
      const o = r.outlier;
      if (!o || o.error || r.error || r.result.value === undefined) {
        return el('td', { class: 'value value-undefined', text: o && o.error ? o.error : t('results.noValue') });
      }
      const base = r.result.value;
      const ratio = base !== 0 ? o.value / base : null;
      return el('td', { class: 'value value-outlier', title: ui.formatFull(o.value) },
        ui.formatValue(o.value),
        el('span', { class: 'ratio', text: ratio === null ? '' : ` ×${ratio >= 100 ? Math.round(ratio) : ratio.toPrecision(3)}` }));
    }

    valueCell(r) {
      const data = r.result.loss.data;
      if (r.result.loss.shape.length === 0) {
        const v = data[0];
        if (Number.isNaN(v)) {
          return el('td', { class: 'value value-undefined', text: t('results.allIgnored') });
        }
        return el('td', { class: 'value', title: ui.formatFull(v), text: ui.formatValue(v) });
      }
      const shown = Array.from(data.slice(0, 8), ui.formatValue).join(', ');
      const more = data.length > 8 ? t('results.moreValues', { count: data.length }) : '';
      return el('td', { class: 'value value-vector', text: `[${shown}${more}]` });
    }

    showFormulas(chosen, results) {
      const box = this.$('formulas');
      box.replaceChildren();
      const byName = new Map(results.map((r) => [r.loss.name, r]));
      for (const loss of chosen) {
        const r = byName.get(loss.name);
        const formula = el('div', { class: 'math' });
        const gradient = el('div', { class: 'math' });
        renderTex(loss.formula, formula);
        renderTex(loss.gradient, gradient);
        const other = ui.i18n.lang === 'zh' ? loss.titleEn : loss.titleZh;
        const heading = el('h3', { class: 'formula-title' }, pick(loss, 'title'), el('span', { class: 'title-zh', text: ` ${other}` }));
        const code = loss.pytorch ? el('p', { class: 'pytorch' }, t('formulas.pytorch'), el('code', { text: loss.pytorch })) :
          el('p', { class: 'pytorch' }, t('formulas.notInTorch'));
        const inputs = el('ul', { class: 'arg-list' });
        for (const arg of loss.args) {
          const from = t(arg.role === 'prediction' ? 'data.predictions' : arg.role === 'target' ? 'data.targets' : 'formulas.ownBox');
          inputs.append(el('li', {}, el('code', { text: arg.name }), t('formulas.argFrom', { from, shape: ui.i18n.shapeText(arg.shape) })));
        }
        const article = el('article', { class: 'formula-card' }, heading, formula,
          el('p', { class: 'note', text: pick(loss, 'note') }), el('h4', { text: t('formulas.inputs') }), inputs,
          el('h4', { text: t('formulas.gradient') }), gradient, code);
        if (r && r.result) {
          article.append(this.gradientBlock(r));
          // The code (and its data files for large inputs) is written only when opened.
          const code = el('details', { class: 'code-fold' }, el('summary', { text: t('formulas.code') }));
          const lang = ui.i18n.lang;
          code.addEventListener('toggle', () => {
            if (!code.open || code.dataset.built) return;
            code.dataset.built = 'true';
            const built = ui.pytorchCode.build(loss, r.args, r.options, r.reduction, { lang });
            new ui.CodeBlock(code, { label: 'Python' }).set(built.code, built.files);
          });
          article.append(code);
        }
        box.append(article);
      }
      if (!chosen.length) box.append(el('p', { class: 'empty', text: t('formulas.empty') }));
    }

    gradientBlock(r) {
      const g = r.result.grad;
      const label = t('gradient.label', { arg: r.result.gradArg === 'input' ? 'ŷ' : r.result.gradArg, reduction: r.reduction });

      const LIMIT = 24;
      const values = Array.from(g.data.slice(0, LIMIT), ui.formatShort);
      const more = g.data.length > LIMIT ? t('gradient.more', { count: g.data.length - LIMIT }) : '';
      // A matrix gradient reads best one row per line.
      const width = g.shape.length === 2 ? g.shape[1] : values.length;
      const lines = [];
      for (let i = 0; i < values.length; i += width) lines.push(values.slice(i, i + width).join(', '));
      const undefinedNote = Array.prototype.some.call(g.data, Number.isNaN)
        ? el('p', { class: 'note', text: t('gradient.undefinedNote') }) : null;
      return el('div', { class: 'gradient' },
        el('p', { class: 'gradient-label', text: label }),
        el('p', { class: 'gradient-values', text: `[${lines.join(',\n ')}${more}]` }), undefinedNote);
    }
  }

  // The charts one under another on a single canvas, for one PNG.
  function stackCanvases(canvases) {
    const shown = canvases.filter((c) => c.width > 0 && c.height > 0);
    if (!shown.length) return null;
    const out = document.createElement('canvas');
    out.width = Math.max(...shown.map((c) => c.width));
    out.height = shown.reduce((h, c) => h + c.height, 0);
    const ctx = out.getContext('2d');
    let y = 0;
    for (const c of shown) {
      ctx.drawImage(c, 0, y);
      y += c.height;
    }
    return out;
  }

  // Formulas do not change with the data: render each TeX string once and
  // hand out copies, rather than re-running Temml on every keystroke.
  const rendered = new Map();
  function renderTex(tex, node) {
    if (!rendered.has(tex)) {
      const math = document.createElement('div');
      try {
        temml.render(tex, math, { displayMode: true, throwOnError: true });
      } catch (e) {
        math.textContent = tex; // the TeX source is still readable
      }
      rendered.set(tex, math);
    }
    node.append(...Array.from(rendered.get(tex).childNodes, (n) => n.cloneNode(true)));
  }

  /**
   * Builds the layout into `frame` (inside `root`) and starts the page on it.
   * Used by index.html (below) and by the <loss-playground> element.
   */
  async function startApp(where) {
    ui.buildLayout(where.frame);
    try {
      const lp = await (ui.sharedLossPlay || (ui.sharedLossPlay = LossPlay.load()));
      const app = new App(lp, where);
      where.themeHost.dataset.ready = 'true';
      if (where.element) where.element.dataset.ready = 'true';
      return app;
    } catch (e) {
      const box = where.root.getElementById('alert');
      box.textContent = ui.i18n ? t('error.startFailed', { message: e.message }) : `lossplay could not start: ${e.message}`;
      throw e;
    }
  }
  ui.startApp = startApp;

  // The full page: index.html holds <div id="lossplay-app">.
  function startPage() {
    const frame = document.getElementById('lossplay-app');
    if (!frame) return; // loaded by the custom element into someone else's page
    startApp({
      root: document, frame, themeHost: document.documentElement,
      params: new URLSearchParams(location.search), site: new URL('index.html', location.href).href,
    }).then((app) => { ui.app = app; }, () => {});
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startPage);
  else startPage();
})((self.LossPlayUI = self.LossPlayUI || {}));
