/* The "Open file…" control beside a data box: open or drop a text file. A
 * loaded file replaces the box's text and fires its `input` event (the data
 * panel turns that into a state patch); a file above options.keepAbove
 * bytes is checked and handed, unread, to options.keep(file) (kept as
 * bytes, out of the text box); a refused one leaves the data as they were
 * and says why. */
import { el, uid } from './dom.js';
import { t, translateError } from '../i18n/translate.js';
import { fileText, checkLargeFile, formatSize, FileRefused } from '../input/file-text.js';

function hasFiles(event) {
  const types = event.dataTransfer && event.dataTransfer.types;
  return !!types && Array.from(types).includes('Files');
}

// The textarea's label becomes the description of its "Open file…"
// control, so the two on the page can be told apart. Not part of the
// name: the page (and its tests) find the textarea by its label text.
function describeBy(input, textarea) {
  const label = textarea.labels && textarea.labels[0];
  if (!label) return;
  if (!label.id) label.id = uid(`${textarea.id || 'data'}-label`);
  input.setAttribute('aria-describedby', label.id);
}

// A file dropped a few pixels beside a box would make the browser open it
// in place of the page, losing everything typed: outside the drop targets,
// file drops are refused instead. Installed once, with the first control.
let strayDropsGuarded = false;
function guardStrayDrops() {
  if (strayDropsGuarded || typeof window === 'undefined') return;
  strayDropsGuarded = true;
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e) || e.defaultPrevented) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'none';
  });
  window.addEventListener('drop', (e) => {
    if (hasFiles(e)) e.preventDefault();
  });
}

/**
 * Adds an "Open file…" control after `textarea` and makes the textarea a
 * drop target. A loaded file replaces the text and fires `input` on the
 * textarea; a refused one leaves the text as it was. Returns {element,
 * input, status, load(file), refresh(), detach()}.
 */
export function attachFileInput(textarea, options = {}) {
  const inputId = uid(`${textarea.id || 'data'}-file`);
  const input = el('input', {
    type: 'file', id: inputId, class: 'file-input-control',
    accept: '.csv,.tsv,.txt,.json,.tab,.dat,text/plain,text/csv,text/tab-separated-values,application/json',
  });
  const buttonText = el('span', { class: 'file-input-text' });
  const label = el('label', { for: inputId, class: 'file-input-button' }, buttonText);
  describeBy(input, textarea);
  const hint = el('span', { class: 'file-input-hint' });
  const status = el('p', { class: 'file-input-status', role: 'status', 'aria-live': 'polite' });
  const element = el('div', { class: 'file-input' }, el('div', { class: 'file-input-row' }, input, label, hint), status);
  textarea.after(element);
  let generation = 0;
  let depth = 0;
  let lang = options.lang || 'en';
  let said = null; // the status shown ({key, params} or a refusal), re-worded by setLang()

  const say = (messages, isError) => {
    said = messages ? { messages, isError: !!isError } : null;
    status.textContent = messages ? (messages instanceof FileRefused ? translateError(messages, lang) : t(messages.key, messages.params, lang)) : '';
    status.classList.toggle('is-error', !!isError);
  };

  const load = async (file) => {
    const mine = ++generation;
    say({ key: 'input.loading', params: { name: file.name } });
    try {
      if (options.keep && file.size > (options.keepAbove || 0)) {
        await checkLargeFile(file);
        if (mine !== generation) return;
        await options.keep(file);
        say({ key: 'input.loaded', params: { name: file.name, size: formatSize(file.size) } });
        if (options.onLoaded) options.onLoaded({ file, name: file.name, size: file.size, text: null });
        return;
      }
      const text = await fileText(file);
      if (mine !== generation) return;
      textarea.value = text;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
      say({ key: 'input.loaded', params: { name: file.name, size: formatSize(file.size) } });
      if (options.onLoaded) options.onLoaded({ file, name: file.name, size: file.size, text });
    } catch (e) {
      if (mine !== generation) return;
      const refused = e instanceof FileRefused ? e : new FileRefused('file_read_failed', { name: file.name });
      say(refused, true);
      if (options.onError) options.onError({ file, name: file.name, code: refused.code, params: refused.params, message: translateError(refused, lang) });
    }
  };

  const highlight = (on) => {
    textarea.classList.toggle('drop-active', on);
    element.classList.toggle('drop-active', on);
    if (on) say({ key: 'input.dropNow' });
    else if (said && said.messages.key === 'input.dropNow') say(null);
  };

  const onDragEnter = (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    highlight(true);
  };
  const onDragOver = (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault(); // without this the browser opens the file instead
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDragLeave = (e) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) highlight(false);
  };
  const onDrop = (e) => {
    if (!hasFiles(e)) return; // dragged text: the browser inserts it
    e.preventDefault();
    depth = 0;
    highlight(false);
    const file = e.dataTransfer.files && e.dataTransfer.files[0];
    if (file) load(file);
  };
  const onChange = () => {
    const file = input.files && input.files[0];
    if (file) load(file);
    input.value = ''; // choosing the same file again still fires change
  };

  const targets = [textarea, element];
  for (const target of targets) {
    target.addEventListener('dragenter', onDragEnter);
    target.addEventListener('dragover', onDragOver);
    target.addEventListener('dragleave', onDragLeave);
    target.addEventListener('drop', onDrop);
  }
  input.addEventListener('change', onChange);
  guardStrayDrops();

  const refresh = () => {
    buttonText.textContent = t('input.openFile', null, lang);
    hint.textContent = t('input.dropHint', null, lang);
    if (said) say(said.messages, said.isError);
  };
  refresh();
  const setLang = (next) => {
    lang = next;
    refresh();
  };

  const detach = () => {
    for (const target of targets) {
      target.removeEventListener('dragenter', onDragEnter);
      target.removeEventListener('dragover', onDragOver);
      target.removeEventListener('dragleave', onDragLeave);
      target.removeEventListener('drop', onDrop);
    }
    textarea.classList.remove('drop-active');
      element.remove();
  };

  /** Says `refused` (a FileRefused) under the control, as a refused file is. */
  const refuse = (refused) => {
    generation++;
    say(refused, true);
  };

  return { element, input, status, load, refresh, setLang, detach, refuse };
}

