/* One loss's landscape: F(w, b) on the fit's grid as a heatmap (log colour
 * scale; cells outside the loss's domain hatched grey) with contour lines,
 * the optimiser's path up to the current frame (the rest faint), its start
 * point (dragged with the pointer or moved with the arrow keys: onStart(w, b)
 * on release) and the exact optimum. A diverged path is said on the chart,
 * never drawn as a result. A sentence describes it for screen readers.
 *   createLandscape(container, { tr, onStart }) -> { render(fit, frame), destroy() } */
import { el } from '../../views/dom.js';
import css from '../css/charts.css';
import { readTheme, fitCanvas, pointerAt, drawAxes, labelWidth, measurer } from '../charts/canvas.js';
import {
  linear, niceTicks, fittingTicks, tickLabel, num, logScale, heatPixels, contourLevels, contourAll,
  landscapeDomain, frameIndex, keyStep, roundTo, ramp,
} from '../charts/maths.js';

export { css };

const height = (width) => Math.round(Math.min(Math.max(width * 0.85, 260), 440));
const MAX_DOTS = 250; // a longer path gets a dot every few steps

// The drawn picture of a landscape, made once per landscape (frames only redraw the path).
function prepare(landscape) {
  const scale = logScale(landscape.values);
  const canvas = document.createElement('canvas');
  canvas.width = landscape.columns;
  canvas.height = landscape.rows;
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(landscape.columns, landscape.rows);
  heatPixels(landscape, scale, image.data);
  ctx.putImageData(image, 0, 0);
  // Contours on log F: marching squares at log-spaced levels.
  const contours = Number.isFinite(scale.lo) && scale.hi > scale.lo
    ? contourAll(landscape.values, landscape.columns, landscape.rows, contourLevels(scale, 8))
    : [];
  let outside = false;
  for (const v of landscape.values) if (!Number.isFinite(v)) { outside = true; break; }
  return { scale, canvas, contours, outside };
}

export function createLandscape(container, options) {
  let { tr } = options;
  const { onStart = () => {} } = options;
  const title = el('h3', { class: 'fitc-title' });
  const sentence = el('p', { class: 'fitc-sr', id: `fitc-land-${Math.random().toString(36).slice(2)}` });
  const plot = el('div', { class: 'fitc-plot' });
  const status = el('p', { class: 'fitc-status', role: 'status' });
  const start = el('span', { class: 'fitc-start', role: 'button', tabindex: '0' });
  const ramp1 = el('canvas', { width: '140', height: '1', 'aria-hidden': 'true' });
  const lo = el('span');
  const hi = el('span');
  const scaleName = el('span', { class: 'fitc-scale-name' });
  const outsideKey = el('span', {}, el('span', { class: 'fitc-hatch' }), ' ', el('span'));
  const contourNote = el('span');
  const scaleRow = el('div', { class: 'fitc-scale' }, scaleName, el('span', { class: 'fitc-ramp' }, lo, ramp1, hi), outsideKey, contourNote);
  const message = el('p', { class: 'fitc-note' });
  const root = el('figure', { class: 'fitc fitc-landscape', 'aria-describedby': sentence.id }, title, plot, scaleRow, message, sentence);
  container.append(root);

  let fit = null;
  let frame = null;
  let picture = null;
  let pictureOf = null;
  let view = null;
  let moving = null; // { w, b, pointerId? }: the start while it is dragged or keyed
  let moved = null; // where it was released, until the next fit arrives

  const chart = fitCanvas(plot, height, draw);
  chart.canvas.setAttribute('aria-hidden', 'true');
  plot.append(status, start);
  paintRamp();

  function paintRamp() {
    const ctx = ramp1.getContext('2d');
    const image = ctx.createImageData(140, 1);
    for (let i = 0; i < 140; i++) {
      const [r, g, b] = ramp(i / 139);
      image.data.set([r, g, b, 255], 4 * i);
    }
    ctx.putImageData(image, 0, 0);
  }

  function startPoint() {
    if (moving) return moving;
    if (moved) return moved;
    if (fit && fit.path && fit.path.w.length) return { w: fit.path.w[0], b: fit.path.b[0] };
    return null;
  }

  function draw(ctx, width, h) {
    view = null;
    const land = fit && !fit.error ? fit.landscape : null;
    if (!land) { start.hidden = true; return; }
    if (pictureOf !== land) { picture = prepare(land); pictureOf = land; }
    const theme = readTheme(root);
    const domain = landscapeDomain(land);
    const bt = niceTicks(domain.b[0], domain.b[1], 5);
    const left = 24 + labelWidth(ctx, theme, bt.ticks.map((t) => tickLabel(t, bt.step)));
    const box = { left, top: 8, width: width - left - 12, height: h - 8 - 46 };
    const wt = fittingTicks(domain.w[0], domain.w[1], box.width, measurer(ctx, theme));
    const xs = linear(domain.w[0], domain.w[1], box.left, box.left + box.width);
    const ys = linear(domain.b[0], domain.b[1], box.top + box.height, box.top);
    view = { xs, ys, box, domain };
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(picture.canvas, box.left, box.top, box.width, box.height);
    drawAxes(ctx, theme, box, xs, ys, wt, bt, {
      grid: false,
      x: (t, s) => tickLabel(t, s),
      y: (t, s) => tickLabel(t, s),
      xName: tr.t('fitCharts.axisW'),
      yName: tr.t('fitCharts.axisB'),
    });
    ctx.save();
    ctx.beginPath();
    ctx.rect(box.left, box.top, box.width, box.height);
    ctx.clip();
    drawContours(ctx, land);
    drawPath(ctx, theme);
    drawOptimum(ctx, theme);
    drawStart(ctx, theme);
    ctx.restore();
    placeStart();
  }

  function drawContours(ctx, land) {
    const { xs, ys } = view;
    const cw = (land.wMax - land.wMin) / (land.columns - 1);
    const rb = (land.bMax - land.bMin) / (land.rows - 1);
    ctx.lineWidth = 1;
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.45)';
    ctx.beginPath();
    for (const seg of picture.contours) {
      for (let i = 0; i < seg.length; i += 4) {
        ctx.moveTo(xs(land.wMin + seg[i] * cw), ys(land.bMin + seg[i + 1] * rb));
        ctx.lineTo(xs(land.wMin + seg[i + 2] * cw), ys(land.bMin + seg[i + 3] * rb));
      }
    }
    ctx.stroke();
  }

  function drawPath(ctx, theme) {
    const p = fit.path;
    if (!p || !p.w.length) return;
    const { xs, ys } = view;
    const k = frameIndex(p, frame);
    const diverged = p.status === 'diverged';
    const line = (from, to) => {
      ctx.beginPath();
      for (let i = from; i <= to; i++) {
        const x = xs(p.w[i]);
        const y = ys(p.b[i]);
        if (i === from) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      }
    };
    // The steps still to come: faint.
    if (k < p.w.length - 1) {
      line(k, p.w.length - 1);
      ctx.globalAlpha = 0.45;
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = fit.color;
      ctx.setLineDash([3, 3]);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
    }
    // The steps taken: the loss's colour over a halo in the card's colour, so it shows on any cell.
    line(0, k);
    ctx.lineJoin = 'round';
    ctx.lineWidth = 4;
    ctx.strokeStyle = theme.card;
    ctx.stroke();
    ctx.lineWidth = 2;
    ctx.strokeStyle = fit.color;
    if (diverged) ctx.setLineDash([5, 4]);
    ctx.stroke();
    ctx.setLineDash([]);
    const every = Math.max(1, Math.ceil(p.w.length / MAX_DOTS));
    ctx.fillStyle = fit.color;
    for (let i = 0; i <= k; i += every) {
      ctx.beginPath();
      ctx.arc(xs(p.w[i]), ys(p.b[i]), 2, 0, 2 * Math.PI);
      ctx.fill();
    }
    // The current step: a larger dot (not for a diverged path's last point: it is no result).
    if (!diverged || k < p.w.length - 1) {
      ctx.beginPath();
      ctx.arc(xs(p.w[k]), ys(p.b[k]), 5, 0, 2 * Math.PI);
      ctx.fillStyle = fit.color;
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = theme.card;
      ctx.stroke();
    }
  }

  function drawOptimum(ctx, theme) {
    const o = fit.optimum;
    if (!o || o.status !== 'found' || !Number.isFinite(o.w) || !Number.isFinite(o.b)) return;
    const { xs, ys, box } = view;
    const x = xs(o.w);
    const y = ys(o.b);
    // A cross in a ring: white on a dark outline reads on every colour of the ramp.
    ctx.lineWidth = 4;
    ctx.strokeStyle = '#000';
    const cross = () => {
      ctx.beginPath();
      ctx.moveTo(x - 7, y - 7); ctx.lineTo(x + 7, y + 7);
      ctx.moveTo(x + 7, y - 7); ctx.lineTo(x - 7, y + 7);
      ctx.stroke();
    };
    cross();
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#fff';
    cross();
    const label = tr.t('fitCharts.optimumMark', { w: num(o.w), b: num(o.b) });
    ctx.font = `600 12px ${theme.font}`;
    const tw = ctx.measureText(label).width;
    // Above and to the right of the cross; moved inside the plot when that would leave it.
    const tx = Math.max(box.left + 4, Math.min(x + 10, box.left + box.width - 4 - tw));
    const ty = y - 10 < box.top + 12 ? y + 22 : y - 10;
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.75)';
    ctx.strokeText(label, tx, ty);
    ctx.fillStyle = '#fff';
    ctx.fillText(label, tx, ty);
  }

  function drawStart(ctx, theme) {
    const s = startPoint();
    if (!s) return;
    const { xs, ys } = view;
    ctx.beginPath();
    ctx.arc(xs(s.w), ys(s.b), 7, 0, 2 * Math.PI);
    ctx.lineWidth = 4;
    ctx.strokeStyle = theme.card;
    ctx.stroke();
    ctx.lineWidth = 2;
    ctx.strokeStyle = fit.color;
    ctx.stroke();
  }

  function placeStart() {
    const s = startPoint();
    start.hidden = !s || !view;
    if (start.hidden) return;
    start.style.left = `${view.xs(s.w)}px`;
    start.style.top = `${view.ys(s.b)}px`;
  }

  // ---- moving the start ----

  function clampToWindow(w, b) {
    const { domain } = view;
    const sw = keyStep(domain.w[0], domain.w[1], false) / 10;
    const sb = keyStep(domain.b[0], domain.b[1], false) / 10;
    return {
      w: roundTo(Math.min(domain.w[1], Math.max(domain.w[0], w)), sw),
      b: roundTo(Math.min(domain.b[1], Math.max(domain.b[0], b)), sb),
    };
  }

  function release() {
    const s = moving;
    moving = null;
    moved = { w: s.w, b: s.b };
    labelStart();
    chart.redraw();
    onStart(s.w, s.b);
  }

  start.addEventListener('pointerdown', (event) => {
    if (!view) return;
    event.preventDefault();
    start.setPointerCapture(event.pointerId);
    start.focus({ preventScroll: true });
    moving = Object.assign({}, startPoint(), { pointerId: event.pointerId });
  });
  start.addEventListener('pointermove', (event) => {
    if (!moving || moving.pointerId !== event.pointerId) return;
    const at = pointerAt(chart.canvas, event);
    Object.assign(moving, clampToWindow(view.xs.invert(at.x), view.ys.invert(at.y)));
    chart.redraw();
  });
  const up = (event) => { if (moving && moving.pointerId === event.pointerId) release(); };
  start.addEventListener('pointerup', up);
  start.addEventListener('pointercancel', up);
  start.addEventListener('keydown', (event) => {
    // Escape during a pointer drag leaves the start where it was: no rerun.
    if (event.key === 'Escape' && moving && moving.pointerId !== undefined) {
      event.preventDefault();
      if (start.hasPointerCapture(moving.pointerId)) start.releasePointerCapture(moving.pointerId);
      moving = null;
      labelStart();
      chart.redraw();
      return;
    }
    const dir = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[event.key];
    if (!dir || !view) return;
    event.preventDefault();
    if (!moving) moving = Object.assign({}, startPoint());
    const { domain } = view;
    const sw = keyStep(domain.w[0], domain.w[1], event.shiftKey);
    const sb = keyStep(domain.b[0], domain.b[1], event.shiftKey);
    // Only the coordinate the key moves changes (and is rounded to its step).
    const next = clampToWindow(roundTo(moving.w + dir[0] * sw, sw), roundTo(moving.b + dir[1] * sb, sb));
    if (dir[0]) moving.w = next.w;
    if (dir[1]) moving.b = next.b;
    labelStart();
    chart.redraw();
  });
  start.addEventListener('keyup', (event) => {
    if (moving && moving.pointerId === undefined && event.key.startsWith('Arrow')) release();
  });

  function labelStart() {
    const s = startPoint();
    if (s) start.setAttribute('aria-label', tr.t('fitCharts.start', { w: num(s.w), b: num(s.b) }));
  }

  // ---- words ----

  function statusText(p) {
    if (!p || p.status !== 'diverged') return '';
    const domain = p.stopReason && p.stopReason !== 'non_finite' && p.stopReason !== 'exploding';
    return tr.t(domain ? 'fitCharts.leftDomain' : 'fitCharts.diverged', { step: p.stopStep });
  }

  function optimumText(o) {
    if (!o) return tr.t('fitCharts.noExact');
    if (o.status === 'not_identifiable') return tr.t('fitCharts.notIdentifiable');
    if (o.status === 'no_finite_optimum') return tr.t('fitCharts.noFiniteOptimum');
    return tr.t('fitCharts.optimumIs', { w: num(o.w), b: num(o.b) });
  }

  function describe() {
    const p = fit.path;
    const optimum = optimumText(fit.optimum);
    if (!p || !p.w.length) return tr.t('fitCharts.sentenceNoPath', { loss: fit.label, optimum });
    const last = p.w.length - 1;
    const s = statusText(p);
    if (s) return tr.t('fitCharts.sentenceDiverged', { loss: fit.label, w0: num(p.w[0]), b0: num(p.b[0]), status: s, optimum });
    return tr.t('fitCharts.sentenceLandscape', {
      loss: fit.label, n: last, w0: num(p.w[0]), b0: num(p.b[0]), w: num(p.w[last]), b: num(p.b[last]), optimum,
    });
  }

  function render(next, nextFrame) {
    if (next !== fit) moved = null;
    fit = next;
    frame = nextFrame === undefined ? null : nextFrame;
    const label = fit ? fit.label : '';
    title.textContent = tr.t('fitCharts.landscapeTitle', { loss: label });
    const land = fit && !fit.error ? fit.landscape : null;
    root.style.setProperty('--c', fit ? fit.color : '');
    scaleRow.hidden = !land;
    plot.hidden = !land; // no empty square where there is nothing to draw
    if (!fit || fit.error || !land) {
      message.textContent = fit && fit.error ? tr.error(fit.error) : tr.t('fitCharts.noLandscape', { loss: label });
      status.textContent = '';
      sentence.textContent = message.textContent;
      chart.redraw();
      return;
    }
    message.textContent = '';
    status.textContent = statusText(fit.path);
    if (pictureOf !== land) { picture = prepare(land); pictureOf = land; }
    scaleName.textContent = tr.t('fitCharts.colourScale');
    lo.textContent = num(picture.scale.lo);
    hi.textContent = num(picture.scale.hi);
    outsideKey.hidden = !picture.outside;
    outsideKey.lastChild.textContent = tr.t('fitCharts.outside');
    contourNote.textContent = `${tr.t('fitCharts.contours')} ${tr.t('fitCharts.grid', { columns: land.columns, rows: land.rows })}`;
    labelStart();
    sentence.textContent = describe();
    chart.redraw();
  }

  return {
    render,
    /** Extension: the page's language changed; redraws every word with `next`. */
    retranslate(next) {
      tr = next;
      if (fit) render(fit, frame);
    },
    destroy() {
      chart.destroy();
      root.remove();
    },
  };
}
