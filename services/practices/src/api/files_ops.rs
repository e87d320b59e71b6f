//! A practice's photos and documents: upload (streamed, checked by content), download
//! (streamed), removal. What a version shows is named in its content (`photos`,
//! `documents`); the public downloads only what the published version shows.

use std::sync::Arc;

use council_shared::{
    ApiError,
    auth::{MaybeSignedIn, SignedIn},
    files::{Audience, DownloadResponse},
    problem::ApiResult,
};
use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::{Binary, Json},
};

use super::{Core, models::PracticeFileView};
use crate::{
    entities::file,
    service::{self, Actor, files},
};

#[derive(ApiResponse)]
pub enum UploadResponse {
    /// Stored; name its `id` in the content's `photos` or `documents` to show it.
    #[oai(status = 201)]
    Created(Json<PracticeFileView>),
}

#[derive(ApiResponse)]
pub enum RemovedResponse {
    /// Removed.
    #[oai(status = 204)]
    Removed,
}

pub struct PracticeFilesApi {
    pub(super) core: Arc<Core>,
}

fn view(slug: &str, row: file::Model) -> PracticeFileView {
    PracticeFileView {
        download: format!("/api/v1/practices/{slug}/files/{}", row.id),
        id: row.id,
        file_name: row.file_name,
        content_type: row.content_type,
        size_bytes: row.size_bytes,
        sha512: row.sha512,
        uploaded_at: row.created_at,
    }
}

#[OpenApi(tag = "super::ApiTags::Practices")]
impl PracticeFilesApi {
    /// Upload a photo or document to a practice
    ///
    /// The body is the file itself (`application/octet-stream`): PNG, JPEG or WebP for a
    /// photo; PDF, ODT or DOCX for a document; judged by the content, with a name that
    /// agrees; at most the configured size (20 MB by default). For its author and
    /// moderators, while the practice may be edited.
    #[oai(path = "/practices/:slug/files", method = "post")]
    async fn upload_practice_file(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        /// The file's name, such as `εργαστήριο.jpg`.
        file_name: Query<String>,
        body: Binary<poem::Body>,
    ) -> ApiResult<UploadResponse> {
        let found = service::find(&self.core.db, &slug).await?;
        let actor = Actor::of(&caller);
        if !actor.edits(&found) {
            return Err(ApiError::Forbidden(
                "only the practice's author and its moderators add files".into(),
            ));
        }
        let saved = files::upload(
            &self.core.db,
            self.core.store.as_ref(),
            &actor,
            &found,
            &file_name,
            Box::pin(body.0.into_bytes_stream()),
            self.core.max_upload_bytes,
        )
        .await?;
        Ok(UploadResponse::Created(Json(view(&slug, saved))))
    }

    /// Download a practice's photo or document
    ///
    /// Anyone, for the files the published version shows; its author and moderators, for
    /// all of them.
    #[oai(path = "/practices/:slug/files/:id", method = "get")]
    async fn download_practice_file(
        &self,
        caller: MaybeSignedIn,
        slug: Path<String>,
        id: Path<i64>,
    ) -> ApiResult<DownloadResponse> {
        let found = service::find(&self.core.db, &slug).await?;
        let insider = caller
            .principal()
            .is_some_and(|p| Actor::of(p).edits(&found));
        let row = files::find(&self.core.db, &found, *id).await?;
        if !insider
            && !files::published_ids(&self.core.db, &found)
                .await?
                .contains(&row.id)
        {
            return Err(ApiError::NotFound(format!(
                "practice `{}` shows no file {}",
                found.slug, row.id
            )));
        }
        let audience = if insider {
            Audience::Private
        } else {
            Audience::Public
        };
        council_shared::files::download(
            self.core.store.as_ref(),
            &row.storage_key,
            &row.file_name,
            &row.content_type,
            row.size_bytes,
            audience,
        )
        .await
    }

    /// Remove a practice's photo or document
    ///
    /// Only a file that neither the published version nor the one being worked on shows
    /// (409 otherwise: take it out of the content first).
    #[oai(path = "/practices/:slug/files/:id", method = "delete")]
    async fn remove_practice_file(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
    ) -> ApiResult<RemovedResponse> {
        let found = service::find(&self.core.db, &slug).await?;
        if !Actor::of(&caller).edits(&found) {
            return Err(ApiError::Forbidden(
                "only the practice's author and its moderators remove files".into(),
            ));
        }
        let row = files::find(&self.core.db, &found, *id).await?;
        files::remove(&self.core.db, self.core.store.as_ref(), &found, row).await?;
        Ok(RemovedResponse::Removed)
    }
}
