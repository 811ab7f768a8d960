#!/usr/bin/env node
// Times wasm builds of the core against each other: size of the .wasm (raw
// and gzip -9) and the speed of lp.compute (mse_loss, l1_loss, huber_loss,
// cross_entropy on 1e6 values) and lp.parse (1e6 numbers), best of several
// rounds, as ratios against the first build given (the baseline).
//   node scripts/site/flag-bench.js build/flags/O3 build/flags/Os ...
// Each directory holds lossplay-core.js and lossplay-core.wasm.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { performance } = require('node:perf_hooks');
const LossPlay = require('../../web/lossplay.js');

const N = 1e6;
const ROUNDS = Number(process.env.ROUNDS || 7);

// Fixed pseudo-random data, the same for every build.
function numbers(count, seed) {
  const out = new Float64Array(count);
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 * 4 - 2;
  }
  return out;
}

const pred = numbers(N, 1);
const target = numbers(N, 2);
const C = 10;
const classes = Float64Array.from({ length: N / C }, (_, i) => i % C);
const text = Array.from(pred.subarray(0, N), (v) => v.toFixed(6)).join(' ');

const WORK = {
  mse_loss: (lp) => lp.compute('mse_loss', { input: pred, target }),
  l1_loss: (lp) => lp.compute('l1_loss', { input: pred, target }),
  huber_loss: (lp) => lp.compute('huber_loss', { input: pred, target }),
  // 1e6 logits: 1e5 rows of 10 classes.
  cross_entropy: (lp) => lp.compute('cross_entropy', { input: { data: pred, shape: [N / C, C] }, target: classes }),
  parse: (lp) => lp.parse(text),
};

function sizes(dir) {
  const wasm = fs.readFileSync(path.join(dir, 'lossplay-core.wasm'));
  const glue = fs.readFileSync(path.join(dir, 'lossplay-core.js'));
  const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
  return { wasm: wasm.length, wasmGz: gz(wasm), glue: glue.length, glueGz: gz(glue) };
}

async function main() {
  const dirs = process.argv.slice(2);
  if (!dirs.length) throw new Error('usage: flag-bench.js DIR...  (first DIR is the baseline)');
  const builds = [];
  for (const dir of dirs) {
    const factory = require(path.resolve(dir, 'lossplay-core.js'));
    const lp = await LossPlay.load({ factory });
    builds.push({ name: path.basename(dir), lp, size: sizes(dir), best: {} });
  }
  // The same answer from every build, so no flag changed a result.
  const want = builds[0].lp.compute('cross_entropy', { input: { data: pred, shape: [N / C, C] }, target: classes }).value;
  for (const b of builds) {
    const got = WORK.cross_entropy(b.lp).value;
    if (got !== want) throw new Error(`${b.name}: cross_entropy ${got} differs from ${want}`);
  }
  // Rounds interleave the builds, so a busy machine slows them all alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const b of builds) {
      for (const [task, run] of Object.entries(WORK)) {
        const t0 = performance.now();
        run(b.lp);
        const ms = performance.now() - t0;
        b.best[task] = Math.min(b.best[task] ?? Infinity, ms);
      }
    }
  }
  const base = builds[0];
  const tasks = Object.keys(WORK);
  const kb = (n) => (n / 1024).toFixed(1);
  const rows = [['build', 'wasm KB', 'wasm gz KB', 'glue gz KB', ...tasks, 'worst']];
  for (const b of builds) {
    const ratios = tasks.map((t) => b.best[t] / base.best[t]);
    rows.push([b.name, kb(b.size.wasm), kb(b.size.wasmGz), kb(b.size.glueGz),
      ...ratios.map((r, i) => (b === base ? `${base.best[tasks[i]].toFixed(1)}ms` : r.toFixed(3))),
      b === base ? '1' : Math.max(...ratios).toFixed(3)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) console.log(r.map((c, i) => String(c).padStart(widths[i])).join('  '));
  console.log(`(best of ${ROUNDS} rounds; speed columns are time / ${base.name}'s time, lower is faster)`);
}

main().catch((e) => {
  console.error(`flag-bench: ${e.message}`);
  process.exit(1);
});
