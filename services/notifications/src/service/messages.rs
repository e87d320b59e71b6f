//! The messages, from handlebars templates (plain text and HTML for every one) in Greek or
//! English. Strict mode: a variable missing from the data is an error the tests find, never
//! a blank in a resident's message.

use anyhow::Context as _;
use handlebars::Handlebars;
use serde::Serialize;
use serde_json::{Value, json};

const TEMPLATES: [(&str, &str); 16] = [
    ("layout_top", include_str!("../../templates/layout_top.hbs")),
    (
        "layout_bottom",
        include_str!("../../templates/layout_bottom.hbs"),
    ),
    (
        "confirm.txt",
        include_str!("../../templates/confirm.txt.hbs"),
    ),
    (
        "confirm.html",
        include_str!("../../templates/confirm.html.hbs"),
    ),
    ("active.txt", include_str!("../../templates/active.txt.hbs")),
    (
        "active.html",
        include_str!("../../templates/active.html.hbs"),
    ),
    ("notice.txt", include_str!("../../templates/notice.txt.hbs")),
    (
        "notice.html",
        include_str!("../../templates/notice.html.hbs"),
    ),
    ("digest.txt", include_str!("../../templates/digest.txt.hbs")),
    (
        "digest.html",
        include_str!("../../templates/digest.html.hbs"),
    ),
    ("member.txt", include_str!("../../templates/member.txt.hbs")),
    ("author.txt", include_str!("../../templates/author.txt.hbs")),
    (
        "author.html",
        include_str!("../../templates/author.html.hbs"),
    ),
    (
        "member.html",
        include_str!("../../templates/member.html.hbs"),
    ),
    (
        "moderator.txt",
        include_str!("../../templates/moderator.txt.hbs"),
    ),
    (
        "moderator.html",
        include_str!("../../templates/moderator.html.hbs"),
    ),
];

/// The fixed words of the messages, per language (built once: every message reads them).
pub fn words(lang: &str) -> &'static Value {
    static WORDS: std::sync::LazyLock<(Value, Value)> =
        std::sync::LazyLock::new(|| (words_in("el"), words_in("en")));
    if lang == "en" { &WORDS.1 } else { &WORDS.0 }
}

fn words_in(lang: &str) -> Value {
    match lang {
        "en" => json!({
            "hello": "Hello,",
            "confirm_intro": "Please confirm that you want e-mail notices from",
            "confirm_action": "To confirm, open this link:",
            "confirm_button": "Confirm my subscription",
            "confirm_expiry": "The link is valid for three days.",
            "confirm_ignore": "If you did not ask for this, ignore this message: nothing will be sent to you.",
            "already_active": "You are already subscribed to the notices of",
            "confirm_subject": "Confirm your subscription",
            "active_subject": "You are already subscribed",
            "why": "You receive this because you subscribed to these notices.",
            "preferences": "Change your preferences",
            "unsubscribe": "Unsubscribe",
            "when": "When",
            "reason": "Reason",
            "agenda": "Agenda",
            "read_more": "Read more",
            "convened": "New council meeting",
            "postponed": "Meeting postponed",
            "cancelled": "Meeting cancelled",
            "what_changed": "What was corrected",
            "minutes": "Minutes published",
            "minutes_corrected": "Minutes corrected",
            "decision_corrected": "Decision corrected",
            "recommendation_corrected": "Recommendation corrected",
            "decisions": "Decisions and recommendations",
            "decision_word": "Decision",
            "recommendation_word": "Recommendation",
            "item": "item",
            "adopted": "adopted",
            "rejected": "rejected",
            "practice": "New good practice",
            "digest": "Your notices",
            "dear": "Dear",
            "dear_end": ",",
            "member_convocation": "Council meeting convened",
            "member_update": "Meeting changed",
            "member_postponement": "Meeting postponed",
            "member_cancellation": "Meeting cancelled",
            "member_reminder": "Reminder of the meeting",
            "member_minutes": "Draft minutes for your review",
            "member_intro_convocation": "You are invited to the council's meeting with the agenda below.",
            "member_intro_update": "The meeting has changed: what follows is what now stands.",
            "member_intro_postponement": "The meeting has been postponed to the new time below.",
            "member_intro_cancellation": "The meeting has been cancelled.",
            "member_intro_reminder": "A reminder of the council's coming meeting.",
            "member_intro_minutes": "The draft minutes of the meeting are ready. Please read them before they are approved.",
            "where": "Where",
            "online": "Join online",
            "rapporteur": "Rapporteur",
            "closed_item": "closed session",
            "withdrawn": "withdrawn",
            "documents": "Documents",
            "open_meeting": "The meeting on the platform",
            "calendar_attached": "The calendar invitation is attached (invite.ics).",
            "calendar_cancel": "The attached file (invite.ics) removes the meeting from your calendar.",
            "why_member": "You receive this message as a member of the council.",
            "platform": "ΣΕΜΠ platform",
            "author_published": "Your good practice is published",
            "author_changes_requested": "Changes requested to your good practice",
            "author_rejected": "Your good practice was not accepted",
            "author_intro_published": "A moderator published your good practice: every municipality can now read it.",
            "author_intro_changes_requested": "A moderator asks for changes before publishing your good practice. Edit it and submit it again.",
            "author_intro_rejected": "A moderator did not accept your good practice for publication.",
            "note": "The moderator's note",
            "by": "By",
            "open_practice": "The practice on the platform",
            "why_author": "You receive this message as the author of the practice.",
            "moderator_submitted": "Good practice submitted for review",
            "moderator_intro_new": "A new good practice waits for your review.",
            "moderator_intro_update": "An update of a published good practice waits for your review; the public version stays until you publish it.",
            "organisation": "Organisation",
            "submitted_by": "Submitted by",
            "open_review": "Review it on the platform",
            "why_moderator": "You receive this message as a moderator of the platform's good practices.",
        }),
        _ => json!({
            "hello": "Γεια σας,",
            "confirm_intro": "Επιβεβαιώστε ότι θέλετε να λαμβάνετε με e-mail ειδοποιήσεις του εξής δήμου:",
            "confirm_action": "Για επιβεβαίωση, ανοίξτε αυτόν τον σύνδεσμο:",
            "confirm_button": "Επιβεβαίωση εγγραφής",
            "confirm_expiry": "Ο σύνδεσμος ισχύει για τρεις ημέρες.",
            "confirm_ignore": "Αν δεν το ζητήσατε εσείς, αγνοήστε αυτό το μήνυμα: δεν θα σας σταλεί τίποτα.",
            "already_active": "Έχετε ήδη ενεργή εγγραφή στις ειδοποιήσεις του εξής δήμου:",
            "confirm_subject": "Επιβεβαιώστε την εγγραφή σας",
            "active_subject": "Η εγγραφή σας είναι ήδη ενεργή",
            "why": "Λαμβάνετε αυτό το μήνυμα επειδή εγγραφήκατε σε αυτές τις ειδοποιήσεις.",
            "preferences": "Αλλαγή προτιμήσεων",
            "unsubscribe": "Διακοπή ειδοποιήσεων",
            "when": "Ημερομηνία και ώρα",
            "reason": "Λόγος",
            "agenda": "Ημερήσια διάταξη",
            "read_more": "Περισσότερα",
            "convened": "Νέα συνεδρίαση του ΣΕΜΠ",
            "postponed": "Αναβολή συνεδρίασης",
            "cancelled": "Ακύρωση συνεδρίασης",
            "what_changed": "Τι διορθώθηκε",
            "minutes": "Δημοσιεύθηκαν τα πρακτικά",
            "minutes_corrected": "Διόρθωση πρακτικών",
            "decision_corrected": "Διόρθωση απόφασης",
            "recommendation_corrected": "Διόρθωση εισήγησης",
            "decisions": "Αποφάσεις και εισηγήσεις",
            "decision_word": "Απόφαση",
            "recommendation_word": "Εισήγηση",
            "item": "θέμα",
            "adopted": "εγκρίθηκε",
            "rejected": "απορρίφθηκε",
            "practice": "Νέα καλή πρακτική",
            "digest": "Οι ειδοποιήσεις σας",
            // «Αγαπητέ/ή» would inflect by the member's gender, which is not recorded.
            "dear": "Προς:",
            "dear_end": "",
            "member_convocation": "Πρόσκληση σε συνεδρίαση",
            "member_update": "Αλλαγή στη συνεδρίαση",
            "member_postponement": "Αναβολή συνεδρίασης",
            "member_cancellation": "Ακύρωση συνεδρίασης",
            "member_reminder": "Υπενθύμιση συνεδρίασης",
            "member_minutes": "Σχέδιο πρακτικών προς έλεγχο",
            "member_intro_convocation": "Σας καλούμε να συμμετάσχετε στη συνεδρίαση του ΣΕΜΠ. Τα θέματα της ημερήσιας διάταξης είναι τα παρακάτω.",
            "member_intro_update": "Τα στοιχεία της συνεδρίασης άλλαξαν. Ισχύουν όσα αναφέρονται παρακάτω.",
            "member_intro_postponement": "Η συνεδρίαση αναβλήθηκε για τη νέα ημερομηνία που ακολουθεί.",
            "member_intro_cancellation": "Η συνεδρίαση ακυρώθηκε.",
            "member_intro_reminder": "Σας υπενθυμίζουμε την επόμενη συνεδρίαση του συμβουλίου.",
            "member_intro_minutes": "Το σχέδιο πρακτικών της συνεδρίασης είναι έτοιμο. Διαβάστε το πριν από την έγκρισή του.",
            "where": "Τόπος",
            "online": "Σύνδεσμος τηλεδιάσκεψης",
            "rapporteur": "Εισηγείται",
            "closed_item": "κεκλεισμένων των θυρών",
            "withdrawn": "αποσύρθηκε",
            "documents": "Έγγραφα",
            "open_meeting": "Η συνεδρίαση στην πλατφόρμα",
            "calendar_attached": "Η πρόσκληση ημερολογίου επισυνάπτεται (invite.ics).",
            "calendar_cancel": "Το συνημμένο αρχείο (invite.ics) αφαιρεί τη συνεδρίαση από το ημερολόγιό σας.",
            "why_member": "Λαμβάνετε αυτό το μήνυμα ως μέλος του συμβουλίου.",
            "platform": "Πλατφόρμα ΣΕΜΠ",
            "author_published": "Η καλή πρακτική σας δημοσιεύθηκε",
            "author_changes_requested": "Ζητούνται αλλαγές στην καλή πρακτική σας",
            "author_rejected": "Η καλή πρακτική σας δεν έγινε δεκτή",
            "author_intro_published": "Η καλή πρακτική σας δημοσιεύθηκε: όλοι οι δήμοι μπορούν πλέον να τη διαβάσουν.",
            "author_intro_changes_requested": "Πριν από τη δημοσίευση ζητούνται αλλαγές στην καλή πρακτική σας. Διορθώστε την και υποβάλετέ την ξανά.",
            "author_intro_rejected": "Η καλή πρακτική σας δεν έγινε δεκτή για δημοσίευση.",
            "note": "Σημείωση των συντονιστών",
            "by": "Από",
            "open_practice": "Η πρακτική στην πλατφόρμα",
            "why_author": "Λαμβάνετε αυτό το μήνυμα επειδή υποβάλατε αυτή την πρακτική.",
            "moderator_submitted": "Καλή πρακτική υποβλήθηκε για έλεγχο",
            "moderator_intro_new": "Μια νέα καλή πρακτική περιμένει τον έλεγχό σας.",
            "moderator_intro_update": "Μια ενημέρωση δημοσιευμένης καλής πρακτικής περιμένει τον έλεγχό σας· η δημόσια εκδοχή μένει ως έχει μέχρι να τη δημοσιεύσετε.",
            "organisation": "Φορέας",
            "submitted_by": "Υποβλήθηκε από",
            "open_review": "Έλεγχος στην πλατφόρμα",
            "why_moderator": "Λαμβάνετε αυτό το μήνυμα ως συντονιστής των καλών πρακτικών της πλατφόρμας.",
        }),
    }
}

/// A rendered message.
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

pub struct Messages {
    /// The HTML forms, escaped.
    registry: Handlebars<'static>,
    /// The plain-text forms: not HTML, so nothing is escaped.
    plain: Handlebars<'static>,
}

impl Messages {
    pub fn new() -> anyhow::Result<Self> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        let mut plain = Handlebars::new();
        plain.set_strict_mode(true);
        plain.register_escape_fn(handlebars::no_escape);
        for (name, source) in TEMPLATES {
            let target = if name.ends_with(".txt") {
                &mut plain
            } else {
                &mut registry
            };
            target
                .register_template_string(name, source)
                .with_context(|| format!("template {name}"))?;
        }
        Ok(Self { registry, plain })
    }

    /// Renders `name` (`confirm`, `active`, `notice`, `digest`, `member`, `author`,
    /// `moderator`) in both
    /// forms.
    pub fn render(
        &self,
        name: &str,
        subject: String,
        data: &impl Serialize,
    ) -> anyhow::Result<Rendered> {
        let mut value = serde_json::to_value(data)?;
        if let Value::Object(map) = &mut value {
            map.insert("subject".into(), Value::String(subject.clone()));
        }
        let html = self.registry.render(&format!("{name}.html"), &value)?;
        let text = self.plain.render(&format!("{name}.txt"), &value)?;
        Ok(Rendered {
            subject,
            text,
            html,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_variable_is_an_error_not_a_blank() {
        let messages = Messages::new().unwrap();
        let missing = messages.render(
            "confirm",
            "x".into(),
            &json!({"lang": "el", "t": words("el")}),
        );
        assert!(missing.is_err(), "tenant_name and confirm_url are missing");
    }

    #[test]
    fn both_languages_have_the_same_words() {
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(words("el")), keys(words("en")));
    }
}
