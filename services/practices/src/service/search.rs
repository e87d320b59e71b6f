//! What a search asks for, and reading the published versions of practices in one query.
//! The search itself runs in memory (`service::index`), the same on SQLite and PostgreSQL.

use council_shared::pagination::PageRequest;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::{
    domain::PracticeContent,
    entities::{practice, revision},
    error::Result,
};

/// The filters, by facet name.
pub const FACETS: [&str; 6] = ["sector", "theme", "sdg", "municipality", "audience", "year"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Title matches first, then the newest.
    Relevance,
    /// The newest first.
    Date,
}

#[derive(Debug, Clone)]
pub struct SearchQuery {
    /// Folded words; every one must match the title or the body.
    pub terms: Vec<String>,
    /// `(facet, value)`; every one must hold.
    pub filters: Vec<(String, String)>,
    pub sort: Sort,
    pub page: PageRequest,
}

/// The published content of each row, read in one query, in the rows' order.
pub async fn published_contents(
    db: &impl ConnectionTrait,
    rows: Vec<practice::Model>,
) -> Result<Vec<(practice::Model, PracticeContent)>> {
    let revisions = revision::Entity::find()
        .filter(revision::Column::PracticeId.is_in(rows.iter().map(|r| r.id)))
        .all(db)
        .await?;
    let mut found = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(published) = revisions
            .iter()
            .find(|r| r.practice_id == row.id && Some(r.number) == row.published_revision)
        else {
            continue;
        };
        let content = super::content_of(published)?;
        found.push((row, content));
    }
    Ok(found)
}
