//! Scheduled jobs with leases in the database: a job runs when its cron schedule has a time
//! between its last run and now (so a run missed while every instance was down happens when
//! one comes back), and only the instance that takes the lease runs it (so several
//! instances on one database run it once). Each service keeps its jobs in a table of its
//! own (`{service}_jobs`: name, last_run_at, lease_owner, lease_until, last_failed_at,
//! last_error).

use std::collections::HashMap;

use chrono::{DateTime, Duration, FixedOffset, Utc};
use sea_orm::{
    ConnectionTrait, DatabaseBackend, DatabaseConnection, DbErr, QueryResult,
    sea_query::{Alias, Expr, ExprTrait, OnConflict, Query, SimpleExpr},
};

use crate::athens;

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

/// The next time the scheduler runs a job last run at `last` (read as `is_due` reads it).
pub fn next_run(
    schedule: &cron::Schedule,
    last: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let Some(last) = last else { return now };
    let offset = athens::offset_at(now);
    schedule
        .after(&last.with_timezone(&offset))
        .next()
        .map_or(now, |next| Ord::max(next.with_timezone(&Utc), now))
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

/// A job's row.
#[derive(Debug, Clone, Default)]
pub struct JobRow {
    pub name: String,
    pub last_run_at: Option<DateTime<Utc>>,
    pub lease_until: Option<DateTime<Utc>>,
    pub last_failed_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
}

impl JobRow {
    fn from_row(row: &QueryResult) -> Result<Self, DbErr> {
        Ok(Self {
            name: row.try_get("", "name")?,
            last_run_at: row.try_get("", "last_run_at")?,
            lease_until: row.try_get("", "lease_until")?,
            last_failed_at: row.try_get("", "last_failed_at")?,
            last_error: row.try_get("", "last_error")?,
        })
    }
}

/// The jobs table of one service.
#[derive(Debug, Clone, Copy)]
pub struct JobTable(pub &'static str);

fn col(name: &str) -> Alias {
    Alias::new(name)
}

impl JobTable {
    fn table(&self) -> Alias {
        Alias::new(self.0)
    }

    /// A query of the jobs' rows.
    fn select(&self) -> sea_orm::sea_query::SelectStatement {
        Query::select()
            .columns(
                [
                    "name",
                    "last_run_at",
                    "lease_until",
                    "last_failed_at",
                    "last_error",
                ]
                .map(col),
            )
            .from(self.table())
            .to_owned()
    }

    /// Every job's row.
    pub async fn rows(&self, db: &impl ConnectionTrait) -> Result<Vec<JobRow>, DbErr> {
        let query = self.select();
        db.query_all(&query)
            .await?
            .iter()
            .map(JobRow::from_row)
            .collect()
    }

    /// Job `name`'s row, if it has run or been leased.
    pub async fn row(
        &self,
        db: &impl ConnectionTrait,
        name: &str,
    ) -> Result<Option<JobRow>, DbErr> {
        let query = self
            .select()
            .and_where(Expr::col(col("name")).eq(name))
            .to_owned();
        db.query_one(&query)
            .await?
            .map(|row| JobRow::from_row(&row))
            .transpose()
    }

    /// Adds job `name`'s row unless there is one.
    async fn ensure(&self, db: &impl ConnectionTrait, name: &str) -> Result<(), DbErr> {
        let insert = Query::insert()
            .into_table(self.table())
            .columns([col("name")])
            .values_panic([name.into()])
            .on_conflict(OnConflict::column(col("name")).do_nothing().to_owned())
            .to_owned();
        db.execute(&insert).await?;
        Ok(())
    }

    /// Takes the lease of job `name` for `length` if nobody holds it; returns when it last
    /// ran (None the first time).
    pub async fn take_lease(
        &self,
        db: &impl ConnectionTrait,
        name: &str,
        owner: &str,
        length: Duration,
    ) -> Result<Option<Option<DateTime<Utc>>>, DbErr> {
        let now = Utc::now();
        self.ensure(db, name).await?;
        let update = Query::update()
            .table(self.table())
            .value(col("lease_owner"), owner)
            .value(col("lease_until"), now + length)
            .and_where(Expr::col(col("name")).eq(name))
            .cond_where(
                Expr::col(col("lease_until"))
                    .is_null()
                    .or(Expr::col(col("lease_until")).lt(now)),
            )
            .to_owned();
        let taken = db.execute(&update).await?.rows_affected();
        if taken == 0 {
            return Ok(None);
        }
        Ok(Some(self.row(db, name).await?.and_then(|r| r.last_run_at)))
    }

    /// Records a run (at `ran_at`) and gives the lease back.
    pub async fn finish(
        &self,
        db: &impl ConnectionTrait,
        name: &str,
        owner: &str,
        ran_at: Option<DateTime<Utc>>,
    ) -> Result<(), DbErr> {
        let mut update = Query::update();
        update
            .table(self.table())
            .value(col("lease_owner"), Option::<String>::None)
            .value(col("lease_until"), Option::<DateTime<Utc>>::None)
            .and_where(Expr::col(col("name")).eq(name))
            .and_where(Expr::col(col("lease_owner")).eq(owner));
        if let Some(at) = ran_at {
            update.value(col("last_run_at"), at);
        }
        db.execute(&update).await?;
        Ok(())
    }

    /// Records how a run of job `name` at `at` ended: a good run as its last run, a
    /// failure with its error (both kept apart, so a failure stays visible after later
    /// good runs).
    pub async fn record_outcome(
        &self,
        db: &impl ConnectionTrait,
        name: &str,
        at: DateTime<Utc>,
        outcome: Result<(), String>,
    ) -> Result<(), DbErr> {
        self.ensure(db, name).await?;
        let values: Vec<(Alias, SimpleExpr)> = match outcome {
            Ok(()) => vec![(col("last_run_at"), at.into())],
            Err(error) => vec![
                (col("last_failed_at"), at.into()),
                // Enough to say why; the server's log has the rest.
                (
                    col("last_error"),
                    error.chars().take(2000).collect::<String>().into(),
                ),
            ],
        };
        let update = Query::update()
            .table(self.table())
            .values(values)
            .and_where(Expr::col(col("name")).eq(name))
            .to_owned();
        db.execute(&update).await?;
        Ok(())
    }

    /// The jobs `schedules` names (name, cron expression), in that order, with what the
    /// table knows of each.
    pub async fn statuses(
        &self,
        db: &impl ConnectionTrait,
        schedules: &[(&str, &str)],
        now: DateTime<Utc>,
    ) -> Result<Vec<JobStatus>, DbErr> {
        let rows = self.rows(db).await?;
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
}

impl JobTable {
    /// Job `name` on `schedule` as the operators' page shows it.
    pub async fn status(
        &self,
        db: &impl ConnectionTrait,
        name: &str,
        schedule: &str,
    ) -> Result<JobStatus, DbErr> {
        let found = self.statuses(db, &[(name, schedule)], Utc::now()).await?;
        Ok(found.into_iter().next().expect("one job asked for"))
    }
}

/// Runs one service's jobs: each when its schedule comes round, on one instance.
pub struct Scheduler {
    db: DatabaseConnection,
    table: JobTable,
    /// This instance, as the leases name it.
    owner: String,
    /// On SQLite, when each job last ran (see `run_job`).
    last_runs: tokio::sync::Mutex<HashMap<String, DateTime<Utc>>>,
}

impl Scheduler {
    pub fn new(db: DatabaseConnection, table: JobTable, owner: String) -> Self {
        Self {
            db,
            table,
            owner,
            last_runs: Default::default(),
        }
    }

    pub fn table(&self) -> JobTable {
        self.table
    }

    /// Runs job `name` if its schedule has come round since its last run and this instance
    /// takes the lease. The job says how many things it did, or why it failed.
    pub async fn run_job<F, Fut, E>(&self, name: &str, schedule: &str, job: F)
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<u64, E>>,
        E: std::fmt::Debug + std::fmt::Display,
    {
        let Ok(schedule) = parse_schedule(schedule) else {
            tracing::error!(job = name, "the job's schedule is not a cron expression");
            return;
        };
        // SQLite is the embedded, single-instance setup: there is nobody to share the job
        // with, and each lease write would compete with the services' own transactions.
        if self.db.get_database_backend() == DatabaseBackend::Sqlite {
            let mut last_runs = self.last_runs.lock().await;
            let now = Utc::now();
            let due = last_runs
                .get(name)
                .is_none_or(|since| is_due(&schedule, *since, now, athens::offset_at(now)));
            if due {
                let outcome = match job().await {
                    Ok(count) => {
                        tracing::debug!(job = name, count, "job ran");
                        Ok(())
                    }
                    Err(error) => {
                        tracing::error!(job = name, error = ?error, "job failed");
                        Err(error.to_string())
                    }
                };
                last_runs.insert(name.to_string(), now);
                // One write per run (not per tick), for the operators' page.
                self.record(name, now, outcome).await;
            }
            return;
        }
        // A read first: most ticks find the job not due, and write nothing.
        let now = Utc::now();
        match self.table.row(&self.db, name).await {
            Ok(Some(row)) => {
                let held = row.lease_until.is_some_and(|until| until > now);
                let not_due = row
                    .last_run_at
                    .is_some_and(|since| !is_due(&schedule, since, now, athens::offset_at(now)));
                if held || not_due {
                    return;
                }
            }
            Ok(None) => {}
            Err(error) => {
                tracing::error!(job = name, error = ?error, "cannot read the job");
                return;
            }
        }
        let lease = Duration::minutes(10);
        let last = match self
            .table
            .take_lease(&self.db, name, &self.owner, lease)
            .await
        {
            Ok(Some(last)) => last,
            Ok(None) => return,
            Err(error) => {
                tracing::error!(job = name, error = ?error, "cannot take the job's lease");
                return;
            }
        };
        let now = Utc::now();
        let due = last.is_none_or(|since| is_due(&schedule, since, now, athens::offset_at(now)));
        let ran_at = if due {
            match job().await {
                Ok(count) => {
                    tracing::debug!(job = name, count, "job ran");
                    // A failure is counted where it is recorded (`record`).
                    metrics::counter!("council_job_runs_total", "job" => name.to_string(), "outcome" => "ok")
                        .increment(1);
                    Some(now)
                }
                Err(error) => {
                    tracing::error!(job = name, error = ?error, "job failed");
                    self.record(name, now, Err(error.to_string())).await;
                    None
                }
            }
        } else {
            None
        };
        if let Err(error) = self.table.finish(&self.db, name, &self.owner, ran_at).await {
            tracing::error!(job = name, error = ?error, "cannot give the job's lease back");
        }
    }

    /// Keeps how a run ended where the operators' page reads it; a failure to write it is
    /// logged, and the job goes on.
    async fn record(&self, name: &str, at: DateTime<Utc>, outcome: Result<(), String>) {
        let result = if outcome.is_ok() { "ok" } else { "failed" };
        metrics::counter!("council_job_runs_total", "job" => name.to_string(), "outcome" => result)
            .increment(1);
        if let Err(error) = self.table.record_outcome(&self.db, name, at, outcome).await {
            tracing::error!(job = name, error = ?error, "cannot record the job's run");
        }
    }
}

/// Runs `job` (named `name`, leased in `table`) on `schedule` until `lifecycle` says stop:
/// the background of a service with one job. Looks once a second; on PostgreSQL a look is
/// one read of the job's row.
pub fn spawn<F, Fut, E>(
    lifecycle: &crate::lifecycle::Lifecycle,
    (db, table): (DatabaseConnection, JobTable),
    name: &'static str,
    schedule: String,
    job: F,
) where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<u64, E>> + Send,
    E: std::fmt::Debug + std::fmt::Display + Send,
{
    let scheduler = Scheduler::new(db, table, instance_owner());
    let stop = lifecycle.clone();
    lifecycle.track(tokio::spawn(async move {
        while !stop.is_stopping() {
            scheduler.run_job(name, &schedule, &job).await;
            tokio::select! {
                _ = tokio::time::sleep(std::time::Duration::from_secs(1)) => {}
                _ = stop.stopping() => {}
            }
        }
    }));
}

/// A name for the leases this instance takes: random, so two instances in one process (as
/// in the tests) are two owners.
pub fn instance_owner() -> String {
    uuid::Uuid::new_v4().simple().to_string()
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
