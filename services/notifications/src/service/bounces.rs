//! What comes back from mail servers. The bounce mailbox is read on a schedule: a bounce
//! (RFC 3464) names its delivery through the VERP address it was sent to (or the returned
//! Message-ID); a hard one stops mail to the address at once, soft ones do when there have
//! been `soft_bounce_limit` of them within `soft_bounce_days`. A stopped address's queued
//! messages fail with the reason, new ones are not sent, and its subscribers are marked
//! `stopped` with why, for their municipality's administrators to see, until a confirmed
//! re-subscription (`subscriptions::confirm`) clears it. A complaint (RFC 5965: the
//! resident pressed "this is spam") unsubscribes them from that municipality.
//!
//! Every report is recorded and acted on in one transaction, and only then removed from
//! the mailbox: a crash in between reads it again, and acting twice changes nothing.

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    prelude::Expr, sea_query::OnConflict,
};

use crate::{
    Notifications,
    entities::{bounce, delivery, stopped_address, subscriber},
    error::{NotificationsError, Result},
    mailbox,
    service::reports::{self, Report},
};

/// Messages a person asked for just now (a subscription's confirmation, the reminder of
/// one already confirmed): they go out even to a stopped address, or re-subscribing, the
/// way to clear a stop, could never be confirmed.
pub const ASKED_FOR: &[&str] = &["confirm", "already"];

/// Reports read from the mailbox at most per run.
const PER_RUN: usize = 200;

impl Notifications {
    /// Reads the bounce mailbox once, if one is configured; says how many reports it took.
    pub async fn read_bounces(&self) -> Result<u64> {
        let Some(account) = &self.bounce_mailbox else {
            return Ok(0);
        };
        let fetched = mailbox::open(account, PER_RUN).await.map_err(|e| {
            NotificationsError::Internal(e.context("cannot read the bounce mailbox"))
        })?;
        let mut done = Vec::with_capacity(fetched.messages.len());
        for (uid, raw) in &fetched.messages {
            match reports::parse_report(raw) {
                Some(report) => self.take_report(report).await?,
                // An out-of-office reply, a "delayed" notice, spam: nothing to act on.
                None => tracing::info!(uid, "the bounce mailbox held a message that is no report"),
            }
            done.push(*uid);
        }
        let taken = done.len() as u64;
        fetched.remove(&done).await.map_err(|e| {
            NotificationsError::Internal(e.context("cannot empty the bounce mailbox"))
        })?;
        Ok(taken)
    }

    /// Records one report and does what it calls for.
    pub async fn take_report(&self, report: Report) -> Result<()> {
        let (sent_to, message_id, reported) = match &report {
            Report::Bounce(b) => (&b.sent_to, &b.message_id, &b.recipient),
            Report::Complaint(c) => (&c.sent_to, &c.message_id, &c.recipient),
        };
        let found = self.delivery_of(sent_to, message_id.as_deref()).await?;
        // The delivery knows whom it went to; a report without one is taken at its word.
        let Some(email) = found
            .as_ref()
            .map(|d| d.recipient.clone())
            .or_else(|| reported.clone())
            .map(|e| e.trim().to_lowercase())
        else {
            tracing::info!("a report that names neither a delivery nor an address: ignored");
            return Ok(());
        };
        let delivery_id = found.as_ref().map(|d| d.id);
        let now = Utc::now();
        let txn = council_shared::database::begin_write(&self.db).await?;
        match &report {
            Report::Bounce(b) => {
                let kind = if b.permanent { "hard" } else { "soft" };
                let detail = match b.diagnostic.as_deref().map(without_type) {
                    Some(words) => format!("{} {words}", b.status),
                    None => b.status.clone(),
                };
                record(
                    &txn,
                    &email,
                    delivery_id,
                    kind,
                    Some(&b.status),
                    Some(&detail),
                )
                .await?;
                if b.permanent {
                    stop(&txn, &email, "hard_bounce", &detail, delivery_id).await?;
                } else {
                    let since = now - Duration::days(self.settings.soft_bounce_days.into());
                    let soft = bounce::Entity::find()
                        .filter(bounce::Column::Email.eq(&email))
                        .filter(bounce::Column::Kind.eq("soft"))
                        .filter(bounce::Column::ReceivedAt.gte(since))
                        .count(&txn)
                        .await?;
                    if soft >= u64::from(self.settings.soft_bounce_limit.max(1)) {
                        stop(&txn, &email, "soft_bounces", &detail, delivery_id).await?;
                    }
                }
            }
            Report::Complaint(c) => {
                record(
                    &txn,
                    &email,
                    delivery_id,
                    "complaint",
                    Some(&c.feedback_type),
                    None,
                )
                .await?;
                let subscriber_id = found.as_ref().and_then(|d| d.subscriber_id);
                if let Some(found) = match subscriber_id {
                    Some(id) => subscriber::Entity::find_by_id(id).one(&txn).await?,
                    None => None,
                } {
                    super::subscriptions::forget(&txn, &found, false).await?;
                    tracing::info!(
                        subscriber = found.id,
                        "a complaint about a notice: the resident is unsubscribed"
                    );
                }
            }
        }
        txn.commit().await?;
        Ok(())
    }

    /// The delivery a report is about: the VERP address it came back to, else the
    /// Message-ID of the returned message.
    async fn delivery_of(
        &self,
        sent_to: &[String],
        message_id: Option<&str>,
    ) -> Result<Option<delivery::Model>> {
        if let Some(verp) = self.mailer.verp()
            && let Some(id) = sent_to.iter().find_map(|to| verp.delivery_of(to))
            && let Some(found) = delivery::Entity::find_by_id(id).one(&self.db).await?
        {
            return Ok(Some(found));
        }
        match message_id {
            Some(id) => Ok(delivery::Entity::find()
                .filter(delivery::Column::MessageId.eq(id.trim_matches(['<', '>'])))
                .one(&self.db)
                .await?),
            None => Ok(None),
        }
    }
}

async fn record(
    txn: &impl ConnectionTrait,
    email: &str,
    delivery_id: Option<i64>,
    kind: &str,
    status: Option<&str>,
    detail: Option<&str>,
) -> Result<()> {
    bounce::Entity::insert(bounce::ActiveModel {
        email: Set(email.into()),
        delivery_id: Set(delivery_id),
        kind: Set(kind.into()),
        status: Set(status.map(|s| s.chars().take(20).collect())),
        detail: Set(detail.map(str::to_string)),
        received_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec_without_returning(txn)
    .await?;
    Ok(())
}

/// Stops mail to `email`: recorded once (the first reason stands), its waiting messages
/// failed with the reason, its subscribers marked.
async fn stop(
    txn: &impl ConnectionTrait,
    email: &str,
    reason: &str,
    detail: &str,
    delivery_id: Option<i64>,
) -> Result<()> {
    let now = Utc::now();
    stopped_address::Entity::insert(stopped_address::ActiveModel {
        email: Set(email.into()),
        reason: Set(reason.into()),
        detail: Set(Some(detail.into())),
        delivery_id: Set(delivery_id),
        stopped_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(stopped_address::Column::Email)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(txn)
    .await?;
    delivery::Entity::update_many()
        .col_expr(delivery::Column::State, Expr::value("failed"))
        .col_expr(
            delivery::Column::LastError,
            Expr::value(stopped_error(reason, detail)),
        )
        .col_expr(delivery::Column::UpdatedAt, Expr::value(now))
        .filter(delivery::Column::Recipient.eq(email))
        .filter(delivery::Column::State.eq("queued"))
        .filter(delivery::Column::Kind.is_not_in(ASKED_FOR.iter().copied()))
        .exec(txn)
        .await?;
    subscriber::Entity::update_many()
        .col_expr(subscriber::Column::State, Expr::value("stopped"))
        .col_expr(subscriber::Column::StoppedReason, Expr::value(reason))
        .col_expr(subscriber::Column::StoppedAt, Expr::value(now))
        .col_expr(subscriber::Column::UpdatedAt, Expr::value(now))
        .filter(subscriber::Column::Email.eq(email))
        .filter(subscriber::Column::State.eq("active"))
        .exec(txn)
        .await?;
    Ok(())
}

/// A Diagnostic-Code's words without its type (`smtp; 550 ...` is `550 ...`).
fn without_type(diagnostic: &str) -> &str {
    match diagnostic.split_once(';') {
        Some((kind, words)) if kind.len() <= 12 && !kind.contains(' ') => words.trim(),
        _ => diagnostic.trim(),
    }
}

/// The error a delivery to a stopped address fails with, for the operators' list.
pub fn stopped_error(reason: &str, detail: &str) -> String {
    let why = match reason {
        "hard_bounce" => "it bounced",
        _ => "it bounced too often",
    };
    format!("mail to this address is stopped: {why} ({detail})")
}

/// Of `recipients`, the stopped ones, with their reason and detail.
pub async fn stopped_among(
    db: &impl ConnectionTrait,
    recipients: impl IntoIterator<Item = String>,
) -> Result<Vec<stopped_address::Model>> {
    let recipients: Vec<String> = recipients.into_iter().collect();
    if recipients.is_empty() {
        return Ok(Vec::new());
    }
    Ok(stopped_address::Entity::find()
        .filter(stopped_address::Column::Email.is_in(recipients))
        .all(db)
        .await?)
}

/// A confirmed subscription proves the address takes mail again: its stop is lifted, and
/// every subscription the stop had marked goes on.
pub async fn clear_stop(db: &impl ConnectionTrait, email: &str) -> Result<()> {
    let cleared = stopped_address::Entity::delete_by_id(email.to_string())
        .exec(db)
        .await?
        .rows_affected;
    if cleared > 0 {
        subscriber::Entity::update_many()
            .col_expr(subscriber::Column::State, Expr::value("active"))
            .col_expr(
                subscriber::Column::StoppedReason,
                Expr::value(Option::<String>::None),
            )
            .col_expr(
                subscriber::Column::StoppedAt,
                Expr::value(Option::<chrono::DateTime<Utc>>::None),
            )
            .col_expr(subscriber::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(subscriber::Column::Email.eq(email))
            .filter(subscriber::Column::State.eq("stopped"))
            .filter(subscriber::Column::ConfirmedAt.is_not_null())
            .exec(db)
            .await?;
    }
    Ok(())
}
