//! The practices service alone: `practices --bind 127.0.0.1:8083`. It asks the tenants
//! service at `services.tenants_url` who callers are and which municipalities exist.

/// mimalloc, as in `council` (see there).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::{sync::Arc, time::Duration};

use clap::Parser;
use council_shared::{
    app::{api_routes, openapi_service},
    auth::{CachedIdentity, authenticate},
    cli::{ServerArgs, run_single_service},
    remote::TenantsClient,
};
use poem::EndpointExt;

/// Good practices shared across municipalities.
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
        let api = practices::api::api(practices::Core::new(
            context.db.clone(),
            tenants,
            &context.settings,
        )?);
        practices::retention::start(context.db.clone(), &context.settings, &context.lifecycle)?;
        let routes = api_routes(openapi_service(api, practices::OPENAPI_TITLE));
        Ok(poem::Route::new().nest("/", routes.with(authenticate(identity))))
    })
    .await
}
