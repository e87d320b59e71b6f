//! The OParl 1.1 objects, as JSON. Times are given in Athens time with their offset; the
//! texts are the Greek ones the council wrote. Absent values are left out, never `null`.

use chrono::{DateTime, Datelike, NaiveDate, SecondsFormat, Utc};
use council_shared::{
    athens,
    council::{CouncilRoster, RosterMember},
};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::load::{MeetingBundle, NumberedItem};
use crate::{
    api::views,
    disclosure,
    domain::{DecisionKind, DecisionResult, MeetingState},
    entities::{attachment, meeting, minutes_version},
};

pub const OPARL_VERSION: &str = "https://schema.oparl.org/1.1/";

fn kind(name: &str) -> String {
    format!("{OPARL_VERSION}{name}")
}

pub fn time(at: DateTime<Utc>) -> String {
    athens::local(at).to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn date(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// Drops `null` members, which OParl's schemas do not accept for absent values.
fn compact(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, compact(v)))
                .collect::<Map<_, _>>(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(compact).collect()),
        other => other,
    }
}

/// The addresses of one municipality's objects under the OParl root.
pub struct Urls {
    /// The platform's public address, without a trailing slash.
    pub site: String,
    /// `{site}/oparl/v1.1`
    pub root: String,
}

impl Urls {
    pub fn new(site: &str) -> Self {
        Self {
            site: site.to_string(),
            root: format!("{site}/oparl/v1.1"),
        }
    }

    pub fn system(&self) -> String {
        format!("{}/system", self.root)
    }

    pub fn bodies(&self) -> String {
        format!("{}/bodies", self.root)
    }

    pub fn body(&self, slug: &str) -> String {
        format!("{}/bodies/{slug}", self.root)
    }

    /// A list or object under the body: `in_body(slug, "meetings/3")`.
    pub fn in_body(&self, slug: &str, path: &str) -> String {
        format!("{}/bodies/{slug}/{path}", self.root)
    }

    fn page(&self, path: &str) -> String {
        format!("{}{path}", self.site)
    }
}

/// The council's term of office: as recorded, or else the municipal period it falls in
/// (five years from 1 January 2024, under law 4804/2021).
pub struct Term {
    pub key: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Term {
    pub fn of(roster: &CouncilRoster, today: NaiveDate) -> Self {
        let (start, end) = match (roster.term_start, roster.term_end) {
            (Some(start), Some(end)) => (start, end),
            _ => {
                let first = 2024 + (today.year() - 2024).div_euclid(5) * 5;
                (
                    NaiveDate::from_ymd_opt(first, 1, 1).expect("a valid date"),
                    NaiveDate::from_ymd_opt(first + 4, 12, 31).expect("a valid date"),
                )
            }
        };
        Self {
            key: format!("{}-{}", start.year(), end.year()),
            start,
            end,
        }
    }
}

pub fn system(urls: &Urls, bodies: &[CouncilRoster]) -> Value {
    let created = bodies
        .iter()
        .map(|b| b.created_at)
        .min()
        .unwrap_or_else(Utc::now);
    let modified = bodies.iter().map(|b| b.updated_at).max().unwrap_or(created);
    compact(json!({
        "id": urls.system(),
        "type": kind("System"),
        "oparlVersion": OPARL_VERSION,
        "name": "Πλατφόρμα Συμβουλίων Ένταξης Μεταναστών και Προσφύγων (ΣΕΜΠ)",
        "body": urls.bodies(),
        "website": urls.page("/"),
        "web": urls.page("/"),
        "created": time(created),
        "modified": time(modified),
    }))
}

pub fn legislative_term(urls: &Urls, roster: &CouncilRoster, term: &Term) -> Value {
    let slug = roster.tenant.slug.as_str();
    compact(json!({
        "id": urls.in_body(slug, &format!("legislative-terms/{}", term.key)),
        "type": kind("LegislativeTerm"),
        "body": urls.body(slug),
        "name": format!("Δημοτική περίοδος {}", term.key.replace('-', "–")),
        "startDate": date(term.start),
        "endDate": date(term.end),
        "created": time(roster.created_at),
        "modified": time(roster.updated_at),
    }))
}

pub fn body(urls: &Urls, roster: &CouncilRoster, term: &Term) -> Value {
    let slug = roster.tenant.slug.as_str();
    let list = |path: &str| urls.in_body(slug, path);
    compact(json!({
        "id": urls.body(slug),
        "type": kind("Body"),
        "system": urls.system(),
        "name": roster.tenant.name_el,
        "shortName": roster.tenant.name_en,
        "classification": "Δήμος",
        "organization": list("organizations"),
        "person": list("people"),
        "meeting": list("meetings"),
        "paper": list("papers"),
        "agendaItem": list("agenda-items"),
        "consultation": list("consultations"),
        "file": list("files"),
        "membership": list("memberships"),
        "locationList": list("locations"),
        "legislativeTermList": list("legislative-terms"),
        "legislativeTerm": [legislative_term(urls, roster, term)],
        "web": urls.page(&format!("/municipalities/{slug}")),
        "created": time(roster.created_at),
        "modified": time(roster.updated_at),
    }))
}

pub fn organization(urls: &Urls, roster: &CouncilRoster, term: &Term) -> Value {
    let slug = roster.tenant.slug.as_str();
    compact(json!({
        "id": urls.in_body(slug, "organizations/council"),
        "type": kind("Organization"),
        "body": urls.body(slug),
        "name": roster.council_name_el,
        "shortName": "ΣΕΜΠ",
        "organizationType": "Gremium",
        "classification": "Beirat",
        "startDate": date(term.start),
        "endDate": date(term.end),
        "membership": roster.members.iter()
            .map(|m| urls.in_body(slug, &format!("memberships/{}", m.id)))
            .collect::<Vec<_>>(),
        "meeting": urls.in_body(slug, "meetings"),
        "web": urls.page(&format!("/municipalities/{slug}")),
        "created": time(roster.created_at),
        "modified": time(roster.updated_at),
    }))
}

fn role_name(member: &RosterMember) -> &'static str {
    match (member.role.as_str(), member.substitute) {
        ("president", _) => "Πρόεδρος",
        ("vice_president", _) => "Αντιπρόεδρος",
        ("secretary", _) => "Γραμματέας",
        (_, true) => "Αναπληρωματικό μέλος",
        _ => "Τακτικό μέλος",
    }
}

/// A membership; `standalone` adds the person it belongs to and its dates of record.
pub fn membership(urls: &Urls, slug: &str, member: &RosterMember, standalone: bool) -> Value {
    let mut value = json!({
        "id": urls.in_body(slug, &format!("memberships/{}", member.id)),
        "type": kind("Membership"),
        "organization": urls.in_body(slug, "organizations/council"),
        "role": role_name(member),
        "votingRight": !member.substitute && member.role != "secretary",
        "startDate": member.term_start.map(date),
        "endDate": member.term_end.map(date),
    });
    if standalone {
        value["person"] = urls.in_body(slug, &format!("people/{}", member.id)).into();
        value["created"] = time(member.created_at).into();
        value["modified"] = time(member.updated_at).into();
    }
    compact(value)
}

pub fn person(urls: &Urls, slug: &str, member: &RosterMember) -> Value {
    compact(json!({
        "id": urls.in_body(slug, &format!("people/{}", member.id)),
        "type": kind("Person"),
        "body": urls.body(slug),
        "name": member.full_name,
        "membership": [membership(urls, slug, member, false)],
        "created": time(member.created_at),
        "modified": time(member.updated_at),
    }))
}

/// The key of a venue: the same name and address on several meetings are one Location.
pub fn location_key(meeting: &meeting::Model) -> Option<String> {
    let name = meeting.location_name.as_deref()?;
    let address = meeting.location_address.as_deref().unwrap_or_default();
    let digest = Sha256::digest(format!("{}\n{}", name.trim(), address.trim()));
    Some(hex::encode(&digest[..8]))
}

/// A venue; `meetings` (for a location fetched on its own) lists the meetings held there.
pub fn location(
    urls: &Urls,
    slug: &str,
    at: &[&meeting::Model],
    standalone: bool,
) -> Option<Value> {
    let first = at.first()?;
    let key = location_key(first)?;
    let description = views::venue(first)?;
    let mut value = json!({
        "id": urls.in_body(slug, &format!("locations/{key}")),
        "type": kind("Location"),
        "description": description,
        "streetAddress": first.location_address,
    });
    if standalone {
        value["bodies"] = json!([urls.body(slug)]);
        value["meetings"] = at
            .iter()
            .map(|m| urls.in_body(slug, &format!("meetings/{}", m.id)))
            .collect::<Vec<_>>()
            .into();
        let created = at
            .iter()
            .map(|m| m.created_at)
            .min()
            .unwrap_or(first.created_at);
        let modified = at
            .iter()
            .map(|m| m.updated_at)
            .max()
            .unwrap_or(first.updated_at);
        value["created"] = time(created).into();
        value["modified"] = time(modified).into();
    }
    Some(compact(value))
}

/// A document; `standalone` adds what it belongs to.
pub fn file(urls: &Urls, slug: &str, row: &attachment::Model, standalone: bool) -> Value {
    let stem = row
        .file_name
        .rsplit_once('.')
        .map_or(row.file_name.as_str(), |(stem, _)| stem);
    let download = urls.page(&views::attachment_view(slug, row).download);
    let mut value = json!({
        "id": urls.in_body(slug, &format!("files/{}", row.id)),
        "type": kind("File"),
        "name": stem,
        "fileName": row.file_name,
        "mimeType": row.content_type,
        "size": row.size_bytes,
        "sha512Checksum": row.sha512,
        "date": date(athens::local(row.created_at).date_naive()),
        "accessUrl": download,
        "downloadUrl": download,
        "created": time(row.created_at),
        "modified": time(row.created_at),
    });
    if standalone {
        value["meeting"] = json!([urls.in_body(slug, &format!("meetings/{}", row.meeting_id))]);
        if let Some(item) = row.item_id {
            value["agendaItem"] = json!([urls.in_body(slug, &format!("agenda-items/{item}"))]);
        }
    }
    compact(value)
}

/// The published minutes as a File: the print page is its access address.
pub fn minutes_file(
    urls: &Urls,
    slug: &str,
    bundle: &MeetingBundle,
    standalone: bool,
) -> Option<Value> {
    let first: &minutes_version::Model = bundle.minutes.first()?;
    let current = bundle.minutes.last()?;
    let meeting = &bundle.meeting;
    let number = views::number(meeting).unwrap_or_else(|| meeting.id.to_string());
    let page = urls.page(&format!("{}/minutes", views::page_path(slug, meeting.id)));
    let mut value = json!({
        "id": urls.in_body(slug, &format!("meetings/{}/minutes", meeting.id)),
        "type": kind("File"),
        "name": format!("Πρακτικά συνεδρίασης {number}"),
        "fileName": format!("praktiko-{}.html", number.replace('/', "-")),
        "mimeType": "text/html",
        "text": current.body,
        "date": current.published_at.map(|at| date(athens::local(at).date_naive())),
        "accessUrl": page,
        "web": page,
        "created": time(first.published_at.unwrap_or(first.created_at)),
        "modified": time(current.published_at.unwrap_or(current.created_at)),
    });
    if standalone {
        value["meeting"] = json!([urls.in_body(slug, &format!("meetings/{}", meeting.id))]);
    }
    Some(compact(value))
}

fn result_text(result: DecisionResult) -> &'static str {
    match result {
        DecisionResult::Adopted => "Εγκρίθηκε",
        DecisionResult::Rejected => "Απορρίφθηκε",
    }
}

/// An agenda item at `order` in its meeting's public agenda.
pub fn agenda_item(
    urls: &Urls,
    slug: &str,
    bundle: &MeetingBundle,
    numbered: &NumberedItem,
    order: usize,
    standalone: bool,
) -> Value {
    let item = &numbered.item;
    let meeting = &bundle.meeting;
    let decision = bundle.decision_on(item.id);
    let result = if item.withdrawn_at.is_some() {
        Some("Αποσύρθηκε".to_string())
    } else {
        decision
            .and_then(|(_, v)| DecisionResult::from_db(&v.result).ok())
            .zip(decision)
            .map(|(r, (d, _))| {
                // «εισήγηση» for a recommendation: never called a decision.
                let kind = DecisionKind::from_db(&d.kind).map_or(String::new(), |k| {
                    disclosure::kind_word_el(k).to_lowercase()
                });
                format!("{} ({kind} {}/{})", result_text(r), d.number, d.year)
            })
    };
    let mut value = json!({
        "id": urls.in_body(slug, &format!("agenda-items/{}", item.id)),
        "type": kind("AgendaItem"),
        "order": order,
        "number": format!("{}.", numbered.number),
        "name": item.title,
        "public": true,
        "result": result,
        "resolutionText": decision.map(|(_, v)| v.text.clone()),
        "auxiliaryFile": bundle.files_of(Some(item.id)).map(|f| file(urls, slug, f, false)).collect::<Vec<_>>(),
        "web": urls.page(&format!("{}#item-{}", views::page_path(slug, meeting.id), item.id)),
        "created": time(item.created_at),
        "modified": time(item.updated_at),
    });
    if standalone {
        value["meeting"] = urls
            .in_body(slug, &format!("meetings/{}", meeting.id))
            .into();
    }
    compact(value)
}

fn meeting_state(state: MeetingState) -> &'static str {
    match state {
        MeetingState::Draft | MeetingState::Convened | MeetingState::Cancelled => "eingeladen",
        _ => "durchgeführt",
    }
}

pub fn meeting(urls: &Urls, slug: &str, bundle: &MeetingBundle) -> Value {
    let meeting = &bundle.meeting;
    let state = bundle.state();
    let name = match views::number(meeting) {
        Some(number) => format!("Συνεδρίαση {number}: {}", meeting.title),
        None => meeting.title.clone(),
    };
    compact(json!({
        "id": urls.in_body(slug, &format!("meetings/{}", meeting.id)),
        "type": kind("Meeting"),
        "name": name,
        "meetingState": meeting_state(state),
        "cancelled": state == MeetingState::Cancelled,
        "start": time(meeting.starts_at),
        "end": time(meeting.ends_at),
        "location": location(urls, slug, &[meeting], false),
        "organization": [urls.in_body(slug, "organizations/council")],
        "participant": bundle.present.iter()
            .map(|id| urls.in_body(slug, &format!("people/{id}")))
            .collect::<Vec<_>>(),
        "resultsProtocol": minutes_file(urls, slug, bundle, false),
        "auxiliaryFile": bundle.files_of(None).map(|f| file(urls, slug, f, false)).collect::<Vec<_>>(),
        "agendaItem": bundle.items.iter().enumerate()
            .map(|(order, item)| agenda_item(urls, slug, bundle, item, order, false))
            .collect::<Vec<_>>(),
        "web": urls.page(&views::page_path(slug, meeting.id)),
        "created": time(meeting.created_at),
        "modified": time(meeting.updated_at),
    }))
}
