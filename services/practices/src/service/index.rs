//! The search index: every published practice held in memory with its folded words, so a
//! search touches no table. A word of the query matches a practice when it is part of one of
//! its words (what `LIKE '%word%'` over the folded text would match, since folded text and
//! query words are runs of letters and digits); title matches rank above body matches.
//!
//! The index is rebuilt when the practices change: at once after a change on this instance,
//! and, for changes made elsewhere (another instance, the demo loader), when the table's
//! latest change or newest row differs from the one the index was built from, checked
//! every `ttl`. (Instances with clocks far apart could miss an update stamped earlier than
//! the latest one until the next change.)

use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use super::search::{SearchQuery, Sort};
use crate::{
    domain::PracticeContent,
    entities::practice,
    error::Result,
    service::{lifecycle::facet_values, search::published_contents},
};

/// One published practice as the index keeps it.
pub struct Entry {
    pub row: practice::Model,
    pub content: PracticeContent,
    /// Its filter values, as numbers into `Snapshot::facet_values`.
    facets: Vec<u32>,
}

/// Words → the entries they occur in.
#[derive(Default)]
struct Words(HashMap<String, Vec<u32>>);

impl Words {
    fn add(&mut self, text: &str, entry: u32) {
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let postings = self.0.entry(word.to_string()).or_default();
            if postings.last() != Some(&entry) {
                postings.push(entry);
            }
        }
    }

    /// Marks every entry with a word containing `term`.
    fn mark(&self, term: &str, marks: &mut [bool]) {
        for (word, postings) in &self.0 {
            if word.contains(term) {
                for &entry in postings {
                    marks[entry as usize] = true;
                }
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
    /// The table's size and latest change when this was built.
    stamp: Stamp,
}

/// The table's newest row and latest change.
type Stamp = (Option<i64>, Option<DateTime<Utc>>);

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

    /// The newest change and the newest practice: each read from an index alone (one
    /// aggregate per query, so SQLite answers from the index instead of the table).
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
        Ok((newest.flatten(), latest.flatten()))
    }

    /// The current snapshot, rebuilt first if the practices changed. While one request
    /// checks or rebuilds, the others keep using the snapshot they have.
    async fn current(&self, db: &DatabaseConnection) -> Result<Arc<Snapshot>> {
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
            Some(snapshot) if snapshot.stamp == stamp => snapshot,
            _ => {
                let built = Arc::new(Self::build(db, stamp).await?);
                if let Ok(mut slot) = self.snapshot.write() {
                    *slot = Some(built.clone());
                }
                built
            }
        };
        if let Ok(mut checked) = self.checked.write() {
            *checked = Some(Instant::now());
        }
        Ok(snapshot)
    }

    async fn build(db: &DatabaseConnection, stamp: Stamp) -> Result<Snapshot> {
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
            stamp,
        };
        let mut facet_ids: HashMap<(&'static str, String), u32> = HashMap::new();
        for (row, content) in published {
            let at = snapshot.entries.len() as u32;
            snapshot.titles.add(&row.search_title, at);
            snapshot.bodies.add(&row.search_body, at);
            let facets = facet_values(&content)
                .into_iter()
                .map(|pair| {
                    let next = snapshot.facet_values.len() as u32;
                    *facet_ids.entry(pair.clone()).or_insert_with(|| {
                        snapshot.facet_values.push(pair);
                        next
                    })
                })
                .collect();
            snapshot.entries.push(Entry {
                row,
                content,
                facets,
            });
        }
        tracing::info!(practices = snapshot.entries.len(), "search index built");
        Ok(snapshot)
    }

    /// Runs `query` (the page, the total and the counts) and hands the hits to `read`.
    pub async fn search<T>(
        &self,
        db: &DatabaseConnection,
        query: &SearchQuery,
        read: impl FnOnce(Hits<'_>) -> T,
    ) -> Result<T> {
        let snapshot = self.current(db).await?;
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
        for term in &query.terms {
            in_title.fill(false);
            in_body.fill(false);
            snapshot.titles.mark(term, &mut in_title);
            snapshot.bodies.mark(term, &mut in_body);
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
