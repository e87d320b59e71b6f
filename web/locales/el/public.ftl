# Οι δημόσιες σελίδες της πλατφόρμας ΣΕΜΠ στα ελληνικά: ό,τι διαβάζουν κάτοικοι, επισκέπτες και όσοι ζητούν πρόσβαση.
# Όποιος γράφει καλά ελληνικά μπορεί να βελτιώσει αυτό το αρχείο (ή το αντίγραφό του σε πλατφόρμα
# μετάφρασης): κρατήστε κάθε κλειδί και κάθε { $placeholder }, γράψτε σύντομες, απλές προτάσεις
# και στείλτε την αλλαγή στην ομάδα της πλατφόρμας.

site-name = Πλατφόρμα ΣΕΜΠ
site-tagline = Συμβούλια Ένταξης Μεταναστών και Προσφύγων των δήμων
skip-to-content = Μετάβαση στο περιεχόμενο
language-switch-label = Γλώσσα
main-navigation = Κύρια πλοήγηση
nav-municipalities = Δήμοι
nav-api = API για προγραμματιστές
footer-about = Η πλατφόρμα των Συμβουλίων Ένταξης Μεταναστών και Προσφύγων (ΣΕΜΠ) των ελληνικών δήμων.
footer-example-data = Τα μέλη συμβουλίων που σημειώνονται ως «παράδειγμα» είναι επινοημένα δεδομένα επίδειξης.

home-title = Δήμοι και τα ΣΕΜΠ τους
home-intro = Κάθε δήμος συγκροτεί Συμβούλιο Ένταξης Μεταναστών και Προσφύγων (ΣΕΜΠ), συμβουλευτικό όργανο για την ένταξη των μεταναστών και των προσφύγων στην τοπική κοινωνία. Επιλέξτε δήμο για να δείτε το προφίλ του και το συμβούλιό του.
home-count = { $count ->
    [0] Δεν υπάρχουν ακόμη δήμοι.
    [one] { $count } δήμος
   *[other] { $count } δήμοι
}
home-empty = Δεν έχει καταχωριστεί ακόμη κανένας δήμος.
region = Περιφέρεια
visit-profile = Προφίλ και συμβούλιο: { $name }

tenant-archived = Ο δήμος αυτός έχει αρχειοθετηθεί. Οι πληροφορίες παραμένουν για αναφορά αλλά δεν ενημερώνονται.
tenant-website = Ιστότοπος του δήμου
tenant-contact = Επικοινωνία με το ΣΕΜΠ
content-language-notice = { $shown ->
    [el] Ο δήμος το γράφει στα ελληνικά και εμφανίζεται στα ελληνικά.
    [en] Ο δήμος το γράφει στα ελληνικά και στα αγγλικά· εμφανίζεται στα αγγλικά.
   *[both] Ο δήμος το γράφει στα ελληνικά και στα αγγλικά· εμφανίζεται μέρος σε κάθε γλώσσα.
}
fallback-notice = Μέρος του περιεχομένου εμφανίζεται στα αγγλικά, επειδή δεν υπάρχει ακόμη ελληνική μετάφραση.
section-introduction = Λίγα λόγια
section-key-figures = Βασικά αριθμητικά στοιχεία
section-programmes = Δομές και προγράμματα
section-achievements = Τι καταφέραμε
section-goals = Πού στοχεύουμε
section-council = Το Συμβούλιο Ένταξης Μεταναστών και Προσφύγων
figure-year = ({ $year })
figure-source = Πηγή:
more-information = Περισσότερα: { $title }
council-decision = Απόφαση σύστασης
council-term = Θητεία
council-term-range = { $start } έως { $end }
council-not-recorded = Ο δήμος δεν έχει καταχωρίσει ακόμη τα στοιχεία του συμβουλίου του.
council-members = Μέλη
council-members-count = { $regular ->
    [one] { $regular } τακτικό μέλος
   *[other] { $regular } τακτικά μέλη
} και { $substitute ->
    [one] { $substitute } αναπληρωματικό
   *[other] { $substitute } αναπληρωματικά
}
council-no-members = Δεν έχουν καταχωριστεί μέλη.
member-name = Ονοματεπώνυμο
member-role = Ρόλος
member-category = Ιδιότητα
member-organisation = Φορέας
member-membership = Μέλος
member-example = παράδειγμα
member-example-explained = Επινοημένο μέλος για επίδειξη, όχι πραγματικό πρόσωπο.
role-president = Πρόεδρος
role-member = Μέλος
role-secretary = Γραμματέας
category-other = Άλλο
membership-regular = Τακτικό
membership-substitute = Αναπληρωματικό

error-not-found-title = Η σελίδα δεν βρέθηκε
error-not-found-text = Δεν υπάρχει τίποτα σε αυτή τη διεύθυνση. Ίσως ο σύνδεσμος είναι παλιός ή έχει λάθος.
error-request-title = Το αίτημα δεν μπορεί να εξυπηρετηθεί
error-request-text = Η διεύθυνση υπάρχει, αλλά δεν δέχεται αυτό το είδος αιτήματος.
error-server-title = Κάτι πήγε στραβά
error-server-text = Παρουσιάστηκε σφάλμα από την πλευρά μας και καταγράφηκε. Δοκιμάστε ξανά σε λίγο.
error-request-id = Κωδικός αιτήματος: { $id }
back-home = Επιστροφή στους δήμους
workspace-nav = Ο χώρος εργασίας μου
field-error-required = Συμπληρώστε το πεδίο «{ $label }».
document-sign-in-title = Συνδεθείτε για να ανοίξετε το έγγραφο
document-sign-in-text = Αυτό το έγγραφο το βλέπουν μόνο τα μέλη του συμβουλίου και η γραμματεία του, ή δεν υπάρχει πια. Αν είστε μέλος, συνδεθείτε: μετά τη σύνδεση επιστρέφετε εδώ.
document-unavailable-title = Το έγγραφο δεν είναι διαθέσιμο
document-unavailable-text = Το έγγραφο δεν υπάρχει ή ο λογαριασμός με τον οποίο συνδεθήκατε δεν έχει πρόσβαση σε αυτό. Αν το λάβατε ως μέλος του συμβουλίου, συνδεθείτε με τη διεύθυνση στην οποία ήρθε η πρόσκληση.

sign-in = Σύνδεση
sign-out = Αποσύνδεση
signed-in-as = Έχετε συνδεθεί ως { $name }
sign-in-title = Σύνδεση
sign-in-intro = Εδώ συνδέονται τα μέλη των συμβουλίων, οι γραμματείς και το προσωπικό των δήμων. Οι κάτοικοι δεν χρειάζονται ποτέ λογαριασμό.
sign-in-providers = Με λογαριασμό
sign-in-with = Σύνδεση με { $provider }
sign-in-link-heading = Με σύνδεσμο στο e-mail
sign-in-link-intro = Δεν έχετε λογαριασμό σε κάποιον από αυτούς τους παρόχους; Γράψτε τη διεύθυνση στην οποία ήρθε η πρόσκλησή σας και θα σας στείλουμε σύνδεσμο σύνδεσης. Μπορεί να χρησιμοποιηθεί μία φορά, μέσα σε 15 λεπτά.
email-label = Διεύθυνση e-mail
sign-in-link-button = Στείλτε μου σύνδεσμο σύνδεσης
signed-in-already = Έχετε συνδεθεί ως { $email }.
link-sent-title = Ελέγξτε το e-mail σας
link-sent-text = Αν η διεύθυνση ανήκει σε μέλος της πλατφόρμας, θα λάβετε σε λίγο σύνδεσμο σύνδεσης. Μπορεί να χρησιμοποιηθεί μία φορά, μέσα σε 15 λεπτά.
link-mail-subject = Ο σύνδεσμος σύνδεσης στην πλατφόρμα των ΣΕΜΠ
link-mail-text = Γεια σας,

    Με αυτόν τον σύνδεσμο συνδέεστε στην πλατφόρμα των ΣΕΜΠ. Ισχύει μία φορά, για { $minutes } λεπτά:
    { $url }

    Αν δεν τον ζητήσατε, αγνοήστε το μήνυμα: κανείς δεν μπορεί να συνδεθεί χωρίς τον σύνδεσμο.
link-confirm-text = Πατήστε το κουμπί για να ολοκληρωθεί η σύνδεση.
link-confirm-button = Σύνδεση
sign-in-failed-title = Η σύνδεση δεν έγινε
sign-in-again = Δοκιμάστε ξανά να συνδεθείτε
too-many-attempts = Έγιναν πάρα πολλές προσπάθειες. Περιμένετε { $seconds ->
        [one] { $seconds } δευτερόλεπτο
       *[other] { $seconds } δευτερόλεπτα
    } και δοκιμάστε ξανά.
csrf-title = Η φόρμα έληξε
csrf-text = Για την ασφάλειά σας η φόρμα δεν έγινε δεκτή. Επιστρέψτε, ανανεώστε τη σελίδα και δοκιμάστε ξανά.
account-title = Ο λογαριασμός σας
access-role-platform-admin = Διαχειριστής πλατφόρμας
access-role-tenant-admin = Διαχειριστής δήμου
access-role-secretary = Γραμματέας του ΣΕΜΠ
access-role-council-member = Μέλος του ΣΕΜΠ
access-role-practice-author = Συντάκτης καλών πρακτικών

sign-in-error-unknown-state = Αυτή η προσπάθεια σύνδεσης είναι άγνωστη, χρησιμοποιήθηκε ήδη ή έληξε. Ξεκινήστε ξανά.
sign-in-error-other-browser = Η σύνδεση ξεκίνησε σε άλλο πρόγραμμα περιήγησης. Ξεκινήστε ξανά εδώ.
sign-in-error-unknown-provider = Αυτός ο πάροχος σύνδεσης δεν είναι πια διαθέσιμος.
sign-in-error-unreachable = Ο πάροχος σύνδεσης δεν είναι διαθέσιμος αυτή τη στιγμή. Δοκιμάστε αργότερα.
sign-in-error-forbidden-address = Ο πάροχος σύνδεσης βρίσκεται σε διεύθυνση με την οποία η πλατφόρμα δεν συνδέεται (αυτόν τον υπολογιστή ή ιδιωτικό δίκτυο). Ενημερώστε τους διαχειριστές του δήμου.
sign-in-error-refused = Ο πάροχος σύνδεσης αρνήθηκε τη σύνδεση. Ξεκινήστε ξανά.
sign-in-error-invalid-token = Η απάντηση του παρόχου σύνδεσης δεν επαληθεύτηκε, οπότε δεν έγινε σύνδεση.
sign-in-error-no-verified-email = Ο πάροχός σας δεν επιβεβαίωσε τη διεύθυνση e-mail σας, οπότε δεν μπορούμε να σας αναγνωρίσουμε.
sign-in-error-link-unknown = Αυτός ο σύνδεσμος σύνδεσης δεν είναι έγκυρος. Ζητήστε νέο.
sign-in-error-link-used = Αυτός ο σύνδεσμος σύνδεσης χρησιμοποιήθηκε ήδη. Ζητήστε νέο.
sign-in-error-link-expired = Αυτός ο σύνδεσμος σύνδεσης έληξε. Ζητήστε νέο.

meetings-nav = Συνεδριάσεις του ΣΕΜΠ
meetings-title = Συνεδριάσεις: { $council }
meetings-calendar-link = Ημερολόγιο συνεδριάσεων (iCalendar)
meetings-atom-link = Ροή πρακτικών, αποφάσεων και εισηγήσεων (Atom)
meetings-search-label = Αναζήτηση σε τίτλους, θέματα και πρακτικά
meetings-year-label = Έτος
meetings-any-year = Όλα τα έτη
meetings-state-label = Κατάσταση
meetings-any-state = Όλες οι καταστάσεις
meetings-search-button = Αναζήτηση
meetings-upcoming = Προσεχείς συνεδριάσεις
meetings-past = Προηγούμενες συνεδριάσεις
meetings-results = Αποτελέσματα
meetings-count = { $count ->
    [0] Δεν βρέθηκαν συνεδριάσεις.
    [one] { $count } συνεδρίαση
   *[other] { $count } συνεδριάσεις
}
pagination-label = Σελίδες
meeting-heading = Συνεδρίαση { $number }: { $title }
meeting-postponed = Αναβλήθηκε
meeting-cancel-reason = Λόγος
meeting-draft-notice = Σχέδιο συνεδρίασης: το βλέπουν μόνο τα μέλη και η γραμματεία του συμβουλίου.
meeting-cancelled-notice = Η συνεδρίαση ακυρώθηκε.
meeting-starts = Έναρξη
meeting-ends = Λήξη
meeting-kind = Είδος
meeting-mode = Τρόπος
meeting-location = Τόπος
meeting-online = Σύνδεσμος τηλεδιάσκεψης
meeting-calendar-link = Προσθήκη στο ημερολόγιο (.ics)
meeting-postponements = Αναβολές
meeting-postponed-from-to = Αρχική ημερομηνία: { $from } · Νέα ημερομηνία: { $to }
meeting-documents = Έγγραφα της συνεδρίασης
meeting-agenda = Ημερήσια διάταξη
meeting-agenda-empty = Η ημερήσια διάταξη δεν έχει ακόμη θέματα.
item-urgent = Εκτός ημερήσιας διάταξης
item-closed = Κεκλεισμένων των θυρών
item-withdrawn = Αποσύρθηκε
item-rapporteur = Εισηγείται
decision-ada = ΑΔΑ (Διαύγεια)
decision-votes = Υπέρ: { $for } · Κατά: { $against } · Λευκά ή αποχές: { $abstain }
decision-dissent = Μειοψηφούσα γνώμη
version-label = Έκδοση { $version }
version-changed = Διορθώθηκε στην έκδοση { $version }
earlier-versions = Προηγούμενες εκδόσεις
meeting-attendance = Παρουσίες
attendance-summary = Παρόντα μέλη: { $present } από { $in_office }.
attendance-quorum = Διαπιστώθηκε απαρτία.
attendance-no-quorum = Δεν διαπιστώθηκε απαρτία, οπότε τα θέματα δεν ψηφίστηκαν.
attendance-status = Παρουσία
meeting-minutes = Πρακτικά
minutes-published-on = δημοσιεύθηκε στις
minutes-draft = σχέδιο, δεν έχει δημοσιευθεί
minutes-approved-by-meeting = Εγκρίθηκαν σε επόμενη συνεδρίαση, στις { $date }.
minutes-approved-by-president = Εγκρίθηκαν από τον/την Πρόεδρο στις { $date }.
minutes-print-link = Πρακτικά για εκτύπωση
minutes-print-title = Πρακτικά: { $meeting }
minutes-back-to-meeting = Επιστροφή στη συνεδρίαση
minutes-not-latest = Αυτή δεν είναι η τρέχουσα έκδοση των πρακτικών.

practices-nav = Καλές πρακτικές
practices-title = Καλές πρακτικές ένταξης
practices-of-municipality = Καλές πρακτικές: { $name }
practices-of-municipality-nav = Καλές πρακτικές του Δήμου
practices-lead = Πρακτικές ένταξης μεταναστών και προσφύγων από δήμους και οργανώσεις όλης της χώρας, για να τις γνωρίσει και να τις υιοθετήσει κάθε πόλη.
practices-search-label = Αναζήτηση σε τίτλους και περιγραφές
practices-sort-label = Ταξινόμηση
practices-sort-relevance = Συνάφεια
practices-sort-date = Νεότερες πρώτα
practices-search-button = Αναζήτηση
practices-filters = Φίλτρα
practices-clear-filters = Καθαρισμός φίλτρων
practices-facet-sector = Τομέας
practices-facet-theme = Θεματική περιοχή
practices-facet-sdg = Στόχοι Βιώσιμης Ανάπτυξης
practices-facet-municipality = Δήμος
practices-facet-audience = Ομάδα-στόχος
practices-facet-year = Έτος
practices-facet-count = { $count ->
    [one] { $count } πρακτική
   *[other] { $count } πρακτικές
}
practices-results = Αποτελέσματα
practices-count = { $count ->
    [0] Δεν βρέθηκαν πρακτικές.
    [one] { $count } πρακτική
   *[other] { $count } πρακτικές
}
practices-csv-link = Λήψη της λίστας (CSV)
practice-archived-tag = Σε αρχείο
sdg-1 = Μηδενική φτώχεια
sdg-2 = Μηδενική πείνα
sdg-3 = Καλή υγεία και ευημερία
sdg-4 = Ποιοτική εκπαίδευση
sdg-5 = Ισότητα των φύλων
sdg-6 = Καθαρό νερό και αποχέτευση
sdg-7 = Φτηνή και καθαρή ενέργεια
sdg-8 = Αξιοπρεπής εργασία και οικονομική ανάπτυξη
sdg-9 = Βιομηχανία, καινοτομία και υποδομές
sdg-10 = Λιγότερες ανισότητες
sdg-11 = Βιώσιμες πόλεις και κοινότητες
sdg-12 = Υπεύθυνη κατανάλωση και παραγωγή
sdg-13 = Δράση για το κλίμα
sdg-14 = Ζωή στο νερό
sdg-15 = Ζωή στη στεριά
sdg-16 = Ειρήνη, δικαιοσύνη και ισχυροί θεσμοί
sdg-17 = Συνεργασία για τους στόχους
practice-organisation = Φορέας
practice-sector = Τομέας
practice-themes = Θεματικές περιοχές
practice-audiences = Ομάδες-στόχοι
practice-duration = Διάρκεια
practice-duration-ongoing-from = Από { $from }, σε εξέλιξη
practice-duration-ongoing = Σε εξέλιξη
practice-duration-from-to = { $from } έως { $to }
practice-duration-from = Από { $from }
practice-duration-to = Έως { $to }
practice-places = Τόπος υλοποίησης
practice-partners = Συνεργαζόμενοι φορείς
practice-objective = Στόχος
practice-target-audience = Ωφελούμενοι
practice-description = Περιγραφή
practice-impact = Αντίκτυπος στην κοινωνία
practice-staff = Συμμετοχή προσωπικού
practice-volunteers = Συμμετοχή εθελοντών
practice-results = Αποτελέσματα ανά έτος
practice-results-caption = Αριθμοί ανά έτος, όπως τους δήλωσε ο φορέας.
practice-results-measure = Μέγεθος
practice-goals = Στόχοι Βιώσιμης Ανάπτυξης του ΟΗΕ
practice-links = Σύνδεσμοι
practice-published-on = Δημοσιεύθηκε στις
practice-unpublished = Η πρακτική δεν έχει δημοσιευθεί (κατάσταση: { $state }). Τη βλέπουν μόνο οι συντάκτες της και οι συντονιστές.
practice-state-draft = σχέδιο
practice-state-submitted = υποβλήθηκε
practice-state-published = δημοσιευμένη
practice-state-rejected = απορρίφθηκε
practice-state-archived = σε αρχείο
practice-archived-notice = Η πρακτική έχει αρχειοθετηθεί: μένει διαθέσιμη για ανάγνωση, αλλά δεν ενημερώνεται πια.
practice-print-link = Εκτύπωση
practice-export-link = Λήψη σε JSON
practice-back = Επιστροφή στην πρακτική
practice-adopters = Δήμοι που την υιοθέτησαν
practice-no-adopters = Κανένας δήμος δεν έχει δηλώσει ακόμη ότι την υιοθέτησε.
practice-opinions = Γνώμες αναγνωστών
practice-opinion-anonymous = Ανώνυμη γνώμη
practice-no-opinions = Δεν υπάρχουν ακόμη δημοσιευμένες γνώμες.
practice-feedback-heading = Πείτε μας τη γνώμη σας
practice-feedback-thanks = Ευχαριστούμε! Η γνώμη σας θα εμφανιστεί μόλις εγκριθεί από τους συντονιστές.
practice-feedback-limited = Στείλατε πολλά μηνύματα σε σύντομο χρόνο. Δοκιμάστε ξανά αργότερα.
practice-feedback-name = Όνομα (προαιρετικό)
practice-feedback-email = E-mail
practice-feedback-email-hint = Δεν δημοσιεύεται· το χρειαζόμαστε μόνο για να επικοινωνήσουμε μαζί σας.
practice-feedback-body = Η γνώμη σας
practice-feedback-send = Αποστολή
practice-documents = Έγγραφα
subscribe-nav = Ειδοποιήσεις με e-mail
subscribe-title = Ειδοποιήσεις με e-mail
subscribe-lead = Ενημερωθείτε έγκαιρα για τις συνεδριάσεις, τα πρακτικά και τις καλές πρακτικές του ΣΕΜΠ. Δεν χρειάζεται λογαριασμός.
subscribe-email = E-mail
subscribe-topics = Για τι θέλετε να ενημερώνεστε
subscribe-language = Γλώσσα των μηνυμάτων
subscribe-cadence = Συχνότητα μηνυμάτων
subscribe-privacy = Θα σας στείλουμε ένα μήνυμα επιβεβαίωσης· τίποτε άλλο δεν θα σταλεί πριν ανοίξετε τον σύνδεσμό του. Μπορείτε να διαγραφείτε με ένα κλικ από κάθε μήνυμα.
subscribe-button = Εγγραφή
topic-meetings = Νέες συνεδριάσεις, αναβολές και ακυρώσεις
topic-minutes = Πρακτικά, αποφάσεις και εισηγήσεις
topic-practices = Καλές πρακτικές του δήμου
cadence-immediate = Αμέσως, με κάθε νέα ενημέρωση
cadence-digest = Συγκεντρωτικά, μία φορά την εβδομάδα
subscribe-sent-title = Ελέγξτε το e-mail σας
subscribe-sent-text = Σας στείλαμε ένα μήνυμα με τον σύνδεσμο που επιβεβαιώνει την εγγραφή. Αν δεν το βρίσκετε, κοιτάξτε και στην ανεπιθύμητη αλληλογραφία.
subscribe-limited = Έγιναν πολλές αιτήσεις σε σύντομο χρόνο. Δοκιμάστε ξανά αργότερα.
confirm-title = Επιβεβαίωση εγγραφής
confirm-text = Πατήστε το κουμπί για να ξεκινήσουν οι ειδοποιήσεις.
confirm-button = Επιβεβαίωση
confirmed-title = Η εγγραφή σας επιβεβαιώθηκε
confirmed-text = Από τώρα θα λαμβάνετε τις ειδοποιήσεις που επιλέξατε.
link-invalid-title = Ο σύνδεσμος δεν ισχύει
link-invalid-text = Ο σύνδεσμος έληξε ή η εγγραφή ακυρώθηκε. Μπορείτε να εγγραφείτε ξανά από τη σελίδα του δήμου.
preferences-title = Οι προτιμήσεις σας
preferences-for = Ειδοποιήσεις προς { $email }
preferences-saved = Οι αλλαγές αποθηκεύτηκαν.
preferences-save = Αποθήκευση
preferences-leave = Διαγραφή
preferences-link = Οι προτιμήσεις σας
unsubscribe-title = Διακοπή ειδοποιήσεων
unsubscribe-text = Πατήστε το κουμπί και δεν θα λάβετε άλλο μήνυμα.
unsubscribe-button = Διακοπή ειδοποιήσεων
unsubscribed-title = Η εγγραφή σας καταργήθηκε
unsubscribed-text = Δεν θα λάβετε άλλες ειδοποιήσεις. Μπορείτε να εγγραφείτε ξανά όποτε θέλετε.
erase-text = Διαγραφή όλων των στοιχείων σας: η εγγραφή και τα μηνύματα που σας στάλθηκαν σβήνονται· μένει μόνο ένα αποτύπωμα (hash) της διεύθυνσης, ώστε να μη σας ξαναπροσθέσει κανείς χωρίς τη συγκατάθεσή σας.
erase-button = Διαγραφή των στοιχείων μου
erased-title = Τα στοιχεία σας διαγράφηκαν
erased-text = Δεν κρατάμε πια τη διεύθυνσή σας ούτε τα μηνύματα προς εσάς.

## Οι φόρμες και οι σελίδες συνεδριάσεων του χώρου εργασίας
form-error-summary = Υπάρχει πρόβλημα
form-error-prefix = Σφάλμα:
form-cancel = Ακύρωση
form-conflict = Δεν έγινε: { $reason }
field-error-invalid = Ελέγξτε το πεδίο «{ $label }»: { $reason }
field-error-negative = Το «{ $label }» δεν μπορεί να είναι κάτω από το μηδέν.
error-forbidden-title = Δεν έχετε πρόσβαση σε αυτή τη σελίδα
error-forbidden-text = Ο λογαριασμός σας δεν έχει ρόλο που να το επιτρέπει. Αν πιστεύετε ότι πρέπει να έχει, ρωτήστε τους διαχειριστές του δήμου σας.

decision-kind = Είδος
decision-result = Αποτέλεσμα
erase-confirm-title = Διαγραφή όλων των στοιχείων σας;
form-changed-meanwhile-any = Κάποιος άλλος το άλλαξε αφού ανοίξατε τη φόρμα. Το κείμενό σας φαίνεται παρακάτω και δεν αποθηκεύτηκε. Ανοίξτε τη σελίδα σε άλλη καρτέλα για να δείτε την άλλη αλλαγή· πατήστε ξανά το κουμπί αν θέλετε να αποθηκεύσετε το δικό σας.

## Requests for access (public form and workspace)
ask-nav = Ζητήστε πρόσβαση στην πλατφόρμα
ask-title = Αίτημα πρόσβασης
ask-lead = Αν θέλετε να καταχωρίσετε μια καλή πρακτική για λογαριασμό οργάνωσης ή είστε νέο μέλος του ΣΕΜΠ, ζητήστε πρόσβαση. Οι διαχειριστές του δήμου θα εξετάσουν το αίτημα και θα σας απαντήσουν με email.
ask-name = Ονοματεπώνυμο
ask-organisation = Οργάνωση (προαιρετικά)
ask-organisation-hint = Π.χ. η ΜΚΟ ή η κοινότητα που εκπροσωπείτε.
ask-email = Διεύθυνση email
ask-email-hint = Εκεί θα λάβετε την πρόσκληση ή την απάντηση.
ask-role = Τι θέλετε να κάνετε στην πλατφόρμα
ask-reason = Γιατί ζητάτε πρόσβαση
ask-reason-hint = Λίγα λόγια για εσάς και για το τι θέλετε να κάνετε.
ask-privacy = Τα στοιχεία σας τα βλέπουν μόνο οι διαχειριστές του δήμου, για να απαντήσουν στο αίτημα.
ask-submit = Αποστολή αιτήματος
ask-limited = Στείλατε πολλά αιτήματα σε λίγο χρόνο. Δοκιμάστε ξανά σε μία ώρα.
ask-sent-title = Το αίτημά σας στάλθηκε
ask-sent-text = Οι διαχειριστές του δήμου θα το εξετάσουν και θα σας απαντήσουν με email στη διεύθυνση που δώσατε.
ask-back = Επιστροφή στη σελίδα του δήμου
moderation-adopt-heading = Την υιοθετήσαμε
moderation-adopt-for = Για τον δήμο:
moderation-withdraw-link = Ανάκληση της υιοθέτησης

## Ετικέτες και σφάλματα κοινά στις δημόσιες σελίδες και στον χώρο εργασίας
role-vice_president = Αντιπρόεδρος
category-municipal_councillor = Μέλος του δημοτικού συμβουλίου
category-civil_society = Εκπρόσωπος της κοινωνίας των πολιτών
category-migrant_community = Εκπρόσωπος μεταναστών και προσφύγων
practice-state-in_review = σε αξιολόγηση
practice-state-changes_requested = ζητήθηκαν αλλαγές
field-error-too_long = Το πεδίο «{ $label }» δέχεται έως { $max } χαρακτήρες· έχετε γράψει { $length }.
field-error-control_characters = Το πεδίο «{ $label }» περιέχει χαρακτήρες ελέγχου. Γράψτε ή επικολλήστε ξανά το κείμενο.
field-error-invalid_email = Γράψτε τη διεύθυνση e-mail στη μορφή onoma@example.gr.
field-error-invalid_url = Το πεδίο «{ $label }» θέλει διεύθυνση ιστοσελίδας που αρχίζει με https:// ή http://.
field-error-choose_one = Διαλέξτε μία επιλογή στο «{ $label }».
field-error-choose_at_least_one = Διαλέξτε τουλάχιστον μία επιλογή στο «{ $label }».
field-error-not_a_choice = Διαλέξτε μία από τις επιλογές του «{ $label }».
field-error-too_many = Το «{ $label }» χωράει έως { $max } εγγραφές· έχει { $count }.

## Ετικέτες συνεδριάσεων και πρακτικών στις δημόσιες σελίδες
meeting-state-draft = Σχέδιο
meeting-state-convened = Συγκλήθηκε
meeting-state-held = Πραγματοποιήθηκε
meeting-state-minutes_drafted = Συντάσσονται τα πρακτικά
meeting-state-minutes_approved = Εγκεκριμένα πρακτικά
meeting-state-published = Δημοσιευμένα πρακτικά
meeting-state-cancelled = Ακυρώθηκε
meeting-kind-regular = Τακτική
meeting-kind-extraordinary = Έκτακτη
meeting-mode-in_person = Διά ζώσης
meeting-mode-remote = Με τηλεδιάσκεψη
meeting-mode-hybrid = Διά ζώσης και με τηλεδιάσκεψη
decision-kind-decision = Απόφαση
decision-kind-recommendation = Εισήγηση
decision-result-adopted = Εγκρίθηκε
decision-result-rejected = Απορρίφθηκε
attendance-present = Παρέστη
attendance-absent = Δεν παρέστη
attendance-excused = Δικαιολογημένη απουσία
attendance-substitute_present = Παρέστη αναπληρωματικό μέλος
sector-municipality = Τοπική αυτοδιοίκηση
sector-civil_society = Κοινωνία πολιτών
sector-business = Επιχειρήσεις
sector-academia = Ακαδημαϊκή κοινότητα
sector-international_organisation = Διεθνείς οργανισμοί
sector-other = Άλλος τομέας
audience-refugees = Πρόσφυγες
audience-asylum_seekers = Αιτούντες άσυλο
audience-migrants = Μετανάστες
audience-unaccompanied_minors = Ασυνόδευτοι ανήλικοι
audience-women = Γυναίκες
audience-children = Παιδιά
audience-youth = Νέοι
audience-families = Οικογένειες
audience-professionals = Επαγγελματίες
audience-general_public = Ευρύ κοινό

## Τι κρατάμε για έναν συνδρομητή (το δικαίωμα πρόσβασης)
held-link = Δείτε ή κατεβάστε τι κρατάμε για εσάς
held-title = Τι κρατάμε για εσάς
held-intro = Όλα όσα κρατούνται σε αυτή την πλατφόρμα για την εγγραφή σας στις ειδοποιήσεις του φορέα «{ $municipality }», και τα μηνύματα των τελευταίων 30 ημερών. Τίποτε άλλο για εσάς δεν κρατείται εδώ.
held-subscription = Η εγγραφή σας
held-email = Διεύθυνση e-mail
held-municipality = Δήμος
held-state = Κατάσταση
held-state-pending = Περιμένει την επιβεβαίωσή σας
held-state-active = Ενεργή
held-state-stopped = Σταμάτησε: τα μηνύματα προς τη διεύθυνση επέστρεψαν
held-topics = Θέματα
held-language = Γλώσσα των μηνυμάτων
held-cadence = Πόσο συχνά
held-consent = Η συγκατάθεσή σας
held-created = Πρώτο αίτημα
held-requested = Τελευταίο αίτημα
held-confirmed = Επιβεβαίωση
held-from = από τη διεύθυνση διαδικτύου { $address }
held-no-record = Πότε και από πού ζητήθηκε αυτή η εγγραφή δεν καταγράφηκε: είναι παλαιότερη από αυτή την καταγραφή.
held-messages = Μηνύματα των τελευταίων 30 ημερών
held-subject = Θέμα
held-written = Γράφτηκε
held-sent = Στάλθηκε
held-not-sent = Δεν στάλθηκε
held-no-messages = Κανένα μήνυμα τις τελευταίες 30 ημέρες.
held-download = Κατεβάστε τα όλα ως αρχείο (JSON)
held-back = Πίσω στις προτιμήσεις σας

## Οι σελίδες που απαιτεί ο νόμος: ενημερώσεις για την προστασία δεδομένων, δήλωση προσβασιμότητας, cookies
footer-privacy = Προστασία δεδομένων
footer-accessibility = Προσβασιμότητα
footer-cookies = Cookies
legal-updated = Τελευταία αναθεώρηση: { $date }.
privacy-title = Ενημέρωση για την προστασία προσωπικών δεδομένων
privacy-municipality-title = Ενημέρωση για την προστασία προσωπικών δεδομένων: { $municipality }
privacy-platform-intro = Η ενημέρωση αυτή αφορά όσα τηρούν οι φορείς λειτουργίας της πλατφόρμας: τους λογαριασμούς των ανθρώπων που εργάζονται σε αυτήν (δημοτικοί υπάλληλοι, μέλη συμβουλίων, συντάκτες καλών πρακτικών, διαχειριστές). Όσα τηρεί ένας δήμος για τους κατοίκους του εξηγούνται στη δική του ενημέρωση.
privacy-municipalities = Η ενημέρωση κάθε δήμου
privacy-controller = Ποιος είναι υπεύθυνος
privacy-controller-municipality = Υπεύθυνος επεξεργασίας για τα προσωπικά δεδομένα στις σελίδες του δήμου και στις ανακοινώσεις του προς τους κατοίκους είναι: { $municipality }. Μπορείτε να γράψετε στο { $email }.
privacy-controller-no-email = Υπεύθυνος επεξεργασίας για τα προσωπικά δεδομένα στις σελίδες του δήμου και στις ανακοινώσεις του προς τους κατοίκους είναι: { $municipality }.
privacy-controller-platform = Οι φορείς λειτουργίας της πλατφόρμας είναι υπεύθυνοι επεξεργασίας για τους λογαριασμούς που περιγράφονται παρακάτω. Μπορείτε να τους γράψετε στο { $email }.
privacy-dpo = Υπεύθυνος Προστασίας Δεδομένων
privacy-dpo-named = { $name }, στο { $email }.
privacy-dpo-address = Στο { $email }.
privacy-dpo-missing = Ο δήμος δεν έχει δημοσιεύσει ακόμη εδώ τα στοιχεία του Υπεύθυνου Προστασίας Δεδομένων του. Γράψτε στον δήμο και θα διαβιβάσει το μήνυμά σας.
privacy-what = Τι κρατάμε, γιατί και για πόσο
privacy-subscriptions = Εγγραφές σε ανακοινώσεις: η διεύθυνση email σας, η γλώσσα, τα θέματα και το πόσο συχνά θέλετε να λαμβάνετε μηνύματα, καθώς και πότε και από ποια διεύθυνση διαδικτύου (IP) κάνατε και επιβεβαιώσατε το αίτημα. Τα κρατάμε επειδή ζητήσατε τις ανακοινώσεις (συγκατάθεσή σας), μέχρι να καταργήσετε την εγγραφή σας. Ένα αίτημα που δεν επιβεβαιώνεται ποτέ διαγράφεται μετά από { $days ->
    [one] { $days } ημέρα
   *[other] { $days } ημέρες
}.
privacy-messages = Μηνύματα που σας στέλνουμε: το κείμενό τους και η διεύθυνσή σας διατηρούνται για { $days ->
    [one] { $days } ημέρα
   *[other] { $days } ημέρες
} μετά την αποστολή, ώστε να μπορούμε να απαντάμε σε ερωτήσεις σχετικά με αυτά· μετά από αυτό μένει μόνο η καταγραφή ότι το μήνυμα στάλθηκε.
privacy-feedback = Σχόλια για μια καλή πρακτική: το όνομα και το μήνυμά σας δημοσιεύονται μόλις τα εγκρίνει ένας συντονιστής· η διεύθυνση email σας δεν εμφανίζεται ποτέ και διαγράφεται { $days ->
    [one] { $days } ημέρα
   *[other] { $days } ημέρες
} μετά την απόφαση του συντονιστή.
privacy-requests = Αιτήματα πρόσβασης στον χώρο εργασίας: το όνομά σας, ο φορέας σας, η διεύθυνσή σας και ο λόγος του αιτήματος, μέχρι να αποφασίσει ένας διαχειριστής· ένα αίτημα που απορρίπτεται διαγράφεται { $days ->
    [one] { $days } ημέρα
   *[other] { $days } ημέρες
} αργότερα.
privacy-council = Αρχεία του συμβουλίου: τα ονόματα και οι ρόλοι των μελών του συμβουλίου, οι ημερήσιες διατάξεις, οι αποφάσεις και τα πρακτικά του είναι δημόσια έγγραφα που ο δήμος τηρεί βάσει νόμου (εκτέλεση καθήκοντος δημόσιου συμφέροντος).
privacy-accounts = Λογαριασμοί: η διεύθυνση email και το όνομά σας, οι ρόλοι σας, οι συνεδρίες σας (μέχρι να αποσυνδεθείτε ή να λήξουν) και οι σύνδεσμοι σύνδεσης (μέχρι να λήξουν ή να χρησιμοποιηθούν).
privacy-audit = Το αρχείο ελέγχου: ποιος συνδέθηκε και ποιος παραχώρησε ή άλλαξε τι, με την ώρα και τη διεύθυνση διαδικτύου (IP)· διατηρείται για { $years ->
    [one] { $years } έτος
   *[other] { $years } έτη
} ώστε η πλατφόρμα να παραμένει ασφαλής και να είναι δυνατή η λογοδοσία.
privacy-no-sharing = Δεν πουλάμε ούτε μοιραζόμαστε τα δεδομένα σας, δεν εμφανίζουμε διαφημίσεις και δεν χρησιμοποιούμε εργαλεία παρακολούθησης ή ανάλυσης επισκεψιμότητας. Τα μηνύματα αποστέλλονται μέσω της υπηρεσίας ηλεκτρονικού ταχυδρομείου του δήμου.
privacy-rights = Τα δικαιώματά σας
privacy-rights-text = Μπορείτε να δείτε τι κρατάμε για εσάς, να το διορθώσετε, να ζητήσετε να διαγραφεί ή να αντιταχθείτε στη χρήση του.
privacy-rights-residents = Κάτοικοι: κάθε μήνυμα περιέχει σύνδεσμο προς τις προτιμήσεις σας, όπου μπορείτε να αλλάξετε ή να ακυρώσετε την εγγραφή σας και να κατεβάσετε όσα κρατάμε για εσάς.
privacy-rights-accounts = Όσοι έχουν λογαριασμό: η σελίδα του λογαριασμού σας δείχνει τους ρόλους σας, τις συνεδρίες σας και τις εγγραφές του αρχείου ελέγχου που σας αφορούν, και σας επιτρέπει να τα κατεβάσετε όλα. Για να διαγραφεί ο λογαριασμός σας, γράψτε στους φορείς λειτουργίας της πλατφόρμας.
privacy-complaint = Αν πιστεύετε ότι χειριζόμαστε λανθασμένα τα δεδομένα σας, μπορείτε να υποβάλετε καταγγελία στην Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα (www.dpa.gr).
accessibility-title = Δήλωση προσβασιμότητας
accessibility-intro = Η δήλωση αυτή αφορά τις σελίδες της πλατφόρμας ΣΕΜΠ στη διεύθυνση { $site }. Οι δήμοι που τη χρησιμοποιούν είναι φορείς του δημόσιου τομέα σύμφωνα με την Οδηγία (ΕΕ) 2016/2102 και τον ν. 4591/2019.
accessibility-status = Κατάσταση συμμόρφωσης
accessibility-status-text = Οι σελίδες αυτές συμμορφώνονται εν μέρει με τις Οδηγίες για την Προσβασιμότητα του Περιεχομένου του Ιστού (WCAG) 2.1, επίπεδο AA, και με το ευρωπαϊκό πρότυπο EN 301 549, λόγω των εξαιρέσεων που αναφέρονται παρακάτω.
accessibility-checks = Πώς ελέγχουμε
accessibility-checks-text = Κάθε σελίδα, και με τα μηνύματα σφάλματος να εμφανίζονται, ελέγχεται σε κάθε αλλαγή της πλατφόρμας: με το axe-core σε πραγματικό πρόγραμμα περιήγησης πλάτους 390 pixel, με το W3C Nu HTML checker και με δοκιμές που χρησιμοποιούν τις σελίδες με το πληκτρολόγιο και μέσω των ονομάτων που διαβάζει ένα πρόγραμμα ανάγνωσης οθόνης. Οι σελίδες λειτουργούν χωρίς JavaScript.
accessibility-exceptions = Περιεχόμενο που δεν είναι προσβάσιμο
accessibility-exception-documents = Τα έγγραφα που ανεβάζουν οι δήμοι (συνημμένα των ημερήσιων διατάξεων, πρακτικά σε μορφή PDF) ενδέχεται να μην είναι προσβάσιμα. Το κείμενο των αποφάσεων και των πρακτικών εμφανίζεται επίσης στη σελίδα.
accessibility-exception-languages = Οι ανακοινώσεις συντάσσονται από κάθε δήμο στα ελληνικά και συχνά στα αγγλικά· μεταφράσεις σε άλλες γλώσσες δεν είναι πάντα διαθέσιμες.
accessibility-exception-maps = Οι σύνδεσμοι προς χάρτες και άλλους ιστότοπους οδηγούν σε υπηρεσίες που η πλατφόρμα δεν ελέγχει.
accessibility-prepared = Η δήλωση αυτή καταρτίστηκε στις { $date } με αυτοαξιολόγηση, βάσει των παραπάνω ελέγχων.
accessibility-feedback = Σχόλια και επικοινωνία
accessibility-feedback-text = Αν συναντήσετε κάποιο εμπόδιο ή χρειάζεστε μια σελίδα ή ένα έγγραφο σε άλλη μορφή, γράψτε στο { $email }. Απαντάμε μέσα σε 30 ημέρες.
accessibility-enforcement = Διαδικασία επιβολής
accessibility-enforcement-text = Αν η απάντησή μας δεν σας ικανοποιεί, μπορείτε να απευθυνθείτε στον Συνήγορο του Πολίτη (www.synigoros.gr), που εξετάζει αναφορές για δημόσιους φορείς.
cookies-title = Cookies
cookies-intro = Η πλατφόρμα χρησιμοποιεί μόνο τα cookies που χρειάζεται για να λειτουργεί. Δεν χρησιμοποιεί cookies ανάλυσης επισκεψιμότητας, διαφήμισης ή παρακολούθησης, γι' αυτό δεν ζητά τη συγκατάθεσή σας.
cookies-name = Όνομα
cookies-purpose = Σε τι χρησιμεύει
cookies-expires = Πόσο διαρκεί
cookies-session-purpose = Διατηρεί τη σύνδεσή σας.
cookies-session-expires = Μέχρι να αποσυνδεθείτε ή μετά από { $hours ->
    [one] { $hours } ώρα
   *[other] { $hours } ώρες
} (νωρίτερα αν δεν χρησιμοποιηθεί για { $idle ->
    [one] { $idle } ώρα
   *[other] { $idle } ώρες
}).
cookies-csrf-purpose = Προστατεύει τις φόρμες που υποβάλλετε, ώστε να μην μπορεί άλλος ιστότοπος να τις υποβάλει στο όνομά σας.
cookies-csrf-expires = Μέχρι να κλείσετε το πρόγραμμα περιήγησης.
cookies-oidc-purpose = Συνδέει την επίσκεψή σας με τη σύνδεση που κάνετε μέσω παρόχου ταυτότητας.
cookies-oidc-expires = 10 λεπτά.
cookies-lang-purpose = Θυμάται τη γλώσσα που επιλέξατε.
cookies-lang-expires = 1 έτος.
