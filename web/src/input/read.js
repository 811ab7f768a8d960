/* Reading what people paste into the data boxes (no DOM):
 *
 *   readData(lp, text)   numbers, a table with a header row, or JSON
 *     -> {kind, tensor, columns, header, summary: {en, zh}}
 *
 * Plain numbers go straight to lp.parse (the wasm parser): no JavaScript
 * runs per number on that path, and its LossPlayError is the read error. A
 * header row is blanked out (its line kept) so the positions in lp.parse's
 * errors still point into the original text. JSON errors are ReadErrors
 * with a code and params, translated like the core's ('error.<code>'). */
import { t } from '../i18n/translate.js';
import { needMore } from './extensions.js';

// Both languages of one string (the summary line follows the page's language).
const both = (key, params) => ({ en: t(key, params, 'en'), zh: t(key, params, 'zh') });
const bothWith = (key, paramsFor) => ({ en: t(key, paramsFor('en'), 'en'), zh: t(key, paramsFor('zh'), 'zh') });

/** "column 2" or "name (column 2)" in `lang`. */
export function columnLabel(name, index, lang) {
  return t(name ? 'input.columnNamed' : 'input.columnN', { name, n: index + 1 }, lang);
}

/**
 * A reading error of the page's own (JSON): code, params, 1-based line and
 * column (in code points, like lp.parse) into the original text, the token
 * found there, and `message` in English.
 */
export class ReadError extends Error {
  constructor(code, line, column, token, params) {
    const all = Object.assign({ line, column, token }, params);
    if (all.quoted) all.token = `"${token}"`;
    delete all.quoted;
    super(t(`error.${code}`, all, 'en'));
    this.name = 'LossPlayError';
    this.kind = 'parse';
    this.code = code;
    this.params = all;
    this.line = line;
    this.column = column;
    this.token = token;
  }
}

// ---- number-like tokens (only the header line and the line under it) ----

// Separators of lp.parse (besides line breaks).
const SEPARATOR = /[ \t\v\f,;\u00a0\u3000\uff0c\uff1b\u3001\ufeff\u202f\u205f\u2000-\u200b]+/;
// Characters that can appear in text lp.parse reads as numbers; a first
// line made only of these is never taken for a header.
const HEADER_CHAR = /[^0-9eE+\-.\s,;\uff0c\uff1b\u3001\ufeff\uff10-\uff19\uff0e\u3002\uff0d\u2212\uff0b\uff45\uff25\u2000-\u200b\u202f\u205f]/;
const FULL_WIDTH = /[\uff10-\uff19\uff0e\u3002\uff0d\u2212\uff0b\uff45\uff25]/g;
const FULL_WIDTH_ASCII = { '\uff0e': '.', '\u3002': '.', '\uff0d': '-', '\u2212': '-', '\uff0b': '+', '\uff45': 'e', '\uff25': 'E' };
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:inf|infinity|nan)$/i;

function toAscii(token) {
  return token.replace(FULL_WIDTH, (c) => FULL_WIDTH_ASCII[c] || String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
}

// Decided: inf, -inf and nan count as numbers here, so "1e-3 -inf" is
// data (lp.parse then names -inf as not finite), never a header.
function numberLike(token) {
  const ascii = toAscii(token);
  return DECIMAL.test(ascii) || NON_FINITE.test(ascii);
}

function tokens(line) {
  return line.split(SEPARATOR).filter((s) => s !== '');
}

// Header names: tab, comma (，、) or semicolon (；) separated, in that order
// of preference, else whitespace; "quoted" names may hold the separator.
function splitHeader(line) {
  const bare = line.replace(/"(?:[^"]|"")*"/g, '""'); // separators inside quotes do not count
  let isSep;
  let collapse = false; // whitespace: runs of it are one separator
  if (bare.includes('\t')) isSep = (c) => c === '\t';
  else if (/[,\uff0c\u3001]/.test(bare)) isSep = (c) => c === ',' || c === '\uff0c' || c === '\u3001';
  else if (/[;\uff1b]/.test(bare)) isSep = (c) => c === ';' || c === '\uff1b';
  else {
    isSep = (c) => SEPARATOR.test(c);
    collapse = true;
  }
  const names = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const push = () => {
    if (!collapse || wasQuoted || field.trim() !== '') names.push(field.trim());
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
      wasQuoted = true;
    } else if (isSep(c)) push();
    else field += c;
  }
  push();
  while (names.length > 1 && names[names.length - 1] === '') names.pop(); // "a,b," from a spreadsheet
  return names;
}

const NOT_BLANK = /\S/g;

function firstNonBlank(text, from) {
  NOT_BLANK.lastIndex = from;
  const m = NOT_BLANK.exec(text);
  return m ? m.index : -1;
}

// A header is looked for only in a first line shorter than this, so the
// search costs the same for ten numbers and for ten million.
const MAX_HEADER_CHARS = 65536;

// The line starting at `from` if it ends within MAX_HEADER_CHARS, else null.
function shortLine(text, from) {
  const window = text.slice(from, from + MAX_HEADER_CHARS);
  const end = window.search(/[\n\r]/);
  if (end >= 0) return window.slice(0, end);
  return from + window.length === text.length ? window : null;
}

/**
 * The header row, if the first non-blank line (starting at `start`) has a
 * token that is not a number and the next non-blank line has as many
 * fields, all numbers. Returns {start, end, names} or null. Looks at
 * those two lines only, never at the rest of the data.
 */
function findHeader(text, start) {
  const line = shortLine(text, start);
  if (line === null || !HEADER_CHAR.test(line)) return null;
  const end = start + line.length;
  const next = firstNonBlank(text, end);
  if (next < 0) return null;
  if (tokens(line).every(numberLike)) return null;
  const names = splitHeader(line).map((s) => s.replace(/^\ufeff/, ''));
  const data = shortLine(text, next);
  if (data === null) return null;
  const fields = tokens(data);
  if (fields.length !== names.length || !fields.every(numberLike)) return null;
  return { start, end, names };
}

// ---- JSON ----

const JSON_OPEN = /[[\uff3b\u3010]/;
// Full-width forms a Chinese input method types, mapped one UTF-16 unit to
// one, so offsets into the mapped text are offsets into the original.
const JSON_WIDE = /[\uff3b\uff3d\u3010\u3011\uff0c\u3001\uff10-\uff19\uff0e\u3002\uff0d\u2212\uff0b\uff45\uff25\u3000\u00a0\ufeff]/g;
const JSON_WIDE_ASCII = {
  '\uff3b': '[', '\uff3d': ']', '\u3010': '[', '\u3011': ']', '\uff0c': ',', '\u3001': ',',
  '\u3000': ' ', '\u00a0': ' ', '\ufeff': ' ', ...FULL_WIDTH_ASCII,
};
const MAX_DEPTH = 16;

function jsonAscii(text) {
  return text.replace(JSON_WIDE, (c) => JSON_WIDE_ASCII[c] || String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
}

// Fast path: JSON.parse, then one walk that checks and flattens. Returns
// null on any problem; locateJsonError then says where.
function jsonFast(ascii) {
  let root;
  try {
    root = JSON.parse(ascii);
  } catch {
    return null;
  }
  if (!Array.isArray(root)) return null;
  const shape = [];
  for (let v = root; Array.isArray(v); v = v[0]) {
    shape.push(v.length);
    if (shape.length > MAX_DEPTH) return null;
    if (v.length === 0) break;
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(size);
  let k = 0;
  const walk = (node, depth) => {
    if (!Array.isArray(node) || node.length !== shape[depth]) return false;
    if (depth === shape.length - 1) {
      if (size === 0) return node.length === 0;
      for (let i = 0; i < node.length; i++) {
        const x = node[i];
        if (typeof x !== 'number' || !Number.isFinite(x)) return false;
        data[k++] = x;
      }
      return true;
    }
    for (let i = 0; i < node.length; i++) if (!walk(node[i], depth + 1)) return false;
    return true;
  };
  return walk(root, 0) ? { data, shape } : null;
}

function readJson(text, literal) {
  let ascii = jsonAscii(text);
  let tensor = jsonFast(ascii);
  if (!tensor && /[()]|,\s*\]|\d\.[\s,\]]/.test(ascii)) {
    ascii = needMore().pythonList(ascii);
    tensor = jsonFast(ascii);
  }
  if (!tensor) {
    needMore().locateJsonError(ascii, text);
    throw new ReadError('json_unreadable', 1, 1, '', {}); // not reached: the scan finds what JSON.parse did
  }
  const n = tensor.data.length;
  const summary = tensor.shape.length === 1
    ? both(literal ? (n === 1 ? 'input.readListOne' : 'input.readList') : n === 1 ? 'input.readJsonOne' : 'input.readJson', { n })
    : both(literal ? 'input.readListShape' : 'input.readJsonShape', { shape: tensor.shape.join(' × '), n });
  return result('json', tensor, null, summary);
}

// ---- result ----

// A column of a 2-D tensor: `values` is copied out on first use only, so
// reading a large matrix costs nothing until a column is asked for.
class Column {
  constructor(tensor, index, name) {
    this.name = name;
    this.index = index;
    this._tensor = tensor;
    this._values = null;
  }

  get values() {
    if (!this._values) {
      const { data, shape } = this._tensor;
      if (shape.length === 1) return (this._values = data);
      const [rows, cols] = shape;
      this._values = new Float64Array(rows);
      for (let r = 0; r < rows; r++) this._values[r] = data[r * cols + this.index];
    }
    return this._values;
  }
}

// One Column per column of a 2-D tensor, or the single column of a headed
// 1-D one; null otherwise.
function makeColumns(tensor, header) {
  const { shape } = tensor;
  const count = shape.length === 2 ? shape[1] : shape.length === 1 && header && header.length === 1 ? 1 : 0;
  if (!count) return null;
  const columns = new Array(count);
  for (let c = 0; c < count; c++) columns[c] = new Column(tensor, c, (header && header[c]) || null);
  return columns;
}

function result(kind, tensor, header, summary) {
  return { kind, tensor, columns: makeColumns(tensor, header), header, summary };
}

// Counts grouped as each language writes them: 1,000,000 rows read at a glance.
const grouped = (n, lang) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');

function numbersSummary(shape) {
  if (shape.length === 2) return bothWith('input.readMatrix', (lang) => ({ rows: grouped(shape[0], lang), cols: grouped(shape[1], lang) }));
  const n = shape.length === 0 ? 1 : shape[0];
  if (n === 0) return both('input.readNothing');
  return n === 1 ? both('input.readOneNumber') : bothWith('input.readNumbers', (lang) => ({ n: grouped(n, lang) }));
}

function counted(one, many, n) {
  return n === 1 ? both(one) : both(many, { n });
}

function tableSummary(shape, names) {
  // Quoted, since a name may hold a comma; a blank name reads "column n".
  const quote = (name, i, l) => (name ? (l === 'zh' ? `“${name}”` : `"${name}"`) : columnLabel(null, i, l));
  const shownNames = (l) => names.slice(0, 6).map((name, i) => quote(name, i, l)).join(l === 'zh' ? '、' : ', ') + (names.length > 6 ? ' …' : '');
  if (shape.length === 1) {
    return bothWith('input.readColumn', (l) => ({ names: shownNames(l), rows: counted('input.numbersOne', 'input.numbersMany', shape[0])[l] }));
  }
  return bothWith('input.readTable', (l) => ({
    names: shownNames(l),
    rows: counted('input.rowsOne', 'input.rowsMany', shape[0])[l],
    cols: counted('input.colsOne', 'input.colsMany', shape[1])[l],
  }));
}

function parseWith(lp, text) {
  return lp.parse(text); // its LossPlayError (code, params, line, column, token) is the read error
}

// What may be a Python or PyTorch literal: "(" or a name (torch.tensor,
// np.array) and "(". input/literal.js (lazily loaded) reads it.
const LITERALISH = /^(?:\(|[A-Za-z_][\w.]*\s*\()/;

/**
 * Reads pasted text. Returns {kind: 'numbers'|'table'|'json', tensor:
 * {data, shape}, columns: null | [{name, index, values}], header: null |
 * [names], summary: {en, zh}}; throws a ReadError (code, line, column,
 * token, message, messages) whose position is in `text` as given.
 */
export function readData(lp, text) {
  text = text === undefined || text === null ? '' : String(text);
  let start = firstNonBlank(text, 0);
  if (start >= 0 && LITERALISH.test(text.slice(start, start + 64))) {
    const unwrapped = needMore().unwrapLiteral(text, start);
    if (unwrapped !== null) {
      text = unwrapped;
      start = firstNonBlank(text, 0);
      if (start < 0) throw new ReadError('literal_empty', 1, 1, '', {});
      if (JSON_OPEN.test(text[start])) return readJson(text, true);
      const tensor = parseWith(lp, text); // torch.tensor(2.5): a single number
      return result('numbers', tensor, null, numbersSummary(tensor.shape));
    }
  }
  if (start >= 0 && JSON_OPEN.test(text[start])) return readJson(text);
  const header = start >= 0 ? findHeader(text, start) : null;
  if (!header) {
    const tensor = parseWith(lp, text);
    return result('numbers', tensor, null, numbersSummary(tensor.shape));
  }
  // Blank the header but keep its line, so error lines stay right. On the
  // first line, cutting it off up to its line break does that without
  // copying the text.
  const firstLine = !/[\n\r]/.test(text.slice(0, header.start));
  const rest = firstLine ? text.slice(header.end) : text.slice(0, header.start) + text.slice(header.end);
  const tensor = parseWith(lp, rest);
  if (tensor.shape.length === 1 && header.names.length > 1) tensor.shape = [1, tensor.shape[0]];
  return result('table', tensor, header.names, tableSummary(tensor.shape, header.names));
}


// ---- bytes (a large paste or a file, kept out of the text boxes) ----

const HEAD_BYTES = 65536;

/**
 * Reads UTF-8 bytes as readData reads text. Plain numbers go to lp.parse
 * as bytes, never through a JS string; a header row is cut off at its line
 * break (the line kept, so error lines stay right). JSON, a header after
 * blank lines, UTF-16 (a byte-order mark) and text that is not UTF-8
 * (GB18030 from Excel) are decoded and read as text.
 */
export function readBytes(lp, bytes) {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return readData(lp, new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes));
  }
  let head;
  try {
    // The cut may split a character at the end: 'stream' leaves it out.
    head = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, HEAD_BYTES), { stream: bytes.length > HEAD_BYTES });
  } catch {
    let text;
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder().decode(bytes);
    }
    return readData(lp, text);
  }
  const whole = () => readData(lp, new TextDecoder().decode(bytes));
  const start = firstNonBlank(head, 0);
  if (start >= 0 && (JSON_OPEN.test(head[start]) || LITERALISH.test(head.slice(start, start + 64)))) return whole();
  const header = start >= 0 ? findHeaderIn(head, start, bytes.length <= HEAD_BYTES) : null;
  if (!header) {
    const tensor = lp.parse(bytes);
    return result('numbers', tensor, null, numbersSummary(tensor.shape));
  }
  if (/[\n\r]/.test(head.slice(0, header.start))) return whole();
  const cut = new TextEncoder().encode(head.slice(0, header.end)).length;
  const tensor = lp.parse(bytes.subarray(cut));
  if (tensor.shape.length === 1 && header.names.length > 1) tensor.shape = [1, tensor.shape[0]];
  return result('table', tensor, header.names, tableSummary(tensor.shape, header.names));
}

// findHeader on the decoded head of a longer text: a line that runs past
// the head is not looked at (as findHeader does past MAX_HEADER_CHARS).
function findHeaderIn(head, start, complete) {
  const h = findHeader(head, start);
  if (!h || complete) return h;
  const next = firstNonBlank(head, h.end);
  const rest = head.slice(next);
  return /[\n\r]/.test(rest) ? h : null;
}
