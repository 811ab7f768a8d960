/* The per-sample loss chart, drawn with uPlot: one series per selected loss,
 * x = sample index. Rebuilt on each update; sized to its container. */
(function (ui) {
  'use strict';

  const MAX_POINTS = 5000; // beyond this the chart shows the first samples only

  function cssVar(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  class LossChart {
    constructor(container, caption) {
      this.container = container;
      this.caption = caption;
      this.plot = null;
      this.series = [];
      this.resizeObserver = new ResizeObserver(() => this.resize());
      this.resizeObserver.observe(container);
    }

    width() {
      return Math.max(200, Math.floor(this.container.clientWidth));
    }

    resize() {
      if (this.plot) this.plot.setSize({ width: this.width(), height: this.height() });
    }

    height() {
      return this.width() < 500 ? 220 : 280;
    }

    // series: [{label, color, values}] with values per sample.
    update(series) {
      this.series = series;
      if (this.plot) {
        this.plot.destroy();
        this.plot = null;
      }
      this.container.replaceChildren();
      if (series.length === 0) {
        this.caption.textContent = ui.i18n.t('chart.empty');
        return;
      }
      const n = Math.max(...series.map((s) => s.values.length));
      const shown = Math.min(n, MAX_POINTS);
      const x = Float64Array.from({ length: shown }, (_, i) => i);
      const data = [x];
      for (const s of series) {
        const column = new Array(shown);
        for (let i = 0; i < shown; i++) column[i] = i < s.values.length ? s.values[i] : null;
        data.push(column);
      }
      const axisColor = cssVar('--muted') || '#666';
      const gridColor = cssVar('--grid') || '#ddd';
      const axis = (label) => ({
        label,
        stroke: axisColor,
        grid: { stroke: gridColor, width: 1 },
        ticks: { stroke: gridColor, width: 1 },
      });
      const opts = {
        width: this.width(),
        height: this.height(),
        scales: { x: { time: false } },
        axes: [
          Object.assign(axis(ui.i18n.t('chart.sample')), { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }),
          axis(ui.i18n.t('chart.axisLoss')),
        ],
        legend: { live: true },
        cursor: { points: { size: 8 } },
        series: [
          { label: ui.i18n.t('chart.sample'), value: (u, v) => (v == null ? '' : String(v)) },
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            points: { show: true, size: 7, fill: s.color },
            value: (u, v) => (v == null ? '' : ui.formatShort(v)),
          })),
        ],
      };
      this.plot = new uPlot(opts, data, this.container);

      const parts = series.map((s) => {
        let top = 0;
        for (let i = 1; i < s.values.length; i++) if (s.values[i] > s.values[top]) top = i;
        return ui.i18n.t('chart.largest', { loss: s.label, index: top, value: ui.formatShort(s.values[top]) });
      });
      const note = n > shown ? ui.i18n.t('chart.truncated', { shown, count: n }) : '';
      this.caption.textContent = ui.i18n.t('chart.caption', { count: n, parts: parts.join(ui.i18n.t('chart.partsSeparator')), note });
    }
  }

  ui.LossChart = LossChart;
})((self.LossPlayUI = self.LossPlayUI || {}));
