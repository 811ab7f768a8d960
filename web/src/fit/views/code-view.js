/* The fit view's PyTorch code: the program (pytorch-fit.js) for one fitted
 * loss, the first selected unless the reader picks another in the selector
 * (shown when several losses were fitted), with the scores view's Copy
 * button (later/code-block.js) and, for long data, fit_data.txt to download.
 *
 *   const view = createFitCode(container, { tr });
 *   view.render(state.fit, results);    // FitResults */
import { el, uid } from '../../views/dom.js';
import { CodeBlock } from '../../later/code-block.js';
import { buildFitProgram, fitDataFile, INLINE_POINTS } from '../pytorch-fit.js';
import { mappingNote } from '../labels.js';
import shareCss from '../../../share.css';
import codeCss from '../css/code.css';

export const css = `${shareCss}\n${codeCss}`;

export function createFitCode(container, { tr }) {
  const root = el('section', { class: 'fit-code' });
  const selectId = uid('fit-code-loss');
  const label = el('label', { for: selectId });
  const select = el('select', { id: selectId });
  const pick = el('div', { class: 'fit-code-pick', hidden: true }, label, select);
  const empty = el('p', { class: 'fit-empty', hidden: true });
  const holder = el('div');
  root.append(pick, empty, holder);
  container.append(root);
  const block = new CodeBlock(holder, { lang: tr.lang, label: tr.t('fit.codeView.title') });
  let chosen = null; // the loss the reader picked
  let last = null;

  function show() {
    const { state, results } = last;
    const fits = ((results && results.fits) || []).filter((f) => !f.error && f.labels);
    label.textContent = tr.t('fit.codeView.pick');
    block.settings.label = tr.t('fit.codeView.title');
    if (block.lang !== tr.lang) block.relabel(tr.lang);
    else block.label.textContent = block.settings.label;
    if (!fits.length) {
      pick.hidden = true;
      holder.hidden = true;
      empty.hidden = false;
      empty.textContent = tr.t('fit.codeView.none');
      return;
    }
    empty.hidden = true;
    holder.hidden = false;
    const fit = fits.find((f) => f.loss === chosen) || fits[0];
    pick.hidden = fits.length < 2;
    select.replaceChildren(...fits.map((f) => el('option', { value: f.loss, selected: f === fit, text: f.label || f.loss })));
    const [w0, b0] = state.start || [0, 0];
    const x = results.x;
    const y = fit.labels.y;
    const code = buildFitProgram({
      loss: fit.loss,
      options: (state.options || {})[fit.loss] || {},
      x,
      y,
      optimizer: state.optimizer,
      lr: state.lr,
      steps: state.steps,
      w0,
      b0,
      lang: tr.lang,
      labelNote: mappingNote(fit, tr),
    });
    block.set(code, x.length > INLINE_POINTS ? [fitDataFile(x, y)] : []);
  }

  select.addEventListener('change', () => {
    chosen = select.value;
    if (last) show();
  });

  return {
    render(state, results) {
      last = { state, results };
      show();
    },
    destroy() {
      block.destroy();
      root.remove();
    },
  };
}
