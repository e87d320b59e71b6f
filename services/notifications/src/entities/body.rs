use sea_orm::entity::prelude::*;

/// A notice's text in one language, shared by every delivery of it: each delivery's own
/// token goes where `placeholder` stands (their preferences and unsubscribe links).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notification_bodies")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(column_type = "Text")]
    pub text_body: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub html_body: Option<String>,
    pub placeholder: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
