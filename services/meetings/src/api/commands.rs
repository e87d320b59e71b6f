//! Everything a caller may change about a meeting, each as one function that checks who is
//! asking, parses the request into the domain's types and calls the service. The JSON API
//! and the workspace's pages both call these with the same input types, so a form in the
//! browser and a request to the API meet one set of rules and one permission check.

use chrono::{DateTime, Utc};
use council_shared::{
    ApiError, FieldError,
    auth::Principal,
    validation::{Errors, optional_text, required_text},
};

use super::{Core, models::*};
use crate::{
    access::Viewer,
    domain::{ApprovedBy, DecisionData, ItemData, MeetingData, MeetingState, reason},
    entities::{agenda_item, attachment, attendance_answer, item_comment, meeting},
    service::{self, agenda, attachments, attendance, decisions, meetings, minutes},
};

pub fn meeting_data(body: &MeetingInput) -> Result<MeetingData, Vec<FieldError>> {
    MeetingData::parse(
        &body.title,
        body.kind,
        body.mode,
        body.starts_at.to_utc(),
        body.ends_at.to_utc(),
        body.location.as_ref().map(|l| l.name.as_str()),
        body.location.as_ref().and_then(|l| l.address.as_deref()),
        body.online_url.as_deref(),
    )
}

pub fn item_data(body: &ItemInput) -> Result<ItemData, Vec<FieldError>> {
    ItemData::parse(
        &body.title,
        body.description.as_deref(),
        body.rapporteur.as_deref(),
        body.public.unwrap_or(true),
    )
}

/// A meeting's version as a form carries it: the time of its last change, to the
/// microsecond (what both databases keep).
pub fn version_of(meeting: &meeting::Model) -> String {
    meeting.updated_at.timestamp_micros().to_string()
}

/// An agenda item's version, as its form carries it.
pub fn item_version(item: &agenda_item::Model) -> String {
    item.updated_at.timestamp_micros().to_string()
}

/// The version of an item's decision (`none` before there is one).
pub fn decision_version(stored: Option<&decisions::StoredDecision>) -> String {
    stored.map_or_else(
        || "none".to_string(),
        |d| d.decision.updated_at.timestamp_micros().to_string(),
    )
}

/// The version of a meeting's minutes: the newest text's number and time (`none` before).
pub async fn minutes_version(core: &Core, meeting_id: i64) -> Result<String, ApiError> {
    let versions = minutes::versions(&core.db, meeting_id).await?;
    Ok(versions.last().map_or_else(
        || "none".to_string(),
        |v| format!("{}-{}", v.version, v.created_at.timestamp_micros()),
    ))
}

/// Refuses a change made from a form that showed an older version of what it changes
/// (`current`), so two people editing at once never overwrite each other silently.
fn check_seen(current: &str, seen: Option<&str>) -> Result<(), ApiError> {
    match seen {
        // A form always carries its version; a client that sends none checks nothing.
        Some(seen) if !seen.is_empty() && seen != current => Err(ApiError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::CHANGED_MEANWHILE,
                "it was changed by someone else since this form was opened",
            ),
        )),
        _ => Ok(()),
    }
}

fn check_version(meeting: &meeting::Model, seen: Option<&str>) -> Result<(), ApiError> {
    check_seen(&version_of(meeting), seen)
}

/// The check a staff command makes first: the municipality's secretary or administrators.
/// Pages that read a form before they can call a command check this before the form.
pub async fn check_staff(core: &Core, caller: &Principal, slug: &str) -> Result<i64, ApiError> {
    let roster = core.roster(slug).await?;
    let viewer = Viewer::of(Some(caller), roster.tenant.id);
    super::require_staff(&viewer)?;
    Ok(roster.tenant.id)
}

/// The check a member's command makes first: the caller sits on this council (and sees
/// the meeting). Their user and member record.
pub async fn check_member(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
) -> Result<(meeting::Model, i64, i64), ApiError> {
    let (_, viewer, meeting) = core.meeting(slug, id, Some(caller)).await?;
    match viewer {
        Viewer::Member {
            member_id: Some(member_id),
            user_id,
            ..
        } => Ok((meeting, user_id, member_id)),
        _ => Err(ApiError::Forbidden(
            "only members of this council answer its convocations".into(),
        )),
    }
}

pub async fn create_meeting(
    core: &Core,
    caller: &Principal,
    slug: &str,
    body: &MeetingInput,
) -> Result<meeting::Model, ApiError> {
    let tenant_id = check_staff(core, caller, slug).await?;
    let data = meeting_data(body).map_err(ApiError::Validation)?;
    Ok(meetings::create(&core.db, tenant_id, data).await?)
}

/// `seen`: the version the form showed (`version_of`), when there was a form.
pub async fn update_meeting(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    body: &MeetingInput,
    seen: Option<&str>,
) -> Result<meeting::Model, ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    let data = meeting_data(body).map_err(ApiError::Validation)?;
    check_version(&meeting, seen)?;
    Ok(meetings::update(&core.db, meeting, data).await?)
}

pub async fn delete_meeting(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
) -> Result<(), ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    Ok(meetings::delete(&core.db, meeting).await?)
}

pub async fn convene(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
) -> Result<meeting::Model, ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    Ok(meetings::convene(&core.db, meeting).await?)
}

pub async fn postpone(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    body: &PostponeInput,
) -> Result<meeting::Model, ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    let why = reason("reason", &body.reason, 2000).map_err(ApiError::Validation)?;
    Ok(meetings::postpone(
        &core.db,
        meeting,
        body.starts_at.to_utc(),
        body.ends_at.to_utc(),
        why,
    )
    .await?)
}

pub async fn cancel(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    body: &ReasonInput,
) -> Result<meeting::Model, ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    let why = reason("reason", &body.reason, 2000).map_err(ApiError::Validation)?;
    Ok(meetings::cancel(&core.db, meeting, why).await?)
}

pub async fn add_item(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    body: &ItemInput,
) -> Result<(), ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    let data = item_data(body).map_err(ApiError::Validation)?;
    agenda::add(&core.db, meeting, data, body.urgent.unwrap_or(false)).await?;
    Ok(())
}

pub async fn update_item(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    (item_id, seen): (i64, Option<&str>),
    body: &ItemInput,
) -> Result<(), ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    let item = agenda::find(&core.db, &meeting, item_id).await?;
    let data = item_data(body).map_err(ApiError::Validation)?;
    check_seen(&item_version(&item), seen)?;
    agenda::update(&core.db, meeting, item, data).await?;
    Ok(())
}

pub async fn withdraw_item(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    item_id: i64,
    body: &ReasonInput,
) -> Result<(), ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    let item = agenda::find(&core.db, &meeting, item_id).await?;
    let why = reason("reason", &body.reason, 2000).map_err(ApiError::Validation)?;
    agenda::withdraw(&core.db, meeting, item, why).await?;
    Ok(())
}

pub async fn reorder(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    body: &ReorderInput,
) -> Result<(), ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    agenda::reorder(&core.db, meeting, &body.item_ids).await?;
    Ok(())
}

/// A council member's answer to the convocation.
pub async fn answer(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    body: &AnswerInput,
) -> Result<attendance_answer::Model, ApiError> {
    let (meeting, user_id, member_id) = check_member(core, caller, (slug, id)).await?;
    let note =
        optional_text(body.note.as_deref(), 1000).map_err(|m| ApiError::invalid("note", m))?;
    Ok(attendance::answer(&core.db, &meeting, member_id, user_id, body.answer, note).await?)
}

/// A council member's private comment on an item, for the secretary.
pub async fn comment(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    item_id: i64,
    body: &CommentInput,
) -> Result<item_comment::Model, ApiError> {
    let (roster, viewer, meeting) = core.meeting(slug, id, Some(caller)).await?;
    let Viewer::Member {
        member_id,
        user_id,
        name,
    } = viewer
    else {
        return Err(ApiError::Forbidden(
            "comments on the agenda are for the council's members".into(),
        ));
    };
    let item = agenda::find(&core.db, &meeting, item_id).await?;
    let text = reason("body", &body.body, 5000).map_err(ApiError::Validation)?;
    Ok(attendance::comment(
        &core.db,
        &meeting,
        &item,
        member_id,
        user_id,
        super::views::member_name(&roster, member_id, &name),
        text,
    )
    .await?)
}

pub async fn record_attendance(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    body: &AttendanceInput,
) -> Result<meeting::Model, ApiError> {
    let (roster, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    let mut errors = Errors::new();
    let mut lines = Vec::with_capacity(body.records.len());
    for (index, line) in body.records.iter().enumerate() {
        let substitute = errors.check(
            &format!("records[{index}].substitute_name"),
            optional_text(line.substitute_name.as_deref(), 200),
        );
        lines.push(attendance::RecordLine {
            member_id: line.member_id,
            status: line.status,
            substitute_name: substitute.flatten(),
        });
    }
    errors.finish(|| ()).map_err(ApiError::Validation)?;
    Ok(attendance::record(&core.db, meeting, &roster, lines).await?)
}

pub async fn hold(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
) -> Result<meeting::Model, ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    Ok(meetings::hold(&core.db, meeting).await?)
}

/// Records an item's decision, or corrects it (with its required note) once published.
pub async fn record_decision(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    (item_id, seen): (i64, Option<&str>),
    body: &DecisionInput,
) -> Result<decisions::StoredDecision, ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    let item = agenda::find(&core.db, &meeting, item_id).await?;
    let data = DecisionData::parse(
        body.kind,
        &body.text,
        body.votes_for,
        body.votes_against,
        body.abstentions,
        body.dissent.as_deref(),
        body.result,
        meeting.present.unwrap_or(0),
    )
    .map_err(ApiError::Validation)?;
    if seen.is_some() {
        let current = decisions::find_for_item(&core.db, item.id).await.ok();
        check_seen(&decision_version(current.as_ref()), seen)?;
    }
    let published = service::state_of(&meeting)? == MeetingState::Published;
    Ok(if published {
        let note = reason(
            "change_note",
            body.change_note.as_deref().unwrap_or(""),
            2000,
        )
        .map_err(ApiError::Validation)?;
        decisions::correct(&core.db, &meeting, &item, data, note).await?
    } else {
        decisions::record(&core.db, &meeting, &item, data).await?
    })
}

/// An ΑΔΑ is Greek capitals and digits in two hyphenated groups, such as `6ΞΨ3ΩΡΦ-ΥΘΛ`.
pub fn parse_ada(value: Option<&str>) -> Result<Option<String>, ApiError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let valid = value.chars().count() <= 64
        && value.contains('-')
        && value
            .chars()
            .all(|c| c == '-' || c.is_ascii_digit() || c.is_uppercase());
    if valid {
        Ok(Some(value.to_string()))
    } else {
        Err(ApiError::invalid(
            "ada",
            council_shared::validation::Invalid::new(
                "invalid_ada",
                "must look like 6ΞΨ3ΩΡΦ-ΥΘΛ: capital letters and digits, with a hyphen",
            ),
        ))
    }
}

pub async fn set_ada(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    item_id: i64,
    body: &AdaInput,
) -> Result<decisions::StoredDecision, ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    let item = agenda::find(&core.db, &meeting, item_id).await?;
    let ada = parse_ada(body.ada.as_deref())?;
    Ok(decisions::set_ada(&core.db, item.id, ada).await?)
}

/// Saves the draft minutes (made from the record when `body` is empty), or once published
/// a correction: the whole corrected text with its required note, as a new version.
pub async fn save_minutes(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    body: &MinutesInput,
    seen: Option<&str>,
) -> Result<(), ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    if seen.is_some() {
        check_seen(&minutes_version(core, meeting.id).await?, seen)?;
    }
    let text =
        optional_text(body.body.as_deref(), 200_000).map_err(|m| ApiError::invalid("body", m))?;
    if service::state_of(&meeting)? == MeetingState::Published {
        let mut errors = Errors::new();
        if text.is_none() {
            errors.add(
                "body",
                council_shared::validation::Invalid::new(
                    "correction_needs_text",
                    "a correction gives the whole corrected text",
                ),
            );
        }
        let note = errors.check(
            "change_note",
            required_text(body.change_note.as_deref().unwrap_or(""), 2000),
        );
        errors.finish(|| ()).map_err(ApiError::Validation)?;
        minutes::correct(
            &core.db,
            &meeting,
            text.unwrap_or_default(),
            note.unwrap_or_default(),
        )
        .await?;
    } else {
        minutes::draft(&core.db, meeting, text).await?;
    }
    Ok(())
}

pub async fn approve_minutes(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    body: &ApprovalInput,
) -> Result<(), ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    let mut errors = Errors::new();
    if body.by == ApprovedBy::Meeting && body.approved_in_meeting_id.is_none() {
        errors.add(
            "approved_in_meeting_id",
            council_shared::validation::Invalid::new(
                "approving_meeting_needed",
                "name the meeting that approved the minutes",
            ),
        );
    }
    let note = errors.check("note", optional_text(body.note.as_deref(), 2000));
    let on: DateTime<Utc> = body.approved_at.map_or_else(Utc::now, |at| at.to_utc());
    errors.finish(|| ()).map_err(ApiError::Validation)?;
    let approval = minutes::Approval {
        by: body.by,
        in_meeting: body.approved_in_meeting_id,
        on,
        note: note.flatten(),
    };
    minutes::approve(&core.db, meeting, approval).await?;
    Ok(())
}

pub async fn publish(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
) -> Result<meeting::Model, ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    Ok(minutes::publish(&core.db, meeting).await?)
}

/// Stores a document on the meeting or one of its items, streamed and checked by content.
pub async fn upload<S, E>(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    item_id: Option<i64>,
    file_name: &str,
    body: S,
) -> Result<attachment::Model, ApiError>
where
    S: futures_util::Stream<Item = Result<bytes::Bytes, E>> + Unpin,
    E: std::error::Error + Send + Sync + 'static,
{
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    let name = council_shared::files::clean_file_name(file_name)?;
    attachments::upload(
        &core.db,
        core.store.as_ref(),
        &meeting,
        item_id,
        name,
        body,
        core.max_upload_bytes,
    )
    .await
}

pub async fn remove_attachment(
    core: &Core,
    caller: &Principal,
    (slug, id): (&str, i64),
    attachment_id: i64,
) -> Result<(), ApiError> {
    let (_, _, meeting) = core.staff_meeting(slug, id, caller).await?;
    let file = attachments::find(&core.db, meeting.id, attachment_id).await?;
    Ok(attachments::remove(&core.db, core.store.as_ref(), &meeting, file).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ada_is_greek_capitals_and_digits_with_a_hyphen() {
        assert_eq!(
            parse_ada(Some("6ΞΨ3ΩΡΦ-ΥΘΛ")).unwrap().as_deref(),
            Some("6ΞΨ3ΩΡΦ-ΥΘΛ")
        );
        assert_eq!(parse_ada(Some("  ")).unwrap(), None);
        assert!(parse_ada(Some("abc")).is_err());
        assert!(parse_ada(Some("<script>-1")).is_err());
    }
}
