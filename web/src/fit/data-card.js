/* The fit lab's data card: the presets, the x and y boxes (their errors and
 * what was read under each), a file to open. Typing, a paste, a preset or a
 * file is a patch to state.fit; the boxes keep the user's text as typed. A
 * table pasted or opened into a box names that box (fit.split): it then
 * gives x and y, the other box's numbers set aside, its text kept. */
import { el, uid } from '../views/dom.js';
import { fileText } from '../input/file-text.js';
import { FIT_KINDS } from './labels.js';
import { FIT_PRESETS } from './presets.js';

/** A fit state from a preset (the losses it names that the page has). */
export function presetFit(preset, lp) {
  const known = new Set(lp.losses.map((l) => l.name));
  return {
    x: preset.x, y: preset.y,
    losses: preset.losses.filter((n) => known.has(n) && FIT_KINDS[n]),
    options: JSON.parse(JSON.stringify(preset.options || {})),
    optimizer: preset.optimizer || 'gd', lr: preset.lr || 0.01, steps: preset.steps || 200,
    start: [0, 0], moved: null, preset: preset.id,
  };
}

/** onNewData(): the data changed (the outlier lesson starts again). */
export function createDataCard({ store, lp, wording, onNewData }) {
  const { tr, say } = wording;
  const presets = el('div', { class: 'fit-presets', role: 'group' });
  const presetsLabel = say(el('span', { class: 'fit-presets-label', id: uid('fit-presets') }), 'fit.presets');
  presets.setAttribute('aria-labelledby', presetsLabel.id);
  presets.append(presetsLabel);
  for (const preset of FIT_PRESETS) {
    const b = say(el('button', { type: 'button', class: 'control-button', 'data-preset': preset.id }), `fit.preset.${preset.id}`);
    b.addEventListener('click', () => {
      onNewData();
      store.update({ fit: presetFit(preset, lp) });
    });
    presets.append(b);
  }
  const box = (name) => {
    const id = uid(`fit-${name}`);
    const area = el('textarea', { id, rows: 3, spellcheck: 'false', autocomplete: 'off', class: 'fit-box' });
    const error = el('p', { class: 'fit-error', id: `${id}-error`, role: 'alert' });
    const info = el('p', { class: 'fit-info', id: `${id}-info` });
    area.setAttribute('aria-describedby', `${id}-info ${id}-error`);
    area.addEventListener('input', (event) => {
      onNewData();
      const pasted = event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop';
      store.update((s) => ({ fit: Object.assign({}, s.fit, { [name]: area.value, moved: null, preset: null }, pasted ? { split: name } : {}) }), 'typing');
    });
    return { area, error, info, field: el('div', { class: 'fit-field' }, say(el('label', { for: id }), `fit.${name}`), area, info, error) };
  };
  const x = box('x');
  const y = box('y');

  const fileId = uid('fit-file');
  const fileInput = el('input', { type: 'file', id: fileId, class: 'fit-file-input', accept: '.csv,.tsv,.txt,.json,.dat,text/plain,text/csv' });
  const fileStatus = el('p', { class: 'fit-file-status', role: 'status' });
  let fileSaid = null; // {name, error?}: what the file control says, re-worded with the data
  let data = null; // the last data read
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    try {
      const text = await fileText(file);
      // Into x: a two-column table there gives x and y (y's own text is set aside, kept).
      onNewData();
      fileSaid = { name: file.name };
      store.update((s) => ({ fit: Object.assign({}, s.fit, { x: text, split: 'x', moved: null, preset: null }) }));
    } catch (e) {
      fileSaid = { name: file.name, error: e };
      showFile();
    }
    fileInput.value = '';
  });
  const pairError = el('p', { class: 'fit-error', role: 'alert' });
  const tableNote = el('p', { class: 'fit-info' });
  const element = el('section', { class: 'card fit-data' },
    say(el('h2', { class: 'card-title' }), 'fit.data'), presets,
    el('div', { class: 'fit-boxes' }, x.field, y.field), pairError, tableNote, say(el('p', { class: 'hint' }), 'fit.dataHint'),
    el('div', { class: 'fit-file' }, fileInput, say(el('label', { for: fileId, class: 'control-button fit-file-button' }), 'fit.openFile'), fileStatus));

  function showFile() {
    fileStatus.classList.toggle('is-error', Boolean(fileSaid && fileSaid.error));
    fileStatus.textContent = !fileSaid ? '' : fileSaid.error
      ? tr.t('fit.fileFailed', { name: fileSaid.name, message: tr.error(fileSaid.error) })
      : tr.t('fit.fileRead', { name: fileSaid.name, n: data && data.x ? data.x.length : 0 });
  }

  return {
    element,
    /** The boxes show state.fit's texts (the one being typed in has them already). */
    show(fit) {
      if (x.area.value !== fit.x) x.area.value = fit.x;
      if (y.area.value !== fit.y) y.area.value = fit.y;
    },
    /** What was read (readFitData's): the errors under their box, the counts, a table's split. */
    showData(next) {
      data = next;
      const e = (data && data.errors) || {};
      x.error.textContent = e.x ? tr.error(e.x) : '';
      y.error.textContent = e.y ? tr.error(e.y) : '';
      pairError.textContent = e.pair ? tr.error(e.pair) : '';
      x.info.textContent = data && data.x && !e.x && !data.table ? tr.t('fit.read', { n: data.x.length }) : '';
      y.info.textContent = data && data.y && !e.y && !data.table ? tr.t('fit.read', { n: data.y.length }) : '';
      tableNote.textContent = !data || !data.table ? '' : data.table.setAside ? tr.t('fit.splitAside', { box: data.table.from }) : tr.t('fit.split');
      showFile();
    },
  };
}
