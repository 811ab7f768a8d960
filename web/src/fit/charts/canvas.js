/* The fit charts' canvas: sized by its container, sharp on high-DPI
 * screens, redrawn when the container's width changes; the page's theme
 * read from its CSS custom properties (so the dark theme follows). */
import { readTheme } from '../../views/theme.js';

export { readTheme };

/**
 * A canvas in `host` whose CSS height is height(width); draw(ctx, width, height)
 * is called with the context scaled to CSS pixels whenever the width changes
 * and on redraw(). Returns {canvas, redraw(), size(), destroy()}.
 */
export function fitCanvas(host, height, draw) {
  const canvas = document.createElement('canvas');
  host.append(canvas);
  let width = 0;
  let cssHeight = 0;
  const measure = () => {
    const w = Math.max(120, Math.floor(host.clientWidth || 0) || 320);
    const h = Math.round(height(w));
    const ratio = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
    if (w !== width || h !== cssHeight || canvas.width !== Math.round(w * ratio)) {
      width = w;
      cssHeight = h;
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
    }
    return ratio;
  };
  const redraw = () => {
    const ratio = measure();
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, cssHeight);
    draw(ctx, width, cssHeight);
  };
  let last = -1;
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => {
    const w = Math.floor(host.clientWidth || 0);
    if (w !== last) { last = w; redraw(); }
  }) : null;
  if (observer) observer.observe(host);
  // The theme is read at each drawing: redraw when it changes (the theme control sets data-theme on
  // the page's root or the element's host; "auto" follows the system's colour scheme).
  const themeWatch = typeof MutationObserver === 'function' ? new MutationObserver(() => redraw()) : null;
  const scheme = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const onScheme = () => redraw();
  const watchTheme = () => {
    if (!themeWatch) return;
    const rootNode = host.getRootNode();
    const owner = rootNode && rootNode.host ? rootNode.host : document.documentElement;
    themeWatch.observe(owner, { attributes: true, attributeFilter: ['data-theme'] });
  };
  watchTheme();
  if (scheme && scheme.addEventListener) scheme.addEventListener('change', onScheme);
  return {
    canvas,
    redraw,
    size: () => ({ width, height: cssHeight }),
    destroy() {
      if (observer) observer.disconnect();
      if (themeWatch) themeWatch.disconnect();
      if (scheme && scheme.removeEventListener) scheme.removeEventListener('change', onScheme);
      canvas.remove();
    },
  };
}

/** Position of a pointer event in the canvas's CSS pixels. */
export function pointerAt(canvas, event) {
  const r = canvas.getBoundingClientRect();
  return { x: event.clientX - r.left, y: event.clientY - r.top };
}

/** Axis ticks and labels on a plot box {left, top, width, height}. */
export function drawAxes(ctx, theme, box, xs, ys, xTicks, yTicks, labels) {
  ctx.save();
  ctx.font = `12px ${theme.font}`;
  ctx.strokeStyle = theme.grid;
  ctx.lineWidth = 1;
  ctx.fillStyle = theme.muted;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const right = ctx.canvas.width / (ctx.getTransform().a || 1); // the canvas's width in CSS pixels
  for (const t of xTicks.ticks) {
    const x = Math.round(xs(t)) + 0.5;
    if (labels.grid) { ctx.beginPath(); ctx.moveTo(x, box.top); ctx.lineTo(x, box.top + box.height); ctx.stroke(); }
    ctx.beginPath(); ctx.moveTo(x, box.top + box.height); ctx.lineTo(x, box.top + box.height + 4); ctx.stroke();
    // A label at the right edge is kept on the canvas (its centre moved left).
    const text = labels.x(t, xTicks.step);
    const half = ctx.measureText(text).width / 2;
    ctx.fillText(text, Math.min(x, right - half - 1), box.top + box.height + 6);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of yTicks.ticks) {
    const y = Math.round(ys(t)) + 0.5;
    if (labels.grid) { ctx.beginPath(); ctx.moveTo(box.left, y); ctx.lineTo(box.left + box.width, y); ctx.stroke(); }
    ctx.beginPath(); ctx.moveTo(box.left - 4, y); ctx.lineTo(box.left, y); ctx.stroke();
    ctx.fillText(labels.y(t, yTicks.step), box.left - 6, y);
  }
  ctx.strokeStyle = theme.border;
  ctx.strokeRect(box.left + 0.5, box.top + 0.5, box.width - 1, box.height - 1);
  // Axis names: x below the tick labels, y turned along the left edge.
  ctx.fillStyle = theme.text;
  ctx.font = `600 12px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(labels.xName, box.left + box.width / 2, box.top + box.height + 36);
  ctx.save();
  ctx.translate(2, box.top + box.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'top'; // after the turn, "down" is to the right: the name sits at the left edge
  ctx.fillText(labels.yName, 0, 0);
  ctx.restore();
  ctx.restore();
}

/** A measure(text) of tick labels in the axes' font. */
export function measurer(ctx, theme) {
  return (text) => {
    ctx.save();
    ctx.font = `12px ${theme.font}`;
    const w = ctx.measureText(text).width;
    ctx.restore();
    return w;
  };
}

/** The widest tick label, so the left margin holds it. */
export function labelWidth(ctx, theme, texts) {
  ctx.save();
  ctx.font = `12px ${theme.font}`;
  let w = 0;
  for (const s of texts) w = Math.max(w, ctx.measureText(s).width);
  ctx.restore();
  return Math.ceil(w);
}
