/* Share links: the whole page state in one URL parameter `s`.
 *
 *   const s = await ui.share.encode(state);      // "eyJ2Ijox….AbCdEf" or "z…….AbCdEf"
 *   const state = await ui.share.decode(s);      // rejects with a ShareLinkError
 *   ui.share.writeToUrl(state);                   // debounced history.replaceState
 *   const state = await ui.share.readFromUrl(location);   // null when no link state
 *
 * Format of `s`: BODY "." CHECK. BODY is the base64url (no padding) of the
 * state's JSON in UTF-8, or "z" followed by the base64url of that JSON
 * compressed with deflate-raw, whichever is shorter. CHECK is the CRC-32 of
 * the JSON bytes in base64url (6 characters): a link cut short or altered in
 * transit is refused instead of silently changing someone's numbers.
 *
 * The parameter goes in the URL's fragment (#s=…), never the query string,
 * so pasted data is not sent to the server that hosts the page when someone
 * opens the link. readFromUrl also accepts ?s=… links.
 *
 * Decoding is all or nothing: a damaged link rejects with a message saying
 * why, and no part of it is returned. Text in the state is data only: this
 * file never puts it into markup. */
(function (ui) {
  'use strict';

  const root = typeof self !== 'undefined' ? self : globalThis;

  const STRINGS = {
    damaged: { en: 'This link is damaged: {why}. Nothing from it was applied.', zh: '此链接已损坏：{why}。链接中的内容均未应用。' },
    cannotOpen: { en: 'This link cannot be opened: {why}. Nothing from it was applied.', zh: '无法打开此链接：{why}。链接中的内容均未应用。' },
    notALink: { en: 'it is not text', zh: '它不是文本' },
    tooLong: { en: 'it is too long ({length} characters; at most {max})', zh: '它太长了（{length} 个字符，最多 {max} 个）' },
    empty: { en: 'it is empty', zh: '它是空的' },
    endMissing: { en: 'its end is missing (it may have been cut off when it was copied)', zh: '它的结尾缺失（可能在复制时被截断了）' },
    badChars: { en: 'it contains characters that cannot appear in a lossplay link', zh: '其中含有 lossplay 链接中不可能出现的字符' },
    badLength: { en: 'its encoded part has an impossible length (part of it is missing or was added)', zh: '其编码部分的长度不可能出现（有内容丢失或被添加）' },
    unpack: { en: 'its compressed part cannot be unpacked ({detail})', zh: '其压缩部分无法解压（{detail}）' },
    noUnpack: { en: 'this browser cannot unpack compressed links (it has no DecompressionStream)', zh: '此浏览器无法解压压缩链接（不支持 DecompressionStream）' },
    tooBig: { en: 'it unpacks to more than {max} bytes', zh: '解压后超过 {max} 字节' },
    checksum: { en: 'its check code does not match its content (part of it was lost or changed)', zh: '校验码与内容不符（部分内容丢失或被改动）' },
    notText: { en: 'its content is not valid UTF-8 text', zh: '其内容不是有效的 UTF-8 文本' },
    notJson: { en: 'its content is not valid JSON ({detail})', zh: '其内容不是有效的 JSON（{detail}）' },
    version: { en: 'it was made by another version of lossplay (link version {got}; this page reads version {want})', zh: '它由另一版本的 lossplay 生成（链接版本 {got}；本页面读取版本 {want}）' },
    fieldMissing: { en: 'the field "{field}" is missing', zh: '缺少字段“{field}”' },
    fieldUnknown: { en: 'it has a field lossplay does not know, "{field}"', zh: '其中有 lossplay 不认识的字段“{field}”' },
    fieldType: { en: 'the field "{field}" must be {expected}', zh: '字段“{field}”必须是{expected}' },
    fieldTooMany: { en: 'the field "{field}" has more than {max} entries', zh: '字段“{field}”的条目超过 {max} 个' },
    fieldTooLong: { en: 'the field "{field}" is longer than {max} characters', zh: '字段“{field}”超过 {max} 个字符' },
    fieldTwice: { en: 'the field "{field}" names "{value}" twice', zh: '字段“{field}”两次列出“{value}”' },
    unknownLoss: { en: 'it names a loss this page does not have, "{value}"', zh: '其中的损失函数“{value}”本页面没有' },
    unknownOption: { en: 'it gives {loss} an option it does not have, "{value}"', zh: '其中为 {loss} 设置了它没有的选项“{value}”' },
    unknownArg: { en: 'it gives {loss} an input it does not have, "{value}"', zh: '其中为 {loss} 提供了它没有的输入“{value}”' },
    expectObject: { en: 'a set of named fields', zh: '一组具名字段' },
    expectVersion: { en: 'a version number', zh: '版本号' },
    expectLang: { en: '"zh" or "en"', zh: '“zh”或“en”' },
    expectTheme: { en: '"light", "dark" or null', zh: '“light”、“dark”或 null' },
    expectReduction: { en: 'one of {list}', zh: '{list} 之一' },
    expectNames: { en: 'a list of names (lower-case letters, digits and _)', zh: '名称列表（小写字母、数字和 _）' },
    expectName: { en: 'a name (lower-case letters, digits and _)', zh: '名称（小写字母、数字和 _）' },
    expectExtraKey: { en: 'keyed "loss:argument"', zh: '以“损失函数:参数”为键' },
    expectOption: { en: 'a finite number or true/false', zh: '有限数值或 true/false' },
    expectBoolean: { en: 'true or false', zh: 'true 或 false' },
    expectWhole: { en: 'a whole number', zh: '整数' },
    expectText: { en: 'text', zh: '文本' },
    expectData: { en: 'a set of texts or null', zh: '一组文本或 null' },
    expectColumns: { en: 'null or {prediction, target}', zh: 'null 或 {prediction, target}' },
    expectColumn: { en: 'a column name, a column number (0, 1, …) or null', zh: '列名、列号（0、1……）或 null' },
  };

  const VERSION = 1;
  const PARAM = 's';
  const URL_BUDGET = 8000; // characters: what browsers, chat apps and servers all pass
  const WRITE_DELAY_MS = 300;
  const MAX_PARAM_CHARS = 2 * 1024 * 1024; // Chromium's own URL limit
  const MAX_JSON_BYTES = 8 * 1024 * 1024; // what a compressed link may unpack to
  const MAX_TEXT_CHARS = 4 * 1024 * 1024;
  const MAX_LOSSES = 100;
  const MAX_OPTIONS = 32;
  const MAX_EXTRA = 400;
  const MAX_COLUMN_CHARS = 200;
  const REDUCTIONS = ['none', 'mean', 'sum', 'batchmean'];
  const NAME = /^[a-z][a-z0-9_]{0,63}$/;
  const EXTRA_KEY = /^([a-z][a-z0-9_]{0,63}):([a-z][a-z0-9_]{0,63})$/;
  const KEYS = ['v', 'lang', 'theme', 'reduction', 'losses', 'options', 'data', 'columns'];
  const DATA_KEYS = ['predictions', 'targets', 'extra'];
  const COLUMN_KEYS = ['prediction', 'target'];

  // ---- strings ----

  // Registered with the page's i18n module (keys "share.<name>") when it is
  // loaded; otherwise read here, in the language of ui.lang.
  const PREFIX = 'share.';

  function currentLang() {
    const lang = typeof ui.lang === 'function' ? ui.lang() : ui.lang;
    return lang === 'zh' ? 'zh' : 'en';
  }

  function t(key, vars) {
    if (ui.i18n && typeof ui.i18n.has === 'function' && ui.i18n.has(PREFIX + key)) return ui.i18n.t(PREFIX + key, vars);
    const entry = STRINGS[key];
    const text = entry ? entry[currentLang()] || entry.en : key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (vars && name in vars ? String(vars[name]) : m));
  }

  // User text quoted inside a message stays short.
  function quote(value) {
    const s = String(value);
    return s.length > 40 ? `${s.slice(0, 40)}…` : s;
  }

  /** A link that cannot be applied. `reason` is a stable code for tests and logs. */
  class ShareLinkError extends Error {
    constructor(reason, why, lead = 'damaged') {
      super(t(lead, { why }));
      this.name = 'ShareLinkError';
      this.reason = reason; // size | base64 | check | compression | unsupported | checksum | json | version | field
      this.why = why;
    }
  }

  const fail = (reason, key, vars, lead) => {
    throw new ShareLinkError(reason, t(key, vars), lead);
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

  // ---- validation ----

  const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

  function requireObject(value, field, keys) {
    if (!isPlainObject(value)) fail('field', 'fieldType', { field, expected: t('expectObject') });
    if (!keys) return;
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) fail('field', 'fieldUnknown', { field: `${field === 'state' ? '' : `${field}.`}${quote(key)}` });
    }
    for (const key of keys) {
      if (!(key in value)) fail('field', 'fieldMissing', { field: field === 'state' ? key : `${field}.${key}` });
    }
  }

  function requireText(value, field, max) {
    if (typeof value !== 'string') fail('field', 'fieldType', { field, expected: t('expectText') });
    if (value.length > max) fail('size', 'fieldTooLong', { field, max });
    return value;
  }

  function requireCount(obj, field, max) {
    const n = Array.isArray(obj) ? obj.length : Object.keys(obj).length;
    if (n > max) fail('size', 'fieldTooMany', { field, max });
  }

  function checkVersion(v) {
    if (typeof v !== 'number' || !Number.isInteger(v)) fail('field', 'fieldType', { field: 'v', expected: t('expectVersion') });
    if (v !== VERSION) fail('version', 'version', { got: v, want: VERSION }, 'cannotOpen');
  }

  function checkLosses(losses, known) {
    if (!Array.isArray(losses) || !losses.every((n) => typeof n === 'string' && NAME.test(n))) {
      fail('field', 'fieldType', { field: 'losses', expected: t('expectNames') });
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
      if (spec && spec.type !== 'boolean') fail('field', 'fieldType', { field, expected: t('expectOption') });
      return value;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) fail('field', 'fieldType', { field, expected: t('expectOption') });
    if (spec && spec.type === 'boolean') fail('field', 'fieldType', { field, expected: t('expectBoolean') });
    if (spec && spec.type === 'integer' && !Number.isInteger(value)) fail('field', 'fieldType', { field, expected: t('expectWhole') });
    return value;
  }

  function checkOptions(options, known) {
    requireObject(options, 'options');
    requireCount(options, 'options', MAX_LOSSES);
    const out = {};
    for (const [loss, values] of Object.entries(options)) {
      if (!NAME.test(loss)) fail('field', 'fieldType', { field: `options.${quote(loss)}`, expected: t('expectName') });
      const spec = known && known.get(loss);
      if (known && !spec) fail('field', 'unknownLoss', { value: loss });
      requireObject(values, `options.${loss}`);
      requireCount(values, `options.${loss}`, MAX_OPTIONS);
      out[loss] = {};
      for (const [name, value] of Object.entries(values)) {
        const field = `options.${loss}.${quote(name)}`;
        if (!NAME.test(name)) fail('field', 'fieldType', { field, expected: t('expectName') });
        const optSpec = spec && spec.options.find((o) => o.name === name);
        if (spec && !optSpec) fail('field', 'unknownOption', { loss, value: name });
        out[loss][name] = checkOptionValue(value, field, optSpec);
      }
    }
    return out;
  }

  function checkData(data, known) {
    if (data === null) return null;
    if (!isPlainObject(data)) fail('field', 'fieldType', { field: 'data', expected: t('expectData') });
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
      if (!m) fail('field', 'fieldType', { field: `data.extra.${quote(key)}`, expected: t('expectExtraKey') });
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
    return fail('field', 'fieldType', { field, expected: t('expectColumn') });
  }

  function checkColumns(columns) {
    if (columns === null) return null;
    if (!isPlainObject(columns)) fail('field', 'fieldType', { field: 'columns', expected: t('expectColumns') });
    requireObject(columns, 'columns', COLUMN_KEYS);
    return { prediction: checkColumn(columns.prediction, 'columns.prediction'), target: checkColumn(columns.target, 'columns.target') };
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
  function validate(raw, registry) {
    requireObject(raw, 'state');
    if (!('v' in raw)) fail('field', 'fieldMissing', { field: 'v' });
    checkVersion(raw.v); // first: another version may have other fields
    requireObject(raw, 'state', KEYS);
    const known = knownLosses(registry);
    if (raw.lang !== 'zh' && raw.lang !== 'en') fail('field', 'fieldType', { field: 'lang', expected: t('expectLang') });
    if (raw.theme !== null && raw.theme !== 'light' && raw.theme !== 'dark') fail('field', 'fieldType', { field: 'theme', expected: t('expectTheme') });
    if (!REDUCTIONS.includes(raw.reduction)) fail('field', 'fieldType', { field: 'reduction', expected: t('expectReduction', { list: REDUCTIONS.join(', ') }) });
    return {
      v: VERSION,
      lang: raw.lang,
      theme: raw.theme,
      reduction: raw.reduction,
      losses: checkLosses(raw.losses, known),
      options: checkOptions(raw.options, known),
      data: checkData(raw.data, known),
      columns: checkColumns(raw.columns),
    };
  }

  // What the page may leave out when it encodes: filled with the empty value.
  function withDefaults(state) {
    if (!isPlainObject(state)) return state;
    const full = Object.assign({ v: VERSION, theme: null, options: {}, columns: null }, state);
    if (isPlainObject(full.data) && !('extra' in full.data)) full.data = Object.assign({ extra: {} }, full.data);
    return full;
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
  async function encode(state) {
    return encodeChecked(validate(withDefaults(state)));
  }

  /**
   * Like encode, but when the result is longer than `maxChars` the data are
   * left out (data: null): {param, truncated, length}.
   */
  async function encodeLimited(state, maxChars = URL_BUDGET) {
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
  async function decode(param, registry) {
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
  async function linkFor(state, href = root.location.href) {
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
  function writeToUrl(state, options = {}) {
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
  function clearUrl() {
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
  async function readFromUrl(location, registry) {
    const where = location === undefined ? root.location : location;
    const href = typeof where === 'string' ? where : where.href;
    const param = paramFrom(href);
    return param === null ? null : decode(param, registry);
  }

  ui.share = {
    encode,
    encodeLimited,
    decode,
    validate,
    writeToUrl,
    readFromUrl,
    linkFor,
    clearUrl,
    ShareLinkError,
    VERSION,
    PARAM,
    URL_BUDGET,
    WRITE_DELAY_MS,
    strings: STRINGS,
    // internals, exposed for the tests
    _base64url: { encode: toBase64url, decode: fromBase64url },
    _crc32: crc32,
  };
  (ui.stringTables = ui.stringTables || {}).share = STRINGS;
  if (ui.i18n && typeof ui.i18n.register === 'function') {
    ui.i18n.register(Object.fromEntries(Object.entries(STRINGS).map(([k, v]) => [PREFIX + k, v])));
  }
})(((typeof self !== 'undefined' ? self : globalThis).LossPlayUI = (typeof self !== 'undefined' ? self : globalThis).LossPlayUI || {}));
