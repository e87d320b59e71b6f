//! Events become deliveries: each event of another service's outbox, read after this
//! service's cursor, becomes one delivery per confirmed subscriber who chose its topic (or
//! an item for their next digest), under an idempotency key per person per event. The
//! subscribers are queued a page per transaction; then the cursor moves, in one
//! transaction with the rest of what the events call for: meetings events also become the
//! council members' messages (`members`) and keep the record the reminder job reads
//! (`reminders`); moderators' decisions become their author's message (`authors`). An
//! event read twice, or again after a pass was cut short, queues nothing new.

use std::collections::{HashMap, hash_map::Entry};

use chrono::{DateTime, Utc};
use council_shared::{
    athens,
    council::CouncilRoster,
    locale::{Lang, content_for},
};
use sea_orm::{ActiveValue::Set, EntityTrait, sea_query::OnConflict};
use serde::Serialize;
use serde_json::Value;

use super::{
    members::{ContactBook, MeetingFacts, MemberKind},
    messages::{Rendered, html_with_isolated, text, words},
    queue::{self, NewDelivery},
    subscriptions,
};
use crate::{
    Notifications,
    domain::{Cadence, Topic, message_language},
    entities::{body, cursor, digest_item},
    error::Result,
    source::{EventSource, SourceEvent},
};

/// How many events one pass reads from each outbox.
const BATCH: u64 = 200;

/// What one event calls for, prepared before the transaction that queues it.
#[derive(Default)]
struct Planned<'r> {
    notices: Vec<(Notice, &'r CouncilRoster)>,
    /// Messages to named people: council members, a practice's author.
    direct: Vec<NewDelivery>,
    meeting: Option<(i64, MemberKind, MeetingFacts)>,
}

/// A notice about one event, before it is addressed to anyone.
pub struct Notice {
    pub tenant_id: i64,
    pub topic: Topic,
    /// `convened`, `postponed`, `cancelled`, `minutes`, `minutes_corrected`,
    /// `decision_corrected`, `recommendation_corrected`, `practice`.
    pub kind: &'static str,
    pub title_el: String,
    pub title_en: String,
    pub when: Option<DateTime<Utc>>,
    pub reason: Option<String>,
    pub agenda: Vec<String>,
    /// The decisions and recommendations a publication of minutes made public.
    pub decisions: Vec<PublishedDecision>,
    pub link: String,
    pub key: String,
}

/// A decision or recommendation as a `minutes.published` event lists it: only those on
/// public items are ever in it (the meetings service's disclosure rule).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct PublishedDecision {
    pub number: String,
    /// `decision` or `recommendation`.
    pub kind: String,
    /// `adopted` or `rejected`.
    pub result: String,
    pub item_number: i32,
    pub item_title: String,
}

impl PublishedDecision {
    /// «Εισήγηση 8/2026 (θέμα 2: Title): εγκρίθηκε» in the message language.
    fn line(&self, lang: Lang) -> String {
        text(
            lang,
            "decision_line",
            &[
                ("kind", self.kind.clone().into()),
                ("number", self.number.clone().into()),
                ("item", self.item_number.into()),
                ("title", self.item_title.clone().into()),
                ("result", self.result.clone().into()),
            ],
        )
    }
}

impl Notice {
    /// The title in which a reader of `lang` gets it (Greek to Greek readers, English to
    /// the others where the council wrote it) and that title's language.
    fn title(&self, lang: Lang) -> (&str, &'static str) {
        content_for(lang, Some(&self.title_el), Some(&self.title_en))
            .unwrap_or((&self.title_el, "el"))
    }

    /// «Νέα συνεδρίαση του ΣΕΜΠ: title» in the message language.
    fn heading(&self, lang: Lang) -> String {
        let (title, _) = self.title(lang);
        text(lang, self.kind, &[("title", title.into())])
    }

    /// The heading for the HTML form: the title in its own `<bdi lang>`.
    fn heading_html(&self, lang: Lang) -> String {
        let (title, title_lang) = self.title(lang);
        html_with_isolated(lang, self.kind, "title", title, title_lang)
    }
}

#[derive(Serialize)]
struct NoticeData<'a> {
    lang: &'a str,
    t: &'static Value,
    tenant_name: String,
    heading: String,
    heading_html: String,
    when: Option<String>,
    reason: Option<String>,
    /// «Λόγος» for a postponement or cancellation, «Τι διορθώθηκε» for a correction.
    reason_label: &'static str,
    agenda: &'a [String],
    decisions: Vec<String>,
    /// The language the council wrote the meeting's texts in, for their `lang`.
    content_lang: &'static str,
    /// Said to readers of another language: the titles and agenda are in Greek (English).
    content_note: Option<String>,
    link: &'a str,
    preferences_url: String,
    unsubscribe_url: String,
}

/// The municipality's name in a reader's language: Greek for Greek readers, else English
/// where it exists.
pub fn tenant_name(roster: &CouncilRoster, lang: Lang) -> String {
    tenant_name_in(roster, lang).0.to_string()
}

/// The municipality's name for a reader of `lang`, with the language it is in.
pub fn tenant_name_in(roster: &CouncilRoster, lang: Lang) -> (&str, &'static str) {
    let tenant = &roster.tenant;
    content_for(lang, Some(&tenant.name_el), Some(&tenant.name_en))
        .unwrap_or((&tenant.name_el, "el"))
}

/// A meeting's time, in Athens, by the reader's language's rules.
fn local_text(lang: Lang, at: DateTime<Utc>) -> String {
    council_shared::locale::format_date_time(lang, athens::local(at).naive_local())
}

impl Notifications {
    pub fn preferences_url(&self, token: &str) -> String {
        format!("{}/subscriptions/{token}", self.base_url)
    }

    /// The meeting's public page.
    pub fn meeting_url(&self, slug: &str, meeting_id: i64) -> String {
        format!(
            "{}/municipalities/{slug}/meetings/{meeting_id}",
            self.base_url
        )
    }

    pub fn unsubscribe_url(&self, token: &str) -> String {
        format!("{}/subscriptions/{token}/unsubscribe", self.base_url)
    }

    /// The notice in `lang`, rendered once for every reader of that language: their own
    /// links carry `placeholder` where each one's token goes.
    fn rendered_for(
        &self,
        notice: &Notice,
        roster: &CouncilRoster,
        lang: Lang,
        placeholder: &str,
    ) -> Result<Rendered> {
        let t = words(lang.code());
        let heading = notice.heading(lang);
        let (_, content_lang) = notice.title(lang);
        let data = NoticeData {
            lang: lang.code(),
            tenant_name: tenant_name(roster, lang),
            heading: heading.clone(),
            heading_html: notice.heading_html(lang),
            when: notice.when.map(|at| local_text(lang, at)),
            reason: notice.reason.clone(),
            reason_label: t[if notice.kind.ends_with("_corrected") {
                "what_changed"
            } else {
                "reason"
            }]
            .as_str()
            .unwrap_or_default(),
            agenda: &notice.agenda,
            decisions: notice.decisions.iter().map(|d| d.line(lang)).collect(),
            content_lang,
            content_note: (lang.code() != content_lang && !notice.agenda.is_empty()).then(|| {
                t[format!("content_in_{content_lang}")]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            }),
            link: &notice.link,
            preferences_url: self.preferences_url(placeholder),
            unsubscribe_url: self.unsubscribe_url(placeholder),
            t,
        };
        Ok(self.messages.render("notice", heading, &data)?)
    }

    /// Queues `notice` for every confirmed subscriber of its topic: at once, or as an item
    /// of their next digest. Returns how many were new.
    ///
    /// A municipality may have a hundred thousand subscribers: they are read a page at a
    /// time and each page is written in one statement per table, and the notice is
    /// rendered and written once per language (`entities::body`: only the links differ from
    /// one reader to the next, and each delivery carries its reader's token for them), so
    /// neither time nor memory grows with more than the page.
    ///
    /// Each page is its own transaction, and the workers are woken after each: the first
    /// residents' mail goes out while the rest is queued, and other writers (pages, the
    /// API, on SQLite the one writer at a time) wait for a page, not for the whole
    /// municipality. An interrupted fan-out is safe to run again from the start: the
    /// idempotency keys skip what its first run queued (the caller moves its cursor only
    /// after).
    pub async fn fan_out(&self, notice: &Notice, roster: &CouncilRoster) -> Result<u64> {
        // Random, so no text of the notice can contain it; hex, so no escaping changes it.
        let placeholder = subscriptions::new_token();
        // Per language: the subject, and the shared body written for it.
        let mut rendered: HashMap<Lang, (String, i64)> = HashMap::new();
        let mut queued = 0;
        let mut after = 0;
        loop {
            let page_txn = council_shared::database::begin_write(&self.db).await?;
            let txn = &page_txn;
            let page =
                subscriptions::audience_page(txn, notice.tenant_id, notice.topic, after).await?;
            let Some(last) = page.last() else {
                break;
            };
            after = last.id;
            let mut deliveries = Vec::new();
            let mut items = Vec::new();
            for to in &page {
                let key = format!("{}:subscriber:{}", notice.key, to.id);
                let lang = message_language(&to.language);
                if to.cadence == Cadence::Digest.as_str() {
                    items.push(digest_item::ActiveModel {
                        subscriber_id: Set(to.id),
                        tenant_id: Set(notice.tenant_id),
                        idempotency_key: Set(key),
                        topic: Set(notice.topic.as_str().into()),
                        title: Set(notice.heading(lang)),
                        link: Set(notice.link.clone()),
                        created_at: Set(Utc::now()),
                        delivery_id: Set(None),
                        ..Default::default()
                    });
                    continue;
                }
                let (subject, body_id) = match rendered.entry(lang) {
                    Entry::Occupied(entry) => entry.into_mut(),
                    Entry::Vacant(entry) => {
                        let message = self.rendered_for(notice, roster, lang, &placeholder)?;
                        let body_id = body::Entity::insert(body::ActiveModel {
                            text_body: Set(message.text),
                            html_body: Set(Some(message.html)),
                            placeholder: Set(placeholder.clone()),
                            created_at: Set(Utc::now()),
                            ..Default::default()
                        })
                        .exec(txn)
                        .await?
                        .last_insert_id;
                        entry.insert((message.subject, body_id))
                    }
                };
                deliveries.push(NewDelivery {
                    tenant_id: Some(notice.tenant_id),
                    idempotency_key: key,
                    kind: format!("notice.{}", notice.kind),
                    recipient: to.email.clone(),
                    subscriber_id: Some(to.id),
                    subject: subject.clone(),
                    text_body: String::new(),
                    html_body: None,
                    calendar: None,
                    unsubscribe_url: Some(self.unsubscribe_url(&to.token)),
                    not_before: None,
                    body: Some((*body_id, to.token.clone())),
                });
            }
            queued += queue::enqueue_many(txn, deliveries, &self.domain).await?;
            if !items.is_empty() {
                queued += digest_item::Entity::insert_many(items)
                    .on_conflict(
                        OnConflict::column(digest_item::Column::IdempotencyKey)
                            .do_nothing()
                            .to_owned(),
                    )
                    .exec_without_returning(txn)
                    .await?;
            }
            page_txn.commit().await?;
            self.wake_workers();
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
        let mut contacts = ContactBook::default();
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
                let mut plans = Vec::with_capacity(events.len());
                for event in &events {
                    plans.push(match name {
                        "meetings" => {
                            self.plan_meeting_event(event, rosters, &mut contacts)
                                .await?
                        }
                        _ => Planned {
                            notices: self
                                .practice_notices(source.as_ref(), event, rosters)
                                .await?,
                            direct: self
                                .author_message(event)
                                .await?
                                .into_iter()
                                .chain(self.moderator_messages(event).await?)
                                .collect(),
                            meeting: None,
                        },
                    });
                }
                // The notices first, each in transactions of its own (`fan_out`); what the
                // events call for besides, and the cursor, then in one: a pass cut short
                // before it is read again, and queues only what it had not.
                for plan in &plans {
                    for (notice, roster) in &plan.notices {
                        queued += self.fan_out(notice, roster).await?;
                    }
                }
                let txn = council_shared::database::begin_write(&self.db).await?;
                for plan in plans {
                    // A change still waiting to go out is replaced by this newer message.
                    if let Some((_, kind, facts)) = &plan.meeting
                        && *kind != MemberKind::DraftMinutes
                    {
                        queue::drop_waiting_changes(&txn, facts.meeting_id).await?;
                    }
                    for message in plan.direct {
                        if queue::enqueue(&txn, message, &self.domain).await? {
                            queued += 1;
                        }
                    }
                    if let Some((tenant_id, kind, facts)) = &plan.meeting {
                        Self::record_meeting(&txn, *tenant_id, *kind, facts).await?;
                    }
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
            self.wake_workers();
        }
        Ok(queued)
    }

    /// What a meetings event calls for: the residents' notice of its topic, the members'
    /// message, and the change to the meeting's record for reminders.
    async fn plan_meeting_event<'r>(
        &self,
        event: &SourceEvent,
        rosters: &'r HashMap<i64, CouncilRoster>,
        contacts: &mut ContactBook,
    ) -> Result<Planned<'r>> {
        let Some(roster) = event.tenant_id.and_then(|id| rosters.get(&id)) else {
            return Ok(Planned::default());
        };
        let Some(facts) = MeetingFacts::of_payload(&event.payload) else {
            tracing::warn!(
                event = event.id,
                "a meetings event without its meeting: skipped"
            );
            return Ok(Planned::default());
        };
        let resident = match event.event_type.as_str() {
            "meeting.convened" => Some((Topic::Meetings, "convened")),
            "meeting.postponed" => Some((Topic::Meetings, "postponed")),
            "meeting.cancelled" => Some((Topic::Meetings, "cancelled")),
            // One publication, one notice: the minutes' event lists the public decisions.
            // (`decision.published`, one event per decision, is no longer written.)
            "minutes.published" => Some((Topic::Minutes, "minutes")),
            "minutes.corrected" => Some((Topic::Minutes, "minutes_corrected")),
            "decision.corrected" => match event.payload.get("kind").and_then(Value::as_str) {
                Some("recommendation") => Some((Topic::Minutes, "recommendation_corrected")),
                _ => Some((Topic::Minutes, "decision_corrected")),
            },
            _ => None,
        };
        let member = MemberKind::of_event(&event.event_type);
        let slug = roster.tenant.slug.as_str();
        // Members' messages name the venue (and most list the agenda); residents' list the
        // public agenda of a convocation.
        let needs_meeting =
            member.is_some() || resident.is_some_and(|(_, kind)| kind == "convened");
        let brief = if needs_meeting {
            self.meeting_brief(slug, facts.meeting_id).await
        } else {
            None
        };
        let mut planned = Planned::default();
        let key = format!("meetings:{}", event.id);
        if let Some((topic, kind)) = resident {
            let text = |name: &str| event.payload.get(name).and_then(Value::as_str);
            let title = match text("decision") {
                Some(number) if kind.ends_with("_corrected") => {
                    format!("{number} · {}", facts.title)
                }
                _ => facts.title.clone(),
            };
            let decisions = event
                .payload
                .get("decisions")
                .cloned()
                .and_then(|list| serde_json::from_value(list).ok())
                .unwrap_or_default();
            let agenda = match (&brief, kind) {
                (Some(brief), "convened") => brief.public_agenda(),
                _ => Vec::new(),
            };
            planned.notices.push((
                Notice {
                    tenant_id: roster.tenant.id,
                    topic,
                    kind,
                    // A meeting has one title, in the council's language (Greek).
                    title_en: String::new(),
                    title_el: title,
                    when: Some(facts.starts_at),
                    reason: facts.reason.clone(),
                    agenda,
                    decisions,
                    link: self.meeting_url(slug, facts.meeting_id),
                    key: key.clone(),
                },
                roster,
            ));
        }
        if let Some(kind) = member {
            let contacts = self.contacts_of(contacts, roster).await?;
            planned.direct =
                self.member_messages(kind, &facts, brief.as_ref(), roster, contacts, &key)?;
            planned.meeting = Some((roster.tenant.id, kind, facts));
        }
        Ok(planned)
    }

    /// The notices a practices event calls for: a published practice, for the residents
    /// of each municipality it belongs to.
    async fn practice_notices<'r>(
        &self,
        source: &dyn EventSource,
        event: &SourceEvent,
        rosters: &'r HashMap<i64, CouncilRoster>,
    ) -> Result<Vec<(Notice, &'r CouncilRoster)>> {
        let key = format!("practices:{}", event.id);
        if event.event_type != "practice.published" {
            return Ok(Vec::new());
        }
        let Some(slug) = event.payload.get("slug").and_then(Value::as_str) else {
            return Ok(Vec::new());
        };
        let Some(practice) = source.practice(slug).await? else {
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
                        decisions: Vec::new(),
                        link: format!("{}/practices/{}", self.base_url, practice.slug),
                        key: format!("{key}:tenant:{}", roster.tenant.id),
                    },
                    roster,
                )
            })
            .collect())
    }
}
