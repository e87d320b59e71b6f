//! The fan-out benchmark (`infra/bench/notifications.sh`): how many notices a second the
//! platform hands to a local SMTP server, from one event to the last delivery marked sent;
//! the script measures Postfix's `smtp-source` against the same `smtp-sink` beside it. A
//! second mode only queues, to time the fan-out of a large municipality and read the
//! process's peak memory. It measures; it does not assert.
//!
//! The municipality is what the notifications service knows of one: an id (no foreign key
//! into the tenants service) and the roster its directory answers with. The subscribers are
//! written in bulk; from the fan-out on, everything is the real path: `fan_out` in a
//! transaction, then the workers' `send_due` through the platform's mailer.

use std::{sync::Arc, time::Instant};

use anyhow::{Context as _, bail};
use chrono::Utc;
use council_shared::{
    Settings,
    app::Context,
    council::{CouncilDirectory, CouncilRoster},
    tenant::{TenantRef, TenantSlug},
};
use futures_util::future::BoxFuture;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};

use crate::{
    Notifications,
    domain::Topic,
    entities::{delivery, subscriber},
    runtime::mail_of,
    service::{fanout::Notice, subscriptions::new_token},
};

/// What one run measured.
pub struct Measured {
    pub count: usize,
    /// From the start of the fan-out to the last delivery marked sent (0 when only queued).
    pub platform_seconds: f64,
    /// Of which queueing the deliveries (rendering and writing them, one transaction).
    pub fan_out_seconds: f64,
    /// One notice as the SMTP server receives it, headers and encoded parts.
    pub message_bytes: usize,
    /// The process's resident memory after writing the subscribers, and at its peak
    /// (after the fan-out and sending), in KiB.
    pub rss_before_kib: u64,
    pub rss_peak_kib: u64,
}

impl Measured {
    /// One line the script reads: `key=value` pairs.
    pub fn line(&self) -> String {
        format!(
            "count={} seconds={:.3} fan_out_seconds={:.3} message_bytes={} rss_before_kib={} \
             rss_peak_kib={}",
            self.count,
            self.platform_seconds,
            self.fan_out_seconds,
            self.message_bytes,
            self.rss_before_kib,
            self.rss_peak_kib,
        )
    }
}

/// A line of `/proc/self/status` in KiB (`VmRSS`, `VmHWM`); 0 where there is none.
fn status_kib(name: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
                .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// The one municipality, as the tenants service's directory would answer.
struct OneMunicipality(CouncilRoster);

impl CouncilDirectory for OneMunicipality {
    fn roster<'a>(
        &'a self,
        slug: &'a TenantSlug,
    ) -> BoxFuture<'a, anyhow::Result<Option<CouncilRoster>>> {
        let found = (self.0.tenant.slug == *slug).then(|| self.0.clone());
        Box::pin(async move { Ok(found) })
    }

    fn all(&self) -> BoxFuture<'_, anyhow::Result<Vec<CouncilRoster>>> {
        Box::pin(async move { Ok(vec![self.0.clone()]) })
    }

    fn account_email(&self, _user_id: i64) -> BoxFuture<'_, anyhow::Result<Option<String>>> {
        Box::pin(async move { Ok(None) })
    }

    fn moderator_emails(
        &self,
        _tenant_id: Option<i64>,
    ) -> BoxFuture<'_, anyhow::Result<Vec<String>>> {
        Box::pin(async move { Ok(Vec::new()) })
    }

    /// The benchmark measures residents' notices: its council has nobody to address.
    fn contacts<'a>(
        &'a self,
        _slug: &'a TenantSlug,
    ) -> BoxFuture<'a, anyhow::Result<Vec<council_shared::council::MemberContact>>> {
        Box::pin(async move { Ok(Vec::new()) })
    }
}

fn municipality() -> anyhow::Result<CouncilRoster> {
    let now = Utc::now();
    Ok(CouncilRoster {
        tenant: TenantRef {
            id: 1,
            slug: TenantSlug::parse("bench").map_err(anyhow::Error::msg)?,
            name_el: "Δήμος Μετρήσεων".into(),
            name_en: "Benchmark Municipality".into(),
            active: true,
        },
        council_name_el: "ΣΕΜΠ Δήμου Μετρήσεων".into(),
        council_name_en: "Migrant Integration Council".into(),
        term_start: None,
        term_end: None,
        created_at: now,
        updated_at: now,
        members: Vec::new(),
    })
}

/// `count` confirmed subscribers to the municipality's meetings, written in batches.
async fn subscribe(
    db: &sea_orm::DatabaseConnection,
    tenant_id: i64,
    count: usize,
) -> anyhow::Result<()> {
    let now = Utc::now();
    let txn = db.begin().await?;
    for first in (0..count).step_by(500) {
        let rows = (first..count.min(first + 500)).map(|n| subscriber::ActiveModel {
            tenant_id: Set(tenant_id),
            email: Set(format!("resident{n}@example.org")),
            // A few read English, as in a real municipality.
            language: Set(if n % 5 == 0 { "en" } else { "el" }.into()),
            topics: Set(Topic::Meetings.as_str().into()),
            cadence: Set("immediate".into()),
            state: Set("active".into()),
            token: Set(new_token()),
            expires_at: Set(None),
            confirmed_at: Set(Some(now)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        });
        subscriber::Entity::insert_many(rows)
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(())
}

fn notice(roster: &CouncilRoster, base_url: &str) -> Notice {
    Notice {
        tenant_id: roster.tenant.id,
        topic: Topic::Meetings,
        kind: "convened",
        title_el: "Τακτική συνεδρίαση του ΣΕΜΠ".into(),
        title_en: "Regular meeting of the council".into(),
        when: Some(Utc::now() + chrono::Duration::days(7)),
        reason: None,
        agenda: vec![
            "Πρόγραμμα εκμάθησης ελληνικών για ενήλικες".into(),
            "Συνεργασία με τα σχολεία της πόλης".into(),
            "Ενημέρωση για το κέντρο ένταξης μεταναστών".into(),
        ],
        decisions: Vec::new(),
        link: format!("{base_url}/municipalities/bench/meetings/1"),
        key: format!("bench:{}", Utc::now().timestamp_micros()),
    }
}

/// The platform's path: one notice fanned out to `count` subscribers and, unless
/// `queue_only`, sent by the workers, `notifications.workers` at a time.
pub async fn run(settings: Settings, count: usize, queue_only: bool) -> anyhow::Result<Measured> {
    let context = Context::build(settings).await?;
    let db = &context.db;
    if subscriber::Entity::find().count(db).await? > 0 {
        bail!("the benchmark needs an empty database: it found subscribers");
    }
    let roster = municipality()?;
    let base_url = "https://semp.example.gr".to_string();
    let core = Notifications::new(
        db.clone(),
        context.mailer.clone(),
        &context.settings,
        Arc::new(OneMunicipality(roster.clone())),
        None,
        base_url.clone(),
    )?;
    subscribe(db, roster.tenant.id, count).await?;
    let notice = notice(&roster, &base_url);
    let rss_before_kib = status_kib("VmRSS");

    // The workers run from the start, as in the server, and take each page of the fan-out
    // as it is committed; until the fan-out has ended, running out of due deliveries only
    // means waiting for its next page.
    let queueing = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let sending = (!queue_only).then(|| {
        let (core, queueing) = (core.clone(), queueing.clone());
        tokio::spawn(async move {
            loop {
                let last_pass = !queueing.load(std::sync::atomic::Ordering::Acquire);
                core.send_due().await?;
                if last_pass {
                    return anyhow::Ok(());
                }
                core.wait_for_work(std::time::Duration::from_millis(50))
                    .await;
            }
        })
    });
    let started = Instant::now();
    let queued = core.fan_out(&notice, &roster).await?;
    let fan_out_seconds = started.elapsed().as_secs_f64();
    queueing.store(false, std::sync::atomic::Ordering::Release);
    core.wake_workers();
    if queued != count as u64 {
        bail!("the fan-out queued {queued} deliveries for {count} subscribers");
    }
    let model = delivery::Entity::find()
        .order_by_asc(delivery::Column::Id)
        .one(db)
        .await?
        .context("a queued delivery")?;
    let mut bodies = std::collections::HashMap::new();
    crate::runtime::read_bodies(db, std::slice::from_ref(&model), &mut bodies).await?;
    let body = model.body_id.and_then(|id| bodies.get(&id).cloned());
    let mail = mail_of(model, body.as_deref()).context("the notice's text")?;
    let message_bytes = context.mailer.formatted(mail)?.len();
    if queue_only {
        return Ok(Measured {
            count,
            platform_seconds: 0.0,
            fan_out_seconds,
            message_bytes,
            rss_before_kib,
            rss_peak_kib: status_kib("VmHWM"),
        });
    }
    sending.context("the workers")?.await??;
    let platform_seconds = started.elapsed().as_secs_f64();
    let sent = delivery::Entity::find()
        .filter(delivery::Column::State.eq("sent"))
        .count(db)
        .await?;
    if sent != count as u64 {
        bail!("{sent} of {count} deliveries were sent: is the SMTP server refusing some?");
    }
    Ok(Measured {
        count,
        platform_seconds,
        fan_out_seconds,
        message_bytes,
        rss_before_kib,
        rss_peak_kib: status_kib("VmHWM"),
    })
}
