const { launch } = require('./tests/browser/browser.js');
(async () => {
  const b = await launch();
  const page = await b.context.newPage();
  for (const q of ['embed=1&preset=cross_entropy', 'embed=1&losses=mse,mae,huber&data=1%203%205%20%7C%202%204%206', 'embed=1&preset=huber', 'embed=1&panels=results,charts&preset=huber', 'embed=1&losses=mse,mae,huber&data=1%203%205%20%7C%202%204%206']) {
    await page.setViewportSize({ width: 680, height: 900 });
    await page.goto(`${b.base}index.html?${q}`);
    await page.waitForSelector('html[data-ready="true"]');
    await page.waitForTimeout(500);
    const r = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, cards: [...document.querySelectorAll('.card')].filter((c) => !c.hidden).map((c) => { const r = c.getBoundingClientRect(); return `${c.className.split(' ')[1]} ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`; }) }));
    console.log(q, JSON.stringify(r));
  }
  await page.screenshot({ path: '/tmp/layout-shots/embed-680.png', fullPage: true });
  await b.close();
})();
