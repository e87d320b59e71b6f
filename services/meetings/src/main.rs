//! The meetings service alone: `meetings --bind 127.0.0.1:8082`. It asks the tenants service
//! at `services.tenants_url` who callers are and who sits on each council.

/// mimalloc, as in `council` (see there).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::Arc;

use clap::Parser;
use council_shared::{
    cli::{ServerArgs, run_single_service},
    remote::TenantsClient,
};

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
        meetings::jobs::start(context.db.clone(), &context.settings, &context.lifecycle)?;
        meetings::standalone_routes(context, tenants)
    })
    .await
}
