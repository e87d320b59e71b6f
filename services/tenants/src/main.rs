//! The tenants service alone: `tenants --bind 127.0.0.1:8081`.

/// mimalloc, as in `council` (see there).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::{sync::Arc, time::Duration};

use clap::Parser;
use council_shared::{
    app::{api_routes, openapi_service},
    auth::{CachedIdentity, authenticate},
    cli::{ServerArgs, run_single_service},
};

/// Municipalities, their profiles and their councils, as a service of its own.
use poem::EndpointExt;
use tenants::{api::access::AccessApi, identity::resolver::TenantsIdentity};

#[derive(Parser)]
#[command(version)]
struct Cli {
    #[command(flatten)]
    server: ServerArgs,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    run_single_service(&cli.server, |context| {
        let identity = Arc::new(CachedIdentity::new(
            Arc::new(TenantsIdentity::new(context.db.clone(), &context.settings)),
            Duration::from_secs(context.settings.auth.principal_cache_seconds),
        ));
        let access = AccessApi::new(
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
        // One read side, so that a change through either API is seen by both at once.
        let reads = tenants::public::TenantReads::from_context(context);
        let apis = (
            tenants::TenantsApi::new(context.db.clone(), reads.clone()),
            access.clone(),
            account,
            tenants::api::data_protection::DataProtectionApi {
                db: context.db.clone(),
                reads,
            },
            tenants::api::access_requests::AccessRequestsApi(access),
        );
        tenants::retention::start(context.db.clone(), &context.settings, &context.lifecycle);
        let routes = api_routes(openapi_service(apis, tenants::OPENAPI_TITLE));
        Ok(poem::Route::new().nest("/", routes.with(authenticate(identity))))
    })
    .await
}
