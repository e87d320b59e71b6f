//! A meeting's life: create a draft, edit it, convene it (which numbers it), postpone or
//! cancel it, mark it held, delete a draft.

use chrono::Utc;
use council_shared::athens;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::{
    check_allowed,
    events::{self, EventType, Payload},
    search,
};
use crate::{
    domain::{Action, MeetingData, MeetingState},
    entities::{attendance_record, meeting, postponement},
    error::{MeetingsError, Result},
};

fn apply(active: &mut meeting::ActiveModel, data: &MeetingData) {
    active.title = Set(data.title.clone());
    active.kind = Set(data.kind.as_str().into());
    active.mode = Set(data.mode.as_str().into());
    active.starts_at = Set(data.starts_at);
    active.ends_at = Set(data.ends_at);
    active.location_name = Set(data.location.as_ref().map(|l| l.name.clone()));
    active.location_address = Set(data.location.as_ref().and_then(|l| l.address.clone()));
    active.online_url = Set(data.online_url.clone());
}

/// A new draft meeting: nobody but the council's staff and members sees it yet.
pub async fn create(
    db: &DatabaseConnection,
    tenant_id: i64,
    data: MeetingData,
) -> Result<meeting::Model> {
    let now = Utc::now();
    let mut active = meeting::ActiveModel {
        tenant_id: Set(tenant_id),
        state: Set(MeetingState::Draft.as_str().into()),
        ical_sequence: Set(0),
        search_text: Set(String::new()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    apply(&mut active, &data);
    let txn = council_shared::database::begin_write(db).await?;
    let saved = active.insert(&txn).await?;
    search::reindex(&txn, saved.id).await?;
    txn.commit().await?;
    tracing::info!(meeting = saved.id, tenant = tenant_id, "meeting drafted");
    Ok(saved)
}

/// Changes a draft or convened meeting; a convened one tells its calendars and members.
pub async fn update(
    db: &DatabaseConnection,
    existing: meeting::Model,
    data: MeetingData,
) -> Result<meeting::Model> {
    let state = check_allowed(&existing, Action::Edit)?;
    let txn = council_shared::database::begin_write(db).await?;
    let sequence = existing.ical_sequence;
    let mut active = existing.into_active_model();
    apply(&mut active, &data);
    active.updated_at = Set(Utc::now());
    if state == MeetingState::Convened {
        active.ical_sequence = Set(sequence + 1);
    }
    let saved = active.update(&txn).await?;
    if state == MeetingState::Convened {
        events::emit(
            &txn,
            saved.tenant_id,
            EventType::MeetingUpdated,
            &Payload::of(&saved),
        )
        .await?;
    }
    search::reindex(&txn, saved.id).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Deletes a draft (a convened meeting is cancelled instead, so its history stays).
pub async fn delete(db: &DatabaseConnection, existing: meeting::Model) -> Result<()> {
    check_allowed(&existing, Action::Delete)?;
    meeting::Entity::delete_by_id(existing.id).exec(db).await?;
    Ok(())
}

/// Convenes a draft: gives it the next number of its year and writes the convocation event
/// the notifications service turns into e-mail.
pub async fn convene(db: &DatabaseConnection, existing: meeting::Model) -> Result<meeting::Model> {
    check_allowed(&existing, Action::Convene)?;
    let items = super::agenda::count_live(db, existing.id).await?;
    if items == 0 {
        return Err(MeetingsError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::AGENDA_EMPTY,
                "a meeting is convened with its agenda: add at least one agenda item first",
            ),
        ));
    }
    if existing.starts_at <= Utc::now() {
        return Err(MeetingsError::invalid(
            "starts_at",
            "a meeting is convened before it starts: move its start into the future first",
        ));
    }
    let txn = council_shared::database::begin_write(db).await?;
    let year = athens::year(existing.starts_at);
    let last: Option<Option<i32>> = meeting::Entity::find()
        .select_only()
        .column_as(meeting::Column::Sequence.max(), "max")
        .filter(meeting::Column::TenantId.eq(existing.tenant_id))
        .filter(meeting::Column::Year.eq(year))
        .into_tuple()
        .one(&txn)
        .await?;
    let sequence = last.flatten().unwrap_or(0) + 1;
    let now = Utc::now();
    let mut active = existing.into_active_model();
    active.state = Set(MeetingState::Convened.as_str().into());
    active.year = Set(Some(year));
    active.sequence = Set(Some(sequence));
    active.convened_at = Set(Some(now));
    active.updated_at = Set(now);
    let saved = active.update(&txn).await?;
    events::emit(
        &txn,
        saved.tenant_id,
        EventType::MeetingConvened,
        &Payload::of(&saved),
    )
    .await?;
    search::reindex(&txn, saved.id).await?;
    txn.commit().await?;
    tracing::info!(meeting = saved.id, year, sequence, "meeting convened");
    Ok(saved)
}

/// Moves a convened meeting to a new time; the old time stays in its history.
pub async fn postpone(
    db: &DatabaseConnection,
    existing: meeting::Model,
    starts_at: chrono::DateTime<Utc>,
    ends_at: chrono::DateTime<Utc>,
    reason: String,
) -> Result<meeting::Model> {
    check_allowed(&existing, Action::Postpone)?;
    let mut errors = council_shared::validation::Errors::new();
    crate::domain::check_times(&mut errors, starts_at, ends_at);
    if starts_at <= Utc::now() {
        errors.add(
            "starts_at",
            "a meeting is postponed to a time in the future",
        );
    }
    errors.finish(|| ())?;
    let txn = council_shared::database::begin_write(db).await?;
    postponement::Entity::insert(postponement::ActiveModel {
        meeting_id: Set(existing.id),
        previous_starts_at: Set(existing.starts_at),
        previous_ends_at: Set(existing.ends_at),
        new_starts_at: Set(starts_at),
        new_ends_at: Set(ends_at),
        reason: Set(reason.clone()),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .exec(&txn)
    .await?;
    let sequence = existing.ical_sequence;
    let mut active = existing.into_active_model();
    active.starts_at = Set(starts_at);
    active.ends_at = Set(ends_at);
    active.ical_sequence = Set(sequence + 1);
    active.updated_at = Set(Utc::now());
    let saved = active.update(&txn).await?;
    let mut payload = Payload::of(&saved);
    payload.reason = Some(reason);
    events::emit(&txn, saved.tenant_id, EventType::MeetingPostponed, &payload).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Cancels a convened meeting, with the reason the public and members will read.
pub async fn cancel(
    db: &DatabaseConnection,
    existing: meeting::Model,
    reason: String,
) -> Result<meeting::Model> {
    check_allowed(&existing, Action::Cancel)?;
    let txn = council_shared::database::begin_write(db).await?;
    let sequence = existing.ical_sequence;
    let mut active = existing.into_active_model();
    active.state = Set(MeetingState::Cancelled.as_str().into());
    active.cancel_reason = Set(Some(reason.clone()));
    active.ical_sequence = Set(sequence + 1);
    active.updated_at = Set(Utc::now());
    let saved = active.update(&txn).await?;
    let mut payload = Payload::of(&saved);
    payload.reason = Some(reason);
    events::emit(&txn, saved.tenant_id, EventType::MeetingCancelled, &payload).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Marks a convened meeting as held, once its attendance is recorded (the quorum decides
/// whether it can carry decisions).
pub async fn hold(db: &DatabaseConnection, existing: meeting::Model) -> Result<meeting::Model> {
    check_allowed(&existing, Action::Hold)?;
    if existing.starts_at > Utc::now() {
        return Err(MeetingsError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::NOT_STARTED,
                "a meeting is marked held once it has started",
            ),
        ));
    }
    let recorded = attendance_record::Entity::find()
        .filter(attendance_record::Column::MeetingId.eq(existing.id))
        .count(db)
        .await?;
    if recorded == 0 {
        return Err(MeetingsError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::ATTENDANCE_FIRST,
                "record the attendance first: it decides whether the meeting had quorum",
            ),
        ));
    }
    let now = Utc::now();
    let mut active = existing.into_active_model();
    active.state = Set(MeetingState::Held.as_str().into());
    active.held_at = Set(Some(now));
    active.updated_at = Set(now);
    Ok(active.update(db).await?)
}

/// What a list shows.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub year: Option<i32>,
    pub states: Vec<MeetingState>,
    /// Only meetings that start from now on (`Some(true)`) or started before now.
    pub upcoming: Option<bool>,
    /// Folded query terms; every one must match.
    pub terms: Vec<String>,
}

/// One page of a municipality's meetings, newest first (upcoming ones soonest first).
pub async fn list(
    db: &impl ConnectionTrait,
    tenant_id: i64,
    filter: &ListFilter,
    page: council_shared::pagination::PageRequest,
) -> Result<(Vec<meeting::Model>, u64)> {
    let mut query = meeting::Entity::find().filter(meeting::Column::TenantId.eq(tenant_id));
    if !filter.states.is_empty() {
        query = query.filter(
            meeting::Column::State.is_in(filter.states.iter().map(|s| s.as_str().to_string())),
        );
    }
    if let Some(year) = filter.year {
        let (from, to) = year_bounds(year);
        query = query
            .filter(meeting::Column::StartsAt.gte(from))
            .filter(meeting::Column::StartsAt.lt(to));
    }
    let now = Utc::now();
    query = match filter.upcoming {
        Some(true) => query
            .filter(meeting::Column::StartsAt.gte(now))
            .order_by_asc(meeting::Column::StartsAt),
        Some(false) => query
            .filter(meeting::Column::StartsAt.lt(now))
            .order_by_desc(meeting::Column::StartsAt),
        None => query.order_by_desc(meeting::Column::StartsAt),
    };
    for term in &filter.terms {
        query = query.filter(
            meeting::Column::SearchText.like(council_shared::search::contains_pattern(term)),
        );
    }
    let query = query.order_by_desc(meeting::Column::Id);
    let total = query.clone().count(db).await?;
    let items = query
        .offset(page.index() * page.per_page)
        .limit(page.per_page)
        .all(db)
        .await?;
    Ok((items, total))
}

/// The UTC instants that bound Athens year `year`.
fn year_bounds(year: i32) -> (chrono::DateTime<Utc>, chrono::DateTime<Utc>) {
    use chrono::TimeZone;
    let start = |y: i32| {
        let midnight = Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0).unwrap();
        midnight
            - chrono::Duration::seconds(i64::from(athens::offset_at(midnight).local_minus_utc()))
    };
    (start(year), start(year + 1))
}
