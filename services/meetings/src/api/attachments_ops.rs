//! Documents: upload (streamed, checked by content), download (streamed), removal.

use std::sync::Arc;

use council_shared::{
    ApiError,
    auth::{MaybeSignedIn, SignedIn},
    files::{self, Audience, DownloadResponse},
    problem::ApiResult,
};
use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::{Binary, Json},
};

use super::{ApiTags, Core, models::AttachmentView, views};
use crate::{
    disclosure,
    service::{agenda, attachments},
};

#[derive(ApiResponse)]
pub enum UploadResponse {
    /// The document as stored, with its size and SHA-512.
    #[oai(status = 201)]
    Created(Json<AttachmentView>),
}

#[derive(ApiResponse)]
pub enum RemovedResponse {
    /// Removed.
    #[oai(status = 204)]
    Removed,
}

pub struct FilesApi {
    pub(super) core: Arc<Core>,
}

#[OpenApi(tag = "ApiTags::Documents")]
impl FilesApi {
    /// Upload a document
    ///
    /// The body is the file itself, sent as `application/octet-stream`. PDF, ODT, DOCX, PNG, JPEG or WebP, judged by the
    /// content, with a name that agrees; at most the configured size (20 MB by default).
    /// `item_id` attaches it to an agenda item, whose public flag it shares.
    #[oai(path = "/tenants/:slug/meetings/:id/attachments", method = "post")]
    async fn upload_attachment(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        /// The file's name, such as `εισήγηση.pdf`.
        file_name: Query<String>,
        /// The agenda item the document belongs to; none for the meeting as a whole.
        item_id: Query<Option<i64>>,
        body: Binary<poem::Body>,
    ) -> ApiResult<UploadResponse> {
        let stream = Box::pin(body.0.into_bytes_stream());
        let saved = super::commands::upload(
            &self.core,
            &caller,
            (&slug, *id),
            item_id.0,
            &file_name,
            stream,
        )
        .await?;
        Ok(UploadResponse::Created(Json(views::attachment_view(
            &slug, &saved,
        ))))
    }

    /// Download a document
    ///
    /// Documents of closed items are for the council's members and staff.
    #[oai(
        path = "/tenants/:slug/meetings/:id/attachments/:attachment_id",
        method = "get"
    )]
    async fn download_attachment(
        &self,
        caller: MaybeSignedIn,
        slug: Path<String>,
        id: Path<i64>,
        attachment_id: Path<i64>,
    ) -> ApiResult<DownloadResponse> {
        let (_, viewer, meeting) = self.core.meeting(&slug, *id, caller.principal()).await?;
        let file = attachments::find(&self.core.db, meeting.id, *attachment_id).await?;
        if let Some(item_id) = file.item_id {
            let item = agenda::find(&self.core.db, &meeting, item_id).await?;
            if !disclosure::sees_item(viewer.is_insider(), &item) {
                return Err(ApiError::NotFound(format!(
                    "meeting {} has no attachment {}",
                    meeting.id, file.id
                )));
            }
        }
        // Members' documents must not linger in shared caches.
        let audience = if viewer.is_insider() {
            Audience::Private
        } else {
            Audience::Public
        };
        files::download(
            self.core.store.as_ref(),
            &file.storage_key,
            &file.file_name,
            &file.content_type,
            file.size_bytes,
            audience,
        )
        .await
    }

    /// Remove a document (before publication)
    #[oai(
        path = "/tenants/:slug/meetings/:id/attachments/:attachment_id",
        method = "delete"
    )]
    async fn remove_attachment(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        attachment_id: Path<i64>,
    ) -> ApiResult<RemovedResponse> {
        super::commands::remove_attachment(&self.core, &caller, (&slug, *id), *attachment_id)
            .await?;
        Ok(RemovedResponse::Removed)
    }
}
