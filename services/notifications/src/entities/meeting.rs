use sea_orm::entity::prelude::*;

/// A convened meeting as the meetings service's events described it: what the reminder job
/// reads, and for which start time the members were reminded.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notification_meetings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub meeting_id: i64,
    pub tenant_id: i64,
    pub title: String,
    /// `convened`, `cancelled` or `past` (held, or further on).
    pub state: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub ical_sequence: i32,
    /// When members last had a message with its time (convocation, change, postponement).
    pub last_notice_at: DateTimeUtc,
    pub reminded_for: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
