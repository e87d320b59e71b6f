//! The meetings service alone: `meetings --bind 127.0.0.1:PORT`.

use clap::Parser;
use council_shared::{
    app::{api_routes, openapi_service},
    cli::{ServerArgs, run_single_service},
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
    run_single_service(&cli.server, |_| {
        api_routes(openapi_service(
            meetings::MeetingsApi,
            meetings::OPENAPI_TITLE,
        ))
    })
    .await
}
