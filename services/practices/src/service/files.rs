//! Photos and documents of a practice. Uploads go through `council_shared::files::receive`
//! (size limit, SHA-512, type judged by the bytes). A file belongs to the practice; the
//! content of a revision says which files it shows, so the public downloads only what the
//! published version shows, and a file in use cannot be removed.

use chrono::Utc;
use council_shared::{
    ApiError, FieldError,
    files::{self, FileStore},
};
use futures_util::Stream;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};

use super::{Actor, content_of, revisions};
use crate::{
    domain::{Action, PracticeContent, PracticeState},
    entities::{file, practice},
    error::{PracticesError, Result},
};

pub async fn for_practice(db: &impl ConnectionTrait, practice_id: i64) -> Result<Vec<file::Model>> {
    Ok(file::Entity::find()
        .filter(file::Column::PracticeId.eq(practice_id))
        .order_by_asc(file::Column::Id)
        .all(db)
        .await?)
}

pub async fn find(
    db: &impl ConnectionTrait,
    practice: &practice::Model,
    id: i64,
) -> Result<file::Model> {
    file::Entity::find_by_id(id)
        .filter(file::Column::PracticeId.eq(practice.id))
        .one(db)
        .await?
        .ok_or_else(|| PracticesError::NotFound(format!("{}/files/{id}", practice.slug)))
}

pub fn is_image(row: &file::Model) -> bool {
    row.content_type.starts_with("image/")
}

/// Files are added while the practice may be edited.
fn check_editable(practice: &practice::Model) -> Result<()> {
    let state = PracticeState::from_db(&practice.state)?;
    if state
        .allowed(practice.published_revision.is_some())
        .contains(&Action::Edit)
    {
        Ok(())
    } else {
        Err(PracticesError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::NO_NEW_FILES,
                format!("a practice that is {} takes no new files", state.as_str()),
            ),
        ))
    }
}

/// Streams an upload into `store` and records it on `practice`.
pub async fn upload<S, E>(
    db: &DatabaseConnection,
    store: &dyn FileStore,
    actor: &Actor,
    practice: &practice::Model,
    file_name: &str,
    body: S,
    max_bytes: u64,
) -> std::result::Result<file::Model, ApiError>
where
    S: Stream<Item = std::result::Result<bytes::Bytes, E>> + Unpin,
    E: std::error::Error + Send + Sync + 'static,
{
    check_editable(practice)?;
    let name = files::clean_file_name(file_name)?;
    let stored = files::receive(store, &name, body, max_bytes).await?;
    let saved = file::ActiveModel {
        practice_id: Set(practice.id),
        file_name: Set(name),
        content_type: Set(stored.kind.mime().into()),
        size_bytes: Set(stored.size as i64),
        sha512: Set(stored.sha512),
        storage_key: Set(stored.key.clone()),
        uploaded_by_user_id: Set(actor.user_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await;
    match saved {
        Ok(saved) => Ok(saved),
        Err(error) => {
            store.remove(&stored.key).await?;
            Err(PracticesError::from(error).into())
        }
    }
}

/// The files the published version shows (what the public may download).
pub async fn published_ids(
    db: &impl ConnectionTrait,
    practice: &practice::Model,
) -> Result<Vec<i64>> {
    let Some(number) = practice.published_revision else {
        return Ok(Vec::new());
    };
    let all = revisions(db, practice.id).await?;
    match all.iter().find(|r| r.number == number) {
        Some(row) => Ok(content_of(row)?.file_ids()),
        None => Ok(Vec::new()),
    }
}

/// Removes a file no version shows any more: not the published one, not the one being
/// worked on.
pub async fn remove(
    db: &DatabaseConnection,
    store: &dyn FileStore,
    practice: &practice::Model,
    row: file::Model,
) -> Result<()> {
    let all = revisions(db, practice.id).await?;
    let shown = all
        .iter()
        .filter(|r| {
            Some(r.number) == practice.published_revision
                || Some(r.number) == all.last().map(|l| l.number)
        })
        .map(content_of)
        .collect::<Result<Vec<_>>>()?
        .iter()
        .any(|content| content.file_ids().contains(&row.id));
    if shown {
        return Err(PracticesError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::FILE_IN_USE,
                format!(
                    "file {} is shown by the practice: take it out of `photos`/`documents` first",
                    row.id
                ),
            ),
        ));
    }
    file::Entity::delete_by_id(row.id).exec(db).await?;
    store.remove(&row.storage_key).await?;
    Ok(())
}

/// Checks that every photo and document of `content` is a file of this practice, and every
/// photo an image: one error per wrong reference.
pub fn check_references(content: &PracticeContent, uploaded: &[file::Model]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (i, photo) in content.photos.iter().enumerate() {
        match uploaded.iter().find(|f| f.id == photo.file) {
            Some(found) if is_image(found) => {}
            Some(_) => errors.push(FieldError::new(
                format!("photos[{i}].file"),
                "is not an image (PNG, JPEG or WebP)",
            )),
            None => errors.push(FieldError::new(
                format!("photos[{i}].file"),
                format!("no file {} was uploaded to this practice", photo.file),
            )),
        }
    }
    for (i, document) in content.documents.iter().enumerate() {
        if !uploaded.iter().any(|f| f.id == document.file) {
            errors.push(FieldError::new(
                format!("documents[{i}].file"),
                format!("no file {} was uploaded to this practice", document.file),
            ));
        }
    }
    errors
}
