//! What other systems read: the iCalendar feed and per-meeting files, the Atom feed of
//! published minutes and decisions, and the event outbox for the other services.

use std::sync::Arc;

use council_shared::{
    ApiError,
    auth::{MaybeSignedIn, SignedIn, require},
    compression::CachedBody,
    http::PublicUrl,
    problem::ApiResult,
};
use poem::web::Data;
use poem_openapi::{
    ApiResponse, OpenApi,
    param::{Path, Query},
    payload::{Json, Payload, PlainText},
    registry::MetaSchemaRef,
    types::Type,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::{ApiTags, Core, models::*, views};
use crate::{
    atom, disclosure,
    domain::{DecisionKind, MeetingState},
    entities::{agenda_item, decision, decision_version, meeting, minutes_version},
    ical,
    service::{agenda, decisions::StoredDecision, events},
};

/// An iCalendar document, made once and kept (compressed, with its ETag) while it holds.
pub struct CalendarBody(CachedBody);

impl Payload for CalendarBody {
    const CONTENT_TYPE: &'static str = "text/calendar; charset=utf-8";

    fn schema_ref() -> MetaSchemaRef {
        String::schema_ref()
    }
}

impl poem::IntoResponse for CalendarBody {
    fn into_response(self) -> poem::Response {
        self.0.into_response(Self::CONTENT_TYPE)
    }
}

#[derive(ApiResponse)]
pub enum CalendarResponse {
    /// An iCalendar (RFC 5545) document.
    #[oai(status = 200)]
    Ok(CalendarBody, #[oai(header = "Cache-Control")] String),
}

#[derive(ApiResponse)]
pub enum AtomResponse {
    /// An Atom (RFC 4287) feed.
    #[oai(status = 200, content_type = "application/atom+xml; charset=utf-8")]
    Ok(PlainText<String>),
}

#[derive(ApiResponse)]
pub enum EventsResponse {
    /// Events after `after`, oldest first.
    #[oai(status = 200)]
    Ok(Json<MeetingEventList>),
}

pub struct FeedsApi {
    pub(super) core: Arc<Core>,
}

/// How far back the calendar feed reaches: calendars want what is coming and the recent past.
const FEED_DAYS_BACK: i64 = 400;
const FEED_ENTRIES: u64 = 50;

fn event_for(
    base: &str,
    slug: &str,
    meeting: &meeting::Model,
    items: &[agenda_item::Model],
    insider: bool,
) -> Result<ical::Event, ApiError> {
    let state = MeetingState::from_db(&meeting.state)?;
    let mut description = String::new();
    if let Some(number) = views::number(meeting) {
        description.push_str(&format!("Συνεδρίαση {number}\n"));
    }
    for (index, item) in items.iter().enumerate() {
        if disclosure::sees_item(insider, item) && item.withdrawn_at.is_none() {
            description.push_str(&format!("{}. {}\n", index + 1, item.title));
        }
    }
    if let Some(reason) = &meeting.cancel_reason {
        description.push_str(&format!("Η συνεδρίαση ακυρώθηκε. Λόγος: {reason}\n"));
    }
    let location =
        views::venue(meeting).or_else(|| insider.then(|| meeting.online_url.clone()).flatten());
    Ok(ical::Event {
        uid: ical::uid(slug, meeting.id),
        sequence: meeting.ical_sequence,
        status: match state {
            MeetingState::Cancelled => "CANCELLED",
            MeetingState::Draft => "TENTATIVE",
            _ => "CONFIRMED",
        },
        summary: meeting.title.clone(),
        description,
        location,
        url: format!("{base}{}", views::page_path(slug, meeting.id)),
        starts_at: meeting.starts_at,
        ends_at: meeting.ends_at,
        last_modified: meeting.updated_at,
    })
}

/// An Atom entry's title and the paragraph its content starts with: a correction says it
/// is one, of which version, and what changed (`note`); a first publication says what it is.
fn entry_heading(
    what: &str,
    correction_of: &str,
    version: i32,
    note: Option<&str>,
    meeting_title: &str,
) -> (String, String) {
    match note {
        Some(note) => (
            format!("{correction_of} (έκδοση {version}): {meeting_title}"),
            format!(
                "<p><strong>Τι διορθώθηκε:</strong> {}</p>",
                council_shared::markdown::escape_text(note)
            ),
        ),
        None => (format!("{what}: {meeting_title}"), String::new()),
    }
}

impl FeedsApi {
    /// The municipality's calendar: every public meeting of the last 400 days and the future.
    async fn tenant_calendar_body(&self, base: &str, slug: &str) -> Result<CachedBody, ApiError> {
        let roster = self.core.roster(slug).await?;
        let since = chrono::Utc::now() - chrono::Duration::days(FEED_DAYS_BACK);
        let rows = meeting::Entity::find()
            .filter(meeting::Column::TenantId.eq(roster.tenant.id))
            .filter(meeting::Column::State.ne(MeetingState::Draft.as_str()))
            .filter(meeting::Column::StartsAt.gte(since))
            .order_by_asc(meeting::Column::StartsAt)
            .all(&self.core.db)
            .await
            .map_err(crate::error::MeetingsError::from)?;
        // Every meeting's agenda in one query, in agenda order.
        let items = agenda_item::Entity::find()
            .filter(agenda_item::Column::MeetingId.is_in(rows.iter().map(|m| m.id)))
            .order_by_asc(agenda_item::Column::Position)
            .order_by_asc(agenda_item::Column::Id)
            .all(&self.core.db)
            .await
            .map_err(crate::error::MeetingsError::from)?;
        let mut events = Vec::with_capacity(rows.len());
        for row in &rows {
            let own: Vec<agenda_item::Model> = items
                .iter()
                .filter(|i| i.meeting_id == row.id)
                .cloned()
                .collect();
            events.push(event_for(base, slug, row, &own, false)?);
        }
        let name = format!("{}: {}", roster.council_name_el, roster.tenant.name_el);
        Ok(CachedBody::new(ical::calendar(&name, "PUBLISH", &events)))
    }
}

#[OpenApi(tag = "ApiTags::Feeds")]
impl FeedsApi {
    /// A municipality's meetings as an iCalendar feed
    ///
    /// Subscribe to it in a calendar application. Every convened, held and published
    /// meeting of the last 400 days and the future; cancelled ones stay, marked CANCELLED.
    #[oai(path = "/tenants/:slug/calendar.ics", method = "get")]
    async fn tenant_calendar(
        &self,
        slug: Path<String>,
        base: Data<&PublicUrl>,
    ) -> ApiResult<CalendarResponse> {
        let body = self
            .core
            .public_view(
                format!("ics|{}", *slug),
                self.tenant_calendar_body(&base.0.0, &slug),
            )
            .await?;
        Ok(CalendarResponse::Ok(
            CalendarBody(body),
            "public, max-age=300".into(),
        ))
    }

    /// One meeting as an iCalendar file
    #[oai(path = "/tenants/:slug/meetings/:id/calendar.ics", method = "get")]
    async fn meeting_calendar(
        &self,
        caller: MaybeSignedIn,
        slug: Path<String>,
        id: Path<i64>,
        base: Data<&PublicUrl>,
    ) -> ApiResult<CalendarResponse> {
        let make = async {
            let (roster, viewer, meeting) =
                self.core.meeting(&slug, *id, caller.principal()).await?;
            let items = agenda::items(&self.core.db, meeting.id).await?;
            let event = event_for(&base.0.0, &slug, &meeting, &items, viewer.is_insider())?;
            let name = format!("{}: {}", roster.council_name_el, roster.tenant.name_el);
            Ok(CachedBody::new(ical::calendar(&name, "PUBLISH", &[event])))
        };
        // Members see closed items and the online link: their copy is neither shared nor kept.
        if caller.principal().is_some() {
            return Ok(CalendarResponse::Ok(
                CalendarBody(make.await?),
                "private, no-store".into(),
            ));
        }
        let body = self
            .core
            .public_view(format!("ics|{}|{}", *slug, *id), make)
            .await?;
        Ok(CalendarResponse::Ok(
            CalendarBody(body),
            "public, max-age=300".into(),
        ))
    }

    /// Published minutes and decisions as an Atom feed
    ///
    /// The 50 newest, corrections included; decisions on closed items are left out.
    #[oai(path = "/tenants/:slug/minutes.atom", method = "get")]
    async fn minutes_feed(
        &self,
        slug: Path<String>,
        base: Data<&PublicUrl>,
    ) -> ApiResult<AtomResponse> {
        let roster = self.core.roster(&slug).await?;
        let db = &self.core.db;
        let base = &base.0.0;
        let map_err = crate::error::MeetingsError::from;
        let meetings: Vec<meeting::Model> = meeting::Entity::find()
            .filter(meeting::Column::TenantId.eq(roster.tenant.id))
            .filter(meeting::Column::State.eq(MeetingState::Published.as_str()))
            .all(db)
            .await
            .map_err(map_err)?;
        let ids: Vec<i64> = meetings.iter().map(|m| m.id).collect();
        let title_of = |id: i64| meetings.iter().find(|m| m.id == id);
        let mut entries = Vec::new();
        let minutes = minutes_version::Entity::find()
            .filter(minutes_version::Column::MeetingId.is_in(ids.clone()))
            .filter(minutes_version::Column::PublishedAt.is_not_null())
            .order_by_desc(minutes_version::Column::PublishedAt)
            .limit(FEED_ENTRIES)
            .all(db)
            .await
            .map_err(map_err)?;
        for version in &minutes {
            let Some(meeting) = title_of(version.meeting_id) else {
                continue;
            };
            let (title, correction) = entry_heading(
                "Πρακτικά",
                "Διόρθωση πρακτικών",
                version.version,
                version.change_note.as_deref(),
                &meeting.title,
            );
            entries.push(atom::Entry {
                id: format!(
                    "urn:semp:{}:minutes:{}:{}",
                    slug.0, meeting.id, version.version
                ),
                title,
                link: format!("{base}{}", views::page_path(&slug, meeting.id)),
                updated: version.published_at.unwrap_or(version.created_at),
                content_html: format!(
                    "{correction}{}",
                    council_shared::markdown::to_safe_html(&version.body)
                ),
            });
        }
        let items = agenda_item::Entity::find()
            .filter(agenda_item::Column::MeetingId.is_in(ids.clone()))
            .all(db)
            .await
            .map_err(map_err)?;
        let decisions = decision::Entity::find()
            .filter(decision::Column::MeetingId.is_in(ids))
            .all(db)
            .await
            .map_err(map_err)?;
        let versions = decision_version::Entity::find()
            .filter(decision_version::Column::DecisionId.is_in(decisions.iter().map(|d| d.id)))
            .filter(decision_version::Column::PublishedAt.is_not_null())
            .order_by_asc(decision_version::Column::Version)
            .all(db)
            .await
            .map_err(map_err)?;
        for found in decisions {
            let stored = StoredDecision {
                versions: versions
                    .iter()
                    .filter(|v| v.decision_id == found.id)
                    .cloned()
                    .collect(),
                decision: found,
            };
            if !disclosure::decision_is_public(&items, &stored) {
                continue;
            }
            let Some(meeting) = title_of(stored.decision.meeting_id) else {
                continue;
            };
            let kind = disclosure::kind_word_el(
                DecisionKind::from_db(&stored.decision.kind)
                    .map_err(crate::error::MeetingsError::from)?,
            );
            let number = format!("{}/{}", stored.decision.number, stored.decision.year);
            for version in &stored.versions {
                let (title, correction) = entry_heading(
                    &format!("{kind} {number}"),
                    &format!("{kind} {number} – διόρθωση"),
                    version.version,
                    version.change_note.as_deref(),
                    &meeting.title,
                );
                entries.push(atom::Entry {
                    id: format!(
                        "urn:semp:{}:decision:{}:{}",
                        slug.0, stored.decision.id, version.version
                    ),
                    title,
                    link: format!("{base}{}", views::page_path(&slug, meeting.id)),
                    updated: version.published_at.unwrap_or(version.created_at),
                    content_html: format!(
                        "{correction}{}",
                        council_shared::markdown::to_safe_html(&version.text)
                    ),
                });
            }
        }
        entries.sort_by_key(|e| std::cmp::Reverse(e.updated));
        entries.truncate(FEED_ENTRIES as usize);
        let feed = atom::feed(
            &format!("urn:semp:{}:minutes", slug.0),
            &format!(
                "{}: πρακτικά, αποφάσεις και εισηγήσεις",
                roster.council_name_el
            ),
            &format!("{base}/api/v1/tenants/{}/minutes.atom", slug.0),
            &format!("{base}/municipalities/{}/meetings", slug.0),
            &entries,
        );
        Ok(AtomResponse::Ok(PlainText(feed)))
    }

    /// Read the meetings event outbox (platform administrators)
    ///
    /// For other services: events in the order they were committed, after the id given.
    /// Keep the returned `last_id` and pass it as `after` next time.
    #[oai(path = "/meeting-events", method = "get")]
    async fn meeting_events(
        &self,
        caller: SignedIn,
        /// The last event id already read (0 for the beginning).
        after: Query<Option<i64>>,
        /// At most this many events, 1 to 1000 (default 100).
        #[oai(validator(minimum(value = "1"), maximum(value = "1000")))]
        limit: Query<Option<u64>>,
    ) -> ApiResult<EventsResponse> {
        require(
            caller.is_platform_admin(),
            "the event outbox is for the platform's services and administrators",
        )?;
        let limit = limit.0.unwrap_or(100);
        if !(1..=1000).contains(&limit) {
            return Err(ApiError::invalid("limit", "must be 1 to 1000"));
        }
        let after = after.0.unwrap_or(0).max(0);
        let rows = events::after(&self.core.db, after, limit).await?;
        let last_id = rows.last().map_or(after, |e| e.id);
        let events = rows
            .into_iter()
            .map(|e| MeetingEvent {
                id: e.id,
                tenant_id: e.tenant_id,
                meeting_id: e.meeting_id,
                event_type: e.event_type,
                payload: serde_json::from_str(&e.payload).unwrap_or(serde_json::Value::Null),
                created_at: e.created_at,
            })
            .collect();
        Ok(EventsResponse::Ok(Json(MeetingEventList {
            events,
            last_id,
        })))
    }
}
