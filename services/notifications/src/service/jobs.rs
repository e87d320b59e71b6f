//! The notifications service's jobs, in its table `notification_jobs`: the scheduling and
//! the leases are the platform's (`council_shared::jobs`).

use chrono::{DateTime, Duration, Utc};
use sea_orm::ConnectionTrait;

pub use council_shared::jobs::{JobStatus, is_due, next_run, parse_schedule};

use crate::error::Result;

/// The service's jobs table.
pub const TABLE: council_shared::jobs::JobTable =
    council_shared::jobs::JobTable("notification_jobs");

/// Takes the lease of job `name` for `length` if nobody holds it; returns when it last ran
/// (None the first time).
pub async fn take_lease(
    db: &impl ConnectionTrait,
    name: &str,
    owner: &str,
    length: Duration,
) -> Result<Option<Option<DateTime<Utc>>>> {
    Ok(TABLE.take_lease(db, name, owner, length).await?)
}

/// Records a run (at `ran_at`) and gives the lease back.
pub async fn finish(
    db: &impl ConnectionTrait,
    name: &str,
    owner: &str,
    ran_at: Option<DateTime<Utc>>,
) -> Result<()> {
    Ok(TABLE.finish(db, name, owner, ran_at).await?)
}

/// Records how a run of job `name` at `at` ended (see `JobTable::record_outcome`).
pub async fn record_outcome(
    db: &impl ConnectionTrait,
    name: &str,
    at: DateTime<Utc>,
    outcome: std::result::Result<(), String>,
) -> Result<()> {
    Ok(TABLE.record_outcome(db, name, at, outcome).await?)
}

/// The jobs `schedules` names, in that order, with what the table knows of each.
pub async fn statuses(
    db: &impl ConnectionTrait,
    schedules: &[(&str, &str)],
    now: DateTime<Utc>,
) -> Result<Vec<JobStatus>> {
    Ok(TABLE.statuses(db, schedules, now).await?)
}
