use sea_orm::entity::prelude::*;

/// "Tell us your opinion": held for moderation; the address is kept, never shown.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "practice_feedback")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub practice_id: i64,
    pub name: Option<String>,
    pub email: String,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// `pending`, `approved` or `rejected`.
    pub state: String,
    pub created_at: DateTimeUtc,
    pub moderated_at: Option<DateTimeUtc>,
    pub moderated_by_user_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
