use sea_orm::entity::prelude::*;

/// A resident subscribed to one municipality's notices. `pending` until the link in the
/// confirmation message is followed (it expires at `expires_at`), then `active`; `stopped`
/// when their address bounced.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notification_subscribers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub tenant_id: i64,
    /// Lower-case.
    pub email: String,
    pub language: String,
    /// Comma-separated topics: `meetings`, `minutes`, `practices`.
    pub topics: String,
    /// `immediate` or `digest`.
    pub cadence: String,
    pub state: String,
    /// The secret in the subscriber's links (confirm, preferences, unsubscribe).
    #[sea_orm(unique)]
    pub token: String,
    pub expires_at: Option<DateTimeUtc>,
    pub confirmed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Why mail to this subscriber stopped (state `stopped`): the address bounced. A
    /// confirmed re-subscription clears it.
    #[sea_orm(column_type = "Text", nullable)]
    pub stopped_reason: Option<String>,
    pub stopped_at: Option<DateTimeUtc>,
    /// The proof of consent: when the subscription was last asked for, from which client
    /// address, and from which it was confirmed (`confirmed_at`). None on rows older than
    /// their recording.
    pub requested_at: Option<DateTimeUtc>,
    pub requested_from: Option<String>,
    pub confirmed_from: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
