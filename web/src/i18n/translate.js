/* The one translator: Simplified Chinese and English, by key, from the
 * string tables in strings/. Pure: the language is always given (it lives
 * in the state store), so any module can translate without a shared global.
 *
 *   const tr = translator('zh');
 *   tr.t('info.read', { what: '3 个数' });   // {name} placeholders
 *   tr.t('x', { count: 1 });                 // "{count|# number|# numbers}": plural forms
 *   tr.pick(loss, 'title');                  // loss.titleZh or loss.titleEn
 *   tr.error(e);                             // a LossPlayError or ReadError, by code
 *
 * Numbers stay ASCII digits so they can be copied back. */
import { PAGE_TABLES } from './strings/index.js';

const table = Object.create(null);
for (const strings of Object.values(PAGE_TABLES)) Object.assign(table, strings);

/** Adds a page's own table (examples.html's), before anything is translated. */
export function addStrings(strings) {
  Object.assign(table, strings);
}

const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

/** 'zh', 'zh-CN', 'zh_Hant' -> 'zh'; 'en', 'en-GB' -> 'en'; anything else -> null. */
export function normalize(lang) {
  const s = String(lang == null ? '' : lang).trim().toLowerCase();
  if (/^zh(?:$|[-_])/.test(s)) return 'zh';
  if (/^en(?:$|[-_])/.test(s)) return 'en';
  return null;
}

const langOf = (lang) => normalize(lang) || 'en';

export const has = (key) => hasOwn(table, key);
export const keys = () => Object.keys(table);
export const entry = (key) => (hasOwn(table, key) ? Object.assign({}, table[key]) : undefined);

// Array params read "[2, 3]"; numbers are written as the page writes them.
function paramText(value, lang, formatNumber) {
  if (Array.isArray(value)) return `[${value.map((v) => paramText(v, lang, formatNumber)).join(', ')}]`;
  // Non-finite numbers as the core writes them, the same in both languages.
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
  if (typeof value === 'number') return formatNumber ? formatNumber(value) : String(value);
  if (value && typeof value === 'object' && typeof value.key === 'string') return t(value.key, value.params, lang);
  return String(value);
}

// The plural category of a count: English has 'one' (1) and 'other'; Chinese only 'other'.
const plurals = new Map();
function pluralOf(n, lang) {
  if (!plurals.has(lang)) plurals.set(lang, typeof Intl !== 'undefined' && Intl.PluralRules ? new Intl.PluralRules(lang) : null);
  const rules = plurals.get(lang);
  return rules ? rules.select(n) : n === 1 ? 'one' : 'other';
}

// One pass over the template, so a value holding "{x}" is never expanded.
// {name} is the value; {name|one|other} is the form for its count, with #
// standing for the number: "{count|# number|# numbers}".
function fill(template, params, lang, formatNumber) {
  if (!params) return template;
  return template.replace(/\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g, (m, name, one, other) => {
    if (!hasOwn(params, name) || params[name] == null) return m;
    const text = paramText(params[name], lang, formatNumber);
    if (one === undefined) return text;
    const n = Number(params[name]);
    return (pluralOf(n, lang) === 'one' ? one : other).replace(/#/g, text);
  });
}

/** The text of `key` in `lang`, placeholders filled; English, then the key, when missing. */
export function t(key, params, lang, formatNumber) {
  const e = hasOwn(table, key) ? table[key] : null;
  if (!e) return String(key);
  const l = langOf(lang);
  const text = typeof e[l] === 'string' ? e[l] : typeof e.en === 'string' ? e.en : String(key);
  return fill(text, params, l, formatNumber);
}

/** entry.titleZh / entry.titleEn (or plain entry.title, as presets' label). */
export function pick(item, field, lang) {
  if (!item) return '';
  const en = item[`${field}En`] != null ? item[`${field}En`] : item[field];
  const zh = item[`${field}Zh`];
  const value = langOf(lang) === 'zh' ? (zh != null ? zh : en) : en != null ? en : zh;
  return value == null ? '' : String(value);
}

/** "3 numbers", "1 个数", "3 × 4 matrix". */
export function describeShape(shape, lang) {
  if (!shape || shape.length === 0) return t('shape.one', null, lang);
  if (shape.length === 1) return shape[0] === 1 ? t('shape.one', null, lang) : t('shape.many', { count: shape[0] }, lang);
  return t('shape.matrix', { dims: shape.join(' × ') }, lang);
}

/**
 * An error in `lang`: a LossPlayError or a read error by 'error.' + code
 * with its params; its English message only when no template has that code
 * (until every code has one). No message is ever parsed.
 */
export function translateError(error, lang, formatNumber) {
  try {
    if (error == null) return '';
    const key = typeof error.code === 'string' ? `error.${error.code}` : null;
    if (key && hasOwn(table, key)) return t(key, error.params || {}, lang, formatNumber);
    return error.message != null ? String(error.message) : String(error);
  } catch (e) {
    try {
      return error && error.message != null ? String(error.message) : String(error);
    } catch (e2) {
      return ''; // an object whose message itself throws
    }
  }
}

// The registry's texts in a language: the core's entries carry both.
/** The loss's short name in `lang` ('en' | 'zh'). */
export function shortNameOf(loss, lang) {
  return langOf(lang) === 'zh' && loss.shortZh ? loss.shortZh : loss.shortName;
}

/** An argument's shape text in `lang`. */
export function shapeOf(arg, lang) {
  return langOf(lang) === 'zh' && arg.shapeZh ? arg.shapeZh : arg.shapeEn;
}

/** An option's allowed values in `lang`: "(0, inf)", "a whole number in [1, 2]", "true or false". */
export function rangeOf(opt, lang) {
  if (langOf(lang) !== 'zh') return opt.range;
  if (opt.type === 'boolean') return 'true 或 false';
  if (opt.type === 'integer') return `${opt.interval} 内的整数`;
  return opt.interval;
}

/** Every function above bound to one language. */
export function translator(lang, formatNumber) {
  const l = langOf(lang);
  return {
    lang: l,
    t: (key, params) => t(key, params, l, formatNumber),
    pick: (item, field) => pick(item, field, l),
    shortName: (loss) => shortNameOf(loss, l),
    shape: (arg) => shapeOf(arg, l),
    range: (opt) => rangeOf(opt, l),
    describeShape: (shape) => describeShape(shape, l),
    error: (e) => translateError(e, l, formatNumber),
    both: (key, params) => ({ en: t(key, params, 'en', formatNumber), zh: t(key, params, 'zh', formatNumber) }),
  };
}

// ---- choosing the language ----

/** ?lang=zh / ?lang=en from a Location, a URL, or a string. */
export function langFromQuery(location) {
  if (!location) return null;
  let search = typeof location === 'string' ? location : location.search != null ? String(location.search) : String(location.href || '');
  const q = search.indexOf('?');
  if (q >= 0) search = search.slice(q + 1);
  search = search.split('#')[0];
  try {
    return normalize(new URLSearchParams(search).get('lang'));
  } catch (e) {
    return null;
  }
}

/** ?lang= forces a language; otherwise Chinese if any browser language is Chinese. */
export function detect(location, navigator) {
  const forced = langFromQuery(location);
  if (forced) return forced;
  const nav = navigator || {};
  const list = Array.isArray(nav.languages) || (nav.languages && nav.languages.length) ? Array.from(nav.languages) : [];
  if (nav.language) list.push(nav.language);
  return list.some((l) => normalize(l) === 'zh') ? 'zh' : 'en';
}

// ---- the document ----

// data-i18n sets textContent; data-i18n-<attr> sets that attribute, for
// these attributes only (never an event handler or a URL).
const ATTRIBUTES = ['aria-label', 'placeholder', 'title', 'content', 'alt'];
const SELECTOR = ['[data-i18n]', ...ATTRIBUTES.map((a) => `[data-i18n-${a}]`)].join(',');

function applyOne(node, lang) {
  const key = node.getAttribute('data-i18n');
  if (key && hasOwn(table, key)) node.textContent = t(key, null, lang);
  for (const attr of ATTRIBUTES) {
    const k = node.getAttribute(`data-i18n-${attr}`);
    if (k && hasOwn(table, k)) node.setAttribute(attr, t(k, null, lang));
  }
}

/** Translates the data-i18n elements under `root` (a document, shadow root or element). */
export function applyTo(root, lang) {
  if (!root || typeof root.querySelectorAll !== 'function') return;
  if (typeof root.matches === 'function' && root.matches(SELECTOR)) applyOne(root, lang);
  for (const node of root.querySelectorAll(SELECTOR)) applyOne(node, lang);
}
