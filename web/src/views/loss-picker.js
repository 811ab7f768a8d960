/* The losses card: the catalogue by group (checkboxes), the reduction and
 * each selected loss's options (number boxes, sliders for δ, β, margin, …,
 * checkboxes). Every change is a store patch. */
import { el } from './dom.js';
import { LossCharts } from './charts/index.js';

const GROUPS = ['regression', 'binary', 'multiclass', 'ranking', 'probabilistic'];
// The study note's groups start open; the rest of the catalogue folds away
// (and opens when one of its losses is selected) to keep phones short.
const OPEN_GROUPS = new Set(['regression', 'binary', 'multiclass']);

export function createLossPicker(ctx, charts) {
  const { $, store, lp } = ctx;
  const words = []; // [node, (tr) => text]: re-worded on a language change
  const say = (node, f) => {
    words.push([node, f]);
    return node;
  };
  const boxes = new Map();
  const folds = [];
  for (const group of GROUPS) {
    const losses = lp.losses.filter((l) => l.group === group);
    if (!losses.length) continue;
    const title = (tr) => tr.t(`group.${group}`);
    const fieldset = el('fieldset', { class: 'loss-group' }, say(el('legend', { class: 'visually-hidden' }), title));
    const details = el('details', { class: 'loss-fold', 'data-group': group, open: OPEN_GROUPS.has(group) },
      el('summary', {}, say(el('span'), title), el('span', { class: 'fold-count', text: ` (${losses.length})` })), fieldset);
    for (const loss of losses) {
      const id = `loss-${loss.name}`;
      const box = el('input', { type: 'checkbox', id, value: loss.name });
      box.addEventListener('change', () => store.update((s) => {
        const on = new Set(s.losses);
        if (box.checked) on.add(loss.name);
        else on.delete(loss.name);
        return { losses: lp.losses.filter((l) => on.has(l.name)).map((l) => l.name) };
      }));
      boxes.set(loss.name, box);
      fieldset.append(el('div', { class: 'loss-choice' }, box,
        el('label', { for: id }, el('span', { class: 'loss-short', text: loss.shortName }),
          say(el('span', { class: 'loss-title' }), (tr) => tr.t('loss.bothTitles', { en: loss.titleEn, zh: loss.titleZh })))));
    }
    $('loss-picker').append(details);
    folds.push({ details, group });
  }

  const reduction = $('reduction');
  reduction.addEventListener('change', () => store.update({ reduction: reduction.value }));

  const options = [];
  for (const loss of lp.losses) {
    for (const opt of loss.options) {
      const id = `opt-${loss.name}-${opt.name}`;
      let input;
      if (opt.type === 'boolean') input = el('input', { type: 'checkbox', id });
      else {
        input = el('input', {
          type: 'number', id, inputmode: 'decimal', step: opt.type === 'integer' ? '1' : 'any',
          min: Number.isFinite(opt.min) ? String(opt.min) : null, max: Number.isFinite(opt.max) ? String(opt.max) : null,
        });
      }
      const value = () => (opt.type === 'boolean' ? input.checked : input.value);
      input.addEventListener(opt.type === 'boolean' ? 'change' : 'input', () => store.update((s) => ({
        options: Object.assign({}, s.options, { [loss.name]: Object.assign({}, s.options[loss.name], { [opt.name]: value() }) }),
      }), opt.type === 'boolean' ? 'now' : 'typing'));
      const label = el('label', { for: id }, `${loss.shortName} ${opt.label}`,
        opt.label !== opt.name ? el('span', { class: 'option-name', text: ` (${opt.name})` }) : null);
      const help = say(el('span', { class: 'option-help' }), (tr) => tr.t('option.help', { help: tr.pick(opt, 'help'), range: tr.range(opt) }));
      const row = el('div', { class: 'setting option', 'data-loss': loss.name, hidden: true }, label, input, help);
      $('options').append(row);
      options.push({ loss, opt, input, row });
    }
  }
  // δ, β, margin, τ, γ get a slider once their row is on the page.
  for (const { loss, opt, input } of options) if (LossCharts.hasSlider(opt)) charts.linkOption(loss, opt.name, input);

  let shownSelection = null;
  return {
    relabel(tr) {
      for (const [node, f] of words) node.textContent = f(tr);
    },
    render(state) {
      for (const [name, box] of boxes) box.checked = state.losses.includes(name);
      if (shownSelection !== state.losses) {
        // A newly selected loss opens its group.
        for (const f of folds) if (lp.losses.some((l) => l.group === f.group && state.losses.includes(l.name))) f.details.open = true;
        shownSelection = state.losses;
      }
      if (reduction.value !== state.reduction) reduction.value = state.reduction;
      for (const { loss, opt, input, row } of options) {
        row.hidden = !state.losses.includes(loss.name);
        const given = state.options[loss.name] && state.options[loss.name][opt.name];
        if (opt.type === 'boolean') input.checked = given === undefined ? opt.default : Boolean(given);
        else {
          const text = given === undefined ? String(opt.default) : String(given);
          if (input.value !== text) {
            input.value = text;
            input.dispatchEvent(new Event('lp-sync')); // the slider follows a restored value
          }
        }
      }
    },
  };
}
