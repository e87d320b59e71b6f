//! Service functions: validated domain values in, rows out. Each change that other
//! services must hear of writes its event in the same transaction.

pub mod agenda;
pub mod attachments;
pub mod attendance;
pub mod decisions;
pub mod events;
pub mod meetings;
pub mod minutes;
pub mod search;
pub mod seen;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::{
    domain::{Action, MeetingState},
    entities::meeting,
    error::{MeetingsError, Result},
};

/// The meeting `id` of municipality `tenant_id`, or 404 (a meeting of another municipality
/// is as absent as one that does not exist).
pub async fn find_meeting(
    db: &impl ConnectionTrait,
    tenant_id: i64,
    id: i64,
) -> Result<meeting::Model> {
    meeting::Entity::find_by_id(id)
        .filter(meeting::Column::TenantId.eq(tenant_id))
        .one(db)
        .await?
        .ok_or(MeetingsError::MeetingNotFound(id))
}

pub fn state_of(meeting: &meeting::Model) -> Result<MeetingState> {
    Ok(MeetingState::from_db(&meeting.state)?)
}

/// 409 naming the allowed actions unless the meeting's state allows `action`.
pub fn check_allowed(meeting: &meeting::Model, action: Action) -> Result<MeetingState> {
    let state = state_of(meeting)?;
    if state.allows(action) {
        Ok(state)
    } else {
        Err(MeetingsError::InvalidTransition {
            from: state,
            action,
        })
    }
}
