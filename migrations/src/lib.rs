//! The schema of every service. Each service owns its own tables (named in each migration's
//! header) and no service reads another's. Landed migrations are never edited: a change is a
//! new migration.

use std::time::Duration;

use anyhow::Context;
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbBackend};
use sea_orm_migration::prelude::*;

mod m20261122_000001_tenants;
mod m20261122_000002_councils;
mod m20261122_000003_api_tokens;
mod m20261122_000004_identity;
mod m20261123_000005_meetings;
mod m20261124_000006_practices;
mod m20261125_000007_practice_files;
mod m20261126_000008_notifications;
mod m20261201_000009_notification_meetings;
mod m20261202_000010_meeting_views;
mod m20261202_000011_job_failures;
mod m20261202_000014_key_figure_unit_source;
mod m20261202_000015_access_requests;
mod m20261202_000016_president_while_in_office;
mod m20261202_000017_mail_bounces;
mod m20261202_000018_shared_bodies;
mod m20261203_000019_stored_files;
mod m20261203_000020_subscription_consent;
mod m20261204_000021_service_jobs;
mod m20261204_000022_data_protection_officer;
mod m20261204_000023_delivery_queue_indexes;
mod m20261204_000024_meeting_jobs;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_tenants::Migration),
            Box::new(m20261122_000002_councils::Migration),
            Box::new(m20261122_000003_api_tokens::Migration),
            Box::new(m20261122_000004_identity::Migration),
            Box::new(m20261123_000005_meetings::Migration),
            Box::new(m20261124_000006_practices::Migration),
            Box::new(m20261125_000007_practice_files::Migration),
            Box::new(m20261126_000008_notifications::Migration),
            Box::new(m20261201_000009_notification_meetings::Migration),
            Box::new(m20261202_000010_meeting_views::Migration),
            Box::new(m20261202_000014_key_figure_unit_source::Migration),
            Box::new(m20261202_000015_access_requests::Migration),
            Box::new(m20261202_000016_president_while_in_office::Migration),
            Box::new(m20261202_000011_job_failures::Migration),
            Box::new(m20261202_000017_mail_bounces::Migration),
            Box::new(m20261202_000018_shared_bodies::Migration),
            Box::new(m20261203_000019_stored_files::Migration),
            Box::new(m20261203_000020_subscription_consent::Migration),
            Box::new(m20261204_000021_service_jobs::Migration),
            Box::new(m20261204_000022_data_protection_officer::Migration),
            Box::new(m20261204_000023_delivery_queue_indexes::Migration),
            Box::new(m20261204_000024_meeting_jobs::Migration),
        ]
    }
}

/// Arbitrary constant naming the platform's migration lock in PostgreSQL.
const MIGRATION_LOCK_KEY: i64 = 0x5E3F_C0DE;

/// Applies pending migrations. On PostgreSQL several instances may start at once behind a
/// load balancer: they take an advisory lock on one dedicated connection, so only one
/// migrates and the others wait, then find nothing to do.
pub async fn apply(db: &DatabaseConnection, url: &str) -> anyhow::Result<()> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Migrator::up(db, None).await.context("migration failed");
    }
    let mut options = ConnectOptions::new(url.to_string());
    options
        .max_connections(1)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(60))
        .sqlx_logging(false);
    let single = Database::connect(options)
        .await
        .context("cannot open a connection for migrations")?;
    single
        .execute_unprepared(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})"))
        .await
        .context("cannot take the migration lock")?;
    let result = Migrator::up(&single, None).await;
    let unlock = single
        .execute_unprepared(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})"))
        .await;
    let _ = single.close().await;
    result.context("migration failed")?;
    unlock.context("cannot release the migration lock")?;
    Ok(())
}
