//! The search index: every published practice held in memory with its folded words, so a
//! search touches no table. A word of the query matches a practice when
//!
//! - it is part of one of the practice's words, as before stemming came: a word typed in
//!   part («απασχολ», "employ") or without accents finds the whole one (what `LIKE '%word%'`
//!   over the folded text would match, since folded text and query words are runs of letters
//!   and digits); or
//! - it has the same stem as one of them (`council_shared::search::stem`: Snowball's Greek
//!   algorithm for Greek words, its English one for Latin ones, after folding), so inflected
//!   forms find each other: «απασχόλησης» finds «απασχόληση», "employed" finds "employment".
//!   Stems are compared whole, never as parts of words (a stem is often short: «παιδια» →
//!   «πα»; as a part of words it would match nearly everything). Words shorter than
//!   `MIN_WORD` letters and stems shorter than `MIN_STEM` are not compared (the Greek
//!   algorithm takes «στη», «στο», «στα» to «στ», and «της», «των» to «τ»): such words
//!   still match as parts of words. A stem is looked up in a map built with the index, not
//!   searched for.
//!
//! Snowball's algorithms strip suffixes by rule, without a dictionary, so some forms stay
//! apart («κατοικία» → «κατοικ», «κατοικίας» → «κατοικι»; "woman", "women"; "child" finds
//! "children" only as a part of it) and a few unrelated words meet («πολιτισμός» and
//! «πολιτών» → «πολιτ»).
//!
//! Title matches rank above body matches. Besides its own text, a practice's body words are
//! the names, in Greek and English, of its thematic areas (this service's table), its sector
//! and UN goals (`crate::names`, the pages' own words) and its municipalities (its own and
//! where it runs, from `CouncilDirectory`): computed when the index is built, so a renamed
//! area is found under its new name and nothing about names is stored with the practice.
//!
//! The index is rebuilt when the practices or the thematic areas change: at once after a
//! change on this instance, and, for changes made elsewhere (another instance, the demo
//! loader, the workspace's list of areas), when the table's latest change or newest row, or
//! the areas, differ from those the index was built from, checked every `ttl`. (Instances
//! with clocks far apart could miss an update stamped earlier than the latest one until the
//! next change.) Municipalities' names are read at each build; a renamed municipality is
//! found under its new name from the next one, and if they cannot be read the index is built
//! without them and built again at the next check that can read them.

use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

use chrono::{DateTime, Utc};
use council_shared::{
    council::CouncilDirectory,
    search::{fold, stem},
};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use super::search::{SearchQuery, Sort};
use crate::{
    domain::{PracticeContent, Sector},
    entities::{practice, theme},
    error::Result,
    names,
    service::{lifecycle::facet_values, search::published_contents},
};

/// Words shorter than this are not compared by stem: the short ones are mostly articles,
/// prepositions and pronouns, whose stems («στ», «τ», «κα») unrelated words share.
const MIN_WORD: usize = 4;
/// Stems shorter than this are not compared (some words have an empty stem: «ιδια»).
/// Two letters are enough for the longer words: «παιδια», «παιδιων» → «πα»; «νεοι»,
/// «νεων» → «νε».
const MIN_STEM: usize = 2;

/// The stem `word` is compared by, if any.
fn comparable_stem(word: &str) -> Option<String> {
    if word.chars().count() < MIN_WORD {
        return None;
    }
    let stem = stem(word);
    (stem.chars().count() >= MIN_STEM).then(|| stem.into_owned())
}

/// One published practice as the index keeps it.
pub struct Entry {
    pub row: practice::Model,
    pub content: PracticeContent,
    /// Its filter values, as numbers into `Snapshot::facet_values`.
    facets: Vec<u32>,
}

/// Words → the entries they occur in, and stems → the entries with a word of that stem.
#[derive(Default)]
struct Words {
    words: HashMap<String, Vec<u32>>,
    stems: HashMap<String, Vec<u32>>,
}

/// A word of the query, and its stem when it is long enough to compare.
struct Term<'a> {
    word: &'a str,
    stem: Option<String>,
}

impl<'a> Term<'a> {
    fn new(word: &'a str) -> Self {
        Self {
            word,
            stem: comparable_stem(word),
        }
    }
}

impl Words {
    /// Adds `text`'s words to `entry`, which is not less than any entry added before.
    fn add(&mut self, text: &str, entry: u32) {
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let postings = self.words.entry(word.to_string()).or_default();
            if postings.last() != Some(&entry) {
                postings.push(entry);
            }
        }
    }

    /// Once every entry is added: the stem of each distinct word.
    fn stem_words(&mut self) {
        for (word, postings) in &self.words {
            if let Some(stem) = comparable_stem(word) {
                self.stems.entry(stem).or_default().extend(postings);
            }
        }
        for postings in self.stems.values_mut() {
            postings.sort_unstable();
            postings.dedup();
        }
    }

    /// Marks every entry with a word containing the term or of the term's stem.
    fn mark(&self, term: &Term, marks: &mut [bool]) {
        let stemmed = term.stem.as_ref().and_then(|s| self.stems.get(s));
        let containing = self
            .words
            .iter()
            .filter(|(word, _)| word.contains(term.word))
            .map(|(_, postings)| postings);
        for postings in containing.chain(stemmed) {
            for &entry in postings {
                marks[entry as usize] = true;
            }
        }
    }
}

struct Snapshot {
    /// Newest first (published, then id): the date order needs no sorting.
    entries: Vec<Entry>,
    titles: Words,
    bodies: Words,
    /// Every `(filter, value)` that occurs, numbered: counting is then adding to a slot.
    facet_values: Vec<(&'static str, String)>,
    /// What it was built from.
    stamp: Stamp,
    /// False when the municipalities' names could not be read.
    named: bool,
}

/// The table's newest row and latest change, and the thematic areas.
#[derive(PartialEq)]
struct Stamp {
    newest: Option<i64>,
    latest: Option<DateTime<Utc>>,
    themes: Vec<theme::Model>,
}

pub struct SearchIndex {
    snapshot: RwLock<Option<Arc<Snapshot>>>,
    rebuilding: tokio::sync::Mutex<()>,
    checked: RwLock<Option<Instant>>,
    ttl: Duration,
}

/// A page of results with the counts per filter value over all of them.
pub struct Hits<'a> {
    pub page: Vec<&'a Entry>,
    pub total: u64,
    pub counts: Vec<(String, String, i64)>,
}

impl SearchIndex {
    pub fn new(ttl: Duration) -> Self {
        Self {
            snapshot: RwLock::new(None),
            rebuilding: tokio::sync::Mutex::new(()),
            checked: RwLock::new(None),
            ttl,
        }
    }

    /// A practice changed here: the next search looks at the table first.
    pub fn invalidate(&self) {
        if let Ok(mut checked) = self.checked.write() {
            *checked = None;
        }
    }

    /// The newest change and the newest practice, each read from an index alone (one
    /// aggregate per query, so SQLite answers from the index instead of the table), and
    /// the thematic areas (a few rows).
    async fn stamp(db: &DatabaseConnection) -> Result<Stamp> {
        let latest: Option<Option<DateTime<Utc>>> = practice::Entity::find()
            .select_only()
            .column_as(practice::Column::UpdatedAt.max(), "latest")
            .into_tuple()
            .one(db)
            .await?;
        let newest: Option<Option<i64>> = practice::Entity::find()
            .select_only()
            .column_as(practice::Column::Id.max(), "newest")
            .into_tuple()
            .one(db)
            .await?;
        Ok(Stamp {
            newest: newest.flatten(),
            latest: latest.flatten(),
            themes: super::themes(db).await?,
        })
    }

    /// Every active municipality's slug → its names in Greek and English; None (and a
    /// warning) when the directory cannot be read, so that search still answers.
    async fn places(directory: &dyn CouncilDirectory) -> Option<HashMap<String, String>> {
        match directory.all().await {
            Ok(rosters) => Some(
                rosters
                    .into_iter()
                    .map(|r| {
                        let names = format!("{} {}", r.tenant.name_el, r.tenant.name_en);
                        (r.tenant.slug.as_str().to_string(), names)
                    })
                    .collect(),
            ),
            Err(error) => {
                tracing::warn!(%error, "the search index is built without municipalities' names");
                None
            }
        }
    }

    /// The current snapshot, rebuilt first if the practices changed. While one request
    /// checks or rebuilds, the others keep using the snapshot they have.
    async fn current(
        &self,
        db: &DatabaseConnection,
        directory: &dyn CouncilDirectory,
    ) -> Result<Arc<Snapshot>> {
        let fresh = self
            .checked
            .read()
            .ok()
            .and_then(|c| *c)
            .is_some_and(|at| at.elapsed() < self.ttl);
        let held = self.snapshot.read().ok().and_then(|s| s.clone());
        if let (true, Some(snapshot)) = (fresh, &held) {
            return Ok(snapshot.clone());
        }
        let _rebuilding = match (self.rebuilding.try_lock(), &held) {
            (Ok(guard), _) => guard,
            (Err(_), Some(snapshot)) => return Ok(snapshot.clone()),
            (Err(_), None) => self.rebuilding.lock().await,
        };
        let stamp = Self::stamp(db).await?;
        let held = self.snapshot.read().ok().and_then(|s| s.clone());
        let snapshot = match held {
            Some(snapshot) if snapshot.stamp == stamp && snapshot.named => snapshot,
            held => match (held, Self::places(directory).await) {
                // Still no names to add: what is held is as good as a new one.
                (Some(snapshot), None) if snapshot.stamp == stamp => snapshot,
                (_, places) => {
                    let built = Arc::new(Self::build(db, stamp, places).await?);
                    if let Ok(mut slot) = self.snapshot.write() {
                        *slot = Some(built.clone());
                    }
                    built
                }
            },
        };
        if let Ok(mut checked) = self.checked.write() {
            *checked = Some(Instant::now());
        }
        Ok(snapshot)
    }

    async fn build(
        db: &DatabaseConnection,
        stamp: Stamp,
        places: Option<HashMap<String, String>>,
    ) -> Result<Snapshot> {
        let rows = practice::Entity::find()
            .filter(practice::Column::PublishedRevision.is_not_null())
            .all(db)
            .await?;
        let mut published = published_contents(db, rows).await?;
        published
            .sort_by(|(a, _), (b, _)| b.published_at.cmp(&a.published_at).then(b.id.cmp(&a.id)));
        let mut snapshot = Snapshot {
            entries: Vec::with_capacity(published.len()),
            titles: Words::default(),
            bodies: Words::default(),
            facet_values: Vec::new(),
            named: places.is_some(),
            stamp,
        };
        let places = places.unwrap_or_default();
        let mut facet_ids: HashMap<(&'static str, String), u32> = HashMap::new();
        // The folded names of each filter value, by its number.
        let mut labels: Vec<String> = Vec::new();
        for (row, content) in published {
            let at = snapshot.entries.len() as u32;
            snapshot.titles.add(&row.search_title, at);
            snapshot.bodies.add(&row.search_body, at);
            let facets: Vec<u32> = facet_values(&content)
                .into_iter()
                .map(|pair| {
                    let next = snapshot.facet_values.len() as u32;
                    *facet_ids.entry(pair.clone()).or_insert_with(|| {
                        labels.push(fold(&label(&pair, &snapshot.stamp.themes, &places)));
                        snapshot.facet_values.push(pair);
                        next
                    })
                })
                .collect();
            for &id in &facets {
                snapshot.bodies.add(&labels[id as usize], at);
            }
            snapshot.entries.push(Entry {
                row,
                content,
                facets,
            });
        }
        snapshot.titles.stem_words();
        snapshot.bodies.stem_words();
        tracing::info!(practices = snapshot.entries.len(), "search index built");
        Ok(snapshot)
    }

    /// Runs `query` (the page, the total and the counts) and hands the hits to `read`.
    pub async fn search<T>(
        &self,
        db: &DatabaseConnection,
        directory: &dyn CouncilDirectory,
        query: &SearchQuery,
        read: impl FnOnce(Hits<'_>) -> T,
    ) -> Result<T> {
        let snapshot = self.current(db, directory).await?;
        let count = snapshot.entries.len();
        // A filter value no practice has matches nothing.
        let wanted: Option<Vec<u32>> = query
            .filters
            .iter()
            .map(|(name, value)| {
                snapshot
                    .facet_values
                    .iter()
                    .position(|(n, v)| n == name && v == value)
                    .map(|id| id as u32)
            })
            .collect();
        let mut candidate: Vec<bool> = match &wanted {
            Some(ids) => snapshot
                .entries
                .iter()
                .map(|e| ids.iter().all(|id| e.facets.contains(id)))
                .collect(),
            None => vec![false; count],
        };
        let mut score = vec![0u32; count];
        let mut in_title = vec![false; count];
        let mut in_body = vec![false; count];
        for term in query.terms.iter().map(|t| Term::new(t)) {
            in_title.fill(false);
            in_body.fill(false);
            snapshot.titles.mark(&term, &mut in_title);
            snapshot.bodies.mark(&term, &mut in_body);
            for i in 0..count {
                if in_title[i] {
                    score[i] += 2;
                } else if in_body[i] {
                    score[i] += 1;
                } else {
                    candidate[i] = false;
                }
            }
        }
        // Entries are newest first already; by relevance, a stable bucket per score.
        let by_relevance = query.sort == Sort::Relevance && !query.terms.is_empty();
        let hits: Vec<usize> = if by_relevance {
            let mut buckets = vec![Vec::new(); 2 * query.terms.len() + 1];
            for i in (0..count).filter(|&i| candidate[i]) {
                buckets[score[i] as usize].push(i);
            }
            buckets.into_iter().rev().flatten().collect()
        } else {
            (0..count).filter(|&i| candidate[i]).collect()
        };
        let mut slots = vec![0i64; snapshot.facet_values.len()];
        for &i in &hits {
            for &id in &snapshot.entries[i].facets {
                slots[id as usize] += 1;
            }
        }
        let mut counts: Vec<(String, String, i64)> = slots
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(id, n)| {
                let (name, value) = &snapshot.facet_values[id];
                (name.to_string(), value.clone(), *n)
            })
            .collect();
        counts.sort();
        let start = (query.page.index() * query.page.per_page) as usize;
        let page = hits
            .iter()
            .skip(start)
            .take(query.page.per_page as usize)
            .map(|&i| &snapshot.entries[i])
            .collect();
        Ok(read(Hits {
            page,
            total: hits.len() as u64,
            counts,
        }))
    }
}

/// The names a search finds a filter value by, in Greek and English: a thematic area's, a
/// sector's, a UN goal's, a municipality's; nothing for the others (audiences, years).
fn label(
    (facet, value): &(&'static str, String),
    themes: &[theme::Model],
    places: &HashMap<String, String>,
) -> String {
    match *facet {
        "theme" => themes
            .iter()
            .find(|t| t.code == *value)
            .map(|t| format!("{} {}", t.name_el, t.name_en))
            .unwrap_or_default(),
        "sector" => Sector::from_db(value)
            .map(|s| format!("{} {}", s.names().0, s.names().1))
            .unwrap_or_default(),
        "sdg" => value
            .parse()
            .ok()
            .and_then(names::sdg)
            .map(|(el, en)| format!("{el} {en}"))
            .unwrap_or_default(),
        "municipality" => places.get(value).cloned().unwrap_or_default(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of these texts, one entry each, folded as the index folds them.
    fn words(texts: &[&str]) -> Words {
        let mut words = Words::default();
        for (entry, text) in texts.iter().enumerate() {
            words.add(&fold(text), entry as u32);
        }
        words.stem_words();
        words
    }

    /// The entries a query word matches.
    fn found(words: &Words, count: usize, query: &str) -> Vec<usize> {
        let mut marks = vec![false; count];
        words.mark(&Term::new(&fold(query)), &mut marks);
        (0..count).filter(|&i| marks[i]).collect()
    }

    #[test]
    fn inflected_greek_and_english_forms_find_each_other() {
        let texts = [
            "Ενίσχυση της απασχόλησης",
            "Κοινωνική ένταξη",
            "Εργαστήρια για παιδιά",
            "Δίκτυο γυναικών",
            "Employment support",
        ];
        let index = words(&texts);
        let found = |query| found(&index, texts.len(), query);
        for query in ["απασχόληση", "Απασχόλησης", "απασχόλησή", "ΑΠΑΣΧΟΛΗΣΗ"]
        {
            assert_eq!(found(query), [0], "{query}");
        }
        assert_eq!(found("ένταξης"), [1]);
        assert_eq!(found("παιδιών"), [2]);
        assert_eq!(found("γυναίκες"), [3]);
        assert_eq!(found("employed"), [4]);
        assert_eq!(found("EMPLOYMENT"), [4]);
    }

    #[test]
    fn a_word_typed_in_part_still_matches_and_short_stems_do_not_spread() {
        let texts = ["Συμβουλευτική απασχόλησης", "Μαθήματα στο κέντρο", "νέοι"];
        let index = words(&texts);
        let found = |query| found(&index, texts.len(), query);
        assert_eq!(found("απασχολ"), [0], "the start of a word");
        assert_eq!(found("βουλευ"), [0], "a part of a word, as before");
        assert_eq!(found("νέων"), [2], "two letters of stem for a longer word");
        // «στη» and «στο» share the stem «στ», but short words are not compared by stem.
        assert!(found("στη").is_empty());
        // «μαθηματα» → «μαθημ»: a query's stem is not searched for inside words.
        assert!(found("μάθημα").contains(&1));
        assert!(found("μαθημ").contains(&1));
        assert!(found("θημ").contains(&1), "a part of a word");
        assert!(
            found("μαθηματικά").is_empty(),
            "another word with a longer stem"
        );
    }

    #[test]
    fn filter_values_are_found_by_their_names_in_both_languages() {
        let themes = [theme::Model {
            code: "employment".into(),
            name_el: "Ενίσχυση απασχόλησης".into(),
            name_en: "Employment".into(),
            position: 1,
        }];
        let places = HashMap::from([("athens".into(), "Δήμος Αθηναίων City of Athens".into())]);
        let name =
            |facet: &'static str, value: &str| label(&(facet, value.into()), &themes, &places);
        assert_eq!(
            name("theme", "employment"),
            "Ενίσχυση απασχόλησης Employment"
        );
        assert_eq!(name("theme", "removed"), "");
        assert_eq!(
            name("sector", "civil_society"),
            "Κοινωνία πολιτών Civil society"
        );
        assert_eq!(name("sdg", "4"), "Ποιοτική εκπαίδευση Quality education");
        assert_eq!(
            name("municipality", "athens"),
            "Δήμος Αθηναίων City of Athens"
        );
        assert_eq!(name("audience", "women"), "");
        assert_eq!(name("year", "2024"), "");
    }
}
