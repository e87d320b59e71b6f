//! Search text that ignores case and Greek accents: «ΑΠΑΣΧΟΛΗΣΗ», «απασχόληση» and
//! «απασχοληση» are one word. Services store the folded text beside what they index and
//! fold the query the same way, so SQLite and PostgreSQL match the same rows with a plain
//! `LIKE`, without either database's locale or extensions.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// Lower case, accents and diaeresis removed, final sigma as sigma, runs of anything that
/// is not a letter or digit collapsed to one space.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut space = true;
    for c in text.nfd().flat_map(char::to_lowercase) {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = if c == 'ς' { 'σ' } else { c };
        if c.is_alphanumeric() {
            folded.push(c);
            space = false;
        } else if !space {
            folded.push(' ');
            space = true;
        }
    }
    if folded.ends_with(' ') {
        folded.pop();
    }
    folded
}

/// The stem of one folded word (a word of `fold`'s output), so that the inflected forms of a
/// word share one: «απασχοληση», «απασχολησησ» → «απασχολ», "employment", "employed" →
/// "employ". Greek words go through Snowball's Greek algorithm, Latin ones through its
/// English one; words with digits or other letters stay as they are. The Greek algorithm
/// lowers case and drops accents itself, and its suffixes are written without accents and
/// with σ for the final sigma: what `fold` already gives it.
pub fn stem(word: &str) -> Cow<'_, str> {
    let greek = word.chars().all(|c| ('α'..='ω').contains(&c));
    let latin = word.chars().all(|c| c.is_ascii_lowercase());
    match (greek, latin) {
        _ if word.is_empty() => Cow::Borrowed(word),
        (true, _) => Stemmer::create(Algorithm::Greek).stem(word),
        (_, true) => Stemmer::create(Algorithm::English).stem(word),
        _ => Cow::Borrowed(word),
    }
}

/// The folded words of a query, without duplicates, at most `limit` of them (a query of
/// hundreds of words is not a search, and each word is one more `LIKE`).
pub fn query_terms(query: &str, limit: usize) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for word in fold(query).split(' ').filter(|w| !w.is_empty()) {
        if !terms.iter().any(|t| t == word) && terms.len() < limit {
            terms.push(word.to_string());
        }
    }
    terms
}

/// A `LIKE` pattern that matches `term` anywhere; `%`, `_` and `\` cannot occur in folded
/// text, so nothing needs escaping.
pub fn contains_pattern(term: &str) -> String {
    format!("%{term}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greek_case_and_accents_fold_to_one_word() {
        assert_eq!(fold("ΑΠΑΣΧΟΛΗΣΗ"), "απασχοληση");
        assert_eq!(fold("απασχόληση"), "απασχοληση");
        assert_eq!(fold("Προΐσταμένος, ΚΕΜ!"), "προισταμενοσ κεμ");
        assert_eq!(fold("Συνεδρίασης"), fold("ΣΥΝΕΔΡΙΑΣΗΣ"));
    }

    fn stems(text: &str) -> Vec<String> {
        fold(text)
            .split(' ')
            .map(|w| stem(w).into_owned())
            .collect()
    }

    #[test]
    fn inflected_forms_share_a_stem_after_folding() {
        for words in [
            "απασχόληση Απασχόλησης απασχόλησή ΑΠΑΣΧΟΛΗΣΗ",
            "ένταξη ένταξης",
            "παιδιά παιδιών",
            "γυναίκες γυναικών",
            "employment employed employ",
        ] {
            let stems = stems(words);
            assert!(stems.iter().all(|s| *s == stems[0]), "{words}: {stems:?}");
        }
        assert_eq!(stem("covid19"), "covid19", "digits: as it is");
        assert_eq!(stem(""), "");
    }

    #[test]
    fn query_terms_are_folded_and_unique() {
        assert_eq!(
            query_terms("Στέγαση στεγαση  ΚΕΜ", 8),
            vec!["στεγαση".to_string(), "κεμ".to_string()]
        );
        assert!(query_terms("  ,, ", 8).is_empty());
    }
}
