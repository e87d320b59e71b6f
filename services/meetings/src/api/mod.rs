//! The meetings API under `/api/v1/tenants/{slug}/...`, in four parts: meetings and their
//! agenda, the record of a meeting (attendance, decisions, minutes), documents, and the
//! feeds other systems read (iCalendar, Atom, the event outbox).

mod attachments_ops;
mod feeds;
mod meetings_ops;
pub mod models;
mod record_ops;
pub mod views;

use std::sync::Arc;

use council_shared::{
    ApiError,
    auth::Principal,
    council::{CouncilDirectory, CouncilRoster},
    tenant::TenantSlug,
};
use poem_openapi::Tags;
use sea_orm::DatabaseConnection;

pub use attachments_ops::FilesApi;
pub use feeds::FeedsApi;
pub use meetings_ops::MeetingsApi;
pub use record_ops::RecordApi;

use crate::{access::Viewer, entities::meeting, error::MeetingsError, service, storage::FileStore};

#[derive(Tags)]
enum ApiTags {
    /// Council meetings, their agenda and the members' answers and comments.
    Meetings,
    /// What the secretary records: attendance and quorum, decisions, minutes.
    Records,
    /// Documents on meetings and agenda items.
    Documents,
    /// Calendars, the Atom feed of minutes and decisions, and the event outbox.
    Feeds,
}

/// What every part of the API needs.
pub struct Core {
    pub db: DatabaseConnection,
    pub directory: Arc<dyn CouncilDirectory>,
    pub store: Arc<dyn FileStore>,
    pub max_upload_bytes: u64,
}

impl Core {
    /// The API's needs from settings: uploads under `data_dir/uploads`.
    pub fn from_context(
        context: &council_shared::app::Context,
        directory: Arc<dyn CouncilDirectory>,
    ) -> anyhow::Result<Arc<Self>> {
        let store = crate::storage::LocalDisk::new(context.settings.data_dir.join("uploads"))?;
        Ok(Arc::new(Self {
            db: context.db.clone(),
            directory,
            store: Arc::new(store),
            max_upload_bytes: context.settings.uploads.max_bytes,
        }))
    }

    /// The municipality's council, or 404.
    pub(crate) async fn roster(&self, slug: &str) -> Result<CouncilRoster, MeetingsError> {
        let parsed =
            TenantSlug::parse(slug).map_err(|_| MeetingsError::TenantNotFound(slug.into()))?;
        self.directory
            .roster(&parsed)
            .await?
            .ok_or_else(|| MeetingsError::TenantNotFound(slug.into()))
    }

    /// The municipality, the caller's standing in it, and the meeting if the caller may see
    /// it (a draft is 404 to the public, as if it did not exist).
    async fn meeting(
        &self,
        slug: &str,
        id: i64,
        principal: Option<&Principal>,
    ) -> Result<(CouncilRoster, Viewer, meeting::Model), MeetingsError> {
        let roster = self.roster(slug).await?;
        let viewer = Viewer::of(principal, roster.tenant.id);
        let meeting = service::find_meeting(&self.db, roster.tenant.id, id).await?;
        if !views::visible(&meeting, &viewer)? {
            return Err(MeetingsError::MeetingNotFound(id));
        }
        Ok((roster, viewer, meeting))
    }

    /// The meeting for a change only the municipality's staff may make: 403 for anyone else
    /// signed in (after 404 for what they cannot see at all).
    async fn staff_meeting(
        &self,
        slug: &str,
        id: i64,
        principal: &Principal,
    ) -> Result<(CouncilRoster, Viewer, meeting::Model), ApiError> {
        // The role first: another municipality's staff get 403 whatever the meeting is.
        let roster = self.roster(slug).await?;
        let viewer = Viewer::of(Some(principal), roster.tenant.id);
        require_staff(&viewer)?;
        let meeting = service::find_meeting(&self.db, roster.tenant.id, id).await?;
        Ok((roster, viewer, meeting))
    }
}

fn require_staff(viewer: &Viewer) -> Result<(), ApiError> {
    council_shared::auth::require(
        viewer.is_staff(),
        "only this municipality's secretary and administrators may do this",
    )
}

/// The API as one value for `OpenApiService` (its parts are a tuple of APIs).
pub fn api(core: Arc<Core>) -> (MeetingsApi, RecordApi, FilesApi, FeedsApi) {
    (
        MeetingsApi { core: core.clone() },
        RecordApi { core: core.clone() },
        FilesApi { core: core.clone() },
        FeedsApi { core },
    )
}
