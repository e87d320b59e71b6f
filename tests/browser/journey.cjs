// What the journeys in Chromium share: the outbox read as a person reads their mail, each
// page checked (axe, WCAG 2.1 AA; sideways scrolling at 390 px; a screenshot), and the
// keyboard alone to reach fields by their labels and links and buttons by their names.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { requireTool } = require('./chromium.cjs');
const { AxeBuilder } = requireTool('@axe-core/playwright');

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

// The message's text: quoted-printable undone, base64 parts decoded.
function decoded(raw) {
  let text = raw.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/g,
    (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  // Each base64 part: its headers, a blank line, then the encoded body up to the next
  // blank line or boundary.
  const parts = raw.split(/content-transfer-encoding:\s*base64[^\n]*\n/i).slice(1);
  for (const part of parts) {
    const afterHeaders = part.slice(part.indexOf('\n\n') + 2);
    const body = afterHeaders.split(/\n\s*\n|\n--/)[0];
    text += '\n' + Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return text;
}

// The first match of `pattern` in the newest message to `address`, or null.
function inOutbox(address, pattern) {
  const dir = env('OUTBOX');
  if (!fs.existsSync(dir)) return null;
  const files = fs.readdirSync(dir).map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs);
  for (const file of files.reverse()) {
    const raw = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
    if (!raw.includes(address)) continue;
    const found = decoded(raw).match(pattern);
    if (found) return found[0];
  }
  return null;
}

// Waits for a message to `address` holding `pattern` (mail goes out in the background).
async function mailTo(address, pattern) {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const found = inOutbox(address, pattern);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const dir = env('OUTBOX');
  const listed = fs.existsSync(dir) ? fs.readdirSync(dir) : 'no folder';
  throw new Error(`no message to ${address} matching ${pattern} in ${dir}: ${listed}`);
}

const SIGN_IN_LINK = /https?:\/\/[^\s"<>]+\/sign-in\/link\/[A-Za-z0-9_-]+/;

// One journey's tools: `prefix` names its screenshots; `steps` is its report.
function journey(prefix) {
  const steps = [];

  async function check(page, step) {
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (process.env.SCREENSHOTS_DIR) {
      await page.screenshot({
        path: path.join(process.env.SCREENSHOTS_DIR, `${prefix}-${String(steps.length).padStart(2, '0')}-${step}.png`),
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

  // Keyboard only: focus by accessible name, then type or press.
  async function press(locator) {
    const page = locator.page();
    await locator.focus();
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.keyboard.press('Enter'),
    ]);
  }
  async function type(page, label, text, options = {}) {
    const field = page.getByLabel(label, { exact: options.exact ?? true }).first();
    await field.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    if (text) await page.keyboard.type(text);
  }
  async function choose(page, label) {
    const option = page.getByLabel(label, { exact: true }).first();
    await option.focus();
    await page.keyboard.press('Space');
  }
  const link = (page, name) => page.getByRole('link', { name, exact: true }).first();
  const button = (page, name) => page.getByRole('button', { name, exact: true }).first();

  // Signs `address` in with the link the platform e-mails, from `start` (the workspace, or
  // the address an invitation gives), in a phone-sized window of its own.
  async function signIn(browser, base, address, start) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'el-GR' });
    const page = await context.newPage();
    await page.goto(start || `${base}/workspace`);
    await type(page, 'Διεύθυνση e-mail', address);
    await press(button(page, 'Στείλτε μου σύνδεσμο σύνδεσης'));
    await page.goto(await mailTo(address, SIGN_IN_LINK));
    await press(button(page, 'Σύνδεση'));
    return page;
  }

  return { steps, check, press, type, choose, link, button, signIn };
}

// Runs a journey: `body(browser, report)` in Debian's Chromium, then prints the steps
// checked and what the journey reported as one JSON object.
function runJourney(steps, body) {
  const run = async () => {
    const { chromium } = requireTool('playwright-core');
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
    });
    const report = {};
    try {
      await body(browser, report);
    } finally {
      await browser.close();
    }
    process.stdout.write(JSON.stringify({ steps, ...report }));
  };
  run().catch((error) => {
    console.error(error);
    process.exit(2);
  });
}

module.exports = { env, journey, mailTo, runJourney };
