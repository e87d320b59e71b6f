// What the platform owes people about their data, in real Chromium at a phone's width
// (390 px), with the keyboard alone. A resident subscribes in English (first with nothing
// filled in), confirms from the e-mail, reads and downloads what is held about them, and
// erases it: the link then no longer works. A council member signed in on two browsers ends
// the other one's session from their account page and downloads what the accounts hold; an
// operator finds the member's account (first with too little to search by) and erases it
// after a page that says what goes and what stays: the member's browser is signed out.
//
// Usage: node privacy-journey.cjs BASE_URL
// Environment: TOOLS_DIR, OUTBOX, SLUG, RESIDENT, MEMBER, OPERATOR (addresses),
// SCREENSHOTS_DIR (optional).
// Prints a JSON report: {steps, resident_held, resident_file, link_after_erasure,
// member_file, other_browser, member_after_erasure}.
'use strict';
const fs = require('node:fs');
const { env, journey, mailTo, runJourney } = require('./journey.cjs');

const [base] = process.argv.slice(2);
const { steps, check, press, type, choose, link, button, signIn } = journey('privacy');
const CONFIRMATION = /https?:\/\/[^\s"<>]+\/subscriptions\/[^\s"<>/]+\/confirm/;

// Follows a download link with the keyboard and returns the file's text.
async function download(locator) {
  const page = locator.page();
  await locator.focus();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  return fs.readFileSync(await file.path(), 'utf8');
}

async function residentSubscribesAndErases(browser, report) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, isMobile: true, locale: 'en-GB',
  });
  const resident = await context.newPage();
  await resident.goto(`${base}/municipalities/${env('SLUG')}`);
  await press(link(resident.locator('main'), 'E-mail notices'));
  await press(button(resident, 'Subscribe'));
  await check(resident, 'subscribe-errors');
  await type(resident, 'E-mail', env('RESIDENT'));
  // Every topic is ticked at first: this resident leaves out the good practices.
  await choose(resident, "The municipality's good practices");
  await choose(resident, 'Together, once a week');
  await press(button(resident, 'Subscribe'));
  await check(resident, 'subscribe-sent');

  await resident.goto(await mailTo(env('RESIDENT'), CONFIRMATION));
  await check(resident, 'confirm');
  await press(button(resident, 'Confirm'));
  await check(resident, 'confirmed');
  await press(link(resident, 'Your preferences'));
  const preferences = resident.url();
  await press(link(resident, 'See or download what we hold about you'));
  await check(resident, 'held');
  report.resident_held = await resident.locator('main').innerText();
  report.resident_file = JSON.parse(
    await download(link(resident, 'Download it all as a file (JSON)')));

  await press(link(resident, 'Back to your preferences'));
  await press(link(resident, 'Erase my data'));
  await check(resident, 'erase-confirm');
  await press(button(resident, 'Erase my data'));
  await check(resident, 'erased');
  await resident.goto(preferences);
  await check(resident, 'link-after-erasure');
  report.link_after_erasure = await resident.locator('main').innerText();
  await context.close();
}

async function memberEndsASessionAndDownloads(browser, report) {
  const elsewhere = await signIn(browser, base, env('MEMBER'));
  const member = await signIn(browser, base, env('MEMBER'));
  await member.goto(`${base}/workspace`);
  // The header names who is signed in, and leads to their account.
  await press(member.getByRole('link', { name: /^Έχετε συνδεθεί ως / }).first());
  await check(member, 'account');
  // The other browser's button names when it signed in; this one's says "here".
  await press(member.getByRole('button', { name: /^Αποσύνδεση (?!εδώ)/ }).first());
  await check(member, 'session-ended');
  await elsewhere.goto(`${base}/workspace`);
  report.other_browser = new URL(elsewhere.url()).pathname;
  report.member_file = JSON.parse(
    await download(link(member, 'Κατεβάστε τι κρατάμε για εσάς (JSON)')));
  return member;
}

async function operatorErasesTheMember(browser) {
  const operator = await signIn(browser, base, env('OPERATOR'));
  await operator.goto(`${base}/workspace`);
  await press(link(operator.locator('main'), 'Λογαριασμοί'));
  await check(operator, 'accounts');
  await type(operator, 'Διεύθυνση ή όνομα', 'me');
  await press(button(operator, 'Αναζήτηση'));
  await check(operator, 'accounts-too-little');
  await type(operator, 'Διεύθυνση ή όνομα', env('MEMBER'));
  await press(button(operator, 'Αναζήτηση'));
  await check(operator, 'accounts-found');
  await press(link(operator, `Διαγραφή ${env('MEMBER')}`));
  await check(operator, 'erase-account');
  await press(button(operator, 'Διαγραφή του λογαριασμού'));
  await check(operator, 'account-erased');
}

runJourney(steps, async (browser, report) => {
  await residentSubscribesAndErases(browser, report);
  const member = await memberEndsASessionAndDownloads(browser, report);
  await operatorErasesTheMember(browser);
  await member.goto(`${base}/account`);
  report.member_after_erasure = new URL(member.url()).pathname;
});
