// A meeting's whole life in the workspace, in real Chromium at a phone's width (390 px),
// with the keyboard alone: every field is reached by its label and typed into, every link
// and button by its accessible name and pressed with Enter or Space; nothing is clicked
// with a mouse. The secretary and a council member each sign in with the link the platform
// e-mails them, read from the outbox folder.
//
// Usage: node workspace-journey.cjs BASE_URL
// Environment: TOOLS_DIR (node_modules with playwright-core and @axe-core/playwright),
// OUTBOX (the folder of sent messages), SECRETARY and MEMBER (their addresses), SLUG,
// NUDGE_TOKEN (an API token, used once to bring the meeting's start to now: a meeting is
// convened for the future and held once started), DOCUMENT (a PDF to upload),
// SCREENSHOTS_DIR (optional: each step's page as a PNG).
// Prints a JSON report: {steps: [{step, path, violations, overflow}], public: "..."}.
'use strict';
const { requireTool } = require('./chromium.cjs');
const { env, journey } = require('./journey.cjs');

const [base] = process.argv.slice(2);
const { steps, check, press, type, choose, link, button, signIn: signInAt } = journey('journey');
let quorum = null;

const signIn = (browser, address) => signInAt(browser, base, address);

async function run() {
  const { chromium } = requireTool('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
  try {
    const slug = env('SLUG');
    const secretary = await signIn(browser, env('SECRETARY'));
    await check(secretary, 'home');

    // The council's meetings, then a new one: first with mistakes.
    await press(link(secretary, 'Όλες οι συνεδριάσεις'));
    await check(secretary, 'meetings');
    await press(link(secretary, 'Νέα συνεδρίαση'));
    await check(secretary, 'new-meeting');
    await type(secretary, 'Ημέρα', '31/02/2030');
    await type(secretary, 'Έναρξη', '18:00');
    await type(secretary, 'Λήξη', '20:00');
    await press(button(secretary, 'Αποθήκευση προσχεδίου'));
    await check(secretary, 'new-meeting-errors');
    const day = new Date(Date.now() + 10 * 86400e3);
    const date = `${String(day.getDate()).padStart(2, '0')}/${String(day.getMonth() + 1).padStart(2, '0')}/${day.getFullYear()}`;
    await type(secretary, 'Τίτλος', '2η τακτική συνεδρίαση');
    await type(secretary, 'Ημέρα', date);
    await type(secretary, 'Χώρος', 'Δημαρχείο, αίθουσα Α');
    await press(button(secretary, 'Αποθήκευση προσχεδίου'));
    await check(secretary, 'meeting-draft');
    const meetingPath = new URL(secretary.url()).pathname;

    // The agenda: a public item with a document, and a closed one.
    await press(link(secretary, 'Προσθήκη θέματος'));
    await check(secretary, 'new-item');
    await type(secretary, 'Θέμα', 'Πρόγραμμα εκμάθησης ελληνικών για ενήλικες');
    await type(secretary, 'Περιγραφή', 'Εισήγηση για **νέα τμήματα** το φθινόπωρο.');
    await press(button(secretary, 'Προσθήκη του θέματος'));
    await press(link(secretary, 'Προσθήκη θέματος'));
    await type(secretary, 'Θέμα', 'Αίτημα κατοίκου για στέγαση');
    await choose(secretary, 'Κλειστό θέμα');
    await press(button(secretary, 'Προσθήκη του θέματος'));
    await check(secretary, 'agenda');
    await press(link(secretary, 'Έγγραφα θέματος 1'));
    await secretary.getByLabel('Αρχείο', { exact: true }).setInputFiles(env('DOCUMENT'));
    await press(button(secretary, 'Ανέβασμα'));
    await check(secretary, 'documents');
    await press(link(secretary, 'Πίσω'));

    // Convene, after the page that says who will be told.
    await press(link(secretary, 'Σύγκληση της συνεδρίασης'));
    await check(secretary, 'convene');
    await press(button(secretary, 'Σύγκληση και αποστολή πρόσκλησης'));
    await check(secretary, 'convened');

    // The member: answers and comments on the public item.
    const member = await signIn(browser, env('MEMBER'));
    await press(member.getByRole('link', { name: /2η τακτική συνεδρίαση/ }).first());
    await check(member, 'member-meeting');
    await choose(member, 'Θα παρευρεθώ');
    await press(button(member, 'Αποστολή απάντησης'));
    await type(member, 'Σχόλιο για τη γραμματεία', 'Θα φέρω τα στοιχεία των εγγραφών.', { exact: true });
    await press(button(member, 'Αποστολή σχολίου 1'));
    await check(member, 'member-answered');

    // The meeting's time comes (brought to now through the API).
    const id = meetingPath.split('/').pop();
    const meetingApi = `${base}/api/v1/tenants/${slug}/meetings/${id}`;
    const now = new Date(Date.now() + 2000);
    const later = new Date(now.getTime() + 7200e3);
    const moved = await fetch(meetingApi, {
      method: 'PUT',
      headers: { authorization: `Bearer ${env('NUDGE_TOKEN')}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: '2η τακτική συνεδρίαση', kind: 'regular', mode: 'in_person',
        starts_at: now.toISOString(), ends_at: later.toISOString(),
        location: { name: 'Δημαρχείο, αίθουσα Α' },
      }),
    });
    if (!moved.ok) throw new Error(`moving the meeting: ${moved.status}`);
    await new Promise((resolve) => setTimeout(resolve, 2500));

    // The record: attendance from the answers, everyone present, held, two decisions.
    await secretary.goto(`${base}${meetingPath}`);
    await press(link(secretary, 'Καταχώριση παρουσιών'));
    for (const radio of await secretary.getByRole('radio', { name: 'Παρέστη', exact: true }).all()) {
      await radio.focus();
      await secretary.keyboard.press('Space');
    }
    quorum = await secretary.locator('#quorum-live').innerText();
    await check(secretary, 'attendance');
    await press(button(secretary, 'Αποθήκευση παρουσιών'));
    await press(button(secretary, 'Σημείωση ότι έγινε'));
    await check(secretary, 'held');
    for (const [number, text] of [['1', 'Εισηγείται τη δημιουργία δύο νέων τμημάτων.'], ['2', 'Εγκρίνει το αίτημα.']]) {
      await press(link(secretary, `Απόφαση για το θέμα ${number}`));
      await type(secretary, 'Κείμενο', text);
      await type(secretary, 'Υπέρ', '3');
      await press(button(secretary, 'Αποθήκευση της απόφασης'));
    }
    await check(secretary, 'decided');

    // The minutes: drafted, previewed, saved, approved by the president, published.
    await press(link(secretary, 'Σύνταξη πρακτικών'));
    await press(button(secretary, 'Προεπισκόπηση'));
    await check(secretary, 'minutes-preview');
    await press(button(secretary, 'Αποθήκευση σχεδίου'));
    await choose(secretary, 'Τον πρόεδρο');
    await press(button(secretary, 'Καταχώριση της έγκρισης'));
    await press(link(secretary, 'Δημοσίευση πρακτικών'));
    await check(secretary, 'publish');
    await press(button(secretary, 'Δημοσίευση'));
    await check(secretary, 'published');

    // A correction, with its note.
    await press(link(secretary, 'Διόρθωση πρακτικών'));
    await type(secretary, 'Κείμενο των πρακτικών', 'Πρακτικά (διορθωμένα): παρόντα όλα τα μέλη.');
    await press(button(secretary, 'Δημοσίευση της διόρθωσης'));
    await check(secretary, 'correction-errors');
    await type(secretary, 'Τι διορθώθηκε', 'Ο αριθμός των παρόντων.');
    await press(button(secretary, 'Δημοσίευση της διόρθωσης'));
    await check(secretary, 'corrected');

    // What the public sees.
    const visitor = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'el-GR' });
    const publicPage = await visitor.newPage();
    await publicPage.goto(`${base}/municipalities/${slug}/meetings/${id}`);
    await check(publicPage, 'public');
    const text = await publicPage.locator('main').innerText();
    process.stdout.write(JSON.stringify({ steps, quorum, public: text }));
  } finally {
    await browser.close();
  }
}

run().catch((error) => {
  console.error(error);
  process.stdout.write(JSON.stringify({ steps, error: String(error) }));
  process.exit(2);
});
