/* The teaching charts, as one component: loss curves (linear or log axis)
 * and gradient curves drawn from the core over a grid, per-sample loss and
 * gradient bars with the largest contributors marked (ties as ties), and ŷ
 * against y; the outlier, when the results name one, marked in each. The
 * gradient card keeps one convention (the loss as reduced, as the bars).
 * Each chart has a summary in words, legends that show values without
 * hover, and a table for screen readers. The page gives it a model per
 * change (update), a language (setLang), a theme (restyle) and the log
 * switch (setLogScale): each renders once. Its parts: curves.js (numbers),
 * words.js (summaries, ties), draw.js (uPlot), slice-kit.js (what
 * losses/*.js build their slices from), decimate.js (long data made small,
 * O(n) once per model); scale.js and tables.js (long data, the tables)
 * come in the page's lazily loaded chunk. */
import uPlot from 'uplot';
import { el } from '../dom.js';
import { translator, normalize } from '../../i18n/translate.js';
import { extrasFor } from '../../losses/index.js';
import { KINDS, KIND_TEXT, TABLE_STRIDE, dataSpan, gridFor, findMarks, buildCurves, gradFactor } from './curves.js';
import { tiedTops, logRange, describeCurve, samplesAt } from './words.js';
import {
  TOP, fmtFull, withAlpha, readTheme, plotHeight, valueRange, toPlot, baseOptions, drawGuides, drawMarks,
  sampleNames, barPaths, drawBadges, sharedRange, nearestPoint, drawDiagonal,
  TABLE_ROWS, TOP_ROWS, grouped, clipToPlot, drawOutlier,
} from './draw.js';
import { topK } from './decimate.js';

// What scale.js draws with (it comes in another chunk: no second copy).
const KIT = {
  el, TOP, TOP_ROWS, TABLE_ROWS, fmtFull, withAlpha, valueRange, baseOptions, drawBadges, sharedRange,
  drawDiagonal, grouped, sampleNames, clipToPlot, KIND_TEXT, TABLE_STRIDE,
};

const MAX_BARS = 1000; // one bar per sample up to here, then a min/max envelope
const MAX_POINTS = 5000; // one point per sample up to here, then a density
const SLIDER_OPTIONS = ['delta', 'beta', 'margin', 'tau', 'gamma', 'alpha', 'label_smoothing'];
// Slider ends for options the registry leaves unbounded.
const VISIBLE_RANGE = { delta: [0, 5], beta: [0, 5], gamma: [0, 5], margin: [0, 3], alpha: [0, 1] };

// Typed arrays for the tensors; a missing or unusable tensor becomes null.
// A tensor is {data, shape} or a bare Float64Array (a vector). Per loss the
// per-sample losses come as perSample or terms, the gradient as result.grad
// or grad; both end up as perSample and gradient ({data, shape}).
function normalizeModel(model) {
  const tensor = (v) => {
    if (v instanceof Float64Array) return { data: v, shape: [v.length] };
    if (!v || !v.data) return null;
    const data = v.data instanceof Float64Array ? v.data : Float64Array.from(v.data);
    return { data, shape: Array.isArray(v.shape) ? v.shape : [data.length] };
  };
  const values = (v) => (!v ? null : v instanceof Float64Array ? v : Float64Array.from(v));
  const losses = ((model && model.losses) || []).filter((e) => e && e.spec).map((e) => Object.assign({}, e, {
    options: e.options || {},
    perSample: values(e.perSample || e.terms),
    gradient: tensor(e.grad || (e.result && e.result.grad)),
  }));
  const prediction = tensor(model && model.prediction);
  const oi = model && model.outlierIndex;
  return {
    losses,
    prediction,
    target: tensor(model && model.target),
    // The outlier's index in the per-sample arrays (null: none).
    outlierIndex: Number.isInteger(oi) && oi >= 0 ? oi : null,
    // Why a chart may be empty: how many losses are selected (null: not
    // said), which failed ({spec, error}) and which boxes have an error.
    selected: model && Number.isInteger(model.selected) ? model.selected : null,
    failed: ((model && model.failed) || []).filter((f) => f && f.spec),
    boxErrors: ((model && model.errors) || []).map((e) => e && e.field).filter(Boolean),
  };
}


// Six significant digits without trailing zeros: tables and captions.
function fmtNumber(v, undefinedText) {
  if (v === null || v === undefined || Number.isNaN(v)) return undefinedText;
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  return String(Number(v.toPrecision(6)));
}


const PANELS = [
  ['curves', 'curvesTitle'],
  ['bars', 'barsTitle'],
  ['grad', 'gradTitle'],
  ['scatter', 'scatterTitle'],
];

let instances = 0;

export class LossCharts {
  /**
   * container: an element to fill; lp: a loaded LossPlay (for lp.compute).
   * options.headingLevel: the level of the panel headings (default 3).
   * options.scale (scale.js) or options.loadScale() (a promise of it): the
   * drawing for long data, from the page's lazily loaded chunk.
   * options.stepwise: long data's panels are drawn one a task, so that no
   * task holds the page long (the page sets it; tests may draw at once).
   */
  constructor(container, lp, options) {
    this.container = container;
    this.lp = lp;
    this.setLanguage((options && options.lang) || 'en');
    this.kit = KIT;
    this.scale = (options && options.scale) || null;
    this.loadScale = (options && options.loadScale) || null;
    this.stepwise = Boolean(options && options.stepwise);
    this.stepTimer = 0;
    this.renders = 0; // counted for the tests: one change, one render
    this.id = `lp-charts-${++instances}`;
    this.headingLevel = (options && options.headingLevel) || 3;
    this.model = null;
    // Loss curves on a log axis: the page keeps it in its state (and so in
    // the link) through onLogScale; without it the switch acts here.
    this.logScale = Boolean(options && options.logScale);
    this.onLogScale = (options && options.onLogScale) || ((on) => this.setLogScale(on));
    this.overrides = {};
    this.topCache = new WeakMap();
    this.envelopeCache = new WeakMap();
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
    const panel = { key, figure, heading, summary, body, tables, label, details, pending: [] };
    if (key === 'curves') {
      // A real checkbox: Tab reaches it, Space turns it; beside the curves it changes.
      panel.logBox = el('input', { type: 'checkbox', class: 'lp-log-box', 'data-control': 'log-scale' });
      panel.logBox.checked = this.logScale;
      panel.logBox.addEventListener('change', () => this.onLogScale(panel.logBox.checked));
      panel.logText = el('span');
      caption.append(el('label', { class: 'lp-log-switch' }, panel.logBox, panel.logText));
    }
    this.root.append(figure);
    // The tables' code comes with scale.js (the lazily loaded chunk): opened
    // before it is here, they are made when it arrives.
    details.addEventListener('toggle', () => {
      if (!details.open || !panel.pending.length) return;
      const run = (scale) => {
        const pending = panel.pending;
        panel.pending = [];
        for (const build of pending) build(scale);
      };
      if (this.scale) run(this.scale);
      else if (this.loadScale) this.loadScale().then((scale) => { this.scale = scale; run(scale); }, () => {});
    });
    return panel;
  }

  // Appends the table nodes make(scale) returns. For long data (more rows
  // than a table lists), or before the tables' code is here, they are made
  // when "Show as a table" is first opened, in their place.
  place(panel, long, make) {
    if (this.scale && (!long || panel.details.open)) return panel.tables.append(...make(this.scale));
    const anchor = document.createComment('table');
    panel.tables.append(anchor);
    panel.pending.push((scale) => anchor.replaceWith(...make(scale)));
  }

  // Translations in the charts' language (set by the page from its state).
  setLanguage(lang) {
    const tr = translator(lang);
    this.lang = tr.lang;
    this.t = (key, params) => tr.t(`charts.${key}`, params);
    this.name = (spec) => tr.shortName(spec);
    this.fmt = (v) => fmtNumber(v, this.t('undefinedValue'));
    this.tr = { t: this.t, name: this.name, error: (e) => tr.error(e) };
  }

  /** A new language: texts and curve notes again, one render. */
  setLang(lang) {
    if (normalize(lang) === this.lang) return;
    this.setLanguage(lang);
    if (this.model) this.computeCurves();
    this.render();
  }

  /** Loss curves on a log axis (true) or a linear one: one render on a change (none when render is false). */
  setLogScale(on, render = true) {
    on = Boolean(on);
    this.panels.curves.logBox.checked = on;
    if (on === this.logScale) return;
    this.logScale = on;
    if (render) this.render();
  }

  /** The page's theme changed (its colours are read again): one render. */
  restyle() {
    this.render();
  }

  // Size, and the system's colour scheme (the page's own theme comes
  // through restyle()): redraw on a change, resize with the container.
  watch() {
    this.onTheme = () => this.scheduleRender();
    this.media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    if (this.media) this.media.addEventListener('change', this.onTheme);
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
   * model = {losses: [{spec, options, reduction, color, perSample | terms,
   *                     result: {grad} | grad, args?}],
   *          prediction: {data, shape} | Float64Array, target: likewise}.
   * perSample (or terms): the reduction='none' losses, a Float64Array;
   * grad (or result.grad): {data: Float64Array, shape} of the reduced loss.
   * The arrays are read, never written, and must not change until the
   * next update: a theme or language change redraws from them (in
   * O(pixels); long data cost O(n) once, here).
   */
  update(model) {
    this.model = normalizeModel(model);
    this.overrides = {};
    this.topCache = new WeakMap();
    this.envelopeCache = new WeakMap();
    this.densityCache = null;
    this.grids = {};
    this.span = dataSpan(this.model);
    for (const kind of KINDS) this.grids[kind] = gridFor(kind, this.span);
    this.marks = new Map();
    for (const entry of this.model.losses) {
      const slice = extrasFor(entry.spec.name).slice;
      if (slice && entry.spec.reductions.includes('none')) this.marks.set(entry, findMarks(this.lp, entry, slice, this.model));
    }
    this.computeCurves();
    this.render();
  }

  computeCurves() {
    this.curves = this.model ? buildCurves(this.lp, this.model, this.grids, this.marks, this.overrides, this.tr) : { groups: [], notes: [] };
  }

  destroyPlots() {
    for (const p of this.plots) p.plot.destroy();
    this.plots = [];
  }

  render() {
    cancelAnimationFrame(this.renderFrame);
    clearTimeout(this.stepTimer);
    this.renders++;
    this.root.dataset.renders = String(this.renders);
    this.theme = readTheme(this.root);
    this.root.dataset.textColor = this.theme.text;
    this.destroyPlots();
    this.width = 0;
    for (const [key, title] of PANELS) {
      const panel = this.panels[key];
      panel.heading.textContent = this.t(title);
      panel.label.textContent = this.t('showTable');
      panel.body.replaceChildren();
      panel.tables.replaceChildren();
      panel.summary.classList.remove('lp-summary-in-body');
      panel.pending = [];
    }
    this.panels.curves.logText.textContent = this.t('logScale');
    this.conv = this.gradConvention();
    if (this.conv) this.panels.grad.heading.textContent = this.t('gradTitleConv', { conv: this.t(`conv_${this.conv.kind}`, { n: this.conv.n }) });
    for (const link of this.links) link.relabel();
    const steps = [() => this.renderCurves(), () => this.renderBars(), () => this.renderGradients(), () => this.renderScatter()];
    const P = this.model && this.model.prediction;
    if (!this.stepwise || !P || P.data.length <= MAX_BARS) {
      for (const step of steps) step();
      return;
    }
    // Each panel of long data passes over every sample once: one a task.
    const run = (i) => {
      steps[i]();
      if (i + 1 < steps.length) this.stepTimer = setTimeout(run, 0, i + 1);
    };
    run(0);
  }

  addPlot(host, options, data, role) {
    options.width = this.plotWidth(host);
    options.height = plotHeight(options.width);
    const plot = new uPlot(options, data, host);
    // Values show before any hover (phones have none): each series' value
    // function says what it shows while the cursor is away.
    plot.setLegend({ idx: null });
    this.plots.push({ plot, host, role });
    return plot;
  }

  empty(panel, text) {
    panel.body.append(el('p', { class: 'lp-chart-empty', text }));
    // The same words stand in the body: the summary stays for the figure's
    // description (aria-describedby) but is not shown twice.
    panel.summary.textContent = text;
    panel.summary.classList.add('lp-summary-in-body');
  }

  // Why the charts have nothing to draw, in the order a user fixes it:
  // no loss selected, a box with an error (named), a box left empty, a
  // loss the core refused for this data (its message). null: not empty.
  emptyReason() {
    const m = this.model;
    if (!m || (!m.losses.length && !m.failed.length && !m.selected)) return this.t('noLosses');
    const box = (field) => this.t(field === 'targets' ? 'boxTargets' : 'boxPredictions');
    // ŷ and y that do not fit each other: said once, under the boxes.
    if (m.boxErrors.includes('pair')) return this.t('emptyPair');
    const inBox = m.boxErrors.find((f) => f === 'predictions' || f === 'targets');
    if (inBox) return this.t('emptyBoxError', { box: box(inBox) });
    if (m.boxErrors.length) return this.t('emptyArgError'); // a loss's own extra input
    if (!m.prediction || !m.target) return this.t('emptyNoData', { box: box(m.prediction ? 'targets' : 'predictions') });
    if (!m.losses.length && m.failed.length) return this.t('emptyFailed', { loss: this.name(m.failed[0].spec), message: this.tr.error(m.failed[0].error) });
    return null;
  }

  // The gradient card's convention, one for the card: the reduction of
  // every loss drawn, {kind: 'mean' | 'batchmean' | 'sum' | 'mixed', n}.
  gradConvention() {
    if (!this.model || !this.model.losses.length) return null;
    const all = this.model.losses.map((e) => gradFactor(e, this.model));
    const first = all[0];
    return all.every((c) => c.kind === first.kind && (c.kind === 'sum' || c.n === first.n)) ? first : { kind: 'mixed', n: first.n };
  }

  // The outlier key under a plot: a legend entry for the marker.
  outlierKey(block) {
    const i = this.model.outlierIndex;
    if (i === null) return;
    block.append(el('p', { class: 'lp-outlier-key', 'data-outlier': String(i) },
      el('span', { class: 'lp-outlier-swatch', 'aria-hidden': 'true', text: '◆' }),
      el('span', { text: this.t('outlierKey', { n: i + 1 }) })));
  }

  // ---- loss and gradient curves ----

  renderCurves() {
    const panel = this.panels.curves;
    if (!this.model || !this.model.losses.length) return this.empty(panel, this.emptyReason() || this.t('noLosses'));
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
      el('p', { class: 'lp-plot-title', text: this.t(titleKey) }), host);
    const notes = which === 'loss' ? group.notes.slice() : gradNote ? [this.t(gradNote)] : [];
    if (group.series.some((s) => s.marks)) notes.push(this.t(which === 'grad' && /mean/.test(this.conv.kind) ? 'noteMarksGrad' : 'noteMarks', { n: this.conv.n }));
    const log = which === 'loss' && this.logScale;
    block.dataset.log = String(log);
    this.outlierKey(block);
    if (notes.length) block.append(el('ul', { class: 'lp-chart-notes' }, ...notes.map((n) => el('li', { text: n }))));
    panel.body.append(block);
    const theme = this.theme;
    const charts = this;
    const current = () => {
      const g = charts.curves.groups.find((x) => x.kind === group.kind);
      return g ? (which === 'grad' ? g.series.filter((s) => s.grad) : g.series) : [];
    };
    // Away from the cursor the legend gives the values at your samples.
    const atSamples = (s, sidx) => {
      if (!s || !s.marks) return '—';
      const v = sidx === 0 ? s.marks.x : which === 'grad' ? s.marks.grad : s.marks.loss;
      const shown = Array.from(v.subarray(0, 3), (x) => this.fmt(x)).join(this.t('itemSep'));
      return v.length > 3 ? `${shown}…` : shown;
    };
    const firstMarked = () => current().find((s) => s.marks);
    const options = baseOptions(theme, {
      xLabel: this.t(axisKey),
      yLabel: which === 'grad' ? this.gradAxis(gradKey) : this.t(log ? 'axisLossLog' : 'axisLossPerPoint'),
      xName: this.t(axisKey).split(/[,，(（:：]/)[0].trim(),
      xValue: (u, v, sidx, idx) => (idx == null ? (firstMarked() ? this.t('atYourSamples', { list: atSamples(firstMarked(), 0) }) : '—') : fmtFull(v)),
      xScale: { range: () => [group.grid.min, group.grid.max] },
      yScale: log ? { distr: 3, log: 10, range: (u) => logRange(u.data.slice(1)) } : { range: (u) => valueRange(u.data.slice(1), which === 'grad') },
      series: series.map((s) => ({
        label: which === 'grad' && s.gradTag ? `${s.label} ${s.gradTag}` : s.label,
        stroke: s.color,
        width: 2,
        dash: s.dash ? [7, 4] : undefined,
        points: { show: false },
        value: (u, v, sidx, idx) => (idx == null ? atSamples(current()[sidx - 1], sidx) : fmtFull(v)),
      })),
      draw: (u) => {
        const g = charts.curves.groups.find((x) => x.kind === group.kind);
        if (!g) return;
        drawGuides(u, g.guides, theme);
        drawMarks(u, current(), which, theme, this.model.outlierIndex);
      },
    });
    const plotted = (s) => toPlot(which === 'grad' ? s.grad : s.loss);
    // A log axis has no place for 0 or less: those points are gaps.
    const logged = (values) => values.map((v) => (v > 0 ? v : null));
    const data = [Array.from(group.grid.xs)].concat(series.map((s) => (log ? logged(plotted(s)) : plotted(s))));
    this.addPlot(host, options, data, { curve: which, kind: group.kind, count: series.length });
  }

  curveTables(panel, which) {
    this.place(panel, false, (scale) => scale.curveTables(this, which));
  }

  // Between sentences: a space in English, nothing after a Chinese full stop.
  sentenceSep() {
    return this.lang === 'zh' ? '' : ' ';
  }

  // The gradient's axis: its symbol and the card's convention.
  gradAxis(symbolKey) {
    const conv = this.conv || { kind: 'sum', n: 0 };
    return this.t('gradAxis', { sym: this.t(symbolKey), conv: this.t(`conv_${conv.kind}`, { n: conv.n }) });
  }

  // In words, per curve: where it is lowest, how it grows, where your samples sit.
  curveSummary() {
    const parts = [];
    for (const group of this.curves.groups) {
      const axis = this.t(KIND_TEXT[group.kind][1]).split(/[,，(（:：]/)[0].trim();
      for (const s of group.series) {
        const text = describeCurve(this, group, s, axis);
        if (text) parts.push(text);
      }
      // Your samples once per axis (each loss's rings sit at the same x).
      const marked = group.series.find((s) => s.marks);
      if (marked) parts.push(samplesAt(this, marked.marks, axis));
    }
    const panel = this.panels.curves;
    panel.summary.textContent = parts.length ? parts.join(this.sentenceSep()) : this.curves.notes.join(this.sentenceSep()) || this.emptyReason() || this.t('noLosses');
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
    // Tables not yet made read the curves when they are.
    if (this.scale) {
      for (const key of ['curves', 'grad']) {
        for (const node of this.panels[key].tables.querySelectorAll('table[data-curve]')) node.remove();
      }
      this.curveTables(this.panels.curves, 'loss');
      this.curveTables(this.panels.grad, 'grad');
    }
    this.curveSummary();
  }

  preview(name, optionName, value) {
    if (!this.model || !this.model.losses.some((e) => e.spec.name === name)) return;
    this.overrides[name] = Object.assign({}, this.overrides[name], { [optionName]: value });
    if (!this.frame) this.frame = requestAnimationFrame(() => this.refreshCurves());
  }

  // ---- per-sample loss bars ----

  // Each loss's largest values, found once per model (TOP_ROWS of them
  // when a table of them is shown; the first TOP are badges and summary).
  topsOf(values, abs) {
    const key = abs ? 'abs' : 'value';
    let found = this.topCache.get(values);
    if (!found) this.topCache.set(values, (found = {}));
    if (!found[key]) found[key] = topK(values, values.length > TABLE_ROWS ? TOP_ROWS : TOP, abs);
    return found[key];
  }

  // tiedTops once per model and values (a pass over them).
  tiedOf(values, abs, limit) {
    const found = this.topsOf(values, abs);
    const memo = this.topCache.get(values);
    const key = `tied-${abs}-${limit}`;
    if (!memo[key]) memo[key] = tiedTops(values, found, abs, limit);
    return memo[key];
  }

  // One loss's largest values in words, ties said as ties: "MSE: all 3
  // samples contribute equally (0.04 each)" or "samples 2 and 3 (0.04 each)".
  topWords(c, abs, shape) {
    const n = c.values.length;
    const names = sampleNames(n, shape && shape.length === 2 && shape[0] * shape[1] === n ? shape : null);
    const { tops, ranks, counts, allTied, mixed } = this.tiedOf(c.values, abs, TOP);
    if (!tops.length) return null;
    const value = (i) => this.fmt(c.values[i]);
    // Tied by size with both signs: ±size.
    const tied = (g, both) => (abs && both ? `±${this.fmt(Math.abs(c.values[g[0]]))}` : value(g[0]));
    if (allTied) return this.t(names.matrix ? 'allTiedElements' : 'allTiedSamples', { loss: c.label, n: grouped(n), value: tied(tops, mixed) });
    const groups = [];
    const count = [];
    // The marked ones by rank; samples tied with the last join its group
    // (up to five named, then "and n more").
    tops.forEach((i, k) => {
      if (k && ranks[k] === ranks[k - 1]) {
        if (groups[groups.length - 1].length < 5) groups[groups.length - 1].push(i);
      } else if (k < TOP) {
        groups.push([i]);
        count.push(counts[k]);
      }
    });
    const text = groups.map((g, k) => (count[k] === 1
      ? `${this.t(names.matrix ? 'elementN' : 'sampleN', { n: names.name(g[0]) })} (${value(g[0])})`
      : this.t(`${names.matrix ? 'tiedElements' : 'tiedSamples'}${count[k] > g.length ? 'More' : ''}`, { list: g.map((i) => names.name(i)).join(this.t('itemSep')), more: count[k] - g.length, value: tied(g, g.some((i) => c.values[i] < 0) && g.some((i) => c.values[i] > 0)) })));
    return `${c.label}: ${text.join(this.t('itemSep'))}`;
  }

  renderBars() {
    const panel = this.panels.bars;
    const reason = this.emptyReason();
    if (reason) return this.empty(panel, reason);
    const entries = this.model.losses.filter((e) => e.perSample && e.perSample.length);
    if (!entries.length) return this.empty(panel, this.t('noPerSample'));
    const columns = entries.map((e) => ({ label: this.name(e.spec), color: e.color, values: e.perSample }));
    const shape = this.model.prediction.shape;
    this.barChart(panel, columns, false, shape, 'axisLoss');
    const parts = columns.map((c) => this.topWords(c, false, shape) || this.t('barsAllZero', { loss: c.label }));
    panel.summary.textContent = this.t('barsSummary', { list: parts.join(this.t('listSep')) });
    this.barTable(panel, columns, false, shape, 'barsTableCaption');
    this.topTable(panel, columns, false, shape, 'topTableCaption');
  }

  barChart(panel, columns, abs, shape, yKey, title) {
    const n = Math.max(...columns.map((c) => c.values.length));
    const names = sampleNames(n, shape && shape.length === 2 && shape[0] * shape[1] === n ? shape : null);
    const host = el('div', { class: 'lp-plot', 'aria-hidden': 'true' });
    panel.body.append(el('div', { class: 'lp-plot-block' }, title ? el('p', { class: 'lp-plot-title', text: title }) : null, host));
    if (n > MAX_BARS) return this.withScale(panel, n, (scale) => scale.envelopeChart(this, panel, host, columns, abs, names, n, yKey));
    const theme = this.theme;
    const width = 0.8 / columns.length;
    const bars = columns.map((c, s) => {
      const values = Array.from({ length: n }, (_, i) => (i < c.values.length && Number.isFinite(c.values[i]) ? c.values[i] : null));
      // With three samples or fewer, marking "the largest three" marks
      // everything: then only the largest gets a badge. Samples tied with
      // a marked one are marked too, with the same rank; all tied: none.
      const tied = this.tiedOf(c.values, abs, n > TOP ? TOP : 1);
      const tops = tied.allTied && n > TOP ? [] : tied.tops;
      return { values, tops, ranks: tied.ranks, color: c.color, label: c.label, center: (i) => i + 1 - 0.4 + s * width + width / 2 };
    });
    // Away from the cursor the legend shows the marked sample: the outlier,
    // or else the first loss's largest.
    const outlier = this.model.outlierIndex !== null && this.model.outlierIndex < n ? this.model.outlierIndex : null;
    const marked = outlier !== null ? outlier : bars[0].tops.length ? bars[0].tops[0] : 0;
    const markedWhy = this.t(outlier !== null ? 'legendOutlier' : 'legendLargest');
    const options = baseOptions(theme, {
      xLabel: this.t(names.matrix ? 'axisElement' : 'axisSample'),
      yLabel: this.t(yKey),
      xName: this.t(names.matrix ? 'colElement' : 'colSample'),
      xValue: (u, v, sidx, idx) => (idx == null ? `${names.name(marked)} (${markedWhy})` : v == null ? '—' : names.name(v - 1)),
      xScale: { range: () => [0.5, n + 0.5] },
      yScale: { range: (u) => valueRange(u.data.slice(1), false, 0.2) },
      xAxis: { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500], values: (u, splits) => splits.map((v) => (Number.isInteger(v) && v >= 1 && v <= n ? (names.matrix ? names.name(v - 1) : String(v)) : '')) },
      cursor: { points: { show: false } },
      series: bars.map((b, s) => ({
        label: b.label,
        stroke: b.color,
        fill: withAlpha(b.color, 0.45),
        width: 1.5,
        paths: barPaths(b.values, s, bars.length, b.tops, b.color, theme),
        points: { show: false },
        // At rest the marked sample in six digits, as the results show it; on hover in full.
        value: (u, v, sidx, idx) => (idx == null ? fmtNumber(u.data[sidx][marked], '—') : fmtFull(v)),
      })),
      draw: (u) => {
        drawBadges(u, bars, theme);
        if (outlier !== null) drawOutlier(u, outlier + 1, Math.max(0, ...bars.map((b) => b.values[outlier] || 0)), theme);
      },
    });
    this.outlierKey(host.parentNode);
    const data = [Array.from({ length: n }, (_, i) => i + 1)].concat(bars.map((b) => b.values));
    this.addPlot(host, options, data, null);
  }

  // Long data are drawn by scale.js, which comes with the page's lazily
  // loaded chunk (options.scale given, or options.loadScale() resolving to
  // it). Until it is here the panel says it is drawing; then one render.
  withScale(panel, n, draw) {
    if (this.scale) return draw(this.scale);
    panel.body.append(el('p', { class: 'lp-chart-notes-line', text: this.t('drawingLong', { n: grouped(n) }) }));
    if (this.scaleLoading || !this.loadScale) return;
    this.scaleLoading = this.loadScale().then((scale) => {
      this.scale = scale;
      this.render();
    }, () => { this.scaleLoading = null; });
  }

  // Every plot of a render has the width of the first: reading it once
  // spares a forced layout per plot.
  plotWidth(host) {
    if (!this.width) this.width = Math.max(160, Math.floor(host.clientWidth || this.root.clientWidth || 600));
    return this.width;
  }

  barTable(panel, columns, abs, shape, captionKey) {
    const n = Math.max(...columns.map((c) => c.values.length));
    this.place(panel, n > TABLE_ROWS, (scale) => scale.samplesTable(this, columns, abs, shape, captionKey, n));
  }

  // Longer data than the table lists: each loss's largest values (by size
  // when abs) with their row numbers, ŷ and y, largest first, ties in row order.
  topTable(panel, columns, abs, shape, captionKey) {
    const n = Math.max(...columns.map((c) => c.values.length));
    if (n <= TABLE_ROWS) return;
    this.place(panel, true, (scale) => [scale.topRowsTable(this, columns, abs, shape, captionKey, n)]);
  }

  // ---- gradients: per input, and along the curves ----

  renderGradients() {
    const panel = this.panels.grad;
    const reason = this.emptyReason();
    if (reason) return this.empty(panel, reason);
    const entries = this.model.losses.filter((e) => e.gradient && e.gradient.data.length);
    const summary = [];
    if (entries.length && this.model.prediction) {
      const columns = entries.map((e) => ({
        label: e.reduction ? `${this.name(e.spec)} (${translator(this.lang).t(`reductionWord.${e.reduction}`)})` : this.name(e.spec),
        name: this.name(e.spec),
        color: e.color,
        values: e.gradient.data,
        shape: e.gradient.shape,
      }));
      const shape = columns[0].shape;
      this.barChart(panel, columns, true, shape, 'axisGrad', this.t('gradBarsTitle', { conv: this.t(`conv_${this.conv.kind}`, { n: this.conv.n }) }));
      for (const c of columns) {
        const words = this.topWords({ label: c.name, values: c.values }, true, c.shape);
        if (words) summary.push(words);
      }
      this.barTable(panel, columns, true, shape, 'gradBarsTableCaption');
      this.topTable(panel, columns, true, shape, 'topGradTableCaption');
    }
    for (const group of this.curves.groups) this.curveBlock(panel, group, 'grad');
    this.curveTables(panel, 'grad');
    panel.summary.textContent = (summary.length ? this.t('gradSummary', { list: summary.join(this.t('listSep')) }) : this.t('noData'))
      + (this.conv.kind === 'sum' ? '' : this.sentenceSep() + this.t(`convNote_${this.conv.kind}`, { n: this.conv.n }));
    if (!panel.body.childElementCount) this.empty(panel, this.t('noData'));
  }

  // ---- ŷ against y ----

  renderScatter() {
    const panel = this.panels.scatter;
    const P = this.model && this.model.prediction;
    const Y = this.model && this.model.target;
    if (!P || !Y) return this.empty(panel, this.emptyReason() || this.t('noData'));
    if (P.data.length !== Y.data.length) return this.empty(panel, this.t('noScatter', { p: P.data.length, y: Y.data.length }));
    const names = sampleNames(P.data.length, P.shape);
    const which = (i) => this.t(names.matrix ? 'elementN' : 'sampleN', { n: names.name(i) });
    const host = el('div', { class: 'lp-plot', 'aria-hidden': 'true' });
    const block = el('div', { class: 'lp-plot-block' }, host);
    panel.body.append(block);
    // The density's pass finds the farthest samples; without it (small data, or its code still loading) a pass here.
    const farthest = () => (this.densityCache && this.densityCache.P === P.data ? this.densityCache.cells.far : topK(P.data.map((v, i) => v - Y.data[i]), 1, true));
    if (P.data.length > MAX_POINTS) this.withScale(panel, P.data.length, (scale) => scale.densityPlot(this, panel, host, P, Y, which));
    else this.pointsPlot(host, P, Y, which, farthest()[0]);
    if (this.model.outlierIndex !== null && this.model.outlierIndex < P.data.length) this.outlierKey(block);
    const far = farthest();
    panel.summary.textContent = !far.length ? this.t('scatterExact', { n: grouped(P.data.length) })
      : this.t('scatterSummary', { n: grouped(P.data.length), which: which(far[0]), y: this.fmt(Y.data[far[0]]), p: this.fmt(P.data[far[0]]) });
    this.place(panel, P.data.length > TABLE_ROWS, (scale) => scale.scatterTable(this, P, Y, names));
  }

  scatterOptions(xs, ys, order, lo, hi, which, draw, marked = null) {
    const theme = this.theme;
    // Away from the cursor the legend shows the marked point (the outlier, or the farthest from ŷ = y).
    const at = marked === null ? -1 : order.indexOf(marked);
    return baseOptions(theme, {
      xLabel: this.t('axisTarget'),
      yLabel: this.t('axisPrediction'),
      xName: this.t('legendTarget'),
      xValue: (u, v, s, idx) => (idx == null ? (at < 0 ? '—' : `${fmtFull(xs[at])} · ${which(order[at])}`) : `${fmtFull(v)} · ${which(order[idx])}`),
      xScale: { range: () => [lo, hi] },
      yScale: { range: () => [lo, hi] },
      cursor: { y: true, dataIdx: (u, s, closest) => nearestPoint(u, closest) },
      series: [{
        label: this.t('legendPrediction'),
        stroke: theme.accent,
        fill: withAlpha(theme.accent, 0.3),
        paths: () => null,
        points: { show: true, size: 10, width: 2, stroke: theme.accent, fill: withAlpha(theme.accent, 0.35) },
        value: (u, v, sidx, idx) => (idx == null ? (at < 0 ? '—' : fmtNumber(ys[at], '—')) : fmtFull(v)),
      }],
      draw,
    });
  }

  // Every sample a point, in order of y.
  pointsPlot(host, P, Y, which, far) {
    const n = P.data.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => Y.data[a] - Y.data[b] || P.data[a] - P.data[b]);
    const xs = order.map((i) => Y.data[i]);
    const ys = order.map((i) => (Number.isFinite(P.data[i]) ? P.data[i] : null));
    const [lo, hi] = sharedRange(xs, ys);
    const theme = this.theme;
    const outlier = this.model.outlierIndex !== null && this.model.outlierIndex < n ? this.model.outlierIndex : null;
    const marked = outlier !== null ? outlier : far === undefined ? null : far;
    const options = this.scatterOptions(xs, ys, order, lo, hi, which, (u) => {
      drawDiagonal(u, xs, ys, lo, hi, theme);
      if (outlier !== null && Number.isFinite(P.data[outlier])) drawOutlier(u, Y.data[outlier], P.data[outlier], theme, 0);
    }, marked);
    this.addPlot(host, options, [xs, ys], null);
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
    const relabel = () => range.setAttribute('aria-label', this.t('sliderLabel', { option: opt.label, loss: this.name(spec) }));
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
    // The page wrote a restored value into the box: the slider follows.
    const onSync = () => {
      const v = Number(numberInput.value);
      if (numberInput.value.trim() !== '' && Number.isFinite(v)) range.value = String(v);
    };
    numberInput.addEventListener('lp-sync', onSync);
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
    clearTimeout(this.stepTimer);
    for (const link of this.links.slice()) link.unlink();
    this.destroyPlots();
    if (this.media) this.media.removeEventListener('change', this.onTheme);
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

