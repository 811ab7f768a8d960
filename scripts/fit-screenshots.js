#!/usr/bin/env node
// Screenshots of the fit lab (?view=fit) of dist/ at 1366 and 360 wide,
// light and dark, English and Chinese, to look at it as a reader would.
//   node scripts/fit-screenshots.js [out-dir]   (default build/screenshots/fit)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { launch, openPage } = require('../tests/browser/browser.js');

async function main() {
  const out = path.resolve(process.argv[2] || 'build/screenshots/fit');
  fs.mkdirSync(out, { recursive: true });
  const browser = await launch();
  try {
    for (const [name, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 360, height: 780 }]]) {
      for (const [scheme, lang] of [['light', 'en'], ['dark', 'en'], ['light', 'zh'], ['dark', 'zh']]) {
        const { page, pageErrors } = await openPage(browser.context, `${browser.base}?view=fit&lang=${lang}`, viewport);
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' }); // the paths' ends, not a frame of their animation
        await page.waitForSelector('.fit-lab:not([aria-busy]) table tbody tr', { timeout: 20000 });
        await page.waitForTimeout(400);
        const file = path.join(out, `fit-${name}-${scheme}-${lang}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file, pageErrors.length ? pageErrors : '');
        if (name === 'phone') {
          // The phone's page in parts, to look at them at their own size.
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          for (let top = 0, k = 1; top < height; top += 1200, k++) {
            await page.screenshot({ path: file.replace('.png', `-part${k}.png`), fullPage: true, clip: { x: 0, y: top, width: 360, height: Math.min(1200, height - top) } });
          }
        }
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
