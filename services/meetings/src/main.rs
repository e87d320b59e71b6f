//! The meetings service alone: `meetings --bind 127.0.0.1:8082`. It asks the tenants service
//! at `services.tenants_url` who callers are and who sits on each council.

use std::{sync::Arc, time::Duration};

use clap::Parser;
use council_shared::{
    app::{api_routes, openapi_service},
    auth::{CachedIdentity, authenticate},
    cli::{ServerArgs, run_single_service},
    remote::TenantsClient,
};
use poem::EndpointExt;

/// Council meetings: convocations, agendas, records, minutes.
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
        let core = meetings::Core::from_context(context, tenants)?;
        let routes = api_routes(openapi_service(
            meetings::api::api(core.clone()),
            meetings::OPENAPI_TITLE,
        ))
        .nest("/oparl/v1.1", meetings::oparl::routes(core.clone()));
        let routes = meetings::api::clear_public_views_on_writes(routes, core);
        Ok(poem::Route::new().nest("/", routes.with(authenticate(identity))))
    })
    .await
}
