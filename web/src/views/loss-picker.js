/* The losses card, compact: the study note's eight losses up front as
 * toggle buttons, the selected ones as chips with a "Remove" button, a
 * search box (English or Chinese names) and the whole catalogue folded by
 * group (checkboxes). The options of the selected losses (number boxes,
 * sliders for δ, β, margin, …, checkboxes) are built here but sit in the
 * charts card, beside the curves they move. Every change is a store patch. */
import { el } from './dom.js';
import { titleSpans } from './bilingual.js';
import { LossCharts } from './charts/index.js';

const GROUPS = ['regression', 'binary', 'multiclass', 'ranking', 'probabilistic'];
// The study note's sections, in its order.
export const NOTE_LOSSES = ['mse_loss', 'rmse', 'l1_loss', 'huber_loss', 'msle', 'cross_entropy', 'binary_cross_entropy', 'hinge'];

// What a search matches: every name a reader may know the loss by.
const haystack = (loss) => [loss.name, loss.shortName, loss.shortZh, loss.titleEn, loss.titleZh].filter(Boolean).join(' ').toLowerCase();

export function createLossPicker(ctx, charts) {
  const { $, store, lp } = ctx;
  const words = []; // [node, (tr) => text]: re-worded on a language change
  const say = (node, f) => {
    words.push([node, f]);
    return node;
  };
  const titled = []; // [node, loss]: two-language titles, rebuilt on a language change
  const setOn = (name, on) => store.update((s) => {
    const chosen = new Set(s.losses);
    if (on) chosen.add(name);
    else chosen.delete(name);
    return { losses: lp.losses.filter((l) => chosen.has(l.name)).map((l) => l.name) };
  });
  const picker = $('loss-picker');

  // The note's eight, one toggle each.
  const toggles = new Map();
  const noteLabel = say(el('span', { class: 'picker-label', id: 'note-losses-label' }), (tr) => tr.t('picker.noteLosses'));
  const noteRow = el('div', { class: 'note-losses', role: 'group', 'aria-labelledby': 'note-losses-label' });
  for (const name of NOTE_LOSSES) {
    const loss = lp.losses.find((l) => l.name === name);
    if (!loss) continue;
    const b = el('button', { type: 'button', id: `toggle-${name}`, class: 'loss-toggle', 'data-loss': name, 'aria-pressed': 'false' });
    b.addEventListener('click', () => setOn(name, b.getAttribute('aria-pressed') !== 'true'));
    toggles.set(name, b);
    noteRow.append(b);
  }

  // The selected ones as chips.
  const chipsLabel = say(el('span', { class: 'picker-label', id: 'chosen-label' }), (tr) => tr.t('picker.selected'));
  const chips = el('ul', { class: 'chips', 'aria-labelledby': 'chosen-label' });
  const noneChosen = say(el('p', { class: 'chips-empty' }), (tr) => tr.t('results.selectLoss'));

  // The search.
  const search = el('input', { type: 'search', id: 'loss-search', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'loss-search-status' });
  const searchLabel = say(el('label', { for: 'loss-search', class: 'picker-label' }), (tr) => tr.t('picker.search'));
  const searchStatus = el('p', { id: 'loss-search-status', class: 'search-status', role: 'status' });

  // The catalogue by group.
  const boxes = new Map();
  const rows = [];
  const folds = [];
  const catalogue = el('div', { class: 'loss-catalogue' });
  for (const group of GROUPS) {
    const losses = lp.losses.filter((l) => l.group === group);
    if (!losses.length) continue;
    const title = (tr) => tr.t(`group.${group}`);
    const fieldset = el('fieldset', { class: 'loss-group' }, say(el('legend', { class: 'visually-hidden' }), title));
    const details = el('details', { class: 'loss-fold', 'data-group': group },
      el('summary', {}, say(el('span'), title), el('span', { class: 'fold-count', text: ` (${losses.length})` })), fieldset);
    for (const loss of losses) {
      const id = `loss-${loss.name}`;
      const box = el('input', { type: 'checkbox', id, value: loss.name });
      box.addEventListener('change', () => setOn(loss.name, box.checked));
      boxes.set(loss.name, box);
      const titles = el('span', { class: 'loss-titles' });
      titled.push([titles, loss]);
      const row = el('div', { class: 'loss-choice' }, box, el('label', { for: id }, el('span', { class: 'loss-short', text: loss.shortName }), titles));
      fieldset.append(row);
      rows.push({ row, loss, text: haystack(loss), details });
    }
    catalogue.append(details);
    folds.push(details);
  }

  picker.append(
    el('div', { class: 'picker-row' }, noteLabel, noteRow),
    el('div', { class: 'picker-row' }, chipsLabel, chips, noneChosen),
    el('div', { class: 'picker-row picker-search' }, searchLabel, search, searchStatus),
    catalogue,
  );

  let tr = null;
  // Shows the losses whose names hold the query (their groups open); an
  // empty query shows every group, folded. Returns the matching rows.
  function filter() {
    const q = search.value.trim().toLowerCase();
    const found = rows.filter((r) => !(r.row.hidden = !r.text.includes(q)));
    for (const d of folds) d.hidden = !(d.open = Boolean(q) && found.some((r) => r.details === d)) && Boolean(q);
    searchStatus.textContent = q && !found.length && tr ? tr.t('picker.matches.none', { query: search.value.trim() }) : '';
    return q ? found : [];
  }
  search.addEventListener('input', filter);
  // Enter picks the only match (or the first one); Escape clears the box (the browser's own).
  search.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    const [first] = filter();
    if (first) setOn(first.loss.name, true);
    e.preventDefault();
  });

  const reduction = $('reduction');
  reduction.addEventListener('change', () => store.update({ reduction: reduction.value }));

  // The options, in the charts card.
  const optionsHost = $('options');
  const optionsCaption = say(el('p', { class: 'options-caption' }), (t) => t.t('options.heading'));
  optionsHost.append(optionsCaption);
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
      const help = say(el('span', { class: 'option-help' }), (t) => t.t('option.help', { help: t.pick(opt, 'help'), range: t.range(opt) }));
      const row = el('div', { class: 'setting option', 'data-loss': loss.name, hidden: true }, label, input, help);
      optionsHost.append(row);
      options.push({ loss, opt, input, row });
    }
  }
  // δ, β, margin, τ, γ get a slider once their row is on the page.
  for (const { loss, opt, input } of options) if (LossCharts.hasSlider(opt)) charts.linkOption(loss, opt.name, input);

  let shownChips = null; // the selection the chips show
  function renderChips(state) {
    if (shownChips === state.losses) return;
    const items = state.losses.map((name) => {
      const loss = lp.loss(name) || lp.losses.find((l) => l.name === name);
      if (!loss) return null;
      const short = tr ? tr.shortName(loss) : loss.shortName;
      const remove = el('button', { type: 'button', class: 'chip-remove', 'data-loss': name, 'aria-label': tr ? tr.t('picker.remove', { loss: short }) : `Remove ${short}` }, '×');
      remove.addEventListener('click', () => {
        // Focus moves to the next chip's button (or the search) so the keyboard is not lost.
        const li = remove.closest('li');
        const next = (li.nextElementSibling || li.previousElementSibling || {}).dataset;
        setOn(name, false);
        requestAnimationFrame(() => (next && chips.querySelector(`li[data-loss="${next.loss}"] button`) || search).focus());
      });
      return el('li', { class: 'chip', 'data-loss': name }, el('span', { class: 'chip-name', title: tr ? tr.pick(loss, 'title') : loss.titleEn, text: short }), remove);
    }).filter(Boolean);
    chips.replaceChildren(...items);
    noneChosen.hidden = items.length > 0;
    shownChips = state.losses;
  }

  let last = null;
  return {
    relabel(t) {
      tr = t;
      for (const [node, f] of words) node.textContent = f(t);
      for (const [node, loss] of titled) node.replaceChildren(...titleSpans(t, loss));
      for (const [name, b] of toggles) {
        const loss = lp.losses.find((l) => l.name === name);
        b.textContent = t.shortName(loss);
        b.title = t.pick(loss, 'title');
      }
      shownChips = null;
      if (last) renderChips(last);
      if (search.value) filter();
    },
    render(state) {
      last = state;
      for (const [name, box] of boxes) box.checked = state.losses.includes(name);
      for (const [name, b] of toggles) b.setAttribute('aria-pressed', String(state.losses.includes(name)));
      renderChips(state);
      if (reduction.value !== state.reduction) reduction.value = state.reduction;
      let anyOption = false;
      for (const { loss, opt, input, row } of options) {
        row.hidden = !state.losses.includes(loss.name);
        if (!row.hidden) anyOption = true;
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
      optionsHost.hidden = !anyOption;
    },
  };
}
