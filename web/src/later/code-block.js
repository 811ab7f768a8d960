/* The code listing with a Copy button (and the data files' download
 * buttons) under a formula card, loaded on first use. */
import { t as translate, addStrings } from '../i18n/translate.js';
import { codeStrings } from '../i18n/strings/code.js';
import { download } from './export.js';

addStrings(codeStrings); // this chunk's texts join the page's one translator when it loads

const COPIED_MS = 2000;

// ---- the Copy button ----

function selectContents(node) {
  const range = document.createRange();
  range.selectNodeContents(node);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

// The old way, for pages without the Clipboard API (http://, file:// in
// some browsers): copies the current selection.
function execCopy() {
  try {
    return document.execCommand('copy');
  } catch (e) {
    return false;
  }
}

/**
 * Copies `text`: navigator.clipboard when it works, else selects `node`'s
 * text and tries the old copy command. Resolves to 'clipboard', 'command'
 * or 'selected' (the text is selected for the user to copy).
 */
export async function copyText(text, node) {
  if (typeof navigator !== 'undefined' && navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
    try {
      await navigator.clipboard.writeText(text);
      return 'clipboard';
    } catch (e) {
      // denied or unavailable: fall back below
    }
  }
  if (node) {
    selectContents(node);
    if (execCopy()) return 'command';
  }
  return 'selected';
}

function node(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A code listing with a Copy button, appended to `container`.
 * settings: {label} (the heading, default "PyTorch code"), {onCopy(how)}.
 * .set(code, files) shows code (text only) and, when files is not empty,
 * a download button per data file. .copy() copies and announces politely.
 */
export class CodeBlock {
  constructor(container, settings = {}) {
    this.settings = settings;
    this.lang = settings.lang || 'en';
    this._code = '';
    this._files = [];
    this.root = node('div', 'lp-codeblock');
    const bar = node('div', 'lp-codeblock-bar');
    this.label = node('span', 'lp-codeblock-label', settings.label || this.t('codeLabel'));
    this.button = node('button', 'lp-codeblock-copy', this.t('copy'));
    this.button.type = 'button';
    this.button.setAttribute('aria-label', this.t('copyLabel'));
    this.button.addEventListener('click', () => this.copy());
    bar.append(this.label, this.button);
    this.pre = node('pre', 'lp-codeblock-pre');
    this.pre.tabIndex = 0; // scrollable by keyboard on narrow screens
    this.pre.setAttribute('aria-label', settings.label || this.t('codeLabel'));
    this.codeNode = node('code', 'lp-codeblock-code language-python');
    this.pre.append(this.codeNode);
    this.filesBox = node('div', 'lp-codeblock-files');
    this.filesBox.hidden = true;
    this.status = node('span', 'lp-codeblock-status');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    this.root.append(bar, this.pre, this.filesBox, this.status);
    container.append(this.root);
  }

  /** Removes the block from the page. */
  destroy() {
    clearTimeout(this._reset);
    this.root.remove();
  }

  get code() {
    return this._code;
  }

  set(code, files = []) {
    this._code = String(code);
    this._files = files.slice();
    this.codeNode.textContent = this._code;
    this.filesBox.replaceChildren();
    this.filesBox.hidden = this._files.length === 0;
    if (this._files.length) {
      this.filesBox.append(node('span', 'lp-codeblock-files-label', this.t('filesNeeded')));
      for (const file of this._files) {
        const button = node('button', 'lp-codeblock-file', this.t('downloadFile', { file: file.name }));
        button.type = 'button';
        button.addEventListener('click', () => this.downloadFile(file));
        this.filesBox.append(button);
      }
    }
  }

  downloadFile(file) {
    const blob = new Blob([file.text], { type: 'text/plain;charset=utf-8' });
    return download(file.name, blob);
  }

  async copy() {
    const how = await copyText(this._code, this.codeNode);
    const message = how === 'selected' ? this.t('selected') : this.t('copied');
    // Emptied first so that a second copy is announced again.
    this.status.textContent = '';
    setTimeout(() => {
      this.status.textContent = message;
    }, 50);
    if (how !== 'selected') {
      this.button.textContent = this.t('copied');
      this.button.classList.add('lp-codeblock-copied');
      clearTimeout(this._reset);
      this._reset = setTimeout(() => {
        this.button.textContent = this.t('copy');
        this.button.classList.remove('lp-codeblock-copied');
      }, COPIED_MS);
    }
    if (this.settings.onCopy) this.settings.onCopy(how);
    return how;
  }

  t(key, params) {
    return translate(`code.${key}`, params, this.lang);
  }

  /** Texts in `lang` (after a language switch; the code's comments are the caller's to rebuild). */
  relabel(lang) {
    if (lang) this.lang = lang;
    this.label.textContent = this.settings.label || this.t('codeLabel');
    this.button.textContent = this.t('copy');
    this.button.setAttribute('aria-label', this.t('copyLabel'));
    this.set(this._code, this._files);
  }
}

