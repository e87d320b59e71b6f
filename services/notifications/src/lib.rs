//! The notifications service: e-mail notices to residents who subscribed (double opt-in)
//! and to council members, reliably. It reads the other services' event outboxes through
//! their APIs (`source::EventSource`), keeps its own subscribers, queue and delivery log,
//! and sends with lettre (SMTP, or `.eml` files in `outbox/` without SMTP settings).

#![recursion_limit = "256"]

pub mod api;
pub mod bench;
pub mod domain;
pub mod entities;
pub mod error;
pub mod mailbox;
pub mod remote_source;
mod runtime;
pub mod service;
pub mod source;

use std::sync::Arc;

use council_shared::{
    Settings, council::CouncilDirectory, mail::Mailer, rate_limit::RateLimiter,
    settings::NotificationSettings,
};
use sea_orm::DatabaseConnection;

pub use api::NotificationsApi;
pub use error::NotificationsError;

pub const OPENAPI_TITLE: &str = "ΣΕΜΠ platform: notifications service";

/// The service: its database, mailer, settings and the other services it reads.
pub struct Notifications {
    pub db: DatabaseConnection,
    pub mailer: Mailer,
    pub settings: NotificationSettings,
    pub directory: Arc<dyn CouncilDirectory>,
    /// The other services' events; None when this service runs without them.
    pub source: Option<Arc<dyn source::EventSource>>,
    /// The platform's public address, for the links in messages.
    pub base_url: String,
    /// The domain of Message-IDs.
    pub domain: String,
    messages: service::messages::Messages,
    /// Woken when something was queued, so the workers need not wait for their next poll.
    wake: tokio::sync::Notify,
    /// This instance's name in job leases.
    owner: String,
    /// How long personal data is kept (the retention job's periods).
    retention: council_shared::settings::RetentionSettings,
    /// Runs the jobs, once across instances.
    scheduler: council_shared::jobs::Scheduler,
    /// The instance's, once the workers are started: on the way out they stop taking work.
    lifecycle: std::sync::OnceLock<council_shared::lifecycle::Lifecycle>,
    subscribe_per_ip: RateLimiter,
    subscribe_per_email: RateLimiter,
    /// Where bounces and complaints come back (`mail.bounce_mailbox`).
    bounce_mailbox: Option<mailbox::ImapAccount>,
}

impl Notifications {
    pub fn new(
        db: DatabaseConnection,
        mailer: Mailer,
        settings: &Settings,
        directory: Arc<dyn CouncilDirectory>,
        source: Option<Arc<dyn source::EventSource>>,
        base_url: String,
    ) -> anyhow::Result<Arc<Self>> {
        let hour = std::time::Duration::from_secs(3600);
        let own = &settings.notifications;
        let domain = url::Url::parse(&base_url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_else(|| "localhost".into());
        let owner = council_shared::jobs::instance_owner();
        let scheduler =
            council_shared::jobs::Scheduler::new(db.clone(), service::jobs::TABLE, owner.clone());
        Ok(Arc::new(Self {
            db,
            mailer,
            settings: own.clone(),
            directory,
            source,
            base_url,
            domain,
            messages: service::messages::Messages::new()?,
            wake: tokio::sync::Notify::new(),
            retention: settings.retention.clone(),
            scheduler,
            owner,
            lifecycle: std::sync::OnceLock::new(),
            subscribe_per_ip: RateLimiter::new(own.subscribe_per_ip_per_hour, hour),
            subscribe_per_email: RateLimiter::new(own.subscribe_per_email_per_hour, hour),
            bounce_mailbox: settings
                .mail
                .bounce_mailbox
                .as_ref()
                .map(|m| mailbox::ImapAccount {
                    host: m.host.clone(),
                    port: m.port.unwrap_or(if m.tls { 993 } else { 143 }),
                    tls: m.tls,
                    username: m.username.clone(),
                    password: m.password.clone(),
                    folder: m.folder.clone(),
                    timeout: std::time::Duration::from_secs(m.timeout_seconds.max(1)),
                }),
        }))
    }
}

/// The `notifications` binary's service: its own database, the tenants service at
/// `services.tenants_url` for callers, municipalities and members' addresses, and the
/// meetings and practices outboxes over HTTP with `services.token` (without it, only the
/// subscription messages go out, and the operator is told why). Starts the workers.
pub fn standalone_routes(
    context: &council_shared::app::Context,
    tenants: Arc<council_shared::remote::TenantsClient>,
) -> anyhow::Result<poem::Route> {
    use council_shared::{
        app::{api_routes, openapi_service},
        auth::{CachedIdentity, authenticate},
    };
    use poem::EndpointExt;
    let settings = &context.settings;
    let identity = Arc::new(CachedIdentity::new(
        tenants.clone(),
        std::time::Duration::from_secs(settings.auth.principal_cache_seconds),
    ));
    let base_url = settings
        .server
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", settings.server.bind));
    let source: Option<Arc<dyn source::EventSource>> = match settings.services.token.clone() {
        Some(token) => Some(Arc::new(remote_source::HttpEvents::new(
            &settings.services.meetings_url,
            &settings.services.practices_url,
            token,
        )?)),
        None => {
            tracing::warn!(
                "services.token is not set: no meeting or practice events are read, so only subscription messages are sent"
            );
            None
        }
    };
    let core = Notifications::new(
        context.db.clone(),
        context.mailer.clone(),
        settings,
        tenants,
        source,
        base_url,
    )?;
    core.start(&context.lifecycle);
    let routes = api_routes(openapi_service(NotificationsApi { core }, OPENAPI_TITLE));
    Ok(poem::Route::new().nest("/", routes.with(authenticate(identity))))
}
