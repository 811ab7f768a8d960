// The fit view's PyTorch program (web/src/fit/pytorch-fit.js), run by
// /usr/bin/python3 with python3-torch (tests/python/run_programs.py runs
// them all in one process): its printed path must be the fit core's path
// (web/src/fit/fit-api.js run()) to 1e-9 relative, step for step, and end
// the same way (converged, ran all steps, diverged at the same step), for
// every loss the view offers and all three optimisers. Skipped, saying why,
// only when /usr/bin/python3 cannot import torch.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
const { spawnSync } = require('node:child_process');
const { importWeb } = require('./support/web-src.js');

const ROOT = path.join(__dirname, '..', '..');
const PYTHON = '/usr/bin/python3';
const RUNNER = path.join(ROOT, 'tests', 'python', 'run_programs.py');

const torchMissing = (() => {
  const r = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  return r.status === 0 ? null : `${PYTHON} cannot import torch (${(r.stderr || r.error || '').toString().trim().split('\n').pop()}): install python3-torch`;
})();

const nums = (s) => s.trim().split(/\s+/).map(Number);
const LINE = { x: nums('1 2 3 4 5 6 7 8 9 10'), y: nums('3 5 7 9 11 13 15 17 19 60') };
const GROWTH = { x: nums('0 1 2 3 4 5'), y: nums('1 2.5 4.2 8.1 15 33') };
const CLASSES = { x: nums('1 2 3 4 5 6 7 8 9 10'), y: nums('0 0 0 1 0 1 1 1 1 1') };

// [loss, options, data, optimizer, lr, steps, start]
const CASES = [
  ['mse_loss', {}, LINE, 'gd', 0.01, 60, [0, 0]],
  ['mse_loss', {}, LINE, 'momentum', 0.002, 60, [1, -1]],
  ['mse_loss', {}, LINE, 'adam', 0.1, 80, [0, 0]],
  ['l1_loss', {}, LINE, 'gd', 0.02, 60, [0, 0]],
  ['l1_loss', {}, LINE, 'adam', 0.08, 120, [0, 0]],
  ['huber_loss', { delta: 2 }, LINE, 'momentum', 0.005, 80, [0, 0]],
  ['huber_loss', { delta: 1 }, LINE, 'adam', 0.3, 600, [0, 0]],
  ['smooth_l1_loss', { beta: 0.5 }, LINE, 'gd', 0.02, 50, [0.5, 0.5]],
  ['log_cosh', {}, LINE, 'adam', 0.05, 80, [0, 0]],
  ['quantile', { tau: 0.9 }, LINE, 'momentum', 0.01, 60, [0, 0]],
  ['mape', {}, LINE, 'adam', 0.05, 60, [0, 0]],
  ['msle', {}, GROWTH, 'gd', 0.05, 60, [0, 1]],
  ['binary_cross_entropy_with_logits', {}, CLASSES, 'gd', 0.1, 80, [0, 0]],
  ['sigmoid_focal_loss', { alpha: 0.25, gamma: 2 }, CLASSES, 'momentum', 0.2, 60, [0, 0]],
  ['hinge', { margin: 1 }, CLASSES, 'adam', 0.1, 60, [0, 0]],
  ['squared_hinge', {}, CLASSES, 'momentum', 0.01, 60, [0, 0]],
  // lr 0.1 on x up to 10 multiplies MSE's error by about −14 a step: it diverges.
  ['mse_loss', {}, LINE, 'gd', 0.1, 400, [0, 0]],
];

let fit;
let buildFitProgram;
let mapLabels;
test.before(async () => {
  if (torchMissing) return;
  fit = await (await importWeb('fit/fit-api.js')).loadFit();
  ({ buildFitProgram } = await importWeb('fit/pytorch-fit.js'));
  ({ mapLabels } = await importWeb('fit/labels.js'));
});

// Runs every program in one Python process (in folder cwd); [{stdout, error}].
function runAll(programs, cwd) {
  const r = spawnSync(PYTHON, [RUNNER], { input: JSON.stringify(programs), encoding: 'utf8', maxBuffer: 1 << 28, cwd });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

// The printed path: rows [step, w, b, loss] and the last line's verdict.
function parse(stdout) {
  const lines = stdout.trim().split('\n');
  const rows = [];
  let end = null;
  for (const line of lines) {
    const parts = line.trim().split(/\s+/);
    if (parts.length === 4 && parts.every((p) => Number.isFinite(Number(p)))) rows.push(parts.map(Number));
    else end = line.trim();
  }
  return { rows, end };
}

const close = (a, b) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-300;

test('each PyTorch program prints the path the fit core computed', { skip: torchMissing || false }, async (t) => {
  const runs = CASES.map(([loss, options, data, optimizer, lr, steps, [w0, b0]]) => {
    const y = mapLabels(loss, data.y).y;
    const settings = { optimizer, lr, steps, w0, b0 };
    const path = fit.run(loss, options, data.x, y, settings);
    const program = buildFitProgram({ loss, options, x: data.x, y, ...settings });
    return { id: `${optimizer}-${loss}-${lr}`, path, program };
  });
  const outputs = runAll(runs.map((r) => r.program));
  const ends = new Set();
  runs.forEach((run, i) => {
    const { path, program, id } = run;
    const out = outputs[i];
    assert.equal(out.error, null, `${id}: the program failed:\n${out.error}\n${program}`);
    const { rows, end } = parse(out.stdout);
    assert.equal(rows.length, path.w.length, `${id}: ${rows.length} steps printed, the core has ${path.w.length}`);
    rows.forEach(([step, w, b, loss], k) => {
      assert.equal(step, k);
      assert.ok(close(w, path.w[k]) && close(b, path.b[k]) && close(loss, path.loss[k]),
        `${id} step ${k}: torch (${w}, ${b}, ${loss}) vs core (${path.w[k]}, ${path.b[k]}, ${path.loss[k]})`);
    });
    const want = path.status === 'diverged' ? `diverged at step ${path.stopStep}`
      : path.status === 'converged' ? 'converged' : 'ran all steps';
    assert.equal(end, want, `${id}: the program ended "${end}", the core ${path.status}`);
    ends.add(path.status);
  });
  // The cases cover every way a path ends.
  assert.deepEqual([...ends].sort(), ['converged', 'diverged', 'ran_all_steps']);
});

test('the program writes the user\'s numbers in full and the settings as given', { skip: torchMissing || false }, () => {
  const code = buildFitProgram({ loss: 'huber_loss', options: { delta: 0.3 }, x: [0.1, 2], y: [1 / 3, -0], optimizer: 'momentum', lr: 0.005, steps: 7, w0: 1.5, b0: -2 });
  assert.match(code, /x = torch\.tensor\(\[0\.1, 2\.0\], dtype=torch\.float64\)/);
  assert.match(code, /y = torch\.tensor\(\[0\.3333333333333333, -0\.0\], dtype=torch\.float64\)/);
  assert.match(code, /F\.huber_loss\(input, target, delta=0\.3\)/);
  assert.match(code, /torch\.optim\.SGD\(\[w, b\], lr=0\.005, momentum=0\.9\)/);
  assert.match(code, /w = torch\.tensor\(1\.5,/);
  assert.match(code, /steps = 7\n/);
  const zh = buildFitProgram({ loss: 'hinge', options: {}, x: [1], y: [1], optimizer: 'gd', lr: 0.1, steps: 1, lang: 'zh' });
  assert.match(zh, /梯度下降/);
  assert.match(zh, /per_element = torch\.clamp\(margin - target \* input, min=0\)/);
});

test('long data go to fit_data.txt, which the program reads back to the same path', { skip: torchMissing || false }, async () => {
  const { fitDataFile, INLINE_POINTS, DATA_FILE } = await importWeb('fit/pytorch-fit.js');
  const n = INLINE_POINTS + 200;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = i / 97;
    y[i] = 0.3 * x[i] - 1 / 3 + Math.sin(i) / 7; // digits a short print would lose
  }
  const settings = { optimizer: 'adam', lr: 0.05, steps: 30, w0: 0, b0: 0 };
  const want = fit.run('huber_loss', { delta: 0.5 }, x, y, settings);
  const program = buildFitProgram({ loss: 'huber_loss', options: { delta: 0.5 }, x, y, ...settings });
  assert.ok(program.length < 5000, `the program writes the data out (${program.length} characters)`);
  assert.match(program, new RegExp(`np\\.loadtxt\\('${DATA_FILE}'`));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fit-data-'));
  try {
    const file = fitDataFile(x, y);
    assert.equal(file.name, DATA_FILE);
    fs.writeFileSync(path.join(dir, file.name), file.text);
    const [out] = runAll([program], dir);
    assert.equal(out.error, null, out.error);
    const { rows, end } = parse(out.stdout);
    assert.equal(rows.length, want.w.length);
    rows.forEach(([, w, b, loss], k) => assert.ok(close(w, want.w[k]) && close(b, want.b[k]) && close(loss, want.loss[k]), `step ${k}`));
    assert.equal(end, want.status === 'converged' ? 'converged' : 'ran all steps');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
