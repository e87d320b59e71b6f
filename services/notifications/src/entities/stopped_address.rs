use sea_orm::entity::prelude::*;

/// An address no mail goes to: it bounced for good, or too often.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notification_stopped_addresses")]
pub struct Model {
    /// Lower-case.
    #[sea_orm(primary_key, auto_increment = false)]
    pub email: String,
    /// `hard_bounce` or `soft_bounces`.
    pub reason: String,
    /// The remote server's status and words of the bounce that stopped it.
    #[sea_orm(column_type = "Text", nullable)]
    pub detail: Option<String>,
    pub delivery_id: Option<i64>,
    pub stopped_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
