/* The tables behind each chart's "Show as a table" (for screen readers
 * and for reading exact numbers): the curves every 20th grid point, each
 * sample's values, ŷ against y. They come with scale.js in the page's
 * lazily loaded chunk: the first view shows them closed. `charts` is the
 * LossCharts they belong to; what they draw with comes from its kit. */
import { addStrings, t as translate } from '../../i18n/translate.js';
import { chartsLongStrings } from '../../i18n/strings/charts-long.js';

// This chunk's translator holds the tables' texts (the page's bundle does not).
addStrings(chartsLongStrings);
export const say = (charts, key, params) => translate(`charts.${key}`, params, charts.lang);

/** A table with a caption, a head row and rows whose first cell heads the row; topCells: "row,col" to stress. */
export function table(el, caption, head, rows, topCells) {
  const thead = el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col', text: h }))));
  const tbody = el('tbody');
  rows.forEach((row, i) => {
    const tr = el('tr', {}, el('th', { scope: 'row', text: row[0] }));
    row.slice(1).forEach((cell, j) => {
      const td = el('td', { text: cell });
      if (topCells && topCells.has(`${i},${j}`)) td.className = 'lp-top';
      tr.append(td);
    });
    tbody.append(tr);
  });
  return el('table', { class: 'lp-table' }, el('caption', { text: caption }), thead, tbody);
}

/** The curves of one kind of plot ('loss' or 'grad'), every TABLE_STRIDE-th grid point. */
export function curveTables(charts, which) {
  const { el, KIND_TEXT, TABLE_STRIDE } = charts.kit;
  const nodes = [];
  for (const group of charts.curves.groups) {
    const series = which === 'grad' ? group.series.filter((s) => s.grad) : group.series;
    if (!series.length) continue;
    const [titleKey, axisKey, gradKey] = KIND_TEXT[group.kind];
    const rows = group.grid.rows.map((i) => [charts.fmt(group.grid.xs[i])].concat(series.map((s) => charts.fmt((which === 'grad' ? s.grad : s.loss)[i]))));
    const caption = say(charts, which === 'grad' ? 'gradTableCaption' : 'curveTableCaption', { title: charts.t(titleKey), what: charts.gradAxis(gradKey), stride: TABLE_STRIDE, n: group.grid.xs.length });
    const node = table(el, caption, [charts.t(axisKey)].concat(series.map((s) => s.label)), rows);
    node.dataset.kind = group.kind;
    node.dataset.curve = which;
    nodes.push(node);
  }
  return nodes;
}

/** Each sample's value per loss (the first TABLE_ROWS rows), the largest stressed. */
export function samplesTable(charts, columns, abs, shape, captionKey, n) {
  const { el, sampleNames, TABLE_ROWS, TOP, grouped } = charts.kit;
  const names = sampleNames(n, shape && shape.length === 2 && shape[0] * shape[1] === n ? shape : null);
  const shown = Math.min(n, TABLE_ROWS);
  const tops = new Set();
  columns.forEach((c, j) => charts.topsOf(c.values, abs).slice(0, TOP).forEach((i) => tops.add(`${i},${j}`)));
  const rows = [];
  for (let i = 0; i < shown; i++) rows.push([names.name(i)].concat(columns.map((c) => (i < c.values.length ? charts.fmt(c.values[i]) : ''))));
  const node = table(el, say(charts, captionKey), [charts.t(names.matrix ? 'colElement' : 'colSample')].concat(columns.map((c) => c.label)), rows, tops);
  node.dataset.table = 'samples';
  return n > shown ? [node, el('p', { class: 'lp-table-note', text: say(charts, 'firstRows', { shown, total: grouped(n) }) })] : [node];
}

/** Each prediction beside its target and residual (the first TABLE_ROWS rows). */
export function scatterTable(charts, P, Y, names) {
  const { el, TABLE_ROWS, grouped } = charts.kit;
  const shown = Math.min(P.data.length, TABLE_ROWS);
  const rows = [];
  for (let i = 0; i < shown; i++) rows.push([names.name(i), charts.fmt(Y.data[i]), charts.fmt(P.data[i]), charts.fmt(P.data[i] - Y.data[i])]);
  const head = [charts.t(names.matrix ? 'colElement' : 'colSample'), say(charts, 'colTarget'), say(charts, 'colPrediction'), say(charts, 'colResidual')];
  const node = table(el, say(charts, 'scatterTableCaption'), head, rows);
  node.dataset.table = 'scatter';
  return P.data.length > shown ? [node, el('p', { class: 'lp-table-note', text: say(charts, 'firstRows', { shown, total: grouped(P.data.length) }) })] : [node];
}
