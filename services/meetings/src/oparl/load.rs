//! What the OParl objects are built from, read in a few queries per page: the public
//! meetings of a municipality, and for a set of meetings their public items, documents,
//! published decisions, attendance and published minutes.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::{
    disclosure,
    domain::{AttendanceStatus, MeetingState},
    entities::{
        agenda_item, attachment, attendance_record, decision, decision_version, meeting,
        minutes_version,
    },
    error::Result,
    service::decisions::StoredDecision,
};

/// Meetings the public may see: every state but draft.
pub fn public_meetings(tenant_id: i64) -> sea_orm::Select<meeting::Entity> {
    meeting::Entity::find()
        .filter(meeting::Column::TenantId.eq(tenant_id))
        .filter(meeting::Column::State.ne(MeetingState::Draft.as_str()))
}

/// The ids of a municipality's public meetings.
pub async fn public_meeting_ids(db: &impl ConnectionTrait, tenant_id: i64) -> Result<Vec<i64>> {
    Ok(public_meetings(tenant_id)
        .select_only()
        .column(meeting::Column::Id)
        .into_tuple()
        .all(db)
        .await?)
}

/// The public item ids among `meeting_ids`.
pub async fn public_item_ids(db: &impl ConnectionTrait, meeting_ids: &[i64]) -> Result<Vec<i64>> {
    Ok(agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.is_in(meeting_ids.iter().copied()))
        .filter(agenda_item::Column::Public.eq(true))
        .select_only()
        .column(agenda_item::Column::Id)
        .into_tuple()
        .all(db)
        .await?)
}

/// An agenda item with its number on the printed agenda (closed items keep their number,
/// so the public numbering has gaps where they are).
pub struct NumberedItem {
    pub item: agenda_item::Model,
    pub number: usize,
}

/// A public meeting with what the public may see of it.
pub struct MeetingBundle {
    pub meeting: meeting::Model,
    /// Public items in agenda order.
    pub items: Vec<NumberedItem>,
    /// Documents on the meeting or on a public item.
    pub files: Vec<attachment::Model>,
    pub decisions: Vec<StoredDecision>,
    /// Members recorded present (in person or through their substitute), once published.
    pub present: Vec<i64>,
    /// Published minutes, oldest version first.
    pub minutes: Vec<minutes_version::Model>,
}

impl MeetingBundle {
    pub fn state(&self) -> MeetingState {
        MeetingState::from_db(&self.meeting.state).unwrap_or(MeetingState::Convened)
    }

    pub fn files_of(&self, item_id: Option<i64>) -> impl Iterator<Item = &attachment::Model> {
        self.files.iter().filter(move |f| f.item_id == item_id)
    }

    /// The published decision on an item, as the public reads it.
    pub fn decision_on(
        &self,
        item_id: i64,
    ) -> Option<(&decision::Model, &decision_version::Model)> {
        self.decisions
            .iter()
            .find(|d| d.decision.item_id == item_id)
            .and_then(|d| d.published().map(|v| (&d.decision, v)))
    }
}

/// Bundles for `meetings` (all public), in the order given.
pub async fn bundles(
    db: &impl ConnectionTrait,
    meetings: Vec<meeting::Model>,
) -> Result<Vec<MeetingBundle>> {
    let ids: Vec<i64> = meetings.iter().map(|m| m.id).collect();
    let items = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.is_in(ids.clone()))
        .order_by_asc(agenda_item::Column::MeetingId)
        .order_by_asc(agenda_item::Column::Position)
        .order_by_asc(agenda_item::Column::Id)
        .all(db)
        .await?;
    let files = attachment::Entity::find()
        .filter(attachment::Column::MeetingId.is_in(ids.clone()))
        .order_by_asc(attachment::Column::Id)
        .all(db)
        .await?;
    let decisions = decision::Entity::find()
        .filter(decision::Column::MeetingId.is_in(ids.clone()))
        .order_by_asc(decision::Column::Number)
        .all(db)
        .await?;
    let versions = decision_version::Entity::find()
        .filter(decision_version::Column::DecisionId.is_in(decisions.iter().map(|d| d.id)))
        .order_by_asc(decision_version::Column::Version)
        .all(db)
        .await?;
    let attendance = attendance_record::Entity::find()
        .filter(attendance_record::Column::MeetingId.is_in(ids.clone()))
        .order_by_asc(attendance_record::Column::Id)
        .all(db)
        .await?;
    let minutes = minutes_version::Entity::find()
        .filter(minutes_version::Column::MeetingId.is_in(ids))
        .filter(minutes_version::Column::PublishedAt.is_not_null())
        .order_by_asc(minutes_version::Column::Version)
        .all(db)
        .await?;
    let mut bundles = Vec::with_capacity(meetings.len());
    for meeting in meetings {
        let all_items: Vec<&agenda_item::Model> = items
            .iter()
            .filter(|i| i.meeting_id == meeting.id)
            .collect();
        let public_items: Vec<NumberedItem> = all_items
            .iter()
            .enumerate()
            .filter(|(_, item)| disclosure::item_is_public(item))
            .map(|(index, item)| NumberedItem {
                item: (*item).clone(),
                number: index + 1,
            })
            .collect();
        let published = MeetingState::from_db(&meeting.state)? == MeetingState::Published;
        bundles.push(MeetingBundle {
            files: files
                .iter()
                .filter(|f| f.meeting_id == meeting.id)
                .filter(|f| {
                    f.item_id
                        .is_none_or(|id| public_items.iter().any(|i| i.item.id == id))
                })
                .cloned()
                .collect(),
            decisions: decisions
                .iter()
                .filter(|d| d.meeting_id == meeting.id)
                .map(|d| StoredDecision {
                    decision: d.clone(),
                    versions: versions
                        .iter()
                        .filter(|v| v.decision_id == d.id)
                        .cloned()
                        .collect(),
                })
                .collect(),
            present: attendance
                .iter()
                .filter(|r| published && r.meeting_id == meeting.id)
                .filter(|r| AttendanceStatus::from_db(&r.status).is_ok_and(|s| s.is_present()))
                .map(|r| r.member_id)
                .collect(),
            minutes: minutes
                .iter()
                .filter(|v| v.meeting_id == meeting.id)
                .cloned()
                .collect(),
            items: public_items,
            meeting,
        });
    }
    Ok(bundles)
}
