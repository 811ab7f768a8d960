#!/usr/bin/env node
// Fuzzes the page's table reader (readData: numbers, tables with a header,
// spreadsheet columns, JSON) through the real wasm parser in Node, with a
// seeded mutator over tests/fuzz/corpus/table/. Every text must either read
// into finite numbers whose shape accounts for all of them, or be refused
// by a LossPlayError that carries a code and a position inside the text.
// Anything else (a TypeError, a hang, a non-finite number) is a finding.
//   node tests/fuzz/table-reader-fuzz.js SECONDS [SEED]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { mutate, forSeconds } = require('./random.js');
const { loadReader } = require('./targets.js');

async function main() {
  const seconds = Number(process.argv[2] || 20);
  const seed = Number(process.argv[3] || 1);
  const { lp, readData, isReadError } = await loadReader();
  const dir = path.join(__dirname, 'corpus', 'table');
  const seeds = fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const findings = [];
  const check = (text) => {
    let r;
    try {
      r = readData(lp, text);
    } catch (e) {
      if (!isReadError(e)) return `threw ${e && e.name}: ${e && e.message}`;
      if (typeof e.code !== 'string' || !e.code) return `an error without a code: ${e.message}`;
      if (!e.message || e.message.length < 12) return `a bare message: ${JSON.stringify(e.message)}`;
      const lines = text.split(/\r\n|\r|\n/).length;
      if (e.line !== undefined && (e.line < 1 || e.line > lines + 1)) return `line ${e.line} outside the text's ${lines}`;
      return null;
    }
    const t = r.tensor;
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (count !== t.data.length) return `shape [${t.shape}] for ${t.data.length} numbers`;
    for (const v of t.data) if (!Number.isFinite(v)) return `a non-finite number ${v} was read`;
    return null;
  };
  for (const s of seeds) {
    const why = check(s);
    if (why) findings.push({ text: s, why });
  }
  const runs = await forSeconds(seconds, seed, (rand) => {
    const text = mutate(rand, rand.pick(seeds), seeds);
    const t0 = Date.now();
    const why = check(text) || (Date.now() - t0 > 2000 ? `took ${Date.now() - t0} ms` : null);
    if (why && findings.length < 20) findings.push({ text, why });
  });
  report('table reader', runs, seconds, findings);
}

function report(name, runs, seconds, findings) {
  if (findings.length === 0) {
    console.log(`ok - ${name}: ${runs} executions in ${seconds} s, no finding`);
    return;
  }
  const dir = path.join(__dirname, '..', '..', 'build', 'fuzz', 'findings');
  fs.mkdirSync(dir, { recursive: true });
  findings.forEach((f, i) => fs.writeFileSync(path.join(dir, `${name.replace(/\W+/g, '-')}-${i}.txt`), f.text));
  console.log(`not ok - ${name}: ${findings.length} findings in ${runs} executions (inputs saved in build/fuzz/findings/)`);
  for (const f of findings.slice(0, 5)) console.log(`  ${f.why} <- ${JSON.stringify(f.text.slice(0, 120))}`);
  process.exitCode = 1;
}

module.exports = { report };
if (require.main === module) main().catch((e) => { console.error(e); process.exit(1); });
