//! What the notifications service keeps only as long as it is needed (`retention`
//! settings): subscriptions never confirmed, with their addresses, and the text and
//! recipient of every message once it has been sent (or given up) long enough; the
//! delivery record itself (state, attempts, times) stays for the operators' figures. Bounce
//! reports (with the address they bounced for) go once they no longer count towards
//! stopping an address (`notifications.soft_bounce_days`) and the message period is over.

use chrono::{DateTime, Utc};
use council_shared::settings::RetentionSettings;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, QueryTrait, prelude::Expr,
};

use crate::{
    entities::{body, bounce, delivery, subscriber},
    error::Result,
};

/// The job's name.
pub const JOB: &str = "retention-messages";

/// How many of each a run removed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Purged {
    pub unconfirmed_subscriptions: u64,
    pub messages_cleared: u64,
    pub texts_deleted: u64,
    pub bounce_reports: u64,
}

impl Purged {
    pub fn total(&self) -> u64 {
        self.unconfirmed_subscriptions
            + self.messages_cleared
            + self.texts_deleted
            + self.bounce_reports
    }
}

/// The states after which a message is never sent again.
const FINISHED: [&str; 2] = ["sent", "failed"];

/// Removes what `settings` says has served its purpose at `now`; soft bounces count
/// towards stopping an address for `soft_bounce_days`.
pub async fn purge(
    db: &impl ConnectionTrait,
    settings: &RetentionSettings,
    soft_bounce_days: u32,
    now: DateTime<Utc>,
) -> Result<Purged> {
    // Asked for again, a request is updated: the period runs from the latest asking.
    let unconfirmed_subscriptions = subscriber::Entity::delete_many()
        .filter(subscriber::Column::State.eq("pending"))
        .filter(subscriber::Column::UpdatedAt.lt(RetentionSettings::cutoff(
            now,
            settings.unconfirmed_subscription_days,
        )))
        .exec(db)
        .await?
        .rows_affected;
    let message_cutoff = RetentionSettings::cutoff(now, settings.sent_message_days);
    let messages_cleared = delivery::Entity::update_many()
        .col_expr(delivery::Column::Recipient, Expr::value(""))
        .col_expr(delivery::Column::TextBody, Expr::value(""))
        .col_expr(
            delivery::Column::HtmlBody,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            delivery::Column::Calendar,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            delivery::Column::UnsubscribeUrl,
            Expr::value(Option::<String>::None),
        )
        .col_expr(delivery::Column::BodyId, Expr::value(Option::<i64>::None))
        .col_expr(
            delivery::Column::BodyToken,
            Expr::value(Option::<String>::None),
        )
        .filter(delivery::Column::State.is_in(FINISHED))
        .filter(delivery::Column::UpdatedAt.lt(message_cutoff))
        .filter(delivery::Column::Recipient.ne(""))
        .exec(db)
        .await?
        .rows_affected;
    // A notice's shared text goes once no delivery names it; only one older than the
    // period, so that the text of a fan-out still queueing its deliveries stays.
    let named = delivery::Entity::find()
        .select_only()
        .column(delivery::Column::BodyId)
        .filter(delivery::Column::BodyId.is_not_null())
        .into_query();
    let texts_deleted = body::Entity::delete_many()
        .filter(body::Column::CreatedAt.lt(message_cutoff))
        .filter(body::Column::Id.not_in_subquery(named))
        .exec(db)
        .await?
        .rows_affected;
    let bounce_days = settings.sent_message_days.max(soft_bounce_days);
    let bounce_reports = bounce::Entity::delete_many()
        .filter(bounce::Column::ReceivedAt.lt(RetentionSettings::cutoff(now, bounce_days)))
        .exec(db)
        .await?
        .rows_affected;
    Ok(Purged {
        unconfirmed_subscriptions,
        messages_cleared,
        texts_deleted,
        bounce_reports,
    })
}
