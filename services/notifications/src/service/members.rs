//! Council members' e-mail: the convocation with its whole agenda (closed items marked),
//! rapporteurs, document links and an iCalendar invitation (`REQUEST`); changes and
//! postponements (`REQUEST` with a higher SEQUENCE, so calendars replace the old one);
//! cancellations (`CANCEL`); a reminder the municipality's lead time before the meeting;
//! and the notice that draft minutes await the members' review.
//!
//! Members are the council's roster, in office on the meeting's day, with an address from
//! the tenants service (`CouncilDirectory::contacts`). Each message is one delivery per
//! member per event, under an idempotency key, like residents' notices.

use chrono::{DateTime, Utc};
use council_shared::{
    athens,
    council::{CouncilRoster, MemberContact},
    ical,
};
use serde::Serialize;
use serde_json::Value;

use super::{messages::words, queue::NewDelivery};
use crate::{Notifications, error::Result, source::MeetingBrief};

/// What a member's message says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberKind {
    Convocation,
    Update,
    Postponement,
    Cancellation,
    Reminder,
    DraftMinutes,
}

impl MemberKind {
    /// The message a meetings event calls for, if members hear of it.
    pub fn of_event(event_type: &str) -> Option<Self> {
        match event_type {
            "meeting.convened" => Some(Self::Convocation),
            "meeting.updated" => Some(Self::Update),
            "meeting.postponed" => Some(Self::Postponement),
            "meeting.cancelled" => Some(Self::Cancellation),
            "minutes.drafted" => Some(Self::DraftMinutes),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Convocation => "convocation",
            Self::Update => "update",
            Self::Postponement => "postponement",
            Self::Cancellation => "cancellation",
            Self::Reminder => "reminder",
            Self::DraftMinutes => "minutes",
        }
    }

    /// The iTIP method of the calendar part, for the messages that carry one.
    fn calendar_method(self) -> Option<&'static str> {
        match self {
            Self::Convocation | Self::Update | Self::Postponement => Some("REQUEST"),
            Self::Cancellation => Some("CANCEL"),
            Self::Reminder | Self::DraftMinutes => None,
        }
    }

    /// Whether the message lists the agenda (read from the meetings service).
    pub fn lists_agenda(self) -> bool {
        !matches!(self, Self::Cancellation | Self::DraftMinutes)
    }
}

/// The meeting as the event (or the reminder's record) gives it.
#[derive(Debug, Clone)]
pub struct MeetingFacts {
    pub meeting_id: i64,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub sequence: i32,
    pub reason: Option<String>,
}

impl MeetingFacts {
    /// From a meetings event's payload; None when it lacks what a message needs.
    pub fn of_payload(payload: &Value) -> Option<Self> {
        let time = |name: &str| {
            DateTime::parse_from_rfc3339(payload.get(name)?.as_str()?)
                .ok()
                .map(|d| d.with_timezone(&Utc))
        };
        Some(Self {
            meeting_id: payload.get("meeting_id")?.as_i64()?,
            title: payload.get("title")?.as_str()?.to_string(),
            starts_at: time("starts_at")?,
            ends_at: time("ends_at")?,
            sequence: payload
                .get("ical_sequence")
                .and_then(Value::as_i64)
                .and_then(|n| i32::try_from(n).ok())
                .unwrap_or(0),
            reason: payload
                .get("reason")
                .and_then(Value::as_str)
                .map(str::to_string),
        })
    }
}

#[derive(Serialize)]
struct DocumentData {
    name: String,
    url: String,
}

#[derive(Serialize)]
struct ItemData {
    number: i32,
    title: String,
    rapporteur: Option<String>,
    closed: bool,
    withdrawn: bool,
    documents: Vec<DocumentData>,
}

#[derive(Serialize)]
struct MemberData<'a> {
    lang: &'a str,
    t: &'static Value,
    tenant_name: String,
    member_name: &'a str,
    heading: &'a str,
    intro: &'a str,
    number: Option<&'a str>,
    when: &'a str,
    venue: Option<&'a str>,
    online_url: Option<&'a str>,
    reason: Option<&'a str>,
    agenda: &'a [ItemData],
    documents: &'a [DocumentData],
    link: &'a str,
    calendar_note: Option<&'a str>,
}

/// «12/02/2026 17:00–19:00» in Athens time.
fn time_span(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> String {
    let (start, end) = (athens::local(starts_at), athens::local(ends_at));
    if start.date_naive() == end.date_naive() {
        format!("{}–{}", start.format("%d/%m/%Y %H:%M"), end.format("%H:%M"))
    } else {
        format!(
            "{}–{}",
            start.format("%d/%m/%Y %H:%M"),
            end.format("%d/%m/%Y %H:%M")
        )
    }
}

/// Members' addresses per municipality, read once per pass of a job.
#[derive(Default)]
pub struct ContactBook(std::collections::HashMap<i64, Vec<MemberContact>>);

impl Notifications {
    /// The meeting as its members see it, read from the meetings service. Without it a
    /// message still says that and when the council meets, so a failed read is logged and
    /// the message goes without the agenda.
    pub async fn meeting_brief(&self, slug: &str, meeting_id: i64) -> Option<MeetingBrief> {
        let source = self.source.as_ref()?;
        source
            .meeting(slug, meeting_id)
            .await
            .unwrap_or_else(|error| {
                tracing::warn!(error = ?error, meeting = meeting_id, "the message goes without the agenda");
                None
            })
    }

    /// The addresses of `roster`'s members, from `book` or else the tenants service.
    pub async fn contacts_of<'b>(
        &self,
        book: &'b mut ContactBook,
        roster: &CouncilRoster,
    ) -> Result<&'b [MemberContact]> {
        use std::collections::hash_map::Entry;
        let contacts = match book.0.entry(roster.tenant.id) {
            Entry::Occupied(found) => found.into_mut(),
            Entry::Vacant(slot) => slot.insert(self.directory.contacts(&roster.tenant.slug).await?),
        };
        Ok(contacts)
    }

    /// The message of `kind` about one meeting for every member in office on its day who
    /// has an address, keyed `{key}:meeting:{meeting}:member:{member}`. Members read Greek
    /// (their language is not recorded); the templates have English too.
    pub fn member_messages(
        &self,
        kind: MemberKind,
        facts: &MeetingFacts,
        brief: Option<&MeetingBrief>,
        roster: &CouncilRoster,
        contacts: &[MemberContact],
        key: &str,
    ) -> Result<Vec<NewDelivery>> {
        let lang = "el";
        let t = words(lang);
        let word = |name: &str| t[name].as_str().unwrap_or_default();
        let slug = roster.tenant.slug.as_str();
        let link = self.meeting_url(slug, facts.meeting_id);
        let absolute = |path: &str| format!("{}{path}", self.base_url);
        let documents = |list: &[crate::source::DocumentBrief]| {
            list.iter()
                .map(|d| DocumentData {
                    name: d.name.clone(),
                    url: absolute(&d.path),
                })
                .collect::<Vec<_>>()
        };
        let shown = brief.filter(|_| kind.lists_agenda());
        let agenda: Vec<ItemData> = shown
            .map(|b| {
                b.agenda
                    .iter()
                    .map(|item| ItemData {
                        number: item.number,
                        title: item.title.clone(),
                        rapporteur: item.rapporteur.clone(),
                        closed: !item.public,
                        withdrawn: item.withdrawn,
                        documents: documents(&item.documents),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let meeting_documents = shown.map(|b| documents(&b.documents)).unwrap_or_default();
        let heading = format!(
            "{}: {}",
            word(&format!("member_{}", kind.name())),
            facts.title
        );
        let when = time_span(facts.starts_at, facts.ends_at);
        let subject = format!(
            "{heading} ({})",
            athens::local(facts.starts_at).format("%d/%m/%Y %H:%M")
        );
        let venue = brief.and_then(|b| b.venue.clone());
        let online_url = brief.and_then(|b| b.online_url.clone());
        let calendar_note = kind.calendar_method().map(|method| {
            word(if method == "CANCEL" {
                "calendar_cancel"
            } else {
                "calendar_attached"
            })
        });
        let council_name = if roster.council_name_el.is_empty() {
            roster.tenant.name_el.clone()
        } else {
            format!("{} · {}", roster.council_name_el, roster.tenant.name_el)
        };
        let day = athens::local(facts.starts_at).date_naive();
        let mut deliveries = Vec::new();
        for member in roster.members.iter().filter(|m| {
            m.term_start.is_none_or(|start| start <= day)
                && m.term_end.is_none_or(|end| day <= end)
                // The secretary drafted the minutes: the notice is for the others.
                && !(kind == MemberKind::DraftMinutes && m.role == "secretary")
        }) {
            let Some(contact) = contacts.iter().find(|c| c.member_id == member.id) else {
                continue;
            };
            let data = MemberData {
                lang,
                t,
                tenant_name: council_name.clone(),
                member_name: &member.full_name,
                heading: &heading,
                intro: word(&format!("member_intro_{}", kind.name())),
                number: brief.and_then(|b| b.number.as_deref()),
                when: &when,
                venue: venue.as_deref(),
                online_url: online_url.as_deref(),
                reason: facts.reason.as_deref(),
                agenda: &agenda,
                documents: &meeting_documents,
                link: &link,
                calendar_note,
            };
            let rendered = self.messages.render("member", subject.clone(), &data)?;
            let calendar = kind.calendar_method().map(|method| {
                let event = ical::Event {
                    uid: ical::uid(slug, facts.meeting_id),
                    sequence: facts.sequence,
                    status: if method == "CANCEL" {
                        "CANCELLED"
                    } else {
                        "CONFIRMED"
                    },
                    summary: facts.title.clone(),
                    description: agenda
                        .iter()
                        .filter(|i| !i.withdrawn)
                        .map(|i| format!("{}. {}\n", i.number, i.title))
                        .collect(),
                    location: venue.clone().or_else(|| online_url.clone()),
                    url: link.clone(),
                    starts_at: facts.starts_at,
                    ends_at: facts.ends_at,
                    last_modified: Utc::now(),
                };
                (
                    method.to_string(),
                    ical::invitation(
                        &council_name,
                        method,
                        &event,
                        (&council_name, &self.mailer.from_address()),
                        (&member.full_name, &contact.email),
                    ),
                )
            });
            deliveries.push(NewDelivery {
                tenant_id: Some(roster.tenant.id),
                idempotency_key: format!("{key}:meeting:{}:member:{}", facts.meeting_id, member.id),
                kind: format!("member.{}", kind.name()),
                recipient: contact.email.clone(),
                subscriber_id: None,
                subject: rendered.subject,
                text_body: rendered.text,
                html_body: Some(rendered.html),
                calendar,
                unsubscribe_url: None,
                // Edits in a row reach the members as one message: each newer one replaces
                // the one still waiting (`queue::drop_waiting_changes`).
                not_before: (kind == MemberKind::Update).then(|| {
                    Utc::now()
                        + chrono::Duration::seconds(self.settings.change_delay_seconds.into())
                }),
                body: None,
            });
        }
        Ok(deliveries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meeting_on_one_day_reads_as_one_date_and_two_times() {
        let start = DateTime::parse_from_rfc3339("2026-02-12T15:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            time_span(start, start + chrono::Duration::hours(2)),
            "12/02/2026 17:00–19:00"
        );
    }

    #[test]
    fn every_meetings_event_members_hear_of_has_a_message() {
        for event in [
            "meeting.convened",
            "meeting.updated",
            "meeting.postponed",
            "meeting.cancelled",
            "minutes.drafted",
        ] {
            let kind = MemberKind::of_event(event).unwrap();
            for lang in ["el", "en"] {
                for word in [
                    format!("member_{}", kind.name()),
                    format!("member_intro_{}", kind.name()),
                ] {
                    assert!(words(lang)[&word].is_string(), "{lang}: {word}");
                }
            }
        }
        assert_eq!(MemberKind::of_event("decision.published"), None);
    }
}
