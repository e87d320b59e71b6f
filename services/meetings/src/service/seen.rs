//! What a signed-in person has seen: when they last opened each meeting in the workspace,
//! and so which documents were added since.

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::OnConflict,
};

use crate::{
    entities::{attachment, meeting_view},
    error::Result,
};

/// A look this soon after the last one is not written down again: a page read many times
/// in a row (reloads, a form sent back) costs one write, not one each.
const REMEMBERED_FOR: chrono::Duration = chrono::Duration::seconds(60);

/// Records that `user_id` opened `meeting_id` now; returns when they had opened it before.
/// `newest`: when the newest of its documents was added, so that a look that saw a new one
/// is always written down.
pub async fn look(
    db: &impl ConnectionTrait,
    meeting_id: i64,
    user_id: i64,
    newest: Option<DateTime<Utc>>,
) -> Result<Option<DateTime<Utc>>> {
    let before = meeting_view::Entity::find_by_id((meeting_id, user_id))
        .one(db)
        .await?
        .map(|v| v.seen_at);
    let unchanged = |seen: DateTime<Utc>| newest.is_none_or(|newest| newest <= seen);
    if before.is_some_and(|seen| Utc::now() - seen < REMEMBERED_FOR && unchanged(seen)) {
        return Ok(before);
    }
    meeting_view::Entity::insert(meeting_view::ActiveModel {
        meeting_id: sea_orm::Set(meeting_id),
        user_id: sea_orm::Set(user_id),
        seen_at: sea_orm::Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::columns([
            meeting_view::Column::MeetingId,
            meeting_view::Column::UserId,
        ])
        .update_column(meeting_view::Column::SeenAt)
        .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(before)
}

/// The documents of `meeting_ids` added after `user_id` last opened their meeting (all of
/// them for a meeting never opened), oldest first.
pub async fn new_documents(
    db: &impl ConnectionTrait,
    meeting_ids: &[i64],
    user_id: i64,
) -> Result<Vec<attachment::Model>> {
    if meeting_ids.is_empty() {
        return Ok(Vec::new());
    }
    let views = meeting_view::Entity::find()
        .filter(meeting_view::Column::UserId.eq(user_id))
        .filter(meeting_view::Column::MeetingId.is_in(meeting_ids.iter().copied()))
        .all(db)
        .await?;
    let files = attachment::Entity::find()
        .filter(attachment::Column::MeetingId.is_in(meeting_ids.iter().copied()))
        .order_by_asc(attachment::Column::Id)
        .all(db)
        .await?;
    Ok(files
        .into_iter()
        .filter(|file| {
            views
                .iter()
                .find(|v| v.meeting_id == file.meeting_id)
                .is_none_or(|v| file.created_at > v.seen_at)
        })
        .collect())
}
