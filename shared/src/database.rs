//! One database connection, chosen by URL scheme: SQLite (the embedded default) or PostgreSQL.

use std::time::Duration;

use anyhow::{Context, bail};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};

use crate::settings::Settings;

/// Opens the pool. SQLite is tuned for a server: WAL so readers never wait for the writer,
/// foreign keys on (SQLite leaves them off by default), and a busy timeout so concurrent
/// writers queue instead of failing with "database is locked".
pub async fn connect(settings: &Settings) -> anyhow::Result<DatabaseConnection> {
    let url = settings.database_url();
    let mut options = ConnectOptions::new(url.clone());
    options
        .max_connections(settings.database.max_connections)
        .min_connections(
            settings
                .database
                .min_connections
                .min(settings.database.max_connections),
        )
        .acquire_timeout(Duration::from_secs(
            settings.database.acquire_timeout_seconds,
        ))
        .sqlx_logging(false);

    if url.starts_with("sqlite:") {
        std::fs::create_dir_all(&settings.data_dir).with_context(|| {
            format!("cannot create data folder {}", settings.data_dir.display())
        })?;
        options.map_sqlx_sqlite_opts(|opts| {
            opts.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
                .create_if_missing(true)
        });
    } else if !(url.starts_with("postgres:") || url.starts_with("postgresql:")) {
        bail!("unsupported database URL scheme: use sqlite:// or postgres://");
    }

    let db = Database::connect(options)
        .await
        .context("cannot connect to the database")?;
    Ok(db)
}

/// Begins a transaction that writes. On SQLite it is `BEGIN IMMEDIATE`: it takes the write
/// lock at once, waiting for it up to the busy timeout. A deferred transaction that reads
/// first cannot become a writer once another writer has committed after its read (WAL
/// keeps its stale snapshot), and fails at once with "database is locked" whatever the
/// timeout; with the notifications jobs writing every few seconds beside the services'
/// read-then-write transactions, that turned into 500s. PostgreSQL ignores the mode.
pub async fn begin_write<C: TransactionTrait>(db: &C) -> Result<C::Transaction, sea_orm::DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}

/// Readiness: the database answers a trivial query.
pub async fn ping(db: &DatabaseConnection) -> anyhow::Result<()> {
    db.execute_unprepared("SELECT 1")
        .await
        .context("database did not answer")?;
    Ok(())
}

/// Whether a database error is a unique-constraint violation, so it can become a 409.
pub fn is_unique_violation(error: &sea_orm::DbErr) -> bool {
    matches!(
        error.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}
