//! The background jobs, for the platform's operators: reading the other services' events,
//! expiring unconfirmed subscriptions, digests, members' reminders and every service's
//! retention job, each with its schedule, its last good run, its next run and its last
//! failure (when and why), as the API's `/platform/jobs` gives the notifications' ones.

use std::sync::Arc;

use council_shared::jobs::JobStatus;
use poem::{Request, Response, handler, web::Data};
use serde::Serialize;

use super::operator;
use crate::{
    WebState,
    meeting_views::{When, when},
    workspace::{failed, show},
};

#[derive(Serialize)]
struct Job {
    name: String,
    what: String,
    schedule: String,
    last_run: Option<When>,
    next_run: Option<When>,
    /// The next run is due now (missed, never run, or retried after a failure).
    due_now: bool,
    last_failed: Option<When>,
    last_error: Option<String>,
    /// Its last run failed: no good run since.
    failing: bool,
}

#[derive(Serialize)]
struct JobsPage {
    lang: &'static str,
    jobs: Vec<Job>,
}

#[handler]
pub async fn jobs_page(req: &Request, state: Data<&Arc<WebState>>) -> Response {
    let (context, principal) = match operator(&state, req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let mut found: Vec<JobStatus> = match state.notifications.job_statuses(&principal).await {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    // The other services' retention jobs, each in its own service's table.
    let schedule = state.legal.retention.schedule.as_str();
    let purge = council_shared::files::purge_job;
    let others = futures_util::future::try_join_all([
        tenants::retention::JOBS.status(state.accounts.db(), tenants::retention::JOB, schedule),
        practices::retention::JOBS.status(&state.practices.db, practices::retention::JOB, schedule),
        practices::retention::JOBS.status(&state.practices.db, purge("practices"), schedule),
        meetings::jobs::JOBS.status(&state.meetings.db, purge("meetings"), schedule),
    ])
    .await;
    match others {
        Ok(statuses) => found.extend(statuses),
        Err(error) => {
            return failed(&state, &context, anyhow::Error::from(error).into());
        }
    }
    let now = chrono::Utc::now();
    let t = |key: &str| state.renderer.text(lang, key);
    let jobs = found
        .into_iter()
        .map(|j| Job {
            name: t(&format!("platform-job-{}", j.name)),
            what: t(&format!("platform-job-{}-hint", j.name)),
            schedule: j.schedule,
            last_run: j.last_run_at.map(when),
            // Within a second of now is "now": the page was made as it came due.
            due_now: j
                .next_run_at
                .is_some_and(|at| at <= now + chrono::Duration::seconds(1)),
            next_run: j.next_run_at.map(when),
            failing: j
                .last_failed_at
                .is_some_and(|failed| j.last_run_at.is_none_or(|ran| failed > ran)),
            last_failed: j.last_failed_at.map(when),
            last_error: j.last_error,
        })
        .collect();
    let view = JobsPage {
        lang: lang.code(),
        jobs,
    };
    let title = t("platform-jobs");
    show(
        &state,
        req,
        &context,
        ("workspace_platform_jobs", &title),
        &view,
        poem::http::StatusCode::OK,
    )
}
