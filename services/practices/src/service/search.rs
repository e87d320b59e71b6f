//! Finding published practices across every municipality: words (ignoring case and Greek
//! accents, title matches first), filters by sector, thematic area, goal, municipality,
//! audience and year, and how many practices each filter value has among the results.
//! The same query runs on SQLite and PostgreSQL, so both give the same answers.

use council_shared::{pagination::PageRequest, search::contains_pattern};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, Order, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait,
    sea_query::{CaseStatement, Expr, ExprTrait, Query, SimpleExpr},
};

use crate::{
    domain::PracticeContent,
    entities::{facet, practice, revision},
    error::Result,
};

/// The filters, by the facet names stored in `practice_facets`.
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

pub struct Found {
    pub rows: Vec<practice::Model>,
    pub total: u64,
    /// `(facet, value, practices)` among all the results, not only this page.
    pub counts: Vec<(String, String, i64)>,
}

fn matching(query: &SearchQuery) -> sea_orm::Select<practice::Entity> {
    let mut select =
        practice::Entity::find().filter(practice::Column::PublishedRevision.is_not_null());
    for term in &query.terms {
        let pattern = contains_pattern(term);
        select = select.filter(
            Condition::any()
                .add(practice::Column::SearchTitle.like(pattern.clone()))
                .add(practice::Column::SearchBody.like(pattern)),
        );
    }
    for (name, value) in &query.filters {
        select = select.filter(
            practice::Column::Id.in_subquery(
                Query::select()
                    .column(facet::Column::PracticeId)
                    .from(facet::Entity)
                    .and_where(facet::Column::Facet.eq(name.as_str()))
                    .and_where(facet::Column::Value.eq(value.as_str()))
                    .to_owned(),
            ),
        );
    }
    select
}

/// 2 for each word in the title, 1 for each word only in the body.
fn relevance(terms: &[String]) -> SimpleExpr {
    terms
        .iter()
        .map(|term| {
            let pattern = contains_pattern(term);
            let case: SimpleExpr = CaseStatement::new()
                .case(
                    practice::Column::SearchTitle.like(pattern.clone()),
                    Expr::val(2),
                )
                .case(practice::Column::SearchBody.like(pattern), Expr::val(1))
                .finally(Expr::val(0))
                .into();
            case
        })
        .reduce(|a, b| a.add(b))
        .unwrap_or_else(|| Expr::val(0))
}

/// The matching practices in the query's order: relevance (with words), then the newest.
fn ordered(query: &SearchQuery) -> sea_orm::Select<practice::Entity> {
    let mut ordered = matching(query);
    if query.sort == Sort::Relevance && !query.terms.is_empty() {
        ordered = ordered.order_by(relevance(&query.terms), Order::Desc);
    }
    ordered
        .order_by_desc(practice::Column::PublishedAt)
        .order_by_desc(practice::Column::Id)
}

pub async fn search(db: &impl ConnectionTrait, query: &SearchQuery) -> Result<Found> {
    let select = matching(query);
    let total = select.clone().count(db).await?;
    let rows = ordered(query)
        .offset(query.page.index() * query.page.per_page)
        .limit(query.page.per_page)
        .all(db)
        .await?;
    let ids = select
        .select_only()
        .column(practice::Column::Id)
        .into_query();
    let counts: Vec<(String, String, i64)> = facet::Entity::find()
        .select_only()
        .column(facet::Column::Facet)
        .column(facet::Column::Value)
        .column_as(facet::Column::PracticeId.count(), "practices")
        .filter(facet::Column::PracticeId.in_subquery(ids))
        .group_by(facet::Column::Facet)
        .group_by(facet::Column::Value)
        .order_by_asc(facet::Column::Facet)
        .order_by_asc(facet::Column::Value)
        .into_tuple()
        .all(db)
        .await?;
    Ok(Found {
        rows,
        total,
        counts,
    })
}

/// Every matching practice in order, at most `limit` (for exports).
pub async fn all_matching(
    db: &impl ConnectionTrait,
    query: &SearchQuery,
    limit: u64,
) -> Result<Vec<practice::Model>> {
    Ok(ordered(query).limit(limit).all(db).await?)
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
