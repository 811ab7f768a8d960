// Reading the results table, shared by the page tests.
'use strict';
const assert = require('node:assert/strict');

// The text of the Value cell in the results row of `shortName`.
async function valueOf(page, shortName) {
  const row = page.locator('#results tbody tr').filter({ has: page.locator('.loss-short', { hasText: new RegExp(`^${shortName}$`) }) });
  return (await row.locator('td.value').textContent()).trim();
}

// Waits until the results row of `shortName` shows `text`.
async function expectValue(page, shortName, text) {
  try {
    await page.waitForFunction(([name, want]) => {
      for (const row of document.querySelectorAll('#results tbody tr')) {
        if (row.querySelector('.loss-short').textContent === name) return row.querySelector('td.value').textContent.trim() === want;
      }
      return false;
    }, [shortName, text], { timeout: 5000 });
  } catch {
    assert.fail(`${shortName} should read ${text}, reads ${await valueOf(page, shortName).catch(() => 'nothing')}`);
  }
}

module.exports = { valueOf, expectValue };
