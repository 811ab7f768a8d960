// The fit view's charts in Chromium (web/src/fit/views/: lines.js,
// landscape.js, player.js), mounted by a harness page with real results of
// the fit core (fit-api.js) on the data: x = 1…10, y = 2x + 1, the
// last y = 60, fitted with MSE and MAE. A line per loss, a point dragged and
// keyed, the start dragged and keyed, the player stepping, a diverged path
// said, the sentences, both languages, a phone's width, and the heatmap's speed.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { buildSite } = require('./fixtures/fit-charts/site.js');

const SITE = buildSite();
const { launch, openPage } = require('./browser.js');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); fs.rmSync(SITE, { recursive: true, force: true }); });

const LS_SLOPE = 4.127272727272727; // least squares on the data

async function harness(query = '', viewport) {
  const opened = await openPage(browser.context, `${browser.base}fixtures/fit-charts/harness.html?${query}`, viewport);
  const error = await opened.page.evaluate(() => document.body.dataset.error);
  assert.equal(error, undefined, error);
  return opened;
}

// Pixels of the lines chart near each colour (the loss colours of compute.js).
function countColours(page, colours) {
  return page.evaluate((list) => {
    const canvas = document.querySelector('.fitc-lines canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    return list.map((hex) => {
      const n = parseInt(hex.slice(1), 16);
      const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40 && data[i + 3] > 200) count++;
      }
      return count;
    });
  }, colours);
}

const legendTexts = (page, root = '.fitc-lines') => page.$$eval(`${root} .fitc-legend-item`, (items) => items.map((i) => i.textContent));

test('a fitted line per loss over the points, in the loss’s colour, with w and b in the legend', async () => {
  const { page, pageErrors } = await harness('data=outlier');
  const results = await page.evaluate(() => self.harness.results.fits.map((f) => ({ loss: f.loss, w: f.optimum.w, color: f.color })));
  assert.ok(Math.abs(results[0].w - LS_SLOPE) < 1e-9);
  const [blue, red] = await countColours(page, results.map((r) => r.color));
  assert.ok(blue > 300 && red > 300, `pixels of MSE's colour ${blue}, of MAE's ${red}`);
  const legend = await legendTexts(page);
  assert.equal(legend.length, 2);
  assert.match(legend[0], /^MSE.*exact optimum \(dashed\): w = 4\.13, b = −6\.8/);
  assert.match(legend[1], /^MAE.*exact optimum \(dashed\): w = 2, b = 1/);
  const sentence = await page.$eval('.fitc-lines', (f) => document.getElementById(f.getAttribute('aria-describedby')).textContent);
  assert.match(sentence, /^10 points with one fitted line ŷ = w·x \+ b per loss/);
  assert.match(sentence, /MSE: w = 4\.13/);
  // Ten draggable points, one of them in the tab order.
  assert.equal(await page.$$eval('.fitc-handle[role="slider"]', (h) => h.length), 10);
  assert.equal(await page.$$eval('.fitc-handle[tabindex="0"]', (h) => h.length), 1);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('dragging a point fires onMove with the y under the pointer, then onMoveEnd, and the lines follow', async () => {
  const { page } = await harness('data=outlier');
  const handle = await page.$('.fitc-handle[data-index="9"]');
  const box = await handle.boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(cx, cy + i * 15);
  await page.mouse.up();
  await page.waitForTimeout(50);
  const { events, mse } = await page.evaluate(() => ({ events: self.harness.events, mse: self.harness.results.fits[0].optimum.w }));
  assert.ok(events.move.length >= 2, `${events.move.length} moves`);
  assert.ok(events.move.every((m) => m.index === 9));
  const last = events.move[events.move.length - 1];
  // 150 px down on an axis of about 0.27 px per unit of y (60 − 3 + padding over ~264 px): y falls by tens.
  assert.ok(last.y < 40 && last.y > 10, `y ${last.y}`);
  assert.equal(events.moveEnd, 1);
  assert.ok(mse < LS_SLOPE - 0.5, `MSE's slope followed the point: ${mse}`);
  // The point's slider says where it is.
  assert.equal(Number(await handle.getAttribute('aria-valuenow')), last.y);
  assert.equal(await handle.getAttribute('aria-label'), 'point 10 (x = 10)');
  const [min, max] = [Number(await handle.getAttribute('aria-valuemin')), Number(await handle.getAttribute('aria-valuemax'))];
  assert.ok(min < 3 && max > last.y, `slider range [${min}, ${max}] holds the data`);
  await page.close();
});

test('Escape during a drag puts the point back and the start where it was: onMoveCancel, no onStart', async () => {
  const { page, pageErrors } = await harness('data=outlier');
  const before = await page.evaluate(() => self.harness.results.fits[0].optimum.w);
  const drag = async (selector, dx, dy) => {
    const box = await (await page.$(selector)).boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(cx + (dx * i) / 5, cy + (dy * i) / 5);
    await page.waitForTimeout(50);
    await page.keyboard.press('Escape');
    await page.mouse.move(cx + 2 * dx, cy + 2 * dy); // after Escape the pointer moves nothing
    await page.mouse.up();
    await page.waitForTimeout(50);
  };
  await drag('.fitc-handle[data-index="9"]', 0, 150);
  let events = await page.evaluate(() => self.harness.events);
  assert.ok(events.move.length >= 1, 'the point moved during the drag');
  assert.equal(events.moveCancel, 1);
  assert.equal(events.moveEnd, 0);
  assert.equal(await page.evaluate(() => self.harness.results.fits[0].optimum.w), before, 'the fit of before the drag');
  assert.equal(await page.$eval('.fitc-handle[data-index="9"]', (h) => Number(h.getAttribute('aria-valuenow'))), 60);
  const startLabel = await page.$eval('.fitc-landscape .fitc-start', (s) => s.getAttribute('aria-label'));
  await drag('.fitc-landscape .fitc-start', 40, 30);
  events = await page.evaluate(() => self.harness.events);
  assert.equal(events.start.length, 0, 'no rerun from the cancelled start');
  assert.equal(await page.$eval('.fitc-landscape .fitc-start', (s) => s.getAttribute('aria-label')), startLabel);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('the keyboard chooses a point with ← → and moves it with ↑ ↓ (Shift: ten times more)', async () => {
  const { page } = await harness('data=outlier');
  await page.focus('.fitc-handle[tabindex="0"]');
  await page.keyboard.press('ArrowLeft'); // from the first point round to the last
  assert.equal(await page.evaluate(() => document.activeElement.dataset.index), '9');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.waitForTimeout(50);
  const events = await page.evaluate(() => self.harness.events);
  const ys = events.move.map((m) => m.y);
  assert.deepEqual(ys, [59, 49]);
  assert.equal(events.moveEnd, 2);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-valuetext')), 'point 10: x = 10, y = 49');
  assert.equal(await page.evaluate(() => self.harness.state.moved.y), 49);
  await page.close();
});

test('the landscape: dragging the start fires onStart on release; the arrow keys move it too', async () => {
  const { page } = await harness('data=outlier');
  const start = await page.$('.fitc-landscape .fitc-start');
  const box = await start.boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 20, cy);
  await page.mouse.move(cx + 40, cy + 30);
  assert.equal((await page.evaluate(() => self.harness.events.start)).length, 0, 'nothing before the release');
  await page.mouse.up();
  const events = await page.evaluate(() => self.harness.events.start);
  assert.equal(events.length, 1);
  assert.ok(events[0].w > 0 && events[0].b < 0, `start (${events[0].w}, ${events[0].b})`);
  // The harness refitted from there: the path starts at the new point.
  const first = await page.evaluate(() => ({ w: self.harness.results.fits[0].path.w[0], b: self.harness.results.fits[0].path.b[0] }));
  assert.deepEqual(first, events[0]);
  await page.focus('.fitc-landscape .fitc-start');
  await page.keyboard.press('ArrowUp');
  const keyed = await page.evaluate(() => self.harness.events.start);
  assert.equal(keyed.length, 2);
  assert.equal(keyed[1].w, events[0].w);
  assert.ok(keyed[1].b > events[0].b);
  assert.match(await start.getAttribute('aria-label'), /^start of the path: w = /);
  await page.close();
});

test('the landscape says its path and the exact optimum; axes, colour scale and grid are named', async () => {
  const { page } = await harness('data=outlier');
  const sentences = await page.$$eval('.fitc-landscape', (fs) => fs.map((f) => document.getElementById(f.getAttribute('aria-describedby')).textContent));
  assert.match(sentences[0], /^MSE: the path of 200 optimiser steps from \(0, 0\) ends at \(4\.1\d?, −6\.\d+\); the exact optimum is \(4\.13, −6\.8\)\.$/);
  assert.match(sentences[1], /^MAE: the path of 200 optimiser steps from \(0, 0\) ends at .*; the exact optimum is \(2, 1\)\.$/);
  const scale = await page.$eval('.fitc-landscape .fitc-scale', (s) => s.textContent);
  assert.match(scale, /F\(w, b\), log colour scale/);
  assert.match(scale, /100 × 100 grid/);
  await page.close();
});

test('cells outside the loss’s domain are hatched grey and keyed; a landscape without them has no key', async () => {
  const { page } = await harness('data=outlier&losses=msle,mse_loss');
  const nan = await page.evaluate(() => self.harness.results.fits.map((f) => f.landscape.values.filter((v) => !Number.isFinite(v)).length));
  assert.ok(nan[0] > 100 && nan[1] === 0, `NaN cells: ${nan}`);
  const keys = await page.$$eval('.fitc-landscape .fitc-scale', (s) => s.map((n) => [...n.children].filter((c) => c.offsetParent !== null).map((c) => c.textContent).join(' | ')));
  assert.match(keys[0], /outside the loss’s domain/);
  assert.doesNotMatch(keys[1], /outside/);
  // The picture: the hatch's two greys (150 and 200), which no colour of the ramp is.
  const grey = await page.evaluate(() => {
    const canvas = document.querySelector('.fitc-landscape canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let greys = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === data[i + 1] && data[i + 1] === data[i + 2] && (data[i] === 150 || data[i] === 200)) greys++;
    return { greys };
  });
  assert.ok(grey.greys > 1000, `grey stripe pixels: ${grey.greys}`);
  await page.close();
});

test('the player steps frames forward and back, plays and pauses with one button, and honours reduced motion', async () => {
  const { page } = await harness('data=outlier');
  await page.click('.fitc-forward');
  await page.click('.fitc-forward');
  await page.click('.fitc-back');
  let frames = await page.evaluate(() => self.harness.events.frames);
  assert.deepEqual(frames, [1, 2, 1]);
  assert.equal(await page.$eval('.fitc-player output', (o) => o.textContent), 'step 1 of 200');
  assert.equal(await page.$eval('.fitc-frame', (s) => s.getAttribute('aria-valuetext')), 'step 1 of 200');
  // The legend follows the frame: MSE's w after one Adam step.
  const legend = await legendTexts(page);
  const w1 = await page.evaluate(() => self.harness.results.fits[0].path.w[1]);
  assert.ok(legend[0].includes(`w = ${Number(w1.toPrecision(3))}`), legend[0]);
  await page.click('.fitc-play');
  assert.equal(await page.$eval('.fitc-play', (b) => b.textContent), 'Pause');
  await page.waitForTimeout(400);
  await page.click('.fitc-play');
  assert.equal(await page.$eval('.fitc-play', (b) => b.textContent), 'Play');
  frames = await page.evaluate(() => self.harness.events.frames);
  assert.ok(frames[frames.length - 1] > 5, `played to ${frames[frames.length - 1]}`);
  // The slider with the keyboard.
  await page.focus('.fitc-frame');
  await page.keyboard.press('End');
  assert.equal(await page.$eval('.fitc-player output', (o) => o.textContent), 'step 200 of 200');
  // Reduced motion: a reset shows the paths' ends and does not play.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.evaluate(() => self.harness.player.reset());
  await page.waitForTimeout(200);
  frames = await page.evaluate(() => self.harness.events.frames);
  assert.equal(frames[frames.length - 1], 200);
  assert.equal(await page.$eval('.fitc-play', (b) => b.textContent), 'Play');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.evaluate(() => self.harness.player.reset());
  await page.waitForTimeout(300);
  assert.equal(await page.$eval('.fitc-play', (b) => b.textContent), 'Pause', 'without reduced motion a reset plays');
  await page.close();
});

test('a diverged path is said on its landscape and in the legend, never given as a result', async () => {
  for (const [lang, said] of [['en', 'diverged at step 4: learning rate too large'], ['zh', '在第 4 步发散：学习率过大']]) {
    const { page } = await harness(`data=diverged&lang=${lang}`);
    const status = await page.$$eval('.fitc-landscape .fitc-status', (s) => s.map((n) => n.textContent));
    assert.deepEqual(status, [said, '']);
    const legend = await legendTexts(page);
    assert.ok(legend[0].includes(said), legend[0]);
    assert.ok(!/w = [^,]+, b = [^ ]+ *exact/.test(legend[0].replace(said, '')), `no w, b for the diverged path: ${legend[0]}`);
    const sentence = await page.$eval('.fitc-landscape', (f) => document.getElementById(f.getAttribute('aria-describedby')).textContent);
    assert.ok(sentence.includes(said), sentence);
    assert.ok(!/ends at/.test(sentence));
    await page.close();
  }
});

test('classification: points at their classes, BCE’s curve and hinge’s decision boundary, said in the legend', async () => {
  const { page } = await harness('data=classes');
  const legend = await legendTexts(page);
  assert.match(legend[0], /^BCE.*curve p = σ\(w·x \+ b\)/);
  assert.match(legend[1], /^Hinge.*decision boundary x = −b\/w = [\d.]+ .*labels given to the loss as −1 and \+1/);
  const sentence = await page.$eval('.fitc-lines', (f) => document.getElementById(f.getAttribute('aria-describedby')).textContent);
  assert.match(sentence, /whose outputs are scores/);
  // Dragging a point across the middle flips its class.
  const handle = await page.$('.fitc-handle[data-index="4"]'); // x = 5, class 0
  const box = await handle.boundingBox();
  await page.mouse.move(box.x + 12, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + 12, box.y - 150);
  await page.mouse.up();
  const events = await page.evaluate(() => self.harness.events);
  assert.deepEqual(events.move, [{ index: 4, y: 1 }]);
  await page.close();
});

test('separable classes: no finite optimum is said, not drawn', async () => {
  const { page } = await harness('data=separable');
  const status = await page.evaluate(() => self.harness.results.fits.map((f) => f.optimum.status));
  assert.equal(status[0], 'no_finite_optimum');
  const legend = await legendTexts(page);
  assert.match(legend[0], /no finite optimum: the loss keeps falling as \|w\| grows/);
  assert.doesNotMatch(legend[0], /exact optimum/);
  const sentence = await page.$eval('.fitc-landscape', (f) => document.getElementById(f.getAttribute('aria-describedby')).textContent);
  assert.match(sentence, /^BCE: the path of 100 optimiser steps from \(0, 0\) ends at \([\d.]+, −[\d.]+\); no finite optimum: the loss keeps falling as \|w\| grows\.$/);
  await page.close();
});

test('Chinese: axes 斜率 w and 截距 b, the player and the sentences in Chinese', async () => {
  const { page } = await harness('data=outlier&lang=zh');
  const sentence = await page.$eval('.fitc-landscape', (f) => document.getElementById(f.getAttribute('aria-describedby')).textContent);
  assert.match(sentence, /^MSE：优化器从 \(0, 0\) 出发走了 200 步，停在 .*；精确最优解是 \(4\.13, −6\.8\)。$/);
  assert.equal(await page.$eval('.fitc-play', (b) => b.textContent), '播放');
  assert.equal(await page.$eval('.fitc-player output', (o) => o.textContent), '第 0 步，共 200 步');
  const legend = await legendTexts(page);
  assert.match(legend[0], /精确最优解（虚线）：w = 4\.13，b = −6\.8/);
  await page.close();
});

test('on a phone (360 px) the charts take the full width and a touch drags a point', async () => {
  const { page } = await harness('data=outlier', { width: 360, height: 780 });
  const widths = await page.$$eval('.fitc-plot canvas', (cs) => cs.map((c) => [c.getBoundingClientRect().width, c.parentElement.clientWidth]));
  for (const [w, host] of widths) assert.equal(w, host);
  assert.ok(widths[0][0] > 300, `lines chart ${widths[0][0]} px wide`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
  assert.equal(overflow, false, 'nothing wider than the screen');
  const box = await (await page.$('.fitc-handle[data-index="9"]')).boundingBox();
  const client = await page.context().newCDPSession(page);
  const at = (y) => [{ x: box.x + box.width / 2, y }];
  const y0 = box.y + box.height / 2;
  await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(y0) });
  for (let i = 1; i <= 5; i++) await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(y0 + i * 20) });
  await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(50);
  const events = await page.evaluate(() => self.harness.events);
  assert.ok(events.move.length >= 1 && events.move[events.move.length - 1].y < 60, JSON.stringify(events.move));
  assert.equal(events.moveEnd, 1);
  // The landscape's start by touch too: one onStart, on lifting the finger.
  const start = await (await page.$('.fitc-landscape .fitc-start')).boundingBox();
  const sx = start.x + start.width / 2;
  const sy = start.y + start.height / 2;
  await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: sx, y: sy }] });
  await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: sx + 30, y: sy + 10 }] });
  await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: sx + 60, y: sy + 20 }] });
  assert.equal((await page.evaluate(() => self.harness.events.start)).length, 0);
  await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(50);
  const started = await page.evaluate(() => self.harness.events.start);
  assert.equal(started.length, 1);
  assert.ok(started[0].w > 0, JSON.stringify(started));
  await page.close();
});

test('a loss that cannot fit the data shows its error in the legend and in place of its landscape; the others still fit', async () => {
  const { page } = await harness('data=negative');
  const code = await page.evaluate(() => self.harness.results.fits[0].error.code);
  assert.equal(code, 'msle_domain');
  const legend = await legendTexts(page);
  assert.match(legend[0], /^MSLE.*MSLE takes log\(1 \+ value\), so every value must be greater than -1/);
  assert.doesNotMatch(legend[0], /w = /, 'no numbers for a loss that did not fit');
  assert.match(legend[1], /^MSE w = /);
  const notes = await page.$$eval('.fitc-landscape > .fitc-note', (n) => n.map((x) => x.textContent));
  assert.match(notes[0], /MSLE takes log/);
  assert.equal(notes[1], '');
  assert.equal(await page.$eval('.fitc-landscape .fitc-start', (s) => s.hidden), true, 'no start to drag without a landscape');
  assert.equal(await page.$eval('.fitc-landscape .fitc-plot', (p) => p.offsetHeight), 0, 'no empty plot');
  await page.close();
});

test('a change of theme redraws the charts in its colours; a change of language rewords them', async () => {
  const { page } = await harness('data=outlier&theme=light');
  // The colour at the centre of the first point: the theme's text colour.
  const pointColour = () => page.evaluate(() => {
    const canvas = document.querySelector('.fitc-lines canvas');
    const h = document.querySelector('.fitc-handle').getBoundingClientRect();
    const c = canvas.getBoundingClientRect();
    const ratio = canvas.width / c.width;
    const d = canvas.getContext('2d').getImageData(Math.round((h.x + h.width / 2 - c.x) * ratio), Math.round((h.y + h.height / 2 - c.y) * ratio), 1, 1).data;
    return `#${[d[0], d[1], d[2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  });
  assert.equal(await pointColour(), '#1a1d23');
  await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });
  await page.waitForTimeout(50);
  assert.equal(await pointColour(), '#e6e8ec');
  await page.evaluate(() => self.harness.retranslate('zh'));
  assert.equal(await page.$eval('.fitc-play', (b) => b.textContent), '播放');
  assert.equal(await page.$eval('.fitc-lines .fitc-title', (b) => b.textContent), '数据与各损失函数拟合出的直线');
  assert.equal(await page.$eval('.fitc-landscape .fitc-title', (b) => b.textContent), 'MSE 的损失曲面');
  await page.close();
});

test('long data: the points are drawn but not draggable, and the chart says so', async () => {
  const { page } = await harness('data=long');
  assert.equal(await page.$$eval('.fitc-handle', (h) => h.length), 0);
  assert.equal(await page.$eval('.fitc-lines .fitc-note', (n) => n.textContent), 'With 300 points the points are not draggable (up to 200 are).');
  assert.equal((await legendTexts(page)).length, 2);
  await page.close();
  // 20 000 points: a frame of the animation redraws the lines over the points in well under 16 ms.
  const long = await harness('data=long&n=20000');
  const ms = await long.page.evaluate(() => self.harness.timeLines(20));
  console.log(`lines chart, 20000 points: ${ms.toFixed(2)} ms a frame`);
  assert.ok(ms < 16, `${ms} ms`);
  await long.page.close();
});

test('canvases are sharp on a high-DPI screen and follow their container’s width', async () => {
  const { page } = await harness('data=outlier');
  const client = await page.context().newCDPSession(page);
  await client.send('Emulation.setDeviceMetricsOverride', { width: 1366, height: 900, deviceScaleFactor: 2, mobile: false });
  await page.evaluate(() => self.harness.setFrame(null)); // redraws at the new ratio
  let sizes = await page.$$eval('.fitc-plot canvas', (cs) => cs.map((c) => [c.width, c.getBoundingClientRect().width]));
  for (const [device, css] of sizes) assert.equal(device, 2 * css);
  await page.$eval('#left', (n) => { n.style.width = '420px'; });
  await page.waitForTimeout(100);
  sizes = await page.$$eval('.fitc-lines canvas', (cs) => cs.map((c) => [c.getBoundingClientRect().width, c.parentElement.clientWidth]));
  assert.equal(sizes[0][0], sizes[0][1]);
  assert.ok(sizes[0][0] < 420, `${sizes[0][0]} px`);
  await client.send('Emulation.clearDeviceMetricsOverride');
  await page.close();
});

test('a 100 × 100 landscape redraws within 16 ms, its heatmap rebuilt included', async () => {
  const { page } = await harness('data=outlier');
  const t = await page.evaluate(() => self.harness.timeLandscape(30));
  console.log(`landscape ${t.columns} × ${t.rows}: a frame's redraw ${t.frameMs.toFixed(2)} ms, with the heatmap rebuilt ${t.heatmapMs.toFixed(2)} ms`);
  assert.equal(t.columns * t.rows, 10000);
  assert.ok(t.frameMs < 16, `${t.frameMs} ms`);
  assert.ok(t.heatmapMs < 16, `${t.heatmapMs} ms`);
  await page.close();
});
