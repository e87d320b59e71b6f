//! What waits for a moderator: the practices they moderate in the states asked for (those
//! waiting for a decision by default), oldest first by when they entered that state, and the
//! feedback waiting on the published practices they moderate. The API's
//! `/practice-submissions` and the workspace's moderation pages read the same lists.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{Actor, content_of};
use crate::{
    domain::{PracticeContent, PracticeState},
    entities::{feedback, practice, revision, transition},
    error::Result,
};

/// The states a moderator decides on.
pub const WAITING: [PracticeState; 2] = [PracticeState::Submitted, PracticeState::InReview];

/// A practice in the queue: its latest version and since when it is in its state.
#[derive(Debug, Clone)]
pub struct Queued {
    pub practice: practice::Model,
    pub state: PracticeState,
    pub content: PracticeContent,
    /// When it entered its state (for a submitted one, when it was submitted).
    pub since: DateTime<Utc>,
    /// An update of a practice already published (its public version stays meanwhile).
    pub update: bool,
}

/// The practices `actor` moderates (every one for a platform administrator, else those
/// its municipalities submitted) in `states`, the longest waiting first.
async fn moderated(
    db: &impl ConnectionTrait,
    actor: &Actor,
    states: &[PracticeState],
) -> Result<Vec<practice::Model>> {
    if !actor.platform_admin && actor.administers.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = practice::Entity::find().filter(
        practice::Column::State.is_in(states.iter().map(|s| s.as_str()).collect::<Vec<_>>()),
    );
    if !actor.platform_admin {
        query = query.filter(practice::Column::TenantId.is_in(actor.administers.clone()));
    }
    Ok(query.order_by_asc(practice::Column::Id).all(db).await?)
}

pub async fn queue(
    db: &impl ConnectionTrait,
    actor: &Actor,
    states: &[PracticeState],
) -> Result<Vec<Queued>> {
    let rows = moderated(db, actor, states).await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = rows.iter().map(|p| p.id).collect();
    // The latest revision and the latest step of each, read in two queries.
    let mut latest: HashMap<i64, revision::Model> = HashMap::new();
    for row in revision::Entity::find()
        .filter(revision::Column::PracticeId.is_in(ids.clone()))
        .order_by_asc(revision::Column::Number)
        .all(db)
        .await?
    {
        latest.insert(row.practice_id, row);
    }
    let mut since: HashMap<i64, DateTime<Utc>> = HashMap::new();
    for step in transition::Entity::find()
        .filter(transition::Column::PracticeId.is_in(ids))
        .order_by_asc(transition::Column::Id)
        .all(db)
        .await?
    {
        since.insert(step.practice_id, step.created_at);
    }
    let mut queued = Vec::with_capacity(rows.len());
    for row in rows {
        let Some(revision) = latest.get(&row.id) else {
            continue;
        };
        queued.push(Queued {
            state: PracticeState::from_db(&row.state)?,
            content: content_of(revision)?,
            since: since.get(&row.id).copied().unwrap_or(row.updated_at),
            update: row.published_revision.is_some_and(|n| n != revision.number),
            practice: row,
        });
    }
    queued.sort_by_key(|q| (q.since, q.practice.id));
    Ok(queued)
}

/// Feedback waiting on the published practices `actor` moderates, oldest first, each with
/// its practice. Read from the waiting messages (few), not from every practice.
pub async fn pending_feedback(
    db: &impl ConnectionTrait,
    actor: &Actor,
) -> Result<Vec<(feedback::Model, practice::Model)>> {
    if !actor.platform_admin && actor.administers.is_empty() {
        return Ok(Vec::new());
    }
    let rows = feedback::Entity::find()
        .filter(feedback::Column::State.eq("pending"))
        .order_by_asc(feedback::Column::Id)
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let mut ids: Vec<i64> = rows.iter().map(|f| f.practice_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let practices: HashMap<i64, practice::Model> = practice::Entity::find()
        .filter(practice::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .filter(|p| p.published_revision.is_some() && actor.moderates(p))
        .map(|p| (p.id, p))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|f| {
            let practice = practices.get(&f.practice_id)?.clone();
            Some((f, practice))
        })
        .collect())
}
