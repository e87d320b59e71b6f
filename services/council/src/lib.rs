//! The all-in-one server: the tenants, meetings, practices and notifications APIs, one
//! merged OpenAPI document, and the web front end, in one process on one port.

use council_shared::app::{Application, Context, api_routes, openapi_service};
use poem::{EndpointExt, Route};

pub const OPENAPI_TITLE: &str = "ΣΕΜΠ platform API";

/// Builds the whole platform on `context`, bound and ready to run.
pub async fn build(context: &Context) -> anyhow::Result<Application> {
    // One read side for the tenants API and the pages, so a write is seen by both at once.
    let reads = tenants::public::TenantReads::from_context(context);
    let apis = (
        tenants::TenantsApi::new(context.db.clone(), reads.clone()),
        meetings::MeetingsApi,
        practices::PracticesApi,
        notifications::NotificationsApi,
    );
    let cache_ttl = std::time::Duration::from_millis(context.settings.cache.ttl_ms);
    let web_state = web::WebState::new(reads, cache_ttl)?;
    let routes = web::routes(
        api_routes(openapi_service(apis, OPENAPI_TITLE)),
        web_state.clone(),
    );
    let routes = Route::new().nest("/", web::html_errors(routes, web_state).map_to_response());
    Application::bind(context, routes).await
}

/// Loads the demo municipalities when the database has none, and says what it did.
pub async fn load_demo_data_if_empty(context: &Context) -> anyhow::Result<()> {
    if tenants::service::tenants::count(&context.db).await? > 0 {
        tracing::info!("the database already has municipalities: demo data not loaded");
        return Ok(());
    }
    let outcome = tenants::demo::load(&context.db).await?;
    tracing::info!(created = ?outcome.created, "demo data loaded");
    Ok(())
}
