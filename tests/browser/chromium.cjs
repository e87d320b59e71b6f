// What every browser check here shares: Debian's Chromium started through playwright-core
// (tools from $TOOLS_DIR/node_modules, `.tools`, which `.ci/run` fills), each path of the
// command line (`node CHECK.cjs BASE_URL PATH...`) visited in turn, and one JSON report of
// the visits printed on stdout.
'use strict';
const path = require('node:path');
const { createRequire } = require('node:module');

const tools = path.resolve(process.env.TOOLS_DIR || path.join(__dirname, '../../.tools'));
const requireTool = createRequire(path.join(tools, 'node_modules', 'noop.js'));

// Runs `visit(browser, url, path)` for each path and prints the list of what it returns.
function reportOnPages(visit) {
  const run = async () => {
    const [base, ...paths] = process.argv.slice(2);
    const { chromium } = requireTool('playwright-core');
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const report = [];
    try {
      for (const pagePath of paths) {
        report.push({ path: pagePath, ...(await visit(browser, base + pagePath, pagePath)) });
      }
    } finally {
      await browser.close();
    }
    process.stdout.write(JSON.stringify(report));
  };
  run().catch((error) => {
    console.error(error);
    process.exit(2);
  });
}

module.exports = { reportOnPages, requireTool };
