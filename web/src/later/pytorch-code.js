/* PyTorch code that reproduces what the page computed, on the user's data
 * (loaded on first use, in lossplay-later.js):
 *
 *   const {code, files} = build(spec, args, options, reduction, {lang});
 *
 * The code uses float64 tensors holding the user's numbers in full precision
 * (shapes kept, class indices as torch.long, requires_grad on the prediction
 * argument), calls torch.nn.functional with every non-default option spelled
 * out (losses PyTorch lacks are written out from their extras in
 * losses/*.js), runs backward on the loss (on its sum for reduction='none',
 * as the page does) and prints the loss and the gradient in full precision.
 *
 * Large data: the code writes at most INLINE_LIMIT (1000) numbers itself.
 * Beyond that the largest tensors (ties together) move to text files, named
 * predictions.txt, targets.txt or <argument>.txt, read with numpy.loadtxt;
 * `files` holds their text ({name, text}). */
import { t as translate, addStrings } from '../i18n/translate.js';
import { codeStrings } from '../i18n/strings/code.js';
import { extrasFor } from '../losses/index.js';

addStrings(codeStrings); // this chunk's texts join the page's one translator when it loads

const t = (key, params, lang) => translate(`code.${key}`, params, lang);

export const INLINE_LIMIT = 1000;
const WIDTH = 88;
const COMMENT_WIDTH = 76;

// ---- Python literals ----

/** A float literal Python reads back to the same double (the fit lab's program uses it too). */
export function pyFloat(v) {
  if (Number.isNaN(v)) return "float('nan')";
  if (v === Infinity) return "float('inf')";
  if (v === -Infinity) return "float('-inf')";
  if (Object.is(v, -0)) return '-0.0';
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

const pyInt = (v) => (Number.isInteger(v) ? String(v) : pyFloat(v));

function pyOption(opt, value) {
  if (opt.type === 'boolean') return value ? 'True' : 'False';
  if (opt.type === 'integer') return pyInt(value);
  return pyFloat(value);
}

const pyShape = (shape) => (shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`);

const product = (shape) => shape.reduce((a, b) => a * b, 1);

// A list's items wrapped at WIDTH; `col` is the column of its '['.
function wrapList(items, col) {
  if (!items.length) return '[]';
  const pad = ' '.repeat(col + 1);
  const lines = [];
  let line = '[';
  items.forEach((item, i) => {
    const piece = item + (i === items.length - 1 ? ']' : ',');
    const start = lines.length ? 0 : col;
    if (i > 0 && start + line.length + 1 + piece.length > WIDTH) {
      lines.push(line);
      line = pad + piece;
    } else {
      line += (i > 0 ? ' ' : '') + piece;
    }
  });
  lines.push(line);
  return lines.join('\n');
}

// Nested lists in the tensor's shape, one row per line for matrices.
function nested(data, offset, shape, fmt, col) {
  if (shape.length === 0) return fmt(data[offset]);
  if (shape.length === 1) {
    const items = new Array(shape[0]);
    for (let i = 0; i < shape[0]; i++) items[i] = fmt(data[offset + i]);
    return wrapList(items, col);
  }
  const step = product(shape.slice(1));
  const rows = [];
  for (let i = 0; i < shape[0]; i++) rows.push(nested(data, offset + i * step, shape.slice(1), fmt, col + 1));
  return `[${rows.join(`,\n${' '.repeat(col + 1)}`)}]`;
}

// Calls wrapped after a comma, continuation aligned with the '('.
function wrapCall(head, args) {
  const pad = ' '.repeat(head.length);
  const lines = [];
  let line = head;
  args.forEach((arg, i) => {
    const piece = arg + (i === args.length - 1 ? ')' : ',');
    if (i > 0 && line.length + 1 + piece.length > WIDTH) {
      lines.push(line);
      line = pad + piece;
    } else {
      line += (i > 0 ? ' ' : '') + piece;
    }
  });
  if (!args.length) line += ')';
  lines.push(line);
  return lines.join('\n');
}

// ---- the tensors ----

function asTensor(value) {
  if (ArrayBuffer.isView(value) || Array.isArray(value)) return { data: value, shape: [value.length] };
  return { data: value.data, shape: Array.from(value.shape === undefined ? [value.data.length] : value.shape) };
}

const sameShape = (a, b) => a.length === b.length && a.every((d, i) => d === b[i]);

// Class indices: what the core reads as such (the target has the input's
// shape without its class dimension).
function isIndexTarget(spec, tensors) {
  if (!extrasFor(spec.name).classIndexTarget) return false;
  const input = tensors.find((x) => x.role === 'prediction');
  const target = tensors.find((x) => x.role === 'target');
  if (!input || !target) return false;
  if (spec.name !== 'cross_entropy') return true;
  const s = input.shape;
  return sameShape(target.shape, s.length <= 1 ? [] : [s[0]].concat(s.slice(2)));
}

function fileNameFor(arg) {
  if (arg.role === 'prediction') return 'predictions.txt';
  if (arg.role === 'target') return 'targets.txt';
  return `${arg.name}.txt`;
}

function collectTensors(spec, args, lang) {
  const tensors = [];
  for (const arg of spec.args) {
    const value = args[arg.name];
    if (value === undefined || value === null) {
      if (arg.required) throw new Error(t('noTensor', { arg: arg.name }, lang));
      continue;
    }
    const tensor = asTensor(value);
    tensors.push({ name: arg.name, role: arg.role, required: arg.required, data: tensor.data, shape: tensor.shape, long: false, file: null });
  }
  if (isIndexTarget(spec, tensors)) tensors.find((x) => x.role === 'target').long = true;
  return tensors;
}

// The largest tensors (equal sizes together) go to files until at most
// INLINE_LIMIT numbers remain inline.
function planFiles(tensors) {
  let inline = tensors.reduce((n, x) => n + x.data.length, 0);
  while (inline > INLINE_LIMIT) {
    const biggest = Math.max(...tensors.filter((x) => !x.file).map((x) => x.data.length));
    for (const x of tensors) {
      if (!x.file && x.data.length === biggest) {
        x.file = fileNameFor(x);
        inline -= x.data.length;
      }
    }
  }
}

// A data file: one row per line for a matrix, one number per line
// otherwise; numbers in full precision.
function fileText(x) {
  const fmt = x.long ? pyInt : (v) => String(v);
  const width = x.shape.length === 2 ? x.shape[1] : 1;
  const lines = [];
  for (let i = 0; i < x.data.length; i += width) {
    const row = [];
    for (let j = i; j < Math.min(i + width, x.data.length); j++) row.push(fmt(x.data[j]));
    lines.push(row.join(' '));
  }
  return `${lines.join('\n')}\n`;
}

function tensorLines(x, lang) {
  const dtype = x.long ? 'torch.long' : 'torch.float64';
  const tail = x.role === 'prediction' ? `dtype=${dtype}, requires_grad=True` : `dtype=${dtype}`;
  const lines = [];
  if (x.long) lines.push(...commentLines(t('classIndices', { arg: x.name }, lang)));
  if (x.file) {
    for (const c of commentLines(t('fromFile', { arg: x.name, count: x.data.length, limit: INLINE_LIMIT, file: x.file }, lang))) lines.push(c);
    const np = `np.loadtxt('${x.file}', dtype=${x.long ? 'np.int64' : 'np.float64'}, ndmin=1).reshape(${pyShape(x.shape)})`;
    lines.push(wrapCall(`${x.name} = torch.tensor(`, [np, tail]));
    return lines;
  }
  const fmt = x.long ? pyInt : pyFloat;
  const head = `${x.name} = torch.tensor(`;
  const oneLine = nested(x.data, 0, x.shape, fmt, head.length);
  const single = `${head}${oneLine}, ${tail})`;
  if (!oneLine.includes('\n') && single.length <= WIDTH) lines.push(single);
  else lines.push(`${head}\n    ${nested(x.data, 0, x.shape, fmt, 4)},\n    ${tail})`);
  return lines;
}

// Columns a monospace font gives: CJK characters take two.
function displayWidth(text) {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

// Words, breakable at spaces and after Chinese punctuation.
function commentPieces(text) {
  const pieces = [];
  let cur = '';
  for (const ch of text) {
    if (ch === ' ') {
      if (cur) pieces.push({ text: cur, space: true });
      cur = '';
      continue;
    }
    cur += ch;
    if ('，。；：、）'.includes(ch)) {
      pieces.push({ text: cur, space: false });
      cur = '';
    }
  }
  if (cur) pieces.push({ text: cur, space: true });
  return pieces;
}

// A comment wrapped shorter than code, to read on narrow screens.
function commentLines(text) {
  const lines = [];
  let line = '#';
  let gap = ' ';
  for (const piece of commentPieces(text)) {
    if (line.length > 1 && displayWidth(line) + gap.length + displayWidth(piece.text) > COMMENT_WIDTH) {
      lines.push(line);
      line = '#';
      gap = ' ';
    }
    line += gap + piece.text;
    gap = piece.space ? ' ' : '';
  }
  lines.push(line);
  return lines;
}

// ---- the computation ----

function optionValue(spec, options, name) {
  const opt = spec.options.find((o) => o.name === name);
  const given = options && options[name];
  return given === undefined ? opt.default : given;
}

function reducedLine(reduction) {
  if (reduction === 'none') return 'loss = per_element';
  return `loss = per_element.${reduction === 'sum' ? 'sum' : 'mean'}()`;
}

function computeLines(spec, tensors, options, reduction, lang) {
  const o = (name) => pyOption(spec.options.find((x) => x.name === name), optionValue(spec, options, name));
  const comment = (key) => commentLines(t(key, null, lang));
  const own = extrasFor(spec.name).code; // the loss's own lines, where torch.nn.functional lacks it
  if (own && own.computesLoss) return own.lines(o, comment);
  if (own) {
    const lines = commentLines(t('notInTorch', { name: spec.name }, lang));
    if (own.definition) lines.push(`# ${spec.name} = ${own.definition}`);
    return lines.concat(own.lines(o, comment), [reducedLine(reduction)]);
  }
  if (!spec.pytorch) throw new Error(t('noCode', { name: spec.name }, lang));
  const fn = spec.pytorch.replace(/^torch\.nn\.functional\./, 'F.');
  const args = tensors.filter((x) => x.required).map((x) => x.name);
  for (const x of tensors) if (!x.required) args.push(`${x.name}=${x.name}`);
  args.push(`reduction='${reduction}'`);
  for (const opt of spec.options) {
    const value = optionValue(spec, options, opt.name);
    if (value !== opt.default) args.push(`${opt.name}=${pyOption(opt, value)}`);
  }
  return [wrapCall(`loss = ${fn}(`, args)];
}

/**
 * {code, files}: the Python program and the data files it reads (empty
 * unless the data are large). `reduction` is the one the page used; one
 * the loss does not offer falls back to its default, as on the page.
 * options.lang ('en' | 'zh') picks the comments' language.
 */
export function build(spec, args, options, reduction, settings = {}) {
  const lang = settings.lang;
  const used = spec.reductions.includes(reduction) ? reduction : spec.defaultReduction;
  const tensors = collectTensors(spec, args, lang);
  planFiles(tensors);
  const prediction = tensors.find((x) => x.role === 'prediction');
  const title = lang === 'zh' ? spec.titleZh : spec.titleEn;
  const lines = [...commentLines(t('header', { title, name: spec.name }, lang)), ...commentLines(t('runWith', null, lang))];
  if ((extrasFor(spec.name).code || {}).needsMath) lines.push('import math');
  if (tensors.some((x) => x.file)) lines.push('import numpy as np');
  lines.push('import torch', 'import torch.nn.functional as F', '');
  for (const x of tensors) lines.push(...tensorLines(x, lang));
  lines.push('', ...computeLines(spec, tensors, options, used, lang));
  if (used === 'none') lines.push(...commentLines(t('noneSum', null, lang)), 'loss.sum().backward()');
  else lines.push('loss.backward()');
  lines.push('', "print('loss =', loss.tolist())", `print('${prediction.name}.grad =', ${prediction.name}.grad.tolist())`);
  const files = tensors.filter((x) => x.file).map((x) => ({ name: x.file, arg: x.name, text: fileText(x) }));
  return { code: `${lines.join('\n')}\n`, files };
}

/** The Python program (a string); see build for the data files. */
export function pytorchCode(spec, args, options, reduction, settings) {
  return build(spec, args, options, reduction, settings).code;
}

