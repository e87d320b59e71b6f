// A municipality set up from nothing in real Chromium at a phone's width (390 px), with the
// keyboard alone. An operator adds the municipality (first with mistakes) and invites its
// administrator; the administrator, signed in from that invitation's e-mail, fills the
// profile (previewed first), adds seven members with a president, invites a secretary,
// changes the digest schedule and imports a CSV with one bad row (refused with the row
// named) then a good one; an NGO asks for access from the municipality's page, is
// accepted, and signs in from its invitation as a practice author.
//
// Usage: node administration-journey.cjs BASE_URL
// Environment: TOOLS_DIR, OUTBOX, OPERATOR, ADMIN, SECRETARY, NGO (addresses), BAD_CSV (a
// file with a wrong row), GOOD_ROWS (the rows corrected), SCREENSHOTS_DIR (optional).
// Prints a JSON report: {steps, csv_errors, preview, ngo_home}.
'use strict';
const { env, journey, mailTo, runJourney } = require('./journey.cjs');

const [base] = process.argv.slice(2);
const { steps, check, press, type, choose, link, button, signIn } = journey('administration');
const INVITATION = /https?:\/\/[^\s"<>]+\/sign-in\?next=[^\s"<>]+/;
const SLUG = 'kalamata';

async function operatorAddsTheMunicipality(browser) {
  const operator = await signIn(browser, base, env('OPERATOR'));
  await check(operator, 'operator-home');
  // The platform's list, not the public one of the site's menu.
  await press(link(operator.locator('main'), 'Δήμοι'));
  await check(operator, 'municipalities');
  await press(link(operator, 'Προσθήκη δήμου'));
  await press(button(operator, 'Προσθήκη δήμου'));
  await check(operator, 'new-municipality-errors');
  await type(operator, 'Όνομα διεύθυνσης', SLUG);
  await type(operator, 'Όνομα στα ελληνικά', 'Δήμος Καλαμάτας');
  await type(operator, 'Όνομα στα αγγλικά', 'Municipality of Kalamata');
  await type(operator, 'Περιφέρεια στα ελληνικά', 'Πελοπόννησος');
  await press(button(operator, 'Προσθήκη δήμου'));
  await check(operator, 'invite-administrator');
  await type(operator, 'Διεύθυνση e-mail', env('ADMIN'));
  await press(button(operator, 'Αποστολή της πρόσκλησης'));
  await check(operator, 'administrator-invited');
}

async function administratorFillsTheProfile(admin) {
  await press(link(admin, 'Το προφίλ του δήμου'));
  await check(admin, 'profile');
  await type(admin, 'Εισαγωγή (ελληνικά)', 'Το ΣΕΜΠ της Καλαμάτας συνεδριάζει κάθε μήνα.');
  await type(admin, 'Τι δείχνει (ελληνικά)', 'Ώρες μαθημάτων ελληνικών');
  await type(admin, 'Τιμή', '4.250');
  await type(admin, 'Μονάδα (ελληνικά, προαιρετικά)', 'ώρες');
  await type(admin, 'Έτος (προαιρετικά)', '2023');
  await press(button(admin, 'Προεπισκόπηση'));
  const preview = await admin.locator('.preview-frame').innerText();
  await check(admin, 'profile-preview');
  await press(button(admin, 'Αποθήκευση'));
  await check(admin, 'profile-saved');
  return preview;
}

async function administratorAddsSevenMembers(admin) {
  await admin.goto(`${base}/workspace`);
  await press(link(admin, 'Το συμβούλιο και τα μέλη του'));
  await check(admin, 'council-empty');
  const members = [
    ['Γιώργος Αντωνίου', 'Μέλος του δημοτικού συμβουλίου', 'Πρόεδρος'],
    ['Μαρία Κωνσταντίνου', 'Μέλος του δημοτικού συμβουλίου', 'Αντιπρόεδρος'],
    ['Αχμέτ Χασάν', 'Εκπρόσωπος μεταναστών και προσφύγων', 'Μέλος'],
    ['Ολένα Κοβαλένκο', 'Εκπρόσωπος μεταναστών και προσφύγων', 'Μέλος'],
    ['Νίκος Παπαδάκης', 'Εκπρόσωπος της κοινωνίας των πολιτών', 'Μέλος'],
    ['Ελένη Σταύρου', 'Εκπρόσωπος της κοινωνίας των πολιτών', 'Μέλος'],
    ['Σοφία Λαμπράκη', 'Άλλο', 'Μέλος'],
  ];
  for (const [index, [name, category, role]] of members.entries()) {
    await press(link(admin, 'Προσθήκη μέλους'));
    if (index === 0) await check(admin, 'new-member');
    await type(admin, 'Ονοματεπώνυμο', name);
    await choose(admin, category);
    await choose(admin, role);
    await choose(admin, 'Τακτικό');
    await type(admin, 'Αρχή θητείας', '01/01/2025');
    await press(button(admin, 'Προσθήκη του μέλους'));
  }
  await check(admin, 'council-seven');
}

async function administratorRunsTheMunicipality(admin) {
  await admin.goto(`${base}/workspace`);
  await press(link(admin, 'Πρόσωπα και ρόλοι'));
  await press(link(admin, 'Πρόσκληση προσώπου'));
  await type(admin, 'Διεύθυνση e-mail', env('SECRETARY'));
  await choose(admin, 'Γραμματέας του ΣΕΜΠ');
  await press(button(admin, 'Αποστολή της πρόσκλησης'));
  await check(admin, 'secretary-invited');

  await admin.goto(`${base}/workspace`);
  await press(link(admin, 'Ειδοποιήσεις: υπενθυμίσεις και συνόψεις'));
  await choose(admin, 'Κάθε εβδομάδα');
  await type(admin, 'Ώρα', '09:30');
  await press(button(admin, 'Αποθήκευση αλλαγών'));
  await check(admin, 'digest-weekly');

  await admin.goto(`${base}/workspace`);
  await press(link(admin, 'Εγγεγραμμένοι: αναζήτηση, εισαγωγή, εξαγωγή'));
  await press(link(admin, 'Εισαγωγή εγγεγραμμένων από αρχείο CSV'));
  await admin.getByLabel('Αρχείο CSV').setInputFiles(env('BAD_CSV'));
  await press(button(admin, 'Προεπισκόπηση των γραμμών'));
  const csvErrors = await admin.locator('.error-summary').innerText();
  await check(admin, 'csv-refused');
  const rows = admin.getByLabel('Ή επικολλήστε εδώ τις γραμμές');
  await rows.focus();
  await admin.keyboard.press('Control+A');
  await admin.keyboard.press('Delete');
  await admin.keyboard.insertText(env('GOOD_ROWS'));
  await press(button(admin, 'Προεπισκόπηση των γραμμών'));
  await check(admin, 'csv-check');
  await press(button(admin, 'Εισαγωγή των διευθύνσεων'));
  await check(admin, 'csv-imported');
  return csvErrors;
}

async function ngoAsksForAccess(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'el-GR' });
  const visitor = await context.newPage();
  await visitor.goto(`${base}/municipalities/${SLUG}`);
  await press(link(visitor, 'Ζητήστε πρόσβαση στην πλατφόρμα'));
  await press(button(visitor, 'Αποστολή αιτήματος'));
  await check(visitor, 'ask-errors');
  await type(visitor, 'Ονοματεπώνυμο', 'Ελένη Παππά');
  await type(visitor, 'Οργάνωση (προαιρετικά)', 'ΜΚΟ Αλληλεγγύη');
  await type(visitor, 'Διεύθυνση email', env('NGO'));
  await choose(visitor, 'Συντάκτης καλών πρακτικών');
  await type(visitor, 'Γιατί ζητάτε πρόσβαση', 'Θέλουμε να μοιραστούμε το πρόγραμμα εκμάθησης ελληνικών.');
  await press(button(visitor, 'Αποστολή αιτήματος'));
  await check(visitor, 'ask-sent');
  await context.close();
}

runJourney(steps, async (browser, report) => {
  await operatorAddsTheMunicipality(browser);
  const invitation = await mailTo(env('ADMIN'), INVITATION);
  const admin = await signIn(browser, base, env('ADMIN'), invitation);
  await admin.goto(`${base}/workspace`);
  await check(admin, 'administrator-home');
  report.preview = await administratorFillsTheProfile(admin);
  await administratorAddsSevenMembers(admin);
  report.csv_errors = await administratorRunsTheMunicipality(admin);

  await ngoAsksForAccess(browser);
  await admin.goto(`${base}/workspace`);
  await press(link(admin, 'Αιτήματα πρόσβασης'));
  await press(link(admin, 'Ελένη Παππά'));
  await check(admin, 'request');
  await press(button(admin, 'Αποδοχή και αποστολή πρόσκλησης'));
  await check(admin, 'request-accepted');

  const ngoInvitation = await mailTo(env('NGO'), INVITATION);
  const ngo = await signIn(browser, base, env('NGO'), ngoInvitation);
  await ngo.goto(`${base}/workspace`);
  await check(ngo, 'ngo-home');
  report.ngo_home = await ngo.locator('main').innerText();
});
