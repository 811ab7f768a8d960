/* Share links: the state (as state/schema.js checks it) in one URL parameter `s`.
 *
 *   const s = await encode(state);             // "eyJ2Ijox….AbCdEf" or "z…….AbCdEf"
 *   const state = await decode(s, lp);         // rejects with a ShareLinkError
 *   writeToUrl(state);                         // debounced history.replaceState
 *   const state = await readFromUrl(location); // null when no link state
 *
 * Format of `s`: BODY "." CHECK. BODY is the base64url (no padding) of the
 * state's JSON in UTF-8, or "z" followed by the base64url of that JSON
 * compressed with deflate-raw, whichever is shorter. CHECK is the CRC-32 of
 * the JSON bytes in base64url (6 characters): a link cut short or altered in
 * transit is refused instead of silently changing someone's numbers.
 *
 * The parameter goes in the URL's fragment (#s=…), never the query string,
 * so pasted data is not sent to the server that hosts the page. readFromUrl
 * also accepts ?s=… links. Decoding is all or nothing. */
import {
  ShareLinkError, validate, withDefaults, VERSION, PARAM, URL_BUDGET, WRITE_DELAY_MS,
  MAX_PARAM_CHARS, MAX_JSON_BYTES,
} from './schema.js';

export { ShareLinkError, validate, VERSION, PARAM, URL_BUDGET, WRITE_DELAY_MS };

const root = typeof self !== 'undefined' ? self : globalThis;
const fail = (reason, key, vars, lead) => {
  throw new ShareLinkError(reason, key, vars, lead);
};

// ---- bytes: base64url and CRC-32 ----

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

function toBase64url(bytes) {
  const out = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out.push(ALPHABET[n >> 18], ALPHABET[(n >> 12) & 63], ALPHABET[(n >> 6) & 63], ALPHABET[n & 63]);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out.push(ALPHABET[n >> 18], ALPHABET[(n >> 12) & 63]);
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out.push(ALPHABET[n >> 18], ALPHABET[(n >> 12) & 63], ALPHABET[(n >> 6) & 63]);
  }
  return out.join('');
}

// Strict: only the alphabet, no padding, and the unused low bits of the
// last character must be zero (so a changed last character is noticed).
function fromBase64url(text) {
  if (text.length % 4 === 1) fail('base64', 'badLength');
  const values = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? LOOKUP[code] : -1;
    if (v < 0) fail('base64', 'badChars');
    values[i] = v;
  }
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 3 < text.length; i += 4) {
    const n = (values[i] << 18) | (values[i + 1] << 12) | (values[i + 2] << 6) | values[i + 3];
    bytes[o++] = n >> 16;
    bytes[o++] = (n >> 8) & 255;
    bytes[o++] = n & 255;
  }
  const rest = text.length - i;
  if (rest === 2) {
    if (values[i + 1] & 15) fail('base64', 'badChars');
    bytes[o++] = (values[i] << 2) | (values[i + 1] >> 4);
  } else if (rest === 3) {
    if (values[i + 2] & 3) fail('base64', 'badChars');
    const n = (values[i] << 10) | (values[i + 1] << 4) | (values[i + 2] >> 2);
    bytes[o++] = n >> 8;
    bytes[o++] = n & 255;
  }
  return bytes;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function checkCode(bytes) {
  const c = crc32(bytes);
  return toBase64url(new Uint8Array([c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]));
}

// ---- compression ----

const canCompress = () => typeof CompressionStream === 'function' && typeof Response === 'function';
const canDecompress = () => typeof DecompressionStream === 'function';

async function deflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Reads at most `limit` bytes, so a small link cannot unpack into gigabytes.
async function inflate(bytes, limit) {
  if (!canDecompress()) fail('unsupported', 'noUnpack');
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    let step;
    try {
      step = await reader.read();
    } catch (e) {
      fail('compression', 'unpack', { detail: (e && e.message) || String(e) });
    }
    if (step.done) break;
    total += step.value.length;
    if (total > limit) {
      reader.cancel().catch(() => {});
      fail('size', 'tooBig', { max: limit });
    }
    chunks.push(step.value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// ---- encoding and decoding ----

const utf8 = new TextEncoder();

async function encodeChecked(state) {
  const bytes = utf8.encode(JSON.stringify(state));
  let body = toBase64url(bytes);
  // Short JSON never shrinks; skip the work.
  if (bytes.length > 96 && canCompress()) {
    const packed = 'z' + toBase64url(await deflate(bytes));
    if (packed.length < body.length) body = packed;
  }
  return `${body}.${checkCode(bytes)}`;
}

/**
 * The `s` parameter for `state` (every field, data included). Throws a
 * ShareLinkError if the state itself is malformed: that is a bug in the
 * caller, not a damaged link.
 */
export async function encode(state) {
  return encodeChecked(validate(withDefaults(state)));
}

/**
 * Like encode, but when the result is longer than `maxChars` the data are
 * left out (data: null): {param, truncated, length}.
 */
export async function encodeLimited(state, maxChars = URL_BUDGET) {
  const checked = validate(withDefaults(state));
  const param = await encodeChecked(checked);
  if (param.length <= maxChars || checked.data === null) return { param, truncated: false, length: param.length };
  const small = await encodeChecked(Object.assign({}, checked, { data: null }));
  return { param: small, truncated: true, length: small.length };
}

/**
 * The state in `param`. Rejects with a ShareLinkError (message in the
 * page's language, reason code in .reason) and returns nothing partial.
 * With `registry` (lp or lp.losses) unknown losses, options and arguments
 * are refused too.
 */
export async function decode(param, registry) {
  if (typeof param !== 'string') fail('field', 'notALink');
  const text = param.trim();
  if (text.length > MAX_PARAM_CHARS) fail('size', 'tooLong', { length: text.length, max: MAX_PARAM_CHARS });
  if (text === '') fail('base64', 'empty');
  const dot = text.lastIndexOf('.');
  if (dot < 0 || text.length - dot - 1 !== 6) fail('check', 'endMissing');
  const code = text.slice(dot + 1);
  fromBase64url(code); // only its characters are checked here
  const packed = text[0] === 'z';
  let bytes = fromBase64url(text.slice(packed ? 1 : 0, dot));
  if (packed) bytes = await inflate(bytes, MAX_JSON_BYTES);
  else if (bytes.length > MAX_JSON_BYTES) fail('size', 'tooBig', { max: MAX_JSON_BYTES });
  if (checkCode(bytes) !== code) fail('checksum', 'checksum');
  let json;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    fail('json', 'notText');
  }
  let raw;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    fail('json', 'notJson', { detail: e.message });
  }
  return validate(raw, registry);
}

// ---- the URL ----

// The fragment as its '&'-separated parts, anything not ours kept verbatim.
function fragmentParts(hash) {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body === '' ? [] : body.split('&');
}

const isOurs = (part) => part === PARAM || part.startsWith(`${PARAM}=`);

function withoutParam(href) {
  const url = new URL(href);
  url.hash = fragmentParts(url.hash).filter((p) => !isOurs(p)).join('&');
  return url;
}

function withParam(url, param) {
  const copy = new URL(url.href);
  const parts = fragmentParts(copy.hash).filter((p) => !isOurs(p));
  parts.push(`${PARAM}=${param}`);
  copy.hash = parts.join('&');
  return copy.href;
}

// A link pasted through a tool that percent-encodes still reads.
function unescapePart(text) {
  try {
    return decodeURIComponent(text);
  } catch (e) {
    return fail('base64', 'badChars');
  }
}

/** The `s` value in a URL (fragment first, then query), or null. */
function paramFrom(href) {
  const url = new URL(href);
  for (const part of fragmentParts(url.hash)) {
    if (part.startsWith(`${PARAM}=`)) return unescapePart(part.slice(PARAM.length + 1));
  }
  return url.searchParams.get(PARAM);
}

/**
 * The link for `state` from the page at `href` (default: the current
 * page): {url, param, truncated}. Keeps the URL within URL_BUDGET
 * characters by leaving the data out when it must.
 */
export async function linkFor(state, href = root.location.href) {
  const base = withoutParam(href);
  const room = Math.max(256, URL_BUDGET - base.href.length - PARAM.length - 3);
  const { param, truncated } = await encodeLimited(state, room);
  return { url: withParam(base, param), param, truncated };
}

// Writes run one after another, so an older, slower encoding can never
// overwrite a newer state.
let chain = Promise.resolve();
let pending = null;

async function writeNow(state) {
  const link = await linkFor(state, root.location.href);
  try {
    root.history.replaceState(root.history.state, '', link.url);
    return Object.assign({ written: true }, link);
  } catch (e) {
    // Some pages (sandboxed frames, some file:// cases) refuse URL changes.
    return Object.assign({ written: false, error: e }, link);
  }
}

/**
 * Puts `state` in the current URL with history.replaceState, after
 * WRITE_DELAY_MS without a newer call (options.delay overrides; 0 writes
 * at once). Never navigates and keeps every other part of the URL.
 * Resolves to {url, param, truncated, written}; every call that a later
 * one replaced resolves with the later call's result.
 */
export function writeToUrl(state, options = {}) {
  const delay = options.delay === undefined ? WRITE_DELAY_MS : options.delay;
  if (!pending) pending = { waiters: [] };
  clearTimeout(pending.timer);
  pending.state = state;
  const job = pending;
  const promise = new Promise((resolve, reject) => job.waiters.push({ resolve, reject }));
  job.timer = setTimeout(() => {
    if (pending === job) pending = null;
    chain = chain.then(() => writeNow(job.state)).then(
      (result) => job.waiters.forEach((w) => w.resolve(result)),
      (error) => job.waiters.forEach((w) => w.reject(error)));
  }, delay);
  return promise;
}

/** Removes `s` from the current URL (other parts kept). */
export function clearUrl() {
  if (pending) {
    clearTimeout(pending.timer);
    pending.waiters.forEach((w) => w.resolve({ written: false, cancelled: true }));
    pending = null;
  }
  const url = withoutParam(root.location.href);
  root.history.replaceState(root.history.state, '', url.href);
}

/**
 * The state in `location` (a Location, URL or string; default the current
 * page): resolves to null when there is no `s`, rejects with a
 * ShareLinkError when there is one and it is damaged.
 */
export async function readFromUrl(location, registry) {
  const where = location === undefined ? root.location : location;
  const href = typeof where === 'string' ? where : where.href;
  const param = paramFrom(href);
  return param === null ? null : decode(param, registry);
}


// For the tests.
export const _base64url = { encode: toBase64url, decode: fromBase64url };
export const _crc32 = crc32;
