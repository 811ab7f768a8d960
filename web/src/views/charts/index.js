/* The teaching charts, as one component: loss curves and gradient curves
 * drawn from the core over a grid, per-sample loss and gradient bars with
 * the largest contributors marked, and ŷ against y. Each chart has a
 * one-sentence summary and a table for screen readers. The page gives it a
 * model per change (update), a language (setLang) and a theme (restyle):
 * each renders once. Its parts: curves.js (numbers), draw.js (uPlot),
 * slice-kit.js (what losses/*.js build their slices from), decimate.js
 * (long data made small, O(n) once per model) and scale.js (drawing long
 * data, in the page's lazily loaded chunk). */
import uPlot from 'uplot';
import { el } from '../dom.js';
import { translator, normalize } from '../../i18n/translate.js';
import { extrasFor } from '../../losses/index.js';
import { KINDS, KIND_TEXT, TABLE_STRIDE, dataSpan, gridFor, findMarks, buildCurves } from './curves.js';
import {
  TOP, fmtFull, withAlpha, readTheme, plotHeight, valueRange, toPlot, baseOptions, drawGuides, drawMarks,
  sampleNames, barPaths, drawBadges, table, sharedRange, nearestPoint, drawDiagonal,
  TABLE_ROWS, TOP_ROWS, grouped, clipToPlot,
} from './draw.js';
import { topK } from './decimate.js';

// What scale.js draws with (it comes in another chunk: no second copy).
const KIT = {
  el, TOP, TOP_ROWS, TABLE_ROWS, fmtFull, withAlpha, valueRange, baseOptions, drawBadges, table, sharedRange,
  drawDiagonal, grouped, sampleNames, clipToPlot,
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
  return { losses, prediction: tensor(model && model.prediction), target: tensor(model && model.target) };
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
    this.root.append(figure);
    const panel = { key, figure, heading, summary, body, tables, label, details, pending: [] };
    details.addEventListener('toggle', () => {
      if (!details.open) return;
      const pending = panel.pending;
      panel.pending = [];
      for (const build of pending) build();
    });
    return panel;
  }

  // Appends the table nodes make() returns. For long data (more rows than
  // a table lists) they are made when "Show as a table" is first opened,
  // in their place, not at every update.
  place(panel, long, make) {
    if (!long || panel.details.open) return panel.tables.append(...make());
    const anchor = document.createComment('table');
    panel.tables.append(anchor);
    panel.pending.push(() => anchor.replaceWith(...make()));
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
      panel.pending = [];
    }
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
    if (!this.model || !this.model.losses.length) return this.empty(panel, this.t('noLosses'));
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
    if (which === 'loss' && group.series.some((s) => s.marks)) notes.push(this.t('noteMarks'));
    if (notes.length) block.append(el('ul', { class: 'lp-chart-notes' }, ...notes.map((n) => el('li', { text: n }))));
    panel.body.append(block);
    const theme = this.theme;
    const charts = this;
    const current = () => {
      const g = charts.curves.groups.find((x) => x.kind === group.kind);
      return g ? (which === 'grad' ? g.series.filter((s) => s.grad) : g.series) : [];
    };
    const options = baseOptions(theme, {
      xLabel: this.t(axisKey),
      yLabel: this.t(which === 'grad' ? gradKey : 'axisLossPerPoint'),
      xName: this.t(axisKey).split(/[,，(（:：]/)[0].trim(),
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
      const rows = group.grid.rows.map((i) => [this.fmt(group.grid.xs[i])].concat(series.map((s) => this.fmt((which === 'grad' ? s.grad : s.loss)[i]))));
      const caption = this.t(which === 'grad' ? 'gradTableCaption' : 'curveTableCaption', { title: this.t(titleKey), what: this.t(gradKey), stride: TABLE_STRIDE, n: group.grid.xs.length });
      const node = table(caption, [this.t(axisKey)].concat(series.map((s) => s.label)), rows);
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
        if (best >= 0) parts.push(this.t('curveMax', { label: s.label, value: this.fmt(s.loss[best]), x: this.fmt(group.grid.xs[best]) }));
      }
    }
    const panel = this.panels.curves;
    panel.summary.textContent = parts.length ? this.t('curvesSummary', { list: parts.join(this.t('itemSep')) }) : this.curves.notes.join(' ') || this.t('noLosses');
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

  // Each loss's largest values, found once per model (TOP_ROWS of them
  // when a table of them is shown; the first TOP are badges and summary).
  topsOf(values, abs) {
    const key = abs ? 'abs' : 'value';
    let found = this.topCache.get(values);
    if (!found) this.topCache.set(values, (found = {}));
    if (!found[key]) found[key] = topK(values, values.length > TABLE_ROWS ? TOP_ROWS : TOP, abs);
    return found[key];
  }

  renderBars() {
    const panel = this.panels.bars;
    if (!this.model || !this.model.losses.length) return this.empty(panel, this.t('noLosses'));
    if (!this.model.prediction) return this.empty(panel, this.t('noData'));
    const entries = this.model.losses.filter((e) => e.perSample && e.perSample.length);
    if (!entries.length) return this.empty(panel, this.t('noPerSample'));
    const columns = entries.map((e) => ({ label: this.name(e.spec), color: e.color, values: e.perSample }));
    const shape = this.model.prediction.shape;
    this.barChart(panel, columns, false, shape, 'axisLoss');
    const parts = columns.map((c) => {
      const tops = this.topsOf(c.values, false).slice(0, TOP);
      if (!tops.length) return this.t('barsAllZero', { loss: c.label });
      const names = sampleNames(c.values.length, shape.length === 2 && shape[0] * shape[1] === c.values.length ? shape : null);
      const which = (i) => this.t(names.matrix ? 'elementN' : 'sampleN', { n: names.name(i) });
      return `${c.label} ${tops.map((i) => `${which(i)} (${this.fmt(c.values[i])})`).join(this.t('itemSep'))}`;
    });
    panel.summary.textContent = this.t('barsSummary', { list: parts.join(this.t('listSep')) });
    this.barTable(panel, columns, false, shape, this.t('barsTableCaption'));
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
      // everything: then only the largest gets a badge.
      const tops = this.topsOf(c.values, abs).slice(0, n > TOP ? TOP : 1);
      return { values, tops, color: c.color, label: c.label, center: (i) => i + 1 - 0.4 + s * width + width / 2 };
    });
    const options = baseOptions(theme, {
      xLabel: this.t(names.matrix ? 'axisElement' : 'axisSample'),
      yLabel: this.t(yKey),
      xName: this.t(names.matrix ? 'colElement' : 'colSample'),
      xValue: (u, v) => (v == null ? '—' : names.name(v - 1)),
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
        value: (u, v) => fmtFull(v),
      })),
      draw: (u) => drawBadges(u, bars, theme),
    });
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

  barTable(panel, columns, abs, shape, caption) {
    const n = Math.max(...columns.map((c) => c.values.length));
    this.place(panel, n > TABLE_ROWS, () => this.samplesTable(columns, abs, shape, caption, n));
  }

  samplesTable(columns, abs, shape, caption, n) {
    const names = sampleNames(n, shape && shape.length === 2 && shape[0] * shape[1] === n ? shape : null);
    const shown = Math.min(n, TABLE_ROWS);
    const tops = new Set();
    columns.forEach((c, j) => this.topsOf(c.values, abs).slice(0, TOP).forEach((i) => tops.add(`${i},${j}`)));
    const rows = [];
    for (let i = 0; i < shown; i++) rows.push([names.name(i)].concat(columns.map((c) => (i < c.values.length ? this.fmt(c.values[i]) : ''))));
    const node = table(caption, [this.t(names.matrix ? 'colElement' : 'colSample')].concat(columns.map((c) => c.label)), rows, tops);
    node.dataset.table = 'samples';
    return n > shown ? [node, el('p', { class: 'lp-table-note', text: this.t('firstRows', { shown, total: grouped(n) }) })] : [node];
  }

  // Longer data than the table lists: each loss's largest values (by size
  // when abs) with their row numbers, ŷ and y, largest first, ties in row order.
  topTable(panel, columns, abs, shape, captionKey) {
    const n = Math.max(...columns.map((c) => c.values.length));
    if (n <= TABLE_ROWS) return;
    if (this.scale) this.place(panel, true, () => [this.scale.topRowsTable(this, columns, abs, shape, captionKey, n)]);
  }

  // ---- gradients: per input, and along the curves ----

  renderGradients() {
    const panel = this.panels.grad;
    if (!this.model || !this.model.losses.length) return this.empty(panel, this.t('noLosses'));
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
      this.barChart(panel, columns, true, shape, 'axisGrad', this.t('gradBarsTitle'));
      for (const c of columns) {
        const tops = this.topsOf(c.values, true).slice(0, TOP);
        if (!tops.length) continue;
        const names = sampleNames(c.values.length, c.shape);
        const which = (i) => this.t(names.matrix ? 'elementN' : 'sampleN', { n: names.name(i) });
        summary.push(`${c.name} ${tops.map((i) => `${which(i)} (${this.fmt(c.values[i])})`).join(this.t('itemSep'))}`);
      }
      this.barTable(panel, columns, true, shape, this.t('gradBarsTableCaption'));
      this.topTable(panel, columns, true, shape, 'topGradTableCaption');
    }
    for (const group of this.curves.groups) this.curveBlock(panel, group, 'grad');
    this.curveTables(panel, 'grad');
    panel.summary.textContent = summary.length ? this.t('gradSummary', { list: summary.join(this.t('listSep')) }) : this.t('noData');
    if (!panel.body.childElementCount) this.empty(panel, this.t('noData'));
  }

  // ---- ŷ against y ----

  renderScatter() {
    const panel = this.panels.scatter;
    const P = this.model && this.model.prediction;
    const Y = this.model && this.model.target;
    if (!P || !Y) return this.empty(panel, this.t('noData'));
    if (P.data.length !== Y.data.length) return this.empty(panel, this.t('noScatter', { p: P.data.length, y: Y.data.length }));
    const names = sampleNames(P.data.length, P.shape);
    const which = (i) => this.t(names.matrix ? 'elementN' : 'sampleN', { n: names.name(i) });
    const host = el('div', { class: 'lp-plot', 'aria-hidden': 'true' });
    panel.body.append(el('div', { class: 'lp-plot-block' }, host));
    if (P.data.length > MAX_POINTS) this.withScale(panel, P.data.length, (scale) => scale.densityPlot(this, panel, host, P, Y, which));
    else this.pointsPlot(host, P, Y, which);
    // The density's pass finds the farthest samples; without it (small data, or its code still loading) a pass here.
    const far = this.densityCache && this.densityCache.P === P.data ? this.densityCache.cells.far : topK(P.data.map((v, i) => v - Y.data[i]), 1, true);
    panel.summary.textContent = !far.length ? this.t('scatterExact', { n: grouped(P.data.length) })
      : this.t('scatterSummary', { n: grouped(P.data.length), which: which(far[0]), y: this.fmt(Y.data[far[0]]), p: this.fmt(P.data[far[0]]) });
    this.place(panel, P.data.length > TABLE_ROWS, () => {
      const shown = Math.min(P.data.length, TABLE_ROWS);
      const rows = [];
      for (let i = 0; i < shown; i++) rows.push([names.name(i), this.fmt(Y.data[i]), this.fmt(P.data[i]), this.fmt(P.data[i] - Y.data[i])]);
      const node = table(this.t('scatterTableCaption'), [this.t(names.matrix ? 'colElement' : 'colSample'), this.t('colTarget'), this.t('colPrediction'), this.t('colResidual')], rows);
      node.dataset.table = 'scatter';
      return P.data.length > shown ? [node, el('p', { class: 'lp-table-note', text: this.t('firstRows', { shown, total: grouped(P.data.length) }) })] : [node];
    });
  }

  scatterOptions(xs, ys, order, lo, hi, which, draw) {
    const theme = this.theme;
    return baseOptions(theme, {
      xLabel: this.t('axisTarget'),
      yLabel: this.t('axisPrediction'),
      xName: this.t('legendTarget'),
      xValue: (u, v, s, idx) => (idx == null ? '—' : `${fmtFull(v)} · ${which(order[idx])}`),
      xScale: { range: () => [lo, hi] },
      yScale: { range: () => [lo, hi] },
      cursor: { y: true, dataIdx: (u, s, closest) => nearestPoint(u, closest) },
      series: [{
        label: this.t('legendPrediction'),
        stroke: theme.accent,
        fill: withAlpha(theme.accent, 0.3),
        paths: () => null,
        points: { show: true, size: 10, width: 2, stroke: theme.accent, fill: withAlpha(theme.accent, 0.35) },
        value: (u, v) => fmtFull(v),
      }],
      draw,
    });
  }

  // Every sample a point, in order of y.
  pointsPlot(host, P, Y, which) {
    const n = P.data.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => Y.data[a] - Y.data[b] || P.data[a] - P.data[b]);
    const xs = order.map((i) => Y.data[i]);
    const ys = order.map((i) => (Number.isFinite(P.data[i]) ? P.data[i] : null));
    const [lo, hi] = sharedRange(xs, ys);
    const theme = this.theme;
    const options = this.scatterOptions(xs, ys, order, lo, hi, which, (u) => drawDiagonal(u, xs, ys, lo, hi, theme));
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

