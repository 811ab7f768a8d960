/* The charts as one figure for PNG export (loaded on first use): a title,
 * the data's size, each loss's name, colour and value, then every plot
 * under its card's heading with its legend as the page shows it (values
 * without hover) and the outlier's key. The plots' canvases already carry
 * their axes and axis labels; this draws the words around them. */

const PAD = 16; // CSS pixels, scaled by the canvases' pixel ratio

// Lines of legend items [{label, value, color, mark}] that fit `width`.
function wrapItems(ctx, items, width, gap) {
  const lines = [[]];
  let x = 0;
  for (const item of items) {
    const w = ctx.measureText(`${item.label} ${item.value}`).width + gap * 3;
    if (x > 0 && x + w > width) {
      lines.push([]);
      x = 0;
    }
    lines[lines.length - 1].push(item);
    x += w;
  }
  return lines.filter((l) => l.length);
}

// What a plot's legend shows now: each series' name, colour and value.
function legendOf(plot) {
  const items = [];
  plot.root.querySelectorAll('.u-legend tr').forEach((row, i) => {
    const label = row.querySelector('.u-label');
    const value = row.querySelector('.u-value');
    if (!label) return;
    const marker = row.querySelector('.u-marker');
    const color = i === 0 || !marker ? null : getComputedStyle(marker).borderColor || getComputedStyle(marker).backgroundColor;
    items.push({ label: label.textContent, value: value ? value.textContent : '', color });
  });
  return items;
}

/**
 * charts: the LossCharts of the page; meta: {title, facts (a line: the
 * data's size, the reduction), losses: [{label, value, color}]}.
 * Returns a canvas on the page's card colour.
 */
export function chartFigure(charts, meta) {
  const theme = charts.theme;
  const shown = charts.plots.map((p) => ({ p, canvas: p.plot.root.querySelector('canvas') })).filter((x) => x.canvas && x.canvas.width > 0);
  const ratio = shown.length ? shown[0].canvas.width / Math.max(1, shown[0].p.plot.width) : 1;
  const s = (v) => Math.round(v * ratio);
  const width = Math.max(s(480), ...shown.map((x) => x.canvas.width)) + 2 * s(PAD);
  const inner = width - 2 * s(PAD);
  const font = (weight, size) => `${weight} ${s(size)}px ${theme.font}`;
  const measure = document.createElement('canvas').getContext('2d');

  // Everything to draw, top to bottom: [height, paint(ctx, y)].
  const rows = [];
  const text = (str, weight, size, color) => rows.push([s(size * 1.5), (ctx, y) => {
    ctx.font = font(weight, size);
    ctx.fillStyle = color;
    ctx.fillText(str, s(PAD), y + s(size * 1.1));
  }]);
  const legend = (items, size) => {
    measure.font = font(500, size);
    for (const line of wrapItems(measure, items, inner, s(8))) {
      rows.push([s(size * 1.7), (ctx, y) => {
        ctx.font = font(500, size);
        let x = s(PAD);
        const base = y + s(size * 1.2);
        for (const item of line) {
          if (item.color) {
            ctx.fillStyle = item.color;
            ctx.fillRect(x, base - s(size * 0.8), s(size * 0.8), s(size * 0.8));
            x += s(size * 0.8) + s(5);
          } else if (item.mark) {
            ctx.fillStyle = theme.text;
            ctx.fillText(item.mark, x, base);
            x += ctx.measureText(item.mark).width + s(5);
          }
          ctx.fillStyle = theme.text;
          ctx.fillText(item.label, x, base);
          x += ctx.measureText(`${item.label} `).width;
          ctx.fillStyle = theme.muted;
          ctx.fillText(item.value, x, base);
          x += ctx.measureText(item.value).width + s(16);
        }
      }]);
    }
  };
  const space = (h) => rows.push([s(h), () => {}]);

  text(meta.title, 700, 18, theme.text);
  if (meta.facts) text(meta.facts, 400, 13, theme.muted);
  if (meta.losses && meta.losses.length) legend(meta.losses, 13);
  let lastHeading = null;
  for (const { p, canvas } of shown) {
    const figure = p.host.closest('figure');
    const block = p.host.closest('.lp-plot-block');
    const heading = figure && figure.querySelector('.lp-chart-title');
    const sub = block && block.querySelector('.lp-plot-title');
    space(10);
    if (heading && heading.textContent !== lastHeading) {
      lastHeading = heading.textContent;
      text(lastHeading, 650, 15, theme.text);
    }
    if (sub) text(sub.textContent, 600, 12, theme.muted);
    rows.push([canvas.height, (ctx, y) => ctx.drawImage(canvas, s(PAD), y)]);
    const items = legendOf(p.plot);
    const key = block && block.querySelector('.lp-outlier-key');
    if (key) items.push({ label: key.textContent.replace('◆', '').trim(), value: '', mark: '◆' });
    legend(items, 12);
  }
  space(PAD);

  const out = document.createElement('canvas');
  out.width = width;
  out.height = rows.reduce((h, r) => h + r[0], s(PAD));
  const ctx = out.getContext('2d');
  ctx.fillStyle = theme.card;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'alphabetic';
  let y = s(PAD);
  for (const [h, paint] of rows) {
    paint(ctx, y);
    y += h;
  }
  return out;
}
