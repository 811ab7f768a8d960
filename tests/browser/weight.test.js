// The first load of dist/index.html, everything it fetches counted, weighs at
// most 200 KB gzipped and asks nothing of any other site (issue 8, item 7).
// scripts/measure-weight.js does the measuring; this states the limits.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { measure, table } = require('../../scripts/measure-weight.js');
const { DIST } = require('./browser.js');

const LIMIT_KB = 200;

test(`a reader's first load of index.html is at most ${LIMIT_KB} KB gzipped, all from the site`, async () => {
  const result = await measure(DIST);
  const report = `\n${table(result)}`;
  // The page itself and the core it computes with are among what was counted.
  const paths = result.files.map((f) => f.path);
  assert.ok(paths.includes('/index.html'), `index.html was not counted:${report}`);
  assert.ok(paths.some((p) => /lossplay-core/.test(p)), `no loss core was loaded:${report}`);
  assert.deepEqual(result.external, [], `requests left the site:${report}`);
  assert.deepEqual(result.failed, [], `requests failed:${report}`);
  assert.ok(result.total.gzip <= LIMIT_KB * 1024,
    `${(result.total.gzip / 1024).toFixed(1)} KB gzipped, above ${LIMIT_KB} KB:${report}`);
});

// The fit lab's chunk, fetched when its view first shows, takes the page's translator when it loads
// (web/src/fit/shared-translate.js) instead of carrying a second one with the page's string tables.
test('lossplay-fitlab.js carries none of the page\'s string tables', () => {
  const chunk = require('node:fs').readFileSync(require('node:path').join(DIST, 'lossplay-fitlab.js'), 'utf8');
  for (const key of ['charts.curvesTitle', 'charts.showTable']) {
    assert.ok(!chunk.includes(key), `the page's "${key}" is bundled into the fit lab's chunk`);
  }
  assert.ok(chunk.includes('fit.preset.outlier'), 'the fit lab\'s own words are in its chunk');
});
