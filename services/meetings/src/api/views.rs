//! Rows to API views, filtered by who is looking: the public sees no drafts, no closed
//! items or their documents, no unpublished decisions or minutes, and the online link only
//! once the meeting has started.

use chrono::Utc;
use council_shared::{athens, markdown::to_safe_html};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::models::*;
use council_shared::council::CouncilRoster;

use crate::{
    access::Viewer,
    disclosure,
    domain::{
        ApprovedBy, AttendanceAnswer, AttendanceStatus, DecisionKind, DecisionResult, MeetingKind,
        MeetingMode, MeetingState,
    },
    entities::{attachment, decision_version, meeting, minutes_version, postponement},
    error::{MeetingsError, Result},
    service::{agenda, attachments, attendance, decisions, minutes},
};

pub fn page_path(slug: &str, id: i64) -> String {
    format!("/municipalities/{slug}/meetings/{id}")
}

pub fn calendar_path(slug: &str, id: i64) -> String {
    format!("/api/v1/tenants/{slug}/meetings/{id}/calendar.ics")
}

pub use council_shared::council::place;

/// The meeting's venue on one line, if it has one.
pub fn venue(meeting: &meeting::Model) -> Option<String> {
    let name = meeting.location_name.as_deref()?;
    Some(place(name, meeting.location_address.as_deref()))
}

/// The meeting's number in its year, «3/2026», once convened.
pub fn number(meeting: &meeting::Model) -> Option<String> {
    Some(format!("{}/{}", meeting.sequence?, meeting.year?))
}

/// Whether `viewer` may see the meeting at all (drafts are for insiders).
pub fn visible(meeting: &meeting::Model, viewer: &Viewer) -> Result<bool> {
    Ok(viewer.is_insider() || MeetingState::from_db(&meeting.state)?.is_public())
}

pub fn summary(slug: &str, meeting: &meeting::Model, postponed: bool) -> Result<MeetingSummary> {
    Ok(MeetingSummary {
        id: meeting.id,
        tenant: slug.to_string(),
        number: number(meeting),
        title: meeting.title.clone(),
        kind: MeetingKind::from_db(&meeting.kind)?,
        mode: MeetingMode::from_db(&meeting.mode)?,
        state: MeetingState::from_db(&meeting.state)?,
        starts_at: meeting.starts_at,
        ends_at: meeting.ends_at,
        starts_at_local: athens::local(meeting.starts_at),
        ends_at_local: athens::local(meeting.ends_at),
        location: meeting.location_name.as_ref().map(|name| LocationBody {
            name: name.clone(),
            address: meeting.location_address.clone(),
        }),
        postponed,
        cancel_reason: meeting.cancel_reason.clone(),
        page: page_path(slug, meeting.id),
    })
}

/// Summaries for a list page, with one query for which of them were postponed.
pub async fn summaries(
    db: &impl ConnectionTrait,
    slug: &str,
    meetings: &[meeting::Model],
) -> Result<Vec<MeetingSummary>> {
    let ids: Vec<i64> = meetings.iter().map(|m| m.id).collect();
    let moved: Vec<i64> = postponement::Entity::find()
        .filter(postponement::Column::MeetingId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.meeting_id)
        .collect();
    meetings
        .iter()
        .map(|m| summary(slug, m, moved.contains(&m.id)))
        .collect()
}

pub fn attachment_view(slug: &str, row: &attachment::Model) -> AttachmentView {
    AttachmentView {
        id: row.id,
        item_id: row.item_id,
        file_name: row.file_name.clone(),
        content_type: row.content_type.clone(),
        size_bytes: row.size_bytes,
        sha512: row.sha512.clone(),
        download: format!(
            "/api/v1/tenants/{slug}/meetings/{}/attachments/{}",
            row.meeting_id, row.id
        ),
    }
}

fn version_view(row: &decision_version::Model) -> Result<DecisionVersionView> {
    Ok(DecisionVersionView {
        version: row.version,
        text: row.text.clone(),
        text_html: to_safe_html(&row.text),
        votes_for: row.votes_for,
        votes_against: row.votes_against,
        abstentions: row.abstentions,
        dissent: row.dissent.clone(),
        result: DecisionResult::from_db(&row.result)?,
        change_note: row.change_note.clone(),
        published_at: row.published_at,
    })
}

/// A decision as `insider` or the public may see it: the public only published versions.
pub fn decision_view(
    stored: &decisions::StoredDecision,
    insider: bool,
) -> Result<Option<DecisionView>> {
    let visible: Vec<&decision_version::Model> =
        disclosure::visible_versions(insider, stored).collect();
    let Some((current, earlier)) = visible.split_last() else {
        return Ok(None);
    };
    Ok(Some(DecisionView {
        id: stored.decision.id,
        number: format!("{}/{}", stored.decision.number, stored.decision.year),
        kind: DecisionKind::from_db(&stored.decision.kind)?,
        ada: stored.decision.ada.clone(),
        current: version_view(current)?,
        earlier: earlier
            .iter()
            .map(|v| version_view(v))
            .collect::<Result<_>>()?,
    }))
}

pub fn minutes_view(row: &minutes_version::Model) -> MinutesView {
    MinutesView {
        version: row.version,
        body: row.body.clone(),
        body_html: to_safe_html(&row.body),
        change_note: row.change_note.clone(),
        published_at: row.published_at,
        created_at: row.created_at,
    }
}

/// Everything `viewer` may see of `meeting`.
pub async fn detail(
    db: &impl ConnectionTrait,
    roster: &CouncilRoster,
    meeting: &meeting::Model,
    viewer: &Viewer,
) -> Result<MeetingDetail> {
    let slug = roster.tenant.slug.as_str();
    if !visible(meeting, viewer)? {
        return Err(MeetingsError::MeetingNotFound(meeting.id));
    }
    let insider = viewer.is_insider();
    let state = MeetingState::from_db(&meeting.state)?;
    let published = state == MeetingState::Published;
    let moves = postponement::Entity::find()
        .filter(postponement::Column::MeetingId.eq(meeting.id))
        .order_by_asc(postponement::Column::Id)
        .all(db)
        .await?;
    let files = attachments::for_meeting(db, meeting.id).await?;
    let stored_decisions = decisions::for_meeting(db, meeting.id).await?;
    let mut agenda = Vec::new();
    for (index, item) in agenda::items(db, meeting.id).await?.into_iter().enumerate() {
        if !disclosure::sees_item(insider, &item) {
            continue;
        }
        let decision = match stored_decisions
            .iter()
            .find(|d| d.decision.item_id == item.id)
        {
            Some(stored) => decision_view(stored, insider)?,
            None => None,
        };
        agenda.push(AgendaItemView {
            id: item.id,
            number: index as i32 + 1,
            description_html: to_safe_html(&item.description),
            title: item.title,
            description: item.description,
            rapporteur: item.rapporteur,
            public: item.public,
            urgent: item.urgent,
            withdrawn: item.withdrawn_at.is_some(),
            withdrawn_reason: item.withdrawn_reason,
            attachments: files
                .iter()
                .filter(|f| f.item_id == Some(item.id))
                .map(|f| attachment_view(slug, f))
                .collect(),
            decision,
        });
    }
    let attendance = if insider || published {
        let records = attendance::records(db, meeting.id).await?;
        match (meeting.quorum_present, records.is_empty()) {
            (Some(quorum), false) => Some(AttendanceView {
                in_office: meeting.in_office.unwrap_or(0),
                present: meeting.present.unwrap_or(0),
                quorum,
                records: records
                    .iter()
                    .map(|r| {
                        Ok(AttendanceLine {
                            member_id: r.member_id,
                            member_name: r.member_name.clone(),
                            status: AttendanceStatus::from_db(&r.status)?,
                            substitute_name: r.substitute_name.clone(),
                        })
                    })
                    .collect::<Result<_>>()?,
            }),
            _ => None,
        }
    } else {
        None
    };
    let versions: Vec<MinutesView> = minutes::versions(db, meeting.id)
        .await?
        .iter()
        .filter(|v| insider || v.published_at.is_some())
        .map(minutes_view)
        .collect();
    let approval = match (&meeting.approved_by, meeting.approved_at) {
        (Some(by), Some(at)) if insider || published => Some(ApprovalView {
            by: ApprovedBy::from_db(by)?,
            approved_at: at,
            approved_in_meeting_id: meeting.approved_in_meeting_id,
            note: meeting.approval_note.clone(),
        }),
        _ => None,
    };
    let started = meeting.starts_at <= Utc::now();
    let my_answer = match viewer {
        Viewer::Member {
            member_id: Some(member),
            ..
        } => attendance::answers(db, meeting.id)
            .await?
            .into_iter()
            .find(|a| a.member_id == *member)
            .map(|a| answer_view(&a, roster))
            .transpose()?,
        _ => None,
    };
    let allowed_actions = match viewer {
        Viewer::Staff { .. } => state
            .allowed()
            .iter()
            .map(|a| a.name().to_string())
            .collect(),
        Viewer::Member { .. } => state
            .allowed()
            .iter()
            .filter(|a| matches!(a, crate::domain::Action::AnswerAttendance))
            .map(|a| a.name().to_string())
            .collect(),
        Viewer::Public => Vec::new(),
    };
    Ok(MeetingDetail {
        summary: summary(slug, meeting, !moves.is_empty())?,
        online_url: meeting
            .online_url
            .clone()
            .filter(|_| insider || started && state != MeetingState::Cancelled),
        agenda,
        attachments: files
            .iter()
            .filter(|f| f.item_id.is_none())
            .map(|f| attachment_view(slug, f))
            .collect(),
        postponements: moves
            .iter()
            .map(|p| PostponementView {
                previous_starts_at: p.previous_starts_at,
                new_starts_at: p.new_starts_at,
                reason: p.reason.clone(),
                at: p.created_at,
            })
            .collect(),
        attendance,
        minutes: versions.last().cloned(),
        minutes_versions: versions,
        approval,
        my_answer,
        allowed_actions,
        calendar: calendar_path(slug, meeting.id),
    })
}

/// How a member is named to the secretary and the council: their name on the roster,
/// never their address. `recorded` is the name kept when they wrote (a display name, or
/// an address from before names were required), used when the roster has no such member.
pub fn member_name(roster: &CouncilRoster, member_id: Option<i64>, recorded: &str) -> String {
    match member_id.and_then(|id| roster.member(id)) {
        Some(member) => member.full_name.clone(),
        None if recorded.contains('@') || recorded.trim().is_empty() => {
            "Μέλος του συμβουλίου".to_string()
        }
        None => recorded.to_string(),
    }
}

pub fn answer_view(
    row: &crate::entities::attendance_answer::Model,
    roster: &CouncilRoster,
) -> Result<AnswerView> {
    Ok(AnswerView {
        member_id: row.member_id,
        member_name: member_name(roster, Some(row.member_id), ""),
        answer: AttendanceAnswer::from_db(&row.answer)?,
        note: row.note.clone(),
        answered_at: row.answered_at,
    })
}
