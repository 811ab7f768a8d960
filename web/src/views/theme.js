/* The page's colours at a node, read from its CSS custom properties (so the
 * dark theme follows): for the charts that draw on canvas, the page's
 * (uPlot) and the fit lab's. Apart from charts/draw.js so the fit lab's
 * chunk takes it without uPlot. */

export function readTheme(node) {
  const style = getComputedStyle(node);
  const v = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#1a1d23'),
    muted: v('--muted', '#5b6270'),
    grid: v('--grid', '#e8ebf0'),
    border: v('--border', '#dfe3ea'),
    card: v('--card', '#ffffff'),
    accent: v('--accent', '#2563eb'),
    error: v('--error', '#b42318'),
    font: style.fontFamily || 'system-ui, sans-serif',
  };
}
