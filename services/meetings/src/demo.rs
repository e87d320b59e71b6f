//! Demo data: a year of meetings for each demo municipality (Athens, Piraeus,
//! Thessaloniki), with agendas grounded in their real programmes, attendance, decisions and
//! published minutes, and one convened meeting to come. The members are the invented
//! council members of the tenants demo data, matched by name.
//!
//! The files are compiled in. A municipality that already has meetings is left alone. No
//! events are written: the past needs no e-mail, and the invented members have no inbox.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use council_shared::{
    athens,
    council::{CouncilDirectory, CouncilRoster, has_quorum},
    tenant::TenantSlug,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter,
};
use serde::Deserialize;

use crate::{
    domain::{
        ApprovedBy, AttendanceStatus, DecisionKind, DecisionResult, MeetingKind, MeetingMode,
        MeetingState,
    },
    entities::{
        agenda_item, attendance_record, decision, decision_version, meeting, minutes_version,
    },
    service::search,
};

const FILES: [(&str, &str); 3] = [
    ("athens", include_str!("../demo/athens.json")),
    ("piraeus", include_str!("../demo/piraeus.json")),
    ("thessaloniki", include_str!("../demo/thessaloniki.json")),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoFile {
    meetings: Vec<DemoMeeting>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoMeeting {
    title: String,
    kind: MeetingKind,
    mode: MeetingMode,
    starts_at: DateTime<FixedOffset>,
    ends_at: DateTime<FixedOffset>,
    location: Option<DemoLocation>,
    online_url: Option<String>,
    agenda: Vec<DemoItem>,
    attendance: Option<DemoAttendance>,
    minutes: Option<String>,
    approval: Option<DemoApproval>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoLocation {
    name: String,
    address: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoItem {
    title: String,
    description: String,
    rapporteur: Option<String>,
    public: bool,
    urgent: bool,
    decision: Option<DemoDecision>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoDecision {
    kind: DecisionKind,
    text: String,
    votes_for: i32,
    votes_against: i32,
    abstentions: i32,
    dissent: Option<String>,
    result: DecisionResult,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoAttendance {
    present: Vec<String>,
    absent: Vec<String>,
    excused: Vec<String>,
    substitute_present: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoApproval {
    on: NaiveDate,
    by: ApprovedBy,
    note: Option<String>,
}

/// Loads the demo meetings of every demo municipality that exists and has none yet; says
/// how many meetings it created.
pub async fn load(
    db: &DatabaseConnection,
    directory: &dyn CouncilDirectory,
) -> anyhow::Result<usize> {
    let mut created = 0;
    for (slug, json) in FILES {
        let file: DemoFile = serde_json::from_str(json)
            .map_err(|e| anyhow::anyhow!("demo meetings for {slug}: {e}"))?;
        let Some(roster) = directory
            .roster(&TenantSlug::parse(slug).map_err(anyhow::Error::msg)?)
            .await?
        else {
            continue;
        };
        let existing = meeting::Entity::find()
            .filter(meeting::Column::TenantId.eq(roster.tenant.id))
            .count(db)
            .await?;
        if existing > 0 {
            continue;
        }
        let txn = council_shared::database::begin_write(db).await?;
        let mut sequences: Vec<(i32, i32)> = Vec::new();
        let mut numbers: Vec<(i32, i32)> = Vec::new();
        for demo in &file.meetings {
            let id = insert_meeting(&txn, &roster, demo, &mut sequences, &mut numbers).await?;
            search::reindex(&txn, id).await?;
            created += 1;
        }
        txn.commit().await?;
        tracing::info!(slug, meetings = file.meetings.len(), "demo meetings loaded");
    }
    Ok(created)
}

fn next(counters: &mut Vec<(i32, i32)>, year: i32) -> i32 {
    match counters.iter_mut().find(|(y, _)| *y == year) {
        Some((_, n)) => {
            *n += 1;
            *n
        }
        None => {
            counters.push((year, 1));
            1
        }
    }
}

async fn insert_meeting(
    txn: &impl sea_orm::ConnectionTrait,
    roster: &CouncilRoster,
    demo: &DemoMeeting,
    sequences: &mut Vec<(i32, i32)>,
    numbers: &mut Vec<(i32, i32)>,
) -> anyhow::Result<i64> {
    let starts_at = demo.starts_at.to_utc();
    let year = athens::year(starts_at);
    let held = demo.minutes.is_some();
    let now = Utc::now();
    let day = athens::local(starts_at).date_naive();
    let in_office = roster.in_office_on(day).len();
    let member_id = |name: &str| {
        roster
            .members
            .iter()
            .find(|m| m.full_name == name)
            .map(|m| m.id)
            .ok_or_else(|| {
                anyhow::anyhow!("demo meeting «{}» names unknown member {name}", demo.title)
            })
    };
    let mut lines: Vec<(i64, String, AttendanceStatus)> = Vec::new();
    if let Some(attendance) = &demo.attendance {
        for (names, status) in [
            (&attendance.present, AttendanceStatus::Present),
            (&attendance.absent, AttendanceStatus::Absent),
            (&attendance.excused, AttendanceStatus::Excused),
            (
                &attendance.substitute_present,
                AttendanceStatus::SubstitutePresent,
            ),
        ] {
            for name in names {
                lines.push((member_id(name)?, name.clone(), status));
            }
        }
    }
    let present = lines.iter().filter(|l| l.2.is_present()).count();
    let approval_at = demo
        .approval
        .as_ref()
        .map(|a| Utc.from_utc_datetime(&a.on.and_hms_opt(10, 0, 0).expect("valid time")));
    let saved = meeting::ActiveModel {
        tenant_id: Set(roster.tenant.id),
        year: Set(Some(year)),
        sequence: Set(Some(next(sequences, year))),
        title: Set(demo.title.clone()),
        kind: Set(demo.kind.as_str().into()),
        mode: Set(demo.mode.as_str().into()),
        state: Set(if held {
            MeetingState::Published
        } else {
            MeetingState::Convened
        }
        .as_str()
        .into()),
        starts_at: Set(starts_at),
        ends_at: Set(demo.ends_at.to_utc()),
        location_name: Set(demo.location.as_ref().map(|l| l.name.clone())),
        location_address: Set(demo.location.as_ref().and_then(|l| l.address.clone())),
        online_url: Set(demo.online_url.clone()),
        quorum_present: Set(held.then(|| has_quorum(present, in_office))),
        in_office: Set(held.then_some(in_office as i32)),
        present: Set(held.then_some(present as i32)),
        ical_sequence: Set(0),
        search_text: Set(String::new()),
        approved_at: Set(approval_at),
        approved_by: Set(demo.approval.as_ref().map(|a| a.by.as_str().into())),
        approval_note: Set(demo.approval.as_ref().and_then(|a| a.note.clone())),
        created_at: Set(now),
        updated_at: Set(now),
        convened_at: Set(Some(starts_at - chrono::Duration::days(7))),
        held_at: Set(held.then_some(demo.ends_at.to_utc())),
        published_at: Set(approval_at.filter(|_| held)),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    for (member, name, status) in &lines {
        attendance_record::ActiveModel {
            meeting_id: Set(saved.id),
            member_id: Set(*member),
            member_name: Set(name.clone()),
            status: Set(status.as_str().into()),
            substitute_name: Set(None),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    for (index, item) in demo.agenda.iter().enumerate() {
        let row = agenda_item::ActiveModel {
            meeting_id: Set(saved.id),
            position: Set(index as i32 + 1),
            title: Set(item.title.clone()),
            description: Set(item.description.clone()),
            rapporteur: Set(item.rapporteur.clone()),
            public: Set(item.public),
            urgent: Set(item.urgent),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        let Some(found) = &item.decision else {
            continue;
        };
        let record = decision::ActiveModel {
            meeting_id: Set(saved.id),
            item_id: Set(row.id),
            tenant_id: Set(roster.tenant.id),
            year: Set(year),
            number: Set(next(numbers, year)),
            kind: Set(found.kind.as_str().into()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        decision_version::ActiveModel {
            decision_id: Set(record.id),
            version: Set(1),
            text: Set(found.text.clone()),
            votes_for: Set(found.votes_for),
            votes_against: Set(found.votes_against),
            abstentions: Set(found.abstentions),
            dissent: Set(found.dissent.clone()),
            result: Set(found.result.as_str().into()),
            created_at: Set(now),
            published_at: Set(approval_at),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    if let Some(text) = &demo.minutes {
        minutes_version::ActiveModel {
            meeting_id: Set(saved.id),
            version: Set(1),
            body: Set(text.clone()),
            created_at: Set(demo.ends_at.to_utc()),
            published_at: Set(approval_at),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(saved.id)
}
