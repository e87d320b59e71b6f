//! The notifications service alone: `notifications --bind 127.0.0.1:8084`. It asks the
//! tenants service at `services.tenants_url` who callers are, which municipalities exist
//! and where members' messages go, and reads the events of the meetings and practices
//! services at `services.meetings_url` and `services.practices_url`, with `services.token`
//! (a platform administrator's API token). Links in messages use `server.public_url`.

/// mimalloc, as in `council` (see there).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::Arc;

use clap::Parser;
use council_shared::{
    cli::{ServerArgs, run_single_service},
    remote::TenantsClient,
};

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
        notifications::standalone_routes(context, tenants)
    })
    .await
}
