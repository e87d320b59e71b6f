//! The tenants service alone: `tenants --bind 127.0.0.1:8081`.

use clap::Parser;
use council_shared::{
    app::{api_routes, openapi_service},
    cli::{ServerArgs, run_single_service},
};

/// Municipalities, their profiles and their councils, as a service of its own.
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
        api_routes(openapi_service(
            tenants::TenantsApi::from_context(context),
            tenants::OPENAPI_TITLE,
        ))
    })
    .await
}
