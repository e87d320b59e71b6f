//! Minutes (πρακτικά): drafted in Markdown (from the record, unless the secretary writes
//! them), approved by a later meeting or the president, then published. A published
//! version is never edited: a correction is a new published version with a note of what
//! changed, and every earlier version stays readable.

use chrono::{DateTime, Utc};
use council_shared::athens;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, prelude::Expr,
};

use super::{
    agenda, attendance, check_allowed, decisions,
    events::{self, EventType, Payload},
    search,
};
use crate::{
    disclosure,
    domain::{Action, ApprovedBy, AttendanceStatus, DecisionKind, DecisionResult, MeetingState},
    entities::{meeting, minutes_version},
    error::{MeetingsError, Result},
};

pub async fn versions(
    db: &impl ConnectionTrait,
    meeting_id: i64,
) -> Result<Vec<minutes_version::Model>> {
    Ok(minutes_version::Entity::find()
        .filter(minutes_version::Column::MeetingId.eq(meeting_id))
        .order_by_asc(minutes_version::Column::Version)
        .all(db)
        .await?)
}

/// A first draft of the minutes built from what was recorded: who attended, the quorum,
/// each item and its decision or recommendation. The page gives the minutes their title,
/// so the draft starts with the facts, and its headings sit below the page's own. The
/// sentences never inflect a name someone typed (a venue, a member): each stands after a
/// label («Τόπος: …»), so they read right whatever its gender or case.
pub async fn from_record(db: &impl ConnectionTrait, meeting: &meeting::Model) -> Result<String> {
    let local = athens::local(meeting.starts_at);
    let mut text = format!(
        "Συνεδρίαση: {}\n\nΗμερομηνία και ώρα: {}, {}\n",
        meeting.title,
        local.format("%d/%m/%Y"),
        local.format("%H:%M")
    );
    if let Some(place) = &meeting.location_name {
        let place = council_shared::council::place(place, meeting.location_address.as_deref());
        text.push_str(&format!("\nΤόπος: {place}\n"));
    }
    text.push_str("\n## Παρουσίες\n");
    let records = attendance::records(db, meeting.id).await?;
    let mut present = Vec::new();
    let mut absent = Vec::new();
    let mut substituted = Vec::new();
    for line in &records {
        match AttendanceStatus::from_db(&line.status)? {
            AttendanceStatus::Present => present.push(format!("- {}", line.member_name)),
            AttendanceStatus::Absent => absent.push(format!("- {}", line.member_name)),
            AttendanceStatus::Excused => {
                absent.push(format!("- {} (δικαιολογημένη απουσία)", line.member_name))
            }
            AttendanceStatus::SubstitutePresent => substituted.push(match &line.substitute_name {
                Some(substitute) => {
                    format!(
                        "- {} (αναπληρωματικό μέλος: {substitute})",
                        line.member_name
                    )
                }
                None => format!("- {} (παρέστη αναπληρωματικό μέλος)", line.member_name),
            }),
        }
    }
    for (label, lines) in [
        ("Παρόντα μέλη", present),
        ("Απόντα μέλη", absent),
        ("Αναπληρώσεις", substituted),
    ] {
        if !lines.is_empty() {
            text.push_str(&format!("\n{label}:\n\n{}\n", lines.join("\n")));
        }
    }
    match (meeting.quorum_present, meeting.present, meeting.in_office) {
        (Some(true), Some(present), Some(in_office)) => text.push_str(&format!(
            "\nΔιαπιστώθηκε απαρτία. Παρόντα μέλη: {present} από {in_office}.\n"
        )),
        (Some(false), Some(present), Some(in_office)) => text.push_str(&format!(
            "\nΔεν διαπιστώθηκε απαρτία. Παρόντα μέλη: {present} από {in_office}. Γι' αυτό \
             τα θέματα δεν ψηφίστηκαν.\n"
        )),
        _ => {}
    }
    let decisions = decisions::for_meeting(db, meeting.id).await?;
    text.push_str("\n## Θέματα\n");
    for (index, item) in agenda::items(db, meeting.id).await?.iter().enumerate() {
        // Published minutes are public: a closed item appears by its place only.
        if !disclosure::item_is_public(item) {
            text.push_str(&format!(
                "\n### Θέμα {} (συζητήθηκε κεκλεισμένων των θυρών)\n\nΗ συζήτηση και το αποτέλεσμα \
                 τηρούνται στο αρχείο του ΣΕΜΠ.\n",
                index + 1
            ));
            continue;
        }
        text.push_str(&format!("\n### Θέμα {}: {}\n\n", index + 1, item.title));
        if item.withdrawn_at.is_some() {
            text.push_str("Το θέμα αποσύρθηκε.\n");
            continue;
        }
        if let Some(rapporteur) = &item.rapporteur {
            text.push_str(&format!("Εισηγείται: {rapporteur}\n\n"));
        }
        if let Some(stored) = decisions.iter().find(|d| d.decision.item_id == item.id) {
            let version = stored.current();
            let kind = DecisionKind::from_db(&stored.decision.kind)?;
            let result = match DecisionResult::from_db(&version.result)? {
                DecisionResult::Adopted => "εγκρίθηκε",
                DecisionResult::Rejected => "απορρίφθηκε",
            };
            text.push_str(&format!(
                "{} {}/{}: {}\n\nΥπέρ: {} · Κατά: {} · Λευκά ή αποχές: {} · Αποτέλεσμα: {result}.\n",
                disclosure::kind_word_el(kind),
                stored.decision.number,
                stored.decision.year,
                version.text,
                version.votes_for,
                version.votes_against,
                version.abstentions
            ));
            if let Some(dissent) = &version.dissent {
                text.push_str(&format!("\nΜειοψηφούσα γνώμη: {dissent}\n"));
            }
        }
    }
    Ok(text)
}

/// Saves the draft minutes (from the record when `body` is `None`).
pub async fn draft(
    db: &DatabaseConnection,
    meeting: meeting::Model,
    body: Option<String>,
) -> Result<minutes_version::Model> {
    check_allowed(&meeting, Action::DraftMinutes)?;
    let body = match body {
        Some(body) => body,
        None => from_record(db, &meeting).await?,
    };
    let txn = council_shared::database::begin_write(db).await?;
    minutes_version::Entity::delete_many()
        .filter(minutes_version::Column::MeetingId.eq(meeting.id))
        .exec(&txn)
        .await?;
    let saved = minutes_version::ActiveModel {
        meeting_id: Set(meeting.id),
        version: Set(1),
        body: Set(body),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    // The members hear once that a draft awaits them, not at every save while it is written.
    let first_draft = meeting.state != MeetingState::MinutesDrafted.as_str();
    let mut active = meeting.into_active_model();
    active.state = Set(MeetingState::MinutesDrafted.as_str().into());
    active.updated_at = Set(Utc::now());
    let meeting = active.update(&txn).await?;
    if first_draft {
        events::emit(
            &txn,
            meeting.tenant_id,
            EventType::MinutesDrafted,
            &Payload::of(&meeting),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(saved)
}

/// Who approved the minutes and when.
#[derive(Debug, Clone)]
pub struct Approval {
    pub by: ApprovedBy,
    /// The later meeting that approved them, when `by` is a meeting.
    pub in_meeting: Option<i64>,
    pub on: DateTime<Utc>,
    pub note: Option<String>,
}

pub async fn approve(
    db: &DatabaseConnection,
    meeting: meeting::Model,
    approval: Approval,
) -> Result<meeting::Model> {
    check_allowed(&meeting, Action::ApproveMinutes)?;
    if approval.on < meeting.starts_at || approval.on > Utc::now() + chrono::Duration::minutes(5) {
        return Err(MeetingsError::invalid(
            "approved_at",
            "must be after the meeting and not in the future",
        ));
    }
    if let Some(other) = approval.in_meeting {
        let approving = super::find_meeting(db, meeting.tenant_id, other)
            .await
            .map_err(|_| {
                MeetingsError::invalid(
                    "approved_in_meeting_id",
                    format!("this municipality has no meeting {other}"),
                )
            })?;
        if approving.starts_at <= meeting.starts_at {
            return Err(MeetingsError::invalid(
                "approved_in_meeting_id",
                "minutes are approved by a later meeting",
            ));
        }
    }
    let mut active = meeting.into_active_model();
    active.state = Set(MeetingState::MinutesApproved.as_str().into());
    active.approved_at = Set(Some(approval.on));
    active.approved_by = Set(Some(approval.by.as_str().into()));
    active.approved_in_meeting_id = Set(approval.in_meeting);
    active.approval_note = Set(approval.note);
    active.updated_at = Set(Utc::now());
    Ok(active.update(db).await?)
}

/// Publishes the approved minutes and their decisions.
pub async fn publish(db: &DatabaseConnection, meeting: meeting::Model) -> Result<meeting::Model> {
    check_allowed(&meeting, Action::Publish)?;
    let now = Utc::now();
    let txn = council_shared::database::begin_write(db).await?;
    minutes_version::Entity::update_many()
        .col_expr(minutes_version::Column::PublishedAt, Expr::value(now))
        .filter(minutes_version::Column::MeetingId.eq(meeting.id))
        .exec(&txn)
        .await?;
    let mut active = meeting.into_active_model();
    active.state = Set(MeetingState::Published.as_str().into());
    active.published_at = Set(Some(now));
    active.updated_at = Set(now);
    let saved = active.update(&txn).await?;
    decisions::publish_all(&txn, &saved).await?;
    let mut payload = Payload::of(&saved);
    payload.version = Some(1);
    payload.decisions = Some(disclosure::public_decisions(
        &agenda::items(&txn, saved.id).await?,
        &decisions::for_meeting(&txn, saved.id).await?,
    )?);
    events::emit(&txn, saved.tenant_id, EventType::MinutesPublished, &payload).await?;
    search::reindex(&txn, saved.id).await?;
    txn.commit().await?;
    tracing::info!(meeting = saved.id, "minutes published");
    Ok(saved)
}

/// A correction of published minutes: a new published version; the old ones stay.
pub async fn correct(
    db: &DatabaseConnection,
    meeting: &meeting::Model,
    body: String,
    change_note: String,
) -> Result<minutes_version::Model> {
    check_allowed(meeting, Action::Correct)?;
    let latest = versions(db, meeting.id)
        .await?
        .last()
        .map_or(0, |v| v.version);
    let txn = council_shared::database::begin_write(db).await?;
    let now = Utc::now();
    let saved = minutes_version::ActiveModel {
        meeting_id: Set(meeting.id),
        version: Set(latest + 1),
        body: Set(body),
        change_note: Set(Some(change_note.clone())),
        created_at: Set(now),
        published_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut payload = Payload::of(meeting);
    payload.version = Some(saved.version);
    payload.reason = Some(change_note);
    events::emit(
        &txn,
        meeting.tenant_id,
        EventType::MinutesCorrected,
        &payload,
    )
    .await?;
    search::reindex(&txn, meeting.id).await?;
    txn.commit().await?;
    Ok(saved)
}
