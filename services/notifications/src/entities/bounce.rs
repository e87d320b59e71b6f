use sea_orm::entity::prelude::*;

/// A bounce or complaint read from the bounce mailbox, about one address.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notification_bounces")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Lower-case.
    pub email: String,
    /// The delivery its VERP address named.
    pub delivery_id: Option<i64>,
    /// `hard`, `soft` or `complaint`.
    pub kind: String,
    /// The enhanced status code (`5.1.1`); a complaint's feedback type (`abuse`).
    pub status: Option<String>,
    /// What the remote server said.
    #[sea_orm(column_type = "Text", nullable)]
    pub detail: Option<String>,
    pub received_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
