// The generated PyTorch code (web/src/later/pytorch-code.js), run with Debian's Python and PyTorch: for every
// loss in the registry, each reduction and a variant with every option away
// from its default, the printed loss and gradient must match lp.compute.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { loadLossPlay, close } = require('./lossplay-dist.js');

const { importWeb } = require('./support/web-src.js');

// web/src/later/pytorch-code.js: build() gives {code, files}; pytorchCode() the code alone.
const ui = { pytorchCode: null };

// LOSSPLAY_PYTHON only to try the skip path; the test is meant for Debian's python3.
const PYTHON = process.env.LOSSPLAY_PYTHON || '/usr/bin/python3';
const RTOL = 1e-9;
const ATOL = 0; // purely relative: a zero must be a zero on both sides

const torchCheck = spawnSync(PYTHON, ['-c', 'import torch, numpy'], { encoding: 'utf8' });
const NO_TORCH = torchCheck.status === 0 ? false
  : `${PYTHON} cannot import torch and numpy (${(torchCheck.error && torchCheck.error.message) || torchCheck.stderr.trim().split('\n').pop()}): install python3-torch to run the generated code`;

const m = (rows) => ({ data: rows.flat(), shape: [rows.length, rows[0].length] });
const v = (values) => ({ data: values, shape: [values.length] });

const LOGITS = [[1.2, -0.4, 0.3], [0.1, 0.9, -1.1], [2.0, 0.5, 0.2]];
const logSoftmax = (rows) => rows.map((r) => {
  const top = Math.max(...r);
  const lse = top + Math.log(r.reduce((s, x) => s + Math.exp(x - top), 0));
  return r.map((x) => x - lse);
});

// Inputs per loss, away from kinks and ties: `args` are the base case (run
// with every reduction), each variant changes options or adds arguments.
const SAMPLES = {
  mse_loss: { args: { input: m([[0.5, -1.2, 4], [2.25, 0.1, -0.3]]), target: m([[0, 0.3, 1], [2, 1.7, -0.5]]) } },
  rmse: { args: { input: v([0.5, -1.2, 4, 2.25]), target: v([0, 0.3, 1, 2]) } },
  l1_loss: { args: { input: v([0.5, -1.2, 4, 2.25]), target: v([0, 0.3, 1, 2]) } },
  huber_loss: { args: { input: v([0.5, -1.2, 4, 2.25]), target: v([0, 0.3, 1, 2]) }, variants: [{ options: { delta: 0.4 } }] },
  smooth_l1_loss: { args: { input: v([0.5, -1.2, 4, 2.25]), target: v([0, 0.3, 1, 2]) }, variants: [{ options: { beta: 0.7 } }] },
  msle: { args: { input: v([0.5, 2.7, 0.01, 12]), target: v([0, 3, 0.2, 10]) } },
  mape: { args: { input: v([0.5, -1.2, 4, 2.25]), target: v([0.4, 0.3, 0, -2]) } },
  log_cosh: { args: { input: m([[0.5, -1.2], [4, 2.25]]), target: m([[0, 0.3], [1, 2.2]]) } },
  quantile: { args: { input: v([0.5, -1.2, 4, 2.25]), target: v([0, 0.3, 1, 2.5]) }, variants: [{ options: { tau: 0.3 } }] },
  binary_cross_entropy: {
    args: { input: v([0.9, 0.2, 0.65, 0.4]), target: v([1, 0, 1, 1]) },
    variants: [{ args: { weight: v([1, 2, 0.5, 1.5]) } }],
  },
  binary_cross_entropy_with_logits: {
    args: { input: m([[1.5, -0.3], [0.2, -2]]), target: m([[1, 0], [0, 1]]) },
    variants: [{ args: { weight: m([[1, 2], [0.5, 1.5]]), pos_weight: v([2, 0.5]) } }, { args: { pos_weight: m([[3, 1], [0.5, 2]]) } }],
  },
  sigmoid_focal_loss: {
    args: { input: v([0.8, -1.2, 2.5, -0.4]), target: v([1, 0, 0, 1]) },
    variants: [{ options: { alpha: -1, gamma: 1.5 } }, { options: { alpha: 0.6, gamma: 0 } }],
  },
  hinge: { args: { input: v([0.8, -0.9, 0.3, -1.6]), target: v([1, -1, 1, 1]) }, variants: [{ options: { margin: 0.5 } }] },
  squared_hinge: { args: { input: v([0.8, -0.9, 0.3, -1.6]), target: v([1, -1, 1, 1]) }, variants: [{ options: { margin: 2 } }] },
  soft_margin_loss: { args: { input: v([0.8, -0.9, 0.3, -1.6]), target: v([1, -1, 1, 1]) } },
  hinge_embedding_loss: { args: { input: v([0.3, 1.4, 0.7, 2.2]), target: v([1, -1, -1, 1]) }, variants: [{ options: { margin: 1.5 } }] },
  cross_entropy: {
    args: { input: m(LOGITS), target: v([0, 2, 1]) },
    variants: [
      { args: { weight: v([1, 2, 0.5]) }, options: { label_smoothing: 0.1 } },
      { options: { ignore_index: 1 } },
      { args: { target: m([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.3, 0.3, 0.4]]), weight: v([1, 2, 0.5]) }, options: { label_smoothing: 0.2 } },
      { args: { input: v([1.2, -0.4, 0.3]), target: { data: [2], shape: [] } } },
    ],
  },
  nll_loss: {
    args: { input: m(logSoftmax(LOGITS)), target: v([0, 2, 1]) },
    variants: [{ args: { weight: v([1, 2, 0.5]) } }, { args: { weight: v([1, 2, 0.5]) }, options: { ignore_index: 2 } }],
  },
  multi_margin_loss: {
    args: { input: m(LOGITS), target: v([0, 2, 1]) },
    variants: [{ args: { weight: v([1, 2, 0.5]) }, options: { p: 2, margin: 0.7 } }],
  },
  multilabel_soft_margin_loss: {
    args: { input: m([[1.5, -0.3, 0.2], [0.2, -2, 0.9]]), target: m([[1, 0, 1], [0, 1, 1]]) },
    variants: [{ args: { weight: v([1, 2, 0.5]) } }, { args: { weight: m([[1, 2, 0.5], [0.3, 1, 2]]) } }],
  },
  categorical_hinge: {
    args: { input: m([[1.2, -0.4, 0.3], [0.1, 0.9, -1.1], [2, 0.5, 0.2]]), target: m([[1, 0, 0], [0, 0, 1], [0, 1, 0]]) },
  },
  margin_ranking_loss: {
    args: { input1: v([0.5, -0.2, 1.1, 0.3]), input2: v([0.3, 0.4, 1.5, 1.2]), target: v([1, -1, 1, -1]) },
    variants: [{ options: { margin: 0.1 } }],
  },
  cosine_embedding_loss: {
    args: { input1: m([[1, 2, 0.5], [0.3, -1, 2], [1, 1, 1]]), input2: m([[0.5, 1, 1], [1, 0.2, -0.4], [-1, 0.5, 0.2]]), target: v([1, -1, -1]) },
    variants: [{ options: { margin: 0.2 } }, { args: { input1: v([1, 2, 0.5]), input2: v([0.5, 1, 1]), target: { data: [1], shape: [] } } }],
  },
  triplet_margin_loss: {
    args: { anchor: m([[0.1, 0.5], [1, -0.2]]), positive: m([[0.3, 0.4], [0.8, 0.1]]), negative: m([[1, -0.5], [0.2, 0.3]]) },
    variants: [{ options: { margin: 1.5, p: 3, eps: 1e-4, swap: true } }],
  },
  poisson_nll_loss: {
    args: { input: v([0.5, -0.3, 1.2, 2]), target: v([1, 0, 3, 5]) },
    variants: [{ options: { full: true } }, { args: { input: v([0.5, 0.3, 1.2, 2]) }, options: { log_input: false, full: true, eps: 1e-6 } }],
  },
  gaussian_nll_loss: {
    args: { input: m([[0.5, 1.2], [-0.3, 2]]), target: m([[0.4, 1], [0.3, 1.5]]), var: m([[0.5, 1.5], [2, 0.3]]) },
    variants: [{ options: { full: true, eps: 0.01 } }, { args: { var: v([0.5, 2]) } }],
  },
  kl_div: {
    args: { input: m(logSoftmax(LOGITS)), target: m([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.3, 0.3, 0.4]]) },
    variants: [{ args: { target: m(logSoftmax([[0.3, 0.1, 2], [1, 1.5, 0], [0, 0.2, 0.1]])) }, options: { log_target: true } }],
  },
  poisson: { args: { input: v([0.5, 1.2, 3, 0.1]), target: v([1, 0, 2, 4]) } },
};

let lp;
let cases = [];
let workdir;

// Every case the test runs: {id, spec, args, options, reduction}.
function buildCases() {
  const out = [];
  for (const spec of lp.losses) {
    const sample = SAMPLES[spec.name];
    if (!sample) continue; // reported by its own test
    for (const reduction of spec.reductions) {
      out.push({ id: `${spec.name}/${reduction}`, spec, args: sample.args, options: {}, reduction });
    }
    (sample.variants || []).forEach((variant, i) => {
      for (const reduction of spec.reductions) {
        out.push({
          id: `${spec.name}/variant${i + 1}/${reduction}`,
          spec,
          args: Object.assign({}, sample.args, variant.args || {}),
          options: variant.options || {},
          reduction,
        });
      }
    });
  }
  // Large data: the code reads data files instead of writing the numbers out.
  const n = 700;
  const scores = Array.from({ length: n * 3 }, (_, i) => Math.sin(i * 0.7) * 2);
  const classes = Array.from({ length: n }, (_, i) => (i * 7) % 3);
  out.push({ id: 'cross_entropy/large/mean', spec: lp.loss('cross_entropy'), args: { input: { data: scores, shape: [n, 3] }, target: v(classes) }, options: {}, reduction: 'mean', large: true });
  const pred = Array.from({ length: 1500 }, (_, i) => Math.cos(i) / 3);
  out.push({ id: 'huber_loss/large/none', spec: lp.loss('huber_loss'), args: { input: v(pred), target: v(pred.map((x, i) => x * (i % 5) / 2)) }, options: { delta: 0.1 }, reduction: 'none', large: true });
  return out;
}

function flatten(value) {
  return Array.isArray(value) ? value.flatMap(flatten) : [value];
}

const shapeOf = (value) => (Array.isArray(value) ? [value.length].concat(value.length ? shapeOf(value[0]) : []) : []);

// Python prints nan and inf bare; JSON needs them quoted. Returns {data, shape}.
function parsePrinted(text) {
  const value = JSON.parse(text.replace(/-?\b(nan|inf)\b/g, (s) => `"${s}"`));
  const data = flatten(value).map((x) => (x === 'nan' ? NaN : x === 'inf' ? Infinity : x === '-inf' ? -Infinity : x));
  return { data, shape: shapeOf(value) };
}

function outputOf(stdout, gradArg) {
  const loss = /^loss = (.*)$/m.exec(stdout);
  const grad = new RegExp(`^${gradArg}\\.grad = (.*)$`, 'm').exec(stdout);
  assert.ok(loss && grad, `the code printed no loss or ${gradArg}.grad:\n${stdout}`);
  return { loss: parsePrinted(loss[1]), grad: parsePrinted(grad[1]) };
}

function assertClose(what, got, want) {
  assert.deepEqual(got.shape, Array.from(want.shape), `${what}: shape printed by PyTorch`);
  got = got.data;
  want = Array.from(want.data);
  assert.equal(got.length, want.length, `${what}: ${got.length} numbers printed, ${want.length} on the page`);
  for (let i = 0; i < want.length; i++) {
    assert.ok(close(got[i], want[i], RTOL, ATOL), `${what}[${i}]: PyTorch ${got[i]}, lossplay ${want[i]}`);
  }
}

// Writes each case's script (and data files) into its own folder.
function writeCase(c, index) {
  const dir = path.join(workdir, String(index));
  fs.mkdirSync(dir);
  const built = ui.pytorchCode.build(c.spec, c.args, c.options, c.reduction);
  const script = path.join(dir, 'lossplay_case.py');
  fs.writeFileSync(script, built.code);
  for (const f of built.files) fs.writeFileSync(path.join(dir, f.name), f.text);
  return { id: c.id, dir, script, built };
}

// One Python process runs every script, each in a fresh namespace from its
// own folder, so torch is imported once instead of once per case.
const DRIVER = `
import contextlib, io, json, os, runpy, sys, traceback
for case in json.load(open(sys.argv[1])):
    os.chdir(case['dir'])
    out = io.StringIO()
    result = {'id': case['id']}
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(case['script'], run_name='__main__')
    except BaseException:
        result['error'] = traceback.format_exc()
    result['stdout'] = out.getvalue()
    print(json.dumps(result), flush=True)
`;

before(async () => {
  ({ lp } = await loadLossPlay());
  const generator = await importWeb('later/pytorch-code.js');
  ui.pytorchCode = Object.assign((...a) => generator.pytorchCode(...a), { build: generator.build });
  ui.codeStrings = (await importWeb('i18n/strings/code.js')).codeStrings;
  cases = buildCases();
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lossplay-pytorch-code-'));
});

after(() => {
  if (workdir) fs.rmSync(workdir, { recursive: true, force: true });
});

test('every loss in the registry has sample data here', () => {
  const missing = lp.losses.filter((l) => !SAMPLES[l.name]).map((l) => l.name);
  assert.deepEqual(missing, [], `write sample inputs for: ${missing.join(', ')}`);
});

test('every option of every loss is set away from its default in some case', () => {
  for (const spec of lp.losses) {
    for (const opt of spec.options) {
      const covered = cases.some((c) => c.spec === spec && c.options[opt.name] !== undefined && c.options[opt.name] !== opt.default);
      assert.ok(covered, `${spec.name}: no case sets ${opt.name}`);
    }
  }
});

test('the code spells out non-default options and only those', () => {
  const code = ui.pytorchCode(lp.loss('huber_loss'), { input: [2.5, 3.2], target: [2, 3] }, { delta: 0.5 }, 'mean');
  assert.match(code, /^import torch$/m);
  assert.match(code, /^import torch\.nn\.functional as F$/m);
  assert.match(code, /F\.huber_loss\(input, target, reduction='mean', delta=0\.5\)/);
  assert.match(code, /requires_grad=True/);
  const plain = ui.pytorchCode(lp.loss('triplet_margin_loss'), SAMPLES.triplet_margin_loss.args, { margin: 1, swap: true }, 'sum');
  assert.match(plain, /F\.triplet_margin_loss\(anchor, positive, negative, reduction='sum', swap=True\)/);
  const ce = ui.pytorchCode(lp.loss('cross_entropy'), SAMPLES.cross_entropy.args, { ignore_index: 1 }, 'mean');
  assert.match(ce, /target = torch\.tensor\(\[0, 2, 1\], dtype=torch\.long\)/);
  assert.match(ce, /ignore_index=1\)/);
});

test('numbers keep every digit and matrices keep their shape', () => {
  const x = 0.1 + 0.2;
  const code = ui.pytorchCode(lp.loss('mse_loss'), { input: { data: [x, 1e-300, -0, 5e21], shape: [2, 2] }, target: { data: [1, 2, 3, 4], shape: [2, 2] } }, {}, 'none');
  assert.match(code, /\[\[0\.30000000000000004, 1e-300\],\n\s+\[-0\.0, 5e\+21\]\]/);
  assert.match(code, /loss\.sum\(\)\.backward\(\)/);
});

test('large data go to files, at most 1000 numbers stay in the code', () => {
  const big = cases.find((c) => c.id === 'huber_loss/large/none');
  const built = ui.pytorchCode.build(big.spec, big.args, big.options, big.reduction);
  assert.deepEqual(built.files.map((f) => f.name), ['predictions.txt', 'targets.txt']);
  assert.match(built.code, /np\.loadtxt\('predictions\.txt', dtype=np\.float64, ndmin=1\)\.reshape\(\(1500,\)\)/);
  assert.equal(built.files[0].text.trim().split('\n').length, 1500);
  assert.ok(built.code.length < 4000, 'the numbers are not written into the code');
  const mixed = ui.pytorchCode.build(lp.loss('cross_entropy'), { input: { data: new Array(1500).fill(0.5), shape: [500, 3] }, target: v(new Array(500).fill(1)), weight: v([1, 2, 3]) }, {}, 'mean');
  assert.deepEqual(mixed.files.map((f) => f.name), ['predictions.txt']);
  assert.match(mixed.code, /target = torch\.tensor\(\n\s+\[1, 1, 1,/);
});

test('every string has English and Chinese with the same placeholders', () => {
  for (const [key, entry] of Object.entries(ui.codeStrings)) {
    assert.ok(entry.en && entry.zh, key);
    assert.deepEqual((entry.zh.match(/\{\w+\}/g) || []).sort(), (entry.en.match(/\{\w+\}/g) || []).sort(), key);
  }
});

test('comments follow the language; the code does not change', () => {
  const args = SAMPLES.hinge.args;
  const en = ui.pytorchCode(lp.loss('hinge'), args, {}, 'mean', { lang: 'en' });
  const zh = ui.pytorchCode(lp.loss('hinge'), args, {}, 'mean', { lang: 'zh' });
  assert.match(zh, /不在 torch\.nn\.functional 中/);
  const code = (s) => s.split('\n').filter((l) => !l.startsWith('#')).join('\n');
  assert.equal(code(zh), code(en));
});

test('the generated code, run by PyTorch, prints lossplay\'s loss and gradient for every loss', { skip: NO_TORCH, timeout: 300000 }, (t) => {
  const written = cases.map(writeCase);
  const list = path.join(workdir, 'cases.json');
  fs.writeFileSync(list, JSON.stringify(written.map(({ id, dir, script }) => ({ id, dir, script }))));
  const started = Date.now();
  const run = spawnSync(PYTHON, ['-c', DRIVER, list], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(run.status, 0, `python failed: ${run.stderr}`);
  const results = new Map(run.stdout.trim().split('\n').map((line) => JSON.parse(line)).map((r) => [r.id, r]));
  const failures = [];
  for (const c of cases) {
    const r = results.get(c.id);
    try {
      assert.ok(r, 'no result');
      assert.ok(!r.error, `Python raised:\n${r.error}\n--- code ---\n${written.find((w) => w.id === c.id).built.code}`);
      const want = lp.compute(c.spec.name, c.args, Object.assign({ reduction: c.reduction }, c.options));
      const got = outputOf(r.stdout, want.gradArg);
      assertClose('loss', got.loss, want.loss);
      assertClose('grad', got.grad, want.grad);
    } catch (e) {
      failures.push(`${c.id}: ${e.message}`);
    }
  }
  assert.deepEqual(failures, [], failures.join('\n\n'));
  t.diagnostic(`${cases.length} generated programs run by PyTorch in ${Date.now() - started} ms`);
});

test('a generated program runs on its own as a script', { skip: NO_TORCH }, () => {
  const c = cases.find((x) => x.id === 'cross_entropy/large/mean');
  const dir = fs.mkdtempSync(path.join(workdir, 'alone-'));
  const built = ui.pytorchCode.build(c.spec, c.args, c.options, c.reduction);
  fs.writeFileSync(path.join(dir, 'repro.py'), built.code);
  for (const f of built.files) fs.writeFileSync(path.join(dir, f.name), f.text);
  const run = spawnSync(PYTHON, ['repro.py'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const want = lp.compute(c.spec.name, c.args, { reduction: c.reduction });
  const got = outputOf(run.stdout, 'input');
  assertClose('loss', got.loss, want.loss);
  assertClose('grad', got.grad, want.grad);
});
