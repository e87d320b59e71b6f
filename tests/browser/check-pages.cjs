// Checks pages in a real browser (Debian's Chromium driven by playwright-core):
//  - axe-core finds no accessibility violations (WCAG 2.1 A and AA rules);
//  - at a phone's width (390 px) nothing scrolls sideways.
// Usage: node check-pages.cjs BASE_URL PATH...   (tools from $TOOLS_DIR/node_modules)
// With $SESSION set (a session cookie's value), pages are read signed in. A path ending in
// `#submit` has its form sent empty first, to check the page with its errors shown.
// With $SCREENSHOTS_DIR set, each page's phone rendering is saved there as a PNG, to look at.
// Prints one JSON report on stdout: [{path, violations: [...], overflow: px, lang, dir}].
'use strict';
const path = require('node:path');
const { reportOnPages, requireTool } = require('./chromium.cjs');
const { AxeBuilder } = requireTool('@axe-core/playwright');

// With $SESSION set, pages are read signed in: the value of the session cookie.
async function context(browser, options) {
  const made = await browser.newContext(options);
  if (process.env.SESSION) {
    const [base] = process.argv.slice(2);
    await made.addCookies([{ name: 'council_session', value: process.env.SESSION, url: base }]);
  }
  return made;
}

// A path ending in `#submit` is a form's page: its form is sent as it stands (empty), and
// the page it comes back as (with its errors) is the one checked.
async function open(page, url, pagePath) {
  await page.goto(url);
  if (pagePath.endsWith('#submit')) {
    await Promise.all([page.waitForNavigation(), page.click('form.form button[type=submit]')]);
  }
}

reportOnPages(async (browser, url, pagePath) => {
  // axe needs a page of its own browser context.
  const desktop = await context(browser, { viewport: { width: 1280, height: 900 } });
  const page = await desktop.newPage();
  await open(page, url, pagePath);
  const landed = new URL(page.url()).pathname;
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  await desktop.close();

  const phone = await context(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
  const small = await phone.newPage();
  await open(small, url, pagePath);
  const overflow = await small.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const { lang, dir } = await small.evaluate(
    () => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
  if (process.env.SCREENSHOTS_DIR) {
    const name = pagePath.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'home';
    await small.screenshot({
      path: path.join(process.env.SCREENSHOTS_DIR, `${name.slice(0, 80)}.png`),
      fullPage: true,
    });
  }
  await phone.close();

  return {
    violations: axe.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    })),
    passes: axe.passes.length,
    overflow,
    landed,
    lang,
    dir,
  };
});
