//! Digests: for each municipality whose digest schedule (a cron expression in Athens time,
//! weekly on Monday 08:00 unless it says otherwise) has come round, one message per
//! subscriber with every item waiting for them, marked as carried in the same transaction.

use std::collections::BTreeMap;

use chrono::Utc;
use council_shared::athens;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, prelude::Expr};
use serde::Serialize;
use serde_json::Value;

use super::{
    fanout::tenant_name,
    jobs,
    messages::{text, words},
    queue::{self, NewDelivery},
};
use crate::{
    Notifications,
    domain::message_language,
    entities::{digest_item, subscriber},
    error::Result,
};

#[derive(Serialize)]
struct Item {
    title: String,
    link: String,
}

#[derive(Serialize)]
struct DigestData {
    lang: &'static str,
    t: &'static Value,
    tenant_name: String,
    heading: String,
    /// «3 new notices since our last message», by the language's plural rules.
    count_line: String,
    items: Vec<Item>,
    preferences_url: String,
    unsubscribe_url: String,
}

impl Notifications {
    /// Sends the digests that are due; returns how many were queued.
    pub async fn send_due_digests(&self) -> Result<u64> {
        // Only the municipalities with something waiting.
        let waiting: Vec<i64> = digest_item::Entity::find()
            .select_only()
            .column(digest_item::Column::TenantId)
            .distinct()
            .filter(digest_item::Column::DeliveryId.is_null())
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut queued = 0;
        for tenant_id in waiting {
            let schedule = self.settings_of(tenant_id).await?.digest_schedule;
            let Ok(schedule) = jobs::parse_schedule(&schedule) else {
                tracing::warn!(tenant_id, "digest schedule is not valid; using the default");
                continue;
            };
            let name = format!("digest:{tenant_id}");
            let lease = chrono::Duration::minutes(5);
            let Some(last) = jobs::take_lease(&self.db, &name, &self.owner, lease).await? else {
                continue;
            };
            let now = Utc::now();
            // The first time, the digest is due at the schedule's next time after the
            // oldest waiting item.
            let since = match last {
                Some(at) => at,
                None => digest_item::Entity::find()
                    .filter(digest_item::Column::TenantId.eq(tenant_id))
                    .filter(digest_item::Column::DeliveryId.is_null())
                    .order_by_asc(digest_item::Column::CreatedAt)
                    .one(&self.db)
                    .await?
                    .map_or(now, |i| i.created_at),
            };
            let due = jobs::is_due(&schedule, since, now, athens::offset_at(now));
            let result = if due {
                self.send_digests_of(tenant_id, now).await
            } else {
                Ok(0)
            };
            jobs::finish(&self.db, &name, &self.owner, due.then_some(now)).await?;
            queued += result?;
        }
        if queued > 0 {
            self.wake_workers();
        }
        Ok(queued)
    }

    async fn send_digests_of(&self, tenant_id: i64, now: chrono::DateTime<Utc>) -> Result<u64> {
        let rosters = self.directory.all().await?;
        let Some(roster) = rosters.iter().find(|r| r.tenant.id == tenant_id) else {
            return Ok(0);
        };
        let items = digest_item::Entity::find()
            .filter(digest_item::Column::TenantId.eq(tenant_id))
            .filter(digest_item::Column::DeliveryId.is_null())
            .order_by_asc(digest_item::Column::Id)
            .all(&self.db)
            .await?;
        let mut by_subscriber: BTreeMap<i64, Vec<digest_item::Model>> = BTreeMap::new();
        for item in items {
            by_subscriber
                .entry(item.subscriber_id)
                .or_default()
                .push(item);
        }
        let mut queued = 0;
        for (subscriber_id, items) in by_subscriber {
            let Some(to) = subscriber::Entity::find_by_id(subscriber_id)
                .one(&self.db)
                .await?
            else {
                continue;
            };
            let lang = message_language(&to.language);
            let name = tenant_name(roster, lang);
            let heading = text(lang, "digest", &[("municipality", name.clone().into())]);
            let data = DigestData {
                lang: lang.code(),
                tenant_name: name,
                heading: heading.clone(),
                count_line: text(lang, "digest_count", &[("count", items.len().into())]),
                items: items
                    .iter()
                    .map(|i| Item {
                        title: i.title.clone(),
                        link: i.link.clone(),
                    })
                    .collect(),
                preferences_url: self.preferences_url(&to.token),
                unsubscribe_url: self.unsubscribe_url(&to.token),
                t: words(lang.code()),
            };
            let rendered = self.messages.render("digest", heading, &data)?;
            let key = format!("digest:{subscriber_id}:{}", items[0].id);
            let txn = council_shared::database::begin_write(&self.db).await?;
            queue::enqueue(
                &txn,
                NewDelivery {
                    tenant_id: Some(tenant_id),
                    idempotency_key: key.clone(),
                    kind: "digest".into(),
                    recipient: to.email.clone(),
                    subscriber_id: Some(to.id),
                    subject: rendered.subject,
                    text_body: rendered.text,
                    html_body: Some(rendered.html),
                    calendar: None,
                    unsubscribe_url: Some(data.unsubscribe_url),
                    not_before: None,
                    body: None,
                },
                &self.domain,
            )
            .await?;
            let delivery = crate::entities::delivery::Entity::find()
                .filter(crate::entities::delivery::Column::IdempotencyKey.eq(&key))
                .one(&txn)
                .await?;
            if let Some(delivery) = delivery {
                digest_item::Entity::update_many()
                    .col_expr(digest_item::Column::DeliveryId, Expr::value(delivery.id))
                    .filter(digest_item::Column::Id.is_in(items.iter().map(|i| i.id)))
                    .exec(&txn)
                    .await?;
            }
            txn.commit().await?;
            queued += 1;
        }
        tracing::info!(tenant_id, queued, at = %now, "digests queued");
        Ok(queued)
    }
}
