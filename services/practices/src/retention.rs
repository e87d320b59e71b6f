//! What the practices service keeps only as long as it is needed (`retention` settings):
//! the address of whoever sent feedback on a practice, once a moderator has dealt with it
//! and `feedback_address_days` have passed (the feedback itself is the community's and
//! stays). A daily job, once across instances; beside it, on the same schedule, the job
//! removing uploads left uncommitted.

use chrono::{DateTime, Utc};
use council_shared::{
    jobs::{self, JobTable},
    lifecycle::Lifecycle,
    settings::{RetentionSettings, Settings},
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
    prelude::Expr,
};

use crate::entities::feedback;

/// The service's jobs table, and its one job.
pub const JOBS: JobTable = JobTable("practice_jobs");
pub const JOB: &str = "retention-feedback";

/// Clears the senders' addresses of feedback moderated long enough before `now`; says how
/// many.
pub async fn purge(
    db: &impl ConnectionTrait,
    settings: &RetentionSettings,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    Ok(feedback::Entity::update_many()
        .col_expr(feedback::Column::Email, Expr::value(""))
        .filter(feedback::Column::Email.ne(""))
        .filter(feedback::Column::ModeratedAt.lt(RetentionSettings::cutoff(
            now,
            settings.feedback_address_days,
        )))
        .exec(db)
        .await?
        .rows_affected)
}

/// Starts the retention job, and the one removing abandoned uploads
/// (`council_shared::files::start_purge`); neither where `notifications.run_workers` is
/// off (an instance that runs no background work runs none of it).
pub fn start(
    db: DatabaseConnection,
    settings: &Settings,
    lifecycle: &Lifecycle,
) -> anyhow::Result<()> {
    if !settings.notifications.run_workers {
        return Ok(());
    }
    council_shared::files::start_purge(db.clone(), JOBS, "practices", settings, lifecycle)?;
    let retention = settings.retention.clone();
    let schedule = retention.schedule.clone();
    jobs::spawn(lifecycle, (db.clone(), JOBS), JOB, schedule, move || {
        let db = db.clone();
        let retention = retention.clone();
        async move {
            let cleared = purge(&db, &retention, Utc::now()).await?;
            if cleared > 0 {
                tracing::info!(cleared, "feedback senders' addresses removed");
            }
            Ok::<_, DbErr>(cleared)
        }
    });
    Ok(())
}
