//! The all-in-one server: the tenants, meetings, practices and notifications APIs, one
//! merged OpenAPI document, and the web front end, in one process on one port.

use std::{sync::Arc, time::Duration};

use council_shared::{
    app::{Application, Context, api_routes, openapi_service},
    auth::{CachedIdentity, authenticate},
};
use poem::{EndpointExt, Route};

pub mod backup;
mod events;
use tenants::identity::{resolver::TenantsIdentity, sign_in::Accounts};

pub const OPENAPI_TITLE: &str = "ΣΕΜΠ platform API";

/// Builds the whole platform on `context`, bound and ready to run.
pub async fn build(context: &Context) -> anyhow::Result<Application> {
    // The address first: links in e-mails and the sign-in callback need the real port.
    let listener = Application::listen(context).await?;
    // One read side for the tenants API and the pages, so a write is seen by both at once.
    let reads = tenants::public::TenantReads::from_context(context);
    // One identity cache for every service in the process: sign-out and role changes clear
    // it here at once.
    let identity = Arc::new(CachedIdentity::new(
        Arc::new(TenantsIdentity::new(context.db.clone(), &context.settings)),
        Duration::from_secs(context.settings.auth.principal_cache_seconds),
    ));
    let accounts = Arc::new(Accounts::new(
        context.db.clone(),
        context.settings.clone(),
        identity.clone(),
    )?);
    let meetings_core = meetings::Core::from_context(context, reads.clone())?;
    let practices_core =
        practices::Core::new(context.db.clone(), reads.clone(), &context.settings)?;
    let notifications_core = notifications::Notifications::new(
        context.db.clone(),
        context.mailer.clone(),
        &context.settings,
        reads.clone(),
        Some(Arc::new(events::InProcessEvents {
            meetings: meetings_core.clone(),
            practices: practices_core.clone(),
        })),
        council_shared::http::public_url(&context.settings, listener.address()),
    )?;
    notifications_core.start(&context.lifecycle);
    tenants::retention::start(context.db.clone(), &context.settings, &context.lifecycle);
    practices::retention::start(context.db.clone(), &context.settings, &context.lifecycle)?;
    meetings::jobs::start(context.db.clone(), &context.settings, &context.lifecycle)?;
    notifications_core.report_metrics(&context.metrics);
    let access = tenants::api::access::AccessApi::new(
        context.db.clone(),
        context.settings.clone(),
        context.mailer.clone(),
        identity.clone(),
    );
    let account = tenants::api::account::AccountApi::new(
        context.db.clone(),
        context.settings.clone(),
        identity.clone(),
    );
    let apis = (
        tenants::TenantsApi::new(context.db.clone(), reads.clone()),
        access.clone(),
        account.clone(),
        tenants::api::data_protection::DataProtectionApi {
            db: context.db.clone(),
            reads: reads.clone(),
        },
        tenants::api::access_requests::AccessRequestsApi(access.clone()),
        meetings::api::api(meetings_core.clone()),
        practices::api::api(practices_core.clone()),
        notifications::NotificationsApi {
            core: notifications_core.clone(),
        },
    );
    let cache_ttl = std::time::Duration::from_millis(context.settings.cache.ttl_ms);
    let web_state = web::WebState::new(
        reads,
        meetings_core.clone(),
        practices_core,
        notifications_core,
        (accounts, access, account),
        (
            context.mailer.clone(),
            web::public::legal::LegalFacts::new(
                &context.settings,
                &context.mailer,
                council_shared::http::public_url(&context.settings, listener.address()),
            ),
        ),
        cache_ttl,
    )?;
    let routes = web::routes(
        api_routes(openapi_service(apis, OPENAPI_TITLE)).nest(
            "/oparl/v1.1",
            meetings::oparl::routes(meetings_core.clone()),
        ),
        web_state.clone(),
    );
    let routes = Route::new().nest(
        "/",
        meetings::api::clear_public_views_on_writes(
            web::html_errors(routes, web_state),
            meetings_core,
        )
        .with(authenticate(identity))
        .map_to_response(),
    );
    Ok(Application::on(listener, context, routes))
}

/// Loads the demo municipalities when the database has none, and says what it did.
pub async fn load_demo_data_if_empty(context: &Context) -> anyhow::Result<()> {
    if tenants::service::tenants::count(&context.db).await? > 0 {
        tracing::info!("the database already has municipalities: demo data not loaded");
        return Ok(());
    }
    let outcome = tenants::demo::load(&context.db).await?;
    tracing::info!(created = ?outcome.created, "demo data loaded");
    let reads = tenants::public::TenantReads::from_context(context);
    let meetings = meetings::demo::load(&context.db, reads.as_ref()).await?;
    tracing::info!(meetings, "demo meetings loaded");
    let practices = practices::demo::load(&context.db, reads.as_ref()).await?;
    tracing::info!(practices, "demo practices loaded");
    Ok(())
}

/// Makes `email` a platform administrator (at once, or at their first sign-in) and says
/// which; written to the audit log.
pub async fn create_platform_admin(
    context: &Context,
    email: &str,
) -> Result<String, tenants::TenantsError> {
    use tenants::identity::{audit, grants};
    let email = tenants::identity::parse_email(email).map_err(|message| {
        tenants::TenantsError::Invalid(vec![council_shared::FieldError::new("email", message)])
    })?;
    let record = grants::grant(
        &context.db,
        grants::NewGrant {
            email: email.clone(),
            role: council_shared::auth::Role::PlatformAdmin,
            tenant_id: None,
            member_id: None,
        },
        None,
        None,
    )
    .await?;
    let invited = record.grant.user_id.is_none();
    audit::record(
        &context.db,
        audit::Event::new(if invited {
            audit::Action::RoleInvited
        } else {
            audit::Action::RoleGranted
        })
        .target(format!("platform_admin {email}"))
        .detail("council admin create"),
    )
    .await?;
    Ok(if invited {
        format!("{email} becomes a platform administrator at their first sign-in with this address")
    } else {
        format!("{email} is now a platform administrator")
    })
}

/// Copies the files each service kept on local disk into the database, for a platform that
/// moves to PostgreSQL and several instances: `council files to-database`. Says, per
/// service, how many it copied and how many were there already.
pub async fn files_to_database(
    context: &Context,
) -> anyhow::Result<Vec<(&'static str, council_shared::files::database::Copied)>> {
    use council_shared::files::{DatabaseStore, database::SERVICES, disk_folder};
    anyhow::ensure!(
        context.db.get_database_backend() == sea_orm::DbBackend::Postgres,
        "files are kept in the database on PostgreSQL only; with SQLite they stay on disk"
    );
    let mut report = Vec::new();
    for service in SERVICES {
        let store = DatabaseStore::new(context.db.clone(), service)?;
        let folder = disk_folder(&context.settings.data_dir, service);
        report.push((service, store.copy_from_disk(&folder).await?));
    }
    Ok(report)
}
