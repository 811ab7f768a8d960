/* The fit lab's settings beside its results: the losses it offers, grouped
 * (regression, classification), each with its numeric options (δ, τ, β,
 * margin...) right beside it, and the optimiser (method, learning rate,
 * steps, the start). Each control is a patch to state.fit; a value that is
 * not valid is said under its box, and its text stays. */
import { el, uid } from '../views/dom.js';
import { FIT_KINDS } from './labels.js';
import { numberIn } from './wording.js';

const MAX_STEPS = 10000;
// The options' symbols beside their loss (the registry names them in words).
const SYMBOLS = { delta: 'δ', tau: 'τ', beta: 'β', alpha: 'α', gamma: 'γ', margin: 'm' };
const round = (v) => String(Math.round(v * 1000) / 1000);

/** fitLosses: the registry's entries the lab offers; colorOf(name): each loss's colour. */
export function createSettings({ root, store, wording, fitLosses, colorOf }) {
  const { tr, say, sayWith } = wording;
  const patch = (fn, how) => store.update((s) => ({ fit: Object.assign({}, s.fit, fn(s.fit)) }), how);

  // ---- the losses ----
  const groups = el('div', { class: 'fit-loss-groups' });
  const checks = new Map(); // loss -> checkbox
  const optionBoxes = []; // {loss, opt, input, clear()}
  for (const kind of ['regression', 'classification']) {
    const set = el('fieldset', { class: `fit-losses fit-${kind}` }, say(el('legend'), `fit.${kind}`));
    for (const loss of fitLosses.filter((l) => FIT_KINDS[l.name] === kind)) {
      const id = uid(`fit-loss-${loss.name}`);
      const check = el('input', { type: 'checkbox', id, value: loss.name });
      // The page's order of losses, so colours and rows stay put.
      check.addEventListener('change', () => patch((fit) => {
        const chosen = new Set(fit.losses);
        if (check.checked) chosen.add(loss.name);
        else chosen.delete(loss.name);
        return { losses: fitLosses.map((l) => l.name).filter((n) => chosen.has(n)) };
      }));
      checks.set(loss.name, check);
      const swatch = el('span', { class: 'fit-swatch', 'aria-hidden': 'true' });
      swatch.style.background = colorOf(loss.name);
      const row = el('div', { class: 'fit-loss' }, check,
        el('label', { for: id }, swatch, sayWith(el('span', { class: 'fit-loss-name' }), () => tr.shortName(loss))));
      for (const opt of loss.options.filter((o) => o.type !== 'boolean')) {
        const oid = uid(`fit-opt-${loss.name}-${opt.name}`);
        const symbol = SYMBOLS[opt.name] || opt.name;
        const input = el('input', { id: oid, class: 'fit-option', inputmode: 'decimal', size: 5, autocomplete: 'off' });
        const error = el('span', { class: 'fit-error', id: `${oid}-error` });
        input.setAttribute('aria-describedby', error.id);
        let wrong = false;
        const why = () => (wrong ? tr.t('fit.optionBad', { option: symbol, range: tr.range(opt) }) : '');
        sayWith(error, why);
        input.addEventListener('input', () => {
          const v = numberIn(input.value);
          wrong = v === null;
          error.textContent = why();
          if (wrong) return; // the text stays; the last good value fits until then
          patch((fit) => ({ options: Object.assign({}, fit.options, { [loss.name]: Object.assign({}, fit.options[loss.name], { [opt.name]: v }) }) }), 'typing');
        });
        optionBoxes.push({ loss: loss.name, opt, input, clear() { wrong = false; error.textContent = ''; } });
        row.append(el('span', { class: 'fit-option-field' }, el('label', { for: oid, class: 'fit-option-label' }, symbol), input), error);
      }
      set.append(row);
    }
    groups.append(set);
  }
  const losses = el('fieldset', { class: 'fit-loss-set' }, say(el('legend'), 'fit.losses'), groups);

  // ---- the optimiser ----
  const select = el('select', { id: uid('fit-optimizer') });
  for (const o of ['gd', 'momentum', 'adam']) select.append(say(el('option', { value: o }), `fit.opt.${o}`));
  select.addEventListener('change', () => patch(() => ({ optimizer: select.value })));
  const numberField = (key, parse, bad) => {
    const id = uid(`fit-${key}`);
    const input = el('input', { id, inputmode: 'decimal', size: 7, autocomplete: 'off' });
    const error = el('p', { class: 'fit-error', id: `${id}-error` });
    input.setAttribute('aria-describedby', error.id);
    let wrong = false; // the box's text is not a valid value: said under it, in the page's language
    sayWith(error, () => (wrong ? tr.t(bad) : ''));
    input.addEventListener('input', () => {
      const v = parse(numberIn(input.value));
      wrong = v === null;
      error.textContent = wrong ? tr.t(bad) : '';
      if (!wrong) patch(() => ({ [key]: v }), 'typing');
    });
    return { input, clear() { wrong = false; error.textContent = ''; }, field: el('div', { class: 'fit-setting' }, say(el('label', { for: id }), `fit.${key}`), input, error) };
  };
  const lr = numberField('lr', (v) => (v !== null && v > 0 ? v : null), 'fit.lrBad');
  const steps = numberField('steps', (v) => (v !== null && Number.isInteger(v) && v >= 1 && v <= MAX_STEPS ? v : null), 'fit.stepsBad');
  const startText = el('span', { class: 'fit-start' });
  const resetStart = say(el('button', { type: 'button', class: 'control-button' }), 'fit.resetStart');
  resetStart.addEventListener('click', () => patch(() => ({ start: [0, 0] })));
  const optimiser = el('fieldset', { class: 'fit-optimiser' }, say(el('legend'), 'fit.training'),
    el('div', { class: 'fit-settings' },
      el('div', { class: 'fit-setting' }, say(el('label', { for: select.id }), 'fit.optimizer'), select),
      lr.field, steps.field),
    el('p', { class: 'fit-start-row' }, startText, resetStart));

  return {
    losses,
    optimiser,
    /** Shows `fit` (a box being typed in keeps its text). */
    show(fit) {
      for (const [name, check] of checks) check.checked = fit.losses.includes(name);
      for (const o of optionBoxes) {
        if (root.activeElement === o.input) continue;
        const given = fit.options[o.loss] && fit.options[o.loss][o.opt.name];
        o.input.value = String(given !== undefined ? given : o.opt.default);
        o.clear(); // the value shown is the state's: nothing wrong with it
      }
      select.value = fit.optimizer;
      for (const [field, value] of [[lr, fit.lr], [steps, fit.steps]]) {
        if (root.activeElement === field.input) continue;
        field.input.value = String(value);
        field.clear();
      }
      startText.textContent = tr.t('fit.start', { w: round(fit.start[0]), b: round(fit.start[1]) });
    },
  };
}
