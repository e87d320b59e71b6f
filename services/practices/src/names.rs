//! The names the pages give sectors and UN goals, in Greek and English, so that a search
//! finds a practice by them too (`service::index`). They are the pages' own words (`sector-*`
//! and `sdg-*` in web/locales/{el,en}/public.ftl); a test keeps the two lists identical.

use crate::domain::Sector;

impl Sector {
    /// The sector's name: (Greek, English).
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Sector::Municipality => ("Τοπική αυτοδιοίκηση", "Local government"),
            Sector::CivilSociety => ("Κοινωνία πολιτών", "Civil society"),
            Sector::Business => ("Επιχειρήσεις", "Business"),
            Sector::Academia => ("Ακαδημαϊκή κοινότητα", "Academia"),
            Sector::InternationalOrganisation => {
                ("Διεθνείς οργανισμοί", "International organisations")
            }
            Sector::Other => ("Άλλος τομέας", "Other sector"),
        }
    }
}

/// The UN Sustainable Development Goals 1 to 17: (Greek, English).
const SDGS: [(&str, &str); 17] = [
    ("Μηδενική φτώχεια", "No poverty"),
    ("Μηδενική πείνα", "Zero hunger"),
    ("Καλή υγεία και ευημερία", "Good health and well-being"),
    ("Ποιοτική εκπαίδευση", "Quality education"),
    ("Ισότητα των φύλων", "Gender equality"),
    ("Καθαρό νερό και αποχέτευση", "Clean water and sanitation"),
    ("Φτηνή και καθαρή ενέργεια", "Affordable and clean energy"),
    (
        "Αξιοπρεπής εργασία και οικονομική ανάπτυξη",
        "Decent work and economic growth",
    ),
    (
        "Βιομηχανία, καινοτομία και υποδομές",
        "Industry, innovation and infrastructure",
    ),
    ("Λιγότερες ανισότητες", "Reduced inequalities"),
    (
        "Βιώσιμες πόλεις και κοινότητες",
        "Sustainable cities and communities",
    ),
    (
        "Υπεύθυνη κατανάλωση και παραγωγή",
        "Responsible consumption and production",
    ),
    ("Δράση για το κλίμα", "Climate action"),
    ("Ζωή στο νερό", "Life below water"),
    ("Ζωή στη στεριά", "Life on land"),
    (
        "Ειρήνη, δικαιοσύνη και ισχυροί θεσμοί",
        "Peace, justice and strong institutions",
    ),
    ("Συνεργασία για τους στόχους", "Partnerships for the goals"),
];

/// Goal `goal`'s name: (Greek, English); None outside 1 to 17.
pub fn sdg(goal: u8) -> Option<(&'static str, &'static str)> {
    SDGS.get(usize::from(goal).checked_sub(1)?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `key = text` of the pages' messages in `language`.
    fn message(language: &str, key: &str) -> String {
        let path = format!(
            "{}/../../web/locales/{language}/public.ftl",
            env!("CARGO_MANIFEST_DIR")
        );
        let messages = std::fs::read_to_string(&path).expect("the pages' messages");
        messages
            .lines()
            .find_map(|line| line.strip_prefix(&format!("{key} = ")))
            .unwrap_or_else(|| panic!("{key} in {path}"))
            .to_string()
    }

    #[test]
    fn the_names_are_the_pages_own() {
        for sector in Sector::ALL {
            let (el, en) = sector.names();
            let key = format!("sector-{}", sector.as_str());
            assert_eq!(
                (message("el", &key), message("en", &key)),
                (el.into(), en.into())
            );
        }
        for goal in 1..=17 {
            let (el, en) = sdg(goal).unwrap();
            let key = format!("sdg-{goal}");
            assert_eq!(
                (message("el", &key), message("en", &key)),
                (el.into(), en.into())
            );
        }
        assert_eq!((sdg(0), sdg(18)), (None, None));
    }
}
