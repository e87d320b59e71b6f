//! Attachments: documents and images on a meeting or one of its items. The upload streams
//! to storage while its SHA-512 and size are counted; over the limit it stops at once. The
//! type is judged by the bytes, and the name must agree with it.

use chrono::Utc;
use futures_util::{Stream, StreamExt};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};
use sha2::{Digest, Sha512};
use tokio::io::AsyncWriteExt;

use super::check_allowed;
use crate::{
    domain::Action,
    entities::{attachment, meeting},
    error::{MeetingsError, Result},
    file_type,
    storage::FileStore,
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

/// A file name as shown and offered on download: no folders, no control characters.
pub fn clean_file_name(name: &str) -> Result<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base.chars().filter(|c| !c.is_control()).collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_string();
    if cleaned.is_empty() || cleaned.chars().count() > 200 {
        return Err(MeetingsError::invalid(
            "file_name",
            "is required, 1 to 200 characters, with an extension such as .pdf",
        ));
    }
    Ok(cleaned)
}

/// Streams `body` into `store`, then records it on `meeting` (and `item_id`).
#[allow(clippy::too_many_arguments)]
pub async fn upload<S, E>(
    db: &DatabaseConnection,
    store: &dyn FileStore,
    meeting: &meeting::Model,
    item_id: Option<i64>,
    file_name: String,
    mut body: S,
    max_bytes: u64,
) -> Result<attachment::Model>
where
    S: Stream<Item = std::result::Result<bytes::Bytes, E>> + Unpin,
    E: std::error::Error + Send + Sync + 'static,
{
    check_allowed(meeting, Action::Attach)?;
    if let Some(item) = item_id {
        super::agenda::find(db, meeting, item).await?;
    }
    let (key, mut file) = store.create().await?;
    let written: Result<(u64, String)> = async {
        let mut hasher = Sha512::new();
        let mut size: u64 = 0;
        while let Some(chunk) = body.next().await {
            let chunk = chunk.map_err(|e| {
                MeetingsError::invalid("body", format!("the upload broke off: {e}"))
            })?;
            size += chunk.len() as u64;
            if size > max_bytes {
                return Err(MeetingsError::TooLarge(max_bytes as usize));
            }
            hasher.update(&chunk);
            file.write_all(&chunk).await.map_err(anyhow::Error::from)?;
        }
        file.flush().await.map_err(anyhow::Error::from)?;
        Ok((size, hex::encode(hasher.finalize())))
    }
    .await;
    drop(file);
    let (size, sha512) = match written {
        Ok(done) => done,
        Err(error) => {
            store.remove(&key).await?;
            return Err(error);
        }
    };
    let kind = async {
        let head = store.read_at(&key, 0, 4096).await?;
        let tail = store
            .read_at(&key, size.saturating_sub(65_536), 65_536)
            .await?;
        anyhow::Ok(file_type::detect(&head, &tail))
    }
    .await?;
    let Some(kind) = kind.filter(|_| size > 0) else {
        store.remove(&key).await?;
        return Err(MeetingsError::UnsupportedType(
            "accepted files are PDF, ODT, DOCX, PNG, JPEG and WebP, judged by their content".into(),
        ));
    };
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase());
    if !extension
        .as_deref()
        .is_some_and(|e| kind.extensions().contains(&e))
    {
        store.remove(&key).await?;
        return Err(MeetingsError::invalid(
            "file_name",
            format!(
                "the file is {} but its name does not end in .{}",
                kind.mime(),
                kind.extensions()[0]
            ),
        ));
    }
    store.commit(&key).await?;
    let saved = attachment::ActiveModel {
        meeting_id: Set(meeting.id),
        item_id: Set(item_id),
        file_name: Set(file_name),
        content_type: Set(kind.mime().into()),
        size_bytes: Set(size as i64),
        sha512: Set(sha512),
        storage_key: Set(key.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await;
    match saved {
        Ok(saved) => Ok(saved),
        Err(error) => {
            store.remove(&key).await?;
            Err(error.into())
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
