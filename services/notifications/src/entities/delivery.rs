use sea_orm::entity::prelude::*;

/// One message to one person, rendered when queued. `queued` → `in_flight` (handed to
/// SMTP) → `sent`, or back to `queued` with a later `next_attempt_at` after a temporary
/// failure, or `failed` after a permanent one or too many attempts.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notification_deliveries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub tenant_id: Option<i64>,
    /// One per person per event: the same event processed twice queues nothing new.
    #[sea_orm(unique)]
    pub idempotency_key: String,
    /// The same on every attempt, so a resend is recognisable as the same message.
    pub message_id: String,
    pub kind: String,
    pub recipient: String,
    pub subscriber_id: Option<i64>,
    #[sea_orm(column_type = "Text")]
    pub subject: String,
    #[sea_orm(column_type = "Text")]
    pub text_body: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub html_body: Option<String>,
    /// An iCalendar invitation or cancellation to attach.
    #[sea_orm(column_type = "Text", nullable)]
    pub calendar: Option<String>,
    pub calendar_method: Option<String>,
    /// For `List-Unsubscribe` (residents' messages).
    #[sea_orm(column_type = "Text", nullable)]
    pub unsubscribe_url: Option<String>,
    pub state: String,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
    /// A notice's shared text (`text_body` and `html_body` are then empty), with this
    /// delivery's token for its placeholder.
    pub body_id: Option<i64>,
    pub body_token: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
