/* The PyTorch program for a fit: the line ŷ = w·x + b, the loss (through
 * torch.nn.functional, or written out from its definition as the scores
 * view's code does: losses/*.js), the optimiser of torch.optim with the
 * page's settings, and the loop, which prints the path the page drew:
 * "step w b loss" per line, then how it ended. Float64 throughout.
 *
 *   buildFitProgram({ loss, options, x, y, optimizer, lr, steps, w0, b0,
 *                     momentum?, tolerance?, lang?, labelNote? }) -> string
 *
 * y is what the loss was given (labels already mapped: labels.js); the
 * stopping rules are the core's (fit.hpp's run_optimizer): converged when
 * |dF/dw| and |dF/db| are both at most the tolerance, diverged when F or a
 * gradient stops being finite or F passes 1e10 × F(start), or |w| or |b|
 * passes 1e150. Beyond INLINE_POINTS points the data are read from
 * fit_data.txt (fitDataFile gives its text). */
import { t as translate, addStrings } from '../i18n/translate.js';
import { codeStrings } from '../i18n/strings/code.js';
import { fitTextStrings } from '../i18n/strings/fit-text.js';
import { extrasFor } from '../losses/index.js';
import { pyFloat } from '../later/pytorch-code.js';

addStrings(codeStrings); // the loss definitions' comments
addStrings(fitTextStrings);

export const INLINE_POINTS = 1000;
export const DATA_FILE = 'fit_data.txt';
const WIDTH = 88;

// What torch.nn.functional offers, and the options it takes by name.
const FUNCTIONAL = {
  mse_loss: { fn: 'F.mse_loss', options: [] },
  l1_loss: { fn: 'F.l1_loss', options: [] },
  huber_loss: { fn: 'F.huber_loss', options: [['delta', 1]] },
  smooth_l1_loss: { fn: 'F.smooth_l1_loss', options: [['beta', 1]] },
  binary_cross_entropy_with_logits: { fn: 'F.binary_cross_entropy_with_logits', options: [] },
};
// The registry's defaults of the losses written out (losses/*.js reads them through o()).
const DEFAULTS = { quantile: { tau: 0.5 }, sigmoid_focal_loss: { alpha: 0.25, gamma: 2 }, hinge: { margin: 1 }, squared_hinge: { margin: 1 } };


// "name = torch.tensor([...], dtype=torch.float64)" wrapped at WIDTH.
function tensorLine(name, values) {
  const head = `${name} = torch.tensor([`;
  const tail = '], dtype=torch.float64)';
  const items = Array.from(values, pyFloat);
  const lines = [];
  let line = head;
  items.forEach((item, i) => {
    const piece = item + (i < items.length - 1 ? ',' : '');
    if (i > 0 && line.length + 1 + piece.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(head.length) + piece;
    } else {
      line += (i > 0 ? ' ' : '') + piece;
    }
  });
  lines.push(line + tail);
  return lines;
}

const COMMENT_WIDTH = 76;

// Columns in a monospace font: CJK characters take two.
function displayWidth(text) {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

// "# text" wrapped to COMMENT_WIDTH columns (narrow screens), broken at spaces
// and after Chinese punctuation.
function commentLines(text) {
  const pieces = text.split(/(?<= )|(?<=[，。；：、）])/);
  const lines = [];
  let line = '#';
  for (const piece of pieces) {
    if (line.length > 1 && displayWidth(line) + 1 + displayWidth(piece.trimEnd()) > COMMENT_WIDTH) {
      lines.push(line.trimEnd());
      line = '#';
    }
    line += (line === '#' ? ' ' : '') + piece;
  }
  lines.push(line.trimEnd());
  return lines;
}

const comment = (text) => `# ${text}`;

// The objective's body: returns F(w, b), the mean of the loss.
function lossLines(loss, options, lang) {
  const given = options || {};
  const f = FUNCTIONAL[loss];
  if (f) {
    const args = ['input', 'target'];
    for (const [name, fallback] of f.options) {
      const v = given[name] === undefined ? fallback : given[name];
      args.push(`${name}=${pyFloat(v)}`);
    }
    return [`return ${f.fn}(${args.join(', ')})`];
  }
  const code = extrasFor(loss).code;
  if (!code) throw new Error(translate('fit.code.noCode', { loss }, lang));
  const o = (name) => pyFloat(given[name] === undefined ? DEFAULTS[loss][name] : given[name]);
  const commentLines = (key) => [comment(translate(`code.${key}`, null, lang))];
  const lines = [comment(translate('code.notInTorch', { name: loss }, lang))];
  if (code.definition) lines.push(`# ${loss} = ${code.definition}`);
  return lines.concat(code.lines(o, commentLines), ['return per_element.mean()']);
}

function optimizerLine(s) {
  if (s.optimizer === 'adam') return `optimizer = torch.optim.Adam([w, b], lr=${pyFloat(s.lr)})`;
  if (s.optimizer === 'momentum') {
    const m = s.momentum === undefined ? 0.9 : s.momentum;
    return `optimizer = torch.optim.SGD([w, b], lr=${pyFloat(s.lr)}, momentum=${pyFloat(m)})`;
  }
  if (s.optimizer === 'gd') return `optimizer = torch.optim.SGD([w, b], lr=${pyFloat(s.lr)})`;
  throw new Error(`unknown optimizer ${s.optimizer}`);
}

const OPTIMIZER_NAMES = { gd: 'fit.code.gd', momentum: 'fit.code.momentum', adam: 'fit.code.adam' };

/** The text of fit_data.txt for data too long to write out: "x y" per line. */
export function fitDataFile(x, y) {
  const lines = [];
  for (let i = 0; i < x.length; i++) lines.push(`${x[i]} ${y[i]}`);
  return { name: DATA_FILE, text: `${lines.join('\n')}\n` };
}

/** The Python program (see the file's first comment). */
export function buildFitProgram(settings) {
  const s = settings;
  const lang = s.lang;
  const tr = (key, params) => translate(key, params, lang);
  const steps = s.steps;
  const tolerance = s.tolerance === undefined ? 1e-10 : s.tolerance;
  const fromFile = s.x.length > INLINE_POINTS;
  const lines = [
    ...commentLines(tr('fit.code.header', { loss: s.loss, optimizer: tr(OPTIMIZER_NAMES[s.optimizer]) })),
    ...commentLines(tr('code.runWith')),
    ...commentLines(tr('fit.code.prints')),
    '',
  ];
  lines.push('import math');
  if (fromFile) lines.push('import numpy as np');
  lines.push('import torch', 'import torch.nn.functional as F', '');
  if (fromFile) {
    lines.push(...commentLines(tr('fit.code.fromFile', { count: s.x.length, file: DATA_FILE })));
    lines.push(`data = np.loadtxt('${DATA_FILE}', dtype=np.float64, ndmin=2)`);
    lines.push('x = torch.tensor(data[:, 0], dtype=torch.float64)', 'y = torch.tensor(data[:, 1], dtype=torch.float64)');
  } else {
    lines.push(...tensorLine('x', s.x), ...tensorLine('y', s.y));
  }
  if (s.labelNote) lines.push(...commentLines(s.labelNote));
  lines.push(
    `w = torch.tensor(${pyFloat(s.w0 || 0)}, dtype=torch.float64, requires_grad=True)  # ${tr('fit.code.slope')}`,
    `b = torch.tensor(${pyFloat(s.b0 || 0)}, dtype=torch.float64, requires_grad=True)  # ${tr('fit.code.intercept')}`,
    optimizerLine(s),
    '',
    '',
    'def objective():',
    '    input = w * x + b  # ŷ',
    '    target = y',
    ...lossLines(s.loss, s.options, lang).map((l) => `    ${l}`),
    '',
    '',
    `steps = ${steps}`,
    `tolerance = ${pyFloat(tolerance)}  # ${tr('fit.code.tolerance')}`,
    'limit = math.inf',
    'for step in range(steps + 1):',
    '    optimizer.zero_grad()',
    '    loss = objective()',
    '    loss.backward()',
    '    value, gw, gb = loss.item(), w.grad.item(), b.grad.item()',
    '    if not all(map(math.isfinite, (value, gw, gb))) or value > limit:',
    "        print('diverged at step', step)",
    '        break',
    '    if step == 0 and value > 0:',
    '        limit = 1e10 * value',
    '    print(step, w.item(), b.item(), value)',
    '    if max(abs(gw), abs(gb)) <= tolerance:',
    "        print('converged')",
    '        break',
    '    if step == steps:',
    "        print('ran all steps')",
    '        break',
    '    optimizer.step()',
    '    if not all(math.isfinite(v) and abs(v) <= 1e150 for v in (w.item(), b.item())):',
    "        print('diverged at step', step + 1)",
    '        break',
  );
  return `${lines.join('\n')}\n`;
}
