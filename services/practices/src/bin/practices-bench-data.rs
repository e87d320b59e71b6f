//! Fills a platform database with generated published practices for the search benchmark:
//! `practices-bench-data --count 10000 --data-dir DIR` (or `DATABASE_URL=postgres://...`).
//! Run `council demo-data` on the same database first, so practices name real municipalities.

use clap::Parser;
use council_shared::{app::Context, cli::ServerArgs};

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    server: ServerArgs,
    /// How many practices to write.
    #[arg(long, default_value_t = 10_000)]
    count: usize,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let context = Context::build(cli.server.settings()?).await?;
    let municipalities = ["athens", "piraeus", "thessaloniki"].map(String::from);
    let written = practices::bench::generate(&context.db, cli.count, &municipalities).await?;
    println!("wrote {written} practices");
    Ok(())
}
