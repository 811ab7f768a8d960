'use strict';
// Every golden case (tests/golden/*.json: PyTorch's shared cases and our own
// generated ones) run through the JS API of the built module in dist/, one
// subtest per case, with the same checker as scripts/conformance.js.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { loadLossPlay } = require('./lossplay-dist.js');
const { checkCase, caseInputs, readCases } = require('../../scripts/conformance.js');

const GOLDEN_DIR = path.join(__dirname, '..', 'golden');
const files = fs.readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json')).sort();
const cases = files.flatMap((f) => readCases(path.join(GOLDEN_DIR, f)).map((c) => ({ file: f, c })));
const isBlog = (c) => c.id.startsWith('blog/');

test("the golden files have unique ids and the note's examples", () => {
  assert.ok(files.includes('pytorch-cases.json'), 'tests/golden/pytorch-cases.json is missing');
  const ids = cases.map(({ c }) => c.id);
  assert.equal(new Set(ids).size, ids.length, 'case ids must be unique across the golden files');
  assert.ok(cases.filter(({ c }) => isBlog(c)).length >= 8, 'expected at least 8 blog/* cases');
});

for (const file of files) {
  test(`golden cases of ${file}`, async (t) => {
    const { LossPlay, lp } = await loadLossPlay();
    for (const { c } of cases.filter((x) => x.file === file)) {
      await t.test(c.id, () => {
        const problem = checkCase(LossPlay, lp, c);
        assert.equal(problem, null, `${c.id}: ${problem}`);
        if (!c.expected.error) {
          const { args, options } = caseInputs(c);
          const r = lp.compute(c.loss, args, options);
          if (r.loss.shape.length === 0) assert.ok(Object.is(r.value, r.loss.data[0]), 'value is the scalar loss');
          else assert.equal(r.value, undefined, 'value is only set for a scalar loss');
          // terms, from the same pass, are exactly what reduction 'none' gives.
          if (lp.loss(c.loss).reductions.includes('none')) {
            const none = lp.compute(c.loss, args, { ...options, reduction: 'none' });
            assert.deepEqual(r.terms.shape, none.loss.shape, 'terms have the shape of the none result');
            assert.equal(r.terms.data.length, none.loss.data.length);
            for (let i = 0; i < none.loss.data.length; i++) {
              assert.ok(Object.is(r.terms.data[i], none.loss.data[i]), `terms[${i}] = ${r.terms.data[i]}, none gives ${none.loss.data[i]}`);
            }
          }
        }
      });
    }
  });
}

test('every registered loss has golden cases', async () => {
  const { lp } = await loadLossPlay();
  const covered = new Set(cases.map(({ c }) => c.loss));
  assert.deepEqual(lp.losses.map((l) => l.name).filter((n) => !covered.has(n)), [], 'registered losses with no golden case');
});
