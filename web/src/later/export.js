/* Export of the results (loaded on first use): CSV and JSON files, the
 * charts as PNG.
 *
 *   const m = model(results, {lang, prediction, target});   toCsv(m); toJson(m);
 *   download('lossplay.csv', csvBlob(csv));   await canvasToPng(canvas, {theme});
 *
 * Numbers are written in the shortest form that reads back to the same
 * double (at most 17 significant digits), so nothing is rounded away. */
import { t as translate, addStrings } from '../i18n/translate.js';
import { exportStrings } from '../i18n/strings/export.js';

addStrings(exportStrings); // this chunk's texts join the page's one translator when it loads

export const FORMAT = 'lossplay-results/1';
const CSV_HEADER = ['loss', 'reduction', 'options', 'quantity', 'index', 'value'];
const INPUT_HEADER = ['ŷ', 'y']; // when the model carries the inputs: each row's own ŷ and y
const REVOKE_DELAY_MS = 1000; // the download must have started before the URL goes
const BACKGROUND = { light: '#ffffff', dark: '#171a21' }; // the page's card colours

const t = (key, lang) => translate(`export.${key}`, null, lang || 'en');

// ---- numbers ----

/** Full precision: the shortest text that parses back to the same double. */
export function formatNumber(v) {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

// JSON cannot hold NaN or infinities: written as the conformance files do.
function jsonNumber(v) {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return v;
}

// ---- the model ----

function tensorOf(value, fallbackShape) {
  if (!value) return null;
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    return { shape: fallbackShape && product(fallbackShape) === value.length ? fallbackShape.slice() : [value.length], data: Array.from(value) };
  }
  return { shape: Array.from(value.shape), data: Array.from(value.data) };
}

const product = (shape) => shape.reduce((a, b) => a * b, 1);

function lossName(loss) {
  return typeof loss === 'string' ? loss : loss.name;
}

/**
 * The results as plain data. `entries` are the page's results:
 * {loss: registry entry or name, reduction, options, result: lp.compute's
 * return, perSample: Float64Array or {data, shape} or null, error}.
 */
export function model(entries, meta = {}) {
  const losses = entries.map((e) => {
    const item = {
      name: lossName(e.loss),
      shortName: typeof e.loss === 'string' ? e.loss : e.loss.shortName,
      reduction: e.reduction,
      options: Object.assign({}, e.options || {}),
    };
    if (e.error || !e.result) {
      item.error = String(e.error || 'not computed');
      return item;
    }
    const r = e.result;
    const loss = tensorOf(r.loss);
    const grad = tensorOf(r.grad);
    item.value = loss.shape.length === 0 ? loss.data[0] : null;
    item.loss = loss;
    item.perSample = tensorOf(e.perSample, e.perSample && (e.perSample.length === grad.data.length ? grad.shape : null));
    item.grad = Object.assign({ arg: r.gradArg }, grad);
    return item;
  });
  // The inputs ŷ and y, when given (meta.prediction, meta.target), beside the results.
  const { prediction, target } = meta;
  const rest = Object.assign({}, meta);
  delete rest.prediction;
  delete rest.target;
  const inputs = prediction || target ? { inputs: { prediction: tensorOf(prediction), target: tensorOf(target) } } : {};
  return Object.assign({ format: FORMAT }, rest, inputs, { losses });
}

// ---- JSON ----

function jsonSafe(value) {
  if (typeof value === 'number') return jsonNumber(value);
  if (ArrayBuffer.isView(value)) return Array.from(value, jsonNumber);
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = jsonSafe(v);
    return out;
  }
  return value;
}

/** The model as indented JSON; NaN and infinities become "nan", "inf", "-inf". */
export function toJson(m) {
  return `${JSON.stringify(jsonSafe(m), null, 2)}\n`;
}

// ---- CSV ----

/** One field, quoted when RFC 4180 asks (comma, quote, CR or LF). */
export function csvField(value) {
  const text = typeof value === 'number' ? formatNumber(value) : value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function optionsText(options) {
  return Object.entries(options || {})
    .map(([k, v]) => `${k}=${typeof v === 'number' ? formatNumber(v) : String(v)}`)
    .join('; ');
}

// Row-major position of element `i` in `shape`: "" for a scalar, "3",
// "1,2" for a matrix.
function indexText(i, shape) {
  if (shape.length === 0) return '';
  const parts = new Array(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    parts[d] = i % shape[d];
    i = Math.floor(i / shape[d]);
  }
  return parts.join(',');
}

/**
 * The model in long form, one number per row: quantity is "loss",
 * "per_sample_loss" or "grad_<argument>"; index is the element's position.
 */
export function csvRows(m) {
  const inputs = m.inputs || null;
  const rows = [inputs ? CSV_HEADER.concat(INPUT_HEADER) : CSV_HEADER.slice()];
  // A row's ŷ and y: the input's element at the same index, when the
  // quantity has one per element of that input (not a loss of a batch).
  const P = inputs && inputs.prediction;
  const Y = inputs && inputs.target;
  const beside = (tensor, i) => (!inputs ? [] : [
    P && P.data.length === tensor.data.length && tensor.shape.length ? P.data[i] : '',
    Y && Y.data.length === tensor.data.length && tensor.shape.length ? Y.data[i] : '',
  ]);
  for (const item of m.losses) {
    const lead = [item.name, item.reduction, optionsText(item.options)];
    if (item.error) {
      rows.push(lead.concat(['error', '', item.error]));
      continue;
    }
    const add = (quantity, tensor) => {
      for (let i = 0; i < tensor.data.length; i++) rows.push(lead.concat([quantity, indexText(i, tensor.shape), tensor.data[i]], beside(tensor, i)));
    };
    add('loss', item.loss);
    if (item.perSample && item.reduction !== 'none') add('per_sample_loss', item.perSample);
    add(`grad_${item.grad.arg}`, item.grad);
  }
  return rows;
}

/** CSV text (CRLF line ends) of rows (arrays of fields) or of a model. */
export function toCsv(rowsOrModel) {
  const rows = Array.isArray(rowsOrModel) ? rowsOrModel : csvRows(rowsOrModel);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// The byte-order mark lets spreadsheet programs read the file as UTF-8.
export const csvBlob = (text) => new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
export const jsonBlob = (text) => new Blob([text], { type: 'application/json' });

/**
 * The figure's words: {title, facts, losses: [{label, value, color}]}
 * from the results, the data's size and the colours (loss name -> colour).
 */
export function figureMeta(results, n, colors, lang) {
  const done = results.filter((r) => r.result);
  const label = (r) => (typeof r.loss === 'string' ? r.loss : r.loss.shortName);
  const value = (r) => {
    const data = r.result.loss && r.result.loss.data;
    return data && data.length === 1 ? String(Number(data[0].toPrecision(6))) : `[${data ? data.length : 0}]`;
  };
  const reductions = Array.from(new Set(done.map((r) => r.reduction))).join(', ');
  return {
    title: translate('export.figureTitle', { losses: done.map(label).join(', ') }, lang || 'en'),
    facts: translate(n === 1 ? 'export.figureOne' : 'export.figureMany', { n, reduction: reductions }, lang || 'en'),
    losses: done.map((r) => ({ label: label(r), value: value(r), color: colors && colors.get(r.loss.name) })),
  };
}

// ---- files ----

// No folders and no characters that file systems refuse.
function safeFilename(name) {
  const cleaned = String(name).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim();
  return cleaned || 'lossplay';
}

/** Saves `blob` as `filename` through a Blob URL and a temporary <a download>. */
export function download(filename, blob, options = {}) {
  if (typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') throw new Error(t('noDownload', options.lang));
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFilename(filename);
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
}

function currentTheme() {
  const set = typeof document !== 'undefined' && document.documentElement.dataset.theme;
  if (set === 'light' || set === 'dark') return set;
  const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  return dark ? 'dark' : 'light';
}

/**
 * A PNG of `canvas` on an opaque background (a transparent chart would be
 * black or white depending on the viewer). options: {theme: 'light' |
 * 'dark', background: a CSS colour}; default the page's current theme.
 */
export function canvasToPng(canvas, options = {}) {
  if (!canvas || !canvas.width || !canvas.height) return Promise.reject(new Error(t('noCanvas', options.lang)));
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const ctx = copy.getContext('2d');
  ctx.fillStyle = options.background || BACKGROUND[options.theme || currentTheme()] || BACKGROUND.light;
  ctx.fillRect(0, 0, copy.width, copy.height);
  ctx.drawImage(canvas, 0, 0);
  return new Promise((resolve, reject) => {
    copy.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(t('pngFailed', options.lang)))), 'image/png');
  });
}

