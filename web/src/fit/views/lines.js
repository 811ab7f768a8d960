/* The fit view's main chart: the data as points and one fitted line per
 * loss in its colour (solid: the path's current step; dashed: the exact
 * optimum). Classification: points at their two classes, BCE's and focal's
 * curve p = σ(w·x + b), hinge's and squared hinge's decision boundary (their
 * outputs are scores). A point is dragged with the pointer, or focused and
 * moved with the arrow keys: onMove(index, y) while it moves, onMoveEnd()
 * after; Escape during a pointer drag calls onMoveCancel() instead (the
 * point goes back). A legend gives each loss's w and b; a sentence says
 * what is drawn.
 *   createFitLines(container, { tr, onMove, onMoveEnd, onMoveCancel }) -> { render(results, frame), destroy() } */
import { el } from '../../views/dom.js';
import css from '../css/charts.css';
import { readTheme, fitCanvas, pointerAt, drawAxes, labelWidth, measurer } from '../charts/canvas.js';
import { linear, niceTicks, fittingTicks, tickLabel, num, paddedExtent, frameIndex, keyStep, roundTo, sigmoid, nearestPoint } from '../charts/maths.js';
import { classOf, isScoreLoss, lineDomain } from '../charts/lines-maths.js';

export { css };

export const MAX_DRAGGABLE = 200; // more points than this: no handles (one per point would crowd the DOM)

const height = (width) => (width < 480 ? 260 : 320);

export function createFitLines(container, options) {
  let { tr } = options;
  const { onMove = () => {}, onMoveEnd = () => {}, onMoveCancel = () => {} } = options;
  const title = el('h3', { class: 'fitc-title' });
  const sentence = el('p', { class: 'fitc-sr', id: `fitc-lines-${Math.random().toString(36).slice(2)}` });
  const plot = el('div', { class: 'fitc-plot' });
  const handles = el('div', { class: 'fitc-handles', role: 'group' });
  const note = el('p', { class: 'fitc-note' });
  const legend = el('ul', { class: 'fitc-legend' });
  const live = el('p', { class: 'fitc-sr', 'aria-live': 'polite' });
  const root = el('figure', { class: 'fitc fitc-lines', 'aria-describedby': sentence.id }, title, plot, note, legend, sentence, live);
  container.append(root);

  let results = null;
  let frame = null;
  let view = null; // the scales of the last drawing
  let frozen = null; // the y domain held while a point is dragged
  let drag = null; // { index, y, pointerId }
  let focusIndex = 0;
  let pending = null; // coalesces onMove to one per animation frame
  let handleNodes = [];
  let domains = { of: null };

  const chart = fitCanvas(plot, height, draw);
  chart.canvas.setAttribute('aria-hidden', 'true');
  plot.append(handles);

  function ys() {
    if (!results) return [];
    if (!drag) return results.y;
    const y = results.y.slice(); // a copy only while a point is moved (short data)
    y[drag.index] = drag.y;
    return y;
  }

  function draw(ctx, width, h) {
    view = null;
    if (!results || !results.x || results.x.length === 0) return;
    const theme = readTheme(root);
    const classes = isClassification(results);
    const x = results.x;
    const y = ys();
    // The axes depend on the results, not the frame: computed once per results (long data).
    if (domains.of !== results) domains = { of: results, x: paddedExtent([x], 0.06), y: classes ? [-0.15, 1.15] : lineDomain(results) };
    const xd = domains.x;
    const yd = frozen || domains.y;
    const yt = classes ? { ticks: [0, 0.5, 1], step: 0.1 } : niceTicks(yd[0], yd[1], 5);
    const cls = classes ? classOf(results.y) : null;
    const yLabel = classes ? (t) => (t === 0 ? num(cls.low) : t === 1 ? num(cls.high) : '0.5') : (t, s) => tickLabel(t, s);
    const left = 24 + labelWidth(ctx, theme, yt.ticks.map((t) => yLabel(t, yt.step)));
    const box = { left, top: 10, width: width - left - 12, height: h - 10 - 46 };
    const xt = fittingTicks(xd[0], xd[1], box.width, measurer(ctx, theme));
    const xs = linear(xd[0], xd[1], box.left, box.left + box.width);
    const yscale = linear(yd[0], yd[1], box.top + box.height, box.top);
    view = { xs, ys: yscale, box, yd, classes, cls };
    drawAxes(ctx, theme, box, xs, yscale, xt, yt, {
      grid: true,
      x: (t, s) => tickLabel(t, s),
      y: yLabel,
      xName: tr.t('fitCharts.axisX'),
      yName: tr.t(classes ? 'fitCharts.axisClass' : 'fitCharts.axisY'),
    });
    ctx.save();
    ctx.beginPath();
    ctx.rect(box.left, box.top, box.width, box.height);
    ctx.clip();
    // Short data's points over the lines (they are grabbed); long data's under them (they would hide them).
    const long = x.length > MAX_DRAGGABLE;
    if (long) drawPoints(ctx, x, y, theme);
    for (const fit of results.fits || []) drawFit(ctx, fit, xd);
    if (!long) drawPoints(ctx, x, y, theme);
    ctx.restore();
    placeHandles();
  }

  function drawFit(ctx, fit, xd) {
    if (fit.error) return;
    const { xs, ys: yscale, classes } = view;
    const opt = fit.optimum;
    const hasOptimum = opt && opt.status === 'found' && Number.isFinite(opt.w) && Number.isFinite(opt.b);
    const path = fit.path;
    const k = frameIndex(path, frame);
    // A diverged path is never drawn as a fitted line.
    const current = path && path.status !== 'diverged' && k >= 0 ? { w: path.w[k], b: path.b[k] } : null;
    ctx.lineWidth = 2;
    ctx.strokeStyle = fit.color;
    const stroke = (wb, dashed) => {
      ctx.setLineDash(dashed ? [6, 4] : []);
      ctx.globalAlpha = dashed ? 0.85 : 1;
      if (classes && isScoreLoss(fit)) boundary(ctx, wb);
      else if (classes) curve(ctx, wb, xd);
      else {
        ctx.beginPath();
        ctx.moveTo(xs(xd[0]), yscale(wb.w * xd[0] + wb.b));
        ctx.lineTo(xs(xd[1]), yscale(wb.w * xd[1] + wb.b));
        ctx.stroke();
      }
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
    };
    if (hasOptimum) stroke(opt, true);
    if (current && Number.isFinite(current.w) && Number.isFinite(current.b)) stroke(current, false);
  }

  // p = σ(w·x + b) sampled across the plot.
  function curve(ctx, wb, xd) {
    const { xs, ys: yscale, box } = view;
    ctx.beginPath();
    const n = Math.max(60, Math.round(box.width / 3));
    for (let i = 0; i <= n; i++) {
      const xv = xd[0] + ((xd[1] - xd[0]) * i) / n;
      const px = xs(xv);
      const py = yscale(sigmoid(wb.w * xv + wb.b));
      if (i === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
    }
    ctx.stroke();
  }

  // The score's sign change x = −b/w, with an arrow towards the side scored positive.
  function boundary(ctx, wb) {
    const { xs, box } = view;
    if (!(wb.w !== 0) || !Number.isFinite(-wb.b / wb.w)) return;
    const px = xs(-wb.b / wb.w);
    ctx.beginPath();
    ctx.moveTo(px, box.top);
    ctx.lineTo(px, box.top + box.height);
    ctx.stroke();
    const dir = wb.w > 0 ? 1 : -1;
    const y = box.top + 14;
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.moveTo(px, y);
    ctx.lineTo(px + dir * 16, y);
    ctx.moveTo(px + dir * 16, y);
    ctx.lineTo(px + dir * 11, y - 4);
    ctx.moveTo(px + dir * 16, y);
    ctx.lineTo(px + dir * 11, y + 4);
    ctx.stroke();
  }

  function pointY(v) {
    if (!view.classes) return v;
    return v === view.cls.high ? 1 : 0;
  }

  // The points change only with the data, the axes or the theme, not with the
  // frame: long data's points are drawn once into a layer the frames reuse.
  let layer = null;
  let layerKey = '';

  function drawPoints(ctx, x, y, theme) {
    const { xs, ys: yscale, box } = view;
    if (x.length > MAX_DRAGGABLE) {
      const ratio = chart.canvas.width / chart.size().width;
      const key = [chart.canvas.width, chart.canvas.height, view.yd, xs.domain, box.left, theme.text].join('|');
      if (!layer || layer.results !== results || layerKey !== key) {
        layer = layer || { canvas: document.createElement('canvas') };
        layer.results = results;
        layerKey = key;
        layer.canvas.width = chart.canvas.width;
        layer.canvas.height = chart.canvas.height;
        const lc = layer.canvas.getContext('2d');
        lc.setTransform(ratio, 0, 0, ratio, 0, 0);
        // Squares in one path, one fill: a hundred thousand arcs would take a fifth of a second.
        const r = x.length > 2000 ? 1 : 2;
        lc.beginPath();
        for (let i = 0; i < x.length; i++) {
          if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
          lc.rect(xs(x[i]) - r, yscale(pointY(y[i])) - r, 2 * r, 2 * r);
        }
        lc.fillStyle = theme.text;
        lc.globalAlpha = x.length > 2000 ? 0.5 : 0.8;
        lc.fill();
      }
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(layer.canvas, 0, 0);
      ctx.restore();
      return;
    }
    layer = null;
    const r = 4.5;
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
      ctx.beginPath();
      ctx.arc(xs(x[i]), yscale(pointY(y[i])), r, 0, 2 * Math.PI);
      ctx.fillStyle = theme.text;
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = theme.card;
      ctx.stroke();
    }
    // The focused point (inside a shadow root, its own activeElement).
    const active = root.getRootNode().activeElement;
    const marked = drag ? drag.index : active ? handleNodes.indexOf(active) : -1;
    if (marked !== null && marked >= 0 && marked < x.length) {
      ctx.beginPath();
      ctx.arc(xs(x[marked]), yscale(pointY(y[marked])), r + 4, 0, 2 * Math.PI);
      ctx.lineWidth = 2;
      ctx.strokeStyle = theme.accent;
      ctx.stroke();
    }
  }

  // ---- moving a point ----

  function pointText(i, y) {
    const x = results.x[i];
    if (view && view.classes) return tr.t('fitCharts.pointClass', { i: i + 1, x: num(x, 4), y: num(y, 4) });
    return tr.t('fitCharts.point', { i: i + 1, x: num(x, 4), y: num(y, 4) });
  }

  function move(index, y) {
    drag = Object.assign(drag || {}, { index, y });
    pending = { index, y };
    requestAnimationFrame(() => {
      if (!pending) return;
      const p = pending;
      pending = null;
      onMove(p.index, p.y);
    });
    chart.redraw();
  }

  function endMove() {
    if (pending) { onMove(pending.index, pending.y); pending = null; }
    const last = drag;
    drag = null;
    frozen = null;
    if (last) {
      // Until the next results arrive the point stays where it was left.
      if (results) { const y = Float64Array.from(results.y); y[last.index] = last.y; results = Object.assign({}, results, { y }); }
      live.textContent = pointText(last.index, last.y);
    }
    onMoveEnd();
    chart.redraw();
  }

  function yFromPointer(py) {
    const v = view.ys.invert(py);
    if (view.classes) return v >= 0.5 ? view.cls.high : view.cls.low;
    const [lo, hi] = view.yd;
    const clamped = Math.min(hi, Math.max(lo, v));
    return roundTo(clamped, keyStep(lo, hi, false) / 10);
  }

  function onPointerDown(event) {
    if (!view || drag) return;
    // Handles of close points overlap: take the point nearest the pointer, not the handle on top.
    const at = pointerAt(chart.canvas, event);
    const y0 = ys();
    const px = Array.from(results.x, (v) => view.xs(v));
    const py = Array.from(y0, (v) => view.ys(pointY(v)));
    const near = nearestPoint(px, py, at.x, at.y, 18);
    const index = near >= 0 ? near : Number(event.currentTarget.dataset.index);
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    handleNodes[index].focus({ preventScroll: true });
    frozen = view.yd;
    drag = { index, y: ys()[index], from: ys()[index], pointerId: event.pointerId, captor: event.currentTarget };
  }

  // Escape during a pointer drag: the point goes back where the drag began (onMoveCancel).
  function cancelDrag() {
    const { index, from, pointerId, captor } = drag;
    if (captor.hasPointerCapture(pointerId)) captor.releasePointerCapture(pointerId);
    drag = null;
    pending = null;
    frozen = null;
    live.textContent = pointText(index, from);
    onMoveCancel();
    chart.redraw();
  }

  // Pointer events stay with the handle that captured them, whichever point it drags.
  function onPointerMove(event) {
    if (!drag || drag.pointerId !== event.pointerId) return;
    const y = yFromPointer(pointerAt(chart.canvas, event).y);
    if (y !== drag.y) move(drag.index, y);
  }

  function onPointerUp(event) {
    if (!drag || drag.pointerId !== event.pointerId) return;
    endMove();
  }

  function onKey(event) {
    if (event.key === 'Escape' && drag && drag.pointerId !== undefined) {
      event.preventDefault();
      cancelDrag();
      return;
    }
    const i = Number(event.currentTarget.dataset.index);
    const n = handleNodes.length;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight' || event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const next = event.key === 'Home' ? 0 : event.key === 'End' ? n - 1 : (i + (event.key === 'ArrowRight' ? 1 : -1) + n) % n;
      focusPoint(next);
      return;
    }
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const current = ys()[i];
    let y;
    if (view.classes) y = event.key === 'ArrowUp' ? view.cls.high : view.cls.low;
    else {
      const step = keyStep(view.yd[0], view.yd[1], event.shiftKey);
      y = roundTo(current + (event.key === 'ArrowUp' ? step : -step), step);
    }
    if (y === current) return;
    if (!drag) frozen = null; // the keyboard lets the axis follow the point
    move(i, y);
    handleNodes[i].setAttribute('aria-valuenow', String(y));
    handleNodes[i].setAttribute('aria-valuetext', pointText(i, y));
  }

  function onKeyUp(event) {
    if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && drag && drag.pointerId === undefined) endMove();
  }

  // One point in the tab order: the one last focused.
  function roving(i) {
    handleNodes.forEach((h, j) => h.setAttribute('tabindex', j === i ? '0' : '-1'));
  }

  function focusPoint(i) {
    focusIndex = i;
    roving(i);
    if (handleNodes[i]) handleNodes[i].focus();
    chart.redraw();
  }

  function buildHandles() {
    const n = results ? results.x.length : 0;
    const wanted = n <= MAX_DRAGGABLE ? n : 0;
    if (handleNodes.length !== wanted) {
      handles.textContent = '';
      handleNodes = [];
      for (let i = 0; i < wanted; i++) {
        const h = el('span', {
          class: 'fitc-handle', role: 'slider', 'aria-orientation': 'vertical', 'data-index': i,
          tabindex: i === Math.min(focusIndex, wanted - 1) ? '0' : '-1',
          onpointerdown: onPointerDown, onpointermove: onPointerMove, onpointerup: onPointerUp, onpointercancel: onPointerUp,
          onkeydown: onKey, onkeyup: onKeyUp, onfocus: () => { focusIndex = i; roving(i); chart.redraw(); }, onblur: () => chart.redraw(),
        });
        handleNodes.push(h);
        handles.append(h);
      }
    }
    handles.setAttribute('aria-label', tr.t('fitCharts.pointsGroup'));
    const y = ys();
    handleNodes.forEach((h, i) => {
      h.setAttribute('aria-valuenow', String(y[i]));
      h.setAttribute('aria-valuetext', pointText(i, y[i]));
      h.setAttribute('aria-label', tr.t('fitCharts.pointName', { i: i + 1, x: num(results.x[i], 4) }));
    });
  }

  function placeHandles() {
    if (!view) return;
    const y = ys();
    // The sliders' range: the y axis as drawn (the classes' two labels for classification).
    const range = view.classes ? [view.cls.low, view.cls.high] : view.yd.map((v) => roundTo(v, keyStep(view.yd[0], view.yd[1], false)));
    handleNodes.forEach((h, i) => {
      const px = view.xs(results.x[i]);
      const py = view.ys(pointY(y[i]));
      const inside = Number.isFinite(px) && Number.isFinite(py);
      h.style.left = `${inside ? px : -999}px`;
      h.style.top = `${inside ? py : -999}px`;
      h.setAttribute('aria-valuemin', String(Math.min(range[0], y[i])));
      h.setAttribute('aria-valuemax', String(Math.max(range[1], y[i])));
    });
  }

  // ---- legend and sentence ----

  function statusNote(fit) {
    if (fit.error) return tr.error(fit.error);
    const p = fit.path;
    if (p && p.status === 'diverged') {
      const domain = p.stopReason && p.stopReason !== 'non_finite' && p.stopReason !== 'exploding';
      return tr.t(domain ? 'fitCharts.leftDomain' : 'fitCharts.diverged', { step: p.stopStep });
    }
    return null;
  }

  function optimumNote(fit) {
    const o = fit.optimum;
    if (!o) return null;
    if (o.status === 'not_identifiable') return tr.t('fitCharts.notIdentifiable');
    if (o.status === 'no_finite_optimum') return tr.t('fitCharts.noFiniteOptimum');
    return null;
  }

  function renderLegend() {
    legend.textContent = '';
    const classes = isClassification(results);
    const parts = [];
    for (const fit of results.fits || []) {
      const item = el('li', { class: 'fitc-legend-item' });
      const swatch = el('span', { class: 'fitc-swatch' });
      swatch.style.setProperty('--c', fit.color); // a property, not a style attribute: a strict CSP allows it
      item.append(swatch, el('strong', { text: fit.label }));
      const bad = statusNote(fit);
      const k = frameIndex(fit.path, frame);
      const lines = [];
      if (bad) {
        lines.push(el('span', { class: 'fitc-warn', role: 'status', text: bad }));
        parts.push(tr.t('fitCharts.sentenceFitNote', { loss: fit.label, note: bad }));
      } else if (fit.path && k >= 0) {
        const w = fit.path.w[k];
        const b = fit.path.b[k];
        lines.push(el('span', { text: tr.t('fitCharts.legendAt', { w: num(w), b: num(b) }) }));
        if (classes) lines.push(el('span', { class: 'fitc-muted', text: describeShape(fit, { w, b }) }));
        parts.push(tr.t('fitCharts.sentenceFit', { loss: fit.label, w: num(w), b: num(b) }));
      }
      const o = fit.optimum;
      const oNote = optimumNote(fit);
      if (oNote) lines.push(el('span', { class: 'fitc-muted', text: oNote }));
      else if (o && !fit.error && Number.isFinite(o.w)) lines.push(el('span', { class: 'fitc-opt', text: tr.t('fitCharts.legendOptimum', { w: num(o.w), b: num(o.b) }) }));
      if (classes && fit.labels && fit.labels.mapping !== 'none') {
        lines.push(el('span', { class: 'fitc-muted', text: tr.t(fit.labels.mapping === 'to_signed' ? 'fitCharts.labelsSigned' : 'fitCharts.labelsUnit') }));
      }
      for (const l of lines) item.append(' ', l);
      legend.append(item);
    }
    return parts.join(' ');
  }

  function describeShape(fit, wb) {
    if (!isScoreLoss(fit)) return tr.t('fitCharts.legendCurve');
    if (!(wb.w !== 0)) return tr.t('fitCharts.legendNoBoundary');
    // The arrow points where the score is positive: the side of the class mapped to +1, the higher label.
    return tr.t('fitCharts.legendBoundary', { x: num(-wb.b / wb.w), high: num(classOf(results.y).high) });
  }

  function render(next, nextFrame) {
    results = next;
    frame = nextFrame === undefined ? null : nextFrame;
    if (!drag) frozen = null;
    const empty = !results || !results.x || results.x.length === 0;
    root.classList.toggle('fitc-empty', empty);
    if (empty) {
      title.textContent = tr.t('fitCharts.linesTitle');
      legend.textContent = '';
      handles.textContent = '';
      handleNodes = [];
      note.textContent = tr.t('fitCharts.noData');
      sentence.textContent = tr.t('fitCharts.noData');
      chart.redraw();
      return;
    }
    const classes = isClassification(results);
    title.textContent = tr.t(classes ? 'fitCharts.classesTitle' : 'fitCharts.linesTitle');
    const n = results.x.length;
    note.textContent = n > MAX_DRAGGABLE ? tr.t('fitCharts.tooManyToDrag', { n, max: MAX_DRAGGABLE }) : '';
    buildHandles();
    const fitsText = renderLegend();
    const longest = Math.max(0, ...(results.fits || []).map((f) => (f.path ? f.path.w.length - 1 : 0)));
    const k = frame === null ? longest : Math.min(frame, longest);
    sentence.textContent = tr.t(classes ? 'fitCharts.sentenceClasses' : 'fitCharts.sentenceLines', { n, k, fits: fitsText });
    chart.redraw();
  }

  return {
    render,
    /** Extension: the page's language changed; redraws every word with `next`. */
    retranslate(next) {
      tr = next;
      if (results) render(results, frame);
    },
    destroy() {
      chart.destroy();
      root.remove();
    },
  };
}

function isClassification(results) {
  return (results.fits || []).some((f) => f.kind === 'classification');
}
