/* The formulas card: for each selected loss its formula and gradient (as
 * MathML rendered from the registry's TeX at build time, so no formula
 * engine loads), its inputs, its note, the gradient the core computed, and
 * a fold with PyTorch code for these numbers, written (by lossplay-later.js,
 * fetched then) only when opened. */
// {tex: [tag, attrs, ...children]}: Temml's MathML as trees, made by
// scripts/site/render-formulas.js. This bundle carries those of the losses
// the first preset picks; the rest come with lossplay-later.js when a
// reader picks another loss (build/gen/formulas-{first,more}.json).
import FORMULAS from 'lossplay-formulas';
import { el } from './dom.js';
import { formatShort } from '../format.js';
import { has } from '../i18n/translate.js';

const MATHML = 'http://www.w3.org/1998/Math/MathML';

// Built node by node, never parsed from markup: the trees are our own, and a
// style set through the CSSOM is allowed by a strict style-src, where a
// style attribute in parsed markup is not.
function mathNode([tag, attrs, ...children]) {
  const node = document.createElementNS(MATHML, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'style') node.style.cssText = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(typeof c === 'string' ? c : mathNode(c));
  return node;
}

const own = (trees, tex) => trees && Object.prototype.hasOwnProperty.call(trees, tex);
let more = null; // the later chunk's trees, once it has come

// Formulas do not change with the data: build each one once and hand out
// copies, their words (\text{otherwise}) in the page's language.
const rendered = new Map();
function renderTex(tex, node, tr) {
  if (!rendered.has(tex)) {
    const tree = own(FORMULAS, tex) ? FORMULAS[tex] : own(more, tex) ? more[tex] : null;
    rendered.set(tex, tree ? mathNode(tree) : document.createTextNode(tex)); // unknown TeX stays readable as source
  }
  const copy = rendered.get(tex).cloneNode(true);
  if (copy.querySelectorAll) {
    for (const t of copy.querySelectorAll('mtext')) {
      const key = `mathWord.${t.textContent.trim()}`;
      if (has(key)) t.textContent = t.textContent.replace(t.textContent.trim(), tr.t(key));
    }
  }
  node.append(copy);
}

// A formula read aloud: its words in the page's language (written at build
// time from the TeX by scripts/site/speak-tex.js), given to the container as
// an image's name, so a screen reader says "L equals 1 over n times ..." and
// not the symbols one by one. The words come with the later chunk, asked for
// when the formulas card nears the screen or takes focus: the first load
// stays within its weight.
let words = null; // TeX -> [en, zh], once the later chunk has come
const waiting = new Set(); // containers to label when it comes

function label(container) {
  const w = words && words[container.dataset.tex];
  if (!w) return;
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', w[container.dataset.lang === 'zh' ? 1 : 0]);
}

function spoken(container, tex, tr) {
  container.dataset.tex = tex;
  container.dataset.lang = tr.lang;
  if (words) label(container);
  else waiting.add(container);
}

// Asks for the words once the card is close to being read.
const watched = new WeakSet();
function watch(ctx, box) {
  if (watched.has(box) || words) return;
  watched.add(box);
  const fetchWords = () => {
    ctx.later().then((later) => {
      words = later.spokenFormulas || {};
      for (const c of waiting) label(c);
      waiting.clear();
    }, () => watched.delete(box));
  };
  box.addEventListener('focusin', fetchWords, { once: true });
  if (typeof IntersectionObserver === 'undefined') return;
  const seen = new IntersectionObserver((entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    seen.disconnect();
    fetchWords();
  }, { rootMargin: '300px' });
  seen.observe(box);
}

// True when every formula of `chosen` can be drawn now.
const allHere = (chosen) => more !== null || chosen.every((l) => own(FORMULAS, l.formula) && own(FORMULAS, l.gradient));

function gradientBlock(r, tr) {
  const g = r.result.grad;
  const label = tr.t('gradient.label', { arg: r.result.gradArg === 'input' ? 'ŷ' : r.result.gradArg, reduction: { key: `reductionWord.${r.reduction}` } });
  const LIMIT = 24;
  const undefinedText = tr.t('value.undefined');
  const values = Array.from(g.data.slice(0, LIMIT), (v) => formatShort(v, undefinedText));
  const more = g.data.length > LIMIT ? tr.t('gradient.more', { count: g.data.length - LIMIT }) : '';
  // A matrix gradient reads best one row per line.
  const width = g.shape.length === 2 ? g.shape[1] : values.length;
  const lines = [];
  for (let i = 0; i < values.length; i += width) lines.push(values.slice(i, i + width).join(', '));
  // From the worker the answer comes with the result: no scan of a million values here.
  const hasNaN = typeof r.result.gradHasNaN === 'boolean' ? r.result.gradHasNaN : Array.prototype.some.call(g.data, Number.isNaN);
  const undefinedNote = hasNaN ? el('p', { class: 'note', text: tr.t('gradient.undefinedNote') }) : null;
  return el('div', { class: 'gradient' },
    el('p', { class: 'gradient-label', text: label }),
    el('p', { class: 'gradient-values', text: `[${lines.join(',\n ')}${more}]` }), undefinedNote);
}

// The cards, kept between renders by loss and language: a change of the data
// (a slider's drag) rewrites only what depends on it, the gradient and the
// code, not the formulas' MathML (whose layout is the costly part).
const cardsOf = new WeakMap(); // box -> Map(key -> card)

function buildCard(ctx, loss, tr) {
  const formula = el('div', { class: 'math' });
  const gradient = el('div', { class: 'math' });
  renderTex(loss.formula, formula, tr);
  renderTex(loss.gradient, gradient, tr);
  spoken(formula, loss.formula, tr);
  spoken(gradient, loss.gradient, tr);
  const other = tr.lang === 'zh' ? loss.titleEn : loss.titleZh;
  const heading = el('h3', { class: 'formula-title' }, tr.pick(loss, 'title'), el('span', { class: 'title-zh', text: ` ${other}` }));
  const code = loss.pytorch ? el('p', { class: 'pytorch' }, tr.t('formulas.pytorch'), el('code', { text: loss.pytorch }))
    : el('p', { class: 'pytorch' }, tr.t('formulas.notInTorch'));
  const inputs = el('ul', { class: 'arg-list' });
  for (const arg of loss.args) {
    const from = tr.t(arg.role === 'prediction' ? 'data.predictions' : arg.role === 'target' ? 'data.targets' : 'formulas.ownBox');
    inputs.append(el('li', {}, el('code', { text: arg.name }), tr.t('formulas.argFrom', { from, shape: tr.shape(arg) })));
  }
  const article = el('article', { class: 'formula-card' }, heading, formula,
    el('p', { class: 'note', text: tr.pick(loss, 'note') }), el('h4', { text: tr.t('formulas.inputs') }), inputs,
    el('h4', { text: tr.t('formulas.gradient') }), gradient, code);
  const card = { article, r: null, block: null, fold: null };
  const fold = el('details', { class: 'code-fold' }, el('summary', { text: tr.t('formulas.code') }));
  const lang = tr.lang;
  // The code for the numbers on screen when it is opened (or open while they change).
  const build = () => {
    if (!fold.open || fold.dataset.built === 'true' || !card.r) return;
    fold.dataset.built = 'true';
    const r = card.r;
    ctx.later().then(({ buildCode, CodeBlock }) => {
      if (card.r !== r) return;
      for (const old of fold.querySelectorAll(':scope > :not(summary)')) old.remove();
      const built = buildCode(loss, r.args, r.options, r.reduction, { lang });
      new CodeBlock(fold, { label: 'Python', lang }).set(built.code, built.files);
    }, (e) => fold.append(el('p', { class: 'note', text: e.message })));
  };
  fold.addEventListener('toggle', build);
  card.fold = fold;
  card.rebuild = () => {
    fold.dataset.built = '';
    build();
  };
  return card;
}

export function renderFormulas(ctx, out, tr) {
  const box = ctx.$('formulas');
  if (!allHere(out.chosen)) {
    // A loss no preset picks: its formulas come with the later chunk. The
    // cards wait for it (a few kB, once), rather than show TeX source.
    box.setAttribute('aria-busy', 'true');
    ctx.later().then((later) => { more = later.moreFormulas; }, () => { more = {}; }).then(() => {
      box.removeAttribute('aria-busy');
      if (box.isConnected) renderFormulas(ctx, out, tr);
    });
    return;
  }
  watch(ctx, box);
  if (!cardsOf.has(box)) cardsOf.set(box, new Map());
  const cards = cardsOf.get(box);
  const byName = new Map(out.results.map((r) => [r.loss.name, r]));
  const shown = [];
  const keep = new Set();
  for (const loss of out.chosen) {
    const key = `${loss.name}|${tr.lang}`;
    keep.add(key);
    if (!cards.has(key)) cards.set(key, buildCard(ctx, loss, tr));
    const card = cards.get(key);
    const r = byName.get(loss.name);
    const result = r && r.result ? r : null;
    if (card.r !== result) {
      card.r = result;
      const block = result ? gradientBlock(result, tr) : null;
      if (card.block) card.block.remove();
      card.block = block;
      if (block) card.article.append(block);
      if (result) {
        card.article.append(card.fold); // last, after the gradient
        if (card.fold.dataset.built === 'true') card.rebuild();
      } else card.fold.remove();
    }
    shown.push(card.article);
  }
  for (const key of [...cards.keys()]) if (!keep.has(key)) cards.delete(key);
  if (!out.chosen.length) shown.push(el('p', { class: 'empty', text: tr.t('formulas.empty') }));
  // Only when the list of cards changed: moving nodes that stay costs a layout.
  const now = [...box.children];
  if (now.length !== shown.length || now.some((n, i) => n !== shown[i])) box.replaceChildren(...shown);
}
