//! The practices service alone: `practices --bind 127.0.0.1:PORT`.

use clap::Parser;
use council_shared::{
    app::{api_routes, openapi_service},
    cli::{ServerArgs, run_single_service},
};

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
    run_single_service(&cli.server, |_| {
        Ok(api_routes(openapi_service(
            practices::PracticesApi,
            practices::OPENAPI_TITLE,
        )))
    })
    .await
}
