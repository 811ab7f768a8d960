#!/usr/bin/env node
// Screenshots of dist/ at desktop (1366) and phone (360) widths, light and dark, English
// and Chinese, for
// looking at the page as a user would. Usage:
//   node scripts/screenshots.js [out-dir] [preset-id]   (default build/screenshots)
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

async function main() {
  if (process.argv[2] === '--readme') return readmePicture();
  const out = path.resolve(process.argv[2] || 'build/screenshots');
  const preset = process.argv[3];
  fs.mkdirSync(out, { recursive: true });
  const browser = await launch();
  try {
    const views = [
      ['desktop', { width: 1366, height: 900 }],
      ['phone', { width: 360, height: 780 }],
    ];
    for (const [name, viewport] of views) {
      for (const [scheme, lang] of [['light', 'en'], ['dark', 'en'], ['light', 'zh'], ['dark', 'zh']]) {
        const { page } = await openPage(browser.context, `${browser.base}?lang=${lang}`, viewport);
        await page.emulateMedia({ colorScheme: scheme });
        if (preset) await page.click(`button[data-preset="${preset}"]`);
        await page.waitForTimeout(300);
        const file = path.join(out, `${name}-${scheme}-${lang}${preset ? '-' + preset : ''}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
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
