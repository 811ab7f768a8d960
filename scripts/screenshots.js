#!/usr/bin/env node
// Screenshots of dist/ at desktop (1366) and phone (360) widths, light and dark, English
// and Chinese, for
// looking at the page as a user would. Usage:
//   node scripts/screenshots.js [out-dir] [preset-id]   (default build/screenshots)
//   node scripts/screenshots.js --fit [out-dir]          the fit lab (?view=fit; default build/screenshots/fit),
//                                                        the phone's pages also in parts of 1200 px
//   node scripts/screenshots.js --readme                 (web/screenshot.png, the README's picture)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { launch, openPage } = require('../tests/browser/browser.js');

async function readmePicture() {
  const browser = await launch();
  try {
    const { page } = await openPage(browser.context, browser.base, { width: 1200, height: 760 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.click('button[data-preset="huber"]');
    await page.waitForTimeout(300);
    const file = path.join(__dirname, '..', 'web', 'screenshot.png');
    await page.screenshot({ path: file });
    console.log(file);
  } finally {
    await browser.close();
  }
}

// One screenshot of the fit lab once its fits are drawn; the phone's page also in parts, to look at at their own size.
async function fitShot(page, file, name) {
  await page.emulateMedia({ reducedMotion: 'reduce' }); // the paths' ends, not a frame of their animation
  await page.waitForSelector('.fit-lab:not([aria-busy]) table tbody tr', { timeout: 20000 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: file, fullPage: true });
  if (name !== 'phone') return;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let top = 0, k = 1; top < height; top += 1200, k++) {
    await page.screenshot({ path: file.replace('.png', `-part${k}.png`), fullPage: true, clip: { x: 0, y: top, width: 360, height: Math.min(1200, height - top) } });
  }
}

async function main() {
  if (process.argv[2] === '--readme') return readmePicture();
  const fit = process.argv[2] === '--fit';
  const args = process.argv.slice(fit ? 3 : 2);
  const out = path.resolve(args[0] || (fit ? 'build/screenshots/fit' : 'build/screenshots'));
  const preset = fit ? undefined : args[1];
  fs.mkdirSync(out, { recursive: true });
  const browser = await launch();
  try {
    const views = [
      ['desktop', { width: 1366, height: 900 }],
      ['phone', { width: 360, height: 780 }],
    ];
    for (const [name, viewport] of views) {
      for (const [scheme, lang] of [['light', 'en'], ['dark', 'en'], ['light', 'zh'], ['dark', 'zh']]) {
        const { page, pageErrors } = await openPage(browser.context, `${browser.base}?lang=${lang}${fit ? '&view=fit' : ''}`, viewport);
        await page.emulateMedia({ colorScheme: scheme });
        const file = path.join(out, `${fit ? 'fit-' : ''}${name}-${scheme}-${lang}${preset ? '-' + preset : ''}.png`);
        if (fit) {
          await fitShot(page, file, name);
        } else {
          if (preset) await page.click(`button[data-preset="${preset}"]`);
          await page.waitForTimeout(300);
          await page.screenshot({ path: file, fullPage: true });
        }
        console.log(file, pageErrors && pageErrors.length ? pageErrors : '');
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
