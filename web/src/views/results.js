/* The results card: one row per selected loss (value, the outlier column
 * when the experiment is on, the reduction used), the spoken summary for
 * screen readers, and the export buttons. */
import { el } from './dom.js';
import { formatIn, formatFull } from '../format.js';
import { messageText } from './messages.js';
import { titleSpans } from './bilingual.js';
import { boxAtFault } from './box-messages.js';

const boxLabel = (name, tr) => tr.t(name === 'predictions' ? 'pair.boxP' : 'pair.boxY');

// A button that takes the reader to the data box a row's problem is said at.
function goTo(ctx, name, tr) {
  return el('button', { type: 'button', class: 'link-button', onclick: () => ctx.$(name).focus() }, tr.t('pair.goTo', { box: boxLabel(name, tr) }));
}

export function renderResults(ctx, state, out, tr) {
  const { $ } = ctx;
  const table = $('results');
  const body = table.tBodies[0];
  body.replaceChildren();
  const haveData = Boolean(out.prediction && out.target);
  const empty = $('results-empty');
  const unreadable = ['predictions', 'targets'].find((n) => out.boxes[n] && out.boxes[n].error);
  if (!haveData && unreadable) empty.replaceChildren(tr.t('pair.unreadable', { box: boxLabel(unreadable, tr) }), ' ', goTo(ctx, unreadable, tr));
  else if (!haveData) empty.textContent = tr.t('results.empty');
  else if (!out.chosen.length) empty.textContent = tr.t('results.selectLoss');
  empty.hidden = haveData && out.chosen.length > 0;
  const withOutlier = out.results.some((r) => r.outlier);
  const headers = ['results.col.loss', 'results.col.value', withOutlier ? 'outlier.col.without' : null, 'results.col.reduction'];
  table.tHead.rows[0].replaceChildren(...headers.filter(Boolean).map((k) => el('th', { scope: 'col', text: tr.t(k) })));
  const spoken = [];
  const formatValue = formatIn(state.digits);
  for (const r of out.results) {
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = out.colors.get(r.loss.name);
    // The titles apart, each in its own language (lang=).
    const titles = r.loss.titleEn === r.loss.shortName ? [el('span', { class: 'loss-title', lang: tr.lang === 'zh' ? null : 'zh-CN', text: r.loss.titleZh })] : titleSpans(tr, r.loss);
    const name = el('th', { scope: 'row' }, swatch, el('span', { class: 'loss-short', text: r.loss.shortName }), el('span', { class: 'loss-titles' }, ...titles));
    let value;
    if (r.error && r.pairError) {
      // Said once at the box; the row only points there.
      value = el('td', { class: 'value value-error' }, tr.t('pair.rowNote'), ' ', goTo(ctx, boxAtFault(state), tr));
      spoken.push(tr.t('results.spokenNotComputed', { loss: r.loss.shortName }));
    } else if (r.error) {
      // The loss's own reason is in the alert, wherever the layout puts it: the row takes the reader there.
      value = el('td', { class: 'value value-error' }, tr.t('pair.rowOther'), ' ', el('button', {
        type: 'button', class: 'link-button',
        onclick: () => {
          const alert = ctx.$('alert');
          alert.tabIndex = -1;
          alert.scrollIntoView({ block: 'nearest' });
          alert.focus();
        },
      }, tr.t('pair.why')));
      spoken.push(tr.t('results.spokenNotComputed', { loss: r.loss.shortName }));
    } else {
      value = valueCell(r, tr, formatValue);
      spoken.push(tr.t('results.spokenValue', { loss: r.loss.shortName, value: value.textContent }));
    }
    let note = '';
    if (r.reduction !== state.reduction) {
      note = r.loss.reductions.length === 1 ? tr.t('results.reductionOnly', { loss: r.loss.shortName, reduction: { key: `reductionWord.${r.reduction}` } })
        : tr.t('results.reductionUnavailable', { wanted: { key: `reductionWord.${state.reduction}` }, loss: r.loss.shortName });
    }
    const outlierCell = withOutlier ? outlierCellOf(r, tr, formatValue) : null;
    body.append(el('tr', { 'data-loss': r.loss.name }, name, value, outlierCell, el('td', { class: 'reduction', text: tr.t(`reductionWord.${r.reduction}`) + note })));
  }
  renderStrip($('result-strip'), out, formatValue);
  $('status').textContent = spoken.join(tr.t('list.separator'));
  for (const id of ['export-csv', 'export-json', 'export-png']) $(id).disabled = !out.results.some((r) => r.result);
}

// The value without the outlier (the value column has it in), and how many
// times that the outlier makes the loss.
function outlierCellOf(r, tr, formatValue) {
  const o = r.outlier;
  if (!o || o.error || r.error || r.result.value === undefined || o.without === undefined) {
    return el('td', { class: 'value value-undefined', text: o && o.error ? messageText(o.error, tr) : tr.t('results.noValue') });
  }
  const base = o.without;
  const ratio = base !== 0 ? r.result.value / base : null;
  const times = ratio === null ? '' : ratio >= 100 ? String(Math.round(ratio)) : ratio.toPrecision(3);
  return el('td', { class: 'value value-outlier', title: formatFull(base) },
    formatValue(base),
    el('span', { class: 'ratio', text: times ? ` ${tr.t('outlier.ratio', { times })}` : '' }));
}

function valueCell(r, tr, formatValue) {
  const data = r.result.loss.data;
  if (r.result.loss.shape.length === 0) {
    const v = data[0];
    if (Number.isNaN(v)) return el('td', { class: 'value value-undefined', text: tr.t('results.allIgnored') });
    return el('td', { class: 'value', title: formatFull(v), text: formatValue(v) });
  }
  const shown = Array.from(data.slice(0, 8), formatValue).join(', ');
  const more = data.length > 8 ? tr.t('results.moreValues', { count: data.length }) : '';
  return el('td', { class: 'value value-vector', text: `[${shown}${more}]` });
}

// One line of values right under the boxes, for a narrow layout where the
// results card sits a screen below them (CSS shows it there only). Hidden
// from screen readers: the table and its spoken status say the same.
function renderStrip(strip, out, formatValue) {
  if (!strip) return;
  const items = out.results.map((r) => {
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = out.colors.get(r.loss.name);
    const scalar = r.result && r.result.loss.shape.length === 0 && !Number.isNaN(r.result.loss.data[0]);
    return el('span', { class: 'strip-item' }, swatch, `${r.loss.shortName} `,
      el('b', { text: scalar ? formatValue(r.result.loss.data[0]) : '—' }));
  });
  strip.replaceChildren(...items);
  strip.hidden = items.length === 0;
}
