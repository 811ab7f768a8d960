// speak-tex.js: a formula's TeX as words a screen reader says, in English
// and Chinese ("L equals 1 over n times the sum over i from 1 to n of, left
// paren, y hat sub i minus y sub i, right paren, squared"), written at build
// time beside the MathML (render-formulas.js), so nothing of it ships but
// the words. It knows the TeX the registry's formulas use: \frac, \sum,
// \sqrt, \hat, sub- and superscripts, cases, |…| and \|…\|, \text,
// \operatorname, Greek letters and the usual relations; anything else is an
// error naming the formula, so a new formula cannot go unspoken.
'use strict';

const WORDS = {
  en: {
    '=': 'equals', '+': 'plus', '-': 'minus', neg: 'negative', '<': 'is less than', '>': 'is greater than',
    le: 'is less than or equal to', ge: 'is greater than or equal to', ne: 'is not equal to', in: 'is in', cdot: 'dot',
    '(': 'left paren', ')': 'right paren', '[': 'left bracket', ']': 'right bracket', ',': ',', quad: '; where', times: 'times',
    alpha: 'alpha', beta: 'beta', gamma: 'gamma', delta: 'delta', epsilon: 'epsilon', sigma: 'sigma', tau: 'tau', pi: 'pi', ell: 'ell', partial: 'partial',
    log: 'log', cosh: 'cosh', tanh: 'tanh', cos: 'cos', max: 'max', exp: 'exp', sign: 'sign', clip: 'clip', softmax: 'softmax', argmax: 'argmax',
    otherwise: 'otherwise', default: 'by default', full: 'with full', 'log\\_input': 'with log_input', 'log\\_target': 'with log_target', ' the term inside ': 'the term inside',
  },
  zh: {
    '=': '等于', '+': '加', '-': '减', neg: '负', '<': '小于', '>': '大于',
    le: '小于等于', ge: '大于等于', ne: '不等于', in: '属于', cdot: '点乘',
    '(': '左括号', ')': '右括号', '[': '左方括号', ']': '右方括号', ',': '，', quad: '；其中', times: '乘以',
    alpha: '阿尔法', beta: '贝塔', gamma: '伽马', delta: '德尔塔', epsilon: '艾普西隆', sigma: '西格玛', tau: '陶', pi: '派', ell: 'l', partial: '偏',
    log: 'log', cosh: 'cosh', tanh: 'tanh', cos: 'cos', max: 'max', exp: 'exp', sign: '符号函数', clip: 'clip', softmax: 'softmax', argmax: 'argmax',
    otherwise: '其他情况', default: '默认', full: 'full 为真', 'log\\_input': 'log_input 为真', 'log\\_target': 'log_target 为真', ' the term inside ': '其中的项',
  },
};

const GREEK = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'sigma', 'tau', 'pi', 'ell']);
const FUNCTIONS = new Set(['log', 'cosh', 'tanh', 'cos', 'max', 'exp']);
const RELATIONS = new Set(['=', '<', '>', 'le', 'ge', 'ne', 'in']);
const IGNORED = new Set([',', ' ', '!', ';', ':', 'left', 'right', 'displaystyle']);

function tokenize(tex) {
  const out = [];
  const re = /\\([a-zA-Z]+|.)|(\s+)|(\d+(?:\.\d+)?)|(.)/gy;
  let m;
  while ((m = re.exec(tex))) {
    if (m[1] !== undefined) out.push({ cmd: m[1] });
    else if (m[3] !== undefined) out.push({ ch: m[3] }); // a number is one word
    else if (m[4] !== undefined) out.push({ ch: m[4] });
  }
  return out;
}

// ---- parsing: a list of nodes ----

function parser(tex) {
  const tokens = tokenize(tex);
  let i = 0;
  const fail = (why) => {
    throw new Error(`speak-tex: ${why} in ${JSON.stringify(tex)}`);
  };
  const peek = () => tokens[i];
  const isCh = (t, c) => t && t.ch === c;
  const isCmd = (t, c) => t && t.cmd === c;

  // The raw text of a {…} group (for \text, \operatorname, \begin).
  function rawGroup() {
    if (!isCh(tokens[i], '{')) fail('expected {');
    i++;
    let text = '';
    let depth = 1;
    for (; i < tokens.length; i++) {
      const t = tokens[i];
      if (isCh(t, '{')) depth++;
      if (isCh(t, '}') && --depth === 0) break;
      text += t.ch !== undefined ? t.ch : t.cmd === '_' ? '\\_' : t.cmd === ' ' ? ' ' : `\\${t.cmd}`;
    }
    i++;
    return text;
  }

  function seq(stop) {
    const items = [];
    while (i < tokens.length && !stop(peek())) {
      const node = atom(stop);
      if (node) items.push(postfix(node));
    }
    return items;
  }

  function arg() {
    const t = peek();
    if (isCh(t, '{')) {
      i++;
      const items = seq((x) => isCh(x, '}'));
      i++;
      return { type: 'group', items };
    }
    return atom(() => false);
  }

  function postfix(node) {
    for (;;) {
      const t = peek();
      if (isCh(t, '^')) {
        i++;
        node = Object.assign({}, node, { sup: arg() });
      } else if (isCh(t, '_')) {
        i++;
        node = Object.assign({}, node, { sub: arg() });
      } else return node;
    }
  }

  function atom(stop) {
    const t = tokens[i++];
    if (t.ch !== undefined) {
      if (t.ch === '{') {
        const items = seq((x) => isCh(x, '}'));
        i++;
        return { type: 'group', items };
      }
      if (t.ch === '|') {
        const items = seq((x) => isCh(x, '|') || (isCmd(x, 'right') && isCh(tokens[i + 1], '|')) || stop(x));
        if (isCmd(peek(), 'right')) i++;
        i++;
        return { type: 'abs', items };
      }
      if (t.ch === '&' || t.ch === '}') fail(`unexpected ${t.ch}`);
      return { type: 'char', ch: t.ch };
    }
    const c = t.cmd;
    if (c === 'left' || c === 'right') {
      const d = peek();
      if (isCh(d, '.')) {
        i++;
        return null;
      }
      return null; // the delimiter that follows is read as itself
    }
    if (IGNORED.has(c)) return null;
    if (c === '|') {
      const items = seq((x) => isCmd(x, '|') || stop(x));
      i++;
      return { type: 'norm', items };
    }
    if (c === 'frac') return { type: 'frac', num: arg(), den: arg() };
    if (c === 'sqrt') return { type: 'sqrt', body: arg() };
    if (c === 'hat') return { type: 'hat', body: arg() };
    if (c === 'text' || c === 'operatorname') return { type: 'word', text: rawGroup() };
    if (c === 'sum' || c === 'nabla') return { type: 'op', name: c };
    if (c === 'quad') return { type: 'quad' };
    if (c === 'begin') {
      if (rawGroup() !== 'cases') fail('only cases environments');
      const rows = [];
      for (;;) {
        const value = seq((x) => isCh(x, '&') || isCmd(x, '\\') || isCmd(x, 'end'));
        let cond = [];
        if (isCh(peek(), '&')) {
          i++;
          cond = seq((x) => isCmd(x, '\\') || isCmd(x, 'end'));
        }
        rows.push({ value, cond });
        const end = tokens[i++];
        if (isCmd(end, 'end')) {
          rawGroup();
          break;
        }
      }
      return { type: 'cases', rows };
    }
    if (GREEK.has(c) || FUNCTIONS.has(c) || RELATIONS.has(c) || c === 'partial' || c === 'cdot') return { type: 'sym', name: c };
    if (c === '_') return { type: 'char', ch: '_' };
    return fail(`unknown command \\${c}`);
  }

  const items = seq(() => false);
  return items;
}

// ---- speaking ----

const isSimple = (node) => node && (node.type === 'char' || node.type === 'sym' || (node.type === 'group' && node.items.length === 1 && isSimple(node.items[0])));

function speaker(lang) {
  const W = WORDS[lang];
  const zh = lang === 'zh';
  const word = (k) => (Object.prototype.hasOwnProperty.call(W, k) ? W[k] : k);

  function list(items) {
    const out = [];
    for (let k = 0; k < items.length; k++) {
      const node = items[k];
      const prev = items[k - 1];
      if (node.type === 'char' && node.ch === '-' && (!prev || (prev.type === 'sym' && RELATIONS.has(prev.name)) || (prev.type === 'char' && '(,[=<>'.includes(prev.ch)))) {
        out.push(word('neg'));
        continue;
      }
      if (node.type === 'op') {
        // A sum (or gradient) runs over the rest of its list.
        out.push(operator(node, list(items.slice(k + 1))));
        break;
      }
      out.push(one(node));
      const next = items[k + 1];
      if (node.type === 'frac' && next && !(next.type === 'char' && '=+-,)'.includes(next.ch)) && !(next.type === 'sym' && RELATIONS.has(next.name))) out.push(word('times'));
    }
    return out.join(' ');
  }

  function operator(node, body) {
    const sub = node.sub ? one(node.sub) : '';
    if (node.name === 'nabla') return zh ? `对 ${sub} 的梯度 ${body}` : `the gradient with respect to ${sub} of ${body}`;
    const range = node.sub && node.sup ? sumRange(node.sub, node.sup) : null;
    if (zh) return range ? `对 ${range.v} 从 ${range.from} 到 ${range.to} 求和，${body}` : `对 ${sub} 求和，${body}`;
    return range ? `the sum over ${range.v} from ${range.from} to ${range.to} of ${body}` : `the sum over ${sub} of ${body}`;
  }

  // i = 1 … n
  function sumRange(sub, sup) {
    const items = sub.type === 'group' ? sub.items : [sub];
    const at = items.findIndex((n) => n.type === 'char' && n.ch === '=');
    if (at < 0) return null;
    return { v: list(items.slice(0, at)), from: list(items.slice(at + 1)), to: one(sup) };
  }

  function scripts(node, text) {
    let s = text;
    if (node.sub) s = zh ? `${s} 下标 ${one(node.sub)}` : `${s} sub ${one(node.sub)}`;
    if (node.sup) {
      const p = one(node.sup);
      if (p === '2') s = zh ? `${s} 的平方` : `${s} squared`;
      else s = zh ? `${s} 的 ${p} 次方` : `${s} to the power ${p}`;
    }
    return s;
  }

  function one(node) {
    switch (node.type) {
      case 'group': return scripts(node, list(node.items));
      case 'char': return scripts(node, word(node.ch));
      case 'sym': {
        if (node.name === 'max' && node.sub && !node.sup) {
          const over = one(node.sub);
          return zh ? `对 ${over} 取 ${word(node.name)}` : `${word(node.name)} over ${over} of`;
        }
        return scripts(node, word(node.name));
      }
      case 'word': {
        const text = node.text;
        const w = Object.prototype.hasOwnProperty.call(W, text) ? W[text] : text;
        if (text === 'argmax' && node.sub) return zh ? `对 ${one(node.sub)} 取 argmax` : `argmax over ${one(node.sub)} of`;
        return scripts(node, w);
      }
      case 'hat': return scripts(node, zh ? `${one(node.body)} 帽` : `${one(node.body)} hat`);
      case 'abs': return scripts(node, zh ? `${list(node.items)} 的绝对值` : `the absolute value of ${list(node.items)}, end absolute value`);
      case 'norm': return scripts(node, zh ? `${list(node.items)} 的范数` : `the norm of ${list(node.items)}, end norm`);
      case 'sqrt': return scripts(node, zh ? `${one(node.body)} 的平方根` : `the square root of ${one(node.body)}, end root`);
      case 'quad': return word('quad');
      case 'frac': {
        const num = node.num.type === 'group' ? node.num.items : [node.num];
        const den = node.den.type === 'group' ? node.den.items : [node.den];
        if (num[0] && num[0].type === 'sym' && num[0].name === 'partial' && den[0] && den[0].type === 'sym' && den[0].name === 'partial') {
          const f = list(num.slice(1));
          const x = list(den.slice(1));
          return zh ? `${f} 对 ${x} 的偏导数` : `the partial derivative of ${f} with respect to ${x}`;
        }
        const a = one(node.num);
        const b = one(node.den);
        if (isSimple(node.num) && isSimple(node.den)) return scripts(node, zh ? `${b} 分之 ${a}` : `${a} over ${b}`);
        return scripts(node, zh ? `分式，分子 ${a}，分母 ${b}，分式结束` : `the fraction ${a}, over ${b}, end fraction`);
      }
      case 'cases': {
        const rows = node.rows.map(({ value, cond }) => {
          const v = list(value);
          const c = list(cond);
          const other = cond.length === 1 && cond[0].type === 'word' && cond[0].text === 'otherwise';
          if (zh) return other ? `其他情况为 ${v}` : `当 ${c} 时为 ${v}`;
          return other ? `${v} otherwise` : `${v} if ${c}`;
        });
        return zh ? `分情况：${rows.join('；')}` : `in cases: ${rows.join('; ')}`;
      }
      default: throw new Error(`speak-tex: cannot speak ${node.type}`);
    }
  }
  return list;
}

const tidy = (s, lang) => {
  let out = s.replace(/\s+/g, ' ').replace(/ ([,;，；])/g, '$1').replace(/,\s*;/g, ';').replace(/([,;])(?=\S)/g, '$1 ').trim();
  if (lang === 'zh') out = out.replace(/\s*([，；：])\s*/g, '$1').replace(/，；/g, '；');
  return out;
};

/** {en, zh}: the words of `tex`. Throws for TeX it does not know. */
function speakTex(tex) {
  const items = parser(tex);
  return { en: tidy(speaker('en')(items), 'en'), zh: tidy(speaker('zh')(items), 'zh') };
}

module.exports = { speakTex };

if (require.main === module) {
  for (const tex of process.argv.slice(2)) console.log(speakTex(tex));
}
