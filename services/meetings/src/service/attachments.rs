//! Attachments: documents and images on a meeting or one of its items, received by
//! `council_shared::files::receive` (size limit, SHA-512, type judged by the bytes).

use chrono::Utc;
use council_shared::{
    ApiError,
    files::{self, FileStore},
};
use futures_util::Stream;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};

use super::check_allowed;
use crate::{
    domain::Action,
    entities::{attachment, meeting},
    error::{MeetingsError, Result},
};

pub async fn for_meeting(
    db: &impl ConnectionTrait,
    meeting_id: i64,
) -> Result<Vec<attachment::Model>> {
    Ok(attachment::Entity::find()
        .filter(attachment::Column::MeetingId.eq(meeting_id))
        .order_by_asc(attachment::Column::Id)
        .all(db)
        .await?)
}

pub async fn find(
    db: &impl ConnectionTrait,
    meeting_id: i64,
    id: i64,
) -> Result<attachment::Model> {
    attachment::Entity::find_by_id(id)
        .filter(attachment::Column::MeetingId.eq(meeting_id))
        .one(db)
        .await?
        .ok_or_else(|| {
            MeetingsError::NotFound(format!("meeting {meeting_id} has no attachment {id}"))
        })
}

/// Streams `body` into `store` (see `council_shared::files::receive`), then records it on
/// `meeting` (and `item_id`).
#[allow(clippy::too_many_arguments)]
pub async fn upload<S, E>(
    db: &DatabaseConnection,
    store: &dyn FileStore,
    meeting: &meeting::Model,
    item_id: Option<i64>,
    file_name: String,
    body: S,
    max_bytes: u64,
) -> std::result::Result<attachment::Model, ApiError>
where
    S: Stream<Item = std::result::Result<bytes::Bytes, E>> + Unpin,
    E: std::error::Error + Send + Sync + 'static,
{
    check_allowed(meeting, Action::Attach)?;
    if let Some(item) = item_id {
        super::agenda::find(db, meeting, item).await?;
    }
    let stored = files::receive(store, &file_name, body, max_bytes).await?;
    let saved = attachment::ActiveModel {
        meeting_id: Set(meeting.id),
        item_id: Set(item_id),
        file_name: Set(file_name),
        content_type: Set(stored.kind.mime().into()),
        size_bytes: Set(stored.size as i64),
        sha512: Set(stored.sha512),
        storage_key: Set(stored.key.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await;
    match saved {
        Ok(saved) => Ok(saved),
        Err(error) => {
            store.remove(&stored.key).await?;
            Err(MeetingsError::from(error).into())
        }
    }
}

/// Removes an attachment before publication; afterwards documents are part of the record.
pub async fn remove(
    db: &DatabaseConnection,
    store: &dyn FileStore,
    meeting: &meeting::Model,
    attachment: attachment::Model,
) -> Result<()> {
    check_allowed(meeting, Action::Attach)?;
    attachment::Entity::delete_by_id(attachment.id)
        .exec(db)
        .await?;
    store.remove(&attachment.storage_key).await?;
    Ok(())
}
