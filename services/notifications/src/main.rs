//! The notifications service alone: `notifications --bind 127.0.0.1:8084`. It asks the
//! tenants service at `services.tenants_url` who callers are, which municipalities exist
//! and where members' messages go, and reads the events of the meetings and practices
//! services at `services.meetings_url` and `services.practices_url`, with `services.token`
//! (a platform administrator's API token). Links in messages use `server.public_url`.

use std::{sync::Arc, time::Duration};

use clap::Parser;
use council_shared::{
    app::{api_routes, openapi_service},
    auth::{CachedIdentity, authenticate},
    cli::{ServerArgs, run_single_service},
    remote::TenantsClient,
};
use poem::EndpointExt;

/// E-mail notices to residents and council members.
#[derive(Parser)]
#[command(version)]
struct Cli {
    #[command(flatten)]
    server: ServerArgs,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = cli.server.settings()?;
    let tenants = Arc::new(
        TenantsClient::new(&settings.services.tenants_url)?
            .with_token(settings.services.token.clone()),
    );
    run_single_service(&cli.server, move |context| {
        let identity = Arc::new(CachedIdentity::new(
            tenants.clone(),
            Duration::from_secs(context.settings.auth.principal_cache_seconds),
        ));
        let base_url = context
            .settings
            .server
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", context.settings.server.bind));
        // Without a token the outboxes cannot be read: subscriptions still work, and the
        // operator is told why nothing else is sent.
        let source: Option<Arc<dyn notifications::source::EventSource>> =
            match context.settings.services.token.clone() {
                Some(token) => Some(Arc::new(notifications::remote_source::HttpEvents::new(
                    &context.settings.services.meetings_url,
                    &context.settings.services.practices_url,
                    token,
                )?)),
                None => {
                    tracing::warn!(
                        "services.token is not set: no meeting or practice events are read, so only subscription messages are sent"
                    );
                    None
                }
            };
        let core = notifications::Notifications::new(
            context.db.clone(),
            context.mailer.clone(),
            &context.settings,
            tenants,
            source,
            base_url,
        )?;
        core.start();
        let api = notifications::NotificationsApi { core };
        let routes = api_routes(openapi_service(api, notifications::OPENAPI_TITLE));
        Ok(poem::Route::new().nest("/", routes.with(authenticate(identity))))
    })
    .await
}
