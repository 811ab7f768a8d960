#!/usr/bin/env node
// render-formulas.js: renders every registry entry's formula and gradient
// (the only TeX the page shows) to MathML at build time, with the options
// the page used with Temml at run time (displayMode, throwOnError), so no
// formula engine ships. Writes a JSON object: TeX source -> MathML tree.
//   node scripts/site/render-formulas.js [--glue build/wasm/lossplay-core.js] [--out build/gen/formulas.json]
// It reads the registry from the built core itself (the Emscripten glue), as
// the page bundle that imports the JSON is not built yet.
// A tree is [tag, {attribute: value}, ...children], a child a tree or a
// string of text: the page builds it with createElementNS and sets each
// style attribute through element.style. Markup would not do: Temml puts
// style attributes on its MathML (display:block math, math-depth, padding),
// and under the README's style-src 'self' Chromium refuses them when parsed
// (innerHTML) and reports a violation for any DOMParser use, while CSSOM
// writes are allowed. Each <math> keeps its TeX as an
// <annotation encoding="application/x-tex"> (Temml's annotate option).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const temml = require('temml');
const { speakTex } = require('./speak-tex.js');

const ROOT = path.join(__dirname, '..', '..');

function args(argv) {
  const out = { glue: path.join(ROOT, 'build', 'wasm', 'lossplay-core.js'), out: path.join(ROOT, 'build', 'gen', 'formulas.json') };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in out) || argv[i + 1] === undefined) throw new Error(`unknown or incomplete argument ${argv[i]}`);
    out[key] = path.resolve(argv[++i]);
  }
  return out;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (text) => text.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (m, name, dec, hex) =>
  (dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ENTITIES[name]));

/**
 * Temml's markup as a tree. Temml writes well-formed XML: start tags with
 * double-quoted attributes, end tags, escaped text; anything else is an
 * error here rather than a formula shown wrong.
 */
function toTree(markup) {
  const token = /<\/([a-z]+)>|<([a-z]+)((?:\s+[a-z-]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  const root = ['#root', {}];
  const open = [root];
  let m;
  while (token.lastIndex < markup.length && (m = token.exec(markup))) {
    const [, close, tag, attrs, selfClosing, text] = m;
    const top = open[open.length - 1];
    if (close) {
      if (top[0] !== close) throw new Error(`</${close}> closes <${top[0]}>`);
      open.pop();
    } else if (tag) {
      const node = [tag, Object.fromEntries(Array.from(attrs.matchAll(/([a-z-]+)="([^"]*)"/g), ([, k, v]) => [k, unescape(v)]))];
      top.push(node);
      if (!selfClosing) open.push(node);
    } else {
      top.push(unescape(text));
    }
  }
  if (token.lastIndex !== markup.length || m === null) throw new Error(`unreadable MathML at ${token.lastIndex}`);
  if (open.length !== 1 || root.length !== 3 || root[2][0] !== 'math') throw new Error('MathML is not one closed <math>');
  return root[2];
}

/** The MathML tree the page shows for `tex`; throws (naming the TeX) if Temml cannot render it. */
function renderFormula(tex) {
  try {
    return toTree(temml.renderToString(tex, { displayMode: true, throwOnError: true, annotate: true }));
  } catch (e) {
    throw new Error(`cannot render ${JSON.stringify(tex)}: ${e.message}`);
  }
}

/**
 * Every formula's words for a screen reader (speak-tex.js): TeX -> [English,
 * Chinese]. The later chunk carries them (formulas-spoken.json). Throws for
 * a formula it cannot speak, so none goes unspoken.
 */
function speakRegistry(formulas) {
  const out = {};
  for (const tex of Object.keys(formulas)) {
    const words = speakTex(tex);
    out[tex] = [words.en, words.zh];
  }
  return out;
}

/** Every TeX string of the registry, mapped to its MathML, in registry order. */
function renderRegistry(losses) {
  const out = {};
  for (const loss of losses) {
    for (const field of ['formula', 'gradient']) {
      const tex = loss[field];
      if (typeof tex !== 'string' || !tex.trim()) throw new Error(`${loss.name} has no ${field}`);
      if (!(tex in out)) out[tex] = renderFormula(tex);
    }
  }
  return out;
}

/**
 * The page's two shares of `formulas`: `first`, the formulas of the losses
 * of the presets marked formulasFirst (the first view's: they come with
 * the page, inside its weight budget), and `more`, the rest, which the lazily
 * loaded chunk carries for when a reader picks another loss.
 */
function splitForPage(formulas, losses, presetLosses) {
  const wanted = new Set(presetLosses);
  const first = {};
  const more = {};
  for (const loss of losses) {
    for (const tex of [loss.formula, loss.gradient]) (wanted.has(loss.name) ? first : more)[tex] = formulas[tex];
  }
  for (const tex of Object.keys(first)) delete more[tex];
  return { first, more };
}

module.exports = { renderFormula, renderRegistry, splitForPage, speakRegistry, toTree };

if (require.main === module) {
  (async () => {
    const opts = args(process.argv.slice(2));
    const core = await require(opts.glue)();
    const losses = core.registry();
    const formulas = renderRegistry(losses);
    fs.mkdirSync(path.dirname(opts.out), { recursive: true });
    fs.writeFileSync(opts.out, `${JSON.stringify(formulas)}\n`);
    const { PRESETS } = await import(path.join(ROOT, 'web', 'src', 'state', 'presets.js'));
    const split = splitForPage(formulas, losses, PRESETS.filter((p) => p.formulasFirst).flatMap((p) => p.losses));
    for (const [part, trees] of Object.entries(split)) {
      fs.writeFileSync(opts.out.replace(/\.json$/, `-${part}.json`), `${JSON.stringify(trees)}\n`);
    }
    fs.writeFileSync(opts.out.replace(/\.json$/, '-spoken.json'), `${JSON.stringify(speakRegistry(formulas))}\n`);
    console.log(`render-formulas: ${Object.keys(formulas).length} formulas of ${losses.length} losses -> ${path.relative(process.cwd(), opts.out)}`);
  })().catch((e) => {
    console.error(`render-formulas: ${e.message}`);
    process.exit(1);
  });
}
