/* The ONE schema of the view's state as it leaves the page: the share
 * link's JSON, which embed parameters and presets are also read into
 * (state/serialize.js). validate() checks a raw object and returns a fresh
 * copy in canonical key order, or throws a ShareLinkError naming the first
 * problem. Text in the state is data only: nothing here makes markup. */
import { t, has } from '../i18n/translate.js';

export const VERSION = 1;
export const PARAM = 's';
export const URL_BUDGET = 8000; // characters: what browsers, chat apps and servers all pass
export const WRITE_DELAY_MS = 300;
export const MAX_PARAM_CHARS = 2 * 1024 * 1024; // Chromium's own URL limit
export const MAX_JSON_BYTES = 8 * 1024 * 1024; // what a compressed link may unpack to
const MAX_TEXT_CHARS = 4 * 1024 * 1024;
const MAX_LOSSES = 100;
const MAX_OPTIONS = 32;
const MAX_EXTRA = 400;
const MAX_COLUMN_CHARS = 200;
const REDUCTIONS = ['none', 'mean', 'sum', 'batchmean'];
const NAME = /^[a-z][a-z0-9_]{0,63}$/;
const EXTRA_KEY = /^([a-z][a-z0-9_]{0,63}):([a-z][a-z0-9_]{0,63})$/;
const KEYS = ['v', 'lang', 'theme', 'reduction', 'losses', 'options', 'data', 'columns', 'outlier', 'dismissed', 'logScale', 'digits', 'reading', 'view', 'fit'];
// Added after version 1 shipped: a link without them still reads.
const OPTIONAL_KEYS = ['outlier', 'dismissed', 'logScale', 'digits', 'reading', 'view', 'fit'];
// The fit lab (issue 11): which view shows, and the fit view's own state.
const VIEWS = ['scores', 'fit'];
const FIT_KEYS = ['x', 'y', 'losses', 'options', 'optimizer', 'lr', 'steps', 'start'];
const FIT_OPTIONAL = ['moved', 'preset', 'split']; // split: the box a table was pasted or opened into
const OPTIMIZERS = ['gd', 'momentum', 'adam'];
const MAX_FIT_TEXT_CHARS = 1024 * 1024; // the fit runs on the page's data in a worker: a megabyte of text is plenty
const MAX_STEPS = 10000;
const DIGITS = ['sig', 'fixed']; // the results' format: six significant digits, or the note's six decimals
// How the boxes are read (input/pairing.js, input/commas.js): null = as typed.
const READING_KEYS = ['split', 'commas'];
const SPLITS = [null, 'predictions', 'targets', 'off'];
const COMMAS = [null, 'decimal', 'thousands'];
const OUTLIER_KEYS = ['residual'];
const OUTLIER_OPTIONAL = ['on']; // absent in older links, where an outlier was always on
const MAX_DISMISSED = 64;
const HINT_ID = /^[a-z][a-z0-9_]{0,63}(?::[a-z][a-z0-9_]{0,63})?$/;

/** Every key of the link's state, in canonical order: tests/browser/share-roundtrip.test.js
 * walks them, and fails for a key it has no example value for. */
export const LINK_KEYS = KEYS.slice();

const DATA_KEYS = ['predictions', 'targets', 'extra'];
const COLUMN_KEYS = ['prediction', 'target'];

// User text quoted inside a message stays short.
function quote(value) {
  const s = String(value);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * A link that cannot be applied: `reason` is a stable code for tests and
 * logs; `key` and `params` say why in any language (t(e.key, e.params,
 * lang)); `message` is the English.
 */
export class ShareLinkError extends Error {
  constructor(reason, whyKey, whyParams, lead = 'damaged') {
    const params = { why: { key: `share.${whyKey}`, params: whyParams || {} } };
    super();
    this.name = 'ShareLinkError';
    this.reason = reason; // size | base64 | check | compression | unsupported | checksum | json | version | field
    this.key = `share.${lead}`;
    this.params = params;
  }

  // In English, worded when read: the templates (strings/share.js) come with the later chunk.
  // Until they are here (a log, a test in Node), the codes and the fields they name.
  get message() {
    if (has(this.key)) return t(this.key, this.params, 'en');
    const { why } = this.params;
    return `${this.key} (${why.key}${Object.keys(why.params).length ? ` ${JSON.stringify(why.params)}` : ''})`;
  }
}

const fail = (reason, key, vars, lead) => {
  throw new ShareLinkError(reason, key, vars, lead);
};

// ---- validation ----

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function requireObject(value, field, keys) {
  if (!isPlainObject(value)) fail('field', 'fieldType', { field, expected: { key: 'share.expectObject' } });
  if (!keys) return;
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) fail('field', 'fieldUnknown', { field: `${field === 'state' ? '' : `${field}.`}${quote(key)}` });
  }
  for (const key of keys) {
    if (!(key in value) && !(field === 'state' && OPTIONAL_KEYS.includes(key))) fail('field', 'fieldMissing', { field: field === 'state' ? key : `${field}.${key}` });
  }
}

function requireText(value, field, max) {
  if (typeof value !== 'string') fail('field', 'fieldType', { field, expected: { key: 'share.expectText' } });
  if (value.length > max) fail('size', 'fieldTooLong', { field, max });
  return value;
}

function requireCount(obj, field, max) {
  const n = Array.isArray(obj) ? obj.length : Object.keys(obj).length;
  if (n > max) fail('size', 'fieldTooMany', { field, max });
}

function checkVersion(v) {
  if (typeof v !== 'number' || !Number.isInteger(v)) fail('field', 'fieldType', { field: 'v', expected: { key: 'share.expectVersion' } });
  if (v !== VERSION) fail('version', 'version', { got: v, want: VERSION }, 'cannotOpen');
}

function checkLosses(losses, known) {
  if (!Array.isArray(losses) || !losses.every((n) => typeof n === 'string' && NAME.test(n))) {
    fail('field', 'fieldType', { field: 'losses', expected: { key: 'share.expectNames' } });
  }
  requireCount(losses, 'losses', MAX_LOSSES);
  const seen = new Set();
  for (const name of losses) {
    if (seen.has(name)) fail('field', 'fieldTwice', { field: 'losses', value: name });
    seen.add(name);
    if (known && !known.has(name)) fail('field', 'unknownLoss', { value: name });
  }
  return losses.slice();
}

function checkOptionValue(value, field, spec) {
  if (typeof value === 'boolean') {
    if (spec && spec.type !== 'boolean') fail('field', 'fieldType', { field, expected: { key: 'share.expectOption' } });
    return value;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('field', 'fieldType', { field, expected: { key: 'share.expectOption' } });
  if (spec && spec.type === 'boolean') fail('field', 'fieldType', { field, expected: { key: 'share.expectBoolean' } });
  if (spec && spec.type === 'integer' && !Number.isInteger(value)) fail('field', 'fieldType', { field, expected: { key: 'share.expectWhole' } });
  return value;
}

function checkOptions(options, known) {
  requireObject(options, 'options');
  requireCount(options, 'options', MAX_LOSSES);
  const out = {};
  for (const [loss, values] of Object.entries(options)) {
    if (!NAME.test(loss)) fail('field', 'fieldType', { field: `options.${quote(loss)}`, expected: { key: 'share.expectName' } });
    const spec = known && known.get(loss);
    if (known && !spec) fail('field', 'unknownLoss', { value: loss });
    requireObject(values, `options.${loss}`);
    requireCount(values, `options.${loss}`, MAX_OPTIONS);
    out[loss] = {};
    for (const [name, value] of Object.entries(values)) {
      const field = `options.${loss}.${quote(name)}`;
      if (!NAME.test(name)) fail('field', 'fieldType', { field, expected: { key: 'share.expectName' } });
      const optSpec = spec && spec.options.find((o) => o.name === name);
      if (spec && !optSpec) fail('field', 'unknownOption', { loss, value: name });
      out[loss][name] = checkOptionValue(value, field, optSpec);
    }
  }
  return out;
}

function checkData(data, known) {
  if (data === null) return null;
  if (!isPlainObject(data)) fail('field', 'fieldType', { field: 'data', expected: { key: 'share.expectData' } });
  requireObject(data, 'data', DATA_KEYS);
  const out = {
    predictions: requireText(data.predictions, 'data.predictions', MAX_TEXT_CHARS),
    targets: requireText(data.targets, 'data.targets', MAX_TEXT_CHARS),
    extra: {},
  };
  requireObject(data.extra, 'data.extra');
  requireCount(data.extra, 'data.extra', MAX_EXTRA);
  for (const [key, text] of Object.entries(data.extra)) {
    const m = EXTRA_KEY.exec(key);
    if (!m) fail('field', 'fieldType', { field: `data.extra.${quote(key)}`, expected: { key: 'share.expectExtraKey' } });
    const spec = known && known.get(m[1]);
    if (known && !spec) fail('field', 'unknownLoss', { value: m[1] });
    if (spec && !spec.args.some((a) => a.name === m[2])) fail('field', 'unknownArg', { loss: m[1], value: m[2] });
    out.extra[key] = requireText(text, `data.extra.${key}`, MAX_TEXT_CHARS);
  }
  return out;
}

function checkColumn(value, field) {
  if (value === null) return null;
  if (typeof value === 'string' && value.length <= MAX_COLUMN_CHARS) return value;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e6) return value;
  return fail('field', 'fieldType', { field, expected: { key: 'share.expectColumn' } });
}

function checkColumns(columns) {
  if (columns === null) return null;
  if (!isPlainObject(columns)) fail('field', 'fieldType', { field: 'columns', expected: { key: 'share.expectColumns' } });
  requireObject(columns, 'columns', COLUMN_KEYS);
  return { prediction: checkColumn(columns.prediction, 'columns.prediction'), target: checkColumn(columns.target, 'columns.target') };
}

// The outlier experiment: null (off) or {residual} (a finite number).
function checkOutlier(outlier) {
  if (outlier === null) return null;
  if (!isPlainObject(outlier)) fail('field', 'fieldType', { field: 'outlier', expected: { key: 'share.expectOutlier' } });
  for (const key of Object.keys(outlier)) {
    if (!OUTLIER_KEYS.includes(key) && !OUTLIER_OPTIONAL.includes(key)) fail('field', 'fieldUnknown', { field: `outlier.${quote(key)}` });
  }
  if (!('residual' in outlier)) fail('field', 'fieldMissing', { field: 'outlier.residual' });
  if (typeof outlier.residual !== 'number' || !Number.isFinite(outlier.residual)) {
    fail('field', 'fieldType', { field: 'outlier.residual', expected: { key: 'share.expectFinite' } });
  }
  if ('on' in outlier && typeof outlier.on !== 'boolean') fail('field', 'fieldType', { field: 'outlier.on', expected: { key: 'share.expectBoolean' } });
  return { residual: outlier.residual, on: outlier.on !== false };
}

// The hints the reader closed: their ids, as compute/hints.js names them.
function checkDismissed(list) {
  if (!Array.isArray(list) || !list.every((id) => typeof id === 'string' && HINT_ID.test(id))) {
    fail('field', 'fieldType', { field: 'dismissed', expected: { key: 'share.expectNames' } });
  }
  requireCount(list, 'dismissed', MAX_DISMISSED);
  return [...new Set(list)];
}

// A switch: true or false.
function checkFlag(value, field) {
  if (typeof value !== 'boolean') fail('field', 'fieldType', { field, expected: { key: 'share.expectBoolean' } });
  return value;
}

// How the boxes are read: null, or {split, commas: {predictions, targets}}.
function checkReading(reading) {
  if (reading === null) return null;
  const expected = { key: 'share.expectObject' };
  if (!isPlainObject(reading)) fail('field', 'fieldType', { field: 'reading', expected });
  requireObject(reading, 'reading', READING_KEYS);
  if (!SPLITS.includes(reading.split)) fail('field', 'fieldType', { field: 'reading.split', expected: { key: 'share.expectText' } });
  if (!isPlainObject(reading.commas)) fail('field', 'fieldType', { field: 'reading.commas', expected });
  requireObject(reading.commas, 'reading.commas', DATA_KEYS.slice(0, 2));
  for (const box of DATA_KEYS.slice(0, 2)) {
    if (!COMMAS.includes(reading.commas[box])) fail('field', 'fieldType', { field: `reading.commas.${box}`, expected: { key: 'share.expectText' } });
  }
  return { split: reading.split, commas: { predictions: reading.commas.predictions, targets: reading.commas.targets } };
}

const isFinite = (v) => typeof v === 'number' && Number.isFinite(v);

function checkFinite(value, field) {
  if (!isFinite(value)) fail('field', 'fieldType', { field, expected: { key: 'share.expectFinite' } });
  return value;
}

// The fit view's state (see state/store.js): texts, losses with their
// options, the optimiser and its start, a moved point, the preset.
function checkFit(fit, known) {
  if (fit === null) return null;
  if (!isPlainObject(fit)) fail('field', 'fieldType', { field: 'fit', expected: { key: 'share.expectObject' } });
  for (const key of Object.keys(fit)) {
    if (!FIT_KEYS.includes(key) && !FIT_OPTIONAL.includes(key)) fail('field', 'fieldUnknown', { field: `fit.${quote(key)}` });
  }
  for (const key of FIT_KEYS) if (!(key in fit)) fail('field', 'fieldMissing', { field: `fit.${key}` });
  const losses = checkLosses(fit.losses, known);
  const options = checkOptions(fit.options, known);
  for (const [loss, values] of Object.entries(options)) {
    for (const [name, v] of Object.entries(values)) if (typeof v !== 'number') fail('field', 'fieldType', { field: `fit.options.${loss}.${name}`, expected: { key: 'share.expectFinite' } });
  }
  if (!OPTIMIZERS.includes(fit.optimizer)) fail('field', 'fieldType', { field: 'fit.optimizer', expected: { key: 'share.expectOptimizer' } });
  if (!isFinite(fit.lr) || !(fit.lr > 0)) fail('field', 'fieldType', { field: 'fit.lr', expected: { key: 'share.expectPositive' } });
  if (!Number.isInteger(fit.steps) || fit.steps < 1 || fit.steps > MAX_STEPS) fail('field', 'fieldType', { field: 'fit.steps', expected: { key: 'share.expectSteps', params: { max: MAX_STEPS } } });
  if (!Array.isArray(fit.start) || fit.start.length !== 2) fail('field', 'fieldType', { field: 'fit.start', expected: { key: 'share.expectPair' } });
  const out = {
    x: requireText(fit.x, 'fit.x', MAX_FIT_TEXT_CHARS),
    y: requireText(fit.y, 'fit.y', MAX_FIT_TEXT_CHARS),
    losses,
    options,
    optimizer: fit.optimizer,
    lr: fit.lr,
    steps: fit.steps,
    start: [checkFinite(fit.start[0], 'fit.start'), checkFinite(fit.start[1], 'fit.start')],
    moved: null,
    preset: null,
  };
  const moved = fit.moved === undefined ? null : fit.moved;
  if (moved !== null) {
    if (!isPlainObject(moved)) fail('field', 'fieldType', { field: 'fit.moved', expected: { key: 'share.expectObject' } });
    requireObject(moved, 'fit.moved', ['index', 'y']);
    if (!Number.isInteger(moved.index) || moved.index < 0 || moved.index >= 1e6) fail('field', 'fieldType', { field: 'fit.moved.index', expected: { key: 'share.expectWhole' } });
    out.moved = { index: moved.index, y: checkFinite(moved.y, 'fit.moved.y') };
  }
  const preset = fit.preset === undefined ? null : fit.preset;
  if (preset !== null && (typeof preset !== 'string' || !NAME.test(preset))) fail('field', 'fieldType', { field: 'fit.preset', expected: { key: 'share.expectName' } });
  out.preset = preset;
  const split = fit.split === undefined ? null : fit.split;
  if (split !== null && split !== 'x' && split !== 'y') fail('field', 'fieldType', { field: 'fit.split', expected: { key: 'share.expectBox' } });
  if (split) out.split = split; // left out when none: links without it read as before
  return out;
}

// The registry (lp.losses) as a name -> entry map, or null to skip the
// checks that need it.
function knownLosses(registry) {
  if (!registry) return null;
  const list = Array.isArray(registry) ? registry : registry.losses;
  return new Map(list.map((l) => [l.name, l]));
}

/**
 * Checks a state object and returns a fresh copy with the keys in their
 * canonical order. Throws a ShareLinkError naming the first problem.
 */
export function validate(raw, registry) {
  requireObject(raw, 'state');
  if (!('v' in raw)) fail('field', 'fieldMissing', { field: 'v' });
  checkVersion(raw.v); // first: another version may have other fields
  requireObject(raw, 'state', KEYS);
  const known = knownLosses(registry);
  if (raw.lang !== 'zh' && raw.lang !== 'en') fail('field', 'fieldType', { field: 'lang', expected: { key: 'share.expectLang' } });
  if (raw.theme !== null && raw.theme !== 'light' && raw.theme !== 'dark') fail('field', 'fieldType', { field: 'theme', expected: { key: 'share.expectTheme' } });
  if (!REDUCTIONS.includes(raw.reduction)) fail('field', 'fieldType', { field: 'reduction', expected: { key: 'share.expectReduction', params: { list: REDUCTIONS.join(', ') } } });
  if (raw.digits !== undefined && !DIGITS.includes(raw.digits)) fail('field', 'fieldType', { field: 'digits', expected: { key: 'share.expectDigits' } });
  const out = {
    v: VERSION,
    lang: raw.lang,
    theme: raw.theme,
    reduction: raw.reduction,
    losses: checkLosses(raw.losses, known),
    options: checkOptions(raw.options, known),
    data: checkData(raw.data, known),
    columns: checkColumns(raw.columns),
    outlier: checkOutlier(raw.outlier === undefined ? null : raw.outlier),
    dismissed: checkDismissed(raw.dismissed === undefined ? [] : raw.dismissed),
  };
  // Written only when on, so links without it stay as they were.
  if (raw.logScale !== undefined) out.logScale = checkFlag(raw.logScale, 'logScale');
  if (raw.digits !== undefined) out.digits = raw.digits; // optional: left out, links read as before
  // Only when the boxes are not read as typed: links without it stay as they were.
  const reading = checkReading(raw.reading === undefined ? null : raw.reading);
  if (reading) out.reading = reading;
  // The fit lab's keys: left out for the scores view and a fit never opened, so older links stay as they were.
  if (raw.view !== undefined && !VIEWS.includes(raw.view)) fail('field', 'fieldType', { field: 'view', expected: { key: 'share.expectView' } });
  if (raw.view === 'fit') out.view = 'fit';
  const fit = checkFit(raw.fit === undefined ? null : raw.fit, known);
  if (fit) out.fit = fit;
  return out;
}

// What the page may leave out when it encodes: filled with the empty value.
export function withDefaults(state) {
  if (!isPlainObject(state)) return state;
  const full = Object.assign({ v: VERSION, theme: null, options: {}, columns: null, outlier: null, dismissed: [] }, state);
  if (isPlainObject(full.data) && !('extra' in full.data)) full.data = Object.assign({ extra: {} }, full.data);
  return full;
}

