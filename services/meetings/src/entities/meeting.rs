use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meetings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub tenant_id: i64,
    /// Athens year and number within it, given at convocation.
    pub year: Option<i32>,
    pub sequence: Option<i32>,
    pub title: String,
    pub kind: String,
    pub mode: String,
    pub state: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub location_name: Option<String>,
    pub location_address: Option<String>,
    /// Members only until the meeting starts.
    pub online_url: Option<String>,
    pub cancel_reason: Option<String>,
    pub quorum_present: Option<bool>,
    pub in_office: Option<i32>,
    pub present: Option<i32>,
    /// The iCalendar SEQUENCE: raised by every change a calendar should pick up.
    pub ical_sequence: i32,
    /// Folded public text (title, public agenda, published minutes) for search.
    pub search_text: String,
    pub approved_at: Option<DateTimeUtc>,
    pub approved_by: Option<String>,
    pub approved_in_meeting_id: Option<i64>,
    pub approval_note: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub convened_at: Option<DateTimeUtc>,
    pub held_at: Option<DateTimeUtc>,
    pub published_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
