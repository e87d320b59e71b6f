//! Before the meeting, members answer the convocation and leave private comments for the
//! secretary; at the meeting, the secretary records who was there, which decides quorum.

use chrono::Utc;
use council_shared::{
    athens,
    council::{CouncilRoster, has_quorum},
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, sea_query::OnConflict,
};

use super::check_allowed;
use crate::{
    domain::{Action, AttendanceAnswer, AttendanceStatus},
    entities::{agenda_item, attendance_answer, attendance_record, item_comment, meeting},
    error::{MeetingsError, Result},
};

/// Records (or changes) member `member_id`'s answer to the convocation.
pub async fn answer(
    db: &DatabaseConnection,
    meeting: &meeting::Model,
    member_id: i64,
    user_id: i64,
    answer: AttendanceAnswer,
    note: Option<String>,
) -> Result<attendance_answer::Model> {
    check_allowed(meeting, Action::AnswerAttendance)?;
    // The secretary prepares the sheet from the answers: once the meeting has started,
    // attendance is what the sheet records.
    if meeting.starts_at <= Utc::now() {
        return Err(MeetingsError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::ANSWERS_CLOSED,
                "the meeting has started: answers to the convocation are closed",
            ),
        ));
    }
    let row = attendance_answer::ActiveModel {
        meeting_id: Set(meeting.id),
        member_id: Set(member_id),
        answer: Set(answer.as_str().into()),
        note: Set(note),
        answered_by: Set(Some(user_id)),
        answered_at: Set(Utc::now()),
        ..Default::default()
    };
    attendance_answer::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([
                attendance_answer::Column::MeetingId,
                attendance_answer::Column::MemberId,
            ])
            .update_columns([
                attendance_answer::Column::Answer,
                attendance_answer::Column::Note,
                attendance_answer::Column::AnsweredBy,
                attendance_answer::Column::AnsweredAt,
            ])
            .to_owned(),
        )
        .exec(db)
        .await?;
    attendance_answer::Entity::find()
        .filter(attendance_answer::Column::MeetingId.eq(meeting.id))
        .filter(attendance_answer::Column::MemberId.eq(member_id))
        .one(db)
        .await?
        .ok_or_else(|| MeetingsError::Internal(anyhow::anyhow!("the answer just saved is gone")))
}

pub async fn answers(
    db: &impl ConnectionTrait,
    meeting_id: i64,
) -> Result<Vec<attendance_answer::Model>> {
    Ok(attendance_answer::Entity::find()
        .filter(attendance_answer::Column::MeetingId.eq(meeting_id))
        .order_by_asc(attendance_answer::Column::MemberId)
        .all(db)
        .await?)
}

/// A member's private comment on an item, for the secretary. Allowed until the meeting is
/// held; not for a cancelled or published meeting.
pub async fn comment(
    db: &DatabaseConnection,
    meeting: &meeting::Model,
    item: &agenda_item::Model,
    member_id: Option<i64>,
    user_id: i64,
    author_name: String,
    body: String,
) -> Result<item_comment::Model> {
    check_allowed(meeting, Action::AnswerAttendance)
        .or_else(|error| check_allowed(meeting, Action::EditAgenda).map_err(|_| error))?;
    Ok(item_comment::ActiveModel {
        meeting_id: Set(meeting.id),
        item_id: Set(item.id),
        member_id: Set(member_id),
        user_id: Set(user_id),
        author_name: Set(author_name),
        body: Set(body),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Comments on an item, oldest first; `only_user`: just that user's own.
pub async fn comments(
    db: &impl ConnectionTrait,
    item_id: i64,
    only_user: Option<i64>,
) -> Result<Vec<item_comment::Model>> {
    let mut query = item_comment::Entity::find().filter(item_comment::Column::ItemId.eq(item_id));
    if let Some(user) = only_user {
        query = query.filter(item_comment::Column::UserId.eq(user));
    }
    Ok(query.order_by_asc(item_comment::Column::Id).all(db).await?)
}

/// The comments on every item of a meeting (a member's own with `only_user`), oldest
/// first: one query for a page that shows them all.
pub async fn comments_on_meeting(
    db: &impl ConnectionTrait,
    meeting_id: i64,
    only_user: Option<i64>,
) -> Result<Vec<item_comment::Model>> {
    let mut query =
        item_comment::Entity::find().filter(item_comment::Column::MeetingId.eq(meeting_id));
    if let Some(user) = only_user {
        query = query.filter(item_comment::Column::UserId.eq(user));
    }
    Ok(query.order_by_asc(item_comment::Column::Id).all(db).await?)
}

/// One line of the attendance record, as the secretary enters it.
#[derive(Debug, Clone)]
pub struct RecordLine {
    pub member_id: i64,
    pub status: AttendanceStatus,
    pub substitute_name: Option<String>,
}

/// Replaces the attendance record. Every member in office on the meeting's day must be
/// listed once (substitutes are recorded in place of the member they replace), and the
/// quorum is worked out from it: more than half of the members in office.
pub async fn record(
    db: &DatabaseConnection,
    meeting: meeting::Model,
    roster: &CouncilRoster,
    lines: Vec<RecordLine>,
) -> Result<meeting::Model> {
    check_allowed(&meeting, Action::RecordAttendance)?;
    let day = athens::local(meeting.starts_at).date_naive();
    let in_office = roster.in_office_on(day);
    let mut errors = council_shared::validation::Errors::new();
    for (index, line) in lines.iter().enumerate() {
        let field = format!("records[{index}].member_id");
        if !in_office.iter().any(|m| m.id == line.member_id) {
            errors.add(
                field,
                format!(
                    "member {} is not a regular member in office on {day}",
                    line.member_id
                ),
            );
        } else if lines[..index].iter().any(|l| l.member_id == line.member_id) {
            errors.add(field, format!("member {} is listed twice", line.member_id));
        }
        if line.status != AttendanceStatus::SubstitutePresent && line.substitute_name.is_some() {
            errors.add(
                format!("records[{index}].substitute_name"),
                "is only for a member whose substitute was present",
            );
        }
    }
    for member in &in_office {
        if !lines.iter().any(|l| l.member_id == member.id) {
            errors.add(
                "records",
                format!("{} (member {}) is missing", member.full_name, member.id),
            );
        }
    }
    errors.finish(|| ())?;

    let present = lines.iter().filter(|l| l.status.is_present()).count();
    let quorum = has_quorum(present, in_office.len());
    let txn = council_shared::database::begin_write(db).await?;
    attendance_record::Entity::delete_many()
        .filter(attendance_record::Column::MeetingId.eq(meeting.id))
        .exec(&txn)
        .await?;
    for line in &lines {
        let name = roster
            .member(line.member_id)
            .map(|m| m.full_name.clone())
            .unwrap_or_default();
        attendance_record::ActiveModel {
            meeting_id: Set(meeting.id),
            member_id: Set(line.member_id),
            member_name: Set(name),
            status: Set(line.status.as_str().into()),
            substitute_name: Set(line.substitute_name.clone()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    if !quorum && super::decisions::count_for_meeting(&txn, meeting.id).await? > 0 {
        return Err(MeetingsError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::DECISIONS_NEED_QUORUM,
                "this record leaves the meeting without quorum, but decisions are recorded: \
             a meeting without quorum cannot carry decisions",
            ),
        ));
    }
    let mut active = meeting.into_active_model();
    active.quorum_present = Set(Some(quorum));
    active.in_office = Set(Some(in_office.len() as i32));
    active.present = Set(Some(present as i32));
    active.updated_at = Set(Utc::now());
    let saved = active.update(&txn).await?;
    txn.commit().await?;
    Ok(saved)
}

pub async fn records(
    db: &impl ConnectionTrait,
    meeting_id: i64,
) -> Result<Vec<attendance_record::Model>> {
    Ok(attendance_record::Entity::find()
        .filter(attendance_record::Column::MeetingId.eq(meeting_id))
        .order_by_asc(attendance_record::Column::Id)
        .all(db)
        .await?)
}
