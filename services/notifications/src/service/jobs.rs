//! Scheduled jobs with leases in the database: a job runs when its cron schedule has a time
//! between its last run and now (so a run missed while every instance was down happens when
//! one comes back), and only the instance that takes the lease runs it (so several
//! instances on one database run it once).

use chrono::{DateTime, Duration, FixedOffset, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    prelude::Expr, sea_query::OnConflict,
};

use crate::{entities::job, error::Result};

/// A cron schedule (with seconds) read in a fixed offset (Athens time for digests).
pub fn parse_schedule(expression: &str) -> Result<cron::Schedule, String> {
    expression
        .parse::<cron::Schedule>()
        .map_err(|e| format!("`{expression}` is not a cron expression with seconds ({e})"))
}

/// Whether the schedule has a time in `(since, now]`, read in `offset`.
pub fn is_due(
    schedule: &cron::Schedule,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> bool {
    schedule
        .after(&since.with_timezone(&offset))
        .next()
        .is_some_and(|next| next.with_timezone(&Utc) <= now)
}

/// Takes the lease of job `name` for `length` if nobody holds it; returns when it last ran
/// (None the first time).
pub async fn take_lease(
    db: &impl ConnectionTrait,
    name: &str,
    owner: &str,
    length: Duration,
) -> Result<Option<Option<DateTime<Utc>>>> {
    let now = Utc::now();
    job::Entity::insert(job::ActiveModel {
        name: Set(name.into()),
        last_run_at: Set(None),
        lease_owner: Set(None),
        lease_until: Set(None),
        last_failed_at: Set(None),
        last_error: Set(None),
    })
    .on_conflict(
        OnConflict::column(job::Column::Name)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    let taken = job::Entity::update_many()
        .col_expr(job::Column::LeaseOwner, Expr::value(owner))
        .col_expr(job::Column::LeaseUntil, Expr::value(now + length))
        .filter(job::Column::Name.eq(name))
        .filter(
            Condition::any()
                .add(job::Column::LeaseUntil.is_null())
                .add(job::Column::LeaseUntil.lt(now)),
        )
        .exec(db)
        .await?
        .rows_affected;
    if taken == 0 {
        return Ok(None);
    }
    let row = job::Entity::find_by_id(name).one(db).await?;
    Ok(Some(row.and_then(|r| r.last_run_at)))
}

/// Records a run (at `ran_at`) and gives the lease back.
pub async fn finish(
    db: &impl ConnectionTrait,
    name: &str,
    owner: &str,
    ran_at: Option<DateTime<Utc>>,
) -> Result<()> {
    let mut update = job::Entity::update_many()
        .col_expr(job::Column::LeaseOwner, Expr::value(Option::<String>::None))
        .col_expr(
            job::Column::LeaseUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        );
    if let Some(at) = ran_at {
        update = update.col_expr(job::Column::LastRunAt, Expr::value(at));
    }
    update
        .filter(job::Column::Name.eq(name))
        .filter(job::Column::LeaseOwner.eq(owner))
        .exec(db)
        .await?;
    Ok(())
}

/// Records how a run of job `name` at `at` ended: a good run as its last run, a failure
/// with its error (both kept apart, so a failure stays visible after later good runs).
pub async fn record_outcome(
    db: &impl ConnectionTrait,
    name: &str,
    at: DateTime<Utc>,
    outcome: std::result::Result<(), String>,
) -> Result<()> {
    let (row, columns) = match outcome {
        Ok(()) => (
            job::ActiveModel {
                name: Set(name.into()),
                last_run_at: Set(Some(at)),
                ..Default::default()
            },
            vec![job::Column::LastRunAt],
        ),
        Err(error) => (
            job::ActiveModel {
                name: Set(name.into()),
                last_failed_at: Set(Some(at)),
                // Enough to say why; the server's log has the rest.
                last_error: Set(Some(error.chars().take(2000).collect())),
                ..Default::default()
            },
            vec![job::Column::LastFailedAt, job::Column::LastError],
        ),
    };
    job::Entity::insert(row)
        .on_conflict(
            OnConflict::column(job::Column::Name)
                .update_columns(columns)
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// A job as the platform's operators see it.
#[derive(Debug, Clone)]
pub struct JobStatus {
    pub name: String,
    pub schedule: String,
    pub last_run_at: Option<DateTime<Utc>>,
    /// When it runs next: the schedule's next time after its last run, or now when that
    /// time has passed (a run missed, never run, or failed: the scheduler tries at once).
    pub next_run_at: Option<DateTime<Utc>>,
    pub last_failed_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
}

/// The jobs `schedules` names (name, cron expression), in that order, with what the table
/// knows of each.
pub async fn statuses(
    db: &impl ConnectionTrait,
    schedules: &[(&str, &str)],
    now: DateTime<Utc>,
) -> Result<Vec<JobStatus>> {
    let rows = job::Entity::find().all(db).await?;
    Ok(schedules
        .iter()
        .map(|(name, expression)| {
            let row = rows.iter().find(|r| r.name == *name);
            let last_run_at = row.and_then(|r| r.last_run_at);
            JobStatus {
                name: name.to_string(),
                schedule: expression.to_string(),
                last_run_at,
                next_run_at: parse_schedule(expression)
                    .ok()
                    .map(|schedule| next_run(&schedule, last_run_at, now)),
                last_failed_at: row.and_then(|r| r.last_failed_at),
                last_error: row.and_then(|r| r.last_error.clone()),
            }
        })
        .collect())
}

/// The next time the scheduler runs a job last run at `last` (read as `is_due` reads it).
pub fn next_run(
    schedule: &cron::Schedule,
    last: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let Some(last) = last else { return now };
    let offset = council_shared::athens::offset_at(now);
    schedule
        .after(&last.with_timezone(&offset))
        .next()
        .map_or(now, |next| next.with_timezone(&Utc).max(now))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_run_missed_while_down_is_due_when_an_instance_returns() {
        let monday_eight = parse_schedule("0 0 8 * * Mon").unwrap();
        let athens = FixedOffset::east_opt(2 * 3600).unwrap();
        // Last run on Monday 2026-11-16 08:00 Athens; down until Tuesday 2026-11-24.
        let last = Utc.with_ymd_and_hms(2026, 11, 16, 6, 0, 0).unwrap();
        let sunday = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        let tuesday = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        assert!(!is_due(&monday_eight, last, sunday, athens));
        assert!(is_due(&monday_eight, last, tuesday, athens));
        assert!(parse_schedule("every monday").is_err());
    }

    #[test]
    fn the_next_run_follows_the_last_one_or_is_now_when_missed() {
        let hourly = parse_schedule("0 0 * * * *").unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 20, 0).unwrap();
        let last = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let ten = Utc.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap();
        assert_eq!(next_run(&hourly, Some(last), now), ten);
        let long_ago = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
        assert_eq!(next_run(&hourly, Some(long_ago), now), now);
        assert_eq!(next_run(&hourly, None, now), now);
    }
}
