/* The column picker: two labelled selects, "ŷ column" and "y column", for
 * a table pasted into the predictions box. */
import { el, uid } from './dom.js';
import { t } from '../i18n/translate.js';
import { columnLabel } from '../input/read.js';

/**
 * Two labelled selects, "ŷ column" and "y column", for a table pasted
 * into the predictions box. onChange({prediction, target}) fires when the
 * user changes either one.
 */
export class ColumnPicker {
  constructor(container, options = {}) {
    this.onChange = options.onChange || null;
    this.lang = options.lang || 'en';
    this.names = [];
    this.current = { prediction: 0, target: 1 };
    const titleId = uid('column-picker-title');
    this.title = el('p', { id: titleId, class: 'column-picker-title' });
    this.predictionLabel = el('label', { class: 'column-picker-label' });
    this.targetLabel = el('label', { class: 'column-picker-label' });
    this.predictionSelect = el('select', { id: uid('column-picker-prediction'), class: 'column-picker-select' });
    this.targetSelect = el('select', { id: uid('column-picker-target'), class: 'column-picker-select' });
    this.predictionLabel.htmlFor = this.predictionSelect.id;
    this.targetLabel.htmlFor = this.targetSelect.id;
    this.note = el('p', { class: 'column-picker-note', 'aria-live': 'polite' });
    this.element = el('div', { class: 'column-picker', role: 'group', 'aria-labelledby': titleId, hidden: true },
      this.title,
      el('div', { class: 'column-picker-fields' },
        el('div', { class: 'column-picker-field' }, this.predictionLabel, this.predictionSelect),
        el('div', { class: 'column-picker-field' }, this.targetLabel, this.targetSelect)),
      this.note);
    for (const select of [this.predictionSelect, this.targetSelect]) {
      select.addEventListener('change', () => this.changed());
    }
    container.append(this.element);
    this.refresh();
  }

  /**
   * Shows the picker for `columns` (readData's columns, or a count) named
   * by `header` (or the columns' names, or "column n"). A selection that
   * still fits the same columns is kept, so re-reading while typing does
   * not undo the user's choice.
   */
  show(columns, header) {
    const count = typeof columns === 'number' ? columns : columns.length;
    const names = [];
    for (let i = 0; i < count; i++) {
      const fromHeader = header && header[i];
      const fromColumn = typeof columns === 'number' ? null : columns[i] && columns[i].name;
      names.push(fromHeader || fromColumn || null);
    }
    const same = names.length === this.names.length && names.every((n, i) => n === this.names[i]);
    this.names = names;
    if (!same) this.current = { prediction: 0, target: Math.min(1, count - 1) };
    this.render();
    this.element.hidden = false;
  }

  hide() {
    this.element.hidden = true;
  }

  /** Removes the picker from the page. */
  destroy() {
    this.element.remove();
  }

  get visible() {
    return !this.element.hidden;
  }

  /** Selects columns (0-based) when they exist, as a restored link asks. */
  choose({ prediction, target }) {
    const fits = (i) => Number.isInteger(i) && i >= 0 && i < this.names.length;
    if (fits(prediction) && fits(target)) this.current = { prediction, target };
    this.render();
  }

  /** {prediction, target}: 0-based column indices. */
  selection() {
    return { prediction: this.current.prediction, target: this.current.target };
  }

  /** {en, zh} saying which columns are used, for the "understood" line. */
  summary() {
    const { prediction, target } = this.current;
    const say = (l) => t('input.pickerSummary', { prediction: columnLabel(this.names[prediction], prediction, l), target: columnLabel(this.names[target], target, l) }, l);
    return { en: say('en'), zh: say('zh') };
  }

  setLang(lang) {
    this.lang = lang;
    this.refresh();
  }

  /** Re-renders the texts in the picker's language. */
  refresh() {
    this.title.textContent = t('input.pickerTitle', null, this.lang);
    this.predictionLabel.textContent = t('input.pickerPrediction', null, this.lang);
    this.targetLabel.textContent = t('input.pickerTarget', null, this.lang);
    this.render();
  }

  render() {
    for (const [select, key] of [[this.predictionSelect, 'prediction'], [this.targetSelect, 'target']]) {
      select.replaceChildren(...this.names.map((name, i) => el('option', { value: String(i), text: columnLabel(name, i, this.lang) })));
      if (this.names.length) select.value = String(this.current[key]);
    }
    this.note.textContent = this.names.length > 1 && this.current.prediction === this.current.target ? t('input.pickerSame', null, this.lang) : '';
  }

  changed() {
    this.current = { prediction: Number(this.predictionSelect.value), target: Number(this.targetSelect.value) };
    this.render();
    if (this.onChange) this.onChange(this.selection());
  }
}

