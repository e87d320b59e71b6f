//! `council`: run the platform, migrate the database, load demo data, manage API tokens.

use clap::{Parser, Subcommand};
use council_shared::{app::Context, cli::ServerArgs, settings::Settings, telemetry};

/// The platform of the municipal migrant and refugee integration councils (ΣΕΜΠ).
///
/// With no configuration it keeps everything in ./data: a SQLite database and an outbox
/// folder for e-mail. Set DATABASE_URL=postgres://... and COUNCIL__MAIL__SMTP__HOST for
/// production.
#[derive(Parser)]
#[command(version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run every service and the web pages in one process on one port.
    Serve {
        #[command(flatten)]
        server: ServerArgs,
        /// Load the demo municipalities (Athens, Piraeus, Thessaloniki) if the database has none.
        #[arg(long)]
        demo_data: bool,
    },
    /// Apply pending database migrations, then exit.
    Migrate {
        #[command(flatten)]
        server: ServerArgs,
    },
    /// Load the demo municipalities that are missing; existing ones are left as they are.
    DemoData {
        #[command(flatten)]
        server: ServerArgs,
    },
    /// API tokens for writes (`Authorization: Bearer <token>`).
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a token and print it once; only its hash is stored.
    Create {
        #[command(flatten)]
        server: ServerArgs,
        /// A name that says who or what uses the token.
        #[arg(long)]
        name: String,
    },
    /// List tokens (names and dates, never the tokens).
    List {
        #[command(flatten)]
        server: ServerArgs,
    },
    /// Revoke a token by name.
    Revoke {
        #[command(flatten)]
        server: ServerArgs,
        #[arg(long)]
        name: String,
    },
}

async fn context(server: &ServerArgs, migrate: bool) -> anyhow::Result<Context> {
    let mut settings: Settings = server.settings()?;
    telemetry::init(&settings.log);
    settings.database.migrate_on_start |= migrate;
    Context::build(settings).await
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Serve { server, demo_data } => {
            let context = context(&server, false).await?;
            if demo_data {
                council::load_demo_data_if_empty(&context).await?;
            }
            let app = council::build(&context).await?;
            println!("ΣΕΜΠ platform running at http://{}/", app.address());
            app.run().await
        }
        Command::Migrate { server } => {
            context(&server, true).await?;
            println!("database is up to date");
            Ok(())
        }
        Command::DemoData { server } => {
            let context = context(&server, true).await?;
            let outcome = tenants::demo::load(&context.db).await?;
            for slug in &outcome.created {
                println!("loaded {slug}");
            }
            for slug in &outcome.skipped {
                println!("{slug} already present: left unchanged");
            }
            Ok(())
        }
        Command::Token { command } => token(command).await,
    }
}

async fn token(command: TokenCommand) -> anyhow::Result<()> {
    use tenants::service::tokens;
    match command {
        TokenCommand::Create { server, name } => {
            let context = context(&server, true).await?;
            let (_, token) = tokens::create(&context.db, &name)
                .await
                .map_err(|e| anyhow::anyhow!("{}", describe(e)))?;
            println!("{token}");
            eprintln!("Token `{name}` created. Keep it safe: it is not shown again.");
            Ok(())
        }
        TokenCommand::List { server } => {
            let context = context(&server, true).await?;
            for token in tokens::list(&context.db)
                .await
                .map_err(|e| anyhow::anyhow!("{}", describe(e)))?
            {
                let state = if token.revoked_at.is_some() {
                    "revoked"
                } else {
                    "active"
                };
                let used = token
                    .last_used_at
                    .map(|at| at.to_rfc3339())
                    .unwrap_or_else(|| "never".into());
                println!(
                    "{}\t{state}\tcreated {}\tlast used {used}",
                    token.name,
                    token.created_at.to_rfc3339()
                );
            }
            Ok(())
        }
        TokenCommand::Revoke { server, name } => {
            let context = context(&server, true).await?;
            if tokens::revoke(&context.db, &name)
                .await
                .map_err(|e| anyhow::anyhow!("{}", describe(e)))?
            {
                println!("token `{name}` revoked");
                Ok(())
            } else {
                anyhow::bail!("no active token is named `{name}`")
            }
        }
    }
}

/// A tenants error as a sentence for the terminal, with field errors spelled out.
fn describe(error: tenants::TenantsError) -> String {
    match error {
        tenants::TenantsError::Invalid(fields) => fields
            .iter()
            .map(|f| format!("{}: {}", f.field, f.message))
            .collect::<Vec<_>>()
            .join("; "),
        other => format!("{other:#}"),
    }
}
