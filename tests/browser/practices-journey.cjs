// A good practice from an NGO's draft to another city's adoption, in real Chromium at a
// phone's width (390 px), with the keyboard alone (files are chosen as a file picker
// would). The NGO's author, signed in from an invitation, starts a practice and fills
// every section (a yearly table with a mistake said in its cell, a photo with what it
// shows, a document, UN goals, a link), previews it and submits it; the municipality's
// administrator, e-mailed, asks for changes; the author reads the note, changes it and
// submits again; the administrator publishes it after a confirmation; another city's
// administrator marks it adopted; a visitor's opinion is approved and shown.
//
// Usage: node practices-journey.cjs BASE_URL
// Environment: TOOLS_DIR, OUTBOX, AUTHOR (invited as a practice author), MODERATOR, ADOPTER (addresses), PHOTO, DOCUMENT (files), MUNICIPALITY (the
// author's municipality's name), SCREENSHOTS_DIR (optional).
// Prints a JSON report: {steps, slug, preview, note, public, moderator_mail}.
'use strict';
const { env, journey, mailTo, runJourney } = require('./journey.cjs');

const [base] = process.argv.slice(2);
const { steps, check, press, type, choose, link, button, signIn } = journey('practices');
const TITLE = 'Μαθήματα ελληνικών για μητέρες';
const INVITATION = /https?:\/\/[^\s"<>]+\/sign-in\?next=[^\s"<>]+/;

// From the practice's task list, a section by its name; back on the task list after.
async function section(page, name, fill) {
  await press(link(page.locator('main'), name));
  await fill();
  await press(button(page, 'Αποθήκευση και συνέχεια'));
}

async function authorWritesThePractice(author) {
  await author.goto(`${base}/workspace`);
  await check(author, 'author-home');
  await press(link(author.locator('main'), 'Νέα καλή πρακτική'));
  await press(button(author, 'Αποθήκευση και συνέχεια'));
  await check(author, 'new-errors');
  await type(author, 'Τίτλος στα ελληνικά', TITLE);
  await type(author, 'Τίτλος στα αγγλικά', 'Greek lessons for mothers');
  await press(button(author, 'Αποθήκευση και συνέχεια'));
  await check(author, 'task-list-new');

  await section(author, 'Για την πρακτική', async () => {
    await type(author, 'Περίληψη στα ελληνικά', 'Δωρεάν μαθήματα ελληνικών για μητέρες, με φύλαξη παιδιών.');
    await choose(author, 'Κοινωνία πολιτών');
    await choose(author, 'Εκπαίδευση και γλώσσα');
    await choose(author, 'Γυναίκες');
    await check(author, 'about');
  });
  await section(author, 'Φορέας', async () => {
    await type(author, 'Όνομα φορέα', 'ΜΚΟ Αλληλεγγύη');
    await type(author, 'Ιστοσελίδα του φορέα', 'https://www.example.org');
    await choose(author, env('MUNICIPALITY'));
  });
  await section(author, 'Στόχος και διάρκεια', async () => {
    await type(author, 'Στόχος στα ελληνικά', 'Να μιλούν ελληνικά στις συναντήσεις του σχολείου.');
    await type(author, 'Ομάδα-στόχος στα ελληνικά', 'Μητέρες μαθητών από τρίτες χώρες.');
    await type(author, 'Από', '1/9/2021');
    await choose(author, 'Η πρακτική συνεχίζεται');
  });
  await section(author, 'Περιγραφή και αποτέλεσμα', async () => {
    await type(author, 'Περιγραφή στα ελληνικά', 'Δύο μαθήματα την εβδομάδα στο σχολείο της γειτονιάς.');
    await type(author, 'Αποτέλεσμα στα ελληνικά', 'Οι μητέρες μιλούν με τους δασκάλους χωρίς διερμηνέα.');
  });
  await section(author, 'Τόποι, συνεργάτες και άνθρωποι', async () => {
    await type(author, 'Συνεργάτες', 'Σύλλογος Γονέων');
    await type(author, 'Συμμετοχή εθελοντών, στα ελληνικά', 'Τρεις εθελόντριες εκπαιδευτικοί.');
  });

  // The yearly table: a year and a measure, a number that is not one, then a second year.
  await press(link(author.locator('main'), 'Αποτελέσματα ανά έτος'));
  await type(author, 'Έτος, στήλη 1', '2022');
  await type(author, 'Μέγεθος στα ελληνικά', 'Μητέρες που ολοκλήρωσαν τα μαθήματα');
  await type(author, 'νέο μέγεθος, νέο έτος', 'είκοσι');
  await press(button(author, 'Αποθήκευση και προσθήκη γραμμής'));
  await check(author, 'results-errors');
  // The figure is now named by its measure and year, as the page read them.
  await type(author, 'Μητέρες που ολοκλήρωσαν τα μαθήματα, 2022', '24');
  await press(button(author, 'Αποθήκευση και προσθήκη γραμμής'));
  await type(author, 'Έτος, στήλη 2', '2023');
  await type(author, 'Μητέρες που ολοκλήρωσαν τα μαθήματα, νέο έτος', '31');
  await press(button(author, 'Αποθήκευση και προσθήκη γραμμής'));
  await check(author, 'results');
  await press(button(author, 'Αποθήκευση και συνέχεια'));

  await press(link(author.locator('main'), 'Φωτογραφίες'));
  await author.getByLabel('Αρχείο', { exact: true }).setInputFiles(env('PHOTO'));
  await press(button(author, 'Προσθήκη φωτογραφίας'));
  await check(author, 'photo-needs-alt');
  await type(author, 'Τι δείχνει η φωτογραφία, στα ελληνικά', 'Μητέρες με τα βιβλία τους σε μια τάξη');
  await type(author, 'Λεζάντα στα ελληνικά', 'Το τμήμα του 2023');
  await author.getByLabel('Αρχείο', { exact: true }).setInputFiles(env('PHOTO'));
  await press(button(author, 'Προσθήκη φωτογραφίας'));
  await check(author, 'photo-added');
  await press(link(author, 'Πίσω στις ενότητες της πρακτικής'));

  await press(link(author.locator('main'), 'Έγγραφα'));
  await type(author, 'Τίτλος εγγράφου στα ελληνικά', 'Έκθεση αποτελεσμάτων 2023');
  await author.getByLabel('Αρχείο', { exact: true }).setInputFiles(env('DOCUMENT'));
  await press(button(author, 'Προσθήκη εγγράφου'));
  await press(link(author, 'Πίσω στις ενότητες της πρακτικής'));

  await section(author, 'Στόχοι Βιώσιμης Ανάπτυξης', async () => {
    await choose(author, '4. Ποιοτική εκπαίδευση');
    await choose(author, '5. Ισότητα των φύλων');
  });
  await press(link(author.locator('main'), 'Σύνδεσμοι'));
  await type(author, 'Τίτλος συνδέσμου', 'Το πρόγραμμα στον ιστότοπό μας');
  await type(author, 'Διεύθυνση', 'https://www.example.org/mathimata');
  await press(button(author, 'Αποθήκευση και συνέχεια'));
  await check(author, 'task-list-complete');

  await press(link(author, 'Προεπισκόπηση και υποβολή'));
  await check(author, 'preview');
  const preview = await author.locator('main').innerText();
  await press(button(author, 'Υποβολή για έγκριση'));
  await check(author, 'submitted');
  return preview;
}

const REVIEW_LINK = /https?:\/\/[^\s"<>]+\/workspace\/moderation\/practices\/[a-z0-9-]+/;

// The administrator of the author's municipality, e-mailed, asks for changes (first without
// saying which: refused beside the field).
async function moderatorAsksForChanges(browser) {
  const review = await mailTo(env('MODERATOR'), REVIEW_LINK);
  const moderator = await signIn(browser, base, env('MODERATOR'), review);
  await check(moderator, 'review');
  await press(button(moderator, 'Αίτημα αλλαγών'));
  await check(moderator, 'changes-need-a-note');
  await type(moderator, 'Τι πρέπει να αλλάξει', 'Γράψτε ποιοι συνεργάτες βοηθούν με τη φύλαξη των παιδιών.');
  await press(button(moderator, 'Αίτημα αλλαγών'));
  await check(moderator, 'changes-requested');
  return { moderator, review };
}

async function authorAnswersTheNote(author, practice) {
  await author.goto(practice);
  await check(author, 'note-shown');
  const note = await author.locator('main').innerText();
  await section(author, 'Τόποι, συνεργάτες και άνθρωποι', async () => {
    await type(author, 'Συνεργάτες', 'Σύλλογος Γονέων');
    await author.keyboard.press('Enter');
    await author.keyboard.type('Παιδικός Σταθμός Γειτονιάς');
  });
  await press(link(author, 'Προεπισκόπηση και υποβολή'));
  await press(button(author, 'Υποβολή για έγκριση'));
  await check(author, 'resubmitted');
  return note;
}

async function moderatorPublishes(moderator, review) {
  await moderator.goto(review);
  await check(moderator, 'review-again');
  await press(link(moderator.locator('main'), 'Δημοσίευση'));
  await check(moderator, 'publish-confirm');
  await press(button(moderator, 'Δημοσίευση'));
  await check(moderator, 'published');
}

// Another city's administrator marks it adopted, from the practice's public page.
async function anotherCityAdoptsIt(browser, slug) {
  const adopter = await signIn(browser, base, env('ADOPTER'), `${base}/sign-in?next=/practices/${slug}`);
  await check(adopter, 'adopt-form');
  await type(adopter, 'Σημείωση (προαιρετικά)', 'Την ξεκινήσαμε στα σχολεία της Πάτρας το 2024.');
  await press(button(adopter, 'Την υιοθετήσαμε'));
  await check(adopter, 'adopted');
}

// A visitor's opinion, held until the moderator approves it; then shown.
async function aVisitorsOpinionIsApproved(browser, moderator, slug) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, locale: 'el-GR' });
  const visitor = await context.newPage();
  await visitor.goto(`${base}/practices/${slug}`);
  await type(visitor, 'E-mail', 'reader@example.org');
  await type(visitor, 'Η γνώμη σας', 'Το εφαρμόσαμε στο σχολείο μας και οι μητέρες ήρθαν όλες.');
  await press(button(visitor, 'Αποστολή'));
  await check(visitor, 'opinion-sent');
  await moderator.goto(`${base}/workspace/moderation/feedback`);
  await check(moderator, 'feedback-queue');
  await press(button(moderator, `Έγκριση (${TITLE})`));
  await check(moderator, 'feedback-approved');
  await visitor.goto(`${base}/practices/${slug}`);
  await check(visitor, 'public-practice');
  const shown = await visitor.locator('main').innerText();
  await context.close();
  return shown;
}

module.exports = { authorWritesThePractice, section, TITLE };

if (require.main === module) {
  runJourney(steps, async (browser, report) => {
    const invitation = await mailTo(env('AUTHOR'), INVITATION);
    const author = await signIn(browser, base, env('AUTHOR'), invitation);
    report.preview = await authorWritesThePractice(author);
    const practice = author.url().split('?')[0];
    report.slug = new URL(practice).pathname.split('/')[3];
    const { moderator, review } = await moderatorAsksForChanges(browser);
    report.moderator_mail = review;
    report.note = await authorAnswersTheNote(author, practice);
    await moderatorPublishes(moderator, review);
    await anotherCityAdoptsIt(browser, report.slug);
    report.public = await aVisitorsOpinionIsApproved(browser, moderator, report.slug);
  });
}
