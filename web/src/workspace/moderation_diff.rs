//! What an update changes against the published version, field by field, for the review
//! page: each field as the reader would read it (one entry per language for texts in both),
//! and for each changed field the published and the proposed text with a word-level diff
//! (`<del>`/`<ins>` with words a screen reader says).

use practices::domain::{Bilingual, PracticeContent};
use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::{i18n::Lang, render::Renderer};

/// A run of words: unchanged, removed or added.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub removed: bool,
    pub added: bool,
}

/// One field that differs.
#[derive(Debug, Serialize)]
pub struct Changed {
    pub label: String,
    pub published: String,
    pub proposed: String,
    /// Both texts at once, the removed and added words marked.
    pub pieces: Vec<Piece>,
}

/// Unchanged words kept on each side of a change; a longer unchanged run is shortened
/// (the full texts are on the page too).
const CONTEXT_WORDS: usize = 12;

/// An unchanged run shortened to the words next to the changes: its end when a change
/// follows, its start when one precedes, both when it lies between two.
fn shortened(text: &str, before_change: bool, after_change: bool) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 2 * CONTEXT_WORDS + 4 {
        return text.to_string();
    }
    let head = words[..CONTEXT_WORDS].join(" ");
    let tail = words[words.len() - CONTEXT_WORDS..].join(" ");
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    match (after_change, before_change) {
        (true, true) => format!("{lead}{head} … {tail}{trail}"),
        (true, false) => format!("{lead}{head} …"),
        (false, true) => format!("… {tail}{trail}"),
        (false, false) => text.to_string(),
    }
}

/// Word-level differences: runs of unchanged, removed and added words (spaces kept), long
/// unchanged runs shortened around the changes.
pub fn pieces(old: &str, new: &str) -> Vec<Piece> {
    let mut runs = all_pieces(old, new);
    let count = runs.len();
    for (i, run) in runs.iter_mut().enumerate() {
        if run.removed || run.added {
            continue;
        }
        let (after_change, before_change) = (i > 0, i + 1 < count);
        run.text = shortened(&run.text, before_change, after_change);
    }
    runs
}

fn all_pieces(old: &str, new: &str) -> Vec<Piece> {
    let diff = TextDiff::from_words(old, new);
    let mut runs: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let (removed, added) = match change.tag() {
            ChangeTag::Equal => (false, false),
            ChangeTag::Delete => (true, false),
            ChangeTag::Insert => (false, true),
        };
        match runs.last_mut() {
            Some(last) if last.removed == removed && last.added == added => {
                last.text.push_str(change.value());
            }
            _ => runs.push(Piece {
                text: change.value().to_string(),
                removed,
                added,
            }),
        }
    }
    runs
}

/// The fields of `content` as text, labelled: `(label, text)`.
fn fields(content: &PracticeContent, renderer: &Renderer, lang: Lang) -> Vec<(String, String)> {
    let t = |key: &str| renderer.text(lang, key);
    let mut out: Vec<(String, String)> = Vec::new();
    let (greek, english) = (t("language-name-el"), t("language-name-en"));
    let mut both = |label: String, text: &Bilingual| {
        out.push((
            format!("{label} ({greek})"),
            text.el.clone().unwrap_or_default(),
        ));
        out.push((
            format!("{label} ({english})"),
            text.en.clone().unwrap_or_default(),
        ));
    };
    both(t("moderation-field-title"), &content.title);
    both(t("moderation-field-summary"), &content.summary);
    both(t("practice-objective"), &content.objective);
    both(t("practice-target-audience"), &content.target_audience);
    both(t("practice-description"), &content.description);
    both(t("practice-impact"), &content.impact);
    both(
        format!(
            "{} · {}",
            t("practice-organisation"),
            t("moderation-field-about")
        ),
        &content.organisation.description,
    );
    both(t("practice-staff"), &content.staff_participation);
    both(t("practice-volunteers"), &content.volunteer_participation);
    let lines = |items: Vec<String>| items.join("\n");
    out.extend([
        (
            t("practice-organisation"),
            lines(
                [
                    Some(content.organisation.name.clone()),
                    content.organisation.website.clone(),
                    content.organisation.tenant.clone(),
                ]
                .into_iter()
                .flatten()
                .collect(),
            ),
        ),
        (
            t("practice-sector"),
            content
                .sector
                .map(|s| t(&format!("sector-{}", s.as_str())))
                .unwrap_or_default(),
        ),
        (t("practice-themes"), lines(content.thematic_areas.clone())),
        (
            t("practice-audiences"),
            lines(
                content
                    .audiences
                    .iter()
                    .map(|a| t(&format!("audience-{}", a.as_str())))
                    .collect(),
            ),
        ),
        (
            t("practice-duration"),
            crate::practice_views::duration_text(content, renderer, lang).unwrap_or_default(),
        ),
        (
            t("practice-places"),
            lines(
                content
                    .locations
                    .iter()
                    .chain(&content.other_locations)
                    .cloned()
                    .collect(),
            ),
        ),
        (t("practice-partners"), lines(content.partners.clone())),
        (
            t("practice-results"),
            lines(
                content
                    .results
                    .iter()
                    .map(|row| {
                        let figures: Vec<String> = row
                            .figures
                            .iter()
                            .map(|(year, n)| format!("{year}: {n}"))
                            .collect();
                        format!("{} — {}", row.label.both().trim(), figures.join(", "))
                    })
                    .collect(),
            ),
        ),
        (
            t("practice-goals"),
            lines(
                content
                    .sdgs
                    .iter()
                    .map(|g| format!("{g}. {}", t(&format!("sdg-{g}"))))
                    .collect(),
            ),
        ),
        (
            t("practice-links"),
            lines(
                content
                    .links
                    .iter()
                    .map(|l| format!("{} <{}>", l.label, l.url))
                    .collect(),
            ),
        ),
        (
            t("moderation-field-photos"),
            lines(
                content
                    .photos
                    .iter()
                    .map(|p| {
                        format!(
                            "#{} {} {}",
                            p.file,
                            p.alt.both().trim(),
                            p.caption.both().trim()
                        )
                    })
                    .collect(),
            ),
        ),
        (
            t("practice-documents"),
            lines(
                content
                    .documents
                    .iter()
                    .map(|d| format!("#{} {}", d.file, d.title.both().trim()))
                    .collect(),
            ),
        ),
    ]);
    out
}

/// The fields that differ between the published and the proposed version, in the order
/// the form has them.
pub fn changes(
    published: &PracticeContent,
    proposed: &PracticeContent,
    renderer: &Renderer,
    lang: Lang,
) -> Vec<Changed> {
    fields(published, renderer, lang)
        .into_iter()
        .zip(fields(proposed, renderer, lang))
        .filter(|((_, old), (_, new))| old != new)
        .map(|((label, old), (_, new))| Changed {
            label,
            pieces: pieces(&old, &new),
            published: old,
            proposed: new,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_unchanged_text_is_shortened_around_a_change() {
        let words: Vec<String> = (1..=100).map(|n| format!("λέξη{n}")).collect();
        let old = words.join(" ");
        let new = old.replace("λέξη50", "άλλη");
        let runs = pieces(&old, &new);
        assert!(runs[0].text.starts_with("… λέξη38 "), "{:?}", runs[0]);
        assert!(runs.last().unwrap().text.ends_with(" λέξη62 …"), "{runs:?}");
        assert!(runs.iter().any(|p| p.added && p.text == "άλλη"));
    }

    #[test]
    fn only_the_changed_words_are_marked() {
        let runs = pieces(
            "Μαθήματα ελληνικών για ενήλικες",
            "Μαθήματα αγγλικών για ενήλικες",
        );
        let marked: Vec<(&str, bool, bool)> = runs
            .iter()
            .map(|p| (p.text.as_str(), p.removed, p.added))
            .collect();
        assert_eq!(
            marked,
            [
                ("Μαθήματα ", false, false),
                ("ελληνικών", true, false),
                ("αγγλικών", false, true),
                (" για ενήλικες", false, false),
            ]
        );
    }
}
