/*
 * input.js: reading what people paste or drop into the data boxes.
 *
 *   ui.readData(lp, text)        numbers, a table with a header row, or JSON
 *   new ui.ColumnPicker(box, {onChange})   which column is ŷ and which is y
 *   ui.attachFileInput(textarea, {onLoaded, onError})   open or drop a file
 *
 * Plain numbers go straight to lp.parse (the wasm parser): no JavaScript
 * runs per number on that path. A header row is blanked out (its line kept)
 * so the positions in lp.parse's errors still point into the original text.
 */
(function (ui) {
  'use strict';

  // ---- strings ({en, zh}; the page's i18n module merges this table) ----

  const STRINGS = {
    readNumbers: { en: 'Read {n} numbers.', zh: '读取了 {n} 个数。' },
    readOneNumber: { en: 'Read 1 number.', zh: '读取了 1 个数。' },
    readNothing: { en: 'No numbers yet.', zh: '还没有数字。' },
    readMatrix: { en: 'Read a {rows} × {cols} matrix: {rows} rows, {cols} columns.', zh: '读取了 {rows} × {cols} 矩阵：{rows} 行，{cols} 列。' },
    readTable: { en: 'Read a table with a header row ({names}): {rows} × {cols}.', zh: '读取了带表头（{names}）的表格：{rows} × {cols}。' },
    readColumn: { en: 'Read a column headed {names}: {rows}.', zh: '读取了表头为{names}的一列：{rows}。' },
    rowsOne: { en: '1 row', zh: '1 行' },
    rowsMany: { en: '{n} rows', zh: '{n} 行' },
    colsOne: { en: '1 column', zh: '1 列' },
    colsMany: { en: '{n} columns', zh: '{n} 列' },
    numbersOne: { en: '1 number', zh: '1 个数' },
    numbersMany: { en: '{n} numbers', zh: '{n} 个数' },
    readJson: { en: 'Read a JSON array of {n} numbers.', zh: '读取了 JSON 数组：{n} 个数。' },
    readJsonShape: { en: 'Read a JSON array of shape {shape} ({n} numbers).', zh: '读取了形状为 {shape} 的 JSON 数组（{n} 个数）。' },
    at: { en: 'line {line}, column {column}: ', zh: '第 {line} 行第 {column} 列：' },
    notANumber: { en: 'expected a number, found "{token}"', zh: '这里应是数字，读到“{token}”' },
    notFinite: { en: 'expected a finite number, found "{token}"', zh: '这里应是有限的数，读到“{token}”' },
    outOfRange: { en: 'expected a number within the float64 range, found "{token}"', zh: '数值超出 float64 的范围，读到“{token}”' },
    raggedRows: {
      en: 'line {line} has {count} numbers but line {first} has {firstCount}: every row of a matrix needs the same count',
      zh: '第 {line} 行有 {count} 个数，而第 {first} 行有 {firstCount} 个：矩阵的每一行个数必须相同',
    },
    raggedRowsShort: { en: 'every row of a matrix needs the same count', zh: '矩阵的每一行个数必须相同' },
    jsonSyntax: { en: 'JSON syntax: expected {expected}, found "{token}"', zh: 'JSON 语法错误：这里应是{expected}，读到“{token}”' },
    jsonSyntaxEnd: { en: 'JSON syntax: expected {expected}, found the end of the text', zh: 'JSON 语法错误：这里应是{expected}，却已到文本结尾' },
    jsonNotNumber: { en: 'expected a number in the JSON array, found {token}', zh: 'JSON 数组里应是数字，读到 {token}' },
    jsonNotArray: { en: 'expected an array like the other rows, found "{token}"', zh: '这里应像其他行一样是数组，读到“{token}”' },
    jsonNested: { en: 'expected a number like the other elements, found an array', zh: '这里应像其他元素一样是数字，读到了数组' },
    jsonLonger: { en: 'this array has more elements than the first one at its depth ({n}): a matrix needs rows of equal length', zh: '这个数组的元素比同一层的第一个数组（{n} 个）多：矩阵的每一行长度必须相同' },
    jsonShorter: { en: 'this array ends after {count} of {n} elements (the length of the first array at its depth): a matrix needs rows of equal length', zh: '这个数组只有 {count} 个元素，而同一层的第一个数组有 {n} 个：矩阵的每一行长度必须相同' },
    jsonTrailing: { en: 'JSON syntax: unexpected "{token}" after the closing "]"', zh: 'JSON 语法错误：结尾的“]”之后多出了“{token}”' },
    jsonUnknown: { en: 'could not read the JSON array', zh: '无法读取这个 JSON 数组' },
    jsonTooDeep: { en: 'arrays nested more than {n} deep are not supported', zh: '不支持嵌套超过 {n} 层的数组' },
    expValue: { en: 'a number or "["', zh: '数字或“[”' },
    expValueOrEnd: { en: 'a number, "[" or "]"', zh: '数字、“[”或“]”' },
    expCommaOrEnd: { en: '"," or "]"', zh: '“,”或“]”' },
    expArray: { en: '"["', zh: '“[”' },
    columnN: { en: 'column {n}', zh: '第 {n} 列' },
    columnNamed: { en: '{name} (column {n})', zh: '{name}（第 {n} 列）' },
    pickerTitle: { en: 'This table has several columns: choose which one holds ŷ and which holds y.', zh: '表格有多列：请选择哪一列是 ŷ，哪一列是 y。' },
    pickerPrediction: { en: 'ŷ column', zh: 'ŷ 所在列' },
    pickerTarget: { en: 'y column', zh: 'y 所在列' },
    pickerSame: { en: 'ŷ and y are the same column.', zh: 'ŷ 和 y 选了同一列。' },
    pickerSummary: { en: 'ŷ from {prediction}, y from {target}.', zh: 'ŷ 取自{prediction}，y 取自{target}。' },
    openFile: { en: 'Open file…', zh: '打开文件…' },
    dropHint: { en: 'or drop a file on the box', zh: '或把文件拖到输入框里' },
    dropNow: { en: 'Drop the file to load it.', zh: '松开鼠标即可读入文件。' },
    loading: { en: 'Reading {name}…', zh: '正在读取 {name}…' },
    loaded: { en: 'Loaded {name} ({size}).', zh: '已读入 {name}（{size}）。' },
    tooLarge: { en: '{name} is {size}: files over 50 MB are not loaded. Your text was kept.', zh: '{name} 有 {size}：超过 50 MB 的文件不会读入。输入框里的内容保持不变。' },
    binary: { en: '{name} is not a text file (it holds NUL bytes). Save it as CSV or plain text and try again. Your text was kept.', zh: '{name} 不是文本文件（含有 NUL 字节）。请另存为 CSV 或纯文本后再试。输入框里的内容保持不变。' },
    workbook: { en: '{name} looks like a spreadsheet workbook, not text. Save it as CSV (File → Save as → CSV) and try again. Your text was kept.', zh: '{name} 看起来是电子表格工作簿，不是文本。请另存为 CSV（文件 → 另存为 → CSV）后再试。输入框里的内容保持不变。' },
    empty: { en: '{name} is empty. Your text was kept.', zh: '{name} 是空文件。输入框里的内容保持不变。' },
    readFailed: { en: '{name} could not be read. Your text was kept.', zh: '无法读取 {name}。输入框里的内容保持不变。' },
  };
  // The same table under "input." keys, for the page's i18n module; if it is
  // already loaded, it gets them now, and its entries (edited translations)
  // win over the ones here.
  ui.inputStrings = {};
  for (const key of Object.keys(STRINGS)) ui.inputStrings[`input.${key}`] = STRINGS[key];
  if (ui.i18n && typeof ui.i18n.register === 'function') ui.i18n.register(ui.inputStrings);

  function lang() {
    const l = typeof ui.lang === 'function' ? ui.lang() : ui.lang;
    return typeof l === 'string' && l.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }

  function str(key, l) {
    const i18n = ui.i18n;
    if (i18n && typeof i18n.entry === 'function') {
      const entry = i18n.entry(`input.${key}`);
      if (entry && typeof entry[l] === 'string') return entry[l];
    }
    return STRINGS[key][l];
  }

  // Calls fn after each change of language, when the i18n module is there.
  function onLangChange(fn) {
    const i18n = ui.i18n;
    return i18n && typeof i18n.onChange === 'function' ? i18n.onChange(fn) : () => {};
  }

  function fill(template, vars) {
    return template.replace(/\{(\w+)\}/g, (m, key) => (vars && key in vars ? String(vars[key]) : m));
  }

  // Both languages of one string, placeholders filled.
  function both(key, vars) {
    return { en: fill(str(key, 'en'), vars), zh: fill(str(key, 'zh'), vars) };
  }

  // Concatenates {en, zh} pairs (or plain strings, the same in both).
  function join(...parts) {
    const out = { en: '', zh: '' };
    for (const p of parts) {
      out.en += typeof p === 'string' ? p : p.en;
      out.zh += typeof p === 'string' ? p : p.zh;
    }
    return out;
  }

  // Both languages, with placeholders that differ by language.
  function bothWith(key, varsFor) {
    return { en: fill(str(key, 'en'), varsFor('en')), zh: fill(str(key, 'zh'), varsFor('zh')) };
  }

  function t(key, vars) {
    return fill(str(key, lang()), vars);
  }

  // ---- errors ----

  /**
   * A reading error: code, 1-based line and column (in code points, like
   * lp.parse) into the original text, the token found there, `message` in
   * English and `messages` {en, zh}.
   */
  class ReadError extends Error {
    constructor(code, line, column, token, messages) {
      super(messages.en);
      this.name = 'LossPlayError';
      this.kind = 'parse';
      this.code = code;
      this.line = line;
      this.column = column;
      this.token = token;
      this.messages = messages;
    }
  }
  ui.ReadError = ReadError;

  // lp.parse's English messages come from the core; the Chinese one is
  // rebuilt from the error's fields (ragged rows: the counts from the text).
  function fromParseError(e) {
    if (!e || e.kind !== 'parse') return e;
    const at = both('at', e);
    let zh;
    if (e.code === 'ragged_rows') {
      const m = /line (\d+) has (\d+) numbers? but line (\d+) has (\d+)/.exec(e.message);
      zh = m ? both('raggedRows', { line: m[1], count: m[2], first: m[3], firstCount: m[4] }).zh : at.zh + str('raggedRowsShort', 'zh');
    } else {
      const key = { not_finite: 'notFinite', out_of_range: 'outOfRange' }[e.code] || 'notANumber';
      zh = at.zh + both(key, e).zh;
    }
    return new ReadError(e.code, e.line, e.column, e.token, { en: e.message, zh });
  }

  // ---- positions and tokens (error paths only) ----

  // 1-based line and column (in code points) of UTF-16 offset `index`;
  // \n, \r\n and \r each end a line, as in the core's parser.
  function position(text, index) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < index; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
    let column = 1;
    for (let i = lineStart; i < index; i++) {
      const c = text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) column++; // a low surrogate is not a new code point
    }
    return { line, column };
  }

  // Long tokens are cut at 32 code points, as the core does.
  function shown(token) {
    const points = Array.from(token);
    return points.length > 32 ? points.slice(0, 32).join('') + '…' : token;
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

  const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const JSON_WORD = /[^\s,[\]{}:"]+/y;
  const JSON_STRING = /"(?:[^"\\\n\r]|\\.)*"?/y;

  function matchAt(re, text, at) {
    re.lastIndex = at;
    const m = re.exec(text);
    return m ? m[0] : '';
  }

  /**
   * Scans the mapped text in order and throws a ReadError at the first
   * problem: bad syntax, an element that is not a number, a row of the
   * wrong length, a number out of range. Only runs when jsonFast failed.
   */
  function locateJsonError(ascii, original) {
    const fail = (at, code, messages, length) => {
      const p = position(original, at);
      const token = at >= original.length ? '' : shown(original.slice(at, at + Math.max(1, length || 1)));
      throw new ReadError(code, p.line, p.column, token, join(both('at', p), messages(token)));
    };
    const syntax = (at, expected) => {
      if (at >= ascii.length) fail(at, 'json_syntax', () => bothWith('jsonSyntaxEnd', (l) => ({ expected: str(expected, l) })));
      const word = matchAt(JSON_WORD, ascii, at) || ascii[at];
      fail(at, 'json_syntax', (token) => bothWith('jsonSyntax', (l) => ({ expected: str(expected, l), token })), word.length);
    };
    // Per depth: the length of the first array closed there, and whether its
    // elements are arrays or numbers.
    const lengthAt = [];
    const kindAt = [];
    const counts = [];
    let i = 0;
    const skip = () => {
      while (i < ascii.length && ' \t\n\r'.includes(ascii[i])) i++;
    };
    const element = (depth) => {
      const at = i;
      const want = lengthAt[depth];
      if (want !== undefined && counts[depth] >= want) {
        fail(at, 'ragged_rows', () => both('jsonLonger', { n: want }), 1);
      }
      counts[depth]++;
      const c = ascii[i];
      const kind = c === '[' ? 'array' : 'number';
      if (c === '[' || c === '-' || (c >= '0' && c <= '9')) {
        if (kindAt[depth] === undefined) kindAt[depth] = kind;
        else if (kindAt[depth] !== kind) {
          if (kind === 'array') fail(at, 'json_not_number', () => both('jsonNested'), 1);
          const word = matchAt(JSON_WORD, ascii, at);
          fail(at, 'json_not_number', (token) => both('jsonNotArray', { token }), word.length);
        }
      }
      if (c === '[') return array(depth + 1);
      if (c === '-' || (c >= '0' && c <= '9')) {
        const num = matchAt(JSON_NUMBER, ascii, at);
        const word = matchAt(JSON_WORD, ascii, at);
        if (!num || word.length !== num.length) syntax(at, 'expValue');
        if (!Number.isFinite(Number(num))) fail(at, 'out_of_range', (token) => both('outOfRange', { token }), num.length);
        i += num.length;
        return;
      }
      if (c === '"') {
        const s = matchAt(JSON_STRING, ascii, at);
        fail(at, 'json_not_number', (token) => both('jsonNotNumber', { token }), s.length);
      }
      if (c === '{') fail(at, 'json_not_number', (token) => both('jsonNotNumber', { token: `"${token}"` }), 1);
      const word = matchAt(JSON_WORD, ascii, at);
      if (word === 'null' || word === 'true' || word === 'false') {
        fail(at, 'json_not_number', (token) => both('jsonNotNumber', { token }), word.length);
      }
      syntax(at, 'expValue');
    };
    const array = (depth) => {
      if (depth > MAX_DEPTH) fail(i, 'json_too_deep', () => both('jsonTooDeep', { n: MAX_DEPTH }), 1);
      i++; // the '['
      counts[depth] = 0;
      skip();
      if (ascii[i] === ']') return close(depth);
      if (i >= ascii.length) syntax(i, 'expValueOrEnd');
      for (;;) {
        element(depth);
        skip();
        if (ascii[i] === ']') return close(depth);
        if (ascii[i] !== ',') syntax(i, 'expCommaOrEnd');
        i++;
        skip();
        if (ascii[i] === ']' || i >= ascii.length) syntax(i, 'expValue');
      }
    };
    const close = (depth) => {
      const want = lengthAt[depth];
      if (want === undefined) lengthAt[depth] = counts[depth];
      else if (counts[depth] < want) {
        fail(i, 'ragged_rows', () => both('jsonShorter', { count: counts[depth], n: want }), 1);
      }
      i++; // the ']'
    };
    skip();
    if (ascii[i] !== '[') syntax(i, 'expArray');
    array(1);
    skip();
    if (i < ascii.length) {
      const word = matchAt(JSON_WORD, ascii, i) || ascii[i];
      fail(i, 'json_syntax', (token) => both('jsonTrailing', { token }), word.length);
    }
  }

  function readJson(text) {
    const ascii = jsonAscii(text);
    const tensor = jsonFast(ascii);
    if (!tensor) {
      locateJsonError(ascii, text);
      throw new ReadError('json_syntax', 1, 1, '', both('jsonUnknown')); // not reached: the scan finds what JSON.parse did
    }
    const n = tensor.data.length;
    const summary = tensor.shape.length === 1
      ? both('readJson', { n })
      : both('readJsonShape', { shape: tensor.shape.join(' × '), n });
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

  function numbersSummary(shape) {
    if (shape.length === 2) return both('readMatrix', { rows: shape[0], cols: shape[1] });
    const n = shape.length === 0 ? 1 : shape[0];
    if (n === 0) return both('readNothing');
    return n === 1 ? both('readOneNumber') : both('readNumbers', { n });
  }

  function counted(one, many, n) {
    return n === 1 ? both(one) : both(many, { n });
  }

  function tableSummary(shape, names) {
    // Quoted, since a name may hold a comma; a blank name reads "column n".
    const quote = (name, i, l) => (name ? (l === 'zh' ? `“${name}”` : `"${name}"`) : columnLabel(null, i, l));
    const shownNames = (l) => names.slice(0, 6).map((name, i) => quote(name, i, l)).join(l === 'zh' ? '、' : ', ') + (names.length > 6 ? ' …' : '');
    if (shape.length === 1) {
      return bothWith('readColumn', (l) => ({ names: shownNames(l), rows: counted('numbersOne', 'numbersMany', shape[0])[l] }));
    }
    return bothWith('readTable', (l) => ({
      names: shownNames(l),
      rows: counted('rowsOne', 'rowsMany', shape[0])[l],
      cols: counted('colsOne', 'colsMany', shape[1])[l],
    }));
  }

  function parseWith(lp, text) {
    try {
      return lp.parse(text);
    } catch (e) {
      throw fromParseError(e);
    }
  }

  /**
   * Reads pasted text. Returns {kind: 'numbers'|'table'|'json', tensor:
   * {data, shape}, columns: null | [{name, index, values}], header: null |
   * [names], summary: {en, zh}}; throws a ReadError (code, line, column,
   * token, message, messages) whose position is in `text` as given.
   */
  ui.readData = function readData(lp, text) {
    text = text === undefined || text === null ? '' : String(text);
    const start = firstNonBlank(text, 0);
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
  };

  // ---- DOM helpers ----

  let nextId = 0;
  function uid(prefix) {
    nextId++;
    return `${prefix}-${nextId}`;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  // ---- column picker ----

  function columnLabel(name, index, l = lang()) {
    const vars = { name, n: index + 1 };
    return fill(str(name ? 'columnNamed' : 'columnN', l), vars);
  }

  /**
   * Two labelled selects, "ŷ column" and "y column", for a table pasted
   * into the predictions box. onChange({prediction, target}) fires when the
   * user changes either one.
   */
  class ColumnPicker {
    constructor(container, options = {}) {
      this.onChange = options.onChange || null;
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
      this.unsubscribe = onLangChange(() => this.refresh());
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
      this.unsubscribe();
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
      return bothWith('pickerSummary', (l) => ({
        prediction: columnLabel(this.names[prediction], prediction, l),
        target: columnLabel(this.names[target], target, l),
      }));
    }

    /** Re-renders the texts in the current language (ui.lang). */
    refresh() {
      this.title.textContent = t('pickerTitle');
      this.predictionLabel.textContent = t('pickerPrediction');
      this.targetLabel.textContent = t('pickerTarget');
      this.render();
    }

    render() {
      for (const [select, key] of [[this.predictionSelect, 'prediction'], [this.targetSelect, 'target']]) {
        select.replaceChildren(...this.names.map((name, i) => el('option', { value: String(i), text: columnLabel(name, i) })));
        if (this.names.length) select.value = String(this.current[key]);
      }
      this.note.textContent = this.names.length > 1 && this.current.prediction === this.current.target ? t('pickerSame') : '';
    }

    changed() {
      this.current = { prediction: Number(this.predictionSelect.value), target: Number(this.targetSelect.value) };
      this.render();
      if (this.onChange) this.onChange(this.selection());
    }
  }
  ui.ColumnPicker = ColumnPicker;

  // ---- files ----

  const MAX_FILE_BYTES = 50 * 1024 * 1024;
  ui.MAX_FILE_BYTES = MAX_FILE_BYTES;

  function formatSize(bytes) {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  }

  class FileRefused extends Error {
    constructor(code, messages) {
      super(messages.en);
      this.code = code;
      this.messages = messages;
    }
  }

  function fileBytes(file) {
    if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(file);
    });
  }

  function decode(encoding, bytes, fatal) {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  }

  /**
   * A file's text: UTF-16 when it starts with a byte-order mark (Excel's
   * "Unicode text"), else UTF-8, else GB18030 (CSV saved by Excel on a
   * Chinese system). Refuses large, empty and binary files.
   */
  async function fileText(file) {
    const vars = { name: file.name, size: formatSize(file.size) };
    if (file.size > MAX_FILE_BYTES) throw new FileRefused('too_large', both('tooLarge', vars));
    if (file.size === 0) throw new FileRefused('empty', both('empty', vars));
    const bytes = new Uint8Array(await fileBytes(file));
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes, false);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes, false);
    if (bytes.indexOf(0) >= 0) {
      const zip = bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK": .xlsx, .numbers, .ods
      const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf; // old .xls
      throw new FileRefused('binary', both(zip || ole ? 'workbook' : 'binary', vars));
    }
    try {
      return decode('utf-8', bytes, true);
    } catch {
      try {
        return decode('gb18030', bytes, true);
      } catch {
        return decode('utf-8', bytes, false);
      }
    }
  }
  ui.readFileText = fileText;

  function hasFiles(event) {
    const types = event.dataTransfer && event.dataTransfer.types;
    return !!types && Array.from(types).includes('Files');
  }

  // The textarea's label becomes the description of its "Open file…"
  // control, so the two on the page can be told apart. Not part of the
  // name: the page (and its tests) find the textarea by its label text.
  function describeBy(input, textarea) {
    const label = textarea.labels && textarea.labels[0];
    if (!label) return;
    if (!label.id) label.id = uid(`${textarea.id || 'data'}-label`);
    input.setAttribute('aria-describedby', label.id);
  }

  // A file dropped a few pixels beside a box would make the browser open it
  // in place of the page, losing everything typed: outside the drop targets,
  // file drops are refused instead. Installed once, with the first control.
  let strayDropsGuarded = false;
  function guardStrayDrops() {
    if (strayDropsGuarded || typeof window === 'undefined') return;
    strayDropsGuarded = true;
    window.addEventListener('dragover', (e) => {
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'none';
    });
    window.addEventListener('drop', (e) => {
      if (hasFiles(e)) e.preventDefault();
    });
  }

  /**
   * Adds an "Open file…" control after `textarea` and makes the textarea a
   * drop target. A loaded file replaces the text and fires `input` on the
   * textarea; a refused one leaves the text as it was. Returns {element,
   * input, status, load(file), refresh(), detach()}.
   */
  ui.attachFileInput = function attachFileInput(textarea, options = {}) {
    const inputId = uid(`${textarea.id || 'data'}-file`);
    const input = el('input', {
      type: 'file', id: inputId, class: 'file-input-control',
      accept: '.csv,.tsv,.txt,.json,.tab,.dat,text/plain,text/csv,text/tab-separated-values,application/json',
    });
    const buttonText = el('span', { class: 'file-input-text' });
    const label = el('label', { for: inputId, class: 'file-input-button' }, buttonText);
    describeBy(input, textarea);
    const hint = el('span', { class: 'file-input-hint' });
    const status = el('p', { class: 'file-input-status', role: 'status', 'aria-live': 'polite' });
    const element = el('div', { class: 'file-input' }, el('div', { class: 'file-input-row' }, input, label, hint), status);
    textarea.after(element);
    let generation = 0;
    let depth = 0;
    let said = null; // the status shown, kept in both languages for refresh()

    const say = (messages, isError) => {
      said = messages ? { messages, isError: !!isError } : null;
      status.textContent = messages ? messages[lang()] : '';
      status.classList.toggle('is-error', !!isError);
    };

    const load = async (file) => {
      const mine = ++generation;
      say(both('loading', { name: file.name }));
      try {
        const text = await fileText(file);
        if (mine !== generation) return;
        textarea.value = text;
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
        say(both('loaded', { name: file.name, size: formatSize(file.size) }));
        if (options.onLoaded) options.onLoaded({ file, name: file.name, size: file.size, text });
      } catch (e) {
        if (mine !== generation) return;
        const refused = e instanceof FileRefused ? e : new FileRefused('read_failed', both('readFailed', { name: file.name }));
        say(refused.messages, true);
        if (options.onError) options.onError({ file, name: file.name, code: refused.code, messages: refused.messages, message: refused.messages[lang()] });
      }
    };

    const highlight = (on) => {
      textarea.classList.toggle('drop-active', on);
      element.classList.toggle('drop-active', on);
      if (on) say(both('dropNow'));
      else if (said && said.messages.en === str('dropNow', 'en')) say(null);
    };

    const onDragEnter = (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      highlight(true);
    };
    const onDragOver = (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // without this the browser opens the file instead
      e.dataTransfer.dropEffect = 'copy';
    };
    const onDragLeave = (e) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) highlight(false);
    };
    const onDrop = (e) => {
      if (!hasFiles(e)) return; // dragged text: the browser inserts it
      e.preventDefault();
      depth = 0;
      highlight(false);
      const file = e.dataTransfer.files && e.dataTransfer.files[0];
      if (file) load(file);
    };
    const onChange = () => {
      const file = input.files && input.files[0];
      if (file) load(file);
      input.value = ''; // choosing the same file again still fires change
    };

    const targets = [textarea, element];
    for (const target of targets) {
      target.addEventListener('dragenter', onDragEnter);
      target.addEventListener('dragover', onDragOver);
      target.addEventListener('dragleave', onDragLeave);
      target.addEventListener('drop', onDrop);
    }
    input.addEventListener('change', onChange);
    guardStrayDrops();

    const refresh = () => {
      buttonText.textContent = t('openFile');
      hint.textContent = t('dropHint');
      if (said) say(said.messages, said.isError);
    };
    refresh();
    const unsubscribe = onLangChange(refresh);

    const detach = () => {
      for (const target of targets) {
        target.removeEventListener('dragenter', onDragEnter);
        target.removeEventListener('dragover', onDragOver);
        target.removeEventListener('dragleave', onDragLeave);
        target.removeEventListener('drop', onDrop);
      }
      textarea.classList.remove('drop-active');
      unsubscribe();
      element.remove();
    };

    return { element, input, status, load, refresh, detach };
  };

  if (typeof module === 'object' && module.exports) module.exports = ui;
})(((typeof self !== 'undefined' ? self : globalThis).LossPlayUI = (typeof self !== 'undefined' ? self : globalThis).LossPlayUI || {}));
