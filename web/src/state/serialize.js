/* The state's (de)serialisations: the share link's JSON, embed parameters
 * (preset=, losses=, data=, options=, panels=, theme=, lang=) and presets.
 * Each reads into the link's shape and through state/schema.js's validate(),
 * the one schema, then becomes a store patch. */
import { validate } from './schema.js';
import { PRESETS } from './presets.js';
import { initialState } from './store.js';

const DEFAULT_OUTLIER = initialState().outlier;
import { lossForAlias } from '../losses/index.js';

const EMBED_PANELS = ['data', 'results', 'charts'];

// Option text from the store as the link's number, or undefined when it is not one.
function optionValue(opt, given) {
  if (opt.type === 'boolean') return given === undefined ? opt.default : Boolean(given);
  if (given === undefined) return opt.default;
  const text = String(given).trim();
  const value = Number(text);
  return text !== '' && Number.isFinite(value) ? value : undefined;
}

/** The link's state for `state` (everything a link needs to reopen this exact view). */
export function toLink(state, lp, derived = {}) {
  const selected = lp.losses.filter((l) => state.losses.includes(l.name));
  const options = {};
  const extra = {};
  for (const loss of selected) {
    options[loss.name] = {};
    for (const opt of loss.options) {
      const v = optionValue(opt, state.options[loss.name] && state.options[loss.name][opt.name]);
      if (v !== undefined) options[loss.name][opt.name] = v;
    }
    for (const arg of loss.args) {
      const key = `${loss.name}:${arg.name}`;
      if (state.extra[key]) extra[key] = state.extra[key];
    }
  }
  const residual = Number(String(state.outlier.residual).trim());
  const link = {
    v: 1,
    lang: state.lang,
    theme: state.theme === 'light' || state.theme === 'dark' ? state.theme : null,
    reduction: state.reduction,
    losses: selected.map((l) => l.name),
    options,
    data: { predictions: state.texts.predictions, targets: state.texts.targets, extra },
    columns: derived.columnsShown ? derived.columns : null,
    // The residual travels when it is a number, on or off: the box shows it either way.
    outlier: String(state.outlier.residual).trim() !== '' && Number.isFinite(residual) && (state.outlier.on || residual !== Number(DEFAULT_OUTLIER.residual))
      ? { residual, on: Boolean(state.outlier.on) } : null,
    dismissed: state.dismissed.slice(),
    ...(state.digits === 'fixed' ? { digits: 'fixed' } : {}), // the default format stays out of the link
  };
  if (state.logScale) link.logScale = true; // the loss curves' log axis; off is left out
  if (state.view === 'fit') link.view = 'fit'; // the scores view, the default, is left out
  if (state.fit) link.fit = fitLink(state.fit, lp);
  const reading = readingOf(state);
  if (reading) link.reading = reading;
  return link;
}

// The fit view's state as the link holds it (its losses in the view's order, numbers as numbers).
function fitLink(fit, lp) {
  const known = new Set(lp.losses.map((l) => l.name));
  const losses = fit.losses.filter((n) => known.has(n));
  // Every loss's options, selected or not: a δ set and its loss unticked comes back as it was.
  const options = {};
  for (const [name, given] of Object.entries(fit.options)) {
    if (!known.has(name) || !given) continue;
    for (const [k, v] of Object.entries(given)) {
      if (typeof v === 'number' && Number.isFinite(v)) (options[name] = options[name] || {})[k] = v;
    }
  }
  const link = { x: fit.x, y: fit.y, losses, options, optimizer: fit.optimizer, lr: fit.lr, steps: fit.steps, start: fit.start.slice() };
  if (fit.moved) link.moved = { index: fit.moved.index, y: fit.moved.y };
  if (fit.preset) link.preset = fit.preset;
  if (fit.split) link.split = fit.split;
  return link;
}

// How the boxes are read, or null when as typed (the link stays short).
function readingOf(state) {
  const commas = { predictions: (state.commas && state.commas.predictions) || null, targets: (state.commas && state.commas.targets) || null };
  const split = state.split || null;
  return split || commas.predictions || commas.targets ? { split, commas } : null;
}

// A link's options as the store keeps them (number boxes hold text).
function storeOptions(options) {
  const out = {};
  for (const [loss, values] of Object.entries(options)) {
    out[loss] = {};
    for (const [name, v] of Object.entries(values)) out[loss][name] = typeof v === 'boolean' ? v : String(v);
  }
  return out;
}

/** A validated link state as a patch (data: null leaves the texts alone). */
export function fromLink(link) {
  const patch = {
    lang: link.lang,
    theme: link.theme || 'auto',
    reduction: link.reduction,
    losses: link.losses.slice(),
    options: storeOptions(link.options),
    outlier: link.outlier ? { on: link.outlier.on !== false, residual: String(link.outlier.residual) } : Object.assign({}, DEFAULT_OUTLIER),
    dismissed: (link.dismissed || []).slice(),
    logScale: Boolean(link.logScale),
  };
  patch.digits = link.digits || 'sig';
  if (link.data) {
    patch.texts = { predictions: link.data.predictions, targets: link.data.targets };
    patch.extra = Object.assign({}, link.data.extra);
  }
  if (link.columns && Number.isInteger(link.columns.prediction) && Number.isInteger(link.columns.target)) patch.columns = link.columns;
  patch.split = link.reading ? link.reading.split : null;
  patch.commas = link.reading ? Object.assign({}, link.reading.commas) : {};
  patch.view = link.view === 'fit' ? 'fit' : 'scores';
  if (link.fit) patch.fit = fitState(link.fit);
  return patch;
}

// A validated link's fit as the store keeps it (fresh objects: the store's state is frozen).
function fitState(fit) {
  const options = {};
  for (const [loss, values] of Object.entries(fit.options)) options[loss] = Object.assign({}, values);
  return {
    x: fit.x, y: fit.y, losses: fit.losses.slice(), options, optimizer: fit.optimizer, lr: fit.lr, steps: fit.steps,
    start: fit.start.slice(), moved: fit.moved ? Object.assign({}, fit.moved) : null, preset: fit.preset || null, split: fit.split || null,
  };
}

function merged(base, add) {
  const out = Object.assign({}, base);
  for (const [loss, values] of Object.entries(add)) out[loss] = Object.assign({}, out[loss], values);
  return out;
}

/** Loading a preset: its numbers, its losses and its options, checked by the schema. */
export function presetPatch(preset, state, lp) {
  const link = validate({
    v: 1, lang: state.lang, theme: null, reduction: state.reduction, losses: preset.losses,
    options: preset.options || {}, data: { predictions: preset.predictions, targets: preset.targets, extra: {} }, columns: null,
  }, lp);
  return { texts: link.data, losses: link.losses, options: merged(state.options, storeOptions(link.options)) };
}

/** A loss named by an embed: conformance name, short name or alias; null if none. */
export function lossNamed(lp, name) {
  const key = name.trim().toLowerCase();
  const byName = lp.losses.find((l) => l.name === key || l.shortName.toLowerCase() === key);
  if (byName) return byName.name;
  const alias = lossForAlias(key);
  return alias && lp.loss(alias) ? alias : null;
}

/**
 * preset=, losses=, data= and options= of an embed (or of a link built like
 * one, such as the shortcode's fallback), with panels=, theme= and lang= in
 * an embed: {patch, unknown: [names of unknown losses]}.
 */
export function embedPatch(params, state, lp, embed) {
  const preset = PRESETS.find((p) => p.id === params.get('preset'));
  const base = preset ? Object.assign({}, state, presetPatch(preset, state, lp)) : state;
  const texts = preset ? base.texts : embed ? { predictions: '', targets: '' } : state.texts;
  let losses = base.losses;
  const unknown = [];
  if (params.get('losses')) {
    const names = new Set();
    for (const item of params.get('losses').split(',').filter((s) => s.trim())) {
      const name = lossNamed(lp, item);
      if (name) names.add(name);
      else unknown.push(item.trim());
    }
    losses = lp.losses.filter((l) => names.has(l.name)).map((l) => l.name);
  }
  let data = texts;
  if (params.has('data')) {
    // "ŷ | y", with ";" between the rows of a matrix.
    const [p, y = ''] = params.get('data').split('|');
    data = { predictions: p.trim().replace(/\s*;\s*/g, '\n'), targets: y.trim().replace(/\s*;\s*/g, '\n') };
  }
  const options = {};
  for (const item of (params.get('options') || '').split(',').filter((s) => s.includes(':'))) {
    const [path, value] = item.split(':');
    const [lossPart, option] = path.split('.');
    const name = lossNamed(lp, lossPart || '');
    const opt = name && lp.loss(name).options.find((o) => o.name === (option || '').trim());
    if (!opt) continue;
    const v = opt.type === 'boolean' ? value.trim() === 'true' : Number(value.trim());
    if (typeof v === 'boolean' || Number.isFinite(v)) (options[name] = options[name] || {})[opt.name] = v;
  }
  const lang = embed && params.get('lang') ? params.get('lang') : null;
  const link = validate({
    v: 1,
    lang: lang === 'zh' || lang === 'en' ? lang : state.lang,
    theme: embed && (params.get('theme') === 'light' || params.get('theme') === 'dark') ? params.get('theme') : null,
    reduction: state.reduction, losses, options, data: { predictions: data.predictions, targets: data.targets, extra: {} }, columns: null,
  }, lp);
  const patch = {
    texts: link.data,
    losses: link.losses,
    options: merged(base.options, storeOptions(link.options)),
    lang: link.lang,
  };
  // view=fit: the fit lab (an embed then shows only it).
  if (params.get('view') === 'fit') patch.view = 'fit';
  if (embed) {
    patch.embed = true;
    patch.theme = link.theme || (params.get('theme') ? 'auto' : state.theme);
    patch.panels = (params.get('panels') || EMBED_PANELS.join(',')).split(',').map((p) => p.trim());
  }
  return { patch, unknown };
}
