//! What the tenants service keeps only as long as it is needed (`retention` settings):
//! sessions, sign-in links and sign-in flows once they can no longer be used, invitations
//! never accepted once they expire, declined requests for access, and old audit entries.
//! A daily job, once across instances.

use chrono::{DateTime, Utc};
use council_shared::{
    jobs::{self, JobTable},
    lifecycle::Lifecycle,
    settings::{RetentionSettings, Settings},
};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
};

use crate::{
    entities::{access_request, audit_event, oidc_flow, role_grant, session, sign_in_link},
    identity::requests::DECLINED,
};

/// The service's jobs table, and its one job.
pub const JOBS: JobTable = JobTable("tenant_jobs");
pub const JOB: &str = "retention-accounts";

/// How many rows of each kind a run removed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Purged {
    pub sessions: u64,
    pub sign_in_links: u64,
    pub oidc_flows: u64,
    pub invitations: u64,
    pub access_requests: u64,
    pub audit_events: u64,
}

impl Purged {
    pub fn total(&self) -> u64 {
        self.sessions
            + self.sign_in_links
            + self.oidc_flows
            + self.invitations
            + self.access_requests
            + self.audit_events
    }
}

/// Removes what `settings` says has served its purpose at `now`.
pub async fn purge(
    db: &impl ConnectionTrait,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Result<Purged, DbErr> {
    let retention = &settings.retention;
    let idle = chrono::Duration::seconds(settings.auth.session_idle_seconds as i64);
    let sessions = session::Entity::delete_many()
        .filter(
            Condition::any()
                .add(session::Column::ExpiresAt.lt(now))
                .add(session::Column::EndedAt.is_not_null())
                .add(session::Column::LastSeenAt.lt(now - idle)),
        )
        .exec(db)
        .await?
        .rows_affected;
    let sign_in_links = sign_in_link::Entity::delete_many()
        .filter(sign_in_link::Column::ExpiresAt.lt(now))
        .exec(db)
        .await?
        .rows_affected;
    let oidc_flows = oidc_flow::Entity::delete_many()
        .filter(oidc_flow::Column::ExpiresAt.lt(now))
        .exec(db)
        .await?
        .rows_affected;
    // An invitation is a grant to an address nobody has signed in with yet.
    let invitations = role_grant::Entity::delete_many()
        .filter(role_grant::Column::UserId.is_null())
        .filter(role_grant::Column::AcceptedAt.is_null())
        .filter(role_grant::Column::InvitationExpiresAt.lt(now))
        .exec(db)
        .await?
        .rows_affected;
    let access_requests = access_request::Entity::delete_many()
        .filter(access_request::Column::State.eq(DECLINED))
        .filter(
            access_request::Column::DecidedAt.lt(RetentionSettings::cutoff(
                now,
                retention.declined_request_days,
            )),
        )
        .exec(db)
        .await?
        .rows_affected;
    let audit_events = audit_event::Entity::delete_many()
        .filter(audit_event::Column::At.lt(retention.audit_cutoff(now)))
        .exec(db)
        .await?
        .rows_affected;
    Ok(Purged {
        sessions,
        sign_in_links,
        oidc_flows,
        invitations,
        access_requests,
        audit_events,
    })
}

/// Starts the retention job (unless `notifications.run_workers` is off: an instance that
/// runs no background work runs none of it).
pub fn start(db: DatabaseConnection, settings: &Settings, lifecycle: &Lifecycle) {
    if !settings.notifications.run_workers {
        return;
    }
    let settings = settings.clone();
    let schedule = settings.retention.schedule.clone();
    jobs::spawn(lifecycle, (db.clone(), JOBS), JOB, schedule, move || {
        let db = db.clone();
        let settings = settings.clone();
        async move {
            let purged = purge(&db, &settings, Utc::now()).await?;
            if purged.total() > 0 {
                tracing::info!(?purged, "expired account data removed");
            }
            Ok::<_, DbErr>(purged.total())
        }
    });
}
