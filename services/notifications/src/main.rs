//! The notifications service alone: `notifications --bind 127.0.0.1:8084`. It asks the
//! tenants service at `services.tenants_url` who callers are and which municipalities
//! exist; links in messages use `server.public_url`.

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
    let tenants = Arc::new(TenantsClient::new(&settings.services.tenants_url)?);
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
        let core = notifications::Notifications::new(
            context.db.clone(),
            context.mailer.clone(),
            &context.settings,
            tenants,
            None,
            base_url,
        )?;
        core.start();
        let api = notifications::NotificationsApi { core };
        let routes = api_routes(openapi_service(api, notifications::OPENAPI_TITLE));
        Ok(poem::Route::new().nest("/", routes.with(authenticate(identity))))
    })
    .await
}
