//! The meetings service's background jobs, each run once across instances by a lease in the
//! service's own jobs table: for now one, removing the uploads an instance left
//! uncommitted when it stopped mid-upload (`council_shared::files::start_purge`).

use council_shared::{Settings, jobs::JobTable, lifecycle::Lifecycle};
use sea_orm::DatabaseConnection;

/// The service's jobs table.
pub const JOBS: JobTable = JobTable("meeting_jobs");

/// Starts the service's jobs (none where `notifications.run_workers` is off).
pub fn start(
    db: DatabaseConnection,
    settings: &Settings,
    lifecycle: &Lifecycle,
) -> anyhow::Result<()> {
    council_shared::files::start_purge(db, JOBS, "meetings", settings, lifecycle)
}
