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

// Formulas do not change with the data: build each one once and hand out copies.
const rendered = new Map();
function renderTex(tex, node) {
  if (!rendered.has(tex)) {
    const tree = own(FORMULAS, tex) ? FORMULAS[tex] : own(more, tex) ? more[tex] : null;
    rendered.set(tex, tree ? mathNode(tree) : document.createTextNode(tex)); // unknown TeX stays readable as source
  }
  node.append(rendered.get(tex).cloneNode(true));
}

// True when every formula of `chosen` can be drawn now.
const allHere = (chosen) => more !== null || chosen.every((l) => own(FORMULAS, l.formula) && own(FORMULAS, l.gradient));

function gradientBlock(r, tr) {
  const g = r.result.grad;
  const label = tr.t('gradient.label', { arg: r.result.gradArg === 'input' ? 'ŷ' : r.result.gradArg, reduction: r.reduction });
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
  box.replaceChildren();
  const byName = new Map(out.results.map((r) => [r.loss.name, r]));
  for (const loss of out.chosen) {
    const r = byName.get(loss.name);
    const formula = el('div', { class: 'math' });
    const gradient = el('div', { class: 'math' });
    renderTex(loss.formula, formula);
    renderTex(loss.gradient, gradient);
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
    if (r && r.result) {
      article.append(gradientBlock(r, tr));
      const fold = el('details', { class: 'code-fold' }, el('summary', { text: tr.t('formulas.code') }));
      const lang = tr.lang;
      fold.addEventListener('toggle', () => {
        if (!fold.open || fold.dataset.built) return;
        fold.dataset.built = 'true';
        ctx.later().then(({ buildCode, CodeBlock }) => {
          const built = buildCode(loss, r.args, r.options, r.reduction, { lang });
          new CodeBlock(fold, { label: 'Python', lang }).set(built.code, built.files);
        }, (e) => fold.append(el('p', { class: 'note', text: e.message })));
      });
      article.append(fold);
    }
    box.append(article);
  }
  if (!out.chosen.length) box.append(el('p', { class: 'empty', text: tr.t('formulas.empty') }));
}
