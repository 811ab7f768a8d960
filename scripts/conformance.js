#!/usr/bin/env node
// Runs loss-conformance/1 files through the built WebAssembly module in Node.
// Prints one line per failing case (its id and what differed) and ends with
// "N passed, M failed"; exits 0 only if every case passed.
//   node scripts/conformance.js FILE.json [FILE.json ...]
// (scripts/conformance.sh builds dist/ first.) The case checker is also used by
// tests/js/golden.test.js, so both read the format one way.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** A number as the format writes it: JSON numbers, or "nan", "inf", "-inf". */
function formatNumber(v) {
  if (typeof v === 'number') return v;
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  throw new Error(`not a number of the format: ${JSON.stringify(v)}`);
}

function formatTensor(t) {
  return { data: Float64Array.from(t.data, formatNumber), shape: t.shape.slice() };
}

/** |got - want| <= atol + rtol |want|; NaN matches NaN, an infinity the same infinity. */
function close(got, want, rtol, atol) {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (!Number.isFinite(want)) return got === want;
  if (!Number.isFinite(got)) return false;
  return Math.abs(got - want) <= atol + rtol * Math.abs(want);
}

function compareTensor(what, got, want, rtol, atol) {
  const gotShape = JSON.stringify(Array.from(got.shape));
  const wantShape = JSON.stringify(want.shape);
  if (gotShape !== wantShape) return `${what} has shape ${gotShape}, want ${wantShape}`;
  const bad = [];
  for (let i = 0; i < want.data.length; i++) if (!close(got.data[i], want.data[i], rtol, atol)) bad.push(i);
  if (!bad.length) return null;
  const shown = bad.slice(0, 3).map((i) => `${what}[${i}] = ${got.data[i]}, want ${want.data[i]}`);
  return `${bad.length} of ${want.data.length} ${what} values differ: ${shown.join('; ')}`;
}

/** A case's {args, options} as lp.compute takes them. */
function caseInputs(c) {
  const args = {};
  for (const [name, tensor] of Object.entries(c.args)) args[name] = formatTensor(tensor);
  // Option values JSON cannot hold ("inf", ...) are strings in the format.
  const options = {};
  for (const [k, v] of Object.entries(c.options || {})) {
    options[k] = k !== 'reduction' && typeof v === 'string' ? formatNumber(v) : v;
  }
  return { args, options };
}

/** null when the case passes, else what differed. */
function checkCase(LossPlay, lp, c) {
  const { args, options } = caseInputs(c);
  const rtol = c.rtol ?? 1e-9;
  const atol = c.atol ?? 1e-12;
  let r;
  try {
    r = lp.compute(c.loss, args, options);
  } catch (e) {
    if (!(e instanceof LossPlay.LossPlayError)) return `threw ${e && e.name}: ${e && e.message}`;
    if (c.expected.error) {
      if (e.kind !== 'input') return `refused, but as a ${e.kind} error: ${e.message}`;
      if (!e.message.trim()) return 'refused without a message';
      return null;
    }
    return `refused valid input: ${e.message}`;
  }
  if (c.expected.error) return `returned ${r.value ?? `a ${JSON.stringify(r.loss.shape)} tensor`} for invalid input`;
  const problems = [];
  const loss = compareTensor('loss', r.loss, formatTensor(c.expected.loss), rtol, atol);
  if (loss) problems.push(loss);
  for (const [name, tensor] of Object.entries(c.expected.grad || {})) {
    if (r.gradArg !== name) problems.push(`gradient is with respect to ${r.gradArg}, want ${name}`);
    else {
      const grad = compareTensor(`grad.${name}`, r.grad, formatTensor(tensor), rtol, atol);
      if (grad) problems.push(grad);
    }
  }
  return problems.length ? problems.join('; ') : null;
}

function readCases(file) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (doc.format !== 'loss-conformance/1') throw new Error(`${file}: format is ${doc.format}, want loss-conformance/1`);
  return doc.cases;
}

async function main(files) {
  if (!files.length) {
    console.error('usage: node scripts/conformance.js FILE.json [FILE.json ...]');
    return 2;
  }
  const dist = path.join(__dirname, '..', 'dist', 'lossplay.js');
  if (!fs.existsSync(dist)) {
    console.error('dist/ is not built: run scripts/build.sh (scripts/conformance.sh does)');
    return 2;
  }
  const LossPlay = require(dist);
  const lp = await LossPlay.load();
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    for (const c of readCases(file)) {
      const problem = checkCase(LossPlay, lp, c);
      if (problem) {
        failed++;
        console.log(`FAIL ${c.id} (${c.loss}): ${problem}`);
      } else {
        passed++;
      }
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

module.exports = { checkCase, caseInputs, readCases, formatTensor, close };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`conformance: ${e.message}`);
      process.exit(2);
    },
  );
}
