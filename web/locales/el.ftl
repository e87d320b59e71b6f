# Interface text in Greek. Every key here must exist in every other language file.

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
fallback-notice = Μέρος του περιεχομένου εμφανίζεται στα αγγλικά, επειδή δεν υπάρχει ακόμη ελληνική μετάφραση.
section-introduction = Λίγα λόγια
section-key-figures = Βασικά αριθμητικά στοιχεία
section-programmes = Δομές και προγράμματα
section-achievements = Τι καταφέραμε
section-goals = Πού στοχεύουμε
section-council = Το Συμβούλιο Ένταξης Μεταναστών και Προσφύγων
figure-year = ({ $year })
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
role-vice_president = Αντιπρόεδρος
role-member = Μέλος
role-secretary = Γραμματέας
category-municipal_councillor = Δημοτικός σύμβουλος
category-civil_society = Κοινωνία των πολιτών
category-migrant_community = Εκπρόσωπος μεταναστών και προσφύγων
category-other = Άλλο
membership-regular = Τακτικό
membership-substitute = Αναπληρωματικό

error-not-found-title = Η σελίδα δεν βρέθηκε
error-not-found-text = Δεν υπάρχει τίποτα σε αυτή τη διεύθυνση. Ίσως ο σύνδεσμος είναι παλιός ή έχει λάθος.
error-request-title = Το αίτημα δεν μπορεί να εξυπηρετηθεί
error-request-text = Η διεύθυνση υπάρχει, αλλά δεν δέχεται αυτό το είδος αιτήματος.
error-server-title = Κάτι πήγε στραβά
error-server-text = Παρουσιάστηκε σφάλμα από τη μεριά μας και καταγράφηκε. Δοκιμάστε ξανά σε λίγο.
error-request-id = Κωδικός αιτήματος: { $id }
back-home = Επιστροφή στους δήμους
