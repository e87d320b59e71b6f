//! The outbox: every change other services must hear of is written as an event in the same
//! transaction as the change, so a crash loses neither. Other services read the events in
//! id order through the API (`GET /meeting-events?after=ID`) and keep their own cursor.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde::Serialize;

use crate::{
    disclosure::PublicDecision,
    entities::{meeting, meeting_event},
    error::Result,
};

/// What happened; the `event_type` other services switch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventType {
    MeetingConvened,
    MeetingUpdated,
    MeetingPostponed,
    MeetingCancelled,
    /// Draft minutes await the members' review before approval.
    MinutesDrafted,
    /// Minutes published, with the decisions on public items: one event for one publication.
    MinutesPublished,
    /// A correction of published minutes: a new version with its note of what changed.
    MinutesCorrected,
    /// A correction of a published decision or recommendation on a public item (closed
    /// items' corrections are the council's and write no public event).
    DecisionCorrected,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::MeetingConvened => "meeting.convened",
            Self::MeetingUpdated => "meeting.updated",
            Self::MeetingPostponed => "meeting.postponed",
            Self::MeetingCancelled => "meeting.cancelled",
            Self::MinutesDrafted => "minutes.drafted",
            Self::MinutesPublished => "minutes.published",
            Self::MinutesCorrected => "minutes.corrected",
            Self::DecisionCorrected => "decision.corrected",
        }
    }
}

/// The body of every event: enough for a consumer to act without reading our tables, and
/// the meeting's address for anything more. Every field is public (see `disclosure`):
/// other services may pass any of it on to residents.
#[derive(Debug, Clone, Serialize)]
pub struct Payload {
    pub meeting_id: i64,
    pub title: String,
    pub state: String,
    pub starts_at: String,
    pub ends_at: String,
    pub ical_sequence: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i32>,
    /// «7/2026», on a decision's correction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// `decision` or `recommendation`, on a decision's correction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The published decisions on public items, when minutes are published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decisions: Option<Vec<PublicDecision>>,
}

impl Payload {
    pub fn of(meeting: &meeting::Model) -> Self {
        Self {
            meeting_id: meeting.id,
            title: meeting.title.clone(),
            state: meeting.state.clone(),
            starts_at: meeting.starts_at.to_rfc3339(),
            ends_at: meeting.ends_at.to_rfc3339(),
            ical_sequence: meeting.ical_sequence,
            reason: None,
            version: None,
            decision: None,
            kind: None,
            decisions: None,
        }
    }
}

/// An arbitrary constant: the PostgreSQL advisory lock that orders outbox writes.
const OUTBOX_LOCK: i64 = 0x5E3F_0B0C;

/// Writes `event` in the caller's transaction. On PostgreSQL, ids are handed out before
/// commit, so two transactions could commit ids 8 then 7 and a reader that saw 8 would never
/// see 7. A transaction-scoped advisory lock makes writers of events take turns until commit,
/// so ids become visible in order. Meeting changes are a few a minute: the wait is nothing.
pub async fn emit(
    txn: &impl ConnectionTrait,
    tenant_id: i64,
    event: EventType,
    payload: &Payload,
) -> Result<()> {
    if txn.get_database_backend() == DatabaseBackend::Postgres {
        txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({OUTBOX_LOCK})"))
            .await?;
    }
    let body = serde_json::to_string(payload).map_err(anyhow::Error::from)?;
    meeting_event::Entity::insert(meeting_event::ActiveModel {
        tenant_id: Set(tenant_id),
        meeting_id: Set(payload.meeting_id),
        event_type: Set(event.as_str().to_string()),
        payload: Set(body),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec(txn)
    .await?;
    tracing::info!(
        event = event.as_str(),
        meeting = payload.meeting_id,
        "event written"
    );
    Ok(())
}

/// Events after `after`, oldest first, at most `limit`.
pub async fn after(
    db: &impl ConnectionTrait,
    after: i64,
    limit: u64,
) -> Result<Vec<meeting_event::Model>> {
    Ok(meeting_event::Entity::find()
        .filter(meeting_event::Column::Id.gt(after))
        .order_by_asc(meeting_event::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}
