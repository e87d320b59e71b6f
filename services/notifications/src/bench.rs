//! The fan-out benchmark (`infra/bench/notifications.sh`): how many notices a second the
//! platform hands to a local SMTP server, from one event to the last delivery marked sent,
//! beside what a bare lettre client reaches against the same server in the same run. It
//! measures; it does not assert.
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
use futures_util::{StreamExt, future::BoxFuture, stream};
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{
        Mailbox, MultiPart,
        header::{HeaderName, HeaderValue},
    },
    transport::smtp::PoolConfig,
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait,
};

use crate::{
    Notifications,
    domain::Topic,
    entities::{delivery, subscriber},
    service::{fanout::Notice, subscriptions::new_token},
};

/// What one run measured.
pub struct Measured {
    pub count: usize,
    pub concurrency: usize,
    /// The bare lettre client sending `count` messages.
    pub bare_seconds: f64,
    /// From the start of the fan-out to the last delivery marked sent.
    pub platform_seconds: f64,
    /// Of which queueing the deliveries (rendering and writing them, one transaction).
    pub fan_out_seconds: f64,
    /// The size of one notice as sent (both sides send messages of this size).
    pub message_bytes: usize,
}

impl Measured {
    pub fn bare_rate(&self) -> f64 {
        self.count as f64 / self.bare_seconds
    }

    pub fn platform_rate(&self) -> f64 {
        self.count as f64 / self.platform_seconds
    }

    /// A Markdown table like the other benchmark scripts' reports.
    pub fn report(&self) -> String {
        let ratio = 100.0 * self.platform_rate() / self.bare_rate();
        format!(
            "| sender | messages | seconds | messages/s | vs bare |\n\
             |--------|---------:|--------:|-----------:|--------:|\n\
             | bare lettre client (pooled, {c} at a time) | {n} | {b:.2} | {br:.0} | 100% |\n\
             | platform: fan-out + workers ({c}) | {n} | {p:.2} | {pr:.0} | {ratio:.0}% |\n\
             \n\
             fan-out (queueing {n} deliveries in one transaction): {f:.2} s; sending: {s:.2} s; \
             one notice: {bytes} bytes",
            c = self.concurrency,
            n = self.count,
            b = self.bare_seconds,
            br = self.bare_rate(),
            p = self.platform_seconds,
            pr = self.platform_rate(),
            f = self.fan_out_seconds,
            s = self.platform_seconds - self.fan_out_seconds,
            bytes = self.message_bytes,
        )
    }
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

/// The platform's path: one notice fanned out to `count` subscribers and sent by the
/// workers, `notifications.workers` at a time. Returns the fan-out and total seconds and
/// one sent delivery (the model for the bare client's messages).
async fn platform(settings: Settings, count: usize) -> anyhow::Result<(f64, f64, delivery::Model)> {
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

    let started = Instant::now();
    let txn = db.begin().await?;
    let queued = core.fan_out(&txn, &notice, &roster).await?;
    txn.commit().await?;
    let fan_out = started.elapsed().as_secs_f64();
    if queued != count as u64 {
        bail!("the fan-out queued {queued} deliveries for {count} subscribers");
    }
    core.send_due().await?;
    let total = started.elapsed().as_secs_f64();

    let sent = delivery::Entity::find()
        .filter(delivery::Column::State.eq("sent"))
        .count(db)
        .await?;
    if sent != count as u64 {
        bail!("{sent} of {count} deliveries were sent: is the SMTP server refusing some?");
    }
    let model = delivery::Entity::find()
        .filter(delivery::Column::State.eq("sent"))
        .one(db)
        .await?
        .context("a sent delivery")?;
    Ok((fan_out, total, model))
}

/// A bare lettre client: pooled SMTP to 127.0.0.1:`port`, `concurrency` messages at a
/// time, each built like a notice of `model` (the same bodies and headers). Seconds taken.
async fn bare_client(
    port: u16,
    count: usize,
    concurrency: usize,
    from: &str,
    model: &delivery::Model,
) -> anyhow::Result<f64> {
    let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1")
        .port(port)
        .pool_config(PoolConfig::new().max_size(concurrency as u32))
        .build();
    let from: Mailbox = from.parse()?;
    let unsubscribe = HeaderName::new_from_ascii_str("List-Unsubscribe");
    let one_click = HeaderName::new_from_ascii_str("List-Unsubscribe-Post");
    let message = |n: usize| -> anyhow::Result<Message> {
        Ok(Message::builder()
            .from(from.clone())
            .to(format!("resident{n}@example.org").parse()?)
            .subject(model.subject.clone())
            .message_id(Some(format!("<{n}.{}>", model.message_id)))
            .raw_header(HeaderValue::new(
                unsubscribe.clone(),
                format!("<{}>", model.unsubscribe_url.clone().unwrap_or_default()),
            ))
            .raw_header(HeaderValue::new(
                one_click.clone(),
                "List-Unsubscribe=One-Click".into(),
            ))
            .multipart(MultiPart::alternative_plain_html(
                model.text_body.clone(),
                model.html_body.clone().unwrap_or_default(),
            ))?)
    };
    let started = Instant::now();
    let failures = stream::iter(0..count)
        .map(|n| {
            let transport = &transport;
            let message = &message;
            async move {
                transport
                    .send(message(n)?)
                    .await
                    .map_err(anyhow::Error::from)
            }
        })
        .buffer_unordered(concurrency)
        .filter(|sent| std::future::ready(sent.is_err()))
        .count()
        .await;
    let seconds = started.elapsed().as_secs_f64();
    if failures > 0 {
        bail!("the bare client failed to send {failures} of {count} messages");
    }
    Ok(seconds)
}

/// Measures the platform, then the bare client against the same server. `settings` name
/// the database (empty, migrated here) and the SMTP server; `notifications.workers` is the
/// concurrency of both.
pub async fn run(settings: Settings, smtp_port: u16, count: usize) -> anyhow::Result<Measured> {
    let concurrency = settings.notifications.workers.max(1) as usize;
    let from = settings.mail.from.clone();
    let (fan_out_seconds, platform_seconds, model) = platform(settings, count).await?;
    let message_bytes = model.subject.len()
        + model.text_body.len()
        + model.html_body.as_ref().map_or(0, String::len);
    let bare_seconds = bare_client(smtp_port, count, concurrency, &from, &model).await?;
    Ok(Measured {
        count,
        concurrency,
        bare_seconds,
        platform_seconds,
        fan_out_seconds,
        message_bytes,
    })
}
