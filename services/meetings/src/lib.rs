//! The meetings service: council meetings from convocation to published minutes, their
//! agenda, documents, attendance, decisions and minutes, with calendars, an Atom feed, an
//! OParl 1.1 endpoint and an outbox of events for the other services.
//!
//! It owns its own tables and learns about municipalities and councils only through
//! `CouncilDirectory` (the tenants service's API).

pub mod access;
pub mod api;
pub mod atom;
pub mod demo;
pub mod disclosure;
pub mod domain;
pub mod entities;
pub mod error;
pub mod jobs;
pub use council_shared::ical;
pub mod oparl;
pub mod service;

pub use api::Core;
pub use error::MeetingsError;

pub const OPENAPI_TITLE: &str = "ΣΕΜΠ platform: meetings service";

/// The meetings service on its own (the `meetings` binary): its API and the OParl endpoint,
/// asking the tenants service over HTTP who callers are and who sits on each council.
pub fn standalone_routes(
    context: &council_shared::app::Context,
    tenants: std::sync::Arc<council_shared::remote::TenantsClient>,
) -> anyhow::Result<poem::Route> {
    use council_shared::{
        app::{api_routes, openapi_service},
        auth::{CachedIdentity, authenticate},
    };
    use poem::EndpointExt;
    let identity = std::sync::Arc::new(CachedIdentity::new(
        tenants.clone(),
        std::time::Duration::from_secs(context.settings.auth.principal_cache_seconds),
    ));
    let core = Core::from_context(context, tenants)?;
    let routes = api_routes(openapi_service(api::api(core.clone()), OPENAPI_TITLE))
        .nest("/oparl/v1.1", oparl::routes(core.clone()));
    let routes = api::clear_public_views_on_writes(routes, core);
    Ok(poem::Route::new().nest("/", routes.with(authenticate(identity))))
}
