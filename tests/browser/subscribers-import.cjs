// A municipality's administrator imports subscribers from a CSV file in real Chromium at a
// phone's width (390 px), with the keyboard for every button: a file with a wrong row is
// refused with the row named (nothing saved), then the rows corrected in the text area are
// previewed, checked and imported. Each page on the way, the one with the row's error
// included, is checked with axe (WCAG 2.1 AA) and for sideways scrolling.
//
// Usage: node subscribers-import.cjs BASE_URL
// Environment: TOOLS_DIR, SESSION (the administrator's session cookie), SLUG, BAD_CSV (a
// file with a wrong row), GOOD_ROWS (the corrected rows), SCREENSHOTS_DIR (optional).
// Prints a JSON report: {steps: [{step, path, violations, passes, overflow}], summary}.
'use strict';
const path = require('node:path');
const { requireTool } = require('./chromium.cjs');
const { AxeBuilder } = requireTool('@axe-core/playwright');

const [base] = process.argv.slice(2);
const steps = [];

async function check(page, step) {
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (process.env.SCREENSHOTS_DIR) {
    await page.screenshot({
      path: path.join(process.env.SCREENSHOTS_DIR, `subscribers-${steps.length}-${step}.png`),
      fullPage: true,
    });
  }
  steps.push({
    step,
    path: new URL(page.url()).pathname,
    violations: axe.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    })),
    passes: axe.passes.length,
    overflow,
  });
}

async function press(locator) {
  const page = locator.page();
  await locator.focus();
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.keyboard.press('Enter'),
  ]);
}

async function run() {
  const { chromium } = requireTool('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  let summary = '';
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 }, isMobile: true, locale: 'el-GR',
    });
    await context.addCookies([{ name: 'council_session', value: process.env.SESSION, url: base }]);
    const page = await context.newPage();
    const list = `${base}/workspace/${process.env.SLUG}/subscribers`;
    await page.goto(list);
    await check(page, 'subscribers');
    await press(page.getByRole('link', { name: 'Εισαγωγή εγγεγραμμένων από αρχείο CSV' }));
    await check(page, 'import');
    await page.getByLabel('Αρχείο CSV').setInputFiles(process.env.BAD_CSV);
    await press(page.getByRole('button', { name: 'Προεπισκόπηση των γραμμών' }));
    summary = await page.locator('.error-summary').innerText();
    await check(page, 'preview-with-a-wrong-row');
    const rows = page.getByLabel('Ή επικολλήστε εδώ τις γραμμές');
    await rows.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(process.env.GOOD_ROWS);
    await press(page.getByRole('button', { name: 'Προεπισκόπηση των γραμμών' }));
    await check(page, 'check-before-importing');
    await press(page.getByRole('button', { name: 'Εισαγωγή των διευθύνσεων' }));
    await check(page, 'imported');
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify({ steps, summary }));
}

run().catch((error) => {
  console.error(error);
  process.exit(2);
});
