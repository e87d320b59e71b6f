//! The meetings API under `/api/v1/tenants/{slug}/...`, in four parts: meetings and their
//! agenda, the record of a meeting (attendance, decisions, minutes), documents, and the
//! feeds other systems read (iCalendar, Atom, the event outbox).

mod attachments_ops;
pub mod commands;
mod feeds;
mod meetings_ops;
pub mod models;
pub mod reads;
mod record_ops;
pub mod views;

use std::sync::Arc;

use council_shared::{
    ApiError,
    auth::Principal,
    council::{CouncilDirectory, CouncilRoster},
    tenant::TenantSlug,
};
use council_shared::{cache::TtlCache, compression::CachedBody};
use poem::{Endpoint, EndpointExt, IntoResponse, Response, http::Method};
use poem_openapi::Tags;
use sea_orm::DatabaseConnection;

pub use attachments_ops::FilesApi;
pub use feeds::FeedsApi;
pub use meetings_ops::MeetingsApi;
pub use record_ops::RecordApi;

use crate::{access::Viewer, entities::meeting, error::MeetingsError, service};
use council_shared::files::FileStore;

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
    /// What the public reads most, kept rendered: meeting pages and calendars. Any write on
    /// this instance clears it (`clear_public_views_on_writes`); other instances behind the
    /// same load balancer show a change within `cache.ttl_ms`.
    pub public_views: TtlCache<CachedBody>,
    /// Held while a missing view is made, so that when one expires under load one request
    /// remakes it and the others wait for it instead of all querying at once.
    making: tokio::sync::Mutex<()>,
}

impl Core {
    /// The API's needs from settings: uploads in the database on PostgreSQL, under
    /// `data_dir/uploads` on SQLite.
    pub fn from_context(
        context: &council_shared::app::Context,
        directory: Arc<dyn CouncilDirectory>,
    ) -> anyhow::Result<Arc<Self>> {
        let store =
            council_shared::files::store_for(&context.db, &context.settings.data_dir, "meetings")?;
        Ok(Arc::new(Self {
            db: context.db.clone(),
            directory,
            store,
            max_upload_bytes: context.settings.uploads.max_bytes,
            public_views: TtlCache::new(
                std::time::Duration::from_millis(context.settings.cache.ttl_ms),
                PUBLIC_VIEWS_KEPT,
            ),
            making: tokio::sync::Mutex::new(()),
        }))
    }

    /// A public view from the cache, or made by `make` and kept.
    pub async fn public_view<F>(&self, key: String, make: F) -> Result<CachedBody, ApiError>
    where
        F: std::future::Future<Output = Result<CachedBody, ApiError>>,
    {
        if let Some(body) = self.public_views.get(&key) {
            return Ok(body);
        }
        let _making = self.making.lock().await;
        if let Some(body) = self.public_views.get(&key) {
            return Ok(body);
        }
        let body = make.await?;
        self.public_views.insert(key, body.clone());
        Ok(body)
    }

    /// The municipality's council, or 404.
    pub async fn roster(&self, slug: &str) -> Result<CouncilRoster, MeetingsError> {
        let parsed =
            TenantSlug::parse(slug).map_err(|_| MeetingsError::TenantNotFound(slug.into()))?;
        self.directory
            .roster(&parsed)
            .await?
            .ok_or_else(|| MeetingsError::TenantNotFound(slug.into()))
    }

    /// The municipality, the caller's standing in it, and the meeting if the caller may see
    /// it (a draft is 404 to the public, as if it did not exist).
    pub async fn meeting(
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
    pub async fn staff_meeting(
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

/// Rendered public views kept at most (pages × languages, calendars).
const PUBLIC_VIEWS_KEPT: usize = 5_000;

/// Clears the cached public views after every successful write through this server, so a
/// change shows at once on this instance.
pub fn clear_public_views_on_writes<E: Endpoint + 'static>(
    endpoint: E,
    core: Arc<Core>,
) -> impl Endpoint<Output = Response> {
    endpoint.around(move |next, req| {
        let core = core.clone();
        async move {
            let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
            let response = next.call(req).await?.into_response();
            if writes && response.status().is_success() {
                core.public_views.clear();
            }
            Ok(response)
        }
    })
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
