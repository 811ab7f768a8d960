#!/usr/bin/env node
// render-formulas.js: renders every registry entry's formula and gradient
// (the only TeX the page shows) to MathML at build time, with the options
// the page used with Temml at run time (displayMode, throwOnError), so no
// formula engine ships. Writes a JSON object: TeX source -> MathML markup.
//   node scripts/site/render-formulas.js [--api dist/lossplay.js] [--out build/gen/formulas.json]
// Each <math> keeps its TeX as an <annotation encoding="application/x-tex">
// (Temml's annotate option), for copying and for tools that read it.
// The markup is Temml's own, style attributes included (display:block math,
// math-depth, padding): a page under a style-src CSP without 'unsafe-inline'
// must set those through element.style, not by parsing markup into its DOM.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const temml = require('temml');

const ROOT = path.join(__dirname, '..', '..');

function args(argv) {
  const out = { api: path.join(ROOT, 'dist', 'lossplay.js'), out: path.join(ROOT, 'build', 'gen', 'formulas.json') };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in out) || argv[i + 1] === undefined) throw new Error(`unknown or incomplete argument ${argv[i]}`);
    out[key] = path.resolve(argv[++i]);
  }
  return out;
}

/** The MathML the page shows for `tex`; throws (naming the TeX) if Temml cannot render it. */
function renderFormula(tex) {
  try {
    return temml.renderToString(tex, { displayMode: true, throwOnError: true, annotate: true });
  } catch (e) {
    throw new Error(`Temml cannot render ${JSON.stringify(tex)}: ${e.message}`);
  }
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

module.exports = { renderFormula, renderRegistry };

if (require.main === module) {
  (async () => {
    const opts = args(process.argv.slice(2));
    const lp = await require(opts.api).load();
    const formulas = renderRegistry(lp.losses);
    fs.mkdirSync(path.dirname(opts.out), { recursive: true });
    fs.writeFileSync(opts.out, `${JSON.stringify(formulas, null, 1)}\n`);
    console.log(`render-formulas: ${Object.keys(formulas).length} formulas of ${lp.losses.length} losses -> ${path.relative(process.cwd(), opts.out)}`);
  })().catch((e) => {
    console.error(`render-formulas: ${e.message}`);
    process.exit(1);
  });
}
