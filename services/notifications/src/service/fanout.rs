//! Events become deliveries: each event of another service's outbox, read after this
//! service's cursor, becomes one delivery per confirmed subscriber who chose its topic (or
//! an item for their next digest), under an idempotency key per person per event; the
//! cursor moves in the same transaction. An event read twice queues nothing new.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use council_shared::{athens, council::CouncilRoster};
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, EntityTrait, TransactionTrait, sea_query::OnConflict,
};
use serde::Serialize;
use serde_json::Value;

use super::{
    messages::words,
    queue::{self, NewDelivery},
    subscriptions,
};
use crate::{
    Notifications,
    domain::{Cadence, Topic, message_language},
    entities::{cursor, digest_item, subscriber},
    error::Result,
    source::{EventSource, SourceEvent},
};

/// How many events one pass reads from each outbox.
const BATCH: u64 = 200;

/// A notice about one event, before it is addressed to anyone.
pub struct Notice {
    pub tenant_id: i64,
    pub topic: Topic,
    /// `convened`, `postponed`, `cancelled`, `minutes`, `decision`, `practice`.
    pub kind: &'static str,
    pub title_el: String,
    pub title_en: String,
    pub when: Option<DateTime<Utc>>,
    pub reason: Option<String>,
    pub agenda: Vec<String>,
    pub link: String,
    pub key: String,
}

impl Notice {
    /// «Νέα συνεδρίαση του ΣΕΜΠ: title» in the message language `lang` (`el` or `en`).
    fn heading(&self, lang: &str) -> String {
        let title = if lang == "en" && !self.title_en.is_empty() {
            &self.title_en
        } else {
            &self.title_el
        };
        format!(
            "{}: {title}",
            words(lang)[self.kind].as_str().unwrap_or_default()
        )
    }
}

#[derive(Serialize)]
struct NoticeData<'a> {
    lang: &'a str,
    t: &'static Value,
    tenant_name: String,
    heading: String,
    when: Option<String>,
    reason: Option<String>,
    agenda: &'a [String],
    link: &'a str,
    preferences_url: String,
    unsubscribe_url: String,
}

pub fn tenant_name(roster: &CouncilRoster, lang: &str) -> String {
    if lang == "en" && !roster.tenant.name_en.is_empty() {
        roster.tenant.name_en.clone()
    } else {
        roster.tenant.name_el.clone()
    }
}

fn local_text(at: DateTime<Utc>) -> String {
    athens::local(at).format("%d/%m/%Y %H:%M").to_string()
}

impl Notifications {
    pub fn preferences_url(&self, token: &str) -> String {
        format!("{}/subscriptions/{token}", self.base_url)
    }

    pub fn unsubscribe_url(&self, token: &str) -> String {
        format!("{}/subscriptions/{token}/unsubscribe", self.base_url)
    }

    /// The notice addressed to one subscriber, in their language.
    fn addressed(
        &self,
        notice: &Notice,
        roster: &CouncilRoster,
        to: &subscriber::Model,
        key: String,
    ) -> Result<NewDelivery> {
        let lang = message_language(&to.language);
        let t = words(lang);
        let heading = notice.heading(lang);
        let data = NoticeData {
            lang,
            tenant_name: tenant_name(roster, lang),
            heading: heading.clone(),
            when: notice.when.map(local_text),
            reason: notice.reason.clone(),
            agenda: &notice.agenda,
            link: &notice.link,
            preferences_url: self.preferences_url(&to.token),
            unsubscribe_url: self.unsubscribe_url(&to.token),
            t,
        };
        let rendered = self.messages.render("notice", heading, &data)?;
        Ok(NewDelivery {
            tenant_id: Some(notice.tenant_id),
            idempotency_key: key,
            kind: format!("notice.{}", notice.kind),
            recipient: to.email.clone(),
            subscriber_id: Some(to.id),
            subject: rendered.subject,
            text_body: rendered.text,
            html_body: Some(rendered.html),
            calendar: None,
            unsubscribe_url: Some(data.unsubscribe_url),
        })
    }

    /// Queues `notice` for every confirmed subscriber of its topic: at once, or as an item
    /// of their next digest. Returns how many were new.
    pub async fn fan_out(
        &self,
        txn: &impl ConnectionTrait,
        notice: &Notice,
        roster: &CouncilRoster,
    ) -> Result<u64> {
        let mut queued = 0;
        for to in subscriptions::audience(txn, notice.tenant_id, notice.topic).await? {
            let key = format!("{}:subscriber:{}", notice.key, to.id);
            if to.cadence == Cadence::Digest.as_str() {
                let lang = message_language(&to.language);
                let inserted = digest_item::Entity::insert(digest_item::ActiveModel {
                    subscriber_id: Set(to.id),
                    tenant_id: Set(notice.tenant_id),
                    idempotency_key: Set(key),
                    topic: Set(notice.topic.as_str().into()),
                    title: Set(notice.heading(lang)),
                    link: Set(notice.link.clone()),
                    created_at: Set(Utc::now()),
                    delivery_id: Set(None),
                    ..Default::default()
                })
                .on_conflict(
                    OnConflict::column(digest_item::Column::IdempotencyKey)
                        .do_nothing()
                        .to_owned(),
                )
                .exec_without_returning(txn)
                .await?;
                queued += inserted;
            } else if queue::enqueue(txn, self.addressed(notice, roster, &to, key)?, &self.domain)
                .await?
            {
                queued += 1;
            }
        }
        Ok(queued)
    }

    /// Reads both outboxes after their cursors and queues what they call for. Returns how
    /// many deliveries and digest items were queued.
    pub async fn consume_events(&self) -> Result<u64> {
        let Some(source) = &self.source else {
            return Ok(0);
        };
        // Read only once there is an event to address.
        let mut rosters: Option<HashMap<i64, CouncilRoster>> = None;
        let mut queued = 0;
        for name in ["meetings", "practices"] {
            loop {
                let after = cursor::Entity::find_by_id(name)
                    .one(&self.db)
                    .await?
                    .map_or(0, |c| c.last_id);
                let events = match name {
                    "meetings" => source.meeting_events(after, BATCH).await?,
                    _ => source.practice_events(after, BATCH).await?,
                };
                let Some(last) = events.last().map(|e| e.id) else {
                    break;
                };
                if rosters.is_none() {
                    rosters = Some(
                        self.directory
                            .all()
                            .await?
                            .into_iter()
                            .map(|r| (r.tenant.id, r))
                            .collect(),
                    );
                }
                let rosters = rosters.as_ref().expect("read just above");
                let mut notices = Vec::new();
                for event in &events {
                    notices.extend(
                        self.notices_of(source.as_ref(), name, event, rosters)
                            .await?,
                    );
                }
                let txn = self.db.begin().await?;
                for (notice, roster) in &notices {
                    queued += self.fan_out(&txn, notice, roster).await?;
                }
                cursor::Entity::insert(cursor::ActiveModel {
                    source: Set(name.into()),
                    last_id: Set(last),
                    updated_at: Set(Utc::now()),
                })
                .on_conflict(
                    OnConflict::column(cursor::Column::Source)
                        .update_columns([cursor::Column::LastId, cursor::Column::UpdatedAt])
                        .to_owned(),
                )
                .exec_without_returning(&txn)
                .await?;
                txn.commit().await?;
                if (events.len() as u64) < BATCH {
                    break;
                }
            }
        }
        if queued > 0 {
            self.wake.notify_waiters();
        }
        Ok(queued)
    }

    /// The notices one event calls for (none for events residents do not hear of).
    async fn notices_of<'r>(
        &self,
        source: &dyn EventSource,
        outbox: &str,
        event: &SourceEvent,
        rosters: &'r HashMap<i64, CouncilRoster>,
    ) -> Result<Vec<(Notice, &'r CouncilRoster)>> {
        let text = |name: &str| {
            event
                .payload
                .get(name)
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        let key = format!("{outbox}:{}", event.id);
        if outbox == "meetings" {
            let Some(roster) = event.tenant_id.and_then(|id| rosters.get(&id)) else {
                return Ok(Vec::new());
            };
            let (topic, kind) = match event.event_type.as_str() {
                "meeting.convened" => (Topic::Meetings, "convened"),
                "meeting.postponed" => (Topic::Meetings, "postponed"),
                "meeting.cancelled" => (Topic::Meetings, "cancelled"),
                "minutes.published" => (Topic::Minutes, "minutes"),
                "decision.published" => (Topic::Minutes, "decision"),
                _ => return Ok(Vec::new()),
            };
            let Some(meeting_id) = event.payload.get("meeting_id").and_then(Value::as_i64) else {
                return Ok(Vec::new());
            };
            let slug = roster.tenant.slug.as_str();
            let agenda = if kind == "convened" {
                // Without its agenda the notice still says that and when the council meets.
                source.public_agenda(slug, meeting_id).await.unwrap_or_else(|error| {
                    tracing::warn!(error = ?error, meeting_id, "the convocation notice goes without its agenda");
                    Vec::new()
                })
            } else {
                Vec::new()
            };
            let title = text("title").unwrap_or_default();
            let title = match (kind, text("decision")) {
                ("decision", Some(number)) => format!("{number} · {title}"),
                _ => title,
            };
            let notice = Notice {
                tenant_id: roster.tenant.id,
                topic,
                kind,
                title_en: title.clone(),
                title_el: title,
                when: text("starts_at")
                    .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
                    .map(|d| d.with_timezone(&Utc)),
                reason: text("reason"),
                agenda,
                link: format!(
                    "{}/municipalities/{slug}/meetings/{meeting_id}",
                    self.base_url
                ),
                key,
            };
            return Ok(vec![(notice, roster)]);
        }
        if event.event_type != "practice.published" {
            return Ok(Vec::new());
        }
        let Some(slug) = text("slug") else {
            return Ok(Vec::new());
        };
        let Some(practice) = source.practice(&slug).await? else {
            return Ok(Vec::new());
        };
        Ok(rosters
            .values()
            .filter(|r| {
                practice
                    .municipalities
                    .iter()
                    .any(|m| m == r.tenant.slug.as_str())
            })
            .map(|roster| {
                (
                    Notice {
                        tenant_id: roster.tenant.id,
                        topic: Topic::Practices,
                        kind: "practice",
                        title_el: practice.title_el.clone(),
                        title_en: practice.title_en.clone(),
                        when: None,
                        reason: None,
                        agenda: Vec::new(),
                        link: format!("{}/practices/{}", self.base_url, practice.slug),
                        key: format!("{key}:tenant:{}", roster.tenant.id),
                    },
                    roster,
                )
            })
            .collect())
    }
}
