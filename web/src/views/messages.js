/* Turns compute's error and message data into text in the page's language:
 * {label, error} reads "<label>: <message>." and {message: {key, params}}
 * is a template whose params may name registry texts ({pick}, {range}). */

// Registry texts a param may point at, read in the current language.
function resolve(params, tr) {
  const out = {};
  for (const [k, v] of Object.entries(params || {})) {
    if (v && typeof v === 'object' && v.pick) out[k] = tr.pick(v.pick, v.field);
    else if (v && typeof v === 'object' && v.range) out[k] = tr.range(v.range);
    else out[k] = v;
  }
  return out;
}

/** The text of a message descriptor: {key, params}, {text} or an error. */
export function messageText(m, tr) {
  if (m == null) return '';
  if (typeof m === 'string') return m;
  if (m instanceof Error || typeof m.code === 'string') return errorText(m, tr);
  if (m.key) return tr.t(m.key, resolve(m.params, tr));
  return String(m.text == null ? '' : m.text);
}

/** An error's text: a share link's by key, anything else by code. */
export function errorText(e, tr) {
  if (e && typeof e.key === 'string' && e.params) return tr.t(e.key, e.params);
  return tr.error(e);
}

/** One line of the alert box. */
export function alertText(item, tr) {
  if (item.message) return messageText(item.message, tr);
  const label = typeof item.label === 'string' ? item.label : tr.t(item.label.key);
  return tr.t('error.labelled', { label, message: errorText(item.error, tr) });
}
