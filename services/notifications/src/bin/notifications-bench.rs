//! The fan-out benchmark's measuring half (`infra/bench/notifications.sh` runs it):
//! `notifications-bench --smtp-port 2525 --count 10000 --data-dir DIR` (an empty folder:
//! SQLite), or with `--database-url postgres://...` (an empty database). Sends a notice to
//! `count` subscribers through the platform to the SMTP server on 127.0.0.1 and prints one
//! line of `key=value` figures; `--queue-only` stops after queueing.

/// mimalloc, as in `council` (see there): the benchmark measures what runs in production.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::collections::HashMap;

use clap::Parser;
use council_shared::{
    Settings,
    settings::{SmtpSettings, SmtpTls},
};

#[derive(Parser)]
struct Cli {
    /// Settings file (TOML); `COUNCIL__...` environment variables override it.
    #[arg(long, env = "COUNCIL_CONFIG")]
    config: Option<std::path::PathBuf>,
    /// Folder for the SQLite database (and nothing else, with --database-url).
    #[arg(long)]
    data_dir: std::path::PathBuf,
    /// An empty PostgreSQL database instead of SQLite in the data folder.
    #[arg(long)]
    database_url: Option<String>,
    /// The local SMTP server's port (no TLS, no authentication).
    #[arg(long)]
    smtp_port: u16,
    /// Subscribers, and so messages.
    #[arg(long, default_value_t = 10_000)]
    count: usize,
    /// SMTP sessions (`notifications.workers`); the settings' value by default.
    #[arg(long)]
    concurrency: Option<u32>,
    /// Only queue the notice (time the fan-out and read the memory), send nothing.
    #[arg(long)]
    queue_only: bool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let mut env: HashMap<String, String> = std::env::vars().collect();
    env.remove("DATABASE_URL");
    if let Some(url) = &cli.database_url {
        env.insert("DATABASE_URL".into(), url.clone());
    }
    let mut settings = Settings::load_from(cli.config.as_deref(), env)?;
    council_shared::telemetry::init(&settings.log);
    settings.data_dir = cli.data_dir;
    settings.mail.smtp = Some(SmtpSettings {
        host: "127.0.0.1".into(),
        port: Some(cli.smtp_port),
        username: None,
        password: None,
        tls: SmtpTls::None,
        timeout_seconds: 30,
    });
    if let Some(concurrency) = cli.concurrency {
        settings.notifications.workers = concurrency;
    }
    let sessions = settings.notifications.workers;
    let measured = notifications::bench::run(settings, cli.count, cli.queue_only).await?;
    println!("sessions={sessions} {}", measured.line());
    Ok(())
}
