/* Where a JSON (or Python list) text that JSON.parse refused goes wrong
 * (error paths only, so in the lazily loaded chunk): the first problem as
 * a ReadError at its line, column and token. */
import { ReadError } from './read.js';
import { position, shown } from './positions.js';

const MAX_DEPTH = 16; // as read.js's jsonFast

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
export function locateJsonError(ascii, original) {
  const fail = (at, code, params, length) => {
    const p = position(original, at);
    const token = at >= original.length ? '' : shown(original.slice(at, at + Math.max(1, length || 1)));
    throw new ReadError(code, p.line, p.column, token, Object.assign({}, params));
  };
  const syntax = (at, expected) => {
    if (at >= ascii.length) fail(at, 'json_syntax_end', { expected: { key: `input.${expected}` } });
    const word = matchAt(JSON_WORD, ascii, at) || ascii[at];
    fail(at, 'json_syntax', { expected: { key: `input.${expected}` } }, word.length);
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
      fail(at, 'json_row_longer', { n: want }, 1);
    }
    counts[depth]++;
    const c = ascii[i];
    const kind = c === '[' ? 'array' : 'number';
    if (c === '[' || c === '-' || (c >= '0' && c <= '9')) {
      if (kindAt[depth] === undefined) kindAt[depth] = kind;
      else if (kindAt[depth] !== kind) {
        if (kind === 'array') fail(at, 'json_nested', {}, 1);
        const word = matchAt(JSON_WORD, ascii, at);
        fail(at, 'json_not_array', {}, word.length);
      }
    }
    if (c === '[') return array(depth + 1);
    if (c === '-' || (c >= '0' && c <= '9')) {
      const num = matchAt(JSON_NUMBER, ascii, at);
      const word = matchAt(JSON_WORD, ascii, at);
      if (!num || word.length !== num.length) syntax(at, 'expValue');
      if (!Number.isFinite(Number(num))) fail(at, 'json_out_of_range', {}, num.length);
      i += num.length;
      return;
    }
    if (c === '"') {
      const s = matchAt(JSON_STRING, ascii, at);
      fail(at, 'json_not_number', {}, s.length);
    }
    if (c === '{') fail(at, 'json_not_number', { quoted: true }, 1);
    const word = matchAt(JSON_WORD, ascii, at);
    if (word === 'null' || word === 'true' || word === 'false') {
      fail(at, 'json_not_number', {}, word.length);
    }
    syntax(at, 'expValue');
  };
  const array = (depth) => {
    if (depth > MAX_DEPTH) fail(i, 'json_too_deep', { n: MAX_DEPTH }, 1);
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
      fail(i, 'json_row_shorter', { count: counts[depth], n: want }, 1);
    }
    i++; // the ']'
  };
  skip();
  if (ascii[i] !== '[') syntax(i, 'expArray');
  array(1);
  skip();
  if (i < ascii.length) {
    const word = matchAt(JSON_WORD, ascii, i) || ascii[i];
    fail(i, 'json_trailing', {}, word.length);
  }
}
