//! The agenda: ordered items, added and edited before the meeting, reordered, withdrawn
//! (kept and marked, never deleted once the meeting is convened), or added as urgent at
//! the start of the meeting.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    prelude::Expr,
};

use super::{
    check_allowed,
    events::{self, EventType, Payload},
    search,
};
use crate::{
    domain::{Action, ItemData, MeetingState},
    entities::{agenda_item, meeting},
    error::{MeetingsError, Result},
};

/// The meeting's items in agenda order, withdrawn ones included.
pub async fn items(db: &impl ConnectionTrait, meeting_id: i64) -> Result<Vec<agenda_item::Model>> {
    Ok(agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(meeting_id))
        .order_by_asc(agenda_item::Column::Position)
        .order_by_asc(agenda_item::Column::Id)
        .all(db)
        .await?)
}

/// Items not withdrawn.
pub async fn count_live(db: &impl ConnectionTrait, meeting_id: i64) -> Result<u64> {
    Ok(agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(meeting_id))
        .filter(agenda_item::Column::WithdrawnAt.is_null())
        .count(db)
        .await?)
}

/// The item `item_id` of `meeting`, or 404.
pub async fn find(
    db: &impl ConnectionTrait,
    meeting: &meeting::Model,
    item_id: i64,
) -> Result<agenda_item::Model> {
    agenda_item::Entity::find_by_id(item_id)
        .filter(agenda_item::Column::MeetingId.eq(meeting.id))
        .one(db)
        .await?
        .ok_or_else(|| {
            MeetingsError::NotFound(format!(
                "meeting {} has no agenda item {item_id}",
                meeting.id
            ))
        })
}

/// A change to a convened meeting's agenda is news for the members and calendars.
async fn touch(txn: &impl ConnectionTrait, meeting: meeting::Model) -> Result<()> {
    let convened = meeting.state == MeetingState::Convened.as_str();
    let sequence = meeting.ical_sequence;
    let id = meeting.id;
    let mut active = meeting.into_active_model();
    active.updated_at = Set(Utc::now());
    if convened {
        active.ical_sequence = Set(sequence + 1);
    }
    let saved = active.update(txn).await?;
    if convened {
        events::emit(
            txn,
            saved.tenant_id,
            EventType::MeetingUpdated,
            &Payload::of(&saved),
        )
        .await?;
    }
    search::reindex(txn, id).await
}

/// Adds an item at the end. `urgent`: added at the start of the meeting, and marked so.
pub async fn add(
    db: &DatabaseConnection,
    meeting: meeting::Model,
    data: ItemData,
    urgent: bool,
) -> Result<agenda_item::Model> {
    check_allowed(
        &meeting,
        if urgent {
            Action::AddUrgentItem
        } else {
            Action::EditAgenda
        },
    )?;
    let txn = council_shared::database::begin_write(db).await?;
    let last: Option<Option<i32>> = agenda_item::Entity::find()
        .select_only()
        .column_as(agenda_item::Column::Position.max(), "max")
        .filter(agenda_item::Column::MeetingId.eq(meeting.id))
        .into_tuple()
        .one(&txn)
        .await?;
    let now = Utc::now();
    let saved = agenda_item::ActiveModel {
        meeting_id: Set(meeting.id),
        position: Set(last.flatten().unwrap_or(0) + 1),
        title: Set(data.title),
        description: Set(data.description),
        rapporteur: Set(data.rapporteur),
        public: Set(data.public),
        urgent: Set(urgent),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    touch(&txn, meeting).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Changes an item's text, rapporteur or public flag.
pub async fn update(
    db: &DatabaseConnection,
    meeting: meeting::Model,
    item: agenda_item::Model,
    data: ItemData,
) -> Result<agenda_item::Model> {
    let state = super::state_of(&meeting)?;
    // An urgent item can still be corrected while the meeting is being recorded.
    if !(state.allows(Action::EditAgenda) || item.urgent && state.allows(Action::AddUrgentItem)) {
        return Err(MeetingsError::InvalidTransition {
            from: state,
            action: Action::EditAgenda,
        });
    }
    if item.withdrawn_at.is_some() {
        return Err(MeetingsError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::ITEM_WITHDRAWN,
                "a withdrawn item cannot be changed",
            ),
        ));
    }
    let txn = council_shared::database::begin_write(db).await?;
    let mut active = item.into_active_model();
    active.title = Set(data.title);
    active.description = Set(data.description);
    active.rapporteur = Set(data.rapporteur);
    active.public = Set(data.public);
    active.updated_at = Set(Utc::now());
    let saved = active.update(&txn).await?;
    touch(&txn, meeting).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Puts the items in the order given; the list must name every item exactly once.
pub async fn reorder(
    db: &DatabaseConnection,
    meeting: meeting::Model,
    order: &[i64],
) -> Result<()> {
    check_allowed(&meeting, Action::EditAgenda)?;
    let current = items(db, meeting.id).await?;
    let mut wanted = order.to_vec();
    wanted.sort_unstable();
    let mut have: Vec<i64> = current.iter().map(|i| i.id).collect();
    have.sort_unstable();
    if wanted != have {
        return Err(MeetingsError::invalid(
            "item_ids",
            format!("must list each of this meeting's items exactly once: {have:?}"),
        ));
    }
    let txn = council_shared::database::begin_write(db).await?;
    for (index, id) in order.iter().enumerate() {
        agenda_item::Entity::update_many()
            .col_expr(agenda_item::Column::Position, Expr::value(index as i32 + 1))
            .filter(agenda_item::Column::Id.eq(*id))
            .exec(&txn)
            .await?;
    }
    touch(&txn, meeting).await?;
    txn.commit().await?;
    Ok(())
}

/// Withdraws an item: it stays on the agenda, marked, with the reason. A draft's item is
/// simply deleted, since nobody was told of it yet.
pub async fn withdraw(
    db: &DatabaseConnection,
    meeting: meeting::Model,
    item: agenda_item::Model,
    reason: String,
) -> Result<Option<agenda_item::Model>> {
    let state = super::state_of(&meeting)?;
    if !(state.allows(Action::EditAgenda) || state == MeetingState::Held) {
        return Err(MeetingsError::InvalidTransition {
            from: state,
            action: Action::EditAgenda,
        });
    }
    if item.withdrawn_at.is_some() {
        return Err(MeetingsError::Conflict(
            council_shared::validation::Invalid::new(
                council_shared::conflict::ITEM_WITHDRAWN,
                "the item is already withdrawn",
            ),
        ));
    }
    let txn = council_shared::database::begin_write(db).await?;
    let result = if state == MeetingState::Draft {
        agenda_item::Entity::delete_by_id(item.id)
            .exec(&txn)
            .await?;
        None
    } else {
        if super::decisions::exists_for(&txn, item.id).await? {
            return Err(MeetingsError::Conflict(
                council_shared::validation::Invalid::new(
                    council_shared::conflict::ITEM_DECIDED,
                    "the item has a recorded decision and cannot be withdrawn",
                ),
            ));
        }
        let mut active = item.into_active_model();
        active.withdrawn_at = Set(Some(Utc::now()));
        active.withdrawn_reason = Set(Some(reason));
        Some(active.update(&txn).await?)
    };
    touch(&txn, meeting).await?;
    txn.commit().await?;
    Ok(result)
}
