//! Decisions and recommendations per agenda item, numbered per municipality and year
//! («7/2026») when first recorded. Until the minutes are published the text may change;
//! once published it never changes in place: a correction is a new published version.

use chrono::Utc;
use council_shared::athens;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseBackend,
    DatabaseConnection, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, prelude::Expr,
};

use super::{
    check_allowed,
    events::{self, EventType, Payload},
    search,
};
use crate::{
    disclosure,
    domain::{Action, DecisionData},
    entities::{agenda_item, decision, decision_version, meeting},
    error::{MeetingsError, Result},
};

/// A decision with its versions, oldest first.
#[derive(Debug, Clone)]
pub struct StoredDecision {
    pub decision: decision::Model,
    pub versions: Vec<decision_version::Model>,
}

impl StoredDecision {
    /// The newest version; every decision has at least one.
    pub fn current(&self) -> &decision_version::Model {
        self.versions.last().expect("a decision has a version")
    }

    /// The newest published version, if any.
    pub fn published(&self) -> Option<&decision_version::Model> {
        self.versions
            .iter()
            .rev()
            .find(|v| v.published_at.is_some())
    }
}

pub async fn exists_for(db: &impl ConnectionTrait, item_id: i64) -> Result<bool> {
    Ok(decision::Entity::find()
        .filter(decision::Column::ItemId.eq(item_id))
        .count(db)
        .await?
        > 0)
}

pub async fn count_for_meeting(db: &impl ConnectionTrait, meeting_id: i64) -> Result<u64> {
    Ok(decision::Entity::find()
        .filter(decision::Column::MeetingId.eq(meeting_id))
        .count(db)
        .await?)
}

/// Every decision of a meeting, with its versions.
pub async fn for_meeting(
    db: &impl ConnectionTrait,
    meeting_id: i64,
) -> Result<Vec<StoredDecision>> {
    let decisions = decision::Entity::find()
        .filter(decision::Column::MeetingId.eq(meeting_id))
        .order_by_asc(decision::Column::Number)
        .all(db)
        .await?;
    let ids: Vec<i64> = decisions.iter().map(|d| d.id).collect();
    let versions = decision_version::Entity::find()
        .filter(decision_version::Column::DecisionId.is_in(ids))
        .order_by_asc(decision_version::Column::Version)
        .all(db)
        .await?;
    Ok(decisions
        .into_iter()
        .map(|decision| StoredDecision {
            versions: versions
                .iter()
                .filter(|v| v.decision_id == decision.id)
                .cloned()
                .collect(),
            decision,
        })
        .collect())
}

fn version_row(
    decision_id: i64,
    version: i32,
    data: &DecisionData,
) -> decision_version::ActiveModel {
    decision_version::ActiveModel {
        decision_id: Set(decision_id),
        version: Set(version),
        text: Set(data.text.clone()),
        votes_for: Set(data.votes_for),
        votes_against: Set(data.votes_against),
        abstentions: Set(data.abstentions),
        dissent: Set(data.dissent.clone()),
        result: Set(data.result.as_str().into()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
}

/// Numbers are handed out one at a time per municipality: on PostgreSQL a transaction lock
/// on the municipality makes concurrent recorders wait; SQLite writes one at a time anyway.
/// The unique index stays the last word.
async fn lock_numbers(txn: &impl ConnectionTrait, tenant_id: i64) -> Result<()> {
    if txn.get_database_backend() == DatabaseBackend::Postgres {
        txn.execute_unprepared(&format!(
            "SELECT pg_advisory_xact_lock(1145391171, {})",
            tenant_id as i32
        ))
        .await?;
    }
    Ok(())
}

/// Records or changes the decision on `item` while the meeting is being recorded.
pub async fn record(
    db: &DatabaseConnection,
    meeting: &meeting::Model,
    item: &agenda_item::Model,
    data: DecisionData,
) -> Result<StoredDecision> {
    check_allowed(meeting, Action::RecordDecisions)?;
    if meeting.quorum_present != Some(true) {
        return Err(MeetingsError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::NO_QUORUM,
                "the meeting had no quorum, so it cannot carry decisions",
            ),
        ));
    }
    if item.withdrawn_at.is_some() {
        return Err(MeetingsError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::ITEM_WITHDRAWN,
                "a withdrawn item has no decision",
            ),
        ));
    }
    let txn = council_shared::database::begin_write(db).await?;
    let existing = decision::Entity::find()
        .filter(decision::Column::ItemId.eq(item.id))
        .one(&txn)
        .await?;
    let kind = data.kind.as_str().to_string();
    match existing {
        Some(found) => {
            let mut active = found.clone().into_active_model();
            active.kind = Set(kind);
            active.updated_at = Set(Utc::now());
            active.update(&txn).await?;
            decision_version::Entity::delete_many()
                .filter(decision_version::Column::DecisionId.eq(found.id))
                .exec(&txn)
                .await?;
            version_row(found.id, 1, &data).insert(&txn).await?;
        }
        None => {
            lock_numbers(&txn, meeting.tenant_id).await?;
            let year = meeting
                .year
                .unwrap_or_else(|| athens::year(meeting.starts_at));
            let last: Option<Option<i32>> = decision::Entity::find()
                .select_only()
                .column_as(decision::Column::Number.max(), "max")
                .filter(decision::Column::TenantId.eq(meeting.tenant_id))
                .filter(decision::Column::Year.eq(year))
                .into_tuple()
                .one(&txn)
                .await?;
            let now = Utc::now();
            let saved = decision::ActiveModel {
                meeting_id: Set(meeting.id),
                item_id: Set(item.id),
                tenant_id: Set(meeting.tenant_id),
                year: Set(year),
                number: Set(last.flatten().unwrap_or(0) + 1),
                kind: Set(kind),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            version_row(saved.id, 1, &data).insert(&txn).await?;
        }
    }
    txn.commit().await?;
    find_for_item(db, item.id).await
}

pub async fn find_for_item(db: &impl ConnectionTrait, item_id: i64) -> Result<StoredDecision> {
    let decision = decision::Entity::find()
        .filter(decision::Column::ItemId.eq(item_id))
        .one(db)
        .await?
        .ok_or_else(|| MeetingsError::NotFound(format!("agenda item {item_id} has no decision")))?;
    let versions = decision_version::Entity::find()
        .filter(decision_version::Column::DecisionId.eq(decision.id))
        .order_by_asc(decision_version::Column::Version)
        .all(db)
        .await?;
    Ok(StoredDecision { decision, versions })
}

/// Publishes every decision's first version (called when the minutes are published, whose
/// one event lists the public ones).
pub async fn publish_all(txn: &impl ConnectionTrait, meeting: &meeting::Model) -> Result<()> {
    let ids: Vec<i64> = for_meeting(txn, meeting.id)
        .await?
        .iter()
        .map(|stored| stored.decision.id)
        .collect();
    decision_version::Entity::update_many()
        .col_expr(
            decision_version::Column::PublishedAt,
            Expr::value(Utc::now()),
        )
        .filter(decision_version::Column::DecisionId.is_in(ids))
        .filter(decision_version::Column::PublishedAt.is_null())
        .exec(txn)
        .await?;
    Ok(())
}

/// A correction of a published decision: a new published version, the old one kept.
pub async fn correct(
    db: &DatabaseConnection,
    meeting: &meeting::Model,
    item: &agenda_item::Model,
    data: DecisionData,
    change_note: String,
) -> Result<StoredDecision> {
    check_allowed(meeting, Action::Correct)?;
    let stored = find_for_item(db, item.id).await?;
    let txn = council_shared::database::begin_write(db).await?;
    let mut row = version_row(stored.decision.id, stored.current().version + 1, &data);
    row.change_note = Set(Some(change_note.clone()));
    row.published_at = Set(Some(Utc::now()));
    let version = row.insert(&txn).await?;
    // A closed item's correction is the council's: no public event names it.
    if disclosure::item_is_public(item) {
        let mut payload = Payload::of(meeting);
        payload.decision = Some(format!(
            "{}/{}",
            stored.decision.number, stored.decision.year
        ));
        payload.kind = Some(stored.decision.kind.clone());
        payload.version = Some(version.version);
        payload.reason = Some(change_note);
        events::emit(
            &txn,
            meeting.tenant_id,
            EventType::DecisionCorrected,
            &payload,
        )
        .await?;
    }
    search::reindex(&txn, meeting.id).await?;
    txn.commit().await?;
    find_for_item(db, item.id).await
}

/// Records the transparency portal's number (ΑΔΑ) once the act is posted there. It names
/// where the act is published, not what it says, so it may be set after publication.
pub async fn set_ada(
    db: &DatabaseConnection,
    item_id: i64,
    ada: Option<String>,
) -> Result<StoredDecision> {
    let stored = find_for_item(db, item_id).await?;
    let mut active = stored.decision.into_active_model();
    active.ada = Set(ada);
    active.updated_at = Set(Utc::now());
    active.update(db).await?;
    find_for_item(db, item_id).await
}
