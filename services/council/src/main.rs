//! `council`: run the platform, migrate the database, load demo data, manage API tokens,
//! move uploaded files into the database.

use clap::{Parser, Subcommand};

/// mimalloc rather than glibc's malloc: a page render makes thousands of small allocations
/// that glibc's arenas serve slower under concurrent requests (see the README's benchmark).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
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
    /// API tokens (`Authorization: Bearer <token>`); each belongs to a user and carries
    /// their roles, or fewer.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Platform administrators.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Back up everything the platform keeps into a new folder: on SQLite an online copy
    /// of the database and the uploaded files, each with its SHA-512 (safe while serving);
    /// on PostgreSQL `pg_dump` (the files are in the database).
    Backup {
        #[command(flatten)]
        server: ServerArgs,
        /// The folder to write; it must be empty or absent.
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Restore a backup made by `council backup`, with no server running on the database.
    Restore {
        #[command(flatten)]
        server: ServerArgs,
        /// The backup's folder.
        #[arg(long)]
        from: std::path::PathBuf,
        /// Replace an existing database (otherwise only an empty one is restored into).
        #[arg(long)]
        replace: bool,
    },
    /// Uploaded files.
    Files {
        #[command(subcommand)]
        command: FilesCommand,
    },
}

#[derive(Subcommand)]
enum FilesCommand {
    /// Copy the files kept on local disk (the data folder's uploads) into the PostgreSQL
    /// database, where every instance finds them. Each is read back and its SHA-512
    /// compared; files already copied are skipped, so it can run again after an
    /// interruption. The files on disk stay: remove them once the copy is done.
    ToDatabase {
        #[command(flatten)]
        server: ServerArgs,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Make ADDRESS a platform administrator: at once if they have signed in before,
    /// otherwise at their first sign-in with that address.
    Create {
        #[command(flatten)]
        server: ServerArgs,
        #[arg(long)]
        email: String,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a token for the user with this address and print it once; only its hash is
    /// stored.
    Create {
        #[command(flatten)]
        server: ServerArgs,
        /// The owner's e-mail address.
        #[arg(long)]
        email: String,
        /// A name that says who or what uses the token.
        #[arg(long)]
        name: String,
        /// Limit the token to a role the owner holds: `secretary` or `secretary@athens`.
        /// Repeat for several.
        #[arg(long = "scope")]
        scopes: Vec<String>,
        /// The token stops working after this many days.
        #[arg(long)]
        expires_in_days: Option<u32>,
    },
    /// List a user's tokens (names and dates, never the tokens).
    List {
        #[command(flatten)]
        server: ServerArgs,
        #[arg(long)]
        email: String,
    },
    /// Revoke a user's token by name.
    Revoke {
        #[command(flatten)]
        server: ServerArgs,
        #[arg(long)]
        email: String,
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
            let reads = tenants::public::TenantReads::from_context(&context);
            let meetings = meetings::demo::load(&context.db, reads.as_ref()).await?;
            println!("loaded {meetings} demo meetings");
            let practices = practices::demo::load(&context.db, reads.as_ref()).await?;
            println!("loaded {practices} demo practices");
            Ok(())
        }
        Command::Token { command } => token(command).await,
        Command::Backup { server, to } => {
            let context = context(&server, false).await?;
            let manifest = council::backup::backup(&context.db, &context.settings, &to).await?;
            println!(
                "backed up the {} database and {} files into {}",
                manifest.database,
                manifest.files.len(),
                to.display()
            );
            Ok(())
        }
        Command::Restore {
            server,
            from,
            replace,
        } => {
            let settings: Settings = server.settings()?;
            telemetry::init(&settings.log);
            let manifest = council::backup::restore(&settings, &from, replace).await?;
            println!(
                "restored the {} database of {} and {} files",
                manifest.database,
                manifest.created_at.to_rfc3339(),
                manifest.files.len()
            );
            Ok(())
        }
        Command::Files {
            command: FilesCommand::ToDatabase { server },
        } => {
            let context = context(&server, true).await?;
            for (service, copied) in council::files_to_database(&context).await? {
                println!(
                    "{service}: {} files copied, {} already in the database",
                    copied.copied, copied.already
                );
            }
            Ok(())
        }
        Command::Admin {
            command: AdminCommand::Create { server, email },
        } => {
            let context = context(&server, true).await?;
            let outcome = council::create_platform_admin(&context, &email)
                .await
                .map_err(|e| anyhow::anyhow!("{}", describe(e)))?;
            println!("{outcome}");
            Ok(())
        }
    }
}

fn fail(error: tenants::TenantsError) -> anyhow::Error {
    anyhow::anyhow!("{}", describe(error))
}

async fn owner(context: &Context, email: &str) -> anyhow::Result<tenants::entities::user::Model> {
    let email =
        tenants::identity::parse_email(email).map_err(|m| anyhow::anyhow!("--email: {m}"))?;
    tenants::identity::users::find_by_email(&context.db, &email)
        .await
        .map_err(fail)?
        .ok_or_else(|| anyhow::anyhow!("nobody has signed in as {email} yet"))
}

async fn token(command: TokenCommand) -> anyhow::Result<()> {
    use tenants::identity::{grants, tokens};
    match command {
        TokenCommand::Create {
            server,
            email,
            name,
            scopes,
            expires_in_days,
        } => {
            let context = context(&server, true).await?;
            let email = tenants::identity::parse_email(&email)
                .map_err(|m| anyhow::anyhow!("--email: {m}"))?;
            // The operator vouches for the address, as a provider does at sign-in: a service
            // account need never sign in, and its invitations (`admin create`) become its roles.
            let user = tenants::identity::users::find_or_create(&context.db, &email, None)
                .await
                .map_err(fail)?;
            grants::accept_invitations(&context.db, &user)
                .await
                .map_err(fail)?;
            let held = grants::active_grants(&context.db, user.id)
                .await
                .map_err(fail)?;
            let scopes = tokens::parse_scopes((!scopes.is_empty()).then_some(&scopes[..]), &held)
                .map_err(|e| fail(tenants::TenantsError::Invalid(e)))?;
            let expires = expires_in_days
                .map(|days| chrono::Utc::now() + chrono::Duration::days(i64::from(days)));
            let (_, token) =
                tokens::create(&context.db, user.id, &name, scopes.as_deref(), expires)
                    .await
                    .map_err(fail)?;
            println!("{token}");
            eprintln!(
                "Token `{name}` of {} created. Keep it safe: it is not shown again.",
                user.email
            );
            Ok(())
        }
        TokenCommand::List { server, email } => {
            let context = context(&server, true).await?;
            let user = owner(&context, &email).await?;
            for token in tokens::list(&context.db, user.id).await.map_err(fail)? {
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
        TokenCommand::Revoke {
            server,
            email,
            name,
        } => {
            let context = context(&server, true).await?;
            let user = owner(&context, &email).await?;
            if tokens::revoke_by_name(&context.db, user.id, &name)
                .await
                .map_err(fail)?
            {
                println!("token `{name}` revoked");
                Ok(())
            } else {
                anyhow::bail!("{} has no active token named `{name}`", user.email)
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
