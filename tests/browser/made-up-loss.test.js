// "Adding a loss touches its C++ group file and its JS group module": a copy
// of the tree gets a made-up loss (the mean cubed absolute residual) written
// into cpp/src/losses_regression.cpp and web/src/losses/regression.js and
// nothing else, is built into a site of its own, and the page is checked to
// show it everywhere a loss appears: the picker, the results, the formulas,
// the charts and the PyTorch code panel.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..', '..');

// The C++ side: the loss and its registry entry, in the group file.
const CPP_LOSS = `
LossResult cubic(const Arguments& args, const Options&, Reduction reduction) {
  return pointwise(args, reduction, [](double x, double y, double& g, std::size_t) {
    double d = x - y;
    g = 3 * d * std::fabs(d);
    return std::fabs(d) * d * d;
  });
}

`;
const CPP_ENTRY = `    {.name = "cubic_loss",
     .short_name = "Cubic",
     .short_zh = "三次",
     .title_en = "Mean cubed absolute error",
     .title_zh = "平均绝对误差的三次方",
     .args = {regression_input, regression_target},
     .reductions = all_reductions(),
     .formula = R"(L = \\frac{1}{n}\\sum_{i=1}^{n}\\left|\\hat{y}_i - y_i\\right|^3)",
     .gradient = R"(\\frac{\\partial L}{\\partial \\hat{y}_i} = \\frac{3}{n}(\\hat{y}_i - y_i)\\left|\\hat{y}_i - y_i\\right|)",
     .note_en = "A made-up loss that punishes outliers even more than MSE.",
     .note_zh = "一个虚构的损失函数，对离群点的惩罚比 MSE 还重。",
     .evaluate = cubic},
`;
// The JS side: its chart slice, an alias and its PyTorch lines (PyTorch lacks it).
const JS_EXTRAS = `  cubic_loss: {
    slice: residual(0),
    aliases: ['cubic'],
    code: {
      definition: '|ŷ - y|^3',
      lines: () => ['per_element = (input - target).abs() ** 3'],
    },
  },
`;

function insertBefore(text, marker, addition, file) {
  const at = text.indexOf(marker);
  assert.ok(at >= 0, `${file} no longer has "${marker.trim()}": update this test's patch`);
  return text.slice(0, at) + addition + text.slice(at);
}

let tree;
let browser;
let openPage;
before(async () => {
  tree = fs.mkdtempSync(path.join(os.tmpdir(), 'lossplay-made-up-loss-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0').filter(Boolean);
  for (const f of files) {
    if (!fs.existsSync(path.join(ROOT, f))) continue; // deleted in the work tree
    fs.mkdirSync(path.dirname(path.join(tree, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(tree, f));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'));

  const cppFile = path.join(tree, 'cpp', 'src', 'losses_regression.cpp');
  let cpp = fs.readFileSync(cppFile, 'utf8');
  cpp = insertBefore(cpp, 'constexpr ArgSpec regression_input', CPP_LOSS, 'losses_regression.cpp');
  cpp = insertBefore(cpp, '};\n\n}  // namespace\n\nvoid add_regression_losses', CPP_ENTRY, 'losses_regression.cpp');
  fs.writeFileSync(cppFile, cpp);
  const jsFile = path.join(tree, 'web', 'src', 'losses', 'regression.js');
  const js = fs.readFileSync(jsFile, 'utf8');
  fs.writeFileSync(jsFile, insertBefore(js, '  mse_loss: {', JS_EXTRAS, 'regression.js'));

  // The same build as scripts/build.sh's, in the copy.
  const env = { ...process.env, NODE_PATH: '/usr/share/nodejs' };
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: tree, env, stdio: ['ignore', 'ignore', 'inherit'] });
  run('emcmake', ['cmake', '-S', '.', '-B', 'build/wasm', '-DCMAKE_BUILD_TYPE=Release', '-DLOSSPLAY_WARNINGS_AS_ERRORS=ON']);
  run('cmake', ['--build', 'build/wasm', '-j', String(os.cpus().length)]);
  run('scripts/assemble-site.sh', ['dist']);

  process.env.LOSSPLAY_DIST = path.join(tree, 'dist');
  const helpers = require('./browser.js');
  openPage = helpers.openPage;
  browser = await helpers.launch();
});
after(async () => {
  if (browser) await browser.close();
  if (tree) fs.rmSync(tree, { recursive: true, force: true });
});

test('a loss added in its two group files shows in the picker, results, formulas, charts and code', async () => {
  const { page, pageErrors } = await openPage(browser.context, `${browser.base}?lang=en`);
  // The picker's search finds it by its title, in its group.
  await page.getByLabel('Find a loss').fill('cubed');
  const box = page.getByRole('checkbox', { name: /Cubic/ });
  assert.equal(await box.count(), 1, 'the picker lists the new loss');
  await page.getByLabel('Predictions (ŷ)').fill('1 3 5');
  await page.getByLabel('Targets (y)').fill('2 4 7');
  await box.check();
  // Results: mean(|−1|³, |−1|³, |−2|³) = 10/3.
  const row = page.locator('#results tbody tr').filter({ has: page.locator('.loss-short', { hasText: /^Cubic$/ }) });
  await row.waitFor();
  assert.equal((await row.locator('td.value').textContent()).trim(), '3.33333');
  // Formulas: its title, and both formulas as MathML made at build time.
  const card = page.locator('#formulas .formula-card').filter({ hasText: 'Mean cubed absolute error' });
  assert.equal(await card.count(), 1, 'a formula card');
  assert.equal(await card.locator('math').count(), 2, 'its formula and gradient render as MathML');
  // Charts: the loss curve has a series for it.
  await page.waitForFunction(() => [...document.querySelectorAll('#charts .u-legend, #charts figure, #charts')]
    .some((n) => /Cubic/.test(n.textContent)));
  // The code panel: PyTorch code with the group module's lines.
  await card.locator('details.code-fold summary').click();
  await card.locator('details.code-fold pre, details.code-fold code').first().waitFor();
  assert.match(await card.locator('details.code-fold').textContent(), /\(input - target\)\.abs\(\) \*\* 3/);
  // And in Chinese, from the registry entry's own texts.
  await page.getByLabel('Language').selectOption('zh');
  await page.locator('#formulas .formula-title', { hasText: '平均绝对误差的三次方' }).waitFor();
  await page.locator('#formulas .note', { hasText: '对离群点的惩罚比 MSE 还重' }).waitFor();
  // An embed's losses= knows its alias.
  const { page: embed } = await openPage(browser.context, `${browser.base}index.html?embed=1&losses=cubic&data=1%203%205%20%7C%202%204%207`);
  await embed.locator('#results .loss-short', { hasText: /^Cubic$/ }).waitFor();
  assert.deepEqual(pageErrors, []);
});
