/* The data card: the note's examples, the ŷ and y boxes (typed, pasted,
 * opened or dropped files), what each box was understood as, the column
 * picker for a pasted table, the boxes of a loss's extra arguments and the
 * outlier experiment. Typing is a patch to the store; the boxes are written
 * back only when the state differs from what they show. A large paste
 * (handled here, before the browser lays it out) or a large file is kept
 * as bytes (pipeline/big-data.js) and the box gives way to a preview. */
import { el } from './dom.js';
import { attachFileInput } from './file-input.js';
import { PASTE_LIMIT, FILE_LIMIT, MAX_BYTES } from '../pipeline/limits.js';
import { FileRefused, formatSize, limitParams } from '../input/file-text.js';
import { installReaders } from '../input/extensions.js';
import { addStrings } from '../i18n/translate.js';
import { PRESETS } from '../state/presets.js';
import { presetPatch } from '../state/serialize.js';

const BOXES = ['predictions', 'targets'];

export function createDataPanel(ctx) {
  const { $, store, lp } = ctx;
  const areas = { predictions: $('predictions'), targets: $('targets') };
  const files = [];
  const previews = {};
  const fileOf = {};

  // Keeps `data` (a File or pasted text) as the box's data, in place of its text.
  async function keepData(name, data, fileName) {
    const chunk = await ctx.loadData();
    const entry = await chunk.keep(data, fileName);
    store.update((s) => ({
      big: Object.assign({}, s.big, { [name]: entry }),
      texts: Object.assign({}, s.texts, { [name]: '' }),
      split: name, // a table pasted or opened here gives both ŷ and y
      edited: name,
    }));
  }

  for (const name of BOXES) {
    const area = areas[name];
    fileOf[name] = attachFileInput(area, {
      lang: store.get().lang, keepAbove: FILE_LIMIT, keep: (file) => keepData(name, file, file.name),
      onLoaded: () => store.update({ split: name }), // an opened or dropped table gives both ŷ and y
    });
    files.push(fileOf[name]);
    area.addEventListener('input', (e) => {
      // Pasted or dropped text may be a table that gives both ŷ and y.
      const pasted = e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop';
      store.update((s) => Object.assign({ texts: Object.assign({}, s.texts, { [name]: area.value }), edited: name }, pasted ? { split: name } : {}), pasted ? 'now' : 'typing');
    });
    // A large paste never reaches the box: laying out megabytes of text
    // takes the browser a minute. What was pasted (with the text around
    // the selection it replaces) is kept as bytes.
    area.addEventListener('paste', (e) => {
      const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      if (text.length <= PASTE_LIMIT) return;
      e.preventDefault();
      const before = area.value.slice(0, area.selectionStart);
      const after = area.value.slice(area.selectionEnd);
      // Reading the clipboard's megabytes took this task ~60 ms: keeping
      // them (a copy to the worker, the preview) gets a task of its own.
      setTimeout(() => {
        const whole = before + text + after;
        if (whole.length > MAX_BYTES) {
          fileOf[name].refuse(new FileRefused('paste_too_large', Object.assign({ size: formatSize(whole.length) }, limitParams())));
          return;
        }
        keepData(name, whole, null);
      }, 0);
    });
  }

  // The preview of a box holding large data, made when first needed.
  function previewOf(name, chunk) {
    if (previews[name]) return previews[name];
    const area = areas[name];
    // After the file control: the box, then its control, stay neighbours.
    previews[name] = chunk.createBigPreview(area, fileOf[name].element, {
      edit() {
        const entry = store.get().big[name];
        if (!entry) return;
        chunk.textOf(entry.id).then((text) => {
          if (store.get().big[name] !== entry) return;
          store.update((s) => ({ big: Object.assign({}, s.big, { [name]: null }), texts: Object.assign({}, s.texts, { [name]: text }) }));
        });
      },
      clear() {
        store.update((s) => ({ big: Object.assign({}, s.big, { [name]: null }), texts: Object.assign({}, s.texts, { [name]: '' }) }));
        area.focus();
      },
      download() {
        const entry = store.get().big[name];
        if (!entry) return;
        const a = el('a', { href: URL.createObjectURL(chunk.blobOf(entry.id)), download: entry.name || `${name}.txt` });
        a.hidden = true;
        area.after(a); // inside the page or the element's shadow root
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      },
    });
    return previews[name];
  }

  const presetButtons = PRESETS.map((p) => {
    const b = el('button', { type: 'button', class: 'preset', 'data-preset': p.id });
    b.addEventListener('click', () => store.update((s) => Object.assign(presetPatch(p, s, lp), { big: {}, split: null, commas: {} })));
    $('preset-buttons').append(b);
    return { b, p };
  });

  // What only data with something to say need (messages at the boxes, the
  // table's notice, the column picker, the readers of Python literals and
  // commas) comes with the lazily loaded chunk, made on first need.
  let views = null;
  let loadingMore = null;
  function loadMore() {
    if (!loadingMore) {
      loadingMore = ctx.later().then((later) => {
        const x = later.input;
        installReaders(x.readers);
        addStrings(x.strings);
        views = {
          messages: x.createBoxMessages(areas,
            (name, style) => store.update((s) => ({ commas: Object.assign({}, s.commas, { [name]: style }) }))),
          notice: x.createSplitNotice($('column-picker'), (split) => store.update({ split })),
          picker: new x.ColumnPicker($('column-picker'), { lang: store.get().lang, onChange: (columns) => store.update({ columns }) }),
        };
      });
    }
    return loadingMore;
  }
  let last = null; // the last render's arguments, for the views once they come

  // The boxes for the arguments beyond ŷ and y (weights, a variance, the
  // second input of a ranking loss, ...), shown while their loss is selected.
  const extras = new Map();
  for (const loss of lp.losses) {
    for (const arg of loss.args) {
      if (arg.role === 'prediction' || arg.role === 'target') continue;
      const id = `arg-${loss.name}-${arg.name}`;
      const key = `${loss.name}:${arg.name}`;
      const area = el('textarea', { id, rows: '2', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': `${id}-info` });
      area.addEventListener('input', () => store.update((s) => ({ extra: Object.assign({}, s.extra, { [key]: area.value }) }), 'typing'));
      const need = el('span', { class: 'arg-need' });
      const label = el('label', { for: id }, `${loss.shortName}: ${arg.name}`, need);
      const info = el('p', { id: `${id}-info`, class: 'understood' });
      const field = el('div', { class: 'field extra-field', 'data-loss': loss.name, hidden: true }, label, area, info);
      $('extra-inputs').append(field);
      extras.set(key, { loss, arg, area, field, info, need });
    }
  }

  function relabel(tr) {
    for (const { b, p } of presetButtons) b.textContent = tr.pick(p, 'label');
    for (const x of extras.values()) x.need.textContent = tr.t(x.arg.required ? 'arg.required' : 'arg.optional');
    for (const f of files) f.setLang(tr.lang);
    if (views) views.picker.setLang(tr.lang);
  }

  // The preview of a box's large data; the count once a run has read it.
  function renderData(state, out, tr) {
    for (const name of BOXES) {
      const entry = (state.big && state.big[name]) || null;
      const box = out && out.boxes[name];
      const shape = box && box.reading && (box.reading.shape || box.reading.tensor.shape);
      const fresh = entry && out && out.bigIds && out.bigIds[name] === entry.id;
      const count = fresh && shape ? shape.reduce((a, b) => a * b, 1) : null;
      if (!entry && !previews[name]) continue; // never held large data: no chunk needed
      ctx.loadData().then((chunk) => previewOf(name, chunk).render(entry, count, Boolean(fresh && box.error), tr.lang));
    }
  }

  function renderMore(state, out, tr) {
    // The box a table set aside is dimmed (its text stays as it was).
    for (const name of BOXES) areas[name].classList.toggle('is-set-aside', Boolean(out.table && out.table.setAside && out.table.from !== name));
    views.messages.render(state, out, tr);
    views.notice.render(state, out, tr);
    if (out.table) {
      views.picker.show(out.table.names.length, out.table.names);
      views.picker.choose(out.table.columns);
    } else views.picker.hide();
  }

  function render(state, out, tr) {
    renderData(state, out, tr);
    for (const name of BOXES) {
      const area = areas[name];
      if (area.value !== state.texts[name]) area.value = state.texts[name];
      const box = out.boxes[name];
      const info = $(`${name}-info`);
      let said = box.reading ? box.reading.summary[tr.lang] || box.reading.summary.en : '';
      if (name === 'predictions' && out.classSample) said += ` ${tr.t('input.classSample', { n: out.classSample.classes })}`;
      info.textContent = said;
    }
    last = { state, out, tr };
    const something = out.table || out.tableOffer || out.pairError || BOXES.some((n) => out.boxes[n].error || out.boxes[n].commas);
    if (views) renderMore(state, out, tr);
    else if (something) loadMore().then(() => renderMore(last.state, last.out, last.tr));
    let anyShown = false;
    for (const [key, x] of extras) {
      const shown = state.losses.includes(x.loss.name);
      x.field.hidden = !shown;
      anyShown = anyShown || shown;
      const text = state.extra[key] || '';
      if (x.area.value !== text) x.area.value = text;
      const seen = out.extras[key];
      if (seen && seen.invalid) x.area.setAttribute('aria-invalid', 'true');
      else x.area.removeAttribute('aria-invalid');
      if (seen && seen.shape) x.info.textContent = tr.t('info.read', { what: tr.describeShape(seen.shape) });
      else if (seen && seen.empty) x.info.textContent = tr.t('arg.info', { help: tr.pick(x.arg, 'help'), shape: tr.shape(x.arg) });
    }
    $('extra-inputs').hidden = !anyShown;
  }

  return {
    relabel,
    render,
    renderData,
    loadMore,
    fieldFor: (id) => areas[id] || ctx.root.getElementById(id),
  };
}
