// Opens pages in a real browser and reports what their Content-Security-Policy blocked, and
// how many operations Swagger UI drew on its page.
// Usage: node check-csp.cjs BASE_URL PATH...
// Prints one JSON report on stdout: [{path, blocked: [...], operations: n}].
'use strict';
const { reportOnPages } = require('./chromium.cjs');

reportOnPages(async (browser, url, pagePath) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const blocked = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  await page.goto(url, { waitUntil: 'load' });
  // Swagger UI draws its operations after its script runs; other pages have no script.
  const operations = pagePath.startsWith('/api/docs')
    ? await page
      .waitForSelector('.opblock', { timeout: 10000 })
      .then(() => page.locator('.opblock').count())
      .catch(() => 0)
    : 0;
  await context.close();
  return { blocked, operations };
});
